"""What a sentence of the prose counts, before anything is compared with a table.

A *claim* is one figure the prose states together with the quantity it counts (本年新收, 办结 …)
and the words that made us read it so. The reader is deliberately cautious: a figure is only a
claim when the words right before it name a quantity of the tables, and the sentence is about the
same thing the tables count (政府信息公开申请, 行政复议/诉讼 about them, 行政规范性文件). Figures about
one channel (网上申请), one kind of case (…类申请), one office (区政府办公室 in a 区 report), a
deadline (按期办结) or a change (同比上升) are no claim at all; negations (未收到、无…败诉) state no
count either (prose_claims reads those as claims about the tables instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..formats import FORMAT_2021

# quantity names (what a claim counts); checks.prose_numbers maps them to cells
NEW = "new"  # 一、本年新收
CARRIED_IN = "carried_in"  # 二、上年结转
HANDLED = "handled"  # （七）总计
CARRIED_OUT = "carried_out"  # 四、结转下年度继续办理
DISCLOSED = "disclosed"  # （一）予以公开
PARTIAL = "partial"  # （二）部分公开
DISCLOSED_OR_PARTIAL = "disclosed+partial"
NEW_AND_CARRIED_IN = "new+carried_in"
REFUSED = "refused"  # （三）不予公开, all reasons
UNABLE = "unable"  # （四）无法提供
NOT_PROCESSED = "not_processed"  # （五）不予处理
OTHER = "other"  # （六）其他处理
REVIEW = "review"  # 行政复议 总计
LITIGATION = "litigation"  # 行政诉讼 总计 (both groups)
ISSUED = "issued"  # 行政规范性文件 本年制发
REPEALED = "repealed"  # 行政规范性文件 本年废止
IN_FORCE = "in_force"  # 行政规范性文件 现行有效
REG_ISSUED, REG_REPEALED, REG_IN_FORCE = "reg_issued", "reg_repealed", "reg_in_force"  # the same for 规章
# part 四 results, by their place on the form (结果维持 · 结果纠正 · 其他结果 · 尚未审结): "review:1" is
# 行政复议 结果纠正, "litigation:0" 行政诉讼 结果维持 (both groups)
_P4 = FORMAT_2021.part4  # both formats declare the same part 四
OUTCOMES = tuple(c for c in _P4.columns_of(_P4.review_group) if c != _P4.total_column)

NAMES = {
    NEW: "本年新收的申请",
    CARRIED_IN: "上年结转的申请",
    HANDLED: "办结（办理结果总计）",
    CARRIED_OUT: "结转下年度的申请",
    DISCLOSED: "予以公开",
    PARTIAL: "部分公开",
    DISCLOSED_OR_PARTIAL: "予以公开与部分公开之和",
    NEW_AND_CARRIED_IN: "本年新收与上年结转之和",
    REFUSED: "不予公开",
    UNABLE: "无法提供",
    NOT_PROCESSED: "不予处理",
    OTHER: "其他处理",
    REVIEW: "行政复议",
    LITIGATION: "行政诉讼",
    ISSUED: "本年制发的行政规范性文件",
    REPEALED: "本年废止的行政规范性文件",
    IN_FORCE: "现行有效的行政规范性文件",
    REG_ISSUED: "本年制发的规章",
    REG_REPEALED: "本年废止的规章",
    REG_IN_FORCE: "现行有效的规章",
    **{
        f"{case}:{i}": f"{NAME}{o}"
        for case, NAME in (("review", "行政复议"), ("litigation", "行政诉讼"))
        for i, o in enumerate(OUTCOMES)
    },
}

_APPLICATION = "application"
_CASE = "case"
_DOCUMENT = "document"

# (regex for the words right before the figure, quantity, what the sentence must be about).
# The keyword nearest the figure wins; at equal distance the longer one (予以公开答复 over 答复).
_KEYWORDS: tuple[tuple[str, str, str], ...] = (
    (r"(?:予以|同意)?公开(?:及|和|或|与|、)部分公开(?:答复)?(?:的)?(?:共|合计)?", DISCLOSED_OR_PARTIAL, _APPLICATION),
    (r"上年度?(?:结转|转结)(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:数量)?", CARRIED_IN, _APPLICATION),
    (r"(?:结转|转|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:答复)?(?:的)?(?:有)?", CARRIED_OUT, _APPLICATION),
    (r"(?<!予以)(?<!同意)部分公开(?:答复)?(?:的)?", PARTIAL, _APPLICATION),
    (r"不予公开(?:答复)?(?:的)?", REFUSED, _APPLICATION),
    (r"无法提供(?:的)?", UNABLE, _APPLICATION),
    (r"不予处理(?:的)?", NOT_PROCESSED, _APPLICATION),
    (r"其他处理(?:的)?", OTHER, _APPLICATION),
    (r"(?:予以|同意)公开(?:答复)?(?:的)?", DISCLOSED, _APPLICATION),
    (r"办结|办理完毕|(?<!予以)(?<!及时)答复", HANDLED, _APPLICATION),
    (r"新收|收到|受理|接收|接到", NEW, _APPLICATION),
    (r"行政复议(?:申请|案件)?", REVIEW, _CASE),
    (r"行政诉讼(?:案件)?|^\s*诉讼", LITIGATION, _CASE),
    (r"(?:结果)?维持", "outcome:0", _CASE),
    (r"(?:结果)?纠正|(?:被)?纠错", "outcome:1", _CASE),
    (r"其他结果", "outcome:2", _CASE),
    (r"(?:尚)?未审结", "outcome:3", _CASE),
    (r"(?<!新)制(?:发|定)(?:发布)?", ISSUED, _DOCUMENT),
    (r"废止", REPEALED, _DOCUMENT),
    (r"现行有效(?:件数)?", IN_FORCE, _DOCUMENT),
)
_KEYWORD_RES = [(re.compile(k), q, about) for k, q, about in _KEYWORDS]

_ABOUT = {
    _APPLICATION: re.compile(r"申请"),
    _CASE: re.compile(r"复议|诉讼"),
    _DOCUMENT: re.compile(r"规范性文件|规章"),
}
# the counted object is not a 政府信息公开申请 even though the sentence mentions 申请
_NOT_APPLICATIONS = re.compile(r"留言|热线|信箱|工单|咨询|建议|提案|投诉|信访|举报|许可申请|来信|诉求")
# a part of the whole: one channel, one kind, one deadline, a change, a share
_PART_OF_WHOLE = re.compile(
    r"网上|网络|在线|信函|邮寄|当面|现场|传真|电子邮件|邮件|电话|自然人|法人|企业|"
    r"[\u4e00-\u9fa5]类(?:的)?(?:政府信息公开)?申请|涉及[^，,]{1,12}(?:的|类)申请|"
    r"按期|按时|如期|期限内|时限内|逾期|超期|同比|较上年|比上年|增长|增加|减少|下降|上升|平均"
)
# a sentence about one office inside a report that covers more (区政府办公室 in a 区政府 report)
_OFFICE = re.compile(r"政府办公室|政府办公厅|政府办(?![理事结])|代表[^，,]{0,8}政府|本级")
DATE = re.compile(r"\d{4}\s*年(?:度)?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_CLAUSE_BREAK = re.compile(r"[，,、：:（()）]")
# a figure: digits, an optional unit; not a share (%), not approximate (余/多)
_FIGURE = re.compile(r"(\d+)\s*(件|条|个|宗|起|份|次)?")
_UNITS_OK = {"件", "条", "个", "宗", "起", "份", None}
_CONTAINS = re.compile(r"[（(]\s*(?:含|包括|其中)")


@dataclass(frozen=True)
class Claim:
    quantity: str
    number: int
    sentence: str  # the sentence as written
    start: int  # the figure's position in ``sentence``
    end: int
    keyword: str  # the words that named the quantity

    def marked(self) -> str:
        """The sentence with the figure highlighted: …受理申请〖12〗件…"""
        s = self.sentence
        return quote(f"{s[: self.start]}〖{s[self.start : self.end]}〗{s[self.end :]}")


def quote(sentence: str) -> str:
    """A sentence as a message quotes it: “…” without its closing stop."""
    return sentence.strip().rstrip("。；;，,")


def sentences(text: str) -> list[str]:
    return list(_sentences(text))


# The window re-checks the whole report after every edit; the prose rarely changed since: pure
# functions of the text, cached (a few thousand paragraphs).
@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s for s in (m.group(0).strip() for m in _SENTENCE.finditer(text)) if s)


def blank_dates(sentence: str) -> str:
    """Dates replaced by spaces of the same length, so positions stay those of the sentence."""
    return DATE.sub(lambda m: " " * len(m.group(0)), sentence)


def _document_kind(before: str) -> str:
    """规章 or 规范性文件: whichever the words before the figure named last."""
    reg, doc = before.rfind("规章"), before.rfind("规范性文件")
    return "reg" if reg > doc else "doc"


def claims_in_sentence(sentence: str, agency: str = "", context: str = "") -> list[Claim]:
    """The claims of one sentence. ``context`` is what came before it in the paragraph (a sentence that
    starts with 其中 or lists results takes its subject from there); ``agency`` is the report's."""
    plain = blank_dates(sentence)
    topic = blank_dates(context)[-120:] + plain
    one_office = bool(_OFFICE.search(plain)) and not re.search(r"办公室|办公厅", agency)
    out: list[Claim] = []
    last_end = 0
    for m in _FIGURE.finditer(plain):
        number, unit = m.group(1), m.group(2)
        after = plain[m.end() : m.end() + 2]
        measure = unit == "个" and re.match(r"[\u4e00-\u9fa5]", plain[m.end() : m.end() + 1])  # 20个工作日
        if after.startswith(("%", "％", "余", "多", ".", "．")) or unit not in _UNITS_OK or measure:
            last_end = m.end()
            continue
        # the words of this clause before the figure, back to the previous figure
        window = plain[last_end : m.start()]
        last_end = m.end()
        clause = _CLAUSE_BREAK.split(window)[-1] if window else ""
        best = None
        for pattern, quantity, about in _KEYWORD_RES:
            for k in pattern.finditer(clause):
                rank = (k.end(), k.end() - k.start())
                if best is None or rank > best[0]:
                    best = (rank, k, quantity, about)
        if best is None:
            best = _after(plain, m.end())  # 另有72件顺延到下年度答复, 有1件…的行政复议
        if best is None:
            continue
        _, k, quantity, about = best
        if unit is None and clause[k.end() :].strip():
            continue  # a figure without a unit only counts right after its keyword (部分公开67)
        if not _ABOUT[about].search(topic):
            continue
        between = clause[k.end() :]
        if about == _APPLICATION and "信息" in between and "申请" not in between:
            continue  # 不予公开信息1535条: documents, not applications
        if about == _APPLICATION and (_NOT_APPLICATIONS.search(clause) or _PART_OF_WHOLE.search(clause)):
            continue
        if about == _APPLICATION and one_office:
            continue  # one office's applications in a report that covers more
        if about == _APPLICATION and _NOT_APPLICATIONS.search(plain) and not re.search(r"公开申请|依申请", topic):
            continue
        if about == _CASE and _PART_OF_WHOLE.search(clause):
            continue
        if quantity.startswith("outcome:"):
            before = topic[: len(topic) - len(plain) + m.start()]
            case = max(before.rfind("复议"), before.rfind("诉讼"))
            if case < 0:
                continue
            quantity = ("review" if before[case:].startswith("复议") else "litigation") + quantity[7:]
        if about == _DOCUMENT:
            before = plain[: m.start()]
            if "规范性文件" not in before + plain[m.end() : m.end() + 12] and "规章" not in before:
                continue
            if _document_kind(before) == "reg":
                quantity = {ISSUED: REG_ISSUED, REPEALED: REG_REPEALED, IN_FORCE: REG_IN_FORCE}[quantity]
        if quantity == CARRIED_IN and out and out[-1].quantity == NEW and _CONTAINS.search(window):
            # 受理申请N件（含上年结转M件）: N is new + carried over
            prev = out[-1]
            out[-1] = Claim(NEW_AND_CARRIED_IN, prev.number, prev.sentence, prev.start, prev.end, prev.keyword)
        out.append(Claim(quantity, int(number), sentence, m.start(1), m.end(1), k.group(0)))
    return out


_AFTER = (
    (
        re.compile(r"\s*(?:件|条)?(?:申请)?[^，,。；;\d]{0,12}?(?:顺延|结转)(?:到|至)?下一?年度?"),
        CARRIED_OUT,
        _APPLICATION,
    ),
    (re.compile(r"\s*(?:件|起)?[^，,。；;\d]{0,20}?行政复议"), REVIEW, _CASE),
    (re.compile(r"\s*(?:件|起)?[^，,。；;\d]{0,20}?行政诉讼"), LITIGATION, _CASE),
)


def _after(plain: str, end: int):
    """A figure whose quantity is named after it (另有72件申请顺延到下年度答复); only when nothing before names it."""
    for pattern, quantity, about in _AFTER:
        k = pattern.match(plain, end)
        if k:
            return ((0, 0), k, quantity, about)
    return None


def claims(text: str, agency: str = "") -> list[Claim]:
    """Every claim of a paragraph (or any text), sentence by sentence."""
    return list(_claims(text, agency))


@lru_cache(maxsize=2048)
def _claims(text: str, agency: str) -> tuple[Claim, ...]:
    out: list[Claim] = []
    context = ""
    for s in _sentences(text):
        out += claims_in_sentence(s, agency, context)
        context += s
    return tuple(out)
