"""Move a report to the other official format when its year crosses 2020/2021 (no Qt here).

A cell keeps its value when the other format has the same cell, or the same block and row with a
column whose label contains the old one (2019 处理决定数量 -> 2021 本年处理决定数量). Everything
else is listed for the clerk, so nothing disappears silently.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..formats import PART2, CellRef, ReportFormat, cells_of
from .opening import standard_opening
from .report import Report, default_title, zero_for
from .values import as_number, format_value, parse_value


@dataclass
class Conversion:
    report: Report
    mapped: list[str] = field(default_factory=list)  # "old cell → new cell" where the label changed
    lost: list[str] = field(default_factory=list)  # non-zero values with no place in the new format
    blank: list[str] = field(default_factory=list)  # new cells with no source, left at 0


def _target_for(ref: CellRef, targets: set[CellRef]) -> CellRef | None:
    if ref in targets:
        return ref
    if ref.table == PART2:
        same_row = [t for t in targets if t.table == PART2 and t.row == ref.row]
        close = [t for t in same_row if ref.col in t.col or t.col in ref.col]
        if len(close) == 1:
            return close[0]
    return None


def convert_report(report: Report, fmt: ReportFormat, year: int) -> Conversion:
    """``report`` in format ``fmt`` for ``year``; the original is not changed."""
    new = copy.deepcopy(report)
    old_fc = cells_of(report.format)
    fc = cells_of(fmt)
    targets = set(fc.inputs)
    new.format_id = fmt.id
    new.year = year
    new.values = {ref: zero_for(fc.kinds[ref]) for ref in fc.inputs}
    new.printed = {}
    new.unreadable = {}
    result = Conversion(new)
    filled: set[CellRef] = set()
    for ref in old_fc.inputs:
        value = report.values.get(ref)
        target = _target_for(ref, targets)
        if ref in report.unreadable:  # unknown stays unknown in the new format, never 0
            if target is None:
                result.lost.append(f"{ref.describe()}：未知（{report.unreadable[ref]}）")
            else:
                new.values[target], new.unreadable[target] = None, report.unreadable[ref]
                filled.add(target)
            continue
        if target is None:
            if value is not None and as_number(value) != 0:
                result.lost.append(f"{ref.describe()}：{format_value(old_fc.kinds[ref], value)}")
            continue
        try:
            kind = fc.kinds[target]
            text = format_value(old_fc.kinds[ref], value)

            new.values[target] = parse_value(kind, text) if text else zero_for(kind)
        except ValueError:
            result.lost.append(f"{ref.describe()}：{format_value(old_fc.kinds[ref], value)}（新格式不接受此值）")
            continue
        filled.add(target)
        if target != ref:
            result.mapped.append(f"{ref.describe()} → {target.describe()}")
    result.blank = [t.describe() for t in fc.inputs if t not in filled]
    if report.title == default_title(report.agency, report.year):
        new.title = default_title(new.agency, year)
    if report.opening == standard_opening(report):
        new.opening = standard_opening(new)
    return result
