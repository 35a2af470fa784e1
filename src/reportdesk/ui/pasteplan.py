"""Where each value of a block pasted from Excel/WPS goes, as a clerk expects (no Qt here).

A block that carries its row labels (the label column copied with the numbers) or a header row is
placed by those labels, wherever the cursor is; a bare block of numbers is placed from the current
cell, cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats import GridCell, Role
from ..model.values import normalise

# What a published table or a colleague's spreadsheet writes for "none": pasted as 0 in count cells.
NOTHING = {"", "无", "-", "—", "–", "－", "/", "／", "——", "--", "0"}
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+\.)")
_NUMBERISH = re.compile(r"^[+\-]?[\d.,]+(?:万元|元)?$")


def _key(text: str) -> str:
    s = normalise(text).replace("（", "(").replace("）", ")").replace("．", ".").replace("：", "").replace(":", "")
    return "".join(s.split())


def _keys(text: str) -> set[str]:
    """The label as written, and without its numbering (“1.属于国家秘密” and “属于国家秘密” match)."""
    k = _key(text)
    return {k, _NUMBERING.sub("", k)} - {""}


def is_placeholder(text: str) -> bool:
    return _key(text) in NOTHING


def is_number(text: str) -> bool:
    return bool(_NUMBERISH.match(_key(text)))


def _is_label_text(text: str) -> bool:
    return bool(_key(text)) and not is_placeholder(text) and not is_number(text)


@dataclass
class PastePlan:
    targets: list[tuple[int, int, str]] = field(default_factory=list)  # (grid row, grid column, pasted text)
    unplaced: list[str] = field(default_factory=list)  # pasted rows or columns whose label is not in the table
    by_labels: bool = False  # rows placed by their labels
    by_header: bool = False  # columns placed by a header row


class Planner:
    def __init__(self, cells: list[GridCell], rows: int, cols: int) -> None:
        self.rows, self.cols = rows, cols
        self.row_labels: dict[str, set[int]] = {}  # label key -> grid rows it covers
        self.col_headers: dict[str, set[int]] = {}  # header key -> grid columns it covers
        self.first_data_col = min((c.col for c in cells if c.role in (Role.INPUT, Role.COMPUTED)), default=0)
        for c in cells:
            if c.role in (Role.LABEL, Role.TITLE) and c.text:
                for k in _keys(c.text):
                    self.row_labels.setdefault(k, set()).update(range(c.row, c.row + c.rowspan))
            if c.role is Role.HEADER and c.text and c.col + c.colspan > self.first_data_col:
                for k in _keys(c.text):
                    self.col_headers.setdefault(k, set()).update(range(c.col, c.col + c.colspan))

    # ------------------------------------------------------------------ pieces

    def _rows_for(self, labels: list[str]) -> set[int] | None:
        """Grid rows matching every label of a pasted row; None when one of them is not in the table."""
        rows: set[int] | None = None
        for text in labels:
            found: set[int] = set()
            for k in _keys(text):
                found |= self.row_labels.get(k, set())
            if not found:
                return None
            rows = found if rows is None else rows & found
        return rows

    def _label_columns(self, block: list[list[str]], header_rows: int) -> int:
        """How many leading columns of the block are labels (text that is not a number or 无)."""
        k = 0
        width = max(len(r) for r in block)
        body = block[header_rows:]
        while k < width and any(k < len(r) and _is_label_text(r[k]) for r in body):
            k += 1
        return k

    def _header_rows(self, block: list[list[str]]) -> int:
        """Leading rows that are all text and name columns of this table."""
        n = 0
        for row in block:
            texts = [t for t in row if _key(t)]
            if not texts or not all(_is_label_text(t) for t in texts):
                break
            if not any(_keys(t) & self.col_headers.keys() for t in texts):
                break
            n += 1
        return n

    def _columns_by_header(self, block: list[list[str]], header_rows: int, first: int, width: int) -> dict[int, int]:
        mapped = {}
        for j in range(first, width):
            cols = set(range(self.first_data_col, self.cols))
            named = False
            for h in range(header_rows):
                row = block[h]
                i = j
                while i >= first and (i >= len(row) or not _key(row[i])):  # a merged header copies as blanks
                    i -= 1
                if i < first:
                    continue
                found: set[int] = set()
                for k in _keys(row[i]):
                    found |= self.col_headers.get(k, set())
                if found and cols & found:  # a blank copied from a merged header may name the wrong column
                    cols &= found
                    named = True
            if named and len(cols) == 1:
                mapped[j] = cols.pop()
        return mapped

    # ------------------------------------------------------------------ the plan

    def plan(self, block: list[list[str]], start_row: int, start_col: int) -> PastePlan:
        out = PastePlan()
        if not block:
            return out
        header_rows = self._header_rows(block)
        width = max(len(r) for r in block)
        k = self._label_columns(block, header_rows)
        body = block[header_rows:]
        rows_of: dict[int, int] = {}
        if k:
            previous = None
            for i, row in enumerate(body):
                labels = [t for t in row[:k] if _key(t)]
                if not labels:
                    rows_of[i] = previous + 1 if previous is not None else -1
                    previous = rows_of[i] if rows_of[i] >= 0 else None
                    continue
                found = self._rows_for(labels)
                texts = [t for t in row if _key(t)]
                if not found and all(_is_label_text(t) for t in texts) and any(_keys(t) & self.col_headers.keys() for t in texts):
                    continue  # a header line repeated inside the block (表二's sub-tables)
                if not found:
                    out.unplaced.append("“" + " / ".join(labels) + "”")
                    previous = None
                    continue
                # several rows share a group label: take the first at or after the last one placed
                ordered = sorted(found)
                after = [r for r in ordered if previous is None or r > previous]
                rows_of[i] = (after or ordered)[0]
                previous = rows_of[i]
            out.by_labels = any(r >= 0 for r in rows_of.values())
        if not out.by_labels:
            k = 0
            rows_of = {i: start_row + i for i in range(len(body))}
        columns = self._columns_by_header(block, header_rows, k, width) if header_rows else {}
        out.by_header = bool(columns)
        if header_rows and not columns:  # a header row that names nothing here: paste it as it comes
            body, header_rows = block, 0
            rows_of = rows_of if out.by_labels else {i: start_row + i for i in range(len(body))}
        first_col = start_col if (start_col >= self.first_data_col or not out.by_labels) else self.first_data_col
        for i, row in enumerate(body):
            r = rows_of.get(i, -1)
            if r < 0:
                continue
            for j in range(k, width):
                text = row[j] if j < len(row) else ""
                if out.by_header:
                    if j not in columns:
                        continue
                    c = columns[j]
                else:
                    c = first_col + (j - k)
                out.targets.append((r, c, text))
        return out


def plan_paste(cells: list[GridCell], rows: int, cols: int, block: list[list[str]], start_row: int, start_col: int) -> PastePlan:
    return Planner(cells, rows, cols).plan(block, start_row, start_col)
