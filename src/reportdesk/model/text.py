"""A report as plain text, for `reportdesk show` and quick reading in a terminal."""

from __future__ import annotations

from ..formats import PROSE_PARTS, TABLE_PARTS, Role, cells_of, grid_of
from .report import KINDS, UNKNOWN_MARK, Report, chinese_date
from .values import format_value


def table_as_text(report: Report, table: str) -> str:
    """Each grid row as tab-separated cells (merged cells printed once, where they start)."""
    grid = grid_of(report.format, table)
    kinds = cells_of(report.format).kinds
    lines = []
    starts = grid.at()
    for r in range(grid.rows):
        row = []
        for c in range(grid.cols):
            cell = starts.get((r, c))
            if cell is None:
                row.append("")
            elif cell.ref is not None:
                unknown = report.is_unknown(cell.ref)
                row.append(UNKNOWN_MARK if unknown else format_value(kinds[cell.ref], report.value(cell.ref)))
            elif cell.role is not Role.EMPTY:
                row.append(cell.text)
            else:
                row.append("")
        lines.append("\t".join(row).rstrip("\t"))
    return "\n".join(lines)


def report_as_text(report: Report) -> str:
    fmt = report.format
    out = [report.title, f"（{KINDS.get(report.kind, report.kind)} · {fmt.notice} 格式）", "", report.opening, ""]
    for part, heading in fmt.part_headings:
        out.append(heading)
        if part in PROSE_PARTS:
            out.extend(p.markup() for p in report.parts[part])
        elif part in TABLE_PARTS:
            out.append(table_as_text(report, part))
        out.append("")
    out.append(report.signature_agency)
    if report.date:
        out.append(chinese_date(report.date))
    return "\n".join(out)
