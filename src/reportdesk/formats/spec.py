"""The vocabulary in which an official report format is declared.

A format is pure data (see ``f2019.py`` and ``f2021.py``). Everything else -- the editor grid, the
computed cells, the checks, the exporters and the importers -- reads these declarations, so a
label or a span is written exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

# Table identifiers: the part numbers of the report that hold tables.
PART2 = "二"
PART3 = "三"
PART4 = "四"
TABLE_PARTS = (PART2, PART3, PART4)

PATH_SEP = "/"


class ValueKind(str, Enum):
    """What a data cell holds."""

    COUNT = "count"  # whole number >= 0
    SIGNED = "signed"  # whole number, may be negative (2019: 本年增/减)
    MONEY = "money"  # amount with its unit, 元 or 万元 (2019: 采购总金额)
    WAN_YUAN = "wan_yuan"  # amount in 万元, decimals allowed (2021: 本年收费金额)


MONEY_UNITS = ("元", "万元")


@dataclass(frozen=True)
class Header:
    """A node of a header tree. A node's span is the number of leaves below it."""

    label: str
    children: tuple[Header, ...] = ()

    def leaves(self) -> list[Header]:
        if not self.children:
            return [self]
        out: list[Header] = []
        for child in self.children:
            out.extend(child.leaves())
        return out

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


def leaf_paths(nodes: tuple[Header, ...], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The label paths from the outside in to every leaf, in reading order."""
    out: list[tuple[str, ...]] = []
    for node in nodes:
        path = prefix + (node.label,)
        if node.children:
            out.extend(leaf_paths(node.children, path))
        else:
            out.append(path)
    return out


def node_labels(nodes: tuple[Header, ...] | list[Header]) -> list[str]:
    """Every label of a header (or row) tree, outside in, in reading order."""
    out: list[str] = []
    for node in nodes:
        out.append(node.label)
        out.extend(node_labels(node.children))
    return out


# ---------------------------------------------------------------- part 二


@dataclass(frozen=True)
class Part2Column:
    label: str
    kind: ValueKind
    span: int = 1  # grid columns the label and its values occupy (the form is 3 data columns wide)


@dataclass(frozen=True)
class Part2Block:
    title: str  # 第二十条第（一）项
    columns: tuple[Part2Column, ...]
    rows: tuple[str, ...]


# ---------------------------------------------------------------- part 三


@dataclass(frozen=True)
class Part3Spec:
    corner: str  # the 勾稽关系 note in the top-left header cell
    column_tree: Header  # 申请人情况 > 自然人 · 法人或其他组织 > … · 总计
    total_column: str  # the computed row-total column (总计)
    rows: tuple[Header, ...]  # nested row labels; leaves are data rows
    total_row: str  # path of the computed （七）总计 row
    new_row: str  # 一、本年新收…
    carried_in_row: str  # 二、上年结转…
    result_group: str  # 三、本年度办理结果
    carried_out_row: str  # 四、结转下年度继续办理
    disclosed_row: str  # （一）予以公开, for prose checks

    @property
    def label_columns(self) -> int:
        return max(r.depth() for r in self.rows)

    @property
    def row_paths(self) -> list[str]:
        return [PATH_SEP.join(p) for p in leaf_paths(self.rows)]

    @property
    def columns(self) -> list[str]:
        return [leaf.label for leaf in self.column_tree.leaves()]

    @property
    def input_columns(self) -> list[str]:
        return [c for c in self.columns if c != self.total_column]

    @property
    def input_rows(self) -> list[str]:
        return [r for r in self.row_paths if r != self.total_row]

    @property
    def result_rows(self) -> list[str]:
        """The rows that add up to （七）总计."""
        prefix = self.result_group + PATH_SEP
        return [r for r in self.input_rows if r.startswith(prefix)]


# ---------------------------------------------------------------- part 四


@dataclass(frozen=True)
class Part4Spec:
    column_tree: tuple[Header, ...]  # 行政复议 > 5 · 行政诉讼 > (未经复议直接起诉 > 5 · 复议后起诉 > 5)
    total_column: str  # 总计, computed in every group

    @property
    def groups(self) -> list[str]:
        """The group paths, each holding the same five columns."""
        seen: list[str] = []
        for path in leaf_paths(self.column_tree):
            group = PATH_SEP.join(path[:-1])
            if group not in seen:
                seen.append(group)
        return seen

    def columns_of(self, group: str) -> list[str]:
        return [p[-1] for p in leaf_paths(self.column_tree) if PATH_SEP.join(p[:-1]) == group]

    @property
    def review_group(self) -> str:
        return self.groups[0]

    @property
    def litigation_groups(self) -> list[str]:
        return self.groups[1:]


# ---------------------------------------------------------------- across years


@dataclass(frozen=True)
class Continuity:
    """A part 二 figure that carries from one year into the next.

    ``same_year`` True (2021):  stock(Y) = stock(Y-1) + plus(Y) - minus(Y)
    ``same_year`` False (2019): stock(Y) = stock(Y-1) + plus(Y-1)
    """

    blocks: tuple[str, ...]
    stock: str
    plus: str
    minus: str | None = None
    same_year: bool = True


# ---------------------------------------------------------------- the whole format


@dataclass(frozen=True, eq=False)  # each format is a singleton: identity hashing keeps caches cheap
class ReportFormat:
    id: str  # "2019" or "2021"
    notice: str  # 国办公开办函〔2021〕30号
    notice_title: str  # how the opening paragraph names the notice
    first_year: int
    last_year: int | None
    part_headings: tuple[tuple[str, str], ...]  # (part number, verbatim heading)
    part1_outline: tuple[str, ...]  # 参考提纲 of part 一
    part2: tuple[Part2Block, ...]
    part3: Part3Spec
    part4: Part4Spec
    continuity: tuple[Continuity, ...] = field(default=())
    part6_outline: tuple[str, ...] = ()  # what part 六 usually covers; empty: no fixed list (2019 format)

    def heading(self, part: str) -> str:
        return dict(self.part_headings)[part]

    def block(self, title: str) -> Part2Block:
        for b in self.part2:
            if b.title == title:
                return b
        raise KeyError(title)

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
