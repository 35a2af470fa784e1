"""Rules 1–5 of FORMAT.md §5: the arithmetic inside the tables, and the values themselves."""

from __future__ import annotations

from ..formats import PART3, PART4, PATH_SEP, CellRef, ValueKind, cells_of, grid_of, total_rule
from ..model.report import Report
from ..model.values import Money, as_number, format_value, value_problem
from .findings import Finding, Place, Severity

E, W, READ = Severity.ERROR, Severity.WARNING, Severity.READ
SHOWN_CELLS = 6  # unknown cells named in one finding; the rest are counted


def _label(path: str) -> str:
    return path.split(PATH_SEP)[-1]


def _row_name(ref: CellRef) -> str:
    return ref.row.replace(PATH_SEP, "·") if ref.table == PART4 else _label(ref.row)


def _identity_cells(report: Report, col: str) -> tuple[CellRef, ...]:
    p3 = report.format.part3
    return tuple(CellRef(PART3, r, col) for r in (p3.new_row, p3.carried_in_row, p3.total_row, p3.carried_out_row))


def identity(report: Report, totals: dict[CellRef, int | None]) -> list[Finding]:
    """Rule 1, printed in the table itself: 一 + 二 = （七）总计 + 四, column by column.
    A column with an unknown cell is not checked (``unchecked`` says so, once)."""
    p3 = report.format.part3
    out = []
    for col in p3.input_columns:
        if any(report.is_unknown(r) for r in _identity_cells(report, col)):
            continue

        def v(row: str, col: str = col) -> int:
            ref = CellRef(PART3, row, col)
            if ref in totals:
                return int(totals[ref] or 0)
            return int(as_number(report.values.get(ref)))

        new, carried_in = v(p3.new_row), v(p3.carried_in_row)
        done, carried_out = v(p3.total_row), v(p3.carried_out_row)
        if new + carried_in != done + carried_out:
            left, right = new + carried_in, done + carried_out
            cells = _identity_cells(report, col)
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


def printed_totals(report: Report, totals: dict[CellRef, int | None]) -> list[Finding]:
    """Rules 2–4 for a published document: each printed total against the sum of its parts.
    A total with an unknown part is not compared (``unchecked`` says so, once)."""
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
        if computed is None or as_number(printed) == computed:
            continue
        parts = [(r, int(as_number(report.values.get(r)))) for r in formulas[ref]]
        shown = [f"{_part_name(ref, r)} {n}" for r, n in parts if n] or ["各项均为 0"]
        if len(shown) > 8:
            shown = [*shown[:8], "…"]
        rule = total_rule(fmt, ref)
        if ref.table == PART4:
            what = f"表四“{_row_name(ref)}”的总计"
        elif ref.row == p3.total_row:
            what = f"表三“（七）总计”行“{ref.col}”列"
        else:
            what = f"表三“{_label(ref.row)}”行的总计"
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
    out = unreadable_notes(report)
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


def _unknown_by_table(report: Report, inputs_only: bool = True) -> dict[str, list[CellRef]]:
    """The unknown input cells of each table (with ``inputs_only=False`` also printed totals that
    could not be read), in the table's order."""
    fc = cells_of(report.format)
    out: dict[str, list[CellRef]] = {}
    for ref in fc.inputs if inputs_only else (*fc.inputs, *fc.formulas):
        if ref in report.unreadable:
            out.setdefault(ref.table, []).append(ref)
    return out


def _listing(refs: list[CellRef], name) -> str:
    shown = "；".join(name(r) for r in refs[:SHOWN_CELLS])
    return shown + (f"；等共 {len(refs)} 个" if len(refs) > SHOWN_CELLS else "")


def _cell_name(ref: CellRef) -> str:
    return f"“{_row_name(ref)}”·“{ref.col}”"


def unreadable_notes(report: Report) -> list[Finding]:
    """What reading could not take in, one reading note per table (not a finding about the report)."""
    out = []
    for table, refs in _unknown_by_table(report, inputs_only=False).items():
        listing = _listing(refs, lambda r: f"{_cell_name(r)}：{report.unreadable[r]}")
        out.append(
            Finding(
                READ,
                "CELL-UNREADABLE",
                f"表{table}有 {len(refs)} 个单元格未能从原文读取，按“未知”处理（不是 0）：{listing}。"
                f"请按原文核对后填写。",
                Place(table, tuple(refs)),
            )
        )
    return out


def unchecked(report: Report) -> list[Finding]:
    """Once per table with unknown cells: which checks could not be made, and which cells are unknown."""
    if not report.unreadable:
        return []
    fmt = report.format
    formulas = cells_of(fmt).formulas
    out = []
    for table, refs in _unknown_by_table(report).items():
        skipped = []
        if table == PART3:
            cols = [c for c in fmt.part3.input_columns if any(report.is_unknown(r) for r in _identity_cells(report, c))]
            if cols:
                skipped.append(f"{'、'.join(f'“{c}”' for c in cols)}列的“新收 + 上年结转 = 办理结果总计 + 结转下年度”")
        printed = [
            r
            for r, v in report.printed.items()
            if r.table == table and v is not None and r in formulas and report.is_unknown(r)
        ]
        if printed:
            skipped.append(f"{len(printed)} 个印出的合计与各项之和的核对")
        skipped.append("这些单元格的取值和空白检查")
        out.append(
            Finding(
                W,
                "TABLE-UNCHECKED",
                f"表{table}有 {len(refs)} 个单元格的数字未知（{_listing(refs, _cell_name)}），"
                f"以下核对未能进行：{'；'.join(skipped)}。请按原文核对后填写这些单元格。",
                Place(table, tuple(refs)),
            )
        )
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
    if report.is_unknown(ref):  # unknown (or a total over unknown cells): not blank
        return False
    if ref in cells_of(report.format).formulas:
        return ref in report.printed and report.printed[ref] is None
    return report.values.get(ref) is None
