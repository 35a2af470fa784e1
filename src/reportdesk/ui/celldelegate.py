"""The cell editor: totals follow each keystroke; Enter/Tab/Up/Down commit and move like a spreadsheet.

A value that cannot go in keeps the cell editing, with the text as typed and the reason beside the
cell; an implausible one (more than a million cases, more than ten million 万元) is asked about once.
A number too wide for its column is drawn smaller, never cut off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QStyledItemDelegate, QStyleOptionViewItem

from ..formats import ValueKind, cells_of
from ..model.values import CellValueError, Money, as_number
from .tablemodel import ReportTableModel

COUNT_LIMIT = 1_000_000  # cases in a year above this are a slip of the finger more often than not
WAN_YUAN_LIMIT = 10_000_000  # 万元: ten million 万元 is a hundred billion 元
COMMIT_KEYS = {
    Qt.Key.Key_Return: "down",
    Qt.Key.Key_Enter: "down",
    Qt.Key.Key_Tab: "next",
    Qt.Key.Key_Backtab: "previous",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}
MIN_POINT_SIZE = 6.0


def implausible(kind: ValueKind, value) -> str | None:
    """Why a value that parses is still unlikely, in Chinese; None when it is ordinary."""
    if value is None:
        return None
    if kind in (ValueKind.COUNT, ValueKind.SIGNED) and abs(int(as_number(value))) > COUNT_LIMIT:
        return f"{value} 件超过 {COUNT_LIMIT:,} 件"
    if kind is ValueKind.WAN_YUAN and as_number(value) > WAN_YUAN_LIMIT:
        return f"{value} 万元超过 {WAN_YUAN_LIMIT:,} 万元"
    if isinstance(value, Money) and value.in_yuan() > WAN_YUAN_LIMIT * 10000:
        return f"{value} 超过 {WAN_YUAN_LIMIT:,} 万元"
    return None


class CellDelegate(QStyledItemDelegate):
    moveRequested = Signal(int)  # noqa: N815 - Qt signal naming; -1 up, +1 down, after committing

    def __init__(self, model: ReportTableModel, parent=None) -> None:
        super().__init__(parent)
        self.table_model = model
        self.bubble = QLabel(parent.viewport() if parent is not None else None)
        self.bubble.setWordWrap(True)
        self.bubble.setMaximumWidth(360)
        self.bubble.setStyleSheet(
            "QLabel { background:#fff1f1; color:#8b0000; border:1px solid #b00020; padding:4px 6px; }"
        )
        self.bubble.hide()
        self.confirmed: set[tuple[object, str]] = set()  # (ref, text) the clerk confirmed as meant

    # ------------------------------------------------------------------ editing

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        ref = self.table_model.ref_at(index)
        editor.setProperty("ref", ref)
        editor.textEdited.connect(lambda text: self.table_model.preview(ref, text))
        editor.textEdited.connect(lambda _t, e=editor: self._clear_problem(e))
        editor.destroyed.connect(self._end_preview)
        return editor

    def _end_preview(self, _obj=None) -> None:
        try:
            self.table_model.preview(None, "")
            self.bubble.hide()
        except RuntimeError:  # the model went first while the window closes
            pass

    def problem_of(self, editor: QLineEdit) -> str | None:
        """Why the editor's text cannot go into its cell, or None."""
        ref = editor.property("ref")
        if ref is None:
            return None
        doc = self.table_model.doc
        if ref in cells_of(doc.report.format).formulas:
            return self.tr("{0}是自动计算的合计，不能直接填写").format(ref.describe())
        try:
            doc.parse_cell(ref, editor.text())
        except CellValueError as exc:
            return str(exc)
        return None

    def confirm_plausible(self, editor: QLineEdit) -> bool:
        """Ask once about an implausible value; True when it may be stored."""
        ref, text = editor.property("ref"), editor.text().strip()
        doc = self.table_model.doc
        kind = cells_of(doc.report.format).kinds[ref]
        why = implausible(kind, doc.parse_cell(ref, text))
        if why is None or (ref, text) in self.confirmed:
            return True
        answer = QMessageBox.question(
            editor.window(),
            self.tr("请确认数值"),
            self.tr("{0}填写的是 {1}（{2}），数值异常大。确定填入吗？").format(ref.describe(), text, why),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.confirmed.add((ref, text))
            return True
        return False

    def show_problem(self, editor: QLineEdit, problem: str) -> None:
        """The reason beside the cell being edited; the text stays as typed, the cell stays editing."""
        editor.setStyleSheet("QLineEdit { background:#fbe3e3; }")
        self.bubble.setText(self.tr("未填入：{0}。请改正，或按 Esc 放弃。").format(problem))
        self.bubble.adjustSize()
        viewport = self.bubble.parentWidget()
        cell = editor.geometry()
        x = cell.left()
        y = cell.bottom() + 2
        if viewport is not None:
            x = max(0, min(x, viewport.width() - self.bubble.width()))
            if y + self.bubble.height() > viewport.height():
                y = max(0, cell.top() - self.bubble.height() - 2)
        self.bubble.move(QPoint(x, y))
        self.bubble.show()
        self.bubble.raise_()
        editor.setFocus()
        self.table_model.rejected.emit(self.tr("未填入：{0}").format(problem))

    def _clear_problem(self, editor: QLineEdit) -> None:
        editor.setStyleSheet("")
        self.bubble.hide()

    def eventFilter(self, editor, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and event.key() in COMMIT_KEYS and isinstance(editor, QLineEdit):
            problem = self.problem_of(editor)
            if problem is not None:
                self.show_problem(editor, problem)
                return True
            if not self.confirm_plausible(editor):
                editor.setFocus()
                editor.selectAll()
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        if kind == QEvent.Type.FocusOut and isinstance(editor, QLineEdit) and not editor.isActiveWindow():
            return False  # a message box of ours took the focus: keep the editor as it is
        return super().eventFilter(editor, event)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QLineEdit) and editor.property("ref") is not None:
            ref, text = editor.property("ref"), editor.text().strip()
            doc = self.table_model.doc
            try:
                value = doc.parse_cell(ref, text)
            except CellValueError:
                value = None
            kind = cells_of(doc.report.format).kinds.get(ref)
            if kind is not None and implausible(kind, value) and (ref, text) not in self.confirmed:
                # left the cell by mouse with an implausible value: not stored without asking
                self.table_model.rejected.emit(
                    self.tr("未填入：{0}的 {1} 数值异常大，请重新输入并确认").format(ref.describe(), text)
                )
                return
        super().setModelData(editor, model, index)

    # ------------------------------------------------------------------ drawing

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        """A number wider than its column is drawn in a smaller font instead of "999999…"."""
        super().initStyleOption(option, index)
        if not option.text or self.table_model.ref_at(index) is None:
            return
        option.textElideMode = Qt.TextElideMode.ElideNone
        room = option.rect.width() - 8
        font = option.font
        size = font.pointSizeF()
        while size > MIN_POINT_SIZE and option.fontMetrics.horizontalAdvance(option.text) > room > 0:
            size -= 0.5
            font.setPointSizeF(size)
            option.font = font
            option.fontMetrics = type(option.fontMetrics)(font)
