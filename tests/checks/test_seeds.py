"""The five published seed reports, typed in by hand: their real defects are found, nothing else.

Defects that only a reader of the document can see (a label spelt `社会组织`, cells lost from a
garbled header) belong to the importer's tests; here the report is as a careful clerk typed it.
"""

from __future__ import annotations

import pytest
from tests.helpers import SEED_NAMES, seed

from reportdesk.checks import check_report
from reportdesk.formats import PART4, CellRef

EXPECTED = {
    # 银川市投资促进局 2020: part 一 says 72 条 were published, its own list adds up to 73.
    "000_730c80e139d75b64": {"PROSE-SUM"},
    # 石嘴山市投资促进局 2023: no signature and no date; part 五's heading lacks “的”.
    "001_082ea42f41a4a5d8": {"SIGNATURE-MISSING", "DATE-MISSING", "PART-HEADING"},
    # 中卫市工业和信息化局 2020: dated 2020年1月26日, inside its own reporting year; part 四 leaves
    # the five 行政复议 cells blank.
    "002_7afa714d70970faa": {"DATE-IN-YEAR", "CELL-BLANK"},
    # 澄江市投资促进局 2020: no opening paragraph; part 二's heading lacks “二、”.
    "003_bce8275da3ca3d23": {"OPENING-MISSING", "PART-HEADING"},
    # 银川市西夏区审批服务管理局 2020: ends after part 六 with no signature or date; part 一 says 116
    # 个 projects, its own list (26、37、87) adds up to 150.
    "004_a9dbc25bac2331b1": {"SIGNATURE-MISSING", "DATE-MISSING", "PROSE-SUM"},
}


def test_all_five_seeds_are_covered():
    assert sorted(EXPECTED) == SEED_NAMES


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_defects_found_and_nothing_else(name):
    findings = check_report(seed(name))
    assert {f.rule for f in findings} == EXPECTED[name]
    assert len(findings) == len(EXPECTED[name])  # one finding per defect, no repeats


def test_blank_review_cells_are_placed_on_the_cells():
    [f] = [f for f in check_report(seed("002_7afa714d70970faa")) if f.rule == "CELL-BLANK"]
    assert f.place.part == "四"
    assert {c for c in f.place.cells} == {
        CellRef(PART4, "行政复议", c) for c in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    }


def test_date_inside_the_year_names_the_date_and_window():
    [f] = [f for f in check_report(seed("002_7afa714d70970faa")) if f.rule == "DATE-IN-YEAR"]
    assert "2020年1月26日" in f.message and "2021年1月31日" in f.message


def test_seed_prose_agrees_with_its_tables():
    """000 says 受理 1 件; 002 says 未收到 any application and no 复议/诉讼: all agree with the tables."""
    from reportdesk.checks.prose_claims import STATEMENTS
    from reportdesk.checks.prose_reading import claims

    stated = [(c.quantity, c.number) for p in seed("000_730c80e139d75b64").parts["一"] for c in claims(p.text)]
    assert stated == [("new", 1)]
    text = "".join(p.text for p in seed("002_7afa714d70970faa").parts["一"])
    said = {st.name for st in STATEMENTS if st.pattern.search(text)}
    assert said == {"未收到政府信息公开申请", "未发生行政复议或行政诉讼"}
