"""Every rule of the checks engine has a failing case (here) and a passing case (the demo)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from tests.checks.test_prose_rules import PROSE_CASES
from tests.helpers import demo

from reportdesk.checks import Severity, check_report
from reportdesk.checks.catalogue import RULES
from reportdesk.formats import FORMAT_2019, PART2, PART3, PART4, CellRef
from reportdesk.model.prose import Paragraph, paragraphs_from_text
from reportdesk.model.report import GOVERNMENT, new_report
from reportdesk.model.values import Money

NEW = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
DISCLOSED = "三、本年度办理结果/（一）予以公开"
TOTAL = "三、本年度办理结果/（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"
IN_FORCE = CellRef(PART2, "第二十条第（一）项/行政规范性文件", "现行有效件数")


def rules(report, previous=None) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check_report(report, previous):
        out.setdefault(f.rule, []).append(f)
    return out


def test_demo_is_clean():
    assert check_report(demo()) == []


def _to_2019(r):
    r.format_id = "2021"
    r.year = 2020
    r.title = r.title.replace("2025", "2020")
    r.opening = r.opening.replace("2025", "2020")
    r.date = dt.date(2021, 1, 20)
    r.baseline = None


def _with_previous(mutate_prev):
    def make(r):
        prev = copy.deepcopy(r)
        prev.year -= 1
        prev.baseline = None
        mutate_prev(prev)
        r.baseline = None
        return prev

    return make


def _carry_mismatch(prev):
    prev.values[CellRef(PART3, CARRIED_OUT, "自然人")] = 5


def _in_force_break(prev):
    prev.values[IN_FORCE] = 20


def _set(ref, value):
    def mutate(r):
        r.values[ref] = value

    return mutate


def _para(part, text):
    def mutate(r):
        r.parts[part] = paragraphs_from_text(text)

    return mutate


CASES = {
    "T3-IDENTITY": _set(CellRef(PART3, NEW, "自然人"), 47),
    "T3-RESULT-TOTAL": lambda r: r.printed.__setitem__(CellRef(PART3, TOTAL, "自然人"), 40),
    "T3-ROW-TOTAL": lambda r: r.printed.__setitem__(CellRef(PART3, NEW, "总计"), 61),
    "T4-TOTAL": lambda r: r.printed.__setitem__(CellRef(PART4, "行政复议", "总计"), 4),
    "CELL-BLANK": _set(CellRef(PART4, "行政复议", "其他结果"), None),
    "TABLE-MISSING": lambda r: [r.values.__setitem__(k, None) for k in list(r.values) if k.table == PART4],
    "CELL-UNREADABLE": lambda r: (
        r.values.__setitem__(CellRef(PART3, CARRIED_OUT, "其他"), None),
        r.unreadable.__setitem__(CellRef(PART3, CARRIED_OUT, "其他"), "O"),
    ),
    "CELL-VALUE": _set(CellRef(PART2, "第二十条第（六）项/行政处罚", "本年处理决定数量"), -3),
    "PREV-CARRY-OVER": _with_previous(_carry_mismatch),
    "PREV-CONTINUITY": _with_previous(_in_force_break),
    "PREV-YEAR": lambda r: setattr(r.baseline, "year", 2020),
    "PROSE-NUMBER": _para("一", "全年新收政府信息公开申请59件，办结61件。"),
    "FORMAT-YEAR": _to_2019,
    "TITLE-MISSING": lambda r: setattr(r, "title", ""),
    "YEAR-TITLE": lambda r: setattr(r, "title", r.title.replace("2025", "2024")),
    "OPENING-MISSING": lambda r: setattr(r, "opening", ""),
    "OPENING-PERIOD": lambda r: setattr(r, "opening", "本报告根据《条例》编制。"),
    "YEAR-OPENING": lambda r: setattr(
        r, "opening", r.opening.replace("自2025年1月1日起至2025年", "自2024年1月1日起至2024年")
    ),
    "SIGNATURE-MISSING": lambda r: setattr(r, "signature_agency", " "),
    "DATE-MISSING": lambda r: setattr(r, "date", None),
    "DATE-IN-YEAR": lambda r: setattr(r, "date", dt.date(2025, 1, 26)),
    "DATE-LATE": lambda r: setattr(r, "date", dt.date(2026, 2, 3)),
    "PART-EMPTY": lambda r: r.parts.__setitem__("五", []),
    "PART-HEADING": lambda r: r.headings.__setitem__("五", "五、存在主要问题及改进情况"),
    "PART5-NOTHING": _para("五", "无。"),
    "PART6-FEE": _para("六", "无。"),
    "TEMPLATE-LEFTOVER": lambda r: r.parts["一"].append(Paragraph.from_markup("编写说明：此处填写主动公开情况。")),
    "PROSE-DRAFT": lambda r: r.draft_parts.add("五"),
    "READ-NOTE": lambda r: r.read_notes.append(("表三", "“社会组织”按“社会公益组织”读取")),
    "CELL-MONEY-UNIT": "test_2019_money_unit_warning",  # a 2019-format cell: tested below
    "TABLE-UNCHECKED": lambda r: r.unreadable.__setitem__(CellRef(PART3, NEW, "自然人"), "“4O”（不是数字）"),
    "PREV-UNCOMPARED": _with_previous(lambda p: p.unreadable.__setitem__(CellRef(PART3, CARRIED_OUT, "其他"), "O")),
    "PREV-FORMAT": _with_previous(lambda p: setattr(p, "format_id", "2019")),
    "PART-UNREAD": lambda r: (r.parts.__setitem__("五", []), r.read_notes.append(("第五部分", "原文中未找到此部分"))),
}
CASES.update(PROSE_CASES)


def _stale_draft(r):
    """A paragraph drafted from table 三 (插入数据说明), then a cell it states changed."""
    from reportdesk.model.drafting import draft_part

    draft = draft_part(r, PART3)
    r.parts["一"].append(Paragraph.from_markup(draft.text))
    r.drafts.append(draft)
    r.values[CellRef(PART3, NEW, "自然人")] += 1
    r.values[CellRef(PART3, CARRIED_OUT, "自然人")] += 1  # still balanced: only the sentence is out of date


CASES["DRAFT-STALE"] = _stale_draft


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_fails_on_its_case_and_passes_on_the_demo(rule):
    report = demo()
    assert rule not in rules(report)
    if isinstance(CASES[rule], str):
        assert CASES[rule] in globals()
        return
    previous = CASES[rule](report)
    found = rules(report, previous if hasattr(previous, "values") else None)
    assert rule in found, f"{rule} not found; got {sorted(found)}"
    finding = found[rule][0]
    assert finding.severity.value == RULES[rule][0]
    assert finding.message and finding.place.describe()


def test_every_catalogued_rule_has_a_case():
    assert set(CASES) == set(RULES)


def test_identity_message_names_labels_and_numbers():
    r = new_report("某局", 2023)
    r.date = dt.date(2024, 1, 10)
    r.values[CellRef(PART3, NEW, "自然人")] = 3
    r.values[CellRef(PART3, CARRIED_IN, "自然人")] = 1
    r.values[CellRef(PART3, DISCLOSED, "自然人")] = 2
    r.values[CellRef(PART3, CARRIED_OUT, "自然人")] = 1
    [f] = [f for f in check_report(r) if f.rule == "T3-IDENTITY"]
    assert f.message.startswith(
        "表三“自然人”列：本年新收 3 + 上年结转 1 = 4，而办理结果总计 2 + 结转下年度 1 = 3，相差 1"
    )
    assert f.place.cells[0] == CellRef(PART3, NEW, "自然人")
    assert CellRef(PART3, TOTAL, "自然人") in f.place.cells


def test_identity_is_checked_for_every_column():
    r = demo()
    for col in ("商业企业", "其他"):
        r.values[CellRef(PART3, NEW, col)] += 1
    cols = {f.place.cells[0].col for f in check_report(r) if f.rule == "T3-IDENTITY"}
    assert cols == {"商业企业", "其他"}


def test_printed_result_total_20_against_parts_26():
    """A real 2020 report prints （七）总计 20 where its rows sum to 26."""
    r = new_report("某局", 2020)
    r.values[CellRef(PART3, NEW, "自然人")] = 26
    r.values[CellRef(PART3, DISCLOSED, "自然人")] = 20
    r.values[CellRef(PART3, "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息", "自然人")] = 6
    r.printed[CellRef(PART3, TOTAL, "自然人")] = 20
    [f] = [f for f in check_report(r) if f.rule == "T3-RESULT-TOTAL"]
    assert "印为 20" in f.message and "各项之和为 26" in f.message and "相差 6" in f.message
    assert not [f for f in check_report(r) if f.rule == "T3-IDENTITY"]


def test_prose_75_against_table_74_shows_both_numbers():
    r = demo()
    r.values[CellRef(PART3, NEW, "自然人")] = 60  # table 新收 total becomes 74
    r.values[CellRef(PART3, DISCLOSED, "自然人")] = 35
    r.parts["一"] = paragraphs_from_text("本年度共收到政府信息公开申请75件。")
    [f] = [f for f in check_report(r) if f.rule == "PROSE-NUMBER"]
    assert "75" in f.message and "74" in f.message
    assert f.severity is Severity.WARNING and f.place.part == "一" and f.place.paragraph == 0


def test_prose_about_other_things_is_not_read_as_applications():
    r = demo()
    r.parts["六"].append(Paragraph.from_markup("2025年办结市长信箱2件，市长热线1件，未发生舆情事件。"))
    r.parts["六"].append(Paragraph.from_markup("办理议政网政策咨询1条、依申请公开事项60件。"))
    assert [f.rule for f in check_report(r)] == []


def test_negative_statements_are_compared_too():
    r = demo()
    r.parts["一"].append(Paragraph.from_markup("全年没有发生行政复议和行政诉讼案件。"))
    [f] = [f for f in check_report(r) if f.rule == "PROSE-CLAIM"]  # read as a claim, never as "0 件"
    assert "行政复议" in f.message and "行政诉讼" in f.message
    assert not [f for f in check_report(r) if f.rule == "PROSE-NUMBER"]


def test_government_deadline_is_31_march():
    r = demo()
    r.kind = GOVERNMENT
    r.date = dt.date(2026, 3, 20)
    assert "DATE-LATE" not in rules(r)
    r.date = dt.date(2026, 4, 1)
    assert "DATE-LATE" in rules(r)


def test_2021_format_for_a_2020_report_is_an_error_too():
    r = new_report("某局", 2020, format_id="2021")
    assert "FORMAT-YEAR" in rules(r)
    assert "FORMAT-YEAR" not in rules(new_report("某局", 2020))


def test_2019_continuity_of_item_counts():
    last = new_report("某局", 2019)
    this = new_report("某局", 2020)
    ref = CellRef(PART2, "第二十条第（五）项/行政许可", "上一年项目数量")
    change = CellRef(PART2, "第二十条第（五）项/行政许可", "本年增/减")
    last.values[ref], last.values[change] = 83, 117
    this.values[ref] = 199
    [f] = rules(this, last)["PREV-CONTINUITY"]
    assert "本年上一年项目数量为 199" in f.message and "应为 200" in f.message
    this.values[ref] = 83 + 117
    assert "PREV-CONTINUITY" not in rules(this, last)


def test_2019_money_unit_warning():
    r = new_report("某局", 2020)
    ref = CellRef(PART2, "第二十条第（九）项/政府集中采购", "采购总金额")
    from decimal import Decimal

    r.values[ref] = Money(Decimal("251000"), None)
    assert "CELL-MONEY-UNIT" in rules(r)
    r.values[ref] = Money(Decimal("251000"), "元")
    assert "CELL-MONEY-UNIT" not in rules(r)
    assert FORMAT_2019.id == r.format_id


def test_carry_over_from_the_stored_baseline():
    r = demo()
    r.baseline.values[CellRef(PART3, CARRIED_OUT, "商业企业")] = 0
    [f] = rules(r)["PREV-CARRY-OVER"]
    assert f.place.cells == (CellRef(PART3, CARRIED_IN, "商业企业"),)
    assert "本年“上年结转”为 1" in f.message and "为 0" in f.message


def test_findings_serialise_with_their_place():
    r = demo()
    r.values[CellRef(PART3, NEW, "自然人")] = 47
    data = [f.to_json() for f in check_report(r)]
    [d] = [d for d in data if d["rule"] == "T3-IDENTITY"]
    assert d["where"]["table"] == "三" and d["where"]["column"] == "自然人" and d["where"]["row"] == NEW
    assert d["severity"] == "error"


def test_a_part_still_in_last_years_words_is_said_once_not_checked_sentence_by_sentence():
    """A new year made from last year's report carries parts 一/五/六 as drafts: PROSE-DRAFT says so once.
    Their sentences (last year's figures) are not compared with this year's still-empty tables; once the
    clerk confirms a part, its sentences are checked again."""
    from reportdesk.checks import check_report
    from reportdesk.loading import load_report
    from reportdesk.model.carry import next_year_report
    from reportdesk.paths import demo_report_path

    new = next_year_report(load_report(demo_report_path()))
    assert new.draft_parts == {"一", "五", "六"}
    rules = [f.rule for f in check_report(new)]
    assert rules.count("PROSE-DRAFT") == 3
    assert not [r for r in rules if r.startswith("PROSE-") and r != "PROSE-DRAFT"]
    new.draft_parts.discard("一")  # confirmed as it stands
    confirmed = [f for f in check_report(new) if f.rule == "PROSE-NUMBER"]
    assert confirmed and all(f.place.part == "一" for f in confirmed)  # last year's 60 against this year's 0
