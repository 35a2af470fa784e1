"""汇总: sums right, refuses mixed formats, lists missing agencies, writes an ordinary project."""

from __future__ import annotations

from decimal import Decimal

import pytest
from review_gen import agency_name, make_report, write_set, year_pair

from reportdesk.checks import check_report
from reportdesk.formats import PART2, PART3, PART4, CellRef, ValueKind, cells_of
from reportdesk.loading import load_report
from reportdesk.model.values import Money
from reportdesk.review.aggregate import AggregateError, aggregate, load_sources, read_expected
from reportdesk.review.figures import key_figures


def _sources(reports):
    return [(f"{i}.rdproj", r) for i, r in enumerate(reports)]


@pytest.mark.parametrize("year", [2020, 2025])
def test_every_input_cell_is_the_sum_of_the_sources(year):
    reports = [make_report(agency_name(i), year, seed=i) for i in range(12)]
    summary = aggregate(_sources(reports), agency="青禾县人民政府").report
    fc = cells_of(summary.format)
    assert summary.format_id == reports[0].format_id and summary.year == year and summary.kind == "government"
    for ref in fc.inputs:
        kind = fc.kinds[ref]
        got = summary.values[ref]
        if kind is ValueKind.MONEY:
            assert got == Money(sum(r.values[ref].amount for r in reports), "万元")
        else:
            assert got == sum(r.values[ref] for r in reports), ref
            assert isinstance(got, Decimal if kind is ValueKind.WAN_YUAN else int)
    for name, value in vars(key_figures(summary)).items():
        assert value == sum(getattr(key_figures(r), name) for r in reports)
    # sums of consistent tables are consistent: no table error in the summary
    table_rules = {f.rule for f in check_report(summary) if f.place.part in (PART2, PART3, PART4)}
    assert table_rules == set()
    assert summary.sources == [f"{r.agency}（{i}.rdproj）" for i, r in enumerate(reports)]


def test_money_in_different_units_is_added_in_yuan():
    a, b = make_report("甲局", 2020, seed=1), make_report("乙局", 2020, seed=2)
    ref = next(r for r, k in cells_of(a.format).kinds.items() if k is ValueKind.MONEY)
    a.values[ref] = Money(Decimal("1.5"), "万元")
    b.values[ref] = Money(Decimal(300), "元")
    assert aggregate(_sources([a, b])).report.values[ref] == Money(Decimal(15300), "元")


def test_mixed_formats_years_and_duplicates_are_refused():
    a = make_report("甲局", 2021, seed=1)
    b = make_report("乙局", 2021, seed=2, format_id="2019")
    with pytest.raises(AggregateError, match=r"格式不一致.*2021 年格式 1 份.*2019 年格式 1 份"):
        aggregate(_sources([a, b]))
    with pytest.raises(AggregateError, match="年度不一致"):
        aggregate(_sources([a, make_report("乙局", 2022, seed=2)]))
    with pytest.raises(AggregateError, match="不止一份"):
        aggregate(_sources([a, make_report("甲 局", 2021, seed=2)]))


def test_expected_agencies_missing_and_unexpected(tmp_path):
    reports = [make_report(agency_name(i), 2025, seed=i) for i in range(5)]
    listing = tmp_path / "agencies.txt"
    names = ["# 青禾县应报部门", *(agency_name(i) for i in range(1, 7)), ""]
    names[1] = names[1].replace("青禾县", "青禾县 ")  # spacing differs from the report: still matched
    listing.write_text("\n".join(names), "utf-8-sig")
    expected = read_expected(listing)
    assert len(expected) == 6
    s = aggregate(_sources(reports), expected=expected)
    assert s.missing == [agency_name(5), agency_name(6)]
    assert s.unexpected == [agency_name(0)]
    listing.write_bytes("\n".join(agency_name(i) for i in range(5)).encode("gbk"))
    assert aggregate(_sources(reports), expected=read_expected(listing)).missing == []


def test_the_summary_carries_last_years_baseline_when_every_source_does():
    last, now = year_pair(4, 2025)
    from reportdesk.model.report import Baseline

    for a, b in zip(last, now, strict=True):
        b.baseline = Baseline(a.year, a.format_id, {ref: a.value(ref) for ref in cells_of(a.format).inputs})
    summary = aggregate(_sources(now)).report
    p3 = summary.format.part3
    came = CellRef(PART3, p3.carried_out_row, p3.input_columns[0])
    assert summary.baseline.values[came] == sum(a.values[came] for a in last)
    assert not [f for f in check_report(summary) if f.rule.startswith("PREV-")]


def test_unreadable_sources_stop_the_summary(tmp_path):
    files = write_set(tmp_path, [make_report("甲局", 2025, seed=1)])
    (tmp_path / "b.rdproj").write_text("{", "utf-8")
    with pytest.raises(AggregateError, match="1 个文件无法读取"):
        load_sources([*files, tmp_path / "b.rdproj"])
    assert load_report(files[0]).agency == "甲局"


def test_documents_that_cannot_be_read_are_named(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"not a word document")
    with pytest.raises(AggregateError, match=r"(?s)1 个文件无法读取.*x\.docx"):
        load_sources([tmp_path / "x.docx"])


def test_a_summary_without_agency_leaves_the_name_to_the_clerk():
    summary = aggregate(_sources([make_report("甲局", 2025, seed=1), make_report("乙局", 2025, seed=2)])).report
    assert summary.agency == "" and summary.title == "2025年政府信息公开工作年度报告"
    assert "SIGNATURE-MISSING" in {f.rule for f in check_report(summary)}
