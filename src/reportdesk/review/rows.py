"""One reviewed file as a typed row: what `review` prints, writes to HTML and CSV, and the window shows.

Rows cross process boundaries (the worker pool pickles them) and are written as JSON by
`review --json` (``to_json``, the same keys as ever).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks.findings import Finding
from .figures import KeyFigures


@dataclass
class ReviewRow:
    file: str
    agency: str = ""
    year: int | None = None
    format_id: str = ""
    kind: str = ""
    # None where the file could not be read, or where a figure is unknown (see ``unknown_figures``)
    figures: KeyFigures = field(default_factory=KeyFigures)
    unknown_cells: int = 0  # cells reading could not take in
    errors: int | None = None  # None: not checked (unreadable)
    warnings: int | None = None
    findings: list[Finding] = field(default_factory=list)
    unreadable: str | None = None  # why the file could not be read at all
    previous: str | None = None  # last year's file checked against
    previous_missing: bool = False  # last year's reports were given, this agency's was not among them
    repeat: str = ""  # 重复率 per prose part against last year's report (一 35% · 五 80% · 六 0%), when known

    @property
    def readable(self) -> bool:
        return self.unreadable is None

    @property
    def unknown_figures(self) -> list[str]:
        """The headings of the key figures a cell it adds up could not be read for (never 0)."""
        return self.figures.unknown() if self.readable else []

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "agency": self.agency,
            "year": self.year,
            "format": self.format_id,
            "kind": self.kind,
            "figures": self.figures.to_json(),
            "unknown_figures": self.unknown_figures,
            "unknown_cells": self.unknown_cells,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [f.to_json() for f in self.findings],
            "unreadable": self.unreadable,
            "previous": self.previous,
            "previous_missing": self.previous_missing,
            "repeat": self.repeat,
        }


def exit_code(rows: list[ReviewRow]) -> int:
    """The exit code of `check` and `review`: 0 all fine; 1 some report has errors; 2 some file
    could not be read."""
    if any(not r.readable for r in rows):
        return 2
    return 1 if any(r.errors for r in rows) else 0
