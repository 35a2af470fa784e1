"""Last year beside this year in the window, driven as a clerk would: 文件→关联上年报告… with a
published report, the 显示上年数 button, what a cell shows, undo, save and open again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from reportdesk.formats import PART3, cells_of
from reportdesk.loading import load_report
from reportdesk.model.project import save_project
from reportdesk.model.report import new_report
from reportdesk.model.values import format_value

PUBLISHED = Path(__file__).resolve().parents[1] / "fixtures" / "published" / "001_082ea42f41a4a5d8.txt"


def _choose(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _part3(window):
    page = window.pages["part3"]
    overlay = next(o for o in window.previous_year.overlays if o.page is page)
    button = window.previous_year.buttons[window.table_pages().index(page)]
    return page, overlay, button


def test_attach_a_published_report_toggle_and_read_a_cell(window, qtbot, monkeypatch, demo_file):
    py = window.previous_year
    assert window.report.previous is None
    last = load_report(PUBLISHED)  # 2023: the demo is 2025, so the clerk is told it is not the year before
    _choose(monkeypatch, PUBLISHED)
    py.attach_action.trigger()
    assert window.report.previous is not None and window.report.previous.year == 2023
    assert "不是上一年度" in window.statusBar().currentMessage()
    window.show_section("part3")
    qtbot.wait(50)  # the page is laid out when first shown
    page, overlay, button = _part3(window)
    assert button.isChecked() and py.shown  # attaching shows last year's figures at once
    ref = next(r for r in cells_of(window.report.format).inputs if r.table == PART3 and last.values.get(r))
    kind = cells_of(window.report.format).kinds[ref]
    this, before = window.report.values.get(ref) or 0, last.values[ref]
    expected = f"上年 {format_value(kind, before)}" + ("" if this == before else f" · {this - before:+d}")
    assert overlay.shown_text(ref) == expected
    row = page.model.by_ref[ref].row
    tall = page.view.rowHeight(row)
    assert tall >= page.view._row_height(row) + overlay.extra  # room for the second line

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # hide
    assert not py.shown and not py.show_action.isChecked()
    assert overlay.shown_text(ref) is None
    assert page.view.rowHeight(row) < tall  # back to the compact table
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # show again
    assert overlay.shown_text(ref) == expected and page.view.rowHeight(row) == tall

    # typing this year's figure updates the change beside it
    window.doc.type_cell(ref, str(before + 5))
    assert overlay.shown_text(ref) == f"上年 {format_value(kind, before)} · +5"

    # saved and opened again: last year's figures are in the project
    assert window.save()
    assert window.open_report_file(demo_file)
    assert window.report.previous is not None and window.report.previous.values[ref] == before
    _, overlay, _ = _part3(window)
    assert py.show_action.isEnabled()
    py.show_action.setChecked(True)
    assert overlay.shown_text(ref) == f"上年 {format_value(kind, before)} · +5"


def test_unknown_last_year_shows_as_unknown_and_undo_detaches(window, monkeypatch, tmp_path):
    py = window.previous_year
    last = new_report(window.report.agency, window.report.year - 1)
    ref = next(r for r in cells_of(last.format).inputs if r.table == PART3)
    last.values[ref] = None
    last.unreadable[ref] = "“l2”（不是数字）"
    save_project(last, tmp_path / "last.rdproj")
    _choose(monkeypatch, tmp_path / "last.rdproj")
    py.attach_action.trigger()
    _, overlay, _ = _part3(window)
    assert overlay.shown_text(ref) == "上年 ？"  # unknown, never 0, and no change
    change = py.changes[ref]
    assert change.last_unknown and change.delta is None
    assert "未能读取" in window.statusBar().currentMessage()
    window.doc.undo_stack.undo()  # attaching is one undoable step
    assert window.report.previous is None
    assert py.changes and ref not in py.changes  # only the carried cells of the demo's baseline remain


def test_a_later_report_is_refused(window, monkeypatch, tmp_path, answers):
    later = new_report(window.report.agency, window.report.year + 1)
    save_project(later, tmp_path / "later.rdproj")
    _choose(monkeypatch, tmp_path / "later.rdproj")
    window.previous_year.attach_action.trigger()
    assert window.report.previous is None
    assert any("不早于" in t for t in answers.told)


def test_the_tooltip_says_last_year_and_the_change(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    last = new_report(window.report.agency, window.report.year - 1)
    ref = next(r for r in cells_of(last.format).inputs if r.table == PART3)
    last.values[ref] = (window.report.values.get(ref) or 0) * 4 + 40  # this year far below: a large change
    save_project(last, tmp_path / "last.rdproj")
    _choose(monkeypatch, tmp_path / "last.rdproj")
    window.previous_year.attach_action.trigger()
    window.show_section("part3")
    qtbot.wait(50)
    page, _, _ = _part3(window)
    assert window.previous_year.changes[ref].large
    page.view.scrollTo(page.model.index_of(ref))
    rect = page.view.visualRect(page.model.index_of(ref))
    viewport = page.view.viewport()
    pos = rect.center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    text = QToolTip.text()
    assert f"上年（{last.year}年）：{last.values[ref]}" in text
    assert "变化较大" in text and "不是问题" in text  # a hint, not a finding
    assert not any("上年" in f.message and "较大" in f.message for f in window.doc.findings)
