"""A clerk's day in the window (issue 17), driven with the keyboard and mouse as a clerk would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from reportdesk.ui.datefield import DateTextError, parse_date_text

K = Qt.Key


@pytest.mark.parametrize("text", ["2026-01-20", "2026年1月20日", "2026/1/20", "20260120", "２０２６年１月２０日", "2026.1.20"])
def test_date_texts_a_clerk_types(text):
    assert parse_date_text(text) == dt.date(2026, 1, 20)


@pytest.mark.parametrize("text", ["明天", "2026-02-30", "2026-13-01", "202611"])
def test_what_is_not_a_date_says_so(text):
    with pytest.raises(DateTextError):
        parse_date_text(text)


def test_typing_the_signature_date(window, qtbot):
    window.show_section("signature")
    field = window.pages["signature"].date
    field.edit.setFocus()
    field.edit.selectAll()
    field.edit.insert("2026年1月20日")  # typed through the input method (QTest types ASCII only)
    qtbot.keyClick(field.edit, K.Key_Return)
    assert window.report.date == dt.date(2026, 1, 20)
    assert field.edit.text() == "2026年1月20日"
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2026/2/3")
    qtbot.keyClick(field.edit, K.Key_Tab)
    assert window.report.date == dt.date(2026, 2, 3)
    field.edit.setFocus()
    field.edit.selectAll()
    field.edit.insert("二月")
    qtbot.keyClick(field.edit, K.Key_Return)
    assert window.report.date == dt.date(2026, 2, 3)  # kept; the field says why
    assert "不是日期" in field.edit.toolTip()
    window.doc.undo_stack.undo()
    assert window.report.date == dt.date(2026, 1, 20)


def test_calendar_opens_in_january_after_the_report_year(window, qtbot):
    window.doc.edit_field("date", None, "落款日期")
    field = window.pages["signature"].date
    field._open_calendar()
    cal = field.calendar
    assert (cal.yearShown(), cal.monthShown()) == (window.report.year + 1, 1)
    info_field = window.info_page.ui.dateEdit
    info_field._open_calendar()
    assert (info_field.calendar.yearShown(), info_field.calendar.monthShown()) == (window.report.year + 1, 1)
