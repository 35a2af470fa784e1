"""Parts 三 and 四 read by their header labels: an agency's table with its columns in another
order still puts every number in its column (and says so); an unreadable header falls back to the
official order (reported)."""

from __future__ import annotations

import datetime as dt

from tests.helpers import demo
from tests.importers.docx_builder import build_docx

from reportdesk.formats import PART3, PART4, CellRef, cells_of, grid_of
from reportdesk.importers import import_document
from reportdesk.importers.columns import header_order
from reportdesk.model.report import Report


def _distinct(report: Report) -> Report:
    """Every input of parts 三 and 四 a different number, so a misplaced column shows."""
    for i, ref in enumerate(r for r in cells_of(report.format).inputs if r.table in (PART3, PART4)):
        report.values[ref] = i % 97 + 1
    return report


def _col_of(report: Report, table: str, text: str, nth: int = 0) -> int:
    cols = sorted(c.col for c in grid_of(report.format, table).cells if c.text == text and c.ref is None)
    return cols[nth]


def _swap(a: int, b: int) -> dict[int, int]:
    return {a: b, b: a}


def _same_inputs(got: Report, want: Report) -> None:
    for ref in cells_of(want.format).inputs:
        assert got.values[ref] == want.values[ref], ref


def test_part3_columns_in_another_order_are_read_by_label(tmp_path):
    report = _distinct(demo())
    report.date = dt.date(report.year + 1, 1, 20)
    swap = _swap(_col_of(report, PART3, "商业企业"), _col_of(report, PART3, "法律服务机构"))
    swap |= _swap(_col_of(report, PART3, "自然人"), _col_of(report, PART3, "总计"))
    result = import_document(build_docx(report, tmp_path / "p3.docx", swap={PART3: swap}))
    _same_inputs(result.report, report)
    assert not result.report.unreadable
    assert any(p.startswith("表三表头") and "列的顺序与官方格式不同" in p for p in result.problems)
    # printed totals found in their moved column agree with the sums
    assert result.report.printed and all(v == result.report.totals()[ref] for ref, v in result.report.printed.items())


def test_part4_columns_in_another_order_are_read_by_label(tmp_path):
    report = _distinct(demo())
    swap: dict[int, int] = {}
    for nth in range(3):
        swap |= _swap(_col_of(report, PART4, "结果纠正", nth), _col_of(report, PART4, "尚未审结", nth))
    result = import_document(build_docx(report, tmp_path / "p4.docx", swap={PART4: swap}))
    _same_inputs(result.report, report)
    assert any(p.startswith("表四表头") and "列的顺序与官方格式不同" in p for p in result.problems)


def test_official_order_is_not_reported(tmp_path):
    report = _distinct(demo())
    result = import_document(build_docx(report, tmp_path / "o.docx"))
    _same_inputs(result.report, report)
    assert not any("列的顺序" in p for p in result.problems)


def test_text_with_legal_person_columns_in_another_order(tmp_path, seed_text):
    """Text copied from a PDF: the 法人或其他组织 columns in another order are read by label; the
    top level (自然人 · 法人 · 总计), which a PDF prints out of order, keeps the official order."""
    text = seed_text("004_a9dbc25bac2331b1").read_text(encoding="utf-8")
    header = "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"
    assert header in text
    text = text.replace(header, "\t\t科研机构\t商业企业\t社会公益组织\t法律服务机构\t其他\t")
    row = "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1"
    assert row in text
    text = text.replace(row, "一、本年新收政府信息公开申请数量\t\t0\t0\t2\t0\t0\t0\t2")
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    result = import_document(path)
    new = "一、本年新收政府信息公开申请数量"
    assert result.report.values[CellRef(PART3, new, "商业企业")] == 2
    assert result.report.values[CellRef(PART3, new, "科研机构")] == 0
    assert any("列的顺序与官方格式不同" in p for p in result.problems)


def test_header_order_of_pdf_text_keeps_the_official_top_level():
    p3 = demo().format.part3
    header = ["申请人情况", "总计", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert [p[-1] for p in header_order(p3.column_tree.children, header, exact=False)] == p3.columns
    moved = [p[-1] for p in header_order(p3.column_tree.children, header, exact=True)]
    assert moved[0] == "总计" and moved[1:] == p3.columns[:-1]
    assert header_order(p3.column_tree.children, header[:-1], exact=True) is None
