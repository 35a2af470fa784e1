"""Rule 7 of FORMAT.md §5: numbers the prose states against the table.

Each topic names the words that introduce a figure, what the sentence must be about, and which
table figure it must equal. Only whole sentences about applications, 复议 or 诉讼 are read, so
"办结市长信箱2件" is not taken for a 政府信息公开申请 figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..formats import PART2, PART3, PART4, PATH_SEP, CellRef
from ..model.report import Report
from .findings import Finding, Place, Severity

_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")
_CLAUSE = re.compile(r"[^，,。；;！？!?\n]+")
_NEGATION = re.compile(r"未|没有|无")


@dataclass(frozen=True)
class Topic:
    name: str  # how the message names the figure
    keywords: str  # regex for the words that introduce the number
    about: str  # regex the sentence must match
    refs: Callable[[Report], tuple[CellRef, ...]]  # the table cells whose sum the prose states
    not_between: str = "复议|诉讼|信访|咨询|建议|提案|热线|信箱"


def _p3_total(row_attr: str) -> Callable[[Report], tuple[CellRef, ...]]:
    def refs(report: Report) -> tuple[CellRef, ...]:
        p3 = report.format.part3
        return (CellRef(PART3, getattr(p3, row_attr), p3.total_column),)

    return refs


def _p4(groups: str) -> Callable[[Report], tuple[CellRef, ...]]:
    def refs(report: Report) -> tuple[CellRef, ...]:
        p4 = report.format.part4
        chosen = [p4.review_group] if groups == "review" else p4.litigation_groups
        return tuple(CellRef(PART4, g, p4.total_column) for g in chosen)

    return refs


def _in_force(report: Report) -> tuple[CellRef, ...]:
    for rule in report.format.continuity:
        if rule.same_year:  # the 2021 format's 现行有效件数
            block = report.format.block(rule.blocks[0])
            return (CellRef(PART2, block.title + PATH_SEP + block.rows[-1], rule.stock),)
    return ()


TOPICS = (
    Topic("上年结转的申请", r"上年(?:度)?结转", "申请", _p3_total("carried_in_row")),
    Topic("新收的申请", r"新收|收到|受理|接收", "申请", _p3_total("new_row")),
    Topic("办结的申请", r"办结|办理完毕|答复", "申请", _p3_total("total_row")),
    Topic(
        "结转下年度的申请",
        r"(?<!上年)(?<!上年度)结转(?:下年度?|至下一?年度?|到下一?年度?)",
        "申请",
        _p3_total("carried_out_row"),
    ),
    Topic("予以公开的申请", r"予以公开", "申请", _p3_total("disclosed_row")),
    Topic("行政复议", r"行政复议", "行政复议", _p4("review"), not_between="诉讼"),
    Topic("行政诉讼", r"行政诉讼", "行政诉讼", _p4("litigation"), not_between="复议"),
    Topic("现行有效的行政规范性文件", r"现行有效", "规范性文件", _in_force, not_between="规章"),
)
_COMPILED = [
    (t, re.compile(rf"(?:{t.keywords})([^0-9，,。；;]{{0,16}}?)(\d+)\s*(?:件|起|宗|个)"), re.compile(t.about))
    for t in TOPICS
]


def stated_numbers(text: str) -> list[tuple[Topic, int, str]]:
    """(topic, number, the words that state it) for every figure the text gives."""
    found = []
    for sentence in _SENTENCE.findall(text):
        plain = _DATE.sub("", sentence)
        for topic, pattern, about in _COMPILED:
            if not about.search(plain):
                continue
            for m in pattern.finditer(plain):
                if re.search(topic.not_between, m.group(1)):
                    continue
                found.append((topic, int(m.group(2)), m.group(0).strip()))
            for clause in _CLAUSE.findall(plain):
                if re.search(r"\d", clause) or not _NEGATION.search(clause):
                    continue
                m = re.search(rf"(?:未|没有|无)[^，,]{{0,12}}?(?:{topic.keywords})", clause) or (
                    topic.name in ("行政复议", "行政诉讼")
                    and re.search(rf"(?:未|没有|无)[^，,]{{0,24}}{topic.keywords}", clause)
                )
                if m:
                    found.append((topic, 0, clause.strip()))
    return found


def prose_against_tables(report: Report) -> list[Finding]:
    out = []
    seen: set[tuple[str, int, int]] = set()
    for part in ("一", "五", "六"):
        for index, para in enumerate(report.parts[part]):
            for topic, number, words in stated_numbers(para.text):
                refs = topic.refs(report)
                if not refs:
                    continue
                table = sum(int(report.value(r) or 0) for r in refs)
                key = (topic.name, number, table)
                if table == number or key in seen:
                    continue
                seen.add(key)
                where = refs[0].describe() if len(refs) == 1 else "、".join(r.describe() for r in refs) + "之和"
                out.append(
                    Finding(
                        Severity.WARNING,
                        "PROSE-NUMBER",
                        f"第{part}部分第{index + 1}段写“{words}”，即{topic.name} {number} 件，"
                        f"而{where}为 {table} 件。请核对文字与表格是否一致。",
                        Place(part, refs, paragraph=index),
                    )
                )
    return out
