"""The key figures a reviewer compares across reports, read through the format declarations.

The names below are the short column headings of the review table; the cells they stand for come
from ``formats`` (never re-spelled here), so they follow both official formats.
"""

from __future__ import annotations

import unicodedata

from ..formats import PART3, PART4, CellRef
from ..model.report import Report

# Column headings of the review table, in order.
KEY_FIGURES = ("新收", "上年结转", "办结", "结转", "复议", "诉讼")


def key_cells(report: Report) -> dict[str, tuple[CellRef, ...]]:
    """Each key figure -> the (possibly computed) cells whose sum it is."""
    fmt = report.format
    p3, p4 = fmt.part3, fmt.part4

    def total(row: str) -> tuple[CellRef, ...]:
        return (CellRef(PART3, row, p3.total_column),)

    return {
        "新收": total(p3.new_row),
        "上年结转": total(p3.carried_in_row),
        "办结": total(p3.total_row),
        "结转": total(p3.carried_out_row),
        "复议": (CellRef(PART4, p4.review_group, p4.total_column),),
        "诉讼": tuple(CellRef(PART4, g, p4.total_column) for g in p4.litigation_groups),
    }


def key_figures(report: Report) -> dict[str, int | None]:
    """Each key figure; None where it is unknown (a cell it adds up could not be read)."""
    totals = report.totals()
    out: dict[str, int | None] = {}
    for name, refs in key_cells(report).items():
        values = [totals.get(ref, 0) for ref in refs]
        out[name] = None if any(v is None for v in values) else sum(v or 0 for v in values)
    return out


def agency_key(name: str) -> str:
    """An agency name as compared across files: full/half width and whitespace do not matter."""
    return "".join(unicodedata.normalize("NFKC", name or "").split())
