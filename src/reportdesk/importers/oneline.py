"""Text whose line breaks were lost (a whole report on one or a few lines) cut back into lines.

Scrapers and some copy paths give a page's text without its line breaks. The official wording
says where things stand, wherever they are: the part headings, the tables' block titles and row
and column labels, the end of a sentence in prose. A line is cut only when it is long and holds
several pieces of that wording; every other line is left as it came. Cutting is linear in the
text: the headings are found by a few regular expressions, and labels are looked for only in the
stretch between the part 二 and part 五 headings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from ..formats import FORMATS
from .normalise import has_cjk, is_number, key
from .wording import official_keys, part_headings, table_labels

LONG_LINE = 300  # characters: longer than any heading or table row
MAX_REGION = 200_000  # characters of tables in one line: far more than any report's tables
_TITLE_END = re.compile(r"\d{4}\s*年度?[^。，\d]{0,40}?政府信息公开\s*(?:工作)?\s*年度报告")
_SENTENCE_END = re.compile(r"(?<=[。！？；])\s+")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# before the signature and its date at the end: after a space, or right after a sentence's end
_DATE_AT_END = re.compile(r"(?:\s+|(?<=[。；！？]))(?=[^\s。；！？]{2,30}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$)")
_PIPE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+")
_MD_HEADING = re.compile(r"(?<!\S)#{1,6}(?=\s)")
_CLOSING = tuple("）)〕]】”\"'")
_OPENING = "（(〔[【“\"'"
_NUMBERING = re.compile(r"^\d+\s*[.．、]")


def _spaced(text: str) -> str:
    """A pattern for ``text`` allowing spaces between characters and either width of punctuation."""
    out = []
    for ch in text:
        if ch.isspace():
            continue
        folded = unicodedata.normalize("NFKC", ch)
        alternatives = {re.escape(ch), re.escape(folded)}
        if ch in "、，,.．":
            alternatives |= {re.escape(c) for c in "、，,.．"}
        out.append("(?:" + "|".join(sorted(alternatives)) + ")" if len(alternatives) > 1 else re.escape(ch))
    return r"\s*".join(out)


@cache
def _heading_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """A part heading as printed, or with a few words more (五、政府信息公开工作存在的主要问题…)."""
    out = []
    for part, heading in part_headings():
        number, body = heading.split("、", 1)
        words = _spaced(body).replace("的", "的?")
        out.append((part, re.compile(rf"{_spaced(number)}\s*[、.．，,]\s*(?:[^。；，\s\d]{{1,12}}?\s*)??{words}")))
    return tuple(out)


@cache
def _label_pattern() -> re.Pattern:
    keys = sorted({key(label) for label in table_labels() if key(label)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


@cache
def _table_start() -> re.Pattern:
    """The first block title of part 二 (the same in every format), spaced out or not."""
    return re.compile(_spaced(next(iter(FORMATS.values())).part2[0].title))


@cache
def _loose_heading(part: str) -> re.Pattern:
    """A heading worded otherwise (五、存在的主要问题及整改措施): its number, then within a few words
    the first two characters of the official wording, up to its last two (情况) or the next space."""
    body = dict(part_headings())[part].split("、", 1)[1]
    start, end = re.escape(body[:2]), re.escape(body[-2:])
    return re.compile(rf"(?<![\u4e00-\u9fff]){part}\s*、(?=[^。\s]{{0,12}}{start})[^。\s\d]{{2,30}}?(?:{end}|(?=[\s\d]))")


def _needs_cutting(line: str) -> bool:
    if len(line) < LONG_LINE:
        return False
    k = key(line[:MAX_REGION])
    return sum(1 for w in official_keys() if w in k) >= 3


def cut_by_wording(text: str) -> Iterator[str]:
    """The text's lines, a long line holding several parts of the report cut where they begin."""
    for line in text.splitlines():
        if _needs_cutting(line):
            yield from _cut(line)
        else:
            yield line


def _cut(line: str) -> list[str]:
    piped = line.count("|") > 20  # Markdown tables on one line: `| 规章 | 0 | 0 | 12 | |---|---|`
    if piped:
        line = _MD_HEADING.sub(" ", _PIPE_RULE.sub(" ", line))
    cuts: set[int] = set()
    title = _TITLE_END.search(line, 0, 2000)
    if title:
        cuts.add(title.end())
    heads: dict[str, tuple[int, int]] = {}
    pos = title.end() if title else 0
    for part, pattern in _heading_patterns():
        m = pattern.search(line, pos) or _loose_heading(part).search(line, pos)
        if m:
            heads[part] = (m.start(), m.end())
            cuts.update((m.start(), m.end()))
            pos = m.end()
    if "二" in heads:
        table_from = heads["二"][1]
    else:  # the tables' first block title, where the heading is worded otherwise or missing
        first = _table_start().search(line, pos if heads else 0)
        table_from = first.start() if first else len(line)
    table_to = heads.get("五", (len(line), None))[0]
    if len(heads) < 2 and table_from == len(line):
        return [line]  # a long paragraph that merely names some of the wording: not a report on one line
    if table_to - table_from <= MAX_REGION:
        inside = list(heads.values())
        for at, end in _labels(line, table_from, table_to):
            if any(a < at < b for a, b in inside):
                continue
            cuts.add(at)
            if not piped and (line[end : end + 1] == " " or line[end : end + 1].isdigit()):
                cuts.add(end)  # a line break once, or the cells' digits run on: the label ended
            elif piped and line[max(table_from, at - 4) : at].strip()[-1:] != "|":
                cuts.add(end)  # a label in the text, not in a cell: the cells after it are another row's
    prose = [(0, table_from), (table_to, len(line))]
    for lo, hi in prose:
        cuts.update(m.end() for m in _SENTENCE_END.finditer(line, lo, hi))
    tail = _DATE_AT_END.search(line, max(0, len(line) - 80))
    if tail:
        cuts.add(tail.end())
    else:  # the signature's date followed by a note or the portal's furniture (附件下载)
        dates = list(_DATE.finditer(line, max(heads.get("六", (0, 0))[1], len(line) - 200)))
        if dates:
            cuts.add(dates[-1].end())
            before = _DATE_AT_END.search(line[: dates[-1].end()], max(0, dates[-1].start() - 40))
            if before:
                cuts.add(before.end())
    if title:  # the agency that signs, run into part 六's last words (`无平潭…局 2021年1月19日`)
        agency = re.split(r"[\s:：>»›]", line[max(0, title.start() - 40) : title.start()])[-1]
        signed = line.rfind(agency, max(0, len(line) - 200)) if len(agency) >= 4 else -1
        after = signed + len(agency)
        if signed > 0 and _DATE.match(line, after + (line[after : after + 1] == " ")):
            cuts.add(signed)
    out, start = [], 0
    for at in sorted(c for c in cuts if 0 < c < len(line)):
        out.append(line[start:at])
        start = at
    out.append(line[start:])
    pieces = [piece.strip(" ") for piece in out if piece.strip()]
    if piped:  # a piece of a table: its cells between pipes as a tab-separated row (` \t `: not a
        # browser's copy, whose rows tell blank cells by empty fields); a row without a label stays a
        # Markdown row, whose numbers are not given to a label read before it
        pieces = [_piped_row(p) if "|" in p else p for p in pieces]
    return [p for p in pieces if p.strip()]


def _piped_row(piece: str) -> str:
    cells = [c.strip() for c in piece.strip(" |").split("|")]
    if any(has_cjk(c) and not is_number(c) for c in cells):
        return " \t ".join(cells)
    return "| " + " | ".join(cells) + " |"


def _labels(line: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where each official table label begins and ends in ``line[lo:hi]``, found on the labels' keys."""
    chars, where = [], []
    for i in range(lo, hi):
        k = key(line[i])
        for ch in k:
            chars.append(ch)
            where.append(i)
    keyed = "".join(chars)
    starts = []
    for m in _label_pattern().finditer(keyed):
        at = where[m.start()]
        if keyed[m.start()].isdigit() and not _NUMBERING.match(line[at : where[m.end() - 1] + 1]):
            # `0 2其他…`: the digit is a number of the row before, not the label's numbering
            continue
        while at > lo and line[at - 1] in _OPENING:  # the label's `（` before its key
            at -= 1
        end = where[m.end() - 1] + 1
        while line[end : end + 1] in _CLOSING and end < hi:  # the label's `）` after its key
            end += 1
        starts.append((at, end))
    return starts
