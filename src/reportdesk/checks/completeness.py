"""Rules 9 and 10 of FORMAT.md §5, and what reading a document left for the clerk to review."""

from __future__ import annotations

import re

from ..formats import PROSE_PARTS
from ..model.report import Report
from .findings import FIELD_NAMES, Finding, Place, Severity

E, W, READ = Severity.ERROR, Severity.WARNING, Severity.READ

_NOTHING = re.compile(r"^[\s。.、，,]*(?:无|暂无|没有|无其他需要报告的事项)[\s。.、，,]*$")
_LEFTOVERS = re.compile(
    r"编写说明|填写说明|填报说明|此处填写|请填写|请在此|在此输入|参考提纲|[XＸ]{2,}|[xｘ]{3,}|××|＊＊|"
    r"[XＸ×]\s*年\s*[XＸ×]\s*月|机关名称）|（单位名称）|\[机关名称\]"
)
_FEE = re.compile(r"信息处理费|处理费")


def _note_on_part(report: Report, part: str) -> str | None:
    """A reading note that says reading lost this part (its ``where`` names the part)."""
    names = (f"第{part}部分", f"{part}、", report.format.heading(part))
    for where, message in report.read_notes:
        if where.strip().startswith(names):
            return f"{where}：{message}"
    return None


def parts_present(report: Report) -> list[Finding]:
    out = []
    fmt = report.format
    empty = [p for p in PROSE_PARTS if not "".join(x.text for x in report.parts[p]).strip()]
    if report.published and empty and len(empty) == len(PROSE_PARTS):
        # A published report without a word in any part: the reader missed the text, the report did not.
        out.append(
            Finding(
                READ,
                "PART-UNREAD",
                "未能从原文中找到任何一个部分的文字（可能是版式或复制方式所致），未核对各部分是否齐全。"
                "请对照原文核对。",
                Place(),
            )
        )
        empty = []
    for part in empty:
        note = _note_on_part(report, part)
        if note:
            out.append(Finding(READ, "PART-UNREAD", f"“{fmt.heading(part)}”未能读取（{note}），未核对其内容。", Place(part)))
        else:
            out.append(
                Finding(
                    E,
                    "PART-EMPTY",
                    f"“{fmt.heading(part)}”没有内容。六个部分都必须填写。",
                    Place(part),
                )
            )
    for part, published in report.headings.items():
        official = fmt.heading(part)
        if published != official:
            out.append(
                Finding(
                    W,
                    "PART-HEADING",
                    f"标题“{published}”与官方格式不一致，应为“{official}”。",
                    Place(part, field="heading"),
                )
            )
    five = "".join(p.text for p in report.parts["五"])
    if five.strip() and _NOTHING.match(five):
        out.append(
            Finding(
                E,
                "PART5-NOTHING",
                f"“{fmt.heading('五')}”只写了“{five.strip()}”。应说明工作中存在的主要问题和改进措施。",
                Place("五", paragraph=0),
            )
        )
    six = "".join(p.text for p in report.parts["六"])
    if report.year >= 2021 and six.strip() and not _FEE.search(six):
        out.append(
            Finding(
                W,
                "PART6-FEE",
                "第六部分未说明信息处理费收取情况。按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
                "应写明本年度收取的信息处理费金额，或写明未收取。",
                Place("六"),
            )
        )
    return out


def leftovers(report: Report) -> list[Finding]:
    """Rule 10: placeholder or guidance text left in the document."""
    out = []
    places = [(Place(field="title"), report.title), (Place(field="opening"), report.opening)]
    places.append((Place(field="signature"), report.signature_agency))
    for part in PROSE_PARTS:
        places += [(Place(part, paragraph=i), p.text) for i, p in enumerate(report.parts[part])]
    for place, text in places:
        m = _LEFTOVERS.search(text)
        if m:
            out.append(
                Finding(
                    E,
                    "TEMPLATE-LEFTOVER",
                    f"{place.describe()}留有模板或说明文字“{m.group(0)}”。发布前请删除或替换为实际内容。",
                    place,
                )
            )
    return out


def review_marks(report: Report) -> list[Finding]:
    """Prose carried over from last year, and notes left by reading a published document."""
    out = [
        Finding(
            W,
            "PROSE-DRAFT",
            f"“{report.format.heading(part)}”沿用了上年报告的文字，尚未修改确认。请按本年度情况改写。",
            Place(part),
        )
        for part in PROSE_PARTS
        if part in report.draft_parts
    ]
    for where, message in report.read_notes:
        if where == FIELD_NAMES["format"]:  # merged into the format finding (years.format_and_year)
            continue
        table = re.match(r"表([二三四])", where)  # notes on a table are shown on that part
        out.append(Finding(READ, "READ-NOTE", f"{where}：{message}", Place(table.group(1) if table else "")))
    return out
