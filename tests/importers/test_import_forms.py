"""The forms reports are really found in: a portal's saved page, a browser's copy, Markdown, one line.

Each form is made mechanically from a report (the demo and the five hand-typed seeds) and must
import with every cell right; what cannot be read is unknown, never 0 or blank.
"""

from __future__ import annotations

import copy

import pytest
from tests.helpers import SEED_NAMES, demo, seed
from tests.importers import published_forms as pf

from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.importers import import_document
from reportdesk.loading import IMPORT_SUFFIXES, REPORT_SUFFIXES, LoadError, load_report

REPORTS = ["demo", *SEED_NAMES]
FORMS = {
    "page.html": lambda r: pf.html_page(r),
    "page-gbk.htm": lambda r: pf.html_page(r, charset="gbk"),
    "copy.txt": lambda r: pf.browser_copy(r).encode("utf-8"),
    "tables.md": lambda r: pf.markdown(r).encode("utf-8"),
    "one-line.txt": lambda r: pf.one_line(pf.browser_copy(r)).encode("utf-8"),
}


def _report(name: str):
    return demo() if name == "demo" else seed(name)


def _cells(got, want) -> tuple[int, int, int]:
    """(right, wrong, unknown) over the official input cells."""
    right = wrong = unknown = 0
    for ref in cells_of(want.format).inputs:
        if got.is_unknown(ref):
            unknown += 1
        elif got.values.get(ref) == want.values.get(ref):
            right += 1
        else:
            wrong += 1
    return right, wrong, unknown


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", REPORTS)
def test_every_form_imports_with_every_cell_right(name, form, tmp_path):
    want = _report(name)
    path = tmp_path / form
    path.write_bytes(FORMS[form](want))
    got = import_document(path).report
    assert (got.agency, got.year, got.format_id) == (want.agency, want.year, want.format_id)
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)
    assert not got.unreadable
    if want.date:
        assert got.date == want.date


def test_one_line_without_tabs_loses_blank_cells_to_unknown_never_to_a_number(tmp_path):
    want = demo()
    total = CellRef(PART3, "一、本年新收政府信息公开申请数量", "商业企业")
    want.values[total] = None  # printed blank: a space-separated line cannot say where
    path = tmp_path / "scraped.txt"
    path.write_text(pf.one_line(pf.browser_copy(want)).replace("\t", " "), "utf-8")
    got = import_document(path).report
    _right, wrong, unknown = _cells(got, want)
    assert wrong == 0 and 0 < unknown <= 7
    assert got.is_unknown(total)


def test_blank_last_cell_of_a_browser_copy_is_kept(tmp_path):
    want = demo()
    fc = cells_of(want.format)
    totals = [r for r in fc.formulas if r.table == PART3 and r.col == want.format.part3.total_column]
    for ref in totals:
        want.printed[ref] = None  # the agency left its 总计 column blank
    path = tmp_path / "copy.txt"
    path.write_text(pf.browser_copy(want), "utf-8")
    assert any(line.endswith("\t") for line in path.read_text("utf-8").splitlines())
    got = import_document(path).report
    assert _cells(got, want) == (len(fc.inputs), 0, 0)
    assert all(got.printed.get(r) is None for r in totals)


def test_web_page_spans_make_blank_cells_known_blank(tmp_path):
    want = seed("002_7afa714d70970faa")  # part 四 行政复议 printed blank
    path = tmp_path / "page.html"
    path.write_bytes(pf.html_page(want))
    assert b"rowspan" in path.read_bytes() and b"colspan" in path.read_bytes()
    got = import_document(path).report
    blank = [r for r in cells_of(want.format).inputs if want.values.get(r) is None]
    assert blank and all(got.values.get(r) is None and not got.is_unknown(r) for r in blank)


def test_mhtml_archive_and_suffixes(tmp_path):
    want = demo()
    page = pf.html_page(want).decode("utf-8")
    body = page.encode("utf-8").hex()
    qp = "".join(f"={body[i:i + 2].upper()}" for i in range(0, len(body), 2))
    lines = [qp[i : i + 75] + "=" for i in range(0, len(qp), 75)]
    archive = (
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.example.gov.cn/art/2024/1/20/art_1.html\r\n\r\n"
        + "\r\n".join(lines) + "\r\n\r\n------B--\r\n"
    )
    path = tmp_path / "page.mhtml"
    path.write_text(archive, "ascii")
    got = load_report(path)
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)
    assert {".html", ".htm", ".mhtml"} <= IMPORT_SUFFIXES & REPORT_SUFFIXES


def test_page_without_a_report_is_refused_in_chinese(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><body><ul><li>首页</li><li>政务公开</li></ul><p>欢迎访问</p></body></html>", "utf-8")
    with pytest.raises(LoadError, match="不像一份"):
        import_document(path)


def test_title_behind_portal_furniture_and_the_page_date(tmp_path):
    want = seed("001_082ea42f41a4a5d8")  # not signed, not dated
    text = pf.browser_copy(want).split("\n", 1)[1]
    furniture = "首页 > 政务公开 > 年度报告\n索引号：\t11640200MB1234567X/2024-00001\n发布日期：\t2024-01-25\n"
    path = tmp_path / "copy.txt"
    path.write_text(furniture + f"标题：{want.agency}\n{want.year}年政府信息公开工作年度报告\n" + text, "utf-8")
    result = import_document(path)
    got = result.report
    assert got.agency == want.agency and got.title == want.title
    assert got.date.isoformat() == "2024-01-25"
    assert any(where == "落款日期" and "发布日期" in message for where, message in got.read_notes)


_BREADCRUMB = "当前位置：\n首页\n政务公开\n政府信息公开\n政府信息公开年报\n"  # a portal's, one item a line


@pytest.mark.parametrize("layout", ["a line each", "title wrapped", "on the title's line"])
def test_title_behind_a_breadcrumb_is_cut_from_it(tmp_path, layout):
    want = seed("001_082ea42f41a4a5d8")
    title, text = pf.browser_copy(want).split("\n", 1)
    assert title == want.title
    if layout == "title wrapped":  # a title wrapped after the agency keeps its first line
        title = title.replace(want.agency, want.agency + "\n", 1)
    breadcrumb = _BREADCRUMB.replace("\n", " ") if layout == "on the title's line" else _BREADCRUMB
    path = tmp_path / "copy.txt"
    path.write_text(breadcrumb + title + "\n" + text, "utf-8")
    got = import_document(path).report
    assert (got.title, got.agency) == (want.title, want.agency)


_PORTAL = "国务院 省政府 省人大 省政协 移动版 登录 注册 网站支持IPV6 首页 政务公开 解读回应 办事服务 互动交流 长者模式 无障碍浏览 "


def test_title_deep_in_one_line_after_the_navigation(tmp_path):
    want = seed("001_082ea42f41a4a5d8")
    copy = pf.browser_copy(want)
    path = tmp_path / "one-line.txt"
    path.write_text(pf.one_line(_PORTAL + _BREADCRUMB + copy), "utf-8")
    got = import_document(path).report
    assert (got.title, got.agency) == (want.title, want.agency)
    # the agency spaced into two words after the navigation: where it starts is not certain, so no title
    spaced = copy.replace(want.agency, want.agency[:3] + " " + want.agency[3:], 1)
    path.write_text(pf.one_line(_PORTAL + _BREADCRUMB + spaced), "utf-8")
    assert import_document(path).report.title == ""


def test_a_sentence_naming_the_report_is_not_its_title(tmp_path):
    want = seed("001_082ea42f41a4a5d8")
    sentence = f"根据《中华人民共和国政府信息公开条例》要求，现向社会公布{want.agency}{want.year}年度政府信息公开年度报告。"
    title, text = pf.browser_copy(want).split("\n", 1)
    path = tmp_path / "copy.txt"
    path.write_text(sentence + "\n" + title + "\n" + text, "utf-8")
    assert import_document(path).report.title == want.title
    # a saved page whose article opens with such a sentence: the title printed above the article is taken
    page = pf.html_page(want).decode("utf-8")
    first = f"<p>{want.title}</p>"
    assert page.count(first) == 1
    path = tmp_path / "page.html"
    path.write_text(page.replace(first, f"<p>{sentence}</p>"), "utf-8")
    assert import_document(path).report.title == want.title


def test_markdown_heading_title(tmp_path):
    want = demo()
    path = tmp_path / "report.md"
    path.write_text("# " + pf.markdown(want), "utf-8")
    got = import_document(path).report
    assert got.agency == want.agency


def _edited_copy(tmp_path, old: str, new: str, report=None):
    report = report or demo()
    text = pf.browser_copy(report)
    assert old in text
    path = tmp_path / "copy.txt"
    path.write_text(text.replace(old, new), "utf-8")
    return report, import_document(path)


def test_other_processing_printed_as_one_row(tmp_path):
    want = demo()
    subs = [p for p in want.format.part3.row_paths if "（六）" in p]
    group = subs[0].rsplit("/", 1)[0]
    lines = pf.browser_copy(want).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("（六）其他处理\t"))
    one_row = "（六）其他处理\t2\t0\t0\t0\t0\t1\t3"
    text = "\n".join([*lines[:first], one_row, *lines[first + 3 :]])
    path = tmp_path / "copy.txt"
    path.write_text(text, "utf-8")
    got = import_document(path).report
    for path_ in subs:
        for col in want.format.part3.columns:
            ref = CellRef(PART3, path_, col)
            if ref in cells_of(got.format).inputs:
                assert got.is_unknown(ref) and got.unreadable[ref] == "原表“（六）其他处理”未分列"
    assert got.printed[CellRef(PART3, group, "自然人")] == 2
    assert got.printed[CellRef(PART3, group, "总计")] == 3
    notes = [m for w, m in got.read_notes if "（六）其他处理" in m]
    assert len(notes) == 1 and "2 0 0 0 0 1 3" in notes[0]
    others = [r for r in cells_of(got.format).inputs if r.table == PART3 and not r.row.startswith(group)]
    assert all(not got.is_unknown(r) and got.values[r] == want.values[r] for r in others)


def test_misspelled_label_is_matched_and_said_once(tmp_path):
    want, result = _edited_copy(tmp_path, "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    got = result.report
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)
    said = [m for _, m in got.read_notes if "其他法律行政止公开" in m]
    assert len(said) == 1


def test_ocr_confusions_in_labels_but_never_in_numbers(tmp_path):
    want, result = _edited_copy(tmp_path, "1.属于国家秘密\t", "l.属于国家秘密\t")
    assert _cells(result.report, want) == (len(cells_of(want.format).inputs), 0, 0)
    row = "一、本年新收政府信息公开申请数量"
    cell = CellRef(PART3, row, "自然人")
    n = want.values[cell]
    _, result = _edited_copy(tmp_path, f"{row}\t{n}\t", f"{row}\tl{n}\t")
    assert result.report.is_unknown(cell) and f"l{n}" in result.report.unreadable[cell]


def test_stray_mark_of_a_spaced_side_label_is_not_a_cell(tmp_path):
    want = demo()
    lines = pf.browser_copy(want).splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("（二）部分公开"))
    lines[i] = lines[i].replace("\t", "\t、\t", 1)  # `三 、本 年 度办 理 结果` left its `、` here
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines), "utf-8")
    got = import_document(path).report
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)


def test_row_not_found_is_unknown_and_a_missing_table_is_left_out(tmp_path):
    want = demo()
    text = pf.browser_copy(want)
    lines = text.splitlines()
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(line for line in lines if not line.startswith("（二）部分公开")), "utf-8")
    got = import_document(path).report
    lost = [r for r in cells_of(want.format).inputs if "（二）部分公开" in r.row]
    assert lost and all(got.unreadable[r] == "原文未找到此行" and got.values[r] is None for r in lost)
    # a report that has no part 四 table at all: its cells are left out (a real TABLE-MISSING)
    four = want.format.part_headings[3][1]
    start = lines.index(four)
    end = lines.index(want.format.part_headings[4][1])
    path.write_text("\n".join(lines[: start + 1] + ["本年度未发生行政复议、行政诉讼。"] + lines[end:]), "utf-8")
    got = import_document(path).report
    assert not any(r.table == "四" for r in got.values) and not got.unreadable


def test_format_follows_the_year_unless_the_tables_clearly_say_otherwise(tmp_path):
    # a 2023 report whose part 二 says 规范性文件 (a 2019 label): read as 2021, one note naming both
    _want, result = _edited_copy(tmp_path, "行政规范性文件\t", "规范性文件\t")
    got = result.report
    assert got.format_id == "2021"
    notes = [m for w, m in got.read_notes if w == "报告格式"]
    assert len(notes) == 1 and "规范性文件" in notes[0] and "2021" in notes[0]
    # a 2021 report printed entirely on the 2019 form: read as 2019, and said
    old = copy.deepcopy(seed("000_730c80e139d75b64"))
    old.year, old.title = 2021, old.title.replace("2020", "2021")
    path = tmp_path / "old-form.txt"
    path.write_text(pf.browser_copy(old), "utf-8")
    got = import_document(path).report
    assert got.format_id == "2019"
    assert [w for w, _ in got.read_notes].count("报告格式") == 1


def test_a_long_paragraph_naming_table_rows_is_left_whole(tmp_path):
    want = demo()
    heading = want.format.part_headings[0][1]
    long = "本机关全年办理行政许可事项1200件，行政处罚30件，行政强制2件，政府集中采购项目5个，" * 8 + "各项工作有序推进。"
    path = tmp_path / "copy.txt"
    path.write_text(pf.browser_copy(want).replace(heading + "\n", heading + "\n" + long + "\n", 1), "utf-8")
    got = import_document(path).report
    assert got.parts["一"][0].text == long
    assert len(got.parts["一"]) == len(want.parts["一"]) + 1


def test_pdf_text_with_a_spaced_side_label_a_broken_label_and_a_page_number(tmp_path):
    # as WPS PDFs copy out: cells separated by spaces, the side label `三 、本 年 度办 理 结果` in
    # pieces between the rows, a label wrapped over two lines, `- 3 -` where the page breaks
    want = demo()
    side = iter(["三", "、本", "年", "度办", "理", "结果"])
    out = []
    for line in pf.browser_copy(want).splitlines():
        line = line.removeprefix("三、本年度办理结果\t")
        if "\t" in line and (line.startswith("（") or line[0].isdigit()):
            out.extend(s for s in [next(side, None)] if s)
        out.append(line.replace("\t", " "))
    text = "\n".join(out)
    text = text.replace("重新出具已获取信息 ", "重新出具\n已获取信息 ").replace("（七）总计", "- 3 -\n（七）总计")
    path = tmp_path / "pdf.txt"
    path.write_text(text, "utf-8")
    got = import_document(path).report
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)


def _gathered(want, break_sum: bool) -> str:
    """PDF text whose numbers of three rows come together after the first row's label."""
    lines = [line.removeprefix("三、本年度办理结果\t") for line in pf.browser_copy(want).splitlines()]
    i = next(i for i, line in enumerate(lines) if line.startswith("二、上年结转"))
    rows = [lines[i + j].split("\t") for j in range(3)]
    numbers = [n for row in rows for n in row[1:]]
    if break_sum:  # as if the numbers came column by column: rows no longer add up
        numbers[6], numbers[7] = numbers[7], numbers[6]
    block = [rows[0][0], *numbers, rows[1][0], rows[2][0]]
    return "\n".join([*lines[:i], *block, *lines[i + 3 :]])


def test_numbers_of_several_rows_printed_together_are_split_only_when_every_row_adds_up(tmp_path):
    want = demo()
    path = tmp_path / "pdf.txt"
    path.write_text(_gathered(want, break_sum=False), "utf-8")
    got = import_document(path).report
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)
    assert any("印在一处" in m for _, m in got.read_notes)
    path.write_text(_gathered(want, break_sum=True), "utf-8")
    got = import_document(path).report
    _right, wrong, unknown = _cells(got, want)
    assert wrong == 0 and unknown >= 18
    assert not any("印在一处" in m for _, m in got.read_notes)


def test_web_page_cells_with_inline_markup_and_paragraphs(tmp_path):
    want = demo()
    row = "一、本年新收政府信息公开申请数量"
    n = want.values[CellRef(PART3, row, "自然人")]
    page = pf.html_page(want).decode("utf-8")
    page = page.replace(f"<td>{row}</td>", "<td><p>一、本年新收政府</p><p>信息公开申请数量</p></td>", 1)
    page = page.replace(f"<td>{n}</td>", f"<td><span>{str(n)[0]}</span><b>{str(n)[1:]}</b></td>", 1)
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    got = import_document(path).report
    assert got.values[CellRef(PART3, row, "自然人")] == n
    assert _cells(got, want) == (len(cells_of(want.format).inputs), 0, 0)


def test_digits_run_together_are_split_only_one_way():
    from reportdesk.importers.rows import split_run

    assert split_run("21710000218", 7) == ["217", "1", "0", "0", "0", "0", "218"]
    parts = ["2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"]
    assert split_run("21317000001324019", 15, groups=3) == parts
    assert split_run("0000000", 7) == ["0"] * 7
    assert split_run("3200000032", 7) is None  # eight numbers, not seven: no way
    assert split_run("1120000022", 7) is None  # 11+2=13? 1+1+2=... more than one way or none: refused


def test_scraped_page_text_with_cells_run_together(tmp_path):
    want = demo()
    lines = [line.removeprefix("三、本年度办理结果\t") for line in pf.browser_copy(want).splitlines()]
    path = tmp_path / "dump.txt"
    path.write_text("".join(line.replace("\t", "") for line in lines), "utf-8")  # text_content() of the page
    got = import_document(path).report
    _right, wrong, _unknown = _cells(got, want)
    part3 = [r for r in cells_of(want.format).inputs if r.table == PART3]
    assert wrong == 0 and not any(got.is_unknown(r) for r in part3)
    assert any("唯一拆法" in m for _, m in got.read_notes)


def test_signature_date_followed_by_a_contact_note_and_portal_links(tmp_path):
    want = demo()
    text = pf.one_line(pf.browser_copy(want)).rstrip() + " （联系人：王某，联系电话：0591-12345678） 附件下载"
    path = tmp_path / "scraped.txt"
    path.write_text(text, "utf-8")
    got = import_document(path).report
    assert got.date == want.date and got.signature_agency == want.signature_agency
