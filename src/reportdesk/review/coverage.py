"""Who has reported: expected agencies missing per year, and agencies that reported twice."""

from __future__ import annotations

from .figures import agency_key
from .rows import ReviewRow


def missing_by_year(rows: list[ReviewRow], expected: list[str]) -> dict[int, list[str]]:
    """For each year found among the readable rows, the expected agencies without a report."""
    have: dict[int, set[str]] = {}
    for r in rows:
        if r.readable and r.year is not None:
            have.setdefault(r.year, set()).add(agency_key(r.agency))
    return {year: [n for n in expected if agency_key(n) not in keys] for year, keys in sorted(have.items())}


def duplicates(rows: list[ReviewRow]) -> list[tuple[str, int, list[str]]]:
    """(agency, year, files) for every agency with more than one report for the same year."""
    seen: dict[tuple[str, int | None], list[ReviewRow]] = {}
    for r in rows:
        if r.readable:
            seen.setdefault((agency_key(r.agency), r.year), []).append(r)
    return [(group[0].agency, year, [g.file for g in group]) for (_, year), group in seen.items() if len(group) > 1]


def notes(rows: list[ReviewRow], expected: list[str] | None = None) -> list[str]:
    """The lines a reviewer reads before the table (Chinese)."""
    out = []
    if expected is not None:
        for year, names in missing_by_year(rows, expected).items():
            if names:
                out.append(f"{year} 年度：名单中有 {len(names)} 个机关未报送：{'、'.join(names)}")
            else:
                out.append(f"{year} 年度：名单中的 {len(expected)} 个机关均已报送")
    for agency, year, files in duplicates(rows):
        out.append(f"{agency} {year} 年度有 {len(files)} 份报告：{'、'.join(files)}")
    return out
