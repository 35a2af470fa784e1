"""The official report formats as data, and the one rule that picks a format for a year."""

from __future__ import annotations

from .cells import CellRef, all_cells, cells_of, is_computed, kind_of, total_rule
from .f2019 import FORMAT_2019
from .f2021 import FORMAT_2021
from .grid import Grid, GridCell, Role, grid_of
from .spec import (
    MONEY_UNITS,
    PART2,
    PART3,
    PART4,
    PATH_SEP,
    TABLE_PARTS,
    ReportFormat,
    ValueKind,
)

FORMATS: dict[str, ReportFormat] = {f.id: f for f in (FORMAT_2019, FORMAT_2021)}
PROSE_PARTS = ("一", "五", "六")
ALL_PARTS = ("一", "二", "三", "四", "五", "六")


def format_for_year(year: int) -> ReportFormat:
    """2020 and earlier -> the 2019 format; 2021 and later -> the 2021 format."""
    for fmt in FORMATS.values():
        if fmt.applies_to(year):
            return fmt
    return FORMAT_2019 if year < FORMAT_2019.first_year else FORMAT_2021


__all__ = [
    "ALL_PARTS",
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "MONEY_UNITS",
    "PART2",
    "PART3",
    "PART4",
    "PATH_SEP",
    "PROSE_PARTS",
    "TABLE_PARTS",
    "CellRef",
    "Grid",
    "GridCell",
    "ReportFormat",
    "Role",
    "ValueKind",
    "all_cells",
    "cells_of",
    "format_for_year",
    "grid_of",
    "is_computed",
    "kind_of",
    "total_rule",
]
