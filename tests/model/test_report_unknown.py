"""Unknown in the model: derived totals, carry to next year, the interchange JSON and the project file."""

from __future__ import annotations

import json
from decimal import Decimal

from tests.helpers import seed

from reportdesk.checks import check_report
from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.model.carry import next_year_report
from reportdesk.model.interchange import UNKNOWN_TOTAL, from_interchange, to_interchange
from reportdesk.model.project import dumps_project, project_to_report

SEED_2023 = "001_082ea42f41a4a5d8"  # 新收 自然人 2, 予以公开 自然人 1, 结转 自然人 1
NEW = "一、本年新收政府信息公开申请数量"
DISCLOSED = CellRef(PART3, "三、本年度办理结果/（一）予以公开", "自然人")
CARRIED_OUT = CellRef(PART3, "四、结转下年度继续办理", "自然人")
RESULT_TOTAL = CellRef(PART3, "三、本年度办理结果/（七）总计", "自然人")
ROW_TOTAL = CellRef(PART3, "三、本年度办理结果/（一）予以公开", "总计")


def knocked(*refs, why="原文未找到此行"):
    r = seed(SEED_2023)
    for ref in refs:
        r.values[ref] = None
        r.unreadable[ref] = why
    return r


def test_totals_over_an_unknown_cell_are_unknown_not_a_sum_with_zero():
    r = knocked(DISCLOSED)
    totals = r.totals()
    assert totals[RESULT_TOTAL] is None and totals[ROW_TOTAL] is None
    assert r.value(RESULT_TOTAL) is None and r.is_unknown(RESULT_TOTAL)
    other = CellRef(PART3, NEW, "总计")
    assert totals[other] == r.value(other) == 2 and not r.is_unknown(other)
    assert r.part3("三、本年度办理结果/（七）总计", "自然人") is None
    assert r.part3(NEW, "总计") == 2


def test_typing_the_cell_makes_the_totals_known_again():
    r = knocked(DISCLOSED)
    r.set(DISCLOSED, 1)
    assert r.totals()[RESULT_TOTAL] == 1 and not r.is_unknown(RESULT_TOTAL)


def test_blank_cells_still_count_as_zero_in_totals():
    r = seed(SEED_2023)
    r.values[DISCLOSED] = None
    assert r.totals()[RESULT_TOTAL] == 0


def test_carry_unknown_carried_out_becomes_unknown_carried_in():
    last = knocked(CARRIED_OUT, why="“l”（不是数字）")
    new = next_year_report(last)
    carried_in = CellRef(PART3, new.format.part3.carried_in_row, "自然人")
    assert new.values[carried_in] is None and new.is_unknown(carried_in)
    assert "“l”（不是数字）" in new.unreadable[carried_in] and "2023" in new.unreadable[carried_in]
    other = CellRef(PART3, new.format.part3.carried_in_row, "其他")
    assert new.values[other] == 0 and not new.is_unknown(other)
    assert new.baseline is not None and new.baseline.is_unknown(CARRIED_OUT)
    assert not new.baseline.is_unknown(CellRef(PART3, CARRIED_OUT.row, "其他"))


def test_carry_known_value_is_carried():
    new = next_year_report(seed(SEED_2023))
    assert new.values[CellRef(PART3, new.format.part3.carried_in_row, "自然人")] == 1
    assert not new.unreadable and new.baseline is not None and not new.baseline.unreadable


def test_interchange_writes_unknown_apart_from_blank_and_reads_it_back():
    r = knocked(DISCLOSED, why="“l”（不是数字）")
    blank = CellRef(PART3, NEW, "其他")
    r.values[blank] = None
    data = json.loads(json.dumps(to_interchange(r), ensure_ascii=False), parse_float=Decimal)
    row, col = DISCLOSED.row, DISCLOSED.col
    assert data["tables"][PART3][row][col] is None  # old consumers: no number, never 0
    assert data["tables"][PART3][RESULT_TOTAL.row][RESULT_TOTAL.col] is None
    assert data["unknown"][PART3][row][col] == "“l”（不是数字）"
    assert data["unknown"][PART3][RESULT_TOTAL.row][RESULT_TOTAL.col] == UNKNOWN_TOTAL
    assert blank.row not in data["unknown"][PART3]
    back = from_interchange(data)
    assert back.unreadable == {DISCLOSED: "“l”（不是数字）"}
    assert back.values[DISCLOSED] is None and back.values[blank] is None and not back.is_unknown(blank)
    assert back.totals() == r.totals()


def test_interchange_without_unknown_has_no_key():
    assert "unknown" not in to_interchange(seed(SEED_2023))


def test_interchange_unknown_wins_over_a_value_and_ignores_totals():
    data = to_interchange(seed(SEED_2023))
    data["unknown"] = {PART3: {DISCLOSED.row: {"自然人": "原表未分列", "总计": "x"}}}
    r = from_interchange(data)
    assert r.unreadable == {DISCLOSED: "原表未分列"} and r.values[DISCLOSED] is None


def test_project_round_trip_keeps_unknown_cells_and_baseline_unknown():
    last = knocked(CARRIED_OUT, why="“l”（不是数字）")
    r = next_year_report(last)
    r.values[CellRef(PART3, NEW, "其他")] = None  # a blank beside
    back = project_to_report(json.loads(dumps_project(r), parse_float=Decimal))
    assert back.unreadable == r.unreadable and back.unreadable
    assert back.baseline is not None and back.baseline.unreadable == {CARRIED_OUT: "“l”（不是数字）"}
    assert back.values[CellRef(PART3, NEW, "其他")] is None
    assert [f.rule for f in check_report(back)] == [f.rule for f in check_report(r)]


def test_every_input_is_value_or_unknown_after_round_trip():
    r = knocked(*[ref for ref in cells_of(seed(SEED_2023).format).inputs if ref.table == PART3][:10])
    back = from_interchange(json.loads(json.dumps(to_interchange(r), ensure_ascii=False), parse_float=Decimal))
    assert set(back.unreadable) == set(r.unreadable)


def test_interchange_total_over_unknown_is_not_read_as_printed_blank():
    r = knocked(DISCLOSED)
    back = from_interchange(json.loads(json.dumps(to_interchange(r), ensure_ascii=False), parse_float=Decimal))
    assert RESULT_TOTAL not in back.printed and ROW_TOTAL not in back.printed
    assert "CELL-BLANK" not in {f.rule for f in check_report(back)}


def test_published_is_what_reading_a_document_gives():
    assert seed(SEED_2023).published  # printed totals
    written = next_year_report(knocked(CARRIED_OUT))
    assert written.unreadable and not written.published  # carried unknown: still the clerk's report
    summary = knocked(DISCLOSED)
    summary.printed, summary.sources = {}, ["甲局（a.docx）"]
    assert not summary.published
    summary.sources = []
    assert summary.published  # unknown cells with nothing carried: read from a document
