"""Numbers are placed by the labels of their rows and columns, not by where they stand."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from tests.strategies import valid_reports

from reportdesk.formats import PART2, PART3, CellRef
from reportdesk.importers import import_document
from reportdesk.importers.normalise import key
from reportdesk.model.values import Money

SEED = "000_730c80e139d75b64"


def _write(tmp_path, text: str):
    path = tmp_path / "edited.txt"
    path.write_text(text, "utf-8")
    return path


def test_rows_in_another_order_keep_their_numbers(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8")
    a = "\t\t4. 保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1\n"
    b = "\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"
    assert a in text and b in text
    text = text.replace(b, "@@").replace(a, b).replace("@@", a)
    r = import_document(_write(tmp_path, text)).report
    assert r.values[CellRef(PART3, "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益", "自然人")] == 1
    assert r.values[CellRef(PART3, "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开", "自然人")] == 0


def test_columns_follow_the_printed_header(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8")
    text = text.replace(
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t1\t1\t1",
        "信息内容\t本年新公开数量\t本年新制作数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t7\t5\t12",
    )
    r = import_document(_write(tmp_path, text)).report
    row = "第二十条第（一）项/规范性文件"
    assert r.values[CellRef(PART2, row, "本年新公开数量")] == 7
    assert r.values[CellRef(PART2, row, "本年新制作数量")] == 5


def test_split_spaced_and_full_width_labels(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8")
    text = text.replace("其他对外管理服务事项\t0\t0\t0", "其他对外管理\n服务事项\t３\t－１\t２")
    text = text.replace("政府集中采购\t0\t0\t", "政 府 集 中 采 购\t2\t160.5964万元\t")
    result = import_document(_write(tmp_path, text))
    r = result.report
    row = "第二十条第（五）项/其他对外管理服务事项"
    assert [r.values[CellRef(PART2, row, c)] for c in ("上一年项目数量", "本年增/减", "处理决定数量")] == [3, -1, 2]
    buy = "第二十条第（九）项/政府集中采购"
    assert r.values[CellRef(PART2, buy, "采购总金额")] == Money(Decimal("160.5964"), "万元")
    assert r.values[CellRef(PART2, buy, "采购项目数量")] == 2
    assert not r.unreadable


def test_page_numbers_and_attachment_marks_are_dropped(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8")
    text = "附件1\n" + text.replace("规章\t0\t0\t0\n", "规章\t0\t0\t0\n— 3 —\n").replace("五、存在", "第 4 页\n五、存在")
    r = import_document(_write(tmp_path, text)).report
    assert r.agency == "银川市投资促进局"
    assert r.values[CellRef(PART2, "第二十条第（一）项/规范性文件", "对外公开总数量")] == 1
    assert not r.read_notes or all("页" not in m for _, m in r.read_notes)


def test_label_keys_fold_width_spaces_and_punctuation():
    assert key("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)") == key(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )
    assert key("上一年 项目数量") == key("上一年项目数量")
    assert key("３. 危及\"三安全一稳定\"") == key("3.危及“三安全一稳定”")


def test_a_note_below_part_4_is_not_taken_for_its_header(seed_text, tmp_path):
    text = seed_text("002_7afa714d70970faa").read_text("utf-8")
    text = text.replace("\n五、存在的主要问题", "\n注：本表无行政复议数据\n\n五、存在的主要问题")
    result = import_document(_write(tmp_path, text))
    r = result.report
    assert r.values[CellRef("四", "行政诉讼/复议后起诉", "结果维持")] == 0
    assert r.values[CellRef("四", "行政复议", "结果维持")] is None
    assert any(p.startswith("表四之后") and "注：本表无行政复议数据" in p for p in result.problems)


def test_one_cell_a_line_without_tabs(seed_text, tmp_path):
    from tests.helpers import seed

    for name in ("003_bce8275da3ca3d23", "004_a9dbc25bac2331b1"):
        text = seed_text(name).read_text("utf-8").replace("\t", "\n")
        assert import_document(_write(tmp_path, text)).report.values == seed(name).values


def test_row_label_with_a_wrong_number_is_read_and_reported(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8").replace("\t\t4. 保护第三方合法权益\t1", "\t\t5. 保护第三方合法权益\t1")
    result = import_document(_write(tmp_path, text))
    assert result.report.values[CellRef(PART3, "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益", "自然人")] == 1
    assert any("按官方标签“4.保护第三方合法权益”读入" in p for p in result.problems)


def test_reading_notes_are_placed_on_their_table(seed_text):
    from reportdesk.checks import check_report

    notes = [f for f in check_report(import_document(seed_text("002_7afa714d70970faa")).report) if f.rule == "READ-NOTE"]
    assert notes and {f.place.part for f in notes} == {"三"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=valid_reports())
def test_reportdesk_show_text_imports_back_to_the_same_values(report, tmp_path):
    from reportdesk.model.text import report_as_text

    got = import_document(_write(tmp_path, report_as_text(report))).report
    assert (got.agency, got.year, got.format_id) == (report.agency, report.year, report.format_id)
    assert got.values == report.values
    assert not got.unreadable and not got.read_notes


def test_money_unit_printed_in_the_header(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8").replace(
        "信息内容\t采购项目数量\t采购总金额\t\n政府集中采购\t0\t0\t", "信息内容\t采购项目数量\t采购总金额（万元）\t\n政府集中采购\t3\t12.5\t"
    )
    result = import_document(_write(tmp_path, text))
    buy = "第二十条第（九）项/政府集中采购"
    assert result.report.values[CellRef(PART2, buy, "采购总金额")] == Money(Decimal("12.5"), "万元")
    assert not [p for p in result.problems if p.startswith("表二")]


def test_tables_printed_without_their_total_columns(tmp_path):
    from tests.helpers import demo

    from reportdesk.model.text import report_as_text

    report = demo()
    lines, part, out = report_as_text(report).split("\n"), "", []
    for line in lines:
        if line in ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"):
            part = line[0]
        cells = line.split("\t")
        if part == "三" and len(cells) > 1:
            cells = [c for c in cells if c != "总计"]
            if cells[-1].isdigit():
                cells = cells[:-1]
        elif part == "四" and len(cells) > 1:
            cells = [c for c in cells if c != "总计"]
            if cells[0].isdigit():
                cells = [c for i, c in enumerate(cells) if i % 5 != 4]
        out.append("\t".join(cells))
    result = import_document(_write(tmp_path, "\n".join(out)))
    assert result.report.values == report.values
    assert not result.report.unreadable
    assert sum(1 for p in result.problems if "没有“总计”列" in p) == 2


def test_words_in_number_cells_are_reported_not_read_as_zero(seed_text, tmp_path):
    text = seed_text(SEED).read_text("utf-8").replace("行政处罚\t0\t0\t0", "行政处罚\t无\t—\t0")
    result = import_document(_write(tmp_path, text))
    row = "第二十条第（六）项/行政处罚"
    r = result.report
    assert r.values[CellRef(PART2, row, "上一年项目数量")] is None and "无" in r.unreadable[CellRef(PART2, row, "上一年项目数量")]
    assert r.values[CellRef(PART2, row, "本年增/减")] is None and "—" in r.unreadable[CellRef(PART2, row, "本年增/减")]
    assert r.values[CellRef(PART2, row, "处理决定数量")] == 0
