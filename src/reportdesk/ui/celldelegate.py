"""The cell editor: totals follow each keystroke, and Up/Down commit and move like a spreadsheet."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from .tablemodel import ReportTableModel


class CellDelegate(QStyledItemDelegate):
    moveRequested = Signal(int)  # noqa: N815 - Qt signal naming; -1 up, +1 down, after committing

    def __init__(self, model: ReportTableModel, parent=None) -> None:
        super().__init__(parent)
        self.table_model = model

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        ref = self.table_model.ref_at(index)
        editor.textEdited.connect(lambda text: self.table_model.preview(ref, text))
        editor.destroyed.connect(self._end_preview)
        return editor

    def _end_preview(self, _obj=None) -> None:
        try:
            self.table_model.preview(None, "")
        except RuntimeError:  # the model went first while the window closes
            pass

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(editor, event)
