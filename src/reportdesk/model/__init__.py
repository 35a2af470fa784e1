"""The report model: plain dataclasses, derived totals and project files. No Qt here."""

from .prose import BODY, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, Paragraph, Run, heading_level
from .report import (
    DEPARTMENT,
    GOVERNMENT,
    KINDS,
    Baseline,
    Contact,
    Report,
    deadline_for,
    default_title,
    new_report,
)
from .values import Money, Value, format_value, parse_value

__all__ = [
    "BODY",
    "DEPARTMENT",
    "GOVERNMENT",
    "KINDS",
    "LEVEL_1",
    "LEVEL_2",
    "LEVEL_3",
    "LEVEL_4",
    "Baseline",
    "Contact",
    "Money",
    "Paragraph",
    "Report",
    "Run",
    "Value",
    "deadline_for",
    "default_title",
    "format_value",
    "heading_level",
    "new_report",
    "parse_value",
]
