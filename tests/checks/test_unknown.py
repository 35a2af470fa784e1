"""Unknown is not zero in the checks: a cell reading could not take in never becomes an arithmetic
error, a missing table or a blank cell; the rules that need it say once per table that they could
not be checked, and what reading lost is a reading note (读取说明), not counted against the report.

The reports are the published seeds (typed from the real documents) with cells knocked out to
unknown, as a reader that failed on them would leave them.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from tests.helpers import demo, seed

from reportdesk.checks import Severity, check_report, count
from reportdesk.formats import PART2, PART3, PART4, CellRef, cells_of
from reportdesk.model.report import Baseline

SEED_2023 = "001_082ea42f41a4a5d8"  # 石嘴山市投资促进局 2023, 2021 format: 新收 2, 予以公开 1, 结转 1
DISCLOSED = CellRef(PART3, "三、本年度办理结果/（一）予以公开", "自然人")
CARRIED_OUT = CellRef(PART3, "四、结转下年度继续办理", "自然人")
CARRIED_IN = CellRef(PART3, "二、上年结转政府信息公开申请数量", "自然人")
ARITHMETIC = {"T3-IDENTITY", "T3-RESULT-TOTAL", "T3-ROW-TOTAL", "T4-TOTAL", "CELL-BLANK", "TABLE-MISSING"}


def knock_out(report, *refs, why="“l”（不是数字）"):
    for ref in refs:
        report.values[ref] = None
        report.unreadable[ref] = why
    return report


def by_rule(findings):
    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(f.rule, []).append(f)
    return out


def test_seed_cell_as_zero_would_be_three_arithmetic_errors():
    """The control: the same cell read as 0 (the old behaviour) is three errors in a correct report."""
    r = seed(SEED_2023)
    r.values[DISCLOSED] = 0
    assert {"T3-IDENTITY", "T3-RESULT-TOTAL", "T3-ROW-TOTAL"} <= set(by_rule(check_report(r)))


def test_unknown_cell_is_one_warning_and_one_reading_note_not_an_arithmetic_error():
    r = knock_out(seed(SEED_2023), DISCLOSED)
    found = by_rule(check_report(r))
    assert not ARITHMETIC & set(found)
    [unchecked] = found["TABLE-UNCHECKED"]
    assert unchecked.severity is Severity.WARNING
    assert unchecked.place.part == PART3 and unchecked.place.cells == (DISCLOSED,)
    assert "予以公开" in unchecked.message and "自然人" in unchecked.message
    assert "新收 + 上年结转 = 办理结果总计 + 结转下年度" in unchecked.message  # the identity was skipped
    assert "印出的合计" in unchecked.message  # and the printed totals over it
    [note] = found["CELL-UNREADABLE"]
    assert note.severity is Severity.READ and "“l”（不是数字）" in note.message
    before = count(check_report(seed(SEED_2023)))
    assert count(check_report(r)) == (before[0], before[1] + 1)  # the reading note is not counted


def test_many_unknown_cells_one_finding_per_table_not_a_cascade():
    r = seed(SEED_2023)
    fc = cells_of(r.format)
    part3 = [ref for ref in fc.inputs if ref.table == PART3]
    part4 = [ref for ref in fc.inputs if ref.table == PART4]
    knock_out(r, *part3[:40], *part4)
    found = by_rule(check_report(r))
    assert not ARITHMETIC & set(found)
    assert sorted(f.place.part for f in found["TABLE-UNCHECKED"]) == [PART3, PART4]
    assert sorted(f.place.part for f in found["CELL-UNREADABLE"]) == [PART3, PART4]
    t3 = next(f for f in found["TABLE-UNCHECKED"] if f.place.part == PART3)
    assert "40 个单元格" in t3.message and "等共 40 个" in t3.message


def test_whole_table_unknown_is_not_table_missing_but_a_blank_table_still_is():
    r = seed(SEED_2023)
    part4 = [ref for ref in cells_of(r.format).inputs if ref.table == PART4]
    knock_out(r, *part4)
    r.printed = {k: v for k, v in r.printed.items() if k.table != PART4}
    assert "TABLE-MISSING" not in by_rule(check_report(r))
    for ref in part4:  # the document really has no numbers there
        r.unreadable.pop(ref)
    assert "TABLE-MISSING" in by_rule(check_report(r))


def test_blank_cells_beside_unknown_ones_are_still_blank():
    r = knock_out(seed(SEED_2023), DISCLOSED)
    blank = CellRef(PART4, "行政复议", "其他结果")
    r.values[blank] = None
    [f] = by_rule(check_report(r))["CELL-BLANK"]
    assert f.place.cells == (blank,)


def test_printed_total_over_unknown_is_not_compared_but_others_still_are():
    r = knock_out(seed(SEED_2023), DISCLOSED)
    wrong = CellRef(PART4, "行政复议", "总计")
    r.printed[wrong] = 7
    found = by_rule(check_report(r))
    assert [f.place.cells[0] for f in found["T4-TOTAL"]] == [wrong]
    assert "T3-RESULT-TOTAL" not in found and "T3-ROW-TOTAL" not in found


def test_identity_still_checked_in_the_columns_without_unknown():
    r = knock_out(seed(SEED_2023), DISCLOSED)
    r.values[CellRef(PART3, "一、本年新收政府信息公开申请数量", "其他")] = 3
    [f] = by_rule(check_report(r))["T3-IDENTITY"]
    assert "“其他”列" in f.message


# ---------------------------------------------------------------- across years


def _previous_of(report):
    prev = copy.deepcopy(report)
    prev.year -= 1
    prev.baseline = None
    report.baseline = None
    return prev


def test_carry_over_with_unknown_last_year_says_it_could_not_compare():
    r = seed(SEED_2023)
    prev = _previous_of(r)
    prev.values[CARRIED_OUT] = r.values[CARRIED_IN] = 4
    assert "PREV-CARRY-OVER" not in by_rule(check_report(r, prev))
    knock_out(prev, CARRIED_OUT)
    found = by_rule(check_report(r, prev))
    assert "PREV-CARRY-OVER" not in found
    [f] = found["PREV-UNCOMPARED"]
    assert f.severity is Severity.WARNING and "2022年报告" in f.message and "自然人" in f.message


def test_carry_over_with_unknown_this_year_says_it_could_not_compare():
    r = seed(SEED_2023)
    prev = _previous_of(r)
    prev.values[CARRIED_OUT] = 4
    knock_out(r, CARRIED_IN)
    found = by_rule(check_report(r, prev))
    assert "PREV-CARRY-OVER" not in found
    assert "本年报告" in found["PREV-UNCOMPARED"][0].message


def test_continuity_with_unknown_baseline_says_it_could_not_compare():
    r = demo()
    in_force = CellRef(PART2, "第二十条第（一）项/行政规范性文件", "现行有效件数")
    b = r.baseline
    assert b is not None and "PREV-CONTINUITY" not in by_rule(check_report(r))
    r.baseline = Baseline(b.year, b.format_id, {**b.values, in_force: None}, {in_force: "原文未找到此行"})
    found = by_rule(check_report(r))
    assert "PREV-CONTINUITY" not in found
    [f] = found["PREV-UNCOMPARED"]
    assert "现行有效件数" in f.message and f.place.cells == (in_force,)
    assert count([f]) == (0, 1)


def test_last_year_in_the_other_format_is_said():
    r = seed(SEED_2023)
    prev = _previous_of(r)
    prev.format_id = "2019"
    found = by_rule(check_report(r, prev))
    [f] = found["PREV-FORMAT"]
    assert "2019年格式" in f.message and "未核对" in f.message


# ---------------------------------------------------------------- parts, signature, format


def test_published_report_with_no_prose_read_is_a_reading_note_not_three_empty_parts():
    r = seed(SEED_2023)
    for part in r.parts:
        r.parts[part] = []
    found = by_rule(check_report(r))
    assert "PART-EMPTY" not in found
    [f] = found["PART-UNREAD"]
    assert f.severity is Severity.READ


def test_one_part_lost_by_the_reader_is_a_reading_note_one_really_empty_is_part_empty():
    r = seed(SEED_2023)
    r.parts["五"] = []
    r.parts["六"] = []
    r.read_notes.append(("第五部分", "原文中未找到此部分的标题"))
    found = by_rule(check_report(r))
    assert [f.place.part for f in found["PART-EMPTY"]] == ["六"]
    assert [f.place.part for f in found["PART-UNREAD"]] == ["五"]


def test_written_report_with_no_prose_is_still_part_empty():
    r = demo()
    for part in r.parts:
        r.parts[part] = []
    assert len(by_rule(check_report(r))["PART-EMPTY"]) == 3


def test_published_report_without_signature_is_a_warning_a_written_one_an_error():
    published = seed("004_a9dbc25bac2331b1")  # ends after part 六, no signature or date
    found = by_rule(check_report(published))
    assert found["SIGNATURE-MISSING"][0].severity is Severity.WARNING
    assert found["DATE-MISSING"][0].severity is Severity.WARNING
    written = demo()
    written.signature_agency, written.date = "", None
    found = by_rule(check_report(written))
    assert found["SIGNATURE-MISSING"][0].severity is Severity.ERROR
    assert found["DATE-MISSING"][0].severity is Severity.ERROR


def test_format_contradiction_is_one_finding_naming_both():
    r = seed("000_730c80e139d75b64")  # 2020, 2019 format
    r.year, r.date = 2023, dt.date(2024, 1, 20)
    r.title = r.title.replace("2020", "2023")
    r.opening = r.opening.replace("2020", "2023")
    r.read_notes.append(("报告格式", "表格标签为2019年格式（“（六）其他处理”未分列），已按2019年格式读取"))
    found = by_rule(check_report(r))
    [f] = found["FORMAT-YEAR"]
    assert "2021" in f.message and "2019" in f.message and "已按2019年格式读取" in f.message
    assert "READ-NOTE" not in found


def test_format_note_when_the_year_format_was_kept_is_still_one_finding():
    r = seed(SEED_2023)
    r.read_notes.append(("报告格式", "表格中有“（六）其他处理”一行未分列，像2019年格式"))
    found = by_rule(check_report(r))
    [f] = found["FORMAT-YEAR"]
    assert f.severity is Severity.WARNING and "2019" in f.message and "已按此读取" in f.message
    assert "READ-NOTE" not in found


def test_reading_notes_are_not_counted():
    r = demo()
    assert count(check_report(r)) == (0, 0)
    r.read_notes.append(("表三", "“社会组织”按“社会公益组织”读取"))
    findings = check_report(r)
    assert [f.severity for f in findings] == [Severity.READ]
    assert count(findings) == (0, 0)


# ---------------------------------------------------------------- every rule over cells, with its cells unknown

_NEW, _TOTAL, _OUT = "一、本年新收政府信息公开申请数量", "三、本年度办理结果/（七）总计", "四、结转下年度继续办理"
_IN_FORCE = CellRef(PART2, "第二十条第（一）项/行政规范性文件", "现行有效件数")


def _prev(mutate):
    def make(r):
        prev = copy.deepcopy(r)
        prev.year -= 1
        prev.baseline = r.baseline = None
        mutate(prev)
        return prev

    return make


# rule -> (how the demo breaks it, the cells whose being unknown must silence it, what says so instead)
EVERY_RULE = {
    "T3-IDENTITY": (
        lambda r: r.values.__setitem__(CellRef(PART3, _NEW, "自然人"), 47),
        [CellRef(PART3, _NEW, "自然人")],
        "TABLE-UNCHECKED",
    ),
    "T3-RESULT-TOTAL": (
        lambda r: r.printed.__setitem__(CellRef(PART3, _TOTAL, "自然人"), 40),
        [CellRef(PART3, "三、本年度办理结果/（一）予以公开", "自然人")],
        "TABLE-UNCHECKED",
    ),
    "T3-ROW-TOTAL": (
        lambda r: r.printed.__setitem__(CellRef(PART3, _NEW, "总计"), 61),
        [CellRef(PART3, _NEW, "其他")],
        "TABLE-UNCHECKED",
    ),
    "T4-TOTAL": (
        lambda r: r.printed.__setitem__(CellRef(PART4, "行政复议", "总计"), 4),
        [CellRef(PART4, "行政复议", "结果维持")],
        "TABLE-UNCHECKED",
    ),
    "CELL-BLANK": (
        lambda r: r.values.__setitem__(CellRef(PART4, "行政复议", "其他结果"), None),
        [CellRef(PART4, "行政复议", "其他结果")],
        "TABLE-UNCHECKED",
    ),
    "TABLE-MISSING": (
        lambda r: [r.values.__setitem__(k, None) for k in list(r.values) if k.table == PART4],
        [k for k in cells_of(demo().format).inputs if k.table == PART4],
        "TABLE-UNCHECKED",
    ),
    "CELL-VALUE": (
        lambda r: r.values.__setitem__(CellRef(PART2, "第二十条第（六）项/行政处罚", "本年处理决定数量"), -3),
        [CellRef(PART2, "第二十条第（六）项/行政处罚", "本年处理决定数量")],
        "TABLE-UNCHECKED",
    ),
    "PREV-CARRY-OVER": (
        _prev(lambda p: p.values.__setitem__(CellRef(PART3, _OUT, "自然人"), 5)),
        [CellRef(PART3, "二、上年结转政府信息公开申请数量", "自然人")],
        "PREV-UNCOMPARED",
    ),
    "PREV-CONTINUITY": (_prev(lambda p: p.values.__setitem__(_IN_FORCE, 20)), [_IN_FORCE], "PREV-UNCOMPARED"),
}


def test_every_rule_over_cells_is_listed():
    from reportdesk.checks.catalogue import RULES

    assert set(EVERY_RULE) <= set(RULES)


@pytest.mark.parametrize("rule", sorted(EVERY_RULE))
def test_rule_with_its_cells_unknown_says_it_could_not_check(rule):
    breaks, unknown, instead = EVERY_RULE[rule]
    r = demo()
    previous = breaks(r)
    previous = previous if hasattr(previous, "values") else None
    assert rule in by_rule(check_report(r, previous))  # the case does break the rule
    for ref in unknown:
        r.values[ref] = None
        r.unreadable[ref] = "原文未找到此行"
    found = by_rule(check_report(r, previous))
    assert rule not in found
    assert len(found[instead]) == 1 and found[instead][0].severity is Severity.WARNING
    assert not ARITHMETIC & set(found)


def test_money_unit_rule_skips_an_unknown_amount():
    from reportdesk.model.report import new_report

    r = new_report("某局", 2020)
    ref = CellRef(PART2, "第二十条第（九）项/政府集中采购", "采购总金额")
    r.values[ref] = None
    r.unreadable[ref] = "“二十五万”（不是数字）"
    found = by_rule(check_report(r))
    assert "CELL-MONEY-UNIT" not in found and "CELL-VALUE" not in found
    assert [f.place.part for f in found["TABLE-UNCHECKED"]] == [PART2]
