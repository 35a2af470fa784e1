"""Rules 1–5 of FORMAT.md §5: the arithmetic inside the tables, and the values themselves."""

from __future__ import annotations

from ..formats import PART3, PART4, PATH_SEP, CellRef, ValueKind, cells_of, grid_of
from ..model.report import Report
from ..model.values import Money, as_number, format_value, value_problem
from .findings import Finding, Place, Severity

E, W = Severity.ERROR, Severity.WARNING


def _label(path: str) -> str:
    return path.split(PATH_SEP)[-1]


def _row_name(ref: CellRef) -> str:
    return ref.row.replace(PATH_SEP, "·") if ref.table == PART4 else _label(ref.row)


def identity(report: Report, totals: dict[CellRef, int]) -> list[Finding]:
    """Rule 1, printed in the table itself: 一 + 二 = （七）总计 + 四, column by column."""
    p3 = report.format.part3
    out = []
    for col in p3.input_columns:

        def v(row: str, col: str = col) -> int:
            ref = CellRef(PART3, row, col)
            return totals[ref] if ref in totals else int(as_number(report.values.get(ref)))

        new, carried_in = v(p3.new_row), v(p3.carried_in_row)
        done, carried_out = v(p3.total_row), v(p3.carried_out_row)
        if new + carried_in != done + carried_out:
            left, right = new + carried_in, done + carried_out
            cells = tuple(
                CellRef(PART3, r, col) for r in (p3.new_row, p3.carried_in_row, p3.total_row, p3.carried_out_row)
            )
            out.append(
                Finding(
                    E,
                    "T3-IDENTITY",
                    f"表三“{col}”列：本年新收 {new} + 上年结转 {carried_in} = {left}，"
                    f"而办理结果总计 {done} + 结转下年度 {carried_out} = {right}，相差 {abs(left - right)}。"
                    f"请核对本列的新收、结转和各项办理结果。",
                    Place(PART3, cells),
                )
            )
    return out


def printed_totals(report: Report, totals: dict[CellRef, int]) -> list[Finding]:
    """Rules 2–4 for a published document: each printed total against the sum of its parts."""
    if not report.printed:
        return []
    fmt = report.format
    formulas = cells_of(fmt).formulas
    p3 = fmt.part3
    out = []
    for ref, printed in report.printed.items():
        if printed is None or ref not in formulas:
            continue
        computed = totals[ref]
        if as_number(printed) == computed:
            continue
        parts = [(r, int(as_number(report.values.get(r)))) for r in formulas[ref]]
        shown = [f"{_part_name(ref, r)} {n}" for r, n in parts if n] or ["各项均为 0"]
        if len(shown) > 8:
            shown = [*shown[:8], "…"]
        if ref.table == PART4:
            rule, what = "T4-TOTAL", f"表四“{_row_name(ref)}”的总计"
        elif ref.row == p3.total_row:
            rule, what = "T3-RESULT-TOTAL", f"表三“（七）总计”行“{ref.col}”列"
        else:
            rule, what = "T3-ROW-TOTAL", f"表三“{_label(ref.row)}”行的总计"
        out.append(
            Finding(
                E,
                rule,
                f"{what}印为 {format_value(ValueKind.COUNT, printed)}，而各项之和为 {computed}"
                f"（{' + '.join(shown)}），相差 {abs(int(as_number(printed)) - computed)}。请改正合计或各项数字。",
                Place(ref.table, (ref, *(r for r, _ in parts))),
            )
        )
    return out


def _part_name(total: CellRef, part: CellRef) -> str:
    return part.col if part.row == total.row else f"{_label(part.row)}·{part.col}"


def values(report: Report) -> list[Finding]:
    """Rule 5: whole numbers >= 0, money with a unit, no blank cells, nothing unreadable."""
    fmt = report.format
    fc = cells_of(fmt)
    out: list[Finding] = []
    for ref, raw in report.unreadable.items():
        out.append(
            Finding(
                E,
                "CELL-UNREADABLE",
                f"{ref.describe()}无法识别：“{raw}”。请按原文核对后填写。",
                Place(ref.table, (ref,)),
            )
        )
    for ref in fc.inputs:
        v = report.values.get(ref)
        if v is None:
            continue
        kind = fc.kinds[ref]
        problem = value_problem(kind, v)
        if problem:
            out.append(Finding(E, "CELL-VALUE", f"{ref.describe()}：{problem}。", Place(ref.table, (ref,))))
        elif kind is ValueKind.MONEY and isinstance(v, Money) and v.unit is None and v.amount != 0:
            out.append(
                Finding(
                    W,
                    "CELL-MONEY-UNIT",
                    f"{ref.describe()}为 {v}，未写单位。请注明“元”或“万元”。",
                    Place(ref.table, (ref,)),
                )
            )
    out.extend(_blanks(report))
    return out


def _blanks(report: Report) -> list[Finding]:
    """Blank cells, one finding per table row (a whole missing table is one finding)."""
    fmt = report.format
    formulas = cells_of(fmt).formulas
    out = []
    for table in ("二", "三", "四"):
        refs = [c.ref for c in grid_of(fmt, table).cells if c.ref is not None]
        blank = [r for r in refs if _is_blank(report, r)]
        if not blank:
            continue
        inputs = [r for r in refs if r not in formulas]
        if all(r in blank for r in inputs) and all(report.printed.get(r) is None for r in refs if r in formulas):
            out.append(
                Finding(
                    E,
                    "TABLE-MISSING",
                    f"表{table}（{fmt.heading(table)}）没有任何数字。请按官方格式填写，没有发生的填 0。",
                    Place(table, (blank[0],)),
                )
            )
            continue
        rows: dict[str, list[CellRef]] = {}
        for r in blank:
            rows.setdefault(r.row, []).append(r)
        for cells in rows.values():
            cols = "、".join(f"“{c.col}”" for c in cells)
            out.append(
                Finding(
                    E,
                    "CELL-BLANK",
                    f"表{table}“{_row_name(cells[0])}”{'' if table == PART4 else '行'}的{cols}为空白。"
                    f"官方表格不留空，没有发生的请填 0。",
                    Place(table, tuple(cells)),
                )
            )
    return out


def _is_blank(report: Report, ref: CellRef) -> bool:
    if ref in report.unreadable:
        return False
    if ref in cells_of(report.format).formulas:
        return ref in report.printed and report.printed[ref] is None
    return report.values.get(ref) is None
