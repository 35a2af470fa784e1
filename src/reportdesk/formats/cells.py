"""Cell addresses and the arithmetic of computed cells, derived from a format declaration.

A cell is addressed by the official labels: ``CellRef("三", "三、本年度办理结果/（一）予以公开",
"自然人")``. Part 二 rows are ``"<block title>/<row label>"``; part 四 rows are the column-group
paths (``"行政诉讼/复议后起诉"``), since part 四 has a single data row.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .spec import PART2, PART3, PART4, PATH_SEP, ReportFormat, ValueKind


class CellRef(NamedTuple):
    table: str
    row: str
    col: str

    def describe(self) -> str:
        """The cell in words, as a clerk reads it on the form."""
        row = self.row.split(PATH_SEP)[-1] if self.table != PART4 else self.row.replace(PATH_SEP, "·")
        if self.table == PART2:
            block, _, label = self.row.partition(PATH_SEP)
            return f"表二{block}“{label}”行“{self.col}”"
        return f"表{self.table}“{row}”{'' if self.table == PART4 else '行'}“{self.col}”"


class FormatCells(NamedTuple):
    inputs: tuple[CellRef, ...]  # every cell the clerk types, in reading order
    kinds: dict[CellRef, ValueKind]
    formulas: dict[CellRef, tuple[CellRef, ...]]  # computed cell -> the input cells it sums


@cache
def cells_of(fmt: ReportFormat) -> FormatCells:
    inputs: list[CellRef] = []
    kinds: dict[CellRef, ValueKind] = {}
    formulas: dict[CellRef, tuple[CellRef, ...]] = {}

    for block in fmt.part2:
        for row in block.rows:
            for col in block.columns:
                ref = CellRef(PART2, block.title + PATH_SEP + row, col.label)
                inputs.append(ref)
                kinds[ref] = col.kind

    p3 = fmt.part3
    for row in p3.input_rows:
        for col in p3.input_columns:
            ref = CellRef(PART3, row, col)
            inputs.append(ref)
            kinds[ref] = ValueKind.COUNT
    for row in p3.row_paths:
        sources_rows = p3.result_rows if row == p3.total_row else [row]
        for col in p3.input_columns:
            if row == p3.total_row:
                formulas[CellRef(PART3, row, col)] = tuple(CellRef(PART3, r, col) for r in sources_rows)
        formulas[CellRef(PART3, row, p3.total_column)] = tuple(
            CellRef(PART3, r, c) for r in sources_rows for c in p3.input_columns
        )

    p4 = fmt.part4
    for group in p4.groups:
        parts = [c for c in p4.columns_of(group) if c != p4.total_column]
        for col in parts:
            ref = CellRef(PART4, group, col)
            inputs.append(ref)
            kinds[ref] = ValueKind.COUNT
        formulas[CellRef(PART4, group, p4.total_column)] = tuple(CellRef(PART4, group, c) for c in parts)

    for ref in formulas:
        kinds[ref] = ValueKind.COUNT
    return FormatCells(tuple(inputs), kinds, formulas)


def total_rule(fmt: ReportFormat, ref: CellRef) -> str:
    """The rule (its id in ``checks``) that a printed total ``ref`` must equal the sum of its parts."""
    if ref.table == PART4:
        return "T4-TOTAL"
    if ref.row == fmt.part3.total_row:
        return "T3-RESULT-TOTAL"
    return "T3-ROW-TOTAL"


def is_computed(fmt: ReportFormat, ref: CellRef) -> bool:
    return ref in cells_of(fmt).formulas


def kind_of(fmt: ReportFormat, ref: CellRef) -> ValueKind:
    return cells_of(fmt).kinds[ref]


def all_cells(fmt: ReportFormat) -> list[CellRef]:
    """Every data cell of the three tables, input and computed, in the order of the form."""
    fc = cells_of(fmt)
    out = [r for r in fc.inputs if r.table == PART2]
    p3 = fmt.part3
    out += [CellRef(PART3, r, c) for r in p3.row_paths for c in p3.columns]
    p4 = fmt.part4
    out += [CellRef(PART4, g, c) for g in p4.groups for c in p4.columns_of(g)]
    return out
