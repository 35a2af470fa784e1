"""Chinese line breaking (禁则): which characters may end or begin a line, and greedy filling.

- no line begins with closing punctuation (，。、；：？！）》”’ …) and none ends with an opening one;
- numbers and Latin words (``2025``, ``12.35``, ``www.qinghe.gov.cn``) stay whole;
- ``——`` and ``……`` are not split.
Atoms are the smallest pieces a line may break between; lines are filled greedily with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CANNOT_START = set("，。、；：？！）》”’〉」』】〕］｝,.;:?!)]}%％‰℃·…—～〗〙〛・")
CANNOT_END = set("（《“‘〈「『【〔［｛([{〖〘〚￥$")
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,:/@\-_+&=?#~][A-Za-z0-9]+)*%?")


def atoms(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of ``text`` that must stay on one line, in order."""
    pieces: list[list[int]] = []
    pos = 0
    for m in _WORD.finditer(text):
        pieces.extend([i, i + 1] for i in range(pos, m.start()))
        pieces.append([m.start(), m.end()])
        pos = m.end()
    pieces.extend([i, i + 1] for i in range(pos, len(text)))
    merged: list[list[int]] = []
    glue_next = False
    for start, end in pieces:
        first, last = text[start], text[end - 1]
        joins_prev = merged and (
            glue_next
            or first in CANNOT_START
            or (first in "—…" and text[merged[-1][1] - 1] == first)
        )
        if joins_prev:
            merged[-1][1] = end
        else:
            merged.append([start, end])
        glue_next = last in CANNOT_END
    return [(s, e) for s, e in merged]


def fill(
    text: str, widths: Sequence[float], first_width: float, width: float
) -> list[tuple[int, int]]:
    """Break ``text`` into lines (start, end): the first line ``first_width`` wide, the others ``width``.

    ``widths[i]`` is the advance of ``text[i]``. An atom wider than a line is broken by character.
    """
    lines: list[tuple[int, int]] = []
    start, used = 0, 0.0
    limit = first_width
    eps = 0.01
    for a, b in atoms(text):
        w = sum(widths[a:b])
        if used + w <= limit + eps:
            used += w
            continue
        if a > start:
            lines.append((start, a))
            start, used, limit = a, 0.0, width
        if w <= limit + eps:
            used = w
            continue
        for i in range(a, b):  # an atom longer than a line
            if used + widths[i] > limit + eps and i > start:
                lines.append((start, i))
                start, used, limit = i, 0.0, width
            used += widths[i]
    if start < len(text) or not lines:
        lines.append((start, len(text)))
    return lines


def stretchable_gaps(text: str, start: int, end: int) -> list[int]:
    """Indexes i (start < i < end) before which extra space may go when a line is justified."""
    inside = set()
    for m in _WORD.finditer(text, start, end):
        inside.update(range(m.start() + 1, m.end()))
    return [i for i in range(start + 1, end) if i not in inside]


def check_lines(lines: Sequence[str]) -> list[str]:
    """Problems of already broken lines (for tests): what begins or ends a line wrongly."""
    problems = []
    for n, line in enumerate(lines):
        if n > 0 and line and line[0] in CANNOT_START:
            problems.append(f"line {n + 1} begins with {line[0]!r}: {line}")
        if n < len(lines) - 1 and line and line[-1] in CANNOT_END:
            problems.append(f"line {n + 1} ends with {line[-1]!r}: {line}")
    return problems
