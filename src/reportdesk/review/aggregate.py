"""汇总: add up parts 二, 三 and 四 of many reports of one year and format into a new project."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..formats import ValueKind, cells_of
from ..loading import LoadError
from ..model.report import GOVERNMENT, Baseline, Report, new_report
from ..model.values import Money
from .batch import load_any
from .figures import agency_key


class AggregateError(Exception):
    """The reports cannot be added up as given. ``str()`` is the message for the user."""


@dataclass
class Summary:
    report: Report
    sources: list[tuple[str, Report]]  # (file, report), in the order given
    missing: list[str] = field(default_factory=list)  # expected agencies with no report
    unexpected: list[str] = field(default_factory=list)  # agencies not on the expected list
    blank_cells: int = 0  # blank source cells, counted as 0


def read_expected(path: str | os.PathLike[str]) -> list[str]:
    """One agency a line; blank lines and lines starting with # are skipped. UTF-8 (with or without BOM) or GBK."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise AggregateError(f"无法读取机关名单“{path}”：{exc.strerror or exc}") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise AggregateError(f"机关名单“{path}”不是文本文件")
    names = []
    for line in text.splitlines():
        name = line.strip()
        if name and not name.startswith("#"):
            names.append(name)
    return names


def load_sources(files: Iterable[str | os.PathLike[str]]) -> list[tuple[str, Report]]:
    loaded, problems = [], []
    for f in files:
        try:
            loaded.append((str(f), load_any(f)))
        except LoadError as exc:
            problems.append(str(exc))
    if problems:
        shown = "\n  ".join(problems[:10]) + ("\n  ……" if len(problems) > 10 else "")
        raise AggregateError(f"有 {len(problems)} 个文件无法读取，未汇总：\n  {shown}")
    if not loaded:
        raise AggregateError("没有可汇总的报告")
    return loaded


def _refuse_mixed(sources: list[tuple[str, Report]]) -> None:
    def groups(attr) -> dict:
        out: dict = {}
        for file, r in sources:
            out.setdefault(attr(r), []).append(Path(file).name)
        return out

    def listing(by: dict, name) -> str:
        return "；".join(
            f"{name(k)} {len(v)} 份（{'、'.join(v[:3])}{'等' if len(v) > 3 else ''}）" for k, v in by.items()
        )

    by_format = groups(lambda r: r.format_id)
    if len(by_format) > 1:
        raise AggregateError(
            "所选报告的格式不一致，不能汇总："
            + listing(by_format, lambda f: f"{f} 年格式")
            + "。请先把报告转换为同一格式（2021 年起使用 2021 年格式），或分别汇总。"
        )
    by_year = groups(lambda r: r.year)
    if len(by_year) > 1:
        raise AggregateError("所选报告的年度不一致，不能汇总：" + listing(by_year, lambda y: f"{y} 年度") + "。")
    by_agency: dict[str, list[str]] = {}
    for file, r in sources:
        by_agency.setdefault(agency_key(r.agency), []).append(Path(file).name)
    twice = {k: v for k, v in by_agency.items() if k and len(v) > 1}
    if twice:
        shown = "；".join(f"{k}：{'、'.join(v)}" for k, v in list(twice.items())[:10])
        raise AggregateError(f"同一机关的报告出现了不止一份，汇总会重复计算：{shown}。请只保留一份。")


def _add(kind: ValueKind, a, b):
    if kind is ValueKind.MONEY:
        if a.unit == b.unit:
            return Money(a.amount + b.amount, a.unit)
        return Money(a.in_yuan() + b.in_yuan(), "元")
    return a + b


def sum_values(reports: list[Report]) -> tuple[dict, int]:
    """The input cells of parts 二/三/四 added up; blank cells count as 0 (and are counted)."""
    from ..model.report import zero_for

    fc = cells_of(reports[0].format)
    blanks = 0
    out = {}
    for ref in fc.inputs:
        kind = fc.kinds[ref]
        total = zero_for(kind)
        if kind is ValueKind.MONEY:
            total = Money(Decimal(0), None)
        for r in reports:
            v = r.values.get(ref)
            if v is None:
                blanks += 1
                continue
            if kind is ValueKind.MONEY:
                v = v if isinstance(v, Money) else Money(Decimal(v), None)
                total = v if total.unit is None and total.amount == 0 else _add(kind, total, v)
            else:
                total = _add(kind, total, v)
        out[ref] = total
    return out, blanks


def _summed_baseline(reports: list[Report]) -> Baseline | None:
    """Last year's figures of the summary, when every source carries the same year's baseline."""
    bases = [r.baseline for r in reports]
    if not bases or any(b is None for b in bases):
        return None
    if len({(b.year, b.format_id) for b in bases}) != 1:
        return None
    from ..formats import FORMATS

    kinds = cells_of(FORMATS[bases[0].format_id]).kinds
    values: dict = {}
    for b in bases:
        for ref, v in b.values.items():
            if v is None or ref not in kinds:
                continue
            values[ref] = v if ref not in values else _add(kinds[ref], values[ref], v)
    return Baseline(year=bases[0].year, format_id=bases[0].format_id, values=values)


def aggregate(
    sources: list[tuple[str, Report]],
    agency: str = "",
    kind: str = GOVERNMENT,
    expected: list[str] | None = None,
) -> Summary:
    """The summary report of ``sources`` (already loaded); refuses mixed formats, years and duplicates."""
    if not sources:
        raise AggregateError("没有可汇总的报告")
    _refuse_mixed(sources)
    reports = [r for _, r in sources]
    first = reports[0]
    summary = new_report(agency, first.year, kind=kind, format_id=first.format_id)
    summary.values, blanks = sum_values(reports)
    summary.sources = [f"{r.agency}（{Path(f).name}）" for f, r in sources]
    summary.baseline = _summed_baseline(reports)
    result = Summary(summary, sources, blank_cells=blanks)
    if expected is not None:
        have = {agency_key(r.agency) for r in reports}
        wanted = {agency_key(name) for name in expected}
        result.missing = [name for name in expected if agency_key(name) not in have]
        result.unexpected = [r.agency for r in reports if agency_key(r.agency) not in wanted]
    return result


__all__ = ["AggregateError", "Summary", "aggregate", "load_sources", "read_expected", "sum_values"]
