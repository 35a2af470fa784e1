"""Last year beside this year: each table cell's value, last year's, and the change.

Last year's figures are a ``Baseline`` holding every input cell (``Report.previous``: attached with
文件→关联上年报告… or carried by "new from last year"); failing that, the carried cells of
``Report.baseline``. Only cells that exist in both years' formats are compared (2020→2021 changed the
forms). Unknown is not zero: an unknown cell on either side has no change. A large change is only a
hint for the clerk to look again, never a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..formats import FORMATS, CellRef, cells_of
from .report import UNKNOWN_MARK, Baseline, Report
from .values import Money, Value, format_decimal, format_value

LARGE_FACTOR = 3  # this year at least 3× last year (up 200% or more), or at most a third of it
LARGE_MIN = 10  # ... and at least this many more or fewer: 1 → 3 is not worth a look


@dataclass(frozen=True)
class Change:
    """One cell compared; ``delta`` is None when either year is unknown (or blank on both sides)."""

    ref: CellRef
    this: Value | int | None
    last: Value | int | None
    this_unknown: bool
    last_unknown: bool
    delta: Decimal | int | None
    large: bool

    @property
    def differs(self) -> bool:
        return self.this_unknown or self.last_unknown or (self.delta is not None and self.delta != 0)


def previous_of(last: Report) -> Baseline:
    """Every input figure of last year's report (blank, a number, or unknown with its reason)."""
    fc = cells_of(last.format)
    values = {ref: last.values.get(ref) for ref in fc.inputs}
    unknown = {ref: last.unreadable[ref] for ref in fc.inputs if ref in last.unreadable}
    for ref in unknown:
        values[ref] = None
    return Baseline(year=last.year, format_id=last.format.id, values=values, unreadable=unknown)


def known_previous(report: Report) -> Baseline | None:
    """Last year's figures as far as known: the attached report, else the carried cells."""
    return report.previous if report.previous is not None else report.baseline


def _as_report(b: Baseline) -> Report:
    return Report(agency="", year=b.year, format_id=b.format_id, values=dict(b.values), unreadable=dict(b.unreadable))


def _number(v: Value | int | None) -> Decimal | int:
    if v is None:
        return 0
    if isinstance(v, Money):
        return v.in_yuan()
    return v


def _large(this: Decimal | int, last: Decimal | int) -> bool:
    if abs(this - last) < LARGE_MIN:
        return False
    return this >= LARGE_FACTOR * last or this * LARGE_FACTOR <= last


def compare(report: Report, previous: Baseline | None = None) -> dict[CellRef, Change]:
    """Every cell of this year's tables that last year also has, in the form's order."""
    b = previous if previous is not None else known_previous(report)
    if b is None or b.format_id not in FORMATS:
        return {}
    last = _as_report(b)
    this_fc, last_fc = cells_of(report.format), cells_of(last.format)
    held = set(b.values) | set(b.unreadable)
    out: dict[CellRef, Change] = {}
    for ref, kind in this_fc.kinds.items():
        if last_fc.kinds.get(ref) != kind:
            continue  # not on last year's form (or a different kind of figure): not compared
        formula = last_fc.formulas.get(ref)
        if not (ref in held if formula is None else all(r in held for r in formula)):
            continue  # last year's figure is not known to us at all (only the carried cells)
        t_unknown, l_unknown = report.is_unknown(ref), last.is_unknown(ref)
        t_value = None if t_unknown else report.value(ref)
        l_value = None if l_unknown else last.value(ref)
        delta, large = None, False
        if not (t_unknown or l_unknown) and not (t_value is None and l_value is None):
            t, lv = _number(t_value), _number(l_value)
            delta = t - lv
            large = _large(t, lv)
        out[ref] = Change(ref, t_value, l_value, t_unknown, l_unknown, delta, large)
    return out


def delta_text(c: Change) -> str:
    """The change as a clerk writes it: +3, -2, 0; empty when it cannot be computed."""
    if c.delta is None:
        return ""
    d = c.delta
    text = format_decimal(Decimal(d)) if isinstance(d, Decimal) else str(d)
    return f"+{text}" if d > 0 else text


def percent_text(c: Change) -> str:
    """The change in per cent of last year (增长20.0%), empty where last year is 0 or unknown."""
    if c.delta is None or not _number(c.last):
        return ""
    return f"{float(c.delta) / float(_number(c.last)) * 100:+.1f}%"


def value_text(report_format_id: str, ref: CellRef, value, unknown: bool) -> str:
    if unknown:
        return UNKNOWN_MARK
    return format_value(cells_of(FORMATS[report_format_id]).kinds[ref], value) or "0"


def attach_check(report: Report, last: Report) -> str | None:
    """Why ``last`` cannot be this report's last year (in Chinese), or None."""
    if last.year >= report.year:
        return f"所选报告是{last.year}年度的，不早于本报告（{report.year}年度），不能作为上年报告"
    return None


__all__ = ["Change", "attach_check", "compare", "delta_text", "known_previous", "percent_text", "previous_of"]
