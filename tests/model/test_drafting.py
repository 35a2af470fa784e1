"""Statistics paragraphs drafted from the tables (issue #16): right numbers, adding up, re-read without finding."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies import valid_reports

from reportdesk.checks import check_report
from reportdesk.formats import PART2, PART3, PART4, CellRef
from reportdesk.loading import load_report
from reportdesk.model.drafting import DraftError, draft_part, short_label, stale_cells
from reportdesk.model.prose import Paragraph
from reportdesk.paths import demo_report_path


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_demo_part3_in_the_register_of_real_reports():
    report = load_report(demo_report_path())
    text = draft_part(report, PART3).text
    p3 = report.format.part3
    total = p3.total_column
    new = report.value(CellRef(PART3, p3.new_row, total))
    done = report.value(CellRef(PART3, p3.total_row, total))
    assert text.startswith(f"本年度共新收政府信息公开申请{new}件")
    assert f"办结{done}件，其中予以公开" in text and text.endswith("件。")


def test_short_labels_come_from_the_declaration():
    report = load_report(demo_report_path())
    p3 = report.format.part3
    tops = {r.split("/")[1] for r in p3.result_rows}
    assert {short_label(t) for t in tops} == {"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"}


def test_year_over_year_change():
    report = load_report(demo_report_path())
    last = load_report(demo_report_path())
    p3 = report.format.part3
    ref = CellRef(PART3, p3.new_row, p3.input_columns[0])
    last.set(ref, report.value(ref) - 10)  # last year: 10 fewer new applications
    new = report.value(CellRef(PART3, p3.new_row, p3.total_column))
    text = draft_part(report, PART3, previous=last).text
    assert f"较上年增加10件、增长{10 * 100 / (new - 10):.1f}%" in text


def test_changed_cell_flags_the_sentence():
    report = load_report(demo_report_path())
    draft = draft_part(report, PART4)
    assert stale_cells(report, draft) == []
    p4 = report.format.part4
    ref = CellRef(PART4, p4.review_group, p4.columns_of(p4.review_group)[0])
    report.set(ref, report.value(ref) + 1)
    changed = stale_cells(report, draft)
    assert ref in changed and CellRef(PART4, p4.review_group, p4.total_column) in changed


def test_unknown_cells_are_never_drafted_as_numbers():
    report = load_report(demo_report_path())
    p3 = report.format.part3
    ref = CellRef(PART3, p3.result_rows[0], p3.input_columns[0])
    report.values[ref] = None
    report.unreadable[ref] = "“l2”（不是数字）"
    with pytest.raises(DraftError, match="未知"):
        draft_part(report, PART3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports())
def test_drafted_sentences_add_up_and_reread_without_finding(report):
    for part in (PART2, PART3, PART4):
        text = draft_part(report, part).text
        # the figures listed after 其中 add up to the figure before it
        for head, items in re.findall(r"(\d+)件，其中([^；。]+)", text):
            assert sum(_numbers(items)) == int(head), text
        report.parts[part] = [Paragraph.from_markup(text)]
    # the paragraph part 一 usually repeats (一（二）依申请公开) says the same
    report.parts["一"] = [Paragraph.from_markup(draft_part(report, PART3).text)]
    prose = [f for f in check_report(report) if f.rule.startswith("PROSE")]
    assert prose == [], [f.message for f in prose]
