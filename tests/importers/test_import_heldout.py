"""A real report's stored page text that the reader was not built on (tests/fixtures/heldout/SOURCE.md).

It has no title and no opening: the statistics period is stated at the start of part 一, and the
excerpt ends inside row 7 of part 三. Expected values typed from the text by eye."""

from __future__ import annotations

from pathlib import Path

from reportdesk.formats import cells_of
from reportdesk.importers import import_document

EXCERPT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout" / "lg-2024-excerpt.txt"


def _by_label(report, table: str) -> dict[str, list]:
    rows: dict[str, list] = {}
    for ref in cells_of(report.format).inputs:
        if ref.table == table:
            rows.setdefault(ref.describe().split("行“")[0], []).append(
                "?" if report.is_unknown(ref) else report.values.get(ref))
    return rows


def test_a_report_stating_its_period_in_part_one_is_read_and_nothing_wrong():
    report = import_document(EXCERPT).report
    assert report.year == 2024 and report.format_id == "2021"  # was: 无法识别报告年度 (no title, no opening)
    assert report.title == ""  # none printed: unknown, not invented
    part2 = [report.values.get(ref) for ref in cells_of(report.format).inputs if ref.table == "二"]
    assert part2 == [0, 0, 0, 5, 1, 25, 0, 0, 0, 0]
    rows = _by_label(report, "三")
    expected = {
        "一、本年新收政府信息公开申请数量": [58, 7, 0, 0, 1, 0],
        "二、上年结转政府信息公开申请数量": [2, 0, 0, 0, 0, 0],
        "（一）予以公开": [2, 1, 0, 0, 0, 0],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [16, 1, 0, 0, 0, 0],
        "5.属于三类内部事务信息": [1, 0, 0, 0, 0, 0],
        "6.属于四类过程性信息": [0] * 6,
        "7.属于行政执法案卷": ["?"] * 6,  # six numbers printed for seven columns: which is which is unknown
        "8.属于行政查询事项": ["?"] * 6,  # beyond the excerpt
    }
    for label, values in expected.items():
        assert rows["表三“" + label + "”"] == values, label


def test_an_opening_run_into_the_title_is_kept():
    """丽水市's page prints “2024年丽水市政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》编制并向社会公布。…”
    on one line: the title is read, and the rest of the line is the opening (it was dropped)."""
    report = import_document(EXCERPT.with_name("lishui-2024-excerpt.txt")).report
    assert (report.title, report.agency, report.year) == ("2024年丽水市政府信息公开工作年度报告", "丽水市", 2024)
    assert report.opening.startswith("根据《中华人民共和国政府信息公开条例》编制并向社会公布。")
    assert "统计期限为2024年1月1日至12月31日" in report.opening
