"""The five published seeds import with every table number right.

The expected numbers below were read off ../shared/seeds/*.txt (only cells that are not 0 are
listed); they are also compared with the hand-typed fixtures of the core checks.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.helpers import SEED_NAMES, seed

from reportdesk.checks import check_report
from reportdesk.formats import PART2, PART3, PART4, CellRef, cells_of
from reportdesk.importers import import_document
from reportdesk.model.values import Money, as_number

P3 = "三、本年度办理结果/"
NEW = "一、本年新收政府信息公开申请数量"
CARRY_OUT = "四、结转下年度继续办理"
B1, B5, B6 = "第二十条第（一）项/", "第二十条第（五）项/", "第二十条第（六）项/"

# name: (agency, year, format, signature, date, non-zero cells, blank cells)
EXPECTED = {
    "000_730c80e139d75b64": (
        "银川市投资促进局",
        2020,
        "2019",
        "银川市投资促进局",
        dt.date(2021, 1, 29),
        {
            (PART2, B1 + "规范性文件", "本年新制作数量"): 1,
            (PART2, B1 + "规范性文件", "本年新公开数量"): 1,
            (PART2, B1 + "规范性文件", "对外公开总数量"): 1,
            (PART3, NEW, "自然人"): 1,
            (PART3, P3 + "（三）不予公开/4.保护第三方合法权益", "自然人"): 1,
        },
        set(),
    ),
    "001_082ea42f41a4a5d8": (
        "石嘴山市投资促进局",
        2023,
        "2021",
        "",
        None,
        {
            (PART3, NEW, "自然人"): 2,
            (PART3, P3 + "（一）予以公开", "自然人"): 1,
            (PART3, CARRY_OUT, "自然人"): 1,
        },
        set(),
    ),
    "002_7afa714d70970faa": (
        "中卫市工业和信息化局",
        2020,
        "2019",
        "中卫市工业和信息化局",
        dt.date(2020, 1, 26),
        {
            (PART2, B5 + "行政许可", "上一年项目数量"): 2,
            (PART2, B5 + "行政许可", "处理决定数量"): 4,
            (PART2, B5 + "其他对外管理服务事项", "上一年项目数量"): 4,
            (PART2, B5 + "其他对外管理服务事项", "本年增/减"): -1,
            (PART2, B5 + "其他对外管理服务事项", "处理决定数量"): 6,
            (PART2, B6 + "行政处罚", "上一年项目数量"): 8,
        },
        {(PART4, "行政复议", c) for c in ("结果维持", "结果纠正", "其他结果", "尚未审结")},
    ),
    "003_bce8275da3ca3d23": (
        "澄江市投资促进局",
        2020,
        "2019",
        "澄江市投资促进局",
        dt.date(2021, 1, 25),
        {
            (PART2, B1 + "规范性文件", "本年新制作数量"): 5,
            (PART2, B1 + "规范性文件", "本年新公开数量"): 136,
            (PART2, B1 + "规范性文件", "对外公开总数量"): 141,
        },
        set(),
    ),
    "004_a9dbc25bac2331b1": (
        "银川市西夏区审批服务管理局",
        2020,
        "2019",
        "",
        None,
        {
            (PART2, B5 + "行政许可", "上一年项目数量"): 83,
            (PART2, B5 + "行政许可", "本年增/减"): 117,
            (PART2, B5 + "行政许可", "处理决定数量"): 11034,
            (PART2, B5 + "其他对外管理服务事项", "上一年项目数量"): 56,
            (PART2, B5 + "其他对外管理服务事项", "本年增/减"): -2,
            (PART2, B5 + "其他对外管理服务事项", "处理决定数量"): 12980,
            (PART3, NEW, "自然人"): 1,
            (PART3, P3 + "（四）无法提供/1.本机关不掌握相关政府信息", "自然人"): 1,
        },
        set(),
    ),
}


def test_every_seed_is_covered():
    assert sorted(EXPECTED) == SEED_NAMES


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_imports_with_every_table_number_right(name, seed_text):
    agency, year, fmt, signature, date, nonzero, blank = EXPECTED[name]
    result = import_document(seed_text(name))
    r = result.report
    assert (r.agency, r.year, r.format_id) == (agency, year, fmt)
    assert r.title == f"{agency}{year}年政府信息公开工作年度报告"
    assert (r.signature_agency, r.date) == (signature, date)
    fc = cells_of(r.format)
    for ref in fc.inputs:
        want = None if tuple(ref) in blank else nonzero.get(tuple(ref), 0)
        got = r.values[ref]
        if isinstance(got, Money):
            assert got == Money(as_number(want), None), ref
        else:
            assert got == want, ref
    assert not r.unreadable
    # printed totals agree with the sums of their parts in all five seeds
    totals = r.totals()
    assert all(as_number(v) == totals[ref] for ref, v in r.printed.items() if v is not None)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_import_agrees_with_the_hand_typed_fixture(name, seed_text):
    imported, typed = import_document(seed_text(name)).report, seed(name)
    assert imported.values == typed.values
    assert (imported.title, imported.signature_agency, imported.date) == (typed.title, typed.signature_agency, typed.date)
    assert imported.headings == typed.headings
    assert [p.text for p in imported.parts["六"]] == [p.text for p in typed.parts["六"]]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_checks_of_an_imported_seed_find_the_same_defects(name, seed_text):
    typed = {f.rule for f in check_report(seed(name))}
    imported = {f.rule for f in check_report(import_document(seed_text(name)).report)}
    assert imported - {"READ-NOTE"} == typed


def test_known_variant_and_lost_cells_are_reported(seed_text):
    result = import_document(seed_text("002_7afa714d70970faa"))
    assert any("社会组织" in x and "社会公益组织" in x for x in result.recognised)
    assert any("表三表头" in p and "“社会组织”" in p for p in result.problems)
    # this PDF copy ends every row with a tab (rows of seven numbers have one after them too): the tab
    # after a row of six zeros is no blank 总计, and the six zeros can only be seven zeros
    assert any(re.search(r"等 2\d 行的数字个数与 7 列不符.*只能是 0", p) for p in result.problems)
    p3 = result.report.format.part3
    assert result.report.printed.get(CellRef(PART3, p3.result_rows[0], p3.total_column)) == 0
    where = [w for w, _ in result.report.read_notes]
    assert "表三表头" in where and "表三" in where
    # the lost 行政复议 cells stay blank: they are reported by the checks, not filled in
    assert result.report.printed[CellRef(PART4, "行政复议", "总计")] is None


def test_garbled_part4_header_and_extra_cell_are_reported(seed_text):
    problems = import_document(seed_text("000_730c80e139d75b64")).problems
    assert any(p.startswith("表四表头") and "结果纠正" in p and "结果维持" not in p for p in problems)  # 结果 维 持 is joined again
    assert any(p.startswith("表四") and "16 个数字" in p for p in problems)


def test_headings_without_number_or_with_other_wording_are_found(seed_text):
    r = import_document(seed_text("003_bce8275da3ca3d23")).report
    assert r.headings == {"二": "主动公开政府信息情况"}
    assert r.values[CellRef(PART2, B1 + "规范性文件", "对外公开总数量")] == 141
    r = import_document(seed_text("001_082ea42f41a4a5d8")).report
    assert r.headings == {"五": "五、存在主要问题及改进情况"}
    assert [p.text for p in r.parts["五"]][1].startswith("（一）加强学习")
    assert len(r.parts["五"]) == 4


def test_opening_bold_and_addresses(seed_text):
    r = import_document(seed_text("000_730c80e139d75b64")).report
    assert "<http" not in r.opening and "（http://www.yinchuan.gov.cn/）" in r.opening
    assert r.contact.website == "银川市政府门户网站（http://www.yinchuan.gov.cn/）"
    assert r.contact.postcode == "750011"
    bold = [run.text for p in r.parts["一"] for run in p.runs if run.bold]
    assert "强化组织领导。" in bold and "三是严格政府信息公开审核。" in bold
    assert not any("**" in p.text for part in ("一", "五", "六") for p in r.parts[part])
    # a paragraph broken across a page is joined again
    assert any("专职干部负责" in p.text and "作人员登记备案的通知" in p.text for p in r.parts["一"])


def test_signed_changes_keep_their_sign(seed_text):
    r = import_document(seed_text("004_a9dbc25bac2331b1")).report
    assert r.values[CellRef(PART2, B5 + "行政许可", "本年增/减")] == 117
    assert r.values[CellRef(PART2, B5 + "其他对外管理服务事项", "本年增/减")] == -2


def test_recognised_lists_what_was_found(seed_text):
    result = import_document(seed_text("000_730c80e139d75b64"))
    text = "\n".join(result.recognised)
    for expected in ("银川市投资促进局", "2019 年格式", "从表格标签识别", "开篇说明", "表三：读入 132/132", "落款", "2021年1月29日"):
        assert expected in text
    result = import_document(seed_text("004_a9dbc25bac2331b1"))
    assert any(p.startswith("落款") for p in result.problems)
