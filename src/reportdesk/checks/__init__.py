"""The rules engine: a report (and optionally last year's) -> findings (FORMAT.md §5).

Every rule has a stable id; see docs/checks.md for the list.
"""

from __future__ import annotations

from ..model.report import Report
from . import completeness, prose_numbers, tables, years
from .findings import Finding, Place, Severity, count

_ORDER = {"": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_SEVERITY = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2, Severity.READ: 3}


def check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding for ``report``, errors first, then by part. ``previous`` is last year's report."""
    totals = report.totals()
    findings: list[Finding] = []
    findings += years.format_and_year(report)
    findings += completeness.parts_present(report)
    findings += tables.values(report)
    findings += tables.identity(report, totals)
    findings += tables.printed_totals(report, totals)
    findings += tables.unchecked(report)
    findings += years.across_years(report, previous)
    findings += prose_numbers.prose_against_tables(report)
    findings += completeness.leftovers(report)
    findings += completeness.review_marks(report)
    findings += years.signature(report)
    findings.sort(key=lambda f: (_SEVERITY[f.severity], _ORDER.get(f.place.part, 9)))
    return findings


__all__ = ["Finding", "Place", "Severity", "check_report", "count"]
