"""The findings panel: every finding of the checks, grouped by part; a click reveals its place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem

from ..checks import Finding, Severity, mark_checked
from ..formats import ALL_PARTS
from .document import Document

COLOURS = {Severity.ERROR: QColor("#b00020"), Severity.WARNING: QColor("#8a6100"), Severity.INFO: QColor("#35608c")}
TODO_COLOUR = QColor("#4a5866")  # 待填写: not filled in yet, shown neutrally (see todo.py)
COLOURS[Severity.READ] = QColor("#666666")  # reading notes: about the reading, not the report


def part_title(part: str) -> str:
    if not part:
        return QCoreApplication.translate("FindingsPanel", "全文（标题、开篇、落款）")
    return QCoreApplication.translate("FindingsPanel", "第{0}部分").format(part)


class FindingsPanel(QTreeWidget):
    findingActivated = Signal(object)  # noqa: N815 - Qt signal naming; Finding

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setHeaderLabels([self.tr("位置"), self.tr("问题")])
        self.setColumnWidth(0, 380)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the column name at the end in view
        self.setUniformRowHeights(False)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._items: list[tuple[QTreeWidgetItem, Finding]] = []
        self._shown: list[Finding] | None = []
        self.pending = lambda _f: False  # the window says which findings are only 待填写 for now
        self._pending_shown: list[bool] = []
        self.set_document(doc)

    def set_document(self, doc: Document) -> None:
        self.doc = doc
        doc.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if not self.doc.checked:  # a window's new document: filled in when it is checked (after the first paint)
            self.clear()
            self._items, self._shown, self._pending_shown = [], None, []
            return
        findings = self.doc.findings
        pending = [self.pending(f) for f in findings]
        if findings == self._shown and pending == self._pending_shown:
            return  # typing that changes no finding costs nothing here
        self._shown = list(findings)
        self._pending_shown = pending
        self.setUpdatesEnabled(False)
        self.clear()
        self._items = []
        groups: dict[str, QTreeWidgetItem] = {}
        order = ["", *ALL_PARTS]
        for f in sorted(findings, key=lambda f: order.index(f.place.part) if f.place.part in order else 99):
            part = f.place.part if f.place.part in order else ""
            group = groups.get(part)
            if group is None:
                group = QTreeWidgetItem(self, [part_title(part), ""])
                group.setFirstColumnSpanned(True)
                groups[part] = group
            where = f.place.describe()
            # the group says the part already; the table, row and column is what must show
            shown = where.removeprefix(part_title(part) + " · ") if part else where
            todo = self.pending(f)
            label = self.tr("待填写") if todo else f.severity.label
            item = QTreeWidgetItem(group, [shown, f"【{label}】{f.message}"])
            item.setForeground(1, QBrush(TODO_COLOUR if todo else COLOURS[f.severity]))
            item.setToolTip(1, self.tr("{0}\n位置：{1}\n规则：{2}").format(f.message, f.place.describe(), f.rule))
            item.setToolTip(0, self.tr("{0}\n位置：{1}\n规则：{2}").format(f.message, f.place.describe(), f.rule))
            item.setData(0, Qt.ItemDataRole.UserRole, len(self._items))
            self._items.append((item, f))
        if not findings:
            QTreeWidgetItem(self, [self.tr("没有发现问题"), ""]).setFirstColumnSpanned(True)
        for part, group in groups.items():
            n = group.childCount()
            group.setText(0, self.tr("{0}（{1} 条）").format(part_title(part), n))
        self.expandAll()
        self.setUpdatesEnabled(True)

    def finding_items(self) -> list[tuple[QTreeWidgetItem, Finding]]:
        return list(self._items)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        for it, f in self._items:
            if it is item:
                self.findingActivated.emit(f)
                return

    # ------------------------------------------------------------------ 已核对

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        finding = next((f for it, f in self._items if it is item), None)
        if finding is None or finding.severity is Severity.ERROR:
            return  # errors are what the form makes wrong: they cannot be waved through
        menu = QMenu(self)
        action = menu.addAction(self.tr("标记为已核对（所依据的数字改变前不再显示）"))
        action.triggered.connect(lambda: self.mark_checked(finding))
        menu.exec(self.viewport().mapToGlobal(pos))

    def mark_checked(self, finding: Finding) -> None:
        """The clerk checked this warning: hide it (undoably, saved with the project) until its inputs change."""
        if finding.severity is Severity.ERROR or self.doc.read_only:
            return
        self.doc.undo_stack.push(_MarkChecked(self.doc, finding, self.tr("标记为已核对")))


class _MarkChecked(QUndoCommand):
    def __init__(self, doc: Document, finding: Finding, text: str) -> None:
        super().__init__(text)
        self.doc, self.finding = doc, finding

    def redo(self) -> None:
        mark_checked(self.doc.report, self.finding)
        self.doc.recheck()
        self.doc.modified.emit()

    def undo(self) -> None:
        self.doc.report.checked.discard(self.finding.fingerprint)
        self.doc.recheck()
        self.doc.modified.emit()
