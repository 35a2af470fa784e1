"""Statistics paragraphs drafted from the tables (issue #16): the sentences clerks type by hand every year.

``draft_part(report, part, previous)`` gives the paragraph for part 二, 三 or 四 as a ``Draft``: its text
and the cells (with the values) it was written from. ``stale_cells(report, draft)`` names the cells that
changed since, so the editor can flag the sentence and offer to draft it again. Wording is data
(``formats.wording``); category names come from the format declaration. Only non-zero categories are
listed, in the official order, so the figures in a sentence always add up to its total. A cell whose
value is unknown (reading could not take it in) is never drafted as a number: the part is not drafted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..formats import PART2, PART3, PART4, PATH_SEP, CellRef, ValueKind, cells_of
from ..formats.wording import Wording, wording_for
from .prose import CN_NUMERALS
from .report import Report
from .values import as_number, format_value

_NUMBERING = re.compile(rf"^(?:[（(][{CN_NUMERALS}]+[)）]|[{CN_NUMERALS}]+、|\d+[.．、])")
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_COUNT_SUFFIX = re.compile(r"件数$")  # 本年制发件数 -> 本年制发2件; 数量 reads well before 件


class DraftError(ValueError):
    """The part cannot be drafted (unknown cells); the message says why, in Chinese."""


@dataclass(frozen=True)
class Draft:
    part: str
    text: str
    cells: tuple[tuple[CellRef, str], ...]  # every cell the sentence was written from, with its value then


def short_label(label: str) -> str:
    """An official label as prose names it: 予以公开 for （一）予以公开, 部分公开 for （二）部分公开（区分…）."""
    return _BRACKETED.sub("", _NUMBERING.sub("", label)).strip()


def _count(report: Report, ref: CellRef, used: dict[CellRef, str]) -> int:
    if report.is_unknown(ref):
        raise DraftError(f"{ref.describe()}的数值未知（导入时未能读出），请先核对表格")
    value = report.value(ref)
    used[ref] = format_value(ValueKind.COUNT, value)
    return int(as_number(value))


def _items(pairs: list[tuple[str, int | Decimal | str]], w: Wording, unit: str | None = None) -> str:
    unit = w.unit if unit is None else unit
    return w.item_sep.join(f"{label}{value}{unit}" for label, value in pairs)


def _change(now: int, before: int, w: Wording) -> str:
    if now == before:
        return w.change_none
    if before == 0:
        return ""  # a growth rate from nothing says nothing
    delta = abs(now - before)
    percent = f"{Decimal(delta * 100) / Decimal(before):.1f}"
    return (w.change_up if now > before else w.change_down).format(delta=delta, percent=percent)


def _part3(report: Report, previous: Report | None, w: Wording, used: dict[CellRef, str]) -> str:
    p3 = report.format.part3
    total = p3.total_column

    def cell(row: str) -> int:
        return _count(report, CellRef(PART3, row, total), used)

    new, carried_in, carried_out = cell(p3.new_row), cell(p3.carried_in_row), cell(p3.carried_out_row)
    done = cell(p3.total_row)
    if new == 0 and carried_in == 0:
        return w.no_applications + w.end
    text = w.applications.format(new=new)
    if previous is not None and previous.format.part3.new_row == p3.new_row:
        ref = CellRef(PART3, p3.new_row, total)
        if not previous.is_unknown(ref):
            text += _change(new, int(as_number(previous.value(ref))), w)
    if carried_in:
        text += w.carried_in.format(carried_in=carried_in)
    # Categories: （一）…（六）, each the sum of its rows (（三） has eight); labels from the declaration.
    groups: dict[str, int] = {}
    for row in p3.result_rows:
        top = row.split(PATH_SEP)[1]
        groups[top] = groups.get(top, 0) + _count(report, CellRef(PART3, row, total), used)
    items = [(short_label(label), n) for label, n in groups.items() if n]
    if done:
        text += w.clause_sep + w.finished.format(done=done, items=_items(items, w))
    if carried_out:
        text += w.clause_sep + w.carried_out.format(carried_out=carried_out)
    return text + w.end


def _part4(report: Report, w: Wording, used: dict[CellRef, str]) -> str:
    p4 = report.format.part4

    def count(group: str, col: str) -> int:
        return _count(report, CellRef(PART4, group, col), used)

    review = p4.review_group
    columns = [c for c in p4.columns_of(review) if c != p4.total_column]
    reviews = count(review, p4.total_column)
    if reviews:
        pairs = [(c, count(review, c)) for c in columns]
        text = w.reviews.format(reviews=reviews, items=_items([(c, n) for c, n in pairs if n], w))
    else:
        text = w.no_reviews
    suits_by_group = [(short_label(g.split(PATH_SEP)[-1]), count(g, p4.total_column)) for g in p4.litigation_groups]
    suits = sum(n for _, n in suits_by_group)
    if suits:
        text += w.clause_sep + w.suits.format(suits=suits, items=_items([(g, n) for g, n in suits_by_group if n], w))
    else:
        text += w.clause_sep + w.no_suits
    return text + w.end


def _part2(report: Report, w: Wording, used: dict[CellRef, str]) -> str:
    clauses = []
    kinds = cells_of(report.format).kinds
    for block in report.format.part2:
        for row in block.rows:
            pairs: list[tuple[str, int | Decimal | str]] = []
            unit = w.unit
            for col in block.columns:
                ref = CellRef(PART2, block.title + PATH_SEP + row, col.label)
                if report.is_unknown(ref):
                    raise DraftError(f"{ref.describe()}的数值未知（导入时未能读出），请先核对表格")
                value = report.value(ref)
                used[ref] = format_value(kinds[ref], value)
                if value is None or as_number(value) == 0:
                    continue
                label = _COUNT_SUFFIX.sub("", short_label(col.label))
                if kinds[ref] is ValueKind.WAN_YUAN:
                    unit = "万元"
                    pairs.append((label, format_value(kinds[ref], value)))
                elif kinds[ref] is ValueKind.MONEY:
                    unit = ""
                    pairs.append((label, str(value)))
                elif kinds[ref] is ValueKind.SIGNED:
                    pairs.append((label, format_value(kinds[ref], value)))
                else:
                    pairs.append((label, int(as_number(value))))
            if pairs:
                clauses.append(w.part2_row.format(row=row, items=_items(pairs, w, unit)))
            else:
                clauses.append(w.part2_none.format(row=row))
    return w.clause_sep.join(clauses) + w.end


def draft_part(report: Report, part: str, previous: Report | None = None) -> Draft:
    """The statistics paragraph of part 二, 三 or 四. Raises ``DraftError`` with a reason."""
    w = wording_for(report.format_id)
    used: dict[CellRef, str] = {}
    if part == PART3:
        text = _part3(report, previous, w, used)
    elif part == PART4:
        text = _part4(report, w, used)
    elif part == PART2:
        text = _part2(report, w, used)
    else:
        raise ValueError(f"part {part} has no table")
    return Draft(part, text, tuple(used.items()))


def stale_cells(report: Report, draft: Draft) -> list[CellRef]:
    """The cells whose value differs from when ``draft`` was written (unknown counts as changed)."""
    kinds = cells_of(report.format).kinds
    out = []
    for ref, then in draft.cells:
        if report.is_unknown(ref):
            out.append(ref)
            continue
        kind = kinds.get(ref, ValueKind.COUNT)
        if format_value(kind, report.value(ref)) != then:
            out.append(ref)
    return out
