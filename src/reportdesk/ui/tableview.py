"""The table view a clerk types into: form-like spans, spreadsheet keys, paste and copy of blocks."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QFrame, QHeaderView, QMessageBox, QTableView

from ..formats import PART2, PART3, PART4, CellRef, Role, ValueKind, cells_of
from ..model.values import CellValueError, normalise
from .celldelegate import CellDelegate
from .pasteplan import is_placeholder, plan_paste
from .tablemodel import ReportTableModel

Hint = QAbstractItemDelegate.EndEditHint

# Column widths in characters of the table font (so they follow the font and the DPI), chosen so
# part 三 fits 1366 px beside the navigation: 9 + 10 + 18 + 7 × 5.7 ≈ 77 characters ≈ 1000 px at 9 pt.
# On a narrower window they shrink to fit (column_widths): labels first, wrapping, then the numbers.
LABEL_WIDTHS = {PART2: (20.0,), PART3: (9.0, 10.0, 18.0)}
DATA_WIDTH = {PART2: 11.5, PART3: 5.7, PART4: 5.1}
# Label columns that stay in place while the numbers scroll sideways on a narrow window (part 三's
# three row-label columns; no span of its grid crosses them). Part 二's block titles span the whole
# row, and it fits any agency screen, so it has none.
FROZEN_COLUMNS = {PART3: 3}


class ReportTableView(QTableView):
    message = Signal(str)  # for the status bar
    frozen: QTableView | None = None  # set before setModel, which already lays out

    def __init__(self, model: ReportTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.table_model = model
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.delegate = CellDelegate(model, self)
        self.setItemDelegate(self.delegate)
        self.delegate.moveRequested.connect(self._move_vertically)
        model.rejected.connect(self.message)
        if FROZEN_COLUMNS.get(model.table):
            self.frozen = self._make_frozen()
        model.modelReset.connect(self.layout_grid)
        self.layout_grid()

    # ------------------------------------------------------------------ layout

    def layout_grid(self) -> None:
        model = self.table_model
        self.clearSpans()
        for cell in model.spans():
            self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._widths: list[int] = []
        self._fit_columns()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        first = self.first_input()
        if first.isValid():
            self.setCurrentIndex(first)

    def column_widths(self, room: int) -> list[int]:
        """Widths that fit ``room`` pixels when they can: labels narrow (and wrap) first, then the numbers,
        down to a label of five characters and a number of six digits (1,000,000 is asked about)."""
        table = self.table_model.table
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("国")
        labels = LABEL_WIDTHS.get(table, ())
        n = self.table_model.grid.cols
        wanted = [round((labels[c] if c < len(labels) else DATA_WIDTH[table]) * char) for c in range(n)]
        excess = sum(wanted) - room
        if room <= 0 or excess <= 0:
            return wanted
        k = len(labels)
        label_min, data_min = 5 * char, metrics.horizontalAdvance("00000") + 8
        slack = sum(max(0, w - label_min) for w in wanted[:k])
        take = min(excess, slack)
        out = [w - round(max(0, w - label_min) * take / slack) if slack else w for w in wanted[:k]]
        excess -= take
        data = wanted[k:]
        if excess > 0 and data:
            each = -(-excess // len(data))
            data = [max(data_min, w - each) for w in data]
        return out + data

    def _fit_columns(self) -> None:
        """Column widths for the width the view has now, and row heights for the labels as they wrap."""
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width() - 2
        widths = self.column_widths(room)
        if widths == self._widths:
            return
        self._widths = widths
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        for r in range(self.table_model.grid.rows):
            self.setRowHeight(r, self._row_height(r))
        self._layout_frozen()

    # ------------------------------------------------------------------ frozen label columns

    def _make_frozen(self) -> QTableView:
        """A second view over the same model, laid over the label columns (Qt's "frozen column")."""
        f = QTableView(self)
        f.setModel(self.table_model)
        f.setSelectionModel(self.selectionModel())
        f.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        f.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        f.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        f.horizontalHeader().hide()
        f.verticalHeader().hide()
        f.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        f.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        f.setWordWrap(True)
        f.setFrameShape(QFrame.Shape.NoFrame)
        f.setStyleSheet("QTableView { border-right: 1px solid #9aa7b5; }")
        self.viewport().stackUnder(f)
        f.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(f.verticalScrollBar().setValue)
        f.show()
        return f

    def frozen_width(self) -> int:
        n = FROZEN_COLUMNS.get(self.table_model.table, 0)
        return sum(self.columnWidth(c) for c in range(n)) if self.frozen is not None else 0

    def _layout_frozen(self) -> None:
        f = self.frozen
        if f is None:
            return
        n = FROZEN_COLUMNS[self.table_model.table]
        f.clearSpans()
        for cell in self.table_model.spans():
            f.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        for c in range(self.table_model.grid.cols):
            f.setColumnHidden(c, c >= n)
            f.setColumnWidth(c, self.columnWidth(c))
        for r in range(self.table_model.grid.rows):
            f.setRowHeight(r, self.rowHeight(r))
        self._place_frozen()

    def _place_frozen(self) -> None:
        if self.frozen is not None:
            fw = self.frameWidth()
            self.frozen.setGeometry(fw, fw, self.frozen_width(), self.viewport().height())
            self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place_frozen()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Never leave the cell shown under the frozen label columns."""
        bar = self.horizontalScrollBar()
        keep = bar.value()
        super().scrollTo(index, hint)
        if self.frozen is None or not index.isValid():
            return
        if index.column() < FROZEN_COLUMNS[self.table_model.table]:
            bar.setValue(keep)  # a label is always in view; only scroll vertically
            return
        left = self.visualRect(index).left()
        if left < self.frozen_width():
            bar.setValue(bar.value() + left - self.frozen_width())

    def _row_height(self, row: int) -> int:
        """Tall enough for the longest single-row header or label of this row, wrapped in its span (a wrapped
        label breaks between characters and loses part of a line to padding: estimated generously)."""
        model = self.table_model
        metrics = self.fontMetrics()
        lines = 1
        for cell in model.grid.cells:
            if cell.row != row or cell.rowspan != 1 or not cell.text:
                continue
            width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 14
            needed = metrics.horizontalAdvance(cell.text) + metrics.horizontalAdvance("国") // 2
            lines = max(lines, -(-needed // max(width, 1)))
        return metrics.height() * min(lines, 6) + 10

    # ------------------------------------------------------------------ navigation

    def input_indexes(self) -> list[QModelIndex]:
        model = self.table_model
        return [
            model.index(c.row, c.col)
            for c in sorted(model.grid.cells, key=lambda c: (c.row, c.col))
            if c.role is Role.INPUT
        ]

    def first_input(self) -> QModelIndex:
        inputs = self.input_indexes()
        return inputs[0] if inputs else QModelIndex()

    def next_input(self, index: QModelIndex, step: int = 1) -> QModelIndex:
        inputs = self.input_indexes()
        if not inputs:
            return QModelIndex()
        key = (index.row(), index.column())
        positions = [(i.row(), i.column()) for i in inputs]
        if step > 0:
            later = [i for i, p in zip(inputs, positions, strict=True) if p > key]
            return later[0] if later else inputs[0]
        earlier = [i for i, p in zip(inputs, positions, strict=True) if p < key]
        return earlier[-1] if earlier else inputs[-1]

    def input_below(self, index: QModelIndex, step: int = 1) -> QModelIndex:
        """Enter as in Excel: the next input cell down the same column (up with ``step`` -1); past the
        last one, the top of the next column that has input cells."""
        inputs = self.input_indexes()
        if not inputs:
            return QModelIndex()
        key = (index.column(), index.row())
        ordered = sorted(inputs, key=lambda i: (i.column(), i.row()))
        if step > 0:
            later = [i for i in ordered if (i.column(), i.row()) > key]
            return later[0] if later else ordered[0]
        earlier = [i for i in ordered if (i.column(), i.row()) < key]
        return earlier[-1] if earlier else ordered[-1]

    def moveCursor(self, action, modifiers):
        move = QAbstractItemView.CursorAction
        if action == move.MoveNext:
            return self.next_input(self.currentIndex(), 1)
        if action == move.MovePrevious:
            return self.next_input(self.currentIndex(), -1)
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor, hint) -> None:
        super().closeEditor(editor, hint)
        if hint == Hint.SubmitModelCache:  # Enter in the cell editor: down to the next input cell, as in Excel
            self.go(self.input_below(self.currentIndex()))

    def _move_vertically(self, step: int) -> None:
        action = QAbstractItemView.CursorAction.MoveDown if step > 0 else QAbstractItemView.CursorAction.MoveUp
        self.go(self.moveCursor(action, Qt.KeyboardModifier.NoModifier))

    def go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                step = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
                self.go(self.input_below(self.currentIndex(), step))
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection_to_zero()
                return
        super().keyPressEvent(event)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        if trigger == QAbstractItemView.EditTrigger.AnyKeyPressed and index.isValid() and event is not None:
            ref = self.table_model.ref_at(index)
            cell = self.table_model.cell_at(index)
            if ref is not None and cell is not None and cell.role is Role.COMPUTED and event.text().strip():
                self.message.emit(self.tr("{0}是自动计算的合计，不能直接填写").format(ref.describe()))
            elif self.table_model.doc.read_only and event.text().strip():
                self.message.emit(self.tr("此报告以只读方式打开，不能修改"))
        return super().edit(index, trigger, event)

    # ------------------------------------------------------------------ selection blocks

    def selected_block(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right) of the selection, or the current cell."""
        ranges = self.selectionModel().selection()
        if ranges.isEmpty():
            i = self.currentIndex()
            return i.row(), i.column(), i.row(), i.column()
        r = ranges[0]
        return r.top(), r.left(), r.bottom(), r.right()

    def block_refs(self) -> list[CellRef]:
        top, left, bottom, right = self.selected_block()
        model = self.table_model
        out = []
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                cell = model.starts.get((r, c))
                if cell is not None and cell.role is Role.INPUT and cell.ref not in out:
                    out.append(cell.ref)
        return out

    def clear_selection_to_zero(self) -> None:
        doc = self.table_model.doc
        if doc.read_only:
            self.message.emit(self.tr("此报告以只读方式打开，不能修改"))
            return
        refs = self.block_refs()
        if refs:
            doc.edit_cells(
                {ref: doc.parse_cell(ref, "0") for ref in refs}, self.tr("清零 {0} 个单元格").format(len(refs))
            )

    def copy(self) -> None:
        top, left, bottom, right = self.selected_block()
        model = self.table_model
        lines = []
        for r in range(top, bottom + 1):
            row = []
            for c in range(left, right + 1):
                cell = model.starts.get((r, c))
                row.append("" if cell is None else model.data(model.index(r, c)) or "")
            lines.append("\t".join(row))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
        self.message.emit(self.tr("已复制 {0} 行 × {1} 列").format(bottom - top + 1, right - left + 1))

    def paste(self, text: str | None = None) -> None:
        doc = self.table_model.doc
        if doc.read_only:
            self.message.emit(self.tr("此报告以只读方式打开，不能修改"))
            return
        if text is None:
            text = QGuiApplication.clipboard().text()
        rows = [line.rstrip("\r").split("\t") for line in text.replace("\r\n", "\n").split("\n")]
        while rows and rows[-1] == [""]:
            rows.pop()
        if not rows:
            self.message.emit(self.tr("剪贴板中没有可粘贴的内容"))
            return
        self.message.emit(self.paste_block(self.currentIndex(), rows))

    def paste_block(self, start: QModelIndex, rows: list[list[str]]) -> str:
        """Paste a block as Excel would, aligned by the labels or header row it carries (see pasteplan).

        "无", "-", "—", "/" and blank paste as 0 in count cells; cells that cannot be read are listed
        (cell and text) while the others are pasted, all as one undo step."""
        model = self.table_model
        doc = model.doc
        kinds = cells_of(doc.report.format).kinds
        plan = plan_paste(model.grid.cells, model.grid.rows, model.grid.cols, rows, start.row(), start.column())
        values: dict[CellRef, object] = {}
        bad: list[str] = []
        skipped = outside = converted = 0
        for r, c, text in plan.targets:
            cell = model.cover.get((r, c))
            if cell is None:
                outside += bool(text.strip())
                continue
            if not model.is_input(model.index(r, c)):
                skipped += bool(text.strip()) and not is_placeholder(text)
                continue
            kind = kinds[cell.ref]
            if is_placeholder(text) and kind is not ValueKind.MONEY:
                converted += normalise(text) != "0"  # a typed 0, of either width, is not a conversion
                values[cell.ref] = doc.parse_cell(cell.ref, "0")
                continue
            try:
                values[cell.ref] = doc.parse_cell(cell.ref, text)
            except CellValueError:
                bad.append(self.tr("{0}：“{1}”").format(cell.ref.describe(), text.strip()))
        if not values:
            self.bad_cells = bad
            if bad:
                self.report_bad(bad, plan.unplaced)
                return self.tr("未粘贴：{0} 个单元格不是数字").format(len(bad))
            return self.tr("没有粘贴任何数字：起始单元格之后没有可填写的单元格")
        doc.edit_cells(values, self.tr("粘贴 {0} 个单元格").format(len(values)))
        notes = [self.tr("已粘贴 {0} 个单元格").format(len(values))]
        if plan.by_labels or plan.by_header:
            notes.append(self.tr("按所带的{0}对齐").format(
                self.tr("行标题和表头") if plan.by_labels and plan.by_header
                else self.tr("行标题") if plan.by_labels else self.tr("表头")))
        if converted:
            notes.append(self.tr("{0} 个“无”“-”“/”或空白按 0 填入").format(converted))
        if skipped:
            notes.append(self.tr("跳过 {0} 个合计或标题单元格（合计自动计算）").format(skipped))
        if outside:
            notes.append(self.tr("{0} 个值超出表格范围，未粘贴").format(outside))
        if bad:
            notes.append(self.tr("{0} 个单元格不是数字，未粘贴").format(len(bad)))
        if plan.unplaced:
            notes.append(self.tr("{0} 行的标题在本表中找不到，未粘贴").format(len(plan.unplaced)))
        self.bad_cells = bad
        if bad or plan.unplaced:
            self.report_bad(bad, plan.unplaced)
        last = model.index_of(list(values)[-1])
        self.selectionModel().select(last, QItemSelectionModel.SelectionFlag.NoUpdate)
        return "；".join(notes)

    def report_bad(self, bad: list[str], unplaced: list[str]) -> None:
        """Every cell that was not pasted, by name and text, in one box (the rest is pasted already)."""
        lines = []
        if bad:
            lines += [self.tr("以下 {0} 个单元格的内容不是数字，未粘贴：").format(len(bad)), *(f"· {b}" for b in bad)]
        if unplaced:
            lines += [self.tr("以下行的标题在本表中找不到，未粘贴："), *(f"· {u}" for u in unplaced)]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("部分内容未粘贴"), "\n".join(lines[:14]), parent=self)
        if len(lines) > 14:
            box.setInformativeText(self.tr("……共 {0} 处，见“显示详细信息”").format(len(bad) + len(unplaced)))
            box.setDetailedText("\n".join(lines))
        box.exec()
