"""A table row's label and its cells: which official row a label names, and which value is in which cell.

A label may be exact, lack or mistake its number, be cut by a line break, or be a misspelled or
shortened form of one official label (matched only when one official label clearly fits best, and
reported). A row's values are placed in columns only when the placing is certain; otherwise the
row's cells are unknown, with what was found there, never a guess and never 0.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..formats import CellRef, ValueKind, cells_of
from ..model.report import Report
from ..model.values import CellValueError, Value, as_number, parse_value
from .document import BLANKS_KEPT_ROW_END, ORPHAN, ROW_END, is_end
from .normalise import bare_key, has_cjk, is_number, is_subsequence, key

NOT_FOUND = "原文未找到此行"
SIMILAR = 0.8  # how alike a misspelled label must be to the official one (difflib ratio of the keys)


@dataclass
class TableNotes:
    """What reading the tables found that the clerk should know: problems and accepted variants."""

    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    variants: list[str] = field(default_factory=list)


def _variant_of(k: str, candidates: dict[str, str]) -> str | None:
    """The one official label (by key) that a shorter spelling ``k`` abbreviates, if exactly one."""
    if len(k) < 4:
        return None
    hits = [v for ck, v in candidates.items() if len(k) < len(ck) and len(k) >= 0.6 * len(ck) and is_subsequence(k, ck)]
    return hits[0] if len(hits) == 1 else None


def similar_of(k: str, candidates: dict[str, str]) -> str | None:
    """The official label a misspelled one (`其他法律行政止公开`, OCR's `l.属于国家秘密`) stands for:
    the clear best by similarity, above ``SIMILAR``."""
    if len(k) < 4:
        return None
    scored = sorted(((SequenceMatcher(None, k, ck, autojunk=False).ratio(), v) for ck, v in candidates.items()), reverse=True)
    if not scored or scored[0][0] < SIMILAR:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.1 and scored[1][1] != scored[0][1]:
        return None
    return scored[0][1]


_NOT_A_NUMBER = {"无", "空", "暂无"}  # written in a cell instead of 0: read as unreadable, never as 0
# Punctuation a spaced-out side label leaves behind (`三 、本 年 度办 理 结果`): not a cell.
_STRAY = set("、，,。：:；;·．")


def is_stray(token: str) -> bool:
    return bool(token) and not is_end(token) and all(ch in _STRAY or ch.isspace() for ch in token)


def is_value(token: str) -> bool:
    if is_stray(token):
        return False
    return token == "" or is_end(token) or is_number(token) or not has_cjk(token) or token.strip() in _NOT_A_NUMBER


def fit(values: list[str], n: int, has_total: bool, groups: int = 1) -> tuple[list[str | None] | None, str | None]:
    """The ``n`` cells of a row from the value tokens that followed its label. A row read whole
    (``ROW_END`` among them) may have blank cells at its start or end: they are placed when only
    one placing leaves every other cell empty."""
    if ORPHAN in values:
        return None, "数字与行标签不在表格的同一行（原文转换时被拆开），无法确定数字属于哪一行，未读入"
    whole = any(is_end(t) for t in values)
    exact = ROW_END in values  # a real table's row: a cell missing from it is not a lost cell
    trimmed = BLANKS_KEPT_ROW_END in values and not exact
    values = [t for t in values if not is_end(t)]
    if trimmed and len(values) < n:  # only blank cells at its end were lost (all, for a label alone)
        return [t or None for t in values + [""] * (n - len(values))], None
    filled = [t for t in values if t != ""]
    if len(filled) == n:
        return list(filled), None
    if len(values) == n:
        return [t or None for t in values], None
    if not values:  # the label alone, no cell after it: nothing says the cells are blank
        return None, f"只找到行标签，没有读到数字（应为 {n} 个），未读入"
    if not filled:
        return [None] * n, None
    if whole and len(values) > n:
        placings = []
        if not any(values[n:]):
            placings.append(values[:n])
        if not any(values[:-n]):
            placings.append(values[-n:])
        if placings and all(p == placings[0] for p in placings):
            return [t or None for t in placings[0]], None
    run = "".join(filled)
    if len(filled) == 1 and len(filled[0]) == n > 1 and set(filled[0]) == {"0"}:
        # `000` for three cells: a number is not printed with a leading zero, so each cell is 0
        return ["0"] * n, f"{RUN_SPLIT}“{filled[0]}”，只能是 {n} 个 0，已按 0 读入"
    # cells ran together: the row is one token, or a token is no number by itself (`00`)
    ran_together = len(filled) == 1 or any(len(t) > 1 and t[0] == "0" for t in filled)
    if has_total and ran_together and len(filled) < n and all(t.isdigit() for t in filled) and n <= len(run) <= MAX_RUN:
        ends = frozenset(itertools.accumulate(len(t) for t in filled))
        split = split_run(run, n, groups, ends)
        if split is not None:
            shown = " ".join(filled)
            return split, f"{RUN_SPLIT}“{shown}”，按“各项之和等于总计”唯一拆分为 {' '.join(split)}，请核对"
    zeros = all(is_number(t) and as_number(parse_value_any(t)) == 0 for t in filled)
    if zeros and (len(filled) > n or (has_total and len(filled) == n - 1 and not exact)):
        return ["0"] * n, f"读到 {len(filled)} 个数字，应为 {n} 个（有单元格在转换中丢失或多出）；读到的数字都是 0，各格只能是 0，已按 0 读入"
    shown = short(" ".join(filled))
    return None, f"读到 {len(filled)} 个数字（{shown}），应为 {n} 个，无法确定各数字所在的列，未读入"


RUN_SPLIT = "数字连在一起印作"
MAX_RUN = 24  # digits of a row run together that are still split


def split_run(digits: str, n: int, groups: int = 1, cuts: frozenset[int] = frozenset()) -> list[str] | None:
    """The one way to cut a run of digits (a table's cells run together by a scraper:
    `21710000218`) into ``n`` numbers, ``groups`` groups each ending in the sum of the numbers
    before it in the group; None when there is no such way or more than one. ``cuts``: positions
    that must fall between two numbers (where the text had a space)."""
    if n % groups:
        return None
    size = n // groups
    found: list[list[str]] = []

    def fits(rest: str, width: int) -> bool:  # no required cut inside the piece
        start = len(digits) - len(rest)
        return not any(start < c < start + width for c in cuts)

    def group(rest: str, left: int, acc: list[str]) -> None:
        if len(found) > 1:
            return
        if left == 0:
            if not rest:
                found.append(list(acc))
            return
        numbers(rest, size - 1, 0, acc, left)

    def numbers(rest: str, k: int, total: int, acc: list[str], left: int) -> None:
        if len(found) > 1:
            return
        if k == 0:
            t = str(total)
            if rest.startswith(t) and fits(rest, len(t)):
                acc.append(t)
                group(rest[len(t) :], left - 1, acc)
                acc.pop()
            return
        for width in range(1, min(len(rest), 7) + 1):
            piece = rest[:width]
            if width > 1 and piece[0] == "0":
                break  # a number is not printed with a leading zero
            if not fits(rest, width):
                break
            acc.append(piece)
            numbers(rest[width:], k - 1, total + int(piece), acc, left)
            acc.pop()

    group(digits, groups, [])
    return found[0] if len(found) == 1 else None


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_value_any(token: str) -> Value | None:
    try:
        return parse_value(ValueKind.MONEY if token.endswith("元") else ValueKind.SIGNED, token)
    except CellValueError:
        return None


def store(report: Report, refs: list[CellRef], raw: list[str | None] | None, why: str) -> None:
    """Cells of one row: ``raw`` the text of each cell (None: printed blank), or None when the row
    could not be placed (its input cells unknown, ``why`` saying what was found)."""
    fc = cells_of(report.format)
    for i, ref in enumerate(refs):
        target = report.printed if ref in fc.formulas else report.values
        if raw is None:  # a total not read is not a total printed blank: it is left to the sum
            if ref in fc.formulas:
                report.printed.pop(ref, None)
            else:
                report.values[ref] = None
                report.unreadable[ref] = why or NOT_FOUND
            continue
        text = raw[i]
        if text is None:
            target[ref] = None
            continue
        try:
            target[ref] = parse_value(fc.kinds[ref], text)
        except CellValueError as exc:
            target[ref] = None
            report.unreadable[ref] = f"“{text}”（{exc}）"


def not_found(report: Report, refs: list[CellRef], why: str = NOT_FOUND) -> None:
    """Cells of a row the document's table should print but the reading did not find: unknown."""
    store(report, refs, None, why)
    for ref in refs:
        report.printed.pop(ref, None)


class RowMatcher:
    """Finds which official row a cell names: exactly, without its number, split, or a variant."""

    def __init__(self, labels: dict[str, str], forbidden_bare: set[str]) -> None:
        self.full = {key(label): path for path, label in labels.items()}
        self.bare = {}
        for path, label in labels.items():
            b = bare_key(label)
            if len(b) >= 2 and b not in forbidden_bare:
                self.bare[b] = path
        self.forbidden = forbidden_bare
        self.taken: set[str] = set()

    def match(self, token: str) -> tuple[str | None, str]:
        """(row path, how): how is "" (exact), "split" or "variant"."""
        k = key(token)
        if not k or not has_cjk(token):
            return None, ""
        if k in self.full:
            return self.full[k], ""
        b = bare_key(token)
        if b in self.bare:  # without its number, or with a wrong one (reported)
            return self.bare[b], "" if b == k else "variant"
        free = {ck: p for ck, p in self.full.items() if p not in self.taken}
        if len(k) >= 5:
            starts = [p for ck, p in free.items() if ck.startswith(k) or ck.startswith(b)]
            if len(starts) == 1:
                return starts[0], "split"
        hit = _variant_of(k, free)
        if hit is None and k not in self.forbidden and b not in self.forbidden:
            hit = similar_of(k, free)
        return (hit, "variant") if hit else (None, "")
