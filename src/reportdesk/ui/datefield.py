"""A date field a clerk can type into (2026-01-20, 2026年1月20日, 2026/1/20, 20260120) or pick from a calendar.

The calendar opens at the month the date most likely falls in (for a 落款: January of the year after
the report year), not at January 2000.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ..model.values import normalise

_SEPARATED = re.compile(r"(\d{4})\s*(?:年|[-/.．])\s*(\d{1,2})\s*(?:月|[-/.．])\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


class DateTextError(ValueError):
    """Text that is not a date; the message is for the clerk."""


def parse_date_text(text: str) -> dt.date | None:
    """The date in what was typed; None for blank. Raises DateTextError with a Chinese message."""
    s = normalise(text).replace("／", "/").replace("－", "-")
    if not s:
        return None
    m = _SEPARATED.fullmatch(s) or _COMPACT.fullmatch(s)
    if m is None:
        raise DateTextError(f"“{text}”不是日期：请按“2026年1月20日”“2026-01-20”或“20260120”的样式填写")
    year, month, day = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateTextError(f"“{text}”不是有效日期：{year}年没有{month}月{day}日") from None


def date_text(d: dt.date | None) -> str:
    """The date as the report prints it: 2026年1月20日 (no padding)."""
    return "" if d is None else f"{d.year}年{d.month}月{d.day}日"


class DateField(QWidget):
    """Line edit plus calendar button; ``dateEdited`` carries a datetime.date or None when the clerk changes it."""

    dateEdited = Signal(object)  # noqa: N815 - Qt signal naming
    rejected = Signal(str)  # a typed text that is not a date, with the reason

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self.likely_month = dt.date.today().replace(day=1)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("未填写（例如 2026年1月20日）"))
        self.edit.setClearButtonEnabled(True)
        self.edit.editingFinished.connect(self._typed)
        self.button = QToolButton()
        self.button.setText(self.tr("日历…"))
        self.button.setToolTip(self.tr("从日历中选择日期"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._open_calendar)
        self.button.setMenu(menu)
        self.menu = menu
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.problem_label = QLabel()  # why the typed text was not taken, right under the field
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color:#8b0000")
        self.problem_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem_label)
        self.setFocusProxy(self.edit)
        self.problem = ""

    # ------------------------------------------------------------------ value

    def date(self) -> dt.date | None:
        return self._date

    def setDate(self, d: dt.date | None) -> None:
        self._date = d
        self._show()

    def set_likely_month(self, year: int, month: int = 1) -> None:
        """Where the calendar opens while no date is set."""
        self.likely_month = dt.date(year, month, 1)

    def setReadOnly(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.edit.setClearButtonEnabled(not read_only)
        self.button.setEnabled(not read_only)

    def isReadOnly(self) -> bool:
        return self.edit.isReadOnly()

    def _show(self) -> None:
        self.edit.setText(date_text(self._date))
        self._mark("")

    def _mark(self, problem: str) -> None:
        self.problem = problem
        self.edit.setStyleSheet("QLineEdit { background:#fbe3e3; border:1px solid #b00020; }" if problem else "")
        self.edit.setToolTip(problem)
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))

    def _typed(self) -> None:
        if self.edit.isReadOnly():
            return
        try:
            d = parse_date_text(self.edit.text())
        except DateTextError as exc:
            self._mark(str(exc))
            self.rejected.emit(str(exc))
            return
        changed = d != self._date
        self._date = d
        self._show()
        if changed:
            self.dateEdited.emit(d)

    def _open_calendar(self) -> None:
        d = self._date or self.likely_month
        self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        self.calendar.setCurrentPage(d.year, d.month)

    def _picked(self, q: QDate) -> None:
        self.menu.close()
        d = dt.date(q.year(), q.month(), q.day())
        if d != self._date:
            self._date = d
            self._show()
            self.dateEdited.emit(d)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
