"""Next year's report from last year's: carry-over, baseline, draft prose, zeros, the right format."""

from __future__ import annotations

from tests.helpers import demo, seed

from reportdesk.checks import check_report
from reportdesk.formats import PART2, PART3, CellRef, cells_of
from reportdesk.model.carry import next_year_report
from reportdesk.model.project import load_project, save_project

P3 = demo().format.part3
CARRY_OUT, CARRY_IN = P3.carried_out_row, P3.carried_in_row


def test_carries_agency_carry_over_baseline_and_draft_prose():
    last = demo()
    new = next_year_report(last)
    assert new.year == last.year + 1 and new.format_id == "2021"
    assert (new.agency, new.kind, new.contact) == (last.agency, last.kind, last.contact)
    assert new.signature_agency == last.signature_agency and new.date is None
    assert str(new.year) in new.title and str(new.year) in new.opening
    p3 = new.format.part3
    for col in p3.input_columns:
        assert new.values[CellRef(PART3, CARRY_IN, col)] == last.values[CellRef(PART3, CARRY_OUT, col)]
    carried = {CellRef(PART3, CARRY_IN, c) for c in p3.input_columns}
    assert all(v == 0 for ref, v in new.values.items() if ref not in carried)
    assert set(new.values) == set(cells_of(new.format).inputs)
    assert new.baseline.year == last.year
    stock = CellRef(PART2, "第二十条第（一）项/行政规范性文件", "现行有效件数")
    assert new.baseline.values[stock] == last.values[stock]
    assert [p.text for p in new.parts["一"]] == [p.text for p in last.parts["一"]]
    assert new.draft_parts == {"一", "五", "六"}


def test_draft_prose_is_a_finding_until_reviewed():
    new = next_year_report(demo())
    drafts = [f for f in check_report(new) if f.rule == "PROSE-DRAFT"]
    assert sorted(f.place.part for f in drafts) == ["一", "五", "六"]
    new.draft_parts.discard("一")
    assert sorted(f.place.part for f in check_report(new) if f.rule == "PROSE-DRAFT") == ["五", "六"]
    # editing last year's text does not change last year's report
    new.parts["五"][0].runs[0].text = "改写"
    assert demo().parts["五"][0].runs[0].text != "改写"


def test_baseline_keeps_the_continuity_checks_without_last_years_file():
    last = demo()
    new = next_year_report(last)
    assert not [f for f in check_report(new) if f.rule == "PREV-CARRY-OVER"]
    new.values[CellRef(PART3, CARRY_IN, "自然人")] = 99
    [f] = [f for f in check_report(new) if f.rule == "PREV-CARRY-OVER"]
    assert "99" in f.message
    stock = CellRef(PART2, "第二十条第（一）项/行政规范性文件", "现行有效件数")
    if last.values[stock]:
        assert any(f.rule == "PREV-CONTINUITY" and stock in f.place.cells for f in check_report(new))


def test_survives_save_and_reopen(tmp_path):
    new = next_year_report(demo())
    path = tmp_path / "next.rdproj"
    save_project(new, path)
    again = load_project(path)
    assert again.values == new.values and again.draft_parts == new.draft_parts
    assert again.baseline.values == new.baseline.values


def test_format_switches_when_the_new_year_requires_it():
    last = seed("000_730c80e139d75b64")  # 2020, 2019 format
    p3 = last.format.part3
    for i, column in enumerate(p3.input_columns):  # non-zero, so a carry that did nothing would show
        last.values[CellRef(PART3, p3.carried_out_row, column)] = i + 2
    new = next_year_report(last)
    assert (new.year, new.format_id) == (2021, "2021")
    n3 = new.format.part3
    assert [new.values[CellRef(PART3, n3.carried_in_row, c)] for c in n3.input_columns] == [
        i + 2 for i in range(len(p3.input_columns))
    ]
    assert set(new.values) == set(cells_of(new.format).inputs)
    assert not [f for f in check_report(new) if f.rule in ("FORMAT-YEAR", "PREV-CARRY-OVER", "PREV-CONTINUITY")]
    assert next_year_report(last, year=2020).format_id == "2019"


def test_carry_over_from_an_imported_report():
    new = next_year_report(seed("001_082ea42f41a4a5d8"))  # 2023: 结转下年度 自然人 1
    assert new.values[CellRef(PART3, CARRY_IN, "自然人")] == 1
    assert new.year == 2024 and new.agency == "石嘴山市投资促进局"
