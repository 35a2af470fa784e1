"""现行有效件数 that follows from last year's: stock = last year's stock + this year's 制发 − 废止.

A report started from last year's has a ``baseline``. While a stock cell holds exactly what the
baseline and this year's figures give, it *follows* them: typing 制发 or 废止 moves it along. Once
the clerk types another figure there, that figure stands (it no longer follows).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..formats import PART2, PATH_SEP, CellRef
from .report import Report
from .values import Value, as_number


@dataclass(frozen=True)
class StockRule:
    stock: CellRef
    plus: CellRef
    minus: CellRef | None
    same_year: bool  # 2021: stock = last stock + plus − minus of this year; 2019: last stock + last plus


def stock_rules(report: Report) -> list[StockRule]:
    out = []
    for rule in report.format.continuity:
        for title in rule.blocks:
            for row in report.format.block(title).rows:

                def ref(col: str, row: str = row, title: str = title) -> CellRef:
                    return CellRef(PART2, title + PATH_SEP + row, col)

                out.append(StockRule(ref(rule.stock), ref(rule.plus), ref(rule.minus) if rule.minus else None,
                                     rule.same_year))
    return out


def _known(value: Value | None) -> bool:
    return value is not None


def expected_stock(report: Report, rule: StockRule, values: Mapping[CellRef, Value | None] | None = None) -> int | None:
    """What the stock should be from last year's figures (``values`` override this year's); None if unknown."""
    base = report.baseline
    if base is None or base.format_id != report.format.id or report.is_unknown(rule.stock):
        return None
    last_stock = base.values.get(rule.stock)
    if not _known(last_stock):
        return None
    now = {**report.values, **(values or {})}
    if not rule.same_year:
        last_plus = base.values.get(rule.plus)
        return int(as_number(last_stock) + as_number(last_plus)) if _known(last_plus) else None
    if report.is_unknown(rule.plus) or (rule.minus is not None and report.is_unknown(rule.minus)):
        return None
    minus = as_number(now.get(rule.minus)) if rule.minus is not None else 0
    return int(as_number(last_stock) + as_number(now.get(rule.plus)) - minus)


def follows(report: Report, rule: StockRule) -> bool:
    """True while the stock cell holds what last year's figures give (shown as computed)."""
    expected = expected_stock(report, rule)
    return expected is not None and report.values.get(rule.stock) == expected


def followed_stocks(report: Report, changes: Mapping[CellRef, Value | None]) -> dict[CellRef, int]:
    """The stock cells that move along with ``changes`` to 制发/废止 (those still following)."""
    out = {}
    for rule in stock_rules(report):
        if rule.stock in changes or not ({rule.plus, rule.minus} & set(changes)):
            continue
        if follows(report, rule):
            new = expected_stock(report, rule, changes)
            if new is not None and new >= 0:
                out[rule.stock] = new
    return out


def start_stocks(report: Report) -> None:
    """A new report from last year's: each stock starts at what last year's figures give."""
    for rule in stock_rules(report):
        expected = expected_stock(report, rule)
        if expected is not None and expected >= 0:
            report.values[rule.stock] = expected


__all__ = ["StockRule", "expected_stock", "followed_stocks", "follows", "start_stocks", "stock_rules"]
