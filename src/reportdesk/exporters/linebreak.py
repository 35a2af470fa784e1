"""Chinese line breaking (禁则): which characters may end or begin a line, and greedy filling.

- no line begins with closing punctuation (，。、；：？！）》”’ …) and none ends with an opening one;
- numbers and Latin words (``2025``, ``12.35``, ``www.qinghe.gov.cn``) stay whole;
- ``——`` and ``……`` are not split;
- a long run that does not fit (a telephone number, an e-mail address, a URL) breaks after its
  punctuation (``0000-``/``12345678``, ``www.``/``qinghe.gov.cn``) rather than stretching the line before it;
- an ASCII space that would begin a line is dropped (it is the break itself).
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


LONG_RUN = 10  # characters: a shorter run (2025, 12.35, 88号) is never broken at its punctuation
_BREAK_AFTER = set(".,:/@-_+&=?#~")


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A long run cut after each of its punctuation marks (``gk@``, ``scjg.``, ``qinghe.``, ``gov.``, ``cn``)."""
    if b - a < LONG_RUN:
        return [(a, b)]
    out, start = [], a
    for i in range(a, b - 1):
        if text[i] in _BREAK_AFTER and text[i + 1] not in _BREAK_AFTER:
            out.append((start, i + 1))
            start = i + 1
    out.append((start, b))
    return out


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
    queue = atoms(text)
    queue.reverse()
    while queue:
        a, b = queue.pop()
        if a == start and lines and text[a] == " ":  # a space at the start of a line is the break itself
            start += 1
            continue
        w = sum(widths[a:b])
        if used + w <= limit + eps:
            used += w
            continue
        pieces = _pieces(text, a, b)
        if len(pieces) > 1:  # a long run: try it piece by piece
            queue.extend(reversed(pieces))
            continue
        if a > start:
            lines.append((start, a))
            start, used, limit = a, 0.0, width
            if text[a] == " ":
                start += 1
                continue
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


def no_lone_last(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``lines`` without a last line of one character (and its punctuation), such as “成。”: the line
    before gives it its last piece that may start a line, as a typesetter would (the lines before are
    justified, so they only stretch a little)."""
    if len(lines) < 2:
        return lines
    start, end = lines[-1]
    if sum(1 for ch in text[start:end] if ch not in CANNOT_START and not ch.isspace()) > 1:
        return lines
    prev_start, _ = lines[-2]
    for a, _b in reversed(atoms(text[prev_start:start])):
        cut = prev_start + a
        if cut > prev_start and text[cut] != " ":
            return [*lines[:-2], (prev_start, cut), (cut, end)]
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
