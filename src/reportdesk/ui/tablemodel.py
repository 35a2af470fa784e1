"""One thin QAbstractTableModel per official table, laid out exactly like the printed form.

The model is the whole grid of ``formats.grid_of``: header and label cells are model cells too, so
merged headers become QTableView spans and the clerk sees the paper form. Computed cells are
read-only and shaded; cells in a finding are coloured and explain the rule in their tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ..checks import Finding, Severity
from ..formats import CellRef, GridCell, Role, cells_of, grid_of
from ..model.report import UNKNOWN_MARK
from ..model.stock import expected_stock, follows, stock_rules
from ..model.values import as_number
from .document import Document
from .summary_tips import tip_lines

R = Qt.ItemDataRole

HEADER_BG = QColor("#e6ebf2")
TITLE_BG = QColor("#d5deea")
LABEL_BG = QColor("#f3f5f8")
COMPUTED_BG = QColor("#e9f0e1")
EMPTY_BG = QColor("#f7f7f7")
ERROR_BG = QColor("#f6c6c6")
WARNING_BG = QColor("#fde9a9")
COMPUTED_FG = QColor("#2f4f1f")
FOLLOWING_BG = QColor("#f2f7ec")  # 现行有效 still following last year's figures: computed, but may be typed over
ERROR_FG = QColor("#8b0000")
UNKNOWN_FG = QColor("#808080")  # an unknown cell's mark, grey

CENTER = int(Qt.AlignmentFlag.AlignCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class ReportTableModel(QAbstractTableModel):
    rejected = Signal(str)  # a typed value that was refused, with the reason

    def __init__(self, doc: Document, table: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.table = table
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._build()
        doc.cellsChanged.connect(self._on_cells)
        doc.findingsChanged.connect(self._on_findings)
        doc.reportReplaced.connect(self._rebuild)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        fmt = self.doc.report.format
        self.grid = grid_of(fmt, self.table)
        self.starts = self.grid.at()
        self.cover: dict[tuple[int, int], GridCell] = {}
        for cell in self.grid.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self.cover[(r, c)] = cell
        self.by_ref = self.grid.by_ref()
        formulas = cells_of(fmt).formulas
        self.totals_of: dict[CellRef, list[CellRef]] = {}
        for total, sources in formulas.items():
            if total.table == self.table:
                for src in sources:
                    self.totals_of.setdefault(src, []).append(total)
        self.formulas = formulas
        self.stocks = {rule.stock: rule for rule in stock_rules(self.doc.report) if rule.stock.table == self.table}
        self._marks = self._compute_marks()
        self._preview: tuple[CellRef, object] | None = None  # a value being typed, not yet stored

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def spans(self) -> list[GridCell]:
        return [c for c in self.grid.cells if c.rowspan > 1 or c.colspan > 1]

    def cell_at(self, index: QModelIndex) -> GridCell | None:
        return self.cover.get((index.row(), index.column()))

    def ref_at(self, index: QModelIndex) -> CellRef | None:
        cell = self.cell_at(index)
        return cell.ref if cell is not None else None

    def index_of(self, ref: CellRef) -> QModelIndex:
        cell = self.by_ref.get(ref)
        return self.index(cell.row, cell.col) if cell is not None else QModelIndex()

    def is_input(self, index: QModelIndex) -> bool:
        cell = self.cell_at(index)
        return cell is not None and cell.role is Role.INPUT and (cell.row, cell.col) == (index.row(), index.column())

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.cols

    def flags(self, index: QModelIndex):
        cell = self.cell_at(index)
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if cell is not None and cell.role is Role.INPUT and not self.doc.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role: int = R.DisplayRole):
        cell = self.cover.get((index.row(), index.column()))
        if cell is None:
            return None
        ref = cell.ref
        if role == R.DisplayRole or role == R.EditRole:
            if ref is None:
                return cell.text
            if self._preview is not None and cell.role is Role.COMPUTED:
                return self._previewed_total(ref)
            if self.doc.report.is_unknown(ref):  # unknown is not blank and not 0
                return UNKNOWN_MARK if role == R.DisplayRole else ""
            return self.doc.display(ref)
        if role == R.BackgroundRole:
            if ref is not None:
                mark = self._marks.get(ref)
                if mark is not None:
                    return ERROR_BG if mark[0] is Severity.ERROR else WARNING_BG
                if self.following(ref):
                    return FOLLOWING_BG
                return COMPUTED_BG if cell.role is Role.COMPUTED else None
            return {Role.TITLE: TITLE_BG, Role.HEADER: HEADER_BG, Role.LABEL: LABEL_BG}.get(cell.role, EMPTY_BG)
        if role == R.ForegroundRole:
            if ref is not None and ref in self._marks and self._marks[ref][0] is Severity.ERROR:
                return ERROR_FG
            if ref is not None and self.doc.report.is_unknown(ref):
                return UNKNOWN_FG
            return COMPUTED_FG if cell.role is Role.COMPUTED else None
        if role == R.TextAlignmentRole:
            if ref is not None:
                return RIGHT
            if cell.role is Role.LABEL and cell.rowspan > 8:
                return TOP  # a group label over many rows: seen where the group starts, not mid-scroll
            if cell.role is Role.LABEL:
                return CENTER if cell.rowspan > 1 else LEFT  # siblings line up; a group label sits in its middle
            return LEFT if cell.role is Role.TITLE and len(cell.text) > 8 else CENTER
        if role == R.FontRole:
            if ref is not None and self.following(ref):
                return self._italic
            return self._bold if cell.role in (Role.COMPUTED, Role.TITLE) else None
        if role == R.ToolTipRole:
            return self._tooltip(cell) or None
        if role == R.AccessibleTextRole:
            return ref.describe() if ref is not None else cell.text
        return None

    def setData(self, index: QModelIndex, value, role: int = R.EditRole) -> bool:
        ref = self.ref_at(index)
        if role != R.EditRole or ref is None or self.doc.read_only:
            return False
        problem = self.doc.type_cell(ref, "" if value is None else str(value))
        if problem:
            self.rejected.emit(self.tr("未填入：{0}").format(problem))
            return False
        return True

    def headerData(self, section: int, orientation, role: int = R.DisplayRole):
        if role == R.DisplayRole:
            return str(section + 1)
        return None

    # ------------------------------------------------------------------ live totals while typing

    def preview(self, ref: CellRef | None, text: str) -> None:
        """Show totals as if ``text`` were in ``ref`` (the cell editor is open); None ends it."""
        old = self._preview
        self._preview = None
        if ref is not None:
            try:
                self._preview = (ref, self.doc.parse_cell(ref, text))
            except ValueError:
                self._preview = None
        for p in (old, self._preview):
            if p is not None:
                self._emit(self.totals_of.get(p[0], ()))

    def _previewed_total(self, total: CellRef) -> str:
        ref, value = self._preview
        if total not in self.totals_of.get(ref, ()):
            return UNKNOWN_MARK if self.doc.report.is_unknown(total) else self.doc.display(total)
        report = self.doc.report
        if any(r in report.unreadable for r in self.formulas[total] if r != ref):
            return UNKNOWN_MARK
        known = sum(int(as_number(report.values.get(r))) for r in self.formulas[total] if r != ref)
        return str(known + int(as_number(value)))

    def following(self, ref: CellRef) -> bool:
        """A 现行有效 cell that still follows last year's figures and this year's 制发/废止."""
        rule = self.stocks.get(ref)
        return rule is not None and follows(self.doc.report, rule)

    # ------------------------------------------------------------------ findings and updates

    def _tooltip(self, cell: GridCell) -> str:
        ref = cell.ref
        if ref is None:
            return cell.text if len(cell.text) > 6 else ""
        lines = [ref.describe()]
        shown = self.doc.display(ref)
        if shown:
            lines.append(self.tr("数值：{0}").format(shown))
        if cell.role is Role.COMPUTED:
            lines.append(self.tr("自动计算：{0} 个单元格之和，不能直接填写").format(len(self.formulas[ref])))
        if self.following(ref):
            rule = self.stocks[ref]
            base = self.doc.report.baseline
            lines.append(
                self.tr("按上年推算：{0} 年现行有效 {1} + 本年制发 {2} − 本年废止 {3} = {4}；直接输入即以所填为准").format(
                    base.year,
                    base.values.get(ref),
                    self.doc.display(rule.plus),
                    self.doc.display(rule.minus) if rule.minus else "0",
                    expected_stock(self.doc.report, rule),
                )
                if rule.same_year
                else self.tr("按上年推算的现行有效件数；直接输入即以所填为准")
            )
        report = self.doc.report
        if ref in report.unreadable:
            lines.append(self.tr("未知（未能从原文读取）：{0}。请按原文填写").format(report.unreadable[ref]))
        elif report.is_unknown(ref):
            lines.append(self.tr("未知：所加的单元格中有未能读取的"))
        lines += tip_lines(self.doc, ref)  # a 汇总 made in this session: each source's contribution
        mark = self._marks.get(ref)
        if mark is not None:
            lines += mark[1]
        return "\n".join(lines)

    def _compute_marks(self) -> dict[CellRef, tuple[Severity, list[str]]]:
        marks: dict[CellRef, tuple[Severity, list[str]]] = {}
        for ref, findings in self.doc.cell_findings.items():
            if ref.table != self.table:
                continue
            severity = Severity.ERROR if any(f.severity is Severity.ERROR for f in findings) else Severity.WARNING
            marks[ref] = (severity, [_line(f) for f in findings])
        return marks

    def _emit(self, refs) -> None:
        for ref in refs:
            cell = self.by_ref.get(ref)
            if cell is not None:
                idx = self.index(cell.row, cell.col)
                self.dataChanged.emit(idx, idx)

    def _on_cells(self, refs: set[CellRef]) -> None:
        touched = {r for r in refs if r.table == self.table}
        for ref in list(touched):
            touched.update(self.totals_of.get(ref, ()))
        self._emit(touched)

    def _on_findings(self) -> None:
        old = self._marks
        new = self._compute_marks()
        self._marks = new
        self._emit({ref for ref in old.keys() | new.keys() if old.get(ref) != new.get(ref)})


def _line(f: Finding) -> str:
    return f"【{f.severity.label}】{f.message}"
