"""The key figures a reviewer compares across reports, read through the format declarations.

The names below are the short column headings of the review table; the cells they stand for come
from ``formats`` (never re-spelled here), so they follow both official formats.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..formats import PART3, PART4, CellRef
from ..model.report import Report

# Each field of ``KeyFigures`` -> its column heading in the review table, in order.
HEADINGS: dict[str, str] = {
    "new": "新收",
    "carried_in": "上年结转",
    "closed": "办结",
    "carried_out": "结转",
    "reviews": "复议",
    "lawsuits": "诉讼",
}
KEY_FIGURES = tuple(HEADINGS.values())  # the column headings, in order


@dataclass(frozen=True)
class KeyFigures:
    """The figures a reviewer compares across reports; None where a figure is unknown (a cell it
    adds up could not be read) or the report was not read at all."""

    new: int | None = None  # requests received this year (part 三)
    carried_in: int | None = None  # carried over from last year
    closed: int | None = None  # handled this year
    carried_out: int | None = None  # carried over to next year
    reviews: int | None = None  # administrative reviews (part 四)
    lawsuits: int | None = None  # lawsuits, both groups (part 四)

    def shown(self) -> list[tuple[str, int | None]]:
        """(column heading, value) in the table's order."""
        return [(heading, getattr(self, name)) for name, heading in HEADINGS.items()]

    def unknown(self) -> list[str]:
        """The headings of the figures that are None."""
        return [heading for heading, value in self.shown() if value is None]

    def to_json(self) -> dict[str, int | None]:
        """Keyed by heading, as ``review --json`` has always written them."""
        return dict(self.shown())


def key_cells(report: Report) -> dict[str, tuple[CellRef, ...]]:
    """Each key figure (a field of ``KeyFigures``) -> the (possibly computed) cells whose sum it is."""
    fmt = report.format
    p3, p4 = fmt.part3, fmt.part4

    def total(row: str) -> tuple[CellRef, ...]:
        return (CellRef(PART3, row, p3.total_column),)

    return {
        "new": total(p3.new_row),
        "carried_in": total(p3.carried_in_row),
        "closed": total(p3.total_row),
        "carried_out": total(p3.carried_out_row),
        "reviews": (CellRef(PART4, p4.review_group, p4.total_column),),
        "lawsuits": tuple(CellRef(PART4, g, p4.total_column) for g in p4.litigation_groups),
    }


def key_figures(report: Report) -> KeyFigures:
    """The report's key figures; None where one is unknown (a cell it adds up could not be read)."""
    totals = report.totals()
    out: dict[str, int | None] = {}
    for name, refs in key_cells(report).items():
        values = [totals.get(ref, 0) for ref in refs]
        out[name] = None if any(v is None for v in values) else sum(v or 0 for v in values)
    return KeyFigures(**out)


def agency_key(name: str) -> str:
    """An agency name as compared across files: full/half width and whitespace do not matter."""
    return "".join(unicodedata.normalize("NFKC", name or "").split())
