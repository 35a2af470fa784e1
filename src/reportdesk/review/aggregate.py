"""汇总: add up parts 二, 三 and 四 of many reports of one year and format into a new project."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..formats import FORMATS, CellRef, ValueKind, cells_of
from ..loading import LoadError
from ..model.report import GOVERNMENT, Baseline, Report, new_report, zero_for
from ..model.values import Money
from .batch import load_any
from .figures import agency_key


class AggregateError(Exception):
    """The reports cannot be added up as given. ``str()`` is the message for the user."""


@dataclass(frozen=True)
class Source:
    """What the summary keeps of a source report once its cells are added in: the report itself is
    let go, so memory stays flat however many reports are summed."""

    file: str
    agency: str
    year: int
    format_id: str

    @property
    def name(self) -> str:
        return f"{self.agency}（{Path(self.file).name}）"


@dataclass
class Summary:
    report: Report
    sources: list[Source]  # in the order given
    missing: list[str] = field(default_factory=list)  # expected agencies with no report
    unexpected: list[str] = field(default_factory=list)  # agencies not on the expected list
    blank_cells: int = 0  # blank source cells, counted as 0
    # Summed cells with an unknown contribution -> the sources where it is unknown (the summed
    # cell is unknown too: never a sum that silently counts them as 0).
    unknown: dict[CellRef, list[str]] = field(default_factory=dict)

    @property
    def unknown_sources(self) -> list[str]:
        """The sources with at least one unknown cell, in the order given."""
        names = {n for ns in self.unknown.values() for n in ns}
        return [s.name for s in self.sources if s.name in names]


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
    """Every file loaded (all in memory: for a few reports; ``aggregate_files`` streams)."""
    loaded, problems = [], []
    for f in files:
        try:
            loaded.append((str(f), load_any(f)))
        except LoadError as exc:
            problems.append(str(exc))
    _refuse_unreadable(problems, bool(loaded))
    return loaded


def _refuse_unreadable(problems: list[str], any_loaded: bool) -> None:
    if problems:
        shown = "\n  ".join(problems[:10]) + ("\n  ……" if len(problems) > 10 else "")
        raise AggregateError(f"有 {len(problems)} 个文件无法读取，未汇总：\n  {shown}")
    if not any_loaded:
        raise AggregateError("没有可汇总的报告")


def _refuse_mixed(sources: list[Source]) -> None:
    def groups(attr) -> dict:
        out: dict = {}
        for s in sources:
            out.setdefault(attr(s), []).append(Path(s.file).name)
        return out

    def listing(by: dict, name) -> str:
        return "；".join(
            f"{name(k)} {len(v)} 份（{'、'.join(v[:3])}{'等' if len(v) > 3 else ''}）" for k, v in by.items()
        )

    by_format = groups(lambda s: s.format_id)
    if len(by_format) > 1:
        raise AggregateError(
            "所选报告的格式不一致，不能汇总："
            + listing(by_format, lambda f: f"{f} 年格式")
            + "。请先把报告转换为同一格式（2021 年起使用 2021 年格式），或分别汇总。"
        )
    by_year = groups(lambda s: s.year)
    if len(by_year) > 1:
        raise AggregateError("所选报告的年度不一致，不能汇总：" + listing(by_year, lambda y: f"{y} 年度") + "。")
    by_agency: dict[str, list[str]] = {}
    for s in sources:
        by_agency.setdefault(agency_key(s.agency), []).append(Path(s.file).name)
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


def _add_money(total: Money | None, v) -> Money:
    v = v if isinstance(v, Money) else Money(Decimal(v), None)
    if total is None or (total.unit is None and total.amount == 0):
        return v
    return _add(ValueKind.MONEY, total, v)


class Accumulator:
    """Adds reports up one at a time (``add``), keeping only the running sums and a few facts per
    source; ``summary`` then checks they may be added up at all and builds the summary report."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self.values: dict[CellRef, object] = {}
        self.format_id = ""
        self.blanks = 0
        self.unknown: dict[CellRef, list[str]] = {}
        self._baseline: Baseline | None = None
        self._baseline_ok = True

    def add(self, file: str, report: Report) -> None:
        source = Source(str(file), report.agency, report.year, report.format_id)
        self.sources.append(source)
        if not self.format_id:
            self.format_id = report.format_id
            fc = cells_of(report.format)
            self.values = {
                ref: None if fc.kinds[ref] is ValueKind.MONEY else zero_for(fc.kinds[ref]) for ref in fc.inputs
            }
        if report.format_id != self.format_id:
            return  # refused in ``summary``: only its facts are kept
        kinds = cells_of(report.format).kinds
        for ref, total in self.values.items():
            if ref in report.unreadable:
                self.unknown.setdefault(ref, []).append(source.name)
                continue
            v = report.values.get(ref)
            if v is None:
                self.blanks += 1
            elif kinds[ref] is ValueKind.MONEY:
                self.values[ref] = _add_money(total, v)
            else:
                self.values[ref] = _add(kinds[ref], total, v)
        self._add_baseline(report.baseline)

    def _add_baseline(self, b: Baseline | None) -> None:
        """Last year's figures of the summary, when every source carries the same year's baseline."""
        if not self._baseline_ok:
            return
        mine = self._baseline
        if b is None or (mine is not None and (b.year, b.format_id) != (mine.year, mine.format_id)):
            self._baseline_ok, self._baseline = False, None
            return
        if mine is None:
            mine = self._baseline = Baseline(year=b.year, format_id=b.format_id)
        kinds = cells_of(FORMATS[b.format_id]).kinds
        for ref, v in b.values.items():
            if ref in kinds and v is not None and ref not in b.unreadable:
                mine.values[ref] = v if ref not in mine.values else _add(kinds[ref], mine.values[ref], v)
        for ref, why in b.unreadable.items():
            mine.unreadable.setdefault(ref, why)

    def summary(self, agency: str = "", kind: str = GOVERNMENT, expected: list[str] | None = None) -> Summary:
        if not self.sources:
            raise AggregateError("没有可汇总的报告")
        _refuse_mixed(self.sources)
        first = self.sources[0]
        report = new_report(agency, first.year, kind=kind, format_id=first.format_id)
        for ref, total in self.values.items():
            report.values[ref] = total if total is not None else Money(Decimal(0), None)
        for ref, names in self.unknown.items():
            report.values[ref] = None
            shown = "、".join(names[:5]) + (f"等 {len(names)} 份" if len(names) > 5 else "")
            report.unreadable[ref] = f"来源报告中此格未知：{shown}"
        report.sources = [s.name for s in self.sources]
        report.baseline = self._baseline
        result = Summary(report, list(self.sources), blank_cells=self.blanks, unknown=dict(self.unknown))
        if expected is not None:
            have = {agency_key(s.agency) for s in self.sources}
            wanted = {agency_key(name) for name in expected}
            result.missing = [name for name in expected if agency_key(name) not in have]
            result.unexpected = [s.agency for s in self.sources if agency_key(s.agency) not in wanted]
        return result


def sum_values(reports: list[Report]) -> tuple[dict, int]:
    """The input cells of parts 二/三/四 added up; blank cells count as 0 (and are counted);
    a cell unknown in any report is left out (see ``Accumulator.unknown``)."""
    acc = Accumulator()
    for i, r in enumerate(reports):
        acc.add(str(i), r)
    return {ref: v for ref, v in acc.values.items() if ref not in acc.unknown}, acc.blanks


def aggregate(
    sources: list[tuple[str, Report]],
    agency: str = "",
    kind: str = GOVERNMENT,
    expected: list[str] | None = None,
) -> Summary:
    """The summary report of ``sources`` (already loaded); refuses mixed formats, years and duplicates."""
    acc = Accumulator()
    for file, report in sources:
        acc.add(file, report)
    return acc.summary(agency, kind, expected)


def aggregate_files(
    files: Iterable[str | os.PathLike[str]],
    agency: str = "",
    kind: str = GOVERNMENT,
    expected: list[str] | None = None,
) -> Summary:
    """``aggregate`` over files, summing while loading: one report in memory at a time."""
    acc, problems = Accumulator(), []
    for f in files:
        try:
            acc.add(str(f), load_any(f))
        except LoadError as exc:
            problems.append(str(exc))
    _refuse_unreadable(problems, bool(acc.sources))
    return acc.summary(agency, kind, expected)


__all__ = [
    "Accumulator",
    "AggregateError",
    "Source",
    "Summary",
    "aggregate",
    "aggregate_files",
    "load_sources",
    "read_expected",
    "sum_values",
]
