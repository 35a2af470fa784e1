"""One report file loaded and checked: the row `review` tabulates and `check` prints.

Light on purpose (no process pool here): `reportdesk check` imports it at start.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ..checks import check_report, is_checked
from ..checks.findings import count
from ..checks.prose_text import repeat_summary
from ..loading import LoadError, load_report
from ..model.report import Report
from .figures import agency_key, key_figures
from .rows import ReviewRow


def load_any(path: str | os.PathLike[str]) -> Report:
    """``load_report`` for a batch: every failure, even an unexpected one, is a ``LoadError`` naming the file."""
    try:
        return load_report(path)
    except LoadError:
        raise
    except Exception as exc:  # an importer bug must not stop a batch of hundreds
        raise LoadError(f"无法读取“{Path(path).name}”：{type(exc).__name__}: {exc}") from exc


def _unreadable(path: str, message: str) -> ReviewRow:
    return ReviewRow(file=path, unreadable=message)


# (agency key, year) -> (file, format, cells, unknown cells -> why, prose parts); the prose gives the
# per-part 重复率 (how much of this year's text repeats last year's word for word)
PreviousIndex = dict[tuple[str, int], tuple[str, str, dict, dict, dict]]


def _previous_report(entry: tuple[str, str, dict, dict, dict], agency: str, year: int) -> Report:
    _, format_id, values, unknown, parts = entry
    return Report(
        agency=agency, year=year, format_id=format_id, values=dict(values), unreadable=dict(unknown), parts=dict(parts)
    )


def review_file(
    path: str, previous_index: PreviousIndex | None = None, *, previous: Report | None = None, contain: bool = True
) -> ReviewRow:
    """Load and check one file: the one per-file result of `review` (a row) and of `check` (its JSON).

    Last year's report is ``previous``, or found in ``previous_index`` (built by ``review_paths`` from
    last year's files). ``contain``: any failure, even an unexpected one, makes the row unreadable
    (a batch goes on); without it only a ``LoadError`` does, and a bug propagates."""
    try:
        report = load_any(path) if contain else load_report(path)
    except LoadError as exc:
        return _unreadable(path, str(exc))
    previous_file = None
    if previous_index is not None:
        entry = previous_index.get((agency_key(report.agency), report.year - 1))
        if entry is not None:
            previous_file = entry[0]
            previous = _previous_report(entry, report.agency, report.year - 1)
    try:
        # A reviewer sees the warnings the clerk marked 已核对 too, said as such.
        findings = [
            replace(f, message=f"【经办人已核对】{f.message}") if is_checked(report, f) else f
            for f in check_report(report, previous, include_checked=True)
        ]
    except Exception as exc:  # a checks bug must not stop the batch either
        if not contain:
            raise
        return _unreadable(path, f"检查“{Path(path).name}”时出错：{type(exc).__name__}: {exc}")
    errors, warnings = count(findings)
    has_prose = previous is not None and any(previous.parts.values())
    repeat = repeat_summary(report, previous) if has_prose and previous.year == report.year - 1 else ""
    return ReviewRow(
        file=path,
        agency=report.agency,
        year=report.year,
        format_id=report.format_id,
        kind=report.kind,
        figures=key_figures(report),
        unknown_cells=len(report.unreadable),
        errors=errors,
        warnings=warnings,
        findings=findings,
        previous=previous_file,
        previous_missing=previous_index is not None and previous_file is None,
        repeat=repeat,
    )
