"""The prose as text: words typed twice (PROSE-REPEAT-WORD), last year's year written as this year's
(PROSE-STALE-YEAR) and text carried over unchanged from last year's report (PROSE-CARRIED).

``repeat_rates`` is the per-part 重复率 that online review platforms show; review can call it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.prose import BODY
from ..model.report import Report
from .findings import Finding, Place, Severity
from .prose_reading import quote, sentences

PROSE_PARTS = ("一", "五", "六")

# ---------------------------------------------------------------- words typed twice

# a word of two or more characters, or a whole clause, typed twice back to back (工作工作, 的的)
_DOUBLE_WORD = re.compile(r"([\u4e00-\u9fa5]{2,8})\1")
_DOUBLE_CHAR = re.compile(r"(的的|了了(?!之)|在在|和和|是是|对对|将将|并并)")
_DOUBLE_CLAUSE = re.compile(r"([^，,。；;、]{4,})[，,、]\1(?=[，,。；;]|$)")
# AB AB that Chinese writes on purpose (研究研究 is rare in reports; these are not)
_INTENDED = re.compile(r"^(?:一[\u4e00-\u9fa5])$")


def _doubles(text: str) -> list[str]:
    found: list[str] = []
    for m in _DOUBLE_CLAUSE.finditer(text):
        found.append(m.group(0))
    for m in _DOUBLE_WORD.finditer(text):
        word = m.group(1)
        if _INTENDED.match(word) or len(set(word)) == 1 or any(m.group(0) in f for f in found):
            continue
        found.append(m.group(0))
    for m in _DOUBLE_CHAR.finditer(text):
        found.append(m.group(0))
    return found


def repeated_words(report: Report) -> list[Finding]:
    out = []
    for part in PROSE_PARTS:
        for index, para in enumerate(report.parts[part]):
            for doubled in _doubles(para.text):
                half = doubled[: len(doubled) // 2] if not _DOUBLE_CLAUSE.fullmatch(doubled) else doubled
                out.append(
                    Finding(
                        Severity.WARNING,
                        "PROSE-REPEAT-WORD",
                        f"第{part}部分第{index + 1}段“{doubled}”像是把“{half.rstrip('，,、')}”打了两遍。请删去多余的一遍。",
                        Place(part, paragraph=index),
                        inputs=f"{part}|{doubled}",
                    )
                )
    return out


# ---------------------------------------------------------------- last year's year


def _stale(report: Report) -> re.Pattern[str]:
    last = report.year - 1
    # the year a sentence starts with ("2024年，我局…"), or "截至2024年底": this year's work in last year's words
    return re.compile(
        rf"^\s*(?:[（(][一二三四五六七八九十]+[）)]\s*)?(?:全年|今年)?({last}\s*年)(?:度)?[，,\s我全本共]|截至\s*({last}\s*年)"
    )


def stale_years(report: Report) -> list[Finding]:
    out = []
    pattern = _stale(report)
    for index, para in enumerate(report.parts["一"]):
        for sentence in sentences(para.text):
            m = pattern.search(sentence)
            if not m:
                continue
            year = (m.group(1) or m.group(2)).replace(" ", "")
            out.append(
                Finding(
                    Severity.WARNING,
                    "PROSE-STALE-YEAR",
                    f"第一部分第{index + 1}段写“{quote(sentence)[:60]}”，以{year}开头，而本报告是{report.year}年度。"
                    "是否沿用了上年报告的文字？",
                    Place("一", paragraph=index),
                    inputs=sentence,
                )
            )
    return out


# ---------------------------------------------------------------- carried over from last year

_MIN_SENTENCE = 12  # shorter sentences (headings, 无。) repeat by nature
REPEAT_WARN = 0.5  # a part half of which is last year's text


def _key(sentence: str) -> str:
    return re.sub(r"[\s，,。；;：:、“”\"']", "", sentence)


@dataclass(frozen=True)
class PartRepeat:
    part: str
    rate: float  # share of the part's characters (in sentences of 12+ characters) found in last year's prose
    repeated: tuple[str, ...]  # the repeated sentences, in order


def repeat_rates(report: Report, previous: Report) -> dict[str, PartRepeat]:
    """How much of each prose part repeats last year's report word for word (any part of it): the share of
    the characters of its body sentences (not headings, not sentences under 12 characters) that appear,
    identical up to spaces and punctuation, anywhere in last year's prose. For review: one 重复率 per part."""
    before = {
        _key(s)
        for part in PROSE_PARTS
        for para in previous.parts[part]
        if para.level == BODY
        for s in sentences(para.text)
        if len(_key(s)) >= _MIN_SENTENCE
    }
    out = {}
    for part in PROSE_PARTS:
        total = 0
        repeated: list[str] = []
        same = 0
        for para in report.parts[part]:
            if para.level != BODY:
                continue  # headings (（一）主动公开) repeat by design
            for s in sentences(para.text):
                k = _key(s)
                if len(k) < _MIN_SENTENCE:
                    continue
                total += len(k)
                if k in before:
                    same += len(k)
                    repeated.append(s.strip())
        out[part] = PartRepeat(part, same / total if total else 0.0, tuple(repeated))
    return out


def repeat_summary(report: Report, previous: Report) -> str:
    """One line for a review table's 重复率 column: 一 35% · 五 80% · 六 0%."""
    return " · ".join(f"{part} {rep.rate:.0%}" for part, rep in repeat_rates(report, previous).items())


def carried_over(report: Report, previous: Report | None) -> list[Finding]:
    if previous is None or previous.year != report.year - 1:
        return []
    out = []
    for part, rep in repeat_rates(report, previous).items():
        if rep.rate < REPEAT_WARN:
            continue
        examples = "；".join(f"“{s[:30]}…”" if len(s) > 30 else f"“{s}”" for s in rep.repeated[:2])
        out.append(
            Finding(
                Severity.WARNING,
                "PROSE-CARRIED",
                f"第{part}部分有 {rep.rate:.0%} 的文字与{previous.year}年度报告一字不差（{len(rep.repeated)} 句，如{examples}）。"
                "请按本年度情况改写。",
                Place(part),
                inputs=f"{part}|{'|'.join(rep.repeated)}",
            )
        )
    return out
