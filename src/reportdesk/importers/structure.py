"""The parts of a published report: title, opening, the six part headings, signature and date.

Headings are found in order. One that lacks its number (`主动公开政府信息情况`) or is worded
differently (`五、存在主要问题及改进情况`) is still found, and kept as published so the checks
report the deviation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..formats import FORMAT_2021
from ..model.prose import BODY, CN_NUMERALS, heading_level
from .document import Line
from .normalise import has_cjk, key, squeeze

_TITLE = re.compile(r"(\d{4})年度?政府信息公开(?:工作)?年度报告")
# A portal's date of the page (发布日期：2024-01-17, 发布时间：2024年1月17日), the date of an unsigned report;
# group 1 is the label as printed
PAGE_DATE = re.compile(r"((?:发布|公开|成文|发文|印发)(?:日期|时间))\s*[:：]?\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
# 2024年上海市科委政府信息公开工作年度报告; after a word of furniture (正文) at most
_TITLE_YEAR_FIRST = re.compile(r"^(?:[^\d。，]{0,4}?)(\d{4})年度?([^。，\d]{2,40}?)政府信息公开(?:工作)?年度报告")
_SIGNED_AND_DATED = re.compile(r"^(.{2,30}?)(\d{4}年\d{1,2}月\d{1,2}日)$")  # 某局 2021年1月29日 on one line
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_CN_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})(?=年)")
_ATTACHMENT = re.compile(r"^附件\s*\d*[:：]?$")  # 附件1 above the title of an attached report
_NOTE = re.compile(r"^[（(][^（）()]{1,14}[)）]$")  # （此件公开发布）
# What a page prints after the signature: a note in brackets, the contact, the portal's links.
_AFTER_SIGNATURE = re.compile(r"^[（(](?:此件|联系人|联系电话|本文)|附件下载$|打印本页|关闭窗口|扫一扫")
_ENDS = tuple("。！？；：）”!?;:)")
_BOLD_MARK = re.compile(r"\*\*")
_ENUMERATION = re.compile(r"^(?:\*\*)?[一二三四五六七八九十]+是")  # 一是… 二是…
MAX_HEADING_CHARS = 40
PART_HEADINGS = FORMAT_2021.part_headings  # the same six headings in every format


@dataclass
class Heading:
    index: int  # line index
    text: str  # as published
    verbatim: bool


@dataclass
class Layout:
    title: str = ""
    agency: str = ""
    year: int | None = None
    title_end: int = 0
    headings: dict[str, Heading] = field(default_factory=dict)
    signature: str = ""
    date: dt.date | None = None
    date_text: str = ""
    tail_start: int | None = None  # first line of the signature block


def _plain(line: Line) -> str:
    return _BOLD_MARK.sub("", line.text).strip()


# Portal furniture before a title: `标题：`, `名称：`, Markdown's `#`, a breadcrumb's `首页 > … >` (up to its
# last separator only: the agency after it is the title's).
_CRUMB = ">»›＞→"
_FURNITURE = re.compile(rf"^(?:#+|(?:文章|信息|文件)?(?:标题|名称|题名|主题)[:：]|.*[{_CRUMB}](?=\d{{4}}年|[^{_CRUMB}]{{2,40}}\d{{4}}年))")
_LED = re.compile(rf"^(?:(?:文章|信息|文件)?(?:标题|名称|题名|主题)[:：]|.*[{_CRUMB}])")
_FACT = re.compile(r"^[^：:]{1,8}[：:]")
# A sentence that names the report (`根据《条例》要求，现向社会公布某局2023年度…年度报告`) is not its title.
_SENTENCE = re.compile(r"^(?:根据|依据|按照|本报告|本年度报告|现将|现向)|[，。；《》]")
# A portal's navigation printed line by line above the title (首页 / 政务公开 / 政府信息公开 / 政府信息公开年报):
# such a line names the disclosure or the page, never the agency.
_NAVIGATION = re.compile(r"首页|位置|信息公开|政务公开|年报|专栏|栏目")
# An agency that starts with its place (平潭综合实验区…, 淮安市…, 上海市…): where a title's agency begins after
# navigation words run into it (`首页政务公开政府信息公开年报平潭综合实验区2023年度…`).
_PLACE = re.compile(r"^[^\d省市县区州盟旗镇乡]{2,12}?(?:省|自治区|市|县|区|州|盟|旗|镇|乡)")
_YEAR = re.compile(r"\d{4}年")
_TITLE_SCAN = 300  # lines searched for the title: a saved page has navigation before it


def _title_text(line: Line) -> str:
    text = line.text if not line.is_row else "".join(line.cells or ())
    text = _CN_YEAR.sub(lambda y: "".join(str(_CN_DIGITS[c]) for c in y.group(1)), squeeze(_plain(Line(text))))
    return _FURNITURE.sub("", text, count=1)


def names_title(text: str) -> bool:
    """Whether the whitespace-free ``text`` holds a report's title (not a sentence that names the report)."""
    m = _TITLE.search(text)
    return bool(m) and not _SENTENCE.search(text[: m.start()])


def _title_in(joined: str) -> tuple[str, str, int] | None:
    m = _TITLE_YEAR_FIRST.match(joined)
    if m:
        return joined[m.start(1) : m.end()], m.group(2), int(m.group(1))
    m = _TITLE.search(joined)
    if m and m.start() <= 60:
        begin = max(joined.rfind(c, 0, m.start()) for c in _CRUMB + "/|：:") + 1  # after a breadcrumb or a label
        if _SENTENCE.search(joined[begin : m.start()]):
            return None
        words = list(_NAVIGATION.finditer(joined, begin, m.start()))
        if words and _PLACE.match(joined[words[-1].end() : m.start()]):
            begin = words[-1].end()
        agency = re.sub(r"关于$", "", joined[begin : m.start()])
        return joined[begin : m.end()], agency, int(m.group(1))
    return None


def _joined(texts: list[str]) -> str:
    return texts[0] + "".join(_FURNITURE.sub("", more, count=1) for more in texts[1:])


# The last character of a line that is the first part of a wrapped agency (淮安市 / 洪泽区人民政府…,
# 国家税务总局 / 淮安市税务局…): a place or an organ.
_AGENCY_END = tuple("省市县区州盟旗镇乡局委办厅府院室会部行署处所")


def _without_lines_before(texts: list[str], hit: tuple[str, str, int]) -> tuple[str, str, int]:
    """The title without the lines before it that it was joined to as a wrapped title's first line: a line
    that names the disclosure (政府信息公开年报), or a line that cannot begin an agency (长者模式 无障碍浏览)
    before a line whose agency starts with its place (平潭综合实验区2023年度…). Dropped only while the lines
    after it still name the agency and the year; a line with a year is never dropped."""
    while len(texts) > 1 and not _YEAR.search(texts[0]):
        shorter = _title_in(_joined(texts[1:]))
        if shorter is None or not shorter[1]:
            break
        navigation = _NAVIGATION.search(texts[0])
        if not navigation and (texts[0].endswith(_AGENCY_END) or not _PLACE.match(shorter[1])):
            break
        texts, hit = texts[1:], shorter
    return hit


def find_title(lines: list[Line]) -> tuple[str, str, int | None, int]:
    """(title, agency, year, index after the title). The title may wrap onto several lines and
    follow a portal's navigation and its table of facts; a paragraph is preferred to a cell."""
    for rows in (False, True):
        texts = [
            (i, _title_text(line))
            for i, line in enumerate(lines[:_TITLE_SCAN])
            if line.is_row == rows and line.text.strip() and not _ATTACHMENT.match(line.text.strip())
        ]
        for n, (i, text) in enumerate(texts):
            hit = None if rows else _title_after_navigation(lines[i].text)
            if hit:  # `当前位置： 首页 政务公开 政府信息公开年报 某局2023年度…`, on one line
                return hit[0], hit[1], hit[2], i + 1
            if _FACT.match(text) or (re.search(f"[{_CRUMB}]", text) and not _TITLE.search(text)):
                continue  # 发布日期：…, 索引号：… of the portal's table of facts; a breadcrumb
            group: list[str] = []
            for j, more in texts[n : n + 3]:
                if group and (len(more) > 60 or _LED.match(squeeze(_plain(lines[j])))):
                    break  # a line led by a breadcrumb or a label starts a title of its own
                group.append(more)
                joined = _joined(group)
                hit = _title_in(joined)
                if hit:
                    hit = _without_lines_before(group, hit)
                    return hit[0], hit[1], hit[2], j + 1
                if len(joined) > 120:
                    break
    return "", "", None, 0


_SPACED_TITLE = re.compile(r"(\d{4})\s*年度?\s*政府信息公开\s*(?:工作\s*)?年度报告")


def _title_after_navigation(text: str) -> tuple[str, str, int] | None:
    """A title after the page's navigation on its line (`… 当前位置： 首页 政务公开 政府信息公开年报
    某局2023年度政府信息公开工作年度报告 来源：…`, a page's text run together): taken only when the word
    before the agency is navigation, so the agency is known to start there."""
    m = _SPACED_TITLE.search(text)
    if not m:
        return None
    before = text[: m.start()]
    words = re.split(rf"[\s/|{_CRUMB}]+", before.strip())
    if not words:
        return None
    agency, rest = words[-1], words[:-1]
    if not rest or len(rest[-1]) > 12 or _YEAR.search(rest[-1]) or _SENTENCE.search(rest[-1]):
        return None  # a word of navigation is short, and no sentence (根据《…信息公开条例》要求 某局2023年度…)
    if not (_NAVIGATION.search(rest[-1]) or rest[-1].endswith(("：", ":"))):
        return None
    if not has_cjk(agency) or len(agency) > 40 or _SENTENCE.search(agency) or _NAVIGATION.search(agency):
        return None
    if re.search(r"[>»›|：:]", agency):
        return None
    return agency + squeeze(m.group(0)), agency, int(m.group(1))


def _heading_match(text: str, part: str, official: str) -> bool | None:
    """True: verbatim; False: found with a deviation; None: not this heading."""
    k = key(text)
    if not k:
        return None
    if k == key(official):
        return True
    body = key(official.split("、", 1)[1])
    numbered = re.match(rf"^{part}\s*[、.．，,]", text)
    if numbered:
        candidate = k[len(part) :]
        # its number and the official first words, reworded after (五、存在的主要问题及明年工作计划)
        threshold = 0.5 if candidate[:4] == body[:4] else 0.75
    elif heading_level(text) == BODY:
        candidate, threshold = k, 0.85
    elif re.match(rf"^[{CN_NUMERALS}]+\s*[、.．]", text) and key(re.split(r"[、.．]", text, maxsplit=1)[1]) == body:
        return False  # the official words under another number (五、其他需要报告的事项 for 六): misnumbered
    else:
        return None
    matcher = SequenceMatcher(None, candidate, body, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return None
    return False if matcher.ratio() >= threshold else None


def find_headings(lines: list[Line], start: int) -> dict[str, Heading]:
    found: dict[str, Heading] = {}
    pos = start
    candidates = [
        i for i in range(start, len(lines)) if not lines[i].is_row and 0 < len(lines[i].text) <= MAX_HEADING_CHARS
    ]
    for part, official in PART_HEADINGS:
        for i in candidates:
            if i < pos:
                continue
            text = squeeze(_plain(lines[i])).lstrip("#")  # a Markdown heading
            verdict = _heading_match(text, part, official)
            if verdict is False and lines[i].auto_numbered and key(text) == key(official.split("、", 1)[1]):
                verdict, text = True, official  # Word prints the number from its list style
            if verdict is not None:
                found[part] = Heading(i, text, verdict)
                pos = i + 1
                break
    return found


def find_tail(lines: list[Line], start: int, agency: str) -> tuple[str, dt.date | None, str, int | None]:
    """(signature, date, date as printed, first line of the block) at the end of part 六."""
    signature, date, date_text, first = "", None, "", None
    i = len(lines) - 1
    looked = 0
    while i >= start and looked < 5:
        line = lines[i]
        text = squeeze(_plain(line))
        if line.is_row or not text:
            i -= 1
            continue
        looked += 1
        if (_NOTE.match(text) or _AFTER_SIGNATURE.search(text)) and date is None and not signature:
            first = i
            i -= 1
            continue
        both = _SIGNED_AND_DATED.match(text)
        if both and date is None and not signature and _looks_like_agency(both.group(1), agency):
            return both.group(1), _to_date(_DATE.match(both.group(2))), both.group(2), i
        m = _DATE.match(_arabic_date(text))
        if m and date is None and not signature:
            date, date_text, first = _to_date(m), text, i
            i -= 1
            continue
        plain_name = not text.endswith(_ENDS) and has_cjk(text) and heading_level(text) == BODY
        if len(text) <= 30 and plain_name and (date is not None or _looks_like_agency(text, agency)):
            signature, first = text, i
        break
    return signature, date, date_text, first


_ORG_ENDINGS = ("局", "委", "委员会", "办", "办公室", "厅", "府", "院", "中心", "处", "所", "站", "部", "署", "会")


def _to_date(m: re.Match) -> dt.date | None:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # 2月30日: printed, but no such day
        return None


def _cn_number(text: str) -> int:
    """一 … 三十一, as written in a date."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _arabic_date(text: str) -> str:
    """二〇二一年一月二十九日 -> 2021年1月29日; anything else unchanged."""
    m = _CN_DATE.match(text)
    if not m:
        return text
    year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
    return f"{year}年{_cn_number(m.group(2))}月{_cn_number(m.group(3))}日"


def _looks_like_agency(text: str, agency: str) -> bool:
    if text.endswith(_ENDS) or not has_cjk(text):
        return False
    return bool(agency and agency in text) or text.endswith(_ORG_ENDINGS)


def paragraphs(lines: list[Line], join_broken: bool) -> list[str]:
    """Prose lines as paragraphs. Text copied from a PDF breaks long paragraphs at page ends:
    a long line that does not end a sentence continues in the next one. Linear in the text: a
    paragraph's pieces are joined once, at the end."""
    out: list[list[str]] = []
    joining = False
    length = 0  # of the current paragraph's plain text
    for line in lines:
        if line.is_row:
            joining = False
            continue
        text = line.text.strip()
        if not text:
            continue
        plain = _plain(Line(text))
        if joining and out and heading_level(text) == BODY and not _ENUMERATION.match(text):
            out[-1].append(text)
            length += len(plain)
        else:
            out.append([text])
            length = len(plain)
        joining = join_broken and length >= 25 and not (plain or "").endswith(_ENDS)
    return ["".join(parts) for parts in out]


def layout_of(lines: list[Line]) -> Layout:
    title, agency, year, end = find_title(lines)
    layout = Layout(title=title, agency=agency, year=year, title_end=end)
    layout.headings = find_headings(lines, end)
    six = layout.headings.get("六")
    tail_from = six.index + 1 if six else max((h.index + 1 for h in layout.headings.values()), default=end)
    layout.signature, layout.date, layout.date_text, layout.tail_start = find_tail(lines, tail_from, agency)
    return layout
