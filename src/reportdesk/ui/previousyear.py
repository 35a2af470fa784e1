"""Last year beside this year in the tables: 文件→关联上年报告… and the 显示上年数 toggle.

Each table cell that last year also has gets, when shown, a small grey second line “上年 12 · +3”
painted by a transparent overlay on the table's viewport (so the editing delegate stays as it is),
and its tooltip says last year's figure and the change. A large change is a gentle orange hint,
never a finding. Last year's figures live in ``Report.previous`` (saved in the project).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QToolButton

from ..model.comparison import attach_check, compare, known_previous, previous_of

if TYPE_CHECKING:
    from .previousoverlay import PreviousOverlay

class PreviousYear(QObject):
    """The two commands and the overlays of the window's table pages."""

    def __init__(self, window, file_menu, view_menu, before: QAction | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.shown = False
        self.changes: dict = {}
        self._parts: dict[object, tuple[PreviousOverlay, QToolButton, QLabel]] = {}  # table page -> its three
        self._note = ""
        self.attach_action = QAction(self.tr("关联上年报告…"), window)
        self.attach_action.triggered.connect(lambda _c=False: self.attach_dialog())
        file_menu.insertAction(before, self.attach_action) if before else file_menu.addAction(self.attach_action)
        self.show_action = QAction(self.tr("显示上年数"), window)
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self.set_shown)
        view_menu.addAction(self.show_action)
        self._doc = None

    @property
    def report(self):
        return self.window.doc.report

    def kind(self, ref):
        from ..formats import cells_of

        return cells_of(self.report.format).kinds[ref]

    # ------------------------------------------------------------------ pages

    def install(self) -> None:
        """When the window starts a new set of pages for a document (each table page is then added as built)."""
        doc = self.window.doc
        if doc is not self._doc:
            self._doc = doc
            for signal in (doc.cellsChanged, doc.fieldChanged, doc.reportReplaced):
                signal.connect(self.refresh)
        self._parts = {}
        self.refresh()

    def add_page(self, page) -> None:
        """A table page just built: its overlay, and a toggle button beside its legend."""
        from .previousoverlay import PreviousOverlay  # lazy: with the first table page; ~2 ms before the first paint

        overlay = PreviousOverlay(self, page)
        button = QToolButton(page)
        button.setDefaultAction(self.show_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # beside the legend under the table (it wraps, so a narrow window stays narrow)
        layout = page.layout()
        legend = layout.itemAt(layout.count() - 1).widget()
        layout.removeWidget(legend)
        row = QHBoxLayout()
        row.addWidget(legend, 1)
        note = QLabel()
        note.setStyleSheet("color:#7a7a7a")
        row.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self._parts[page] = (overlay, button, note)
        self._refresh_page(page)

    @property
    def overlays(self) -> list[PreviousOverlay]:
        """Every table's overlay, in table order (building the table pages not yet shown)."""
        return [self._parts[page][0] for page in self.window.table_pages()]

    @property
    def buttons(self) -> list[QToolButton]:
        """Every table's 显示上年数 button, in table order (building the table pages not yet shown)."""
        return [self._parts[page][1] for page in self.window.table_pages()]

    def refresh(self, *_args) -> None:
        report = self.report
        b = known_previous(report)
        self.changes = compare(report) if b is not None else {}
        self.show_action.setEnabled(b is not None)
        if b is None and self.shown:
            self.show_action.setChecked(False)
        self._note = ""
        if b is not None:
            self._note = self.tr("上年：{0}年").format(b.year) + ("" if report.previous is not None else self.tr("（仅结转数）"))
            if b.year != report.year - 1:  # said when attached too, but the status bar cuts it at 1024 px
                self._note += self.tr("（不是上一年度）")
        for page in self._parts:
            self._refresh_page(page)

    def _refresh_page(self, page) -> None:
        overlay, _button, note = self._parts[page]
        none = bool(self._note) and not any(ref.table == page.model.table for ref in self.changes)
        note.setText(self._note + (self.tr("：本表与上年无可比单元格") if none else ""))
        overlay.relayout()

    def set_shown(self, on: bool) -> None:
        self.shown = bool(on)
        for overlay, _button, _note in self._parts.values():
            overlay.relayout()

    # ------------------------------------------------------------------ attaching

    def attach_dialog(self) -> None:
        from .settings import load_settings

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("关联上年报告"), load_settings().last_folder, self.tr("报告文件 (*.rdproj *.docx *.pdf *.html *.htm *.txt *.json);;所有文件 (*)")
        )
        if path:
            self.attach_file(path)

    def attach_file(self, path: str | Path) -> bool:
        """Last year's report from a project or a published document; its figures are kept in the project."""
        from ..loading import LoadError, load_report

        doc = self.window.doc
        if doc is None or doc.read_only:
            return False
        try:
            last = load_report(path)
        except LoadError as exc:
            QMessageBox.warning(self.window, self.tr("关联上年报告"), str(exc))
            return False
        problem = attach_check(doc.report, last)
        if problem:
            QMessageBox.warning(self.window, self.tr("关联上年报告"), problem)
            return False
        previous = previous_of(last)
        doc.edit_field("previous", previous, self.tr("上年报告"))
        unknown = len(previous.unreadable)
        msg = self.tr("已关联{0}年报告“{1}”：{2} 个单元格可与上年比较").format(last.year, Path(path).name, len(self.changes))
        if last.year != doc.report.year - 1:
            msg += self.tr("（注意：所选报告是{0}年度的，不是上一年度）").format(last.year)
        if unknown:
            msg += self.tr("；其中上年 {0} 个单元格未能读取，显示为“？”").format(unknown)
        self.window.show_message(msg)
        if not self.shown:
            self.show_action.setChecked(True)
        return True


__all__ = ["PreviousYear"]
