"""汇总 in the window: the departments' reports looked at one by one, then added up.

``examine_paths`` reads every file once (the same folder search as 批量审阅), counts its errors and
unknown figures, and keeps only what the summary needs (the cells of parts 二/三/四); ``build``
then adds them up with ``aggregate`` (which refuses mixed formats, years and duplicates) and lists,
for each summed cell, what each agency contributed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..formats import CellRef, cells_of
from ..loading import LoadError
from ..model.report import GOVERNMENT, Report
from ..model.values import format_value
from .aggregate import AggregateError, Source, Summary, aggregate
from .batch import load_any
from .figures import agency_key, key_figures
from .folder import FOLDER_SUFFIXES, ReviewError, find_files

Progress = Callable[[int, int], None]


@dataclass
class Entry:
    """One chosen file: what the clerk sees in the list, and (when readable) the cells to add up."""

    file: str
    agency: str = ""
    year: int | None = None
    format_id: str = ""
    errors: int = 0
    warnings: int = 0
    unknown_figures: list[str] = field(default_factory=list)
    unknown_cells: int = 0
    problem: str = ""  # why the file could not be read or checked
    report: Report | None = None  # slim: agency, year, format, the table cells; None when unreadable

    @property
    def readable(self) -> bool:
        return self.report is not None

    @property
    def name(self) -> str:
        """As ``aggregate.Source.name``: the agency and the file it came from."""
        return Source(self.file, self.agency, self.year or 0, self.format_id).name


def _slim(report: Report) -> Report:
    """The report without its prose: what adding up and the contributions need, kept for hundreds."""
    inputs = cells_of(report.format).inputs
    values = {ref: report.values.get(ref) for ref in inputs if ref in report.values}
    unknown = {ref: why for ref, why in report.unreadable.items() if ref in inputs}
    slim = Report(agency=report.agency, year=report.year, format_id=report.format_id, values=values, unreadable=unknown)
    slim.baseline = report.baseline
    return slim


def examine_file(path: str | os.PathLike[str]) -> Entry:
    """Load and check one file; never raises for a bad file (its ``problem`` says what is wrong)."""
    from ..checks import check_report
    from ..checks.findings import count

    entry = Entry(str(path))
    try:
        report = load_any(path)
    except LoadError as exc:
        entry.problem = str(exc)
        return entry
    entry.agency, entry.year, entry.format_id = report.agency, report.year, report.format_id
    entry.unknown_cells = len(report.unreadable)
    try:
        entry.errors, entry.warnings = count(check_report(report))
        entry.unknown_figures = key_figures(report).unknown()
    except Exception as exc:  # a checks bug must not stop a folder of hundreds
        entry.problem = f"检查“{Path(path).name}”时出错：{type(exc).__name__}: {exc}"
    entry.report = _slim(report)
    return entry


def examine_paths(
    inputs: Iterable[str | os.PathLike[str]],
    exclude: Iterable[str | os.PathLike[str]] = (),
    notes: list[str] | None = None,
    progress: Progress | None = None,
) -> list[Entry]:
    """An entry for every report file named or found under ``inputs`` (folders searched as by 批量审阅:
    files that are not reports skipped, the same report in two forms counted once, with ``notes``)."""
    paths = find_files(inputs, notes, exclude)
    if not paths:
        raise ReviewError(f"没有找到报告文件（{'、'.join(sorted(FOLDER_SUFFIXES))}）")
    out: list[Entry] = []
    if progress:
        progress(0, len(paths))
    for i, p in enumerate(paths, 1):
        out.append(examine_file(p))
        if progress:
            progress(i, len(paths))
    return out


def missing_agencies(entries: list[Entry], expected: list[str] | None) -> list[str]:
    """Agencies of the 应报名单 with no readable report among ``entries``."""
    if not expected:
        return []
    have = {agency_key(e.agency) for e in entries if e.readable}
    return [name for name in expected if agency_key(name) not in have]


def unlisted_agencies(entries: list[Entry], expected: list[str] | None) -> list[str]:
    """Agencies of readable reports that are not on the 应报名单."""
    if not expected:
        return []
    listed = {agency_key(name) for name in expected}
    return [e.agency for e in entries if e.readable and agency_key(e.agency) not in listed]


def outliers(entries: list[Entry]) -> tuple[set[int], set[str], set[str]]:
    """What keeps the readable entries from being added up: the years and formats that differ from
    most of them, and the agencies (``agency_key``) with more than one report."""
    readable = [e for e in entries if e.readable]

    def minority(values: list) -> set:
        if len(set(values)) < 2:
            return set()
        common = max(set(values), key=values.count)
        return set(values) - {common}

    keys = [agency_key(e.agency) for e in readable if e.agency]
    twice = {k for k in keys if keys.count(k) > 1} if len(set(keys)) < len(keys) else set()
    return minority([e.year for e in readable]), minority([e.format_id for e in readable]), twice


# summed cell -> (agency, or the file name without one; value shown, or None when unknown in that source), in the order given
Contributions = dict[CellRef, list[tuple[str, str | None]]]


def contributions(entries: list[Entry]) -> Contributions:
    """For every cell of parts 二/三/四 (typed or computed), what each source report holds there."""
    out: Contributions = {}
    for e in entries:
        report = e.report
        if report is None:
            continue
        fc = cells_of(report.format)
        totals = report.totals()
        for ref in fc.kinds:
            value = totals.get(ref) if ref in fc.formulas else report.values.get(ref)
            shown = None if report.is_unknown(ref) else format_value(fc.kinds[ref], value) or "空"
            out.setdefault(ref, []).append((e.agency or Path(e.file).name, shown))
    return out


def build(
    entries: list[Entry], agency: str = "", kind: str = GOVERNMENT, expected: list[str] | None = None
) -> tuple[Summary, Contributions]:
    """The summary report of the readable entries and each cell's contributions; ``AggregateError``
    (with the reason for the clerk) when they cannot be added up."""
    readable = [e for e in entries if e.readable]
    if not readable:
        raise AggregateError("没有可汇总的报告：所选文件都无法读取")
    summary = aggregate([(e.file, e.report) for e in readable], agency, kind, expected)
    return summary, contributions(readable)


__all__ = [
    "Contributions",
    "Entry",
    "build",
    "contributions",
    "examine_file",
    "examine_paths",
    "missing_agencies",
    "outliers",
    "unlisted_agencies",
]
