"""Table cells separated by spaces instead of tabs (what some PDF tools and web pages give):
rows inside the tables are split into their label and numbers; prose is left alone."""

from __future__ import annotations

import pytest
from tests.helpers import SEED_NAMES

from reportdesk.importers import import_document
from reportdesk.importers.document import spaced_cells


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_with_spaces_instead_of_tabs(name, seed_text, tmp_path):
    tabbed = import_document(seed_text(name)).report
    path = tmp_path / "spaced.txt"
    path.write_text(seed_text(name).read_text("utf-8").replace("\t", " "), "utf-8")
    result = import_document(path)
    spaced = result.report
    assert (spaced.agency, spaced.year, spaced.format_id) == (tabbed.agency, tabbed.year, tabbed.format_id)
    for part, paras in tabbed.parts.items():
        assert [p.markup() for p in spaced.parts[part]] == [p.markup() for p in paras]
    if name == "002_7afa714d70970faa":
        # its part 四 has blank cells, which spaces cannot show: read as unreadable, never guessed
        assert all(v is None for ref, v in spaced.values.items() if ref.table == "四")
        assert any(p.startswith("表四") and "无法确定各数字所在的列" in p for p in result.problems)
        others = {ref: v for ref, v in tabbed.values.items() if ref.table != "四"}
        assert {ref: spaced.values[ref] for ref in others} == others
    else:
        assert spaced.values == tabbed.values and not spaced.unreadable


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("规范性文件 1 1 1", ["规范性文件", "1", "1", "1"]),
        ("行政许可 5", ["行政许可", "5"]),
        ("0 0 0 0 0 0 0", ["0", "0", "0", "0", "0", "0", "0"]),
        ("三、本年度办理结果 (一) 予以公开 2 0 0 0 0 0 2", ["三、本年度办理结果", "(一) 予以公开", "2", "0", "0", "0", "0", "0", "2"]),
        ("（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0", ["（三）不予公开", "1.属于国家秘密", *["0"] * 7]),
        ("政府集中采购 3 12.5万元", ["政府集中采购", "3", "12.5万元"]),
        ("行政许可 -2", ["行政许可", "-2"]),
        ("本报告所列数据的统计期限自 2020 年 1 月 1 日", None),
        ("截至2020年 12", None),
        ("信息内容 本年新制作数量 本年新公开数量", None),
    ],
)
def test_spaced_cells(line, cells):
    assert spaced_cells(line) == cells


def test_text_of_an_exported_pdf_imports_with_every_number(tmp_path, seed_text):
    """The text QtPdf extracts from ReportDesk's own PDF: cells separated by spaces, labels and
    headers wrapped inside their cells."""
    pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtPdf import QPdfDocument

    from reportdesk.exporters import write_pdf

    for name in ("000_730c80e139d75b64", "001_082ea42f41a4a5d8"):
        report = import_document(seed_text(name)).report
        pdf = tmp_path / f"{name}.pdf"
        write_pdf(report, pdf)
        document = QPdfDocument()
        assert document.load(str(pdf)) == QPdfDocument.Error.None_
        text = "\n".join(document.getAllText(i).text() for i in range(document.pageCount()))
        assert "\t" not in text
        path = tmp_path / f"{name}.txt"
        path.write_text(text, "utf-8")
        got = import_document(path).report
        assert (got.agency, got.year, got.format_id, got.date) == (report.agency, report.year, report.format_id, report.date)
        assert got.values == report.values, name
        assert not got.unreadable


def test_part2_header_printed_with_spaces_is_read(tmp_path, seed_text):
    text = seed_text("004_a9dbc25bac2331b1").read_text("utf-8").replace("\t", " ")
    path = tmp_path / "spaced.txt"
    path.write_text(text, "utf-8")
    problems = import_document(path).problems
    assert not any(p.startswith("表二") for p in problems)


def test_header_cells_wrapped_in_a_pdf_are_joined_again():
    from reportdesk.importers.columns import join_wrapped

    labels = ["自然人", "法人或其他组织", "商业企业", "科研机构", "总计", "结果维持"]
    got = join_wrapped(["申请人情况", "自然", "人", "法人或其他组织", "商业 总计", "企业", "科研", "机构", "结果", "维", "持"], labels)
    assert got == ["申请人情况", "自然人", "法人或其他组织", "商业企业", "总计", "科研机构", "结果维持"]
