"""Starting next year's report from last year's: what carries over and what starts again at zero.

Carried: the agency details, 上年结转 (= last year's 结转下年度继续办理, column by column), last
year's figures as the baseline for the continuity checks, and the prose as a draft to review.
Everything else is zero, in the format the new year requires.
"""

from __future__ import annotations

import copy

from ..formats import FORMATS, PART2, PART3, PATH_SEP, CellRef, cells_of
from ..formats.spec import ReportFormat
from .opening import standard_opening
from .prose import Paragraph
from .report import Baseline, Report, new_report


def carried_cells(fmt: ReportFormat) -> list[CellRef]:
    """The cells of last year's report that this year's checks read: 结转下年度 and the continuity blocks."""
    p3 = fmt.part3
    out = [CellRef(PART3, p3.carried_out_row, col) for col in p3.input_columns]
    for rule in fmt.continuity:
        for title in rule.blocks:
            for row in fmt.block(title).rows:
                out += [CellRef(PART2, title + PATH_SEP + row, c) for c in (rule.stock, rule.plus, rule.minus) if c]
    return out


def _baseline(last: Report) -> Baseline:
    """The figures of last year that this year's checks continue from."""
    cells = carried_cells(last.format)
    values = {ref: last.values.get(ref) for ref in cells}
    unknown = {ref: last.unreadable[ref] for ref in cells if ref in last.unreadable}
    return Baseline(year=last.year, format_id=last.format.id, values=values, unreadable=unknown)


def read_baseline_unknown(baseline: Baseline | None, raw: object) -> None:
    """The project's ``baseline.unknown``: ``[[table, row, column, reason], …]``, last year's cells
    that could not be read (unknown, not blank). Entries that are not such rows are ignored."""
    if baseline is None or not isinstance(raw, dict) or not isinstance(raw.get("unknown"), list):
        return
    kinds = cells_of(FORMATS[baseline.format_id]).kinds
    for item in raw["unknown"]:
        if isinstance(item, list) and len(item) == 4 and all(isinstance(x, str) for x in item):
            ref = CellRef(*item[:3])
            if ref in kinds:
                baseline.values[ref] = None
                baseline.unreadable[ref] = item[3]


def _carried_prose(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [copy.deepcopy(p) for p in paragraphs]


def next_year_report(last: Report, year: int | None = None) -> Report:
    """A report for ``year`` (default: the year after ``last``), ready to fill in."""
    year = last.year + 1 if year is None else year
    report = new_report(last.agency, year, last.kind)
    report.contact = copy.deepcopy(last.contact)
    report.signature_agency = last.signature_agency or last.agency
    report.opening = standard_opening(report)
    p3_new, p3_last = report.format.part3, last.format.part3
    inputs = set(cells_of(report.format).inputs)
    for col in p3_new.input_columns:
        there = CellRef(PART3, p3_last.carried_out_row, col)
        source = last.values.get(there)
        target = CellRef(PART3, p3_new.carried_in_row, col)
        if target not in inputs:
            continue
        if there in last.unreadable:  # unknown last year: unknown this year, never 0
            report.values[target] = None
            report.unreadable[target] = f"{last.year}年报告“{p3_last.carried_out_row}”此列未能读取：{last.unreadable[there]}"
        elif source is not None:
            report.values[target] = source
    report.baseline = _baseline(last)
    from .comparison import previous_of

    report.previous = previous_of(last)  # every figure of last year, to show beside this year's
    for part, paragraphs in last.parts.items():
        if part in report.parts and any(p.text.strip() for p in paragraphs):
            report.parts[part] = _carried_prose(paragraphs)
            report.draft_parts.add(part)
    return report


__all__ = ["next_year_report", "read_baseline_unknown"]
