"""Generated report sets for the review tests and benchmark: consistent reports, known defects.

Every number is filled through the format declarations, so a clean report passes every check;
``inject`` then breaks one thing and returns the (rule, place) a reviewer must report.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from reportdesk.formats import FORMATS, PART2, PART3, PART4, PATH_SEP, CellRef, ValueKind, cells_of
from reportdesk.model.opening import standard_opening
from reportdesk.model.project import save_project
from reportdesk.model.prose import Paragraph
from reportdesk.model.report import Report, new_report
from reportdesk.model.values import Money
from reportdesk.review.figures import key_figures

COUNTY = "青禾县"
DEPARTMENTS = (
    "发展和改革局", "教育局", "科学技术局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
    "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
    "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
    "医疗保障局", "林业局", "城市管理局", "信访局", "数据资源局", "行政审批局", "人民防空办公室", "粮食和物资储备局",
)  # fmt: skip


def agency_name(i: int) -> str:
    return (
        COUNTY + DEPARTMENTS[i % len(DEPARTMENTS)] + (f"第{i // len(DEPARTMENTS)}分局" if i >= len(DEPARTMENTS) else "")
    )


def make_report(
    agency: str,
    year: int,
    seed: int,
    last: Report | None = None,
    format_id: str | None = None,
    carried_in: dict[str, int] | None = None,
) -> Report:
    """A correct report; with ``last`` it continues last year's carry-over and part 二 stocks."""
    rng = random.Random(seed)
    r = new_report(agency, year, format_id=format_id)
    fmt = r.format
    fc = cells_of(fmt)
    for ref in fc.inputs:
        if ref.table == PART2:
            kind = fc.kinds[ref]
            r.values[ref] = {
                ValueKind.COUNT: lambda: rng.randint(0, 40),
                ValueKind.SIGNED: lambda: rng.randint(-5, 5),
                ValueKind.WAN_YUAN: lambda: Decimal(rng.randint(0, 9999)) / 100,
                ValueKind.MONEY: lambda: Money(Decimal(rng.randint(0, 500)), "万元"),
            }[kind]()
    p3 = fmt.part3
    result_rows = p3.result_rows
    for col in p3.input_columns:
        new = rng.randint(0, 30)
        if carried_in is not None:
            came = carried_in[col]
        elif last is not None:
            came = int(last.values[CellRef(PART3, last.format.part3.carried_out_row, col)])
        else:
            came = rng.randint(0, 3)
        carried_out = rng.randint(0, min(3, new + came))
        done = new + came - carried_out
        r.values[CellRef(PART3, p3.new_row, col)] = new
        r.values[CellRef(PART3, p3.carried_in_row, col)] = came
        r.values[CellRef(PART3, p3.carried_out_row, col)] = carried_out
        for row in result_rows:
            r.values[CellRef(PART3, row, col)] = 0
        while done:
            step = min(done, rng.randint(1, 5))
            ref = CellRef(PART3, result_rows[rng.randrange(len(result_rows))], col)
            r.values[ref] += step
            done -= step
    p4 = fmt.part4
    for group in p4.groups:
        for col in p4.columns_of(group):
            if col != p4.total_column:
                r.values[CellRef(PART4, group, col)] = rng.randint(0, 2)
    if last is not None and last.format_id == fmt.id:
        _continue_stocks(r, last)
    _no_negative_stock_next_year(r)
    finish(r)
    return r


def _continue_stocks(r: Report, last: Report) -> None:
    for rule in r.format.continuity:
        for title in rule.blocks:
            for row in r.format.block(title).rows:

                def ref(col: str, row: str = row, title: str = title) -> CellRef:
                    return CellRef(PART2, title + PATH_SEP + row, col)

                if rule.same_year:
                    r.values[ref(rule.plus)] = plus = r.values[ref(rule.plus)] % 5
                    r.values[ref(rule.minus)] = minus = min(r.values[ref(rule.minus)] % 3, last.values[ref(rule.stock)])
                    r.values[ref(rule.stock)] = last.values[ref(rule.stock)] + plus - minus
                else:
                    r.values[ref(rule.stock)] = max(0, last.values[ref(rule.stock)] + last.values[ref(rule.plus)])
                    if r.values[ref(rule.stock)] + r.values[ref(rule.plus)] < 0:
                        r.values[ref(rule.plus)] = 0


def _no_negative_stock_next_year(r: Report) -> None:
    for rule in r.format.continuity:
        if rule.same_year:
            continue
        for title in rule.blocks:
            for row in r.format.block(title).rows:
                stock, plus = (CellRef(PART2, title + PATH_SEP + row, c) for c in (rule.stock, rule.plus))
                if r.values[stock] + r.values[plus] < 0:
                    r.values[plus] = -r.values[stock]


def finish(r: Report) -> None:
    """Opening, prose stating the table's figures, signature and date, all for ``r.year``."""
    r.contact.website = f"{COUNTY}人民政府门户网站（www.qinghe.gov.cn）"
    r.contact.phone = "0000-1234567"
    r.opening = standard_opening(r)
    r.parts["一"] = [Paragraph.from_markup(t, 0) for t in prose_part1(r)]
    # each year's problems are written anew (a text copied from last year is a PROSE-CARRIED finding)
    problems = ("政策解读形式较为单一", "答复文书不够规范", "栏目更新不够及时", "公开平台检索不便", "依申请办理流程不细")
    first, second = problems[r.year % 5], problems[(r.year + 2) % 5]
    r.parts["五"] = [
        Paragraph.from_markup(f"{r.year}年，一是{first}；二是{second}。{r.year + 1}年将逐项整改，按期办结。", 0)
    ]
    r.parts["六"] = [Paragraph.from_markup(f"{r.year}年，本机关未收取政府信息公开信息处理费。", 0)]
    r.signature_agency = r.agency
    r.date = dt.date(r.year + 1, 1, 20)


def prose_part1(r: Report) -> list[str]:
    k = key_figures(r)
    p3 = r.format.part3
    disclosed = r.value(CellRef(PART3, p3.disclosed_row, p3.total_column))
    texts = [
        f"{r.year}年，{r.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开。",
        f"全年新收政府信息公开申请{k.new}件，上年结转{k.carried_in}件，共办结{k.closed}件，"
        f"其中予以公开{disclosed}件，结转下年度继续办理{k.carried_out}件。",
        f"全年因政府信息公开引发行政复议{k.reviews}件、行政诉讼{k.lawsuits}件。",
    ]
    for rule in r.format.continuity:
        if rule.same_year:
            block = r.format.block(rule.blocks[0])
            n = r.values[CellRef(PART2, block.title + PATH_SEP + block.rows[-1], rule.stock)]
            texts.append(f"现行有效行政规范性文件{n}件，均已在网站集中公开。")
    return texts


# ---------------------------------------------------------------- known defects

DEFECTS = ("format-year", "identity", "carry-over", "prose", "deadline", "date-in-year", "blank", "continuity")


def inject(r: Report, defect: str) -> tuple[str, str, str, CellRef | None, int | None]:
    """Break ``r`` in one known way; returns (severity, rule, part or field, first cell, paragraph)."""
    p3 = r.format.part3
    col = p3.input_columns[0]
    if defect == "format-year":
        other = next(f for f in FORMATS.values() if f.id != r.format_id)
        came = {c: r.values[CellRef(PART3, p3.carried_in_row, c)] for c in p3.input_columns}
        fresh = make_report(r.agency, r.year, seed=len(r.agency), format_id=other.id, carried_in=came)
        r.__dict__.update(fresh.__dict__)
        return "error", "FORMAT-YEAR", "format", None, None
    if defect == "identity":
        r.values[CellRef(PART3, p3.new_row, col)] += 1
        r.parts["一"] = [Paragraph.from_markup(t, 0) for t in prose_part1(r)]
        return "error", "T3-IDENTITY", "三", CellRef(PART3, p3.new_row, col), None
    if defect == "carry-over":  # this year's 上年结转 no longer equals last year's 结转; identity still holds
        r.values[CellRef(PART3, p3.carried_in_row, col)] += 1
        r.values[CellRef(PART3, p3.carried_out_row, col)] += 1
        r.parts["一"] = [Paragraph.from_markup(t, 0) for t in prose_part1(r)]
        return "error", "PREV-CARRY-OVER", "三", CellRef(PART3, p3.carried_in_row, col), None
    if defect == "prose":
        new = key_figures(r).new
        r.parts["一"][1] = Paragraph.from_markup(
            r.parts["一"][1].text.replace(f"新收政府信息公开申请{new}件", f"新收政府信息公开申请{new + 7}件"), 0
        )
        return "warning", "PROSE-NUMBER", "一", CellRef(PART3, p3.new_row, p3.total_column), 1
    if defect == "deadline":
        r.date = dt.date(r.year + 1, 2, 15)
        return "warning", "DATE-LATE", "date", None, None
    if defect == "date-in-year":
        r.date = dt.date(r.year, 1, 26)
        return "error", "DATE-IN-YEAR", "date", None, None
    if defect == "blank":
        ref = CellRef(PART3, p3.result_rows[1], p3.input_columns[2])
        if r.values[ref]:  # keep the identity: move the number to （一）
            r.values[CellRef(PART3, p3.result_rows[0], ref.col)] += r.values[ref]
            r.values[ref] = 0
            r.parts["一"] = [Paragraph.from_markup(t, 0) for t in prose_part1(r)]
        r.values[ref] = None
        return "error", "CELL-BLANK", "三", ref, None
    if defect == "continuity":
        rule = r.format.continuity[0]
        block = r.format.block(rule.blocks[0])
        ref = CellRef(PART2, block.title + PATH_SEP + block.rows[0], rule.stock)
        r.values[ref] += 2
        return "warning", "PREV-CONTINUITY", "二", ref, None
    raise ValueError(defect)


def write_set(folder: Path, reports: list[Report], suffix: str = ".rdproj") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, r in enumerate(reports):
        safe = "".join("_" if ch in '<>:"/\\|?*' else ch for ch in r.agency)
        path = folder / f"{i:04d}-{safe}{suffix}"
        if suffix == ".json":
            import json

            from reportdesk.model.interchange import to_interchange

            path.write_text(json.dumps(to_interchange(r), ensure_ascii=False, default=str), "utf-8")
        else:
            save_project(r, path)
        out.append(path)
    return out


def year_pair(n: int, year: int = 2025, seed: int = 0) -> tuple[list[Report], list[Report]]:
    """``n`` agencies' reports for ``year - 1`` and ``year``, consistent across the years."""
    last = [make_report(agency_name(i), year - 1, seed * 100_000 + i) for i in range(n)]
    now = [make_report(agency_name(i), year, seed * 100_000 + 50_000 + i, last=last[i]) for i in range(n)]
    return last, now
