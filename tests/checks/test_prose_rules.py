"""The prose rules on real sentences and on the demo report: what a sentence counts, the prose's own
arithmetic, claims the tables contradict, text typed twice or carried over, and the 已核对 mark."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from tests.helpers import demo

from reportdesk.checks import check_report, mark_checked
from reportdesk.checks import prose_reading as pr
from reportdesk.checks.prose_text import repeat_rates, repeat_summary
from reportdesk.formats import PART3, PART4, CellRef
from reportdesk.loading import load_report
from reportdesk.model.project import dumps_project, loads_project
from reportdesk.model.prose import Paragraph, paragraphs_from_text

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
LABELLED = ROOT / "sentences" / "labelled.jsonl"
SEEDS = sorted((ROOT / "published").glob("*.txt"))
NEW = CellRef(PART3, "一、本年新收政府信息公开申请数量", "总计")
NEW_PERSON = CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")
REVIEW_CORRECTED = CellRef(PART4, "行政复议", "结果纠正")


def _para(part, text):
    def mutate(r):
        r.parts[part] = paragraphs_from_text(text)

    return mutate


def _append(part, text):
    def mutate(r):
        r.parts[part].append(Paragraph.from_markup(text))

    return mutate


def _previous_same_text(r):
    prev = copy.deepcopy(r)
    prev.year -= 1
    prev.baseline = None
    r.baseline = None
    return prev


# A failing case for each prose rule, for tests/checks/test_rules.py (the demo is their passing case).
PROSE_CASES = {
    "PROSE-CLAIM": _append("一", "全年未收到政府信息公开申请。"),
    "PROSE-SUM": _append(
        "一", "全年共主动公开政府信息72条，其中机构职能1条、部门文件17条、招商信息38条、其他信息17条。"
    ),
    "PROSE-PERCENT": _append("一", "全年共收到申请1499件，其中网上申请1303件，占89.92%。"),
    "PROSE-REPEAT-WORD": _append("五", "下一步将加强政务公开政务公开队伍建设。"),
    "PROSE-STALE-YEAR": _append("一", "2024年，本局认真贯彻落实政府信息公开条例。"),
    "PROSE-CARRIED": _previous_same_text,
}


def labelled() -> list[dict]:
    return [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines() if line.strip()]


def score(rows: list[dict]) -> tuple[float, float, int, int, int]:
    """(precision, recall, true, false, missed) of the reader's claims against the hand labels."""
    tp = fp = fn = 0
    for row in rows:
        want = {(q, n) for q, n in row["label"]}
        got = {
            (c.quantity, c.number)
            for c in pr.claims_in_sentence(row["sentence"], row.get("agency", ""), row.get("context", ""))
        }
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    return tp / (tp + fp), tp / (tp + fn), tp, fp, fn


# ---------------------------------------------------------------- the labelled set


def test_labelled_set_is_real_and_large_enough():
    rows = labelled()
    with_numbers = [r for r in rows if any(ch.isdigit() for ch in r["sentence"])]
    assert len(with_numbers) >= 150
    assert all(r["source"] for r in rows)
    assert len({r["sentence"] for r in rows}) == len(rows)
    seeds = {str(p.relative_to(ROOT.parent.parent)) for p in SEEDS}
    assert {r["source"] for r in rows} & seeds  # from the seeds and from other real reports
    assert len({r["source"] for r in rows} - seeds) >= 20


def test_reader_precision_and_recall_on_the_labelled_set():
    precision, recall, *_ = score(labelled())
    assert precision >= 0.95
    assert recall >= 0.80


# ---------------------------------------------------------------- what a sentence counts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年受理申请64件（含上年结转4件）。", {("new+carried_in", 64), ("carried_in", 4)}),
        ("其中予以公开及部分公开37件。", set()),  # no 申请 anywhere: not about applications
        ("全年收到政府信息公开申请60件，其中予以公开及部分公开37件。", {("new", 60), ("disclosed+partial", 37)}),
        ("共办结政府信息公开申请61件，结转下年度继续办理3件。", {("handled", 61), ("carried_out", 3)}),
        ("全年未发生因政府信息公开申请被纠错的情况，无败诉。", set()),
        ("有效防止超时未答复政府信息公开申请，答复率100%。", set()),
        ("区政府办代表区政府受理政府信息公开申请12件。", set()),  # one office in a report of the 区
        ("通过网上申请平台收到政府信息公开申请40件。", set()),  # one channel
        ("同意公开答复政府信息公开申请20件。", {("disclosed", 20)}),
        ("2025年办结市长信箱2件，市长热线1件。", set()),
        ("对收到的申请均在20个工作日内答复。", set()),  # a time limit, not a count
        ("全年受理申请3个。", {("new", 3)}),
    ],
)
def test_what_a_sentence_counts(sentence, expected):
    assert {(c.quantity, c.number) for c in pr.claims(sentence)} == expected


def test_an_office_report_reads_its_own_office_sentences():
    s = "区政府办公室共受理政府信息公开申请36件。"
    assert not pr.claims(s, agency="某区人民政府")
    assert [(c.quantity, c.number) for c in pr.claims(s, agency="某区人民政府办公室")] == [("new", 36)]


def test_combined_quantity_is_compared_with_the_sum_of_its_cells():
    r = demo()  # 新收 60, 上年结转 4
    r.parts["一"] = paragraphs_from_text("全年受理政府信息公开申请64件（含上年结转4件）。")
    assert [f for f in check_report(r) if f.rule == "PROSE-NUMBER"] == []
    r.parts["一"] = paragraphs_from_text("全年受理政府信息公开申请65件（含上年结转4件）。")
    [f] = [f for f in check_report(r) if f.rule == "PROSE-NUMBER"]
    assert "〖65〗" in f.message and "64" in f.message and "上年结转" in f.message
    assert f.place.cells[0].row.startswith("一、") and f.place.cells[1].row.startswith("二、")


def test_warning_names_sentence_number_cell_and_why():
    r = demo()
    r.parts["一"] = paragraphs_from_text("全年新收政府信息公开申请59件。")
    [f] = [f for f in check_report(r) if f.rule == "PROSE-NUMBER"]
    assert "全年新收政府信息公开申请〖59〗件" in f.message  # the sentence, the number highlighted
    assert "文字为 59" in f.message and "按“新收”读作本年新收的申请" in f.message  # why they were matched
    assert "为 60" in f.message and f.place.cells == (NEW,)


def test_unknown_cells_are_never_compared():
    r = demo()
    r.parts["一"] = paragraphs_from_text("全年新收政府信息公开申请59件。")
    r.values[NEW_PERSON] = None
    r.unreadable[NEW_PERSON] = "“l2”（不是数字）"
    found = [f for f in check_report(r) if f.rule == "PROSE-NUMBER"]
    assert len(found) == 1 and "未能与表格核对" in found[0].message and "〖59〗" in found[0].message
    assert "为 " not in found[0].message  # no table figure was made up


# ---------------------------------------------------------------- the new rules


def test_seed_defects_are_found_and_no_seed_gets_a_prose_error():
    found = {}
    for path in SEEDS:
        for f in check_report(load_report(path)):
            if f.rule.startswith("PROSE"):
                assert f.severity.value == "warning"
                found.setdefault(path.name[:3], []).append(f)
    # 银川市投资促进局: 72 条 printed, its items add up to 73; 西夏区审批服务管理局: 116 个 vs 26+37+87=150
    assert sorted(found) == ["000", "004"]
    [a], [b] = found["000"], found["004"]
    assert a.rule == b.rule == "PROSE-SUM"
    assert "72条" in a.message and "= 73条" in a.message and "相差 1" in a.message
    assert "116个" in b.message and "= 150个" in b.message


def test_real_itemised_lists_that_add_up_are_quiet():
    r = demo()
    r.parts["一"] = paragraphs_from_text(
        "2024年，我局共主动公开政府信息376条，其中公告公示类信息330条，工作信息类信息44条，其他类2条。\n"
        "全年主动公开政府信息总数171条：基层政务公开领域信息124条，工作动态34条，预算决算4条，应急预案3条，"
        "政策文件2条，其他政府信息4条。\n"
        "2020年共处理工单57次，包括咨询建议17次、求助工单2次、误解投诉38次。"
    )
    assert [f for f in check_report(r) if f.rule == "PROSE-SUM"] == []


def test_percentages_from_a_real_report_agree_and_a_wrong_one_does_not():
    r = demo()
    text = (
        "2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。其中，通过网络申请1303件，占86.92%；"
        "通过信函申请172件，占11.47%；通过当面申请24件，占1.60%。"
    )
    r.parts["六"].append(Paragraph.from_markup(text))
    assert [f for f in check_report(r) if f.rule == "PROSE-PERCENT"] == []
    r.parts["六"][-1] = Paragraph.from_markup(text.replace("11.47%", "12.47%"))
    [f] = [f for f in check_report(r) if f.rule == "PROSE-PERCENT"]
    assert "172 占 12.47%" in f.message and "11.47%" in f.message


def test_claims_contradicted_by_part_four():
    r = demo()  # 行政复议 3 cases, 行政诉讼 2
    r.parts["一"].append(Paragraph.from_markup("全年未发生因政府信息公开申请引起的行政复议和行政诉讼。"))
    [f] = [f for f in check_report(r) if f.rule == "PROSE-CLAIM"]
    assert "未发生行政复议或行政诉讼" in f.message and "“行政复议”“总计”为 3" in f.message
    r = demo()
    r.values[REVIEW_CORRECTED] = 1
    r.parts["一"].append(Paragraph.from_markup("行政复议案件均获维持。"))
    messages = [f.message for f in check_report(r) if f.rule == "PROSE-CLAIM"]
    assert any("均获维持" in m and "结果纠正”为 1" in m for m in messages)


def test_words_typed_twice_and_last_years_year():
    r = demo()
    r.parts["五"].append(Paragraph.from_markup("下一步，我局将进一步加强加强队伍建设的的能力。"))
    msgs = [f.message for f in check_report(r) if f.rule == "PROSE-REPEAT-WORD"]
    assert any("加强加强" in m for m in msgs) and any("的的" in m for m in msgs)
    r.parts["一"].insert(0, Paragraph.from_markup("2024年，本局认真贯彻落实条例。"))
    [f] = [f for f in check_report(r) if f.rule == "PROSE-STALE-YEAR"]
    assert "2024年" in f.message and "2025年度" in f.message


def test_repeat_rate_per_part_against_last_year():
    r = demo()
    prev = copy.deepcopy(r)
    prev.year -= 1
    prev.parts["五"] = paragraphs_from_text("本年度另有不同的问题与改进措施需要说明，与今年完全不同的一段文字。")
    rates = repeat_rates(r, prev)
    assert rates["一"].rate == 1.0 and rates["五"].rate == 0.0
    found = {f.place.part for f in check_report(r, prev) if f.rule == "PROSE-CARRIED"}
    assert found == {"一", "六"}
    assert repeat_summary(r, prev) == "一 100% · 五 0% · 六 100%"


# ---------------------------------------------------------------- 已核对


def test_checked_warning_is_saved_and_hidden_until_its_numbers_change():
    r = demo()
    r.parts["一"] = paragraphs_from_text("区属各单位全年新收政府信息公开申请59件。")
    [f] = [f for f in check_report(r) if f.rule == "PROSE-NUMBER"]
    mark_checked(r, f)
    r = loads_project(dumps_project(r))  # saved in the project file
    assert f.fingerprint in r.checked
    assert [x for x in check_report(r) if x.rule == "PROSE-NUMBER"] == []
    assert [x for x in check_report(r, include_checked=True) if x.rule == "PROSE-NUMBER"] == [f]
    r.values[NEW_PERSON] = r.values[NEW_PERSON] + 1  # the table figure it was computed from changes
    [again] = [x for x in check_report(r) if x.rule == "PROSE-NUMBER"]
    assert "为 61" in again.message


def test_errors_cannot_be_marked_checked():
    r = demo()
    r.values[NEW_PERSON] = 47
    [err] = [f for f in check_report(r) if f.rule == "T3-IDENTITY"][:1]
    with pytest.raises(ValueError):
        mark_checked(r, err)


def test_a_hundred_percent_share_of_the_whole_agrees():
    """平潭 行政审批局 2024: 收到…申请28件 … 信函申请28件，占100% is right (28 of 28)."""
    r = demo()
    text = "收到公民、法人和其他组织政府信息公开申请28件，28件公开申请均在法定时限内办理。从申请方式看，信函申请28件，占100%。"
    r.parts["六"].append(Paragraph.from_markup(text))
    assert [f for f in check_report(r) if f.rule == "PROSE-PERCENT"] == []
    r.parts["六"][-1] = Paragraph.from_markup(text.replace("占100%", "占90%"))
    assert [f.rule for f in check_report(r) if f.rule == "PROSE-PERCENT"] == ["PROSE-PERCENT"]
