"""The rules engine: a report (and optionally last year's) -> findings (FORMAT.md §5).

Every rule has a stable id; see docs/checks.md for the list.
"""

from __future__ import annotations

from ..model.report import Report
from .findings import Finding, Place, Severity, count

_ORDER = {"": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_SEVERITY = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2, Severity.READ: 3}


def check_report(report: Report, previous: Report | None = None, *, include_checked: bool = False) -> list[Finding]:
    """Every finding for ``report``, errors first, then by part. ``previous`` is last year's report.

    Warnings the clerk marked as checked (已核对, ``report.checked``) are left out while their inputs
    are unchanged, unless ``include_checked``."""
    # lazy: the window needs Finding and Severity before its first paint, the rules only after it;
    # saves ~18 ms there
    from . import completeness, drafts, prose_claims, prose_numbers, prose_sums, prose_text, tables, years

    totals = report.totals()
    findings: list[Finding] = []
    findings += years.format_and_year(report)
    findings += completeness.parts_present(report)
    findings += tables.values(report)
    findings += tables.identity(report, totals)
    findings += tables.printed_totals(report, totals)
    findings += tables.unchecked(report)
    findings += years.across_years(report, previous)
    prose: list[Finding] = []
    prose += prose_numbers.prose_against_tables(report)
    prose += prose_claims.prose_claims(report)
    prose += prose_sums.prose_sums(report)
    prose += prose_sums.prose_percentages(report)
    prose += prose_text.repeated_words(report)
    prose += prose_text.stale_years(report)
    prose += prose_text.carried_over(report, previous)
    # A part still in last year's words (a new year started from last year's report) is said once, by
    # PROSE-DRAFT: checking last year's sentences against this year's tables, still empty, only buried it
    # under a warning per figure (16 warnings on a new year made from the demo, 11 of them PROSE-NUMBER).
    findings += [f for f in prose if f.place.part not in report.draft_parts]
    findings += drafts.stale_drafts(report)
    findings += completeness.leftovers(report)
    findings += completeness.review_marks(report)
    findings += years.signature(report)
    if not include_checked:
        findings = [f for f in findings if not is_checked(report, f)]
    findings.sort(key=lambda f: (_SEVERITY[f.severity], _ORDER.get(f.place.part, 9)))
    return findings


def is_checked(report: Report, finding: Finding) -> bool:
    """A warning the clerk marked 已核对 whose inputs have not changed since. Errors are never hidden."""
    return finding.severity is not Severity.ERROR and finding.fingerprint in report.checked


def mark_checked(report: Report, finding: Finding) -> None:
    """已核对: hide this warning until the figures it was computed from change."""
    if finding.severity is Severity.ERROR:
        raise ValueError("errors cannot be marked as checked")
    report.checked.add(finding.fingerprint)


__all__ = ["Finding", "Place", "Severity", "check_report", "count", "is_checked", "mark_checked"]
