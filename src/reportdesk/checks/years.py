"""Rules 6 and 8 of FORMAT.md §5: the format and dates against the year, and last year's figures."""

from __future__ import annotations

import datetime as dt
import re

from ..formats import FORMATS, PART2, PART3, PATH_SEP, CellRef, format_for_year
from ..model.report import KINDS, Report, chinese_date, deadline_for
from ..model.values import as_number
from .findings import FIELD_NAMES, Finding, Place, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_YEAR = re.compile(r"(\d{4})\s*年")
# 统计期限自2020年1月1日起至2020年12月31日止 · 统计数据从 2023 年 1 月 1 日至 12 月 31 日 · …
_PERIOD = re.compile(
    r"统计[^。]{0,12}?(?:自|从)?\s*(\d{4})\s*年\s*1\s*月\s*1\s*日[^。]{0,8}?(?:至|到)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日"
)
_REPORT_YEAR = re.compile(r"(\d{4})\s*年度?\s*(?:政府信息公开工作年度报告|政府信息公开年度报告|年度报告)")


def format_notes(report: Report) -> list[str]:
    """What reading said about the format (``read_notes`` under 报告格式): e.g. the tables' labels
    are those of the other format than the year's."""
    return [m for where, m in report.read_notes if where == FIELD_NAMES["format"]]


def format_and_year(report: Report) -> list[Finding]:
    out = []
    fmt, right = report.format, format_for_year(report.year)
    notes = "；".join(format_notes(report))
    if fmt.id != right.id:
        out.append(
            Finding(
                E,
                "FORMAT-YEAR",
                f"{report.year}年度报告应使用{right.notice}规定的格式，而本报告（表格）使用的是{fmt.notice}的格式。"
                + (f"（读取说明：{notes}）" if notes else "")
                + f"请转换为{right.id}年格式。",
                Place(field="format"),
            )
        )
    elif notes:  # read as the year's format although the tables look like the other one: one finding
        other = next(f for f in FORMATS.values() if f.id != fmt.id)
        out.append(
            Finding(
                W,
                "FORMAT-YEAR",
                f"{report.year}年度报告应使用{right.notice}规定的格式（已按此读取），而表格中有{other.notice}格式的"
                f"标签：{notes}。请核对所用格式。",
                Place(field="format"),
            )
        )
    title_years = {int(y) for y in _YEAR.findall(report.title)}
    if not report.title.strip():
        out.append(
            Finding(
                E,
                "TITLE-MISSING",
                "报告没有标题。请填写“机关名称+年份+政府信息公开工作年度报告”。",
                Place(field="title"),
            )
        )
    elif not title_years:
        out.append(
            Finding(E, "YEAR-TITLE", f"标题“{report.title}”未写明年份，应为“{report.year}年”。", Place(field="title"))
        )
    elif title_years != {report.year}:
        shown = "、".join(str(y) for y in sorted(title_years))
        out.append(
            Finding(
                E,
                "YEAR-TITLE",
                f"标题写的是 {shown} 年，而报告年度为 {report.year} 年。请统一年份。",
                Place(field="title"),
            )
        )
    out.extend(_opening(report))
    return out


def _opening(report: Report) -> list[Finding]:
    text = report.opening
    if not text.strip():
        return [
            Finding(
                W,
                "OPENING-MISSING",
                "缺少开篇说明（编制依据、统计期限、电子版查阅地址和联系方式）。可使用自动生成的标准开篇后修改。",
                Place(field="opening"),
            )
        ]
    out = []
    m = _PERIOD.search(text)
    if m is None:
        out.append(
            Finding(
                W,
                "OPENING-PERIOD",
                f"开篇说明未写明统计期限，应为“自{report.year}年1月1日起至{report.year}年12月31日止”。",
                Place(field="opening"),
            )
        )
    else:
        years = {int(m.group(1))} | ({int(m.group(2))} if m.group(2) else set())
        if years != {report.year}:
            out.append(
                Finding(
                    E,
                    "YEAR-OPENING",
                    f"开篇说明的统计期限写的是“{m.group(0)}”，与报告年度 {report.year} 年不符。",
                    Place(field="opening"),
                )
            )
    for m in _REPORT_YEAR.finditer(text):
        if int(m.group(1)) != report.year:
            out.append(
                Finding(
                    E,
                    "YEAR-OPENING",
                    f"开篇说明中“{m.group(0)}”的年份与报告年度 {report.year} 年不符。",
                    Place(field="opening"),
                )
            )
    return out


def signature(report: Report) -> list[Finding]:
    """A report being written must be signed and dated; a published one that prints no signature
    (portals often put agency and date in the page header instead) gets a warning."""
    out = []
    missing = W if report.published else E
    if not report.signature_agency.strip():
        out.append(
            Finding(missing, "SIGNATURE-MISSING", "缺少落款机关名称。请在文末填写发布机关。", Place(field="signature"))
        )
    deadline = deadline_for(report)
    kind = KINDS.get(report.kind, report.kind)
    d = report.date
    if d is None:
        out.append(
            Finding(
                missing,
                "DATE-MISSING",
                f"缺少落款日期。{kind}报告应在{chinese_date(deadline)}前公布，请填写成文日期。",
                Place(field="date"),
            )
        )
    elif d <= dt.date(report.year, 12, 31):
        out.append(
            Finding(
                E,
                "DATE-IN-YEAR",
                f"落款日期{chinese_date(d)}不在报告年度之后：{report.year}年度的报告应在{report.year + 1}年1月1日至"
                f"{chinese_date(deadline)}之间发布。请核对日期（常见错误是年份写成了报告年度）。",
                Place(field="date"),
            )
        )
    elif d > deadline:
        out.append(
            Finding(
                W,
                "DATE-LATE",
                f"落款日期{chinese_date(d)}晚于{kind}报告的法定公布期限{chinese_date(deadline)}（《条例》第四十九条）。",
                Place(field="date"),
            )
        )
    return out


# ---------------------------------------------------------------- across years


def _previous_values(report: Report, previous: Report | None):
    """(format id, year, value getter, unknown test) for last year, from a report or the stored baseline."""
    if previous is not None:
        return previous.format_id, previous.year, previous.value, previous.is_unknown
    if report.baseline is not None:
        b = report.baseline
        return b.format_id, b.year, b.values.get, b.is_unknown
    return None


def _uncompared(what: str, here: list[str], there: list[str], last_year: int, cells: tuple) -> Finding:
    sides = []
    if here:
        sides.append(f"本年报告{'、'.join(here)}未知")
    if there:
        sides.append(f"{last_year}年报告{'、'.join(there)}未知")
    return Finding(
        W,
        "PREV-UNCOMPARED",
        f"{what}未能与{last_year}年报告核对：{'；'.join(sides)}（未能从原文读取）。请按原文核对。",
        Place(cells[0].table if cells else "", cells),
    )


def across_years(report: Report, previous: Report | None) -> list[Finding]:
    last = _previous_values(report, previous)
    if last is None:
        return []
    last_format, last_year, last_value, last_unknown = last
    if last_year != report.year - 1:
        return [
            Finding(
                INFO,
                "PREV-YEAR",
                f"所给上年报告是 {last_year} 年的，不是 {report.year - 1} 年，未核对结转和延续数字。",
                Place(field="format"),
            )
        ]
    out = []
    p3 = report.format.part3
    last_p3 = FORMATS[last_format].part3
    unknown_here, unknown_there, cells = [], [], []
    for col in p3.input_columns:
        here = CellRef(PART3, p3.carried_in_row, col)
        there = CellRef(PART3, last_p3.carried_out_row, col)
        if report.is_unknown(here) or last_unknown(there):
            if report.is_unknown(here):
                unknown_here.append(f"“上年结转”“{col}”")
            if last_unknown(there):
                unknown_there.append(f"“结转下年度继续办理”“{col}”")
            cells.append(here)
            continue
        a, b = as_number(report.values.get(here)), as_number(last_value(there))
        if a != b:
            out.append(
                Finding(
                    E,
                    "PREV-CARRY-OVER",
                    f"表三“{col}”列：本年“上年结转”为 {a}，而 {last_year} 年报告“结转下年度继续办理”为 {b}，"
                    f"相差 {abs(a - b)}。两者应相等。",
                    Place(PART3, (here,)),
                )
            )
    if cells:
        out.append(_uncompared("表三结转数字", unknown_here, unknown_there, last_year, tuple(cells)))
    if last_format == report.format_id:
        for rule in report.format.continuity:
            out.extend(_continuity(report, rule, last_value, last_unknown, last_year))
    elif report.format.continuity:
        out.append(
            Finding(
                INFO,
                "PREV-FORMAT",
                f"{last_year}年报告使用{FORMATS[last_format].id}年格式，本年为{report.format_id}年格式，"
                f"表二的延续数字（{'、'.join(r.stock for r in report.format.continuity)}）无法逐项对应，未核对。",
                Place(PART2),
            )
        )
    return out


def _continuity(report: Report, rule, last_value, last_unknown, last_year: int) -> list[Finding]:
    fmt = report.format
    out = []
    unknown_here: list[str] = []
    unknown_there: list[str] = []
    skipped: list[CellRef] = []
    for title in rule.blocks:
        block = fmt.block(title)
        for row in block.rows:

            def ref(col: str, row: str = row, title: str = title) -> CellRef:
                return CellRef(PART2, title + PATH_SEP + row, col)

            mine = [ref(rule.stock)] + ([ref(rule.plus), ref(rule.minus)] if rule.same_year else [])
            theirs = [ref(rule.stock)] + ([] if rule.same_year else [ref(rule.plus)])
            here = [r for r in mine if report.is_unknown(r)]
            there = [r for r in theirs if last_unknown(r)]
            if here or there:
                unknown_here += [f"“{row}”“{r.col}”" for r in here]
                unknown_there += [f"“{row}”“{r.col}”" for r in there]
                skipped.append(ref(rule.stock))
                continue

            stock_now = as_number(report.values.get(ref(rule.stock)))
            stock_then = as_number(last_value(ref(rule.stock)))
            if rule.same_year:
                plus, minus = (
                    as_number(report.values.get(ref(rule.plus))),
                    as_number(report.values.get(ref(rule.minus))),
                )
                expected = stock_then + plus - minus
                how = f"{last_year}年{rule.stock} {stock_then} + 本年{rule.plus} {plus} − 本年{rule.minus} {minus}"
                cells = (ref(rule.stock), ref(rule.plus), ref(rule.minus))
                hint = "如有清理、机构改革等情况，可在文字部分说明。"
            else:
                plus = as_number(last_value(ref(rule.plus)))
                expected = stock_then + plus
                how = f"{last_year}年{rule.stock} {stock_then} + {last_year}年{rule.plus} {plus:+}"
                cells = (ref(rule.stock),)
                hint = "请核对。"
            if stock_now != expected:
                out.append(
                    Finding(
                        W,
                        "PREV-CONTINUITY",
                        f"表二{title}“{row}”：本年{rule.stock}为 {stock_now}，按上年推算应为 {expected}（{how}）。{hint}",
                        Place(PART2, cells),
                    )
                )
    if skipped:
        out.append(_uncompared(f"表二“{rule.stock}”", unknown_here, unknown_there, last_year, tuple(skipped)))
    return out
