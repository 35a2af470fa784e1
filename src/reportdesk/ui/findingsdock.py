"""The 检查结果 dock: the findings list, the whole message of the selected one, and the to-do state.

Until the clerk asks for the check (检查, export, print), findings that only say "not filled in
yet" are 待填写 (see todo.py); ``strict`` turns them into the errors the checks say they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from ..checks import Finding, Severity
from .document import Document
from .findingspanel import FindingsPanel
from .todo import is_todo, progress_text


class FindingsDock(QDockWidget):
    findingActivated = Signal(object)  # noqa: N815 - Qt signal naming; Finding
    strictChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(self.tr("检查结果"), parent)
        self.setObjectName("findingsDock")  # saveState/restoreState remember its size by this name
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.doc = doc
        self.strict = False
        self.panel = FindingsPanel(doc)
        self.panel.pending = self.is_pending
        self.panel.refresh()
        self.panel.findingActivated.connect(self.findingActivated)
        self.panel.currentItemChanged.connect(lambda item, _old: self.show_detail(item))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("padding:3px 6px;background:#f4f7fb;border-top:1px solid #d5deea")
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.panel, 1)
        box.addWidget(self.detail)
        self.setWidget(holder)

    def set_document(self, doc: Document) -> None:
        self.doc = doc
        self.strict = False
        self.panel.set_document(doc)

    # ------------------------------------------------------------------ 待填写

    def is_pending(self, finding: Finding) -> bool:
        """A finding that only says "not filled in yet", shown as 待填写 until the check is asked for."""
        return not self.strict and is_todo(finding)

    def set_strict(self, on: bool = True) -> None:
        """From now on 待填写 counts as errors (the clerk ran 检查, exported or printed)."""
        if self.strict != on:
            self.strict = on
            self.panel.refresh()
            self.strictChanged.emit()

    def summary(self) -> tuple[str, int]:
        """The status bar's text (progress, errors, warnings) and the number of errors."""
        real = [f for f in self.doc.findings if not self.is_pending(f)]
        todo = [f for f in self.doc.findings if self.is_pending(f)]
        errors = sum(f.severity is Severity.ERROR for f in real)
        warnings = sum(f.severity is Severity.WARNING for f in real)
        progress = progress_text(self.doc.report, todo) if todo else ""
        text = self.tr("{0} 个错误 · {1} 个警告").format(errors, warnings)
        return (f"{progress}　|　{text}" if progress else text), errors

    # ------------------------------------------------------------------ the whole message

    def show_detail(self, item=None) -> None:
        """The whole message of the selected finding, wrapped, below the list."""
        item = item if item is not None else self.panel.currentItem()
        finding = next((f for it, f in self.panel.finding_items() if it is item), None)
        if finding is None:
            self.detail.setText("")
            return
        label = self.tr("待填写") if self.is_pending(finding) else finding.severity.label
        self.detail.setText(f"【{label}】{finding.place.describe()}：{finding.message}")
