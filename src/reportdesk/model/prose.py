"""Prose of parts 一, 五 and 六: paragraphs with a heading level and inline bold runs.

Bold runs are written ``**…**`` in text form (interchange, project files, the seeds' own markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Heading levels, as in GB/T 9704 practice: 一、 (黑体) · （一） (楷体) · 1. · （1）
BODY, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4 = 0, 1, 2, 3, 4
CN_NUMERALS = "一二三四五六七八九十"  # the numerals of headings: 一、 （一）
_LEVEL_PATTERNS = (
    (LEVEL_1, re.compile(rf"^[{CN_NUMERALS}]+、")),
    (LEVEL_2, re.compile(rf"^[（(][{CN_NUMERALS}]+[）)]")),
    (LEVEL_3, re.compile(r"^\d+[.．、](?!\d)")),
    (LEVEL_4, re.compile(r"^[（(]\d+[）)]")),
)
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


@dataclass
class Run:
    text: str
    bold: bool = False


@dataclass
class Paragraph:
    runs: list[Run] = field(default_factory=list)
    level: int = BODY

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def markup(self) -> str:
        return "".join(f"**{r.text}**" if r.bold and r.text else r.text for r in self.runs)

    @classmethod
    def from_markup(cls, markup: str, level: int | None = None) -> Paragraph:
        runs: list[Run] = []
        pos = 0
        for m in _BOLD.finditer(markup):
            if m.start() > pos:
                runs.append(Run(markup[pos : m.start()]))
            runs.append(Run(m.group(1), True))
            pos = m.end()
        if pos < len(markup):
            runs.append(Run(markup[pos:]))
        para = cls(runs)
        para.level = heading_level(para.text) if level is None else level
        return para


def heading_level(text: str) -> int:
    """The level a paragraph's leading number gives it (``（一）`` -> 2), or BODY."""
    stripped = text.lstrip()
    for level, pattern in _LEVEL_PATTERNS:
        if pattern.match(stripped):
            return level
    return BODY


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """Split text into paragraphs at line breaks, dropping empty lines."""
    return [Paragraph.from_markup(line.strip()) for line in text.splitlines() if line.strip()]


def paragraphs_to_text(paragraphs: list[Paragraph]) -> str:
    return "\n".join(p.markup() for p in paragraphs)


def plain_text(paragraphs: list[Paragraph]) -> str:
    return "\n".join(p.text for p in paragraphs)
