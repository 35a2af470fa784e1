"""The comparison with last year as text lines (``reportdesk show FILE --previous LAST``)."""

from __future__ import annotations

from .comparison import Change, attach_check, compare, delta_text, percent_text, previous_of, value_text
from .report import Report

LARGE_NOTE = "变化较大，请核对"


def change_cell_text(c: Change) -> str:
    """The change column: +3（+25.0%）, with the hint for a large change; why none where unknown."""
    if c.this_unknown or c.last_unknown:
        return "不计算（有未知数）"
    if c.delta is None:
        return "（均为空）"
    pct = percent_text(c)
    text = delta_text(c) + (f"（{pct}）" if pct else "")
    return f"{text}  △{LARGE_NOTE}" if c.large else text


def comparison_lines(report: Report, last: Report, every: bool = False) -> list[str]:
    """Header, then one tab-separated line per cell: cell, this year, last year, change.

    ``every``: all cells both years have; otherwise only those that differ. Raises ValueError
    (Chinese) when ``last`` cannot be last year's report of ``report``."""
    problem = attach_check(report, last)
    if problem:
        raise ValueError(problem)
    previous = previous_of(last)
    changes = compare(report, previous)
    shown = [c for c in changes.values() if every or c.differs]
    which = "两年都有的全部单元格" if every else "与上年不同的单元格（加 --all 列出全部）"
    lines = [
        f"与上年比较：本年 {report.year}年（{report.format_id} 格式），上年 {last.year}年（{last.format_id} 格式）",
        f"列出：{which}，共 {len(shown)} 个（两年都有的单元格 {len(changes)} 个）",
        "单元格\t本年\t上年\t变化",
    ]
    for c in shown:
        this = value_text(report.format_id, c.ref, c.this, c.this_unknown)
        before = value_text(previous.format_id, c.ref, c.last, c.last_unknown)
        lines.append(f"{c.ref.describe()}\t{this}\t{before}\t{change_cell_text(c)}")
    if not shown:
        lines.append("（无）")
    return lines


__all__ = ["change_cell_text", "comparison_lines"]
