"""The printed grid of each official table: merged header cells, labels and data cells.

The editor, the .docx exporter and the PDF exporter all draw tables from this one layout, so the
merges on screen and on paper are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from . import common
from .cells import CellRef, is_computed
from .spec import PART2, PART3, PART4, PATH_SEP, Header, ReportFormat


class Role(str, Enum):
    TITLE = "title"  # part 二 block title, full width
    HEADER = "header"  # column header
    LABEL = "label"  # row label
    INPUT = "input"  # a cell the clerk types
    COMPUTED = "computed"  # a total
    EMPTY = "empty"  # part of the form left blank (2019 part 二's short blocks)


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    role: Role
    text: str = ""
    ref: CellRef | None = None


@dataclass(frozen=True)
class Grid:
    rows: int
    cols: int
    header_rows: int  # rows to repeat at the top of each page
    label_cols: int
    cells: tuple[GridCell, ...]

    def by_ref(self) -> dict[CellRef, GridCell]:
        return {c.ref: c for c in self.cells if c.ref is not None}

    def at(self) -> dict[tuple[int, int], GridCell]:
        """The cell that starts at each (row, col)."""
        return {(c.row, c.col): c for c in self.cells}


def _place_columns(nodes: tuple[Header, ...], row: int, col: int, depth: int, out: list[GridCell]) -> None:
    for node in nodes:
        width = len(node.leaves())
        height = 1 if node.children else depth - row
        out.append(GridCell(row, col, height, width, Role.HEADER, node.label))
        if node.children:
            _place_columns(node.children, row + 1, col, depth, out)
        col += width


def _place_rows(nodes: tuple[Header, ...], row: int, col: int, width: int, out: list[GridCell]) -> None:
    for node in nodes:
        height = len(node.leaves())
        span = 1 if node.children else width - col
        out.append(GridCell(row, col, height, span, Role.LABEL, node.label))
        if node.children:
            _place_rows(node.children, row, col + 1, width, out)
        row += height


def _data_cell(fmt: ReportFormat, row: int, col: int, ref: CellRef, span: int = 1) -> GridCell:
    role = Role.COMPUTED if is_computed(fmt, ref) else Role.INPUT
    return GridCell(row, col, 1, span, role, "", ref)


def _part2(fmt: ReportFormat) -> Grid:
    width = 1 + 3
    cells: list[GridCell] = []
    r = 0
    for block in fmt.part2:
        cells.append(GridCell(r, 0, 1, width, Role.TITLE, block.title))
        r += 1
        cells.append(GridCell(r, 0, 1, 1, Role.HEADER, common.PART2_LABEL_COLUMN))
        c = 1
        for column in block.columns:
            cells.append(GridCell(r, c, 1, column.span, Role.HEADER, column.label))
            c += column.span
        if c < width:
            cells.append(GridCell(r, c, 1, width - c, Role.EMPTY))
        r += 1
        for label in block.rows:
            cells.append(GridCell(r, 0, 1, 1, Role.LABEL, label))
            c = 1
            for column in block.columns:
                ref = CellRef(PART2, block.title + PATH_SEP + label, column.label)
                cells.append(_data_cell(fmt, r, c, ref, column.span))
                c += column.span
            if c < width:
                cells.append(GridCell(r, c, 1, width - c, Role.EMPTY))
            r += 1
    return Grid(r, width, 0, 1, tuple(cells))


def _part3(fmt: ReportFormat) -> Grid:
    p3 = fmt.part3
    labels = p3.label_columns
    depth = p3.column_tree.depth()
    cells = [GridCell(0, 0, depth, labels, Role.HEADER, p3.corner)]
    _place_columns((p3.column_tree,), 0, labels, depth, cells)
    _place_rows(p3.rows, depth, 0, labels, cells)
    for i, row in enumerate(p3.row_paths):
        for j, col in enumerate(p3.columns):
            cells.append(_data_cell(fmt, depth + i, labels + j, CellRef(PART3, row, col)))
    return Grid(depth + len(p3.row_paths), labels + len(p3.columns), depth, labels, tuple(cells))


def _part4(fmt: ReportFormat) -> Grid:
    p4 = fmt.part4
    depth = max(n.depth() for n in p4.column_tree)
    cells: list[GridCell] = []
    _place_columns(p4.column_tree, 0, 0, depth, cells)
    c = 0
    for group in p4.groups:
        for col in p4.columns_of(group):
            cells.append(_data_cell(fmt, depth, c, CellRef(PART4, group, col)))
            c += 1
    return Grid(depth + 1, c, depth, 0, tuple(cells))


@cache
def grid_of(fmt: ReportFormat, table: str) -> Grid:
    return {PART2: _part2, PART3: _part3, PART4: _part4}[table](fmt)
