"""Rule 7 of FORMAT.md §5: figures the prose states against the table (PROSE-NUMBER).

``prose_reading`` decides what a sentence counts; here each claim is mapped to the cells that hold
the same quantity and compared. A claim whose cells include one that reading could not take in is
never compared (unknown is not zero); the report is told once that some figures went unchecked.
"""

from __future__ import annotations

from collections.abc import Callable

from ..formats import PART2, PART3, PART4, PATH_SEP, CellRef
from ..model.report import Report
from . import prose_reading as pr
from .findings import Finding, Place, Severity

RULE = "PROSE-NUMBER"
PROSE_PARTS = ("一", "五", "六")


def _p3(report: Report, *attrs: str) -> tuple[CellRef, ...]:
    p3 = report.format.part3
    return tuple(CellRef(PART3, getattr(p3, a), p3.total_column) for a in attrs)


def _result_group(report: Report, index: int) -> tuple[CellRef, ...]:
    """The input rows of the index-th result of 三、本年度办理结果 in the form's order: （一）予以公开,
    （二）部分公开, （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理."""
    p3 = report.format.part3
    group = next(h for h in p3.rows if h.label == p3.result_group)
    node = group.children[index]
    prefix = p3.result_group + PATH_SEP + node.label
    rows = [r for r in p3.result_rows if r == prefix or r.startswith(prefix + PATH_SEP)]
    return tuple(CellRef(PART3, r, p3.total_column) for r in rows)


def _p4(report: Report, review: bool) -> tuple[CellRef, ...]:
    p4 = report.format.part4
    groups = [p4.review_group] if review else p4.litigation_groups
    return tuple(CellRef(PART4, g, p4.total_column) for g in groups)


def _outcome(report: Report, quantity: str) -> tuple[CellRef, ...]:
    case, index = quantity.split(":")
    p4 = report.format.part4
    groups = [p4.review_group] if case == "review" else p4.litigation_groups
    return tuple(CellRef(PART4, g, p4.columns_of(g)[int(index)]) for g in groups)


def _documents(report: Report, which: str, regulation: bool) -> tuple[CellRef, ...]:
    """本年制发/本年废止/现行有效 of 规章 or 行政规范性文件 (2021 format only: the 2019 form counts
    制作/公开 instead, which the prose's wording does not name)."""
    for rule in report.format.continuity:
        if rule.same_year and rule.minus:
            block = report.format.block(rule.blocks[0])
            row = block.rows[0] if regulation else block.rows[-1]
            col = {"issued": rule.plus, "repealed": rule.minus, "in_force": rule.stock}[which]
            return (CellRef(PART2, block.title + PATH_SEP + row, col),)
    return ()


CELLS: dict[str, Callable[[Report], tuple[CellRef, ...]]] = {
    pr.NEW: lambda r: _p3(r, "new_row"),
    pr.CARRIED_IN: lambda r: _p3(r, "carried_in_row"),
    pr.HANDLED: lambda r: _p3(r, "total_row"),
    pr.CARRIED_OUT: lambda r: _p3(r, "carried_out_row"),
    pr.DISCLOSED: lambda r: _result_group(r, 0),
    pr.PARTIAL: lambda r: _result_group(r, 1),
    pr.DISCLOSED_OR_PARTIAL: lambda r: _result_group(r, 0) + _result_group(r, 1),
    pr.NEW_AND_CARRIED_IN: lambda r: _p3(r, "new_row", "carried_in_row"),
    pr.REFUSED: lambda r: _result_group(r, 2),
    pr.UNABLE: lambda r: _result_group(r, 3),
    pr.NOT_PROCESSED: lambda r: _result_group(r, 4),
    pr.OTHER: lambda r: _result_group(r, 5),
    pr.REVIEW: lambda r: _p4(r, True),
    pr.LITIGATION: lambda r: _p4(r, False),
    pr.ISSUED: lambda r: _documents(r, "issued", False),
    pr.REPEALED: lambda r: _documents(r, "repealed", False),
    pr.IN_FORCE: lambda r: _documents(r, "in_force", False),
    pr.REG_ISSUED: lambda r: _documents(r, "issued", True),
    pr.REG_REPEALED: lambda r: _documents(r, "repealed", True),
    pr.REG_IN_FORCE: lambda r: _documents(r, "in_force", True),
}


def cells_for(report: Report, quantity: str) -> tuple[CellRef, ...]:
    if ":" in quantity:
        return _outcome(report, quantity)
    return CELLS[quantity](report)


def _where(refs: tuple[CellRef, ...]) -> str:
    if len(refs) == 1:
        return refs[0].describe()
    if len(refs) <= 3:
        return "、".join(r.describe() for r in refs) + "之和"
    return f"{refs[0].describe()}等 {len(refs)} 格之和"


def table_figure(report: Report, refs: tuple[CellRef, ...]) -> int | None:
    """The sum of the cells, or None when any of them is unknown (never read as 0)."""
    if any(report.is_unknown(r) for r in refs):
        return None
    total = 0
    for r in refs:
        v = report.value(r)
        total += int(v or 0)
    return total


# Readings a sentence's figure is often taken from by mistake: when the figure equals one of them, say so.
ALTERNATIVES = {
    pr.NEW: (pr.NEW_AND_CARRIED_IN, pr.HANDLED),
    pr.HANDLED: (pr.NEW, pr.NEW_AND_CARRIED_IN),
    pr.NEW_AND_CARRIED_IN: (pr.NEW, pr.HANDLED),
    pr.DISCLOSED: (pr.DISCLOSED_OR_PARTIAL,),
    pr.DISCLOSED_OR_PARTIAL: (pr.DISCLOSED,),
    pr.CARRIED_IN: (pr.CARRIED_OUT,),
    pr.CARRIED_OUT: (pr.CARRIED_IN,),
}


# the quantities a combined one adds up
PARTS = {
    pr.DISCLOSED_OR_PARTIAL: (pr.DISCLOSED, pr.PARTIAL),
    pr.NEW_AND_CARRIED_IN: (pr.NEW, pr.CARRIED_IN),
}


def _hint(report: Report, quantity: str, number: int, refs: tuple[CellRef, ...]) -> str:
    """Why the figure may differ: it is another quantity of the table, or one column of the right rows."""
    if number < 5:
        return ""  # small figures equal some other cell by chance
    for alt in ALTERNATIVES.get(quantity, ()):
        if table_figure(report, cells_for(report, alt)) == number:
            return f"{number} 正是{pr.NAMES[alt]}，文字与表格可能统计口径不同。"
    if len(refs) > 1:
        for r in refs:
            if table_figure(report, (r,)) == number:
                return f"{number} 只是{r.describe()}一项的数。"
    if all(r.table == PART3 for r in refs):
        first = report.format.part3.input_columns[0]
        for q in (quantity, *PARTS.get(quantity, ())):
            column = tuple(CellRef(PART3, r.row, first) for r in cells_for(report, q))
            if table_figure(report, column) == number:
                return f"{number} 只是{pr.NAMES[q]}中“{first}”一列的数，而不是总计。"
    return ""


def prose_against_tables(report: Report) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    unchecked: list[str] = []
    for part in PROSE_PARTS:
        for index, para in enumerate(report.parts[part]):
            for claim in pr.claims(para.text, report.agency):
                refs = cells_for(report, claim.quantity)
                if not refs:
                    continue
                table = table_figure(report, refs)
                if table is None:
                    unchecked.append(f"“{claim.marked()}”")
                    continue
                key = (claim.quantity, claim.number, table)
                if table == claim.number or key in seen:
                    continue
                seen.add(key)
                name = pr.NAMES[claim.quantity]
                hint = _hint(report, claim.quantity, claim.number, refs)
                out.append(
                    Finding(
                        Severity.WARNING,
                        RULE,
                        f"{name}：文字为 {claim.number}，{_where(refs)}为 {table}。{hint}"
                        f"第{part}部分第{index + 1}段“{claim.marked()}”按“{claim.keyword}”读作{name}。"
                        "请核对文字与表格是否一致（若这句只说一部分，例如某个科室、某种渠道，可标记为已核对）。",
                        Place(part, refs, paragraph=index),
                        inputs=f"{claim.sentence}|{claim.quantity}|{claim.number}|{table}",
                    )
                )
    if unchecked:
        out.append(
            Finding(
                Severity.WARNING,
                RULE,
                f"有 {len(unchecked)} 处文字中的数字未能与表格核对，因为对应的单元格未能读取（未知，不按 0 计）："
                + "；".join(unchecked[:3])
                + ("等" if len(unchecked) > 3 else "")
                + "。请先补全表格。",
                Place("", ()),
                inputs="|".join(unchecked),
            )
        )
    return out
