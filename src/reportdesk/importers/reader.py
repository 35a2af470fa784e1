"""Lines of a published report -> a Report, with what was recognised and what was not."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import LoadError
from ..formats import FORMATS, PART2, PART3, PART4, PATH_SEP, PROSE_PARTS, cells_of, format_for_year
from ..model.prose import Paragraph
from ..model.report import DEPARTMENT, GOVERNMENT, Contact, Report
from ..model.values import YEAR_RANGE
from .document import Line, tokens
from .normalise import key
from .part4 import read_part4
from .structure import PAGE_DATE, PART_HEADINGS, Layout, layout_of, paragraphs
from .tables import TableNotes, compare_printed, read_part2, read_part3

MAX_TEXT_BYTES = 4 * 1024 * 1024
FORMAT_NOTE = "报告格式"  # where a note on the format is filed: the checks merge it into their format finding
# A portal's table of facts above the article: 发布日期：2024-01-20 · 成文日期 2024年1月20日
MAX_LINES = 60_000
_PART_ONE_LINES = 6  # lines at the start of part 一 where some reports state the statistics period
_PERIOD_YEAR = re.compile(r"统计[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
_WEBSITE = re.compile(r"可(?:在|从|登录|通过)(.{2,80}?)(?:查阅|下载|查看)")
_CONTACT = (
    ("address", r"地址"),
    ("postcode", r"邮编|邮政编码"),
    ("phone", r"(?:联系)?电话"),
    ("fax", r"传真"),
    ("email", r"电子邮箱|电子邮件|邮箱"),
)


# A 本级人民政府 report is often titled by its area alone: 北京市2020年政府信息公开工作年度报告.
_AREA = re.compile(r"(?:省|自治区|市|自治州|州|盟|县|自治县|旗|自治旗|区|特区|林区)$")
_NOT_AREA = ("开发区", "园区", "管理区", "试验区", "示范区", "保税区", "合作区", "景区")


def kind_of(agency: str, signature: str) -> str:
    """本级人民政府 when the title names a 人民政府 or just an area, or the report is signed by a
    人民政府; a department otherwise (their deadlines differ: 31 March and 31 January)."""
    if agency.endswith("人民政府") or signature.endswith("人民政府"):
        return GOVERNMENT
    if _AREA.search(agency) and not agency.endswith(_NOT_AREA):
        return GOVERNMENT
    return DEPARTMENT


def _own_labels() -> dict[str, dict[str, str]]:
    """Per format, the labels (key -> label) its tables print and the other format's do not."""
    label_sets: dict[str, dict[str, str]] = {}
    for fmt in FORMATS.values():
        labels = {key(b.title): b.title for b in fmt.part2}
        for b in fmt.part2:
            labels |= {key(c.label): c.label for c in b.columns} | {key(r): r for r in b.rows}
        labels |= {key(part): part for p in fmt.part3.row_paths for part in p.split(PATH_SEP)}
        label_sets[fmt.id] = labels
    return {
        fid: {k: v for k, v in labels.items() if all(k not in o for f, o in label_sets.items() if f != fid)}
        for fid, labels in label_sets.items()
    }


CLEAR = 3  # the other format's own labels needed, with none of the year's own, to read by the other format


def choose_format(year: int, table_tokens: list[str]):
    """(format, note): the year's format unless the tables clearly print the other format's own
    labels (at least ``CLEAR`` of them, and none of the year's own). A contradiction between the
    year and the labels is one note naming both."""
    seen = {key(t) for t in table_tokens if t}
    hits = {fid: [label for k, label in own.items() if k in seen] for fid, own in _own_labels().items()}
    by_year = format_for_year(year)
    other = next(f for f in FORMATS.values() if f.id != by_year.id)
    found = "“" + "”“".join(hits[other.id][:4]) + "”"
    if len(hits[other.id]) >= CLEAR and not hits[by_year.id]:
        return other, f"表格使用的是 {other.id} 年格式的标签（{found}等），没有 {by_year.id} 年格式的标签，已按 {other.id} 年格式读取"
    if hits[other.id]:
        return by_year, f"{found}（已按 {year} 年度应使用的 {by_year.id} 年格式读取）"
    return by_year, ""


def _page_date(lines: list[Line]) -> tuple[dt.date, str] | None:
    """(date, its label) from a portal's facts before the report's first part, when it is not signed."""
    for line in lines:
        text = line.text if not line.is_row else "".join(line.cells or ())
        m = PAGE_DATE.search(text.replace(" ", ""))
        if m:
            try:
                return dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4))), m.group(1)
            except ValueError:
                return None
    return None


def _contact(opening: str) -> Contact:
    c = Contact()
    m = _WEBSITE.search(opening)
    if m:
        c.website = m.group(1).strip()
    for name, label in _CONTACT:
        m = re.search(rf"(?:{label})\s*[：:]\s*([^；;，,。）)\n]+)", opening)
        if m:
            setattr(c, name, m.group(1).strip())
    return c


def _markers(lines: list[Line], layout: Layout, fmt) -> dict[str, tuple[int, int]]:
    """part -> (where it begins, its first content line): its heading, or for a table whose
    heading is missing altogether, the table's own first line (第二十条第（一）项, the 勾稽关系 note,
    行政复议)."""
    out = {part: (h.index, h.index + 1) for part, h in layout.headings.items()}
    anchors = {
        PART2: lambda k: k.startswith(key(fmt.part2[0].title)),
        PART3: lambda k: key(fmt.part3.corner)[1:9] in k,
        PART4: lambda k: k.startswith(key(fmt.part4.column_tree[0].label)),
    }
    order = [p for p, _ in PART_HEADINGS]
    for part, is_anchor in anchors.items():
        if part in out:
            continue
        before = [out[p][0] for p in order[: order.index(part)] if p in out]
        after = [out[p][0] for p in order[order.index(part) + 1 :] if p in out]
        lo, hi = max(before, default=layout.title_end), min(after, default=len(lines))
        for i in range(lo, hi):
            line = lines[i]
            first = next((c for c in line.cells if c), "") if line.cells is not None else line.text
            if first and is_anchor(key(first)):
                out[part] = (i, i)
                break
    return out


def _region(lines: list[Line], layout: Layout, markers: dict[str, tuple[int, int]], part: str) -> list[Line]:
    if part not in markers:
        return []
    begin, start = markers[part]
    later = [b for b, _ in markers.values() if b > begin]
    end = min(later) if later else len(lines)
    if part == "六" and layout.tail_start is not None:
        end = min(end, layout.tail_start)
    return lines[start:end]


_PROSE_LINE = re.compile(r"[\u4e00-\u9fff]{12}")


def _stranded_parts(report: Report, regions: dict[str, list[Line]]) -> list[tuple[str, str]]:
    """A prose part whose heading was not found, while prose stands after the table before it (a
    converter dropped the heading, or it is worded otherwise): a reading note naming the part, so the
    checks say reading lost it instead of calling the report's part empty. Nothing is attributed."""
    out = []
    order = [p for p, _ in PART_HEADINGS]
    for part in PROSE_PARTS:
        if report.parts[part]:
            continue
        before = order[order.index(part) - 1] if order.index(part) else None
        region = regions.get(before, [])
        last_row = max((i for i, line in enumerate(region) if line.is_row), default=None)
        if last_row is None:
            continue
        stranded = [
            line for line in region[last_row + 1 :] if not line.is_row and _PROSE_LINE.search(_plain_text(line.text))
        ]
        if stranded:
            out.append(
                (
                    f"第{part}部分",
                    f"未找到标题“{report.format.heading(part)}”；表{before}之后有 {len(stranded)} 行文字未归入任何部分，"
                    "可能就是此部分（标题缺失或写法不同），未读入",
                )
            )
    return out


def _after_title(lines: list[Line], layout: Layout) -> list[str]:
    """The text a line holds after the title it starts with, when the report runs its opening sentence
    into the title (“2024年丽水市政府信息公开工作年度报告根据《条例》编制……”): the opening's first sentence,
    not to be lost."""
    if not layout.title or not layout.title_end:
        return []
    text = lines[layout.title_end - 1].text
    wanted = re.sub(r"\s", "", layout.title)
    if not re.sub(r"\s", "", text).startswith(wanted):
        return []
    seen = 0
    for i, ch in enumerate(text.lstrip()):  # past the title's characters, whatever the spaces between them
        if seen == len(wanted):
            rest = text.lstrip()[i:].strip()
            return [rest] if len(rest) >= 10 and "。" in rest else []
        if not ch.isspace():
            seen += 1
    return []


def _plain_text(text: str) -> str:
    return re.sub(r"[\s*]", "", text)


def _year(layout: Layout, opening: str, problems: list[str], part_one: str = "") -> int:
    """The report's year: from the title, else the statistics period stated in the opening or, where a
    report states it there instead, at the start of part 一, else the year before the signature's."""
    if layout.year:
        return layout.year
    for text, where in ((opening, "开篇说明"), (part_one, "“一、总体情况”开头")):
        m = _PERIOD_YEAR.search(text)
        if m:
            problems.append(f"标题：未写明年份，按{where}的统计期限取 {m.group(1)} 年")
            return int(m.group(1))
    if layout.date:
        problems.append(f"标题：未写明年份，按落款日期推定为 {layout.date.year - 1} 年")
        return layout.date.year - 1
    raise LoadError("无法识别报告年度：标题、统计期限和落款日期中都没有找到年份")


def _summary(report: Report, layout: Layout, markers, notes: TableNotes, detected: bool) -> tuple[list[str], list[str]]:
    """What was recognised, and what was not, in the order of the document."""
    recognised: list[str] = []
    problems: list[str] = []
    fmt, year, fc = report.format, report.year, cells_of(report.format)
    if report.title:
        recognised.append(f"标题：{report.title}（机关：{report.agency or '未识别'}；年度：{year}）")
    else:
        problems.append("标题：未找到“机关名称+年份+政府信息公开工作年度报告”形式的标题")
    how = "从表格标签识别（与年度不符）" if detected else "按年度选定，从表格标签识别的格式与之相符"
    if not detected and any(where == FORMAT_NOTE for where, _ in notes.problems):
        how = "按年度选定（表格中有另一格式的标签，见读取说明）"
    recognised.append(f"格式：{fmt.id} 年格式（{fmt.notice}），{how}")
    if detected and not fmt.applies_to(year):
        problems.append(f"格式：{year} 年度报告使用了 {fmt.id} 年格式的表格（{fmt.notice}），应使用 {format_for_year(year).id} 年格式")
    recognised.append(f"开篇说明：{len(report.opening)} 字" if report.opening else "开篇说明：无")
    for part, official in PART_HEADINGS:
        h = layout.headings.get(part)
        if h is None:
            found = "，已按表格内容找到该部分" if part in markers else ""
            problems.append(f"第{part}部分：未找到标题“{official}”{found}")
            continue
        if not h.verbatim:
            report.headings[part] = h.text
            problems.append(f"第{part}部分：标题写作“{h.text}”，与官方“{official}”不一致")
        if part in PROSE_PARTS:
            paras = report.parts[part]
            bold = sum(1 for p in paras for r in p.runs if r.bold)
            extra = f"，其中粗体 {bold} 处" if bold else ""
            recognised.append(f"第{part}部分“{official}”：{len(paras)} 段{extra}")
    for table in (PART2, PART3, PART4):
        refs = [r for r in fc.inputs if r.table == table]
        read = sum(1 for r in refs if report.values.get(r) is not None)
        printed = sum(1 for r, v in report.printed.items() if r.table == table and v is not None)
        extra = f"，印出的合计 {printed} 个" if printed else ""
        recognised.append(f"表{table}：读入 {read}/{len(refs)} 个数字{extra}")
    recognised += [f"标签变体：{variant}" for variant in notes.variants]
    if layout.signature:
        recognised.append(f"落款：{layout.signature}")
    else:
        problems.append("落款：文末未找到落款机关")
    if layout.date:
        recognised.append(f"日期：{layout.date_text}")
    elif report.date:
        recognised.append(f"日期：{report.date.isoformat()}（文末无落款日期，取自网页上的日期）")
    elif not layout.date_text:
        problems.append("日期：文末未找到落款日期（应为“YYYY年M月D日”）")
    return recognised, problems


def report_from_lines(lines: list[Line], name: str, join_broken: bool) -> tuple[Report, list[str], list[str]]:
    layout = layout_of(lines)
    if not layout.title and len(layout.headings) < 3:
        raise LoadError(
            f"无法导入“{name}”：没有找到“……年政府信息公开工作年度报告”的标题和各部分标题，不像一份政府信息公开工作年度报告"
        )
    problems: list[str] = []
    first_heading = min((h.index for h in layout.headings.values()), default=len(lines))
    opening = "\n".join(
        [*_after_title(lines, layout), *paragraphs(lines[layout.title_end : first_heading], join_broken)]
    )
    part_one = "\n".join(line.text for line in lines[first_heading : first_heading + _PART_ONE_LINES])
    year = _year(layout, opening, problems, part_one)
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:  # bounded where it enters (issue #12)
        raise LoadError(f"无法导入“{name}”：找到的报告年度 {year} 不在 {YEAR_RANGE[0]}–{YEAR_RANGE[1]} 之间，请核对标题")
    markers = _markers(lines, layout, format_for_year(year))
    regions = {p: _region(lines, layout, markers, p) for p in (PART2, PART3, PART4)}
    table_tokens = {p: tokens(region) for p, region in regions.items()}
    exact = {p: any(line.exact for line in region) for p, region in regions.items()}
    fmt, format_note = choose_format(year, [t for toks in table_tokens.values() for t in toks])
    detected = fmt if fmt.id != format_for_year(year).id else None
    agency = layout.agency
    report = Report(agency=agency, year=year, kind=kind_of(agency, layout.signature))
    report.format_id = fmt.id
    report.title = layout.title
    report.opening = opening
    report.contact = _contact(opening)
    report.signature_agency = layout.signature
    report.date = layout.date
    page_date = None if layout.date else _page_date(lines[:first_heading])
    if page_date:
        report.date = page_date[0]
    fc = cells_of(fmt)
    report.values = dict.fromkeys(fc.inputs)

    notes = TableNotes()
    read_part2(report, table_tokens[PART2], notes)
    read_part3(report, table_tokens[PART3], notes, exact[PART3])
    read_part4(report, table_tokens[PART4], notes, exact[PART4])

    for part in PROSE_PARTS:
        report.parts[part] = [Paragraph.from_markup(t) for t in paragraphs(_region(lines, layout, markers, part), join_broken)]
    notes.problems += _stranded_parts(report, regions)
    if layout.date_text and layout.date is None:
        notes.problems.append(("落款日期", f"“{layout.date_text}”不是有效日期，请核对"))
    if page_date:
        notes.problems.append(("落款日期", f"文末没有落款日期，按网页上的{page_date[1]} {page_date[0].isoformat()} 取"))
    if format_note:
        notes.problems.insert(0, (FORMAT_NOTE, format_note))
    recognised, more = _summary(report, layout, markers, notes, detected is not None)
    problems += more
    for where, message in notes.problems:
        problems.append(f"{where}：{message}")
        report.read_notes.append((where, message))
    by_row: dict[tuple[str, str, str], list] = {}
    for ref, why in report.unreadable.items():
        by_row.setdefault((ref.table, ref.row, why), []).append(ref)
    for (_table, _row, why), refs in by_row.items():  # one line a row, not one a cell
        where = refs[0].describe() if len(refs) == 1 else f"{refs[0].describe().rsplit('“', 1)[0]}的 {len(refs)} 格"
        problems.append(f"{where}：未读入（{why}）")
    for where, message in compare_printed(report):
        problems.append(f"{where}：{message}")
    return report, recognised, problems
