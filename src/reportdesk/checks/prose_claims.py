"""Statements without a figure that the tables can contradict (PROSE-CLAIM).

"未收到政府信息公开申请" while 表三 counts new applications; "未发生行政复议、行政诉讼" while 表四
counts cases; "均获维持/全部维持" while 表四 shows 结果纠正, 其他结果 or 尚未审结; "无败诉/未被纠错"
while 表四 shows 结果纠正; "无结转" while 表三 carries applications into next year. Such sentences
state no count (PROSE-NUMBER never reads them as 0); here they are read for what they do say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..formats import PART3, PART4, CellRef
from ..model.report import Report
from .findings import Finding, Place, Severity
from .prose_numbers import table_figure
from .prose_reading import quote, sentences

RULE = "PROSE-CLAIM"
PROSE_PARTS = ("一", "五", "六")
_CLAUSE = re.compile(r"[^，,。；;！？!?\n]+")
_NEG = r"(?:未|没有|无|不存在)"

# part 四's five columns, by their place on the form: 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计
KEPT, CORRECTED, OTHER, PENDING, TOTAL = range(5)


@dataclass(frozen=True)
class Statement:
    name: str  # what the prose says, for the message
    pattern: re.Pattern[str]
    cells: Callable[[Report, str], tuple[CellRef, ...]]  # (report, the clause) -> cells that must all be 0
    scope: str = "clause"  # "clause" or "sentence": how much text the pattern is matched against


def _p3(attr: str) -> Callable[[Report, str], tuple[CellRef, ...]]:
    def cells(report: Report, _text: str) -> tuple[CellRef, ...]:
        p3 = report.format.part3
        return (CellRef(PART3, getattr(p3, attr), p3.total_column),)

    return cells


def _groups(report: Report, text: str) -> list[str]:
    """The part 四 groups a text speaks of: 复议, 诉讼, or (neither named) all of them."""
    p4 = report.format.part4
    review, litigation = "复议" in text, "诉讼" in text
    if review and not litigation:
        return [p4.review_group]
    if litigation and not review:
        return list(p4.litigation_groups)
    return list(p4.groups)


def _p4(columns: tuple[int, ...], groups: str = "named") -> Callable[[Report, str], tuple[CellRef, ...]]:
    def cells(report: Report, text: str) -> tuple[CellRef, ...]:
        p4 = report.format.part4
        chosen = list(p4.litigation_groups) if groups == "litigation" else _groups(report, text)
        return tuple(CellRef(PART4, g, p4.columns_of(g)[c]) for g in chosen for c in columns)

    return cells


STATEMENTS = (
    Statement(
        "未收到政府信息公开申请",
        # not "未收到因政府信息公开申请引起的行政诉讼": that is about the cases
        re.compile(
            rf"{_NEG}(?:收到|接到|受理)(?!因)[^，,。；;]{{0,16}}(?:政府信息公开|依申请公开|信息公开)"
            r"(?![^，,。；;]*(?:许可|复议|诉讼|引起|引发))"
        ),
        _p3("new_row"),
    ),
    Statement("没有结转下年度的申请", re.compile(rf"{_NEG}(?:结转|转结)(?!.*上年)"), _p3("carried_out_row")),
    Statement(
        "未发生行政复议或行政诉讼",
        # not "未发生…被行政复议纠错或行政诉讼败诉": that denies an outcome, not the cases
        re.compile(
            rf"{_NEG}[^，,。；;\d]{{0,30}}(?:行政复议|行政诉讼)(?![^，,。；;]*(?:\d|纠错|纠正|败诉|撤销|确认违法|维持))"
        ),
        _p4((TOTAL,)),
    ),
    Statement(
        "无败诉",
        re.compile(rf"{_NEG}(?:一起|一件|出现|发生)?败诉|零败诉|(?:均|全部|全)胜诉"),
        _p4((CORRECTED,), "litigation"),
    ),
    Statement(
        "未被纠错",
        re.compile(rf"{_NEG}(?:被)?(?:纠错|纠正)|(?:未|没有)发生[^，,。；;]{{0,20}}(?:纠错|被纠正)"),
        _p4((CORRECTED,)),
    ),
    Statement(
        "均获维持",
        re.compile(r"(?:均|全部|全)(?:获|被|予以|已)?维持"),
        _p4((CORRECTED, OTHER, PENDING)),
        scope="sentence",
    ),
)


def prose_claims(report: Report) -> list[Finding]:
    out: list[Finding] = []
    unchecked = 0
    seen: set[tuple[str, str]] = set()
    for part in PROSE_PARTS:
        for index, para in enumerate(report.parts[part]):
            for sentence in sentences(para.text):
                for st in STATEMENTS:
                    texts = [sentence] if st.scope == "sentence" else _CLAUSE.findall(sentence)
                    for text in texts:
                        m = st.pattern.search(text)
                        if not m:
                            continue
                        # the clause says which cases (复议/诉讼) if it names any, else its sentence does
                        about = text if re.search("复议|诉讼", text) else sentence
                        refs = st.cells(report, about)
                        values = [table_figure(report, (r,)) for r in refs]
                        if any(v is None for v in values):
                            unchecked += 1
                            continue
                        shown = [(r, v) for r, v in zip(refs, values, strict=True) if v]
                        if not shown or (st.name, sentence) in seen:
                            continue
                        seen.add((st.name, sentence))
                        cells = "、".join(f"{r.describe()}为 {v}" for r, v in shown[:4])
                        marked = quote(sentence.replace(m.group(0), f"〖{m.group(0)}〗", 1))
                        out.append(
                            Finding(
                                Severity.WARNING,
                                RULE,
                                f"文字说{st.name}，而{cells}：第{part}部分第{index + 1}段“{marked}”。"
                                "请核对文字与表格是否一致。",
                                Place(part, tuple(r for r, _ in shown), paragraph=index),
                                inputs=f"{sentence}|{st.name}|{shown}",
                            )
                        )
    if unchecked:
        out.append(
            Finding(
                Severity.WARNING,
                RULE,
                f"有 {unchecked} 处文字说法（如“未收到申请”“均获维持”）未能与表格核对，因为相关单元格未能读取"
                "（未知，不按 0 计）。请先补全表格。",
                Place(""),
                inputs=f"unchecked|{unchecked}",
            )
        )
    return out
