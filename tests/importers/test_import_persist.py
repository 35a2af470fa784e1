"""What an import found survives saving the project and opening it again (project file version 3)."""

from __future__ import annotations

import json

from reportdesk.checks import check_report
from reportdesk.formats import PART2, PART3, CellRef
from reportdesk.importers import import_document
from reportdesk.model.project import PROJECT_VERSION, load_project, save_project

TOTAL = CellRef(PART3, "三、本年度办理结果/（七）总计", "自然人")


def _edited_seed(seed_text, tmp_path, old: str, new: str, name="edited.txt"):
    text = seed_text("000_730c80e139d75b64").read_text("utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def test_printed_total_disagreement_is_reported_and_parts_are_kept(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "(七) 总计\t\t1\t0", "(七) 总计\t\t20\t0")
    result = import_document(path)
    r = result.report
    assert r.printed[TOTAL] == 20 and r.totals()[TOTAL] == 1
    assert r.values[CellRef(PART3, "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益", "自然人")] == 1
    [problem] = [p for p in result.problems if "T3-RESULT-TOTAL" in p]
    assert "20" in problem and "1" in problem and "（七）总计" in problem
    [finding] = [f for f in check_report(r) if f.rule == "T3-RESULT-TOTAL"]
    assert "印为 20" in finding.message and "各项之和为 1" in finding.message


def test_unreadable_cell_is_reported_with_where_and_never_guessed(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "规范性文件\t1\t1\t1", "规范性文件\t1\tl\t1")
    result = import_document(path)
    ref = CellRef(PART2, "第二十条第（一）项/规范性文件", "本年新公开数量")
    assert result.report.values[ref] is None and "l" in result.report.unreadable[ref]
    assert any("本年新公开数量" in p and "“l" in p for p in result.problems)
    assert any(f.rule == "CELL-UNREADABLE" and f.place.cells == (ref,) for f in check_report(result.report))


def test_import_findings_survive_save_and_reopen(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "(七) 总计\t\t1\t0", "(七) 总计\t\t20\t0")
    path = _edited_seed(
        lambda _name: path, tmp_path, "规范性文件\t1\t1\t1", "规范性文件\t1\tl\t1", name="edited2.txt"
    )
    report = import_document(path).report
    project = tmp_path / "p.rdproj"
    save_project(report, project)
    data = json.loads(project.read_text("utf-8"))
    assert data["reportdesk_project"] == PROJECT_VERSION == 3
    reopened = load_project(project)
    assert reopened.printed == report.printed
    assert reopened.unreadable == report.unreadable
    assert reopened.read_notes == report.read_notes
    before = sorted((f.rule, f.message) for f in check_report(report))
    after = sorted((f.rule, f.message) for f in check_report(reopened))
    assert before == after
    assert {"T3-RESULT-TOTAL", "CELL-UNREADABLE", "READ-NOTE"} <= {rule for rule, _ in after}


def test_version_2_project_is_migrated(tmp_path):
    from tests.helpers import demo

    report = demo()
    project = tmp_path / "old.rdproj"
    save_project(report, project)
    data = json.loads(project.read_text("utf-8"))
    data["reportdesk_project"] = 2
    project.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    reopened = load_project(project)
    assert reopened.values == report.values and reopened.printed == {}
    assert check_report(reopened) == []


def test_2019_label_in_a_2021_table_is_accepted_and_reported(seed_text, tmp_path):
    text = seed_text("001_082ea42f41a4a5d8").read_text("utf-8").replace("行政规范性文件\t0\t0\t0", "规范性文件\t3\t1\t9")
    path = tmp_path / "variant.txt"
    path.write_text(text, "utf-8")
    result = import_document(path)
    r = result.report
    assert r.format_id == "2021"
    assert r.values[CellRef(PART2, "第二十条第（一）项/行政规范性文件", "现行有效件数")] == 9
    assert any("“规范性文件”→“行政规范性文件”" in x for x in result.recognised)
    assert any("按官方标签“行政规范性文件”读入" in message for _, message in r.read_notes)


def test_table_whose_heading_is_missing_is_found_by_its_content(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "三、收到和处理政府信息公开申请情况\n", "")
    result = import_document(path)
    assert result.report.values[CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")] == 1
    assert any("第三部分" in p and "已按表格内容找到" in p for p in result.problems)
    assert result.report.values[CellRef(PART2, "第二十条第（一）项/规范性文件", "本年新制作数量")] == 1


def test_signature_date_in_chinese_numerals(seed_text, tmp_path):
    import datetime as dt

    path = _edited_seed(seed_text, tmp_path, "2021年1月29日", "二〇二一年一月二十九日")
    assert import_document(path).report.date == dt.date(2021, 1, 29)


def test_format_of_a_2021_report_written_on_the_2019_form_comes_from_its_labels(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "银川市投资促进局 2020 年政府", "银川市投资促进局 2021 年政府")
    result = import_document(path)
    assert (result.report.year, result.report.format_id) == (2021, "2019")
    assert any(f.rule == "FORMAT-YEAR" for f in check_report(result.report))


def test_title_and_signature_variants(seed_text, tmp_path):
    import datetime as dt

    path = _edited_seed(seed_text, tmp_path, "银川市投资促进局 2020 年政府信息公开", "2020年度银川市投资促进局政府信息公开")
    assert import_document(path).report.agency == "银川市投资促进局"
    path = _edited_seed(seed_text, tmp_path, "银川市投资促进局\n\n2021年1月29日", "银川市投资促进局　2021年1月29日")
    r = import_document(path).report
    assert (r.signature_agency, r.date) == ("银川市投资促进局", dt.date(2021, 1, 29))
    assert [p.text for p in r.parts["六"]] == ["无。"]


def test_utf16_text_from_notepad(seed_text, tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(seed_text("004_a9dbc25bac2331b1").read_text("utf-8").encode("utf-16"))
    assert import_document(path).report.agency == "银川市西夏区审批服务管理局"


def test_a_date_without_a_signature_leaves_the_last_paragraph_alone(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "银川市投资促进局\n\n2021年1月29日", "2021年1月29日")
    r = import_document(path).report
    assert (r.signature_agency, [p.text for p in r.parts["六"]]) == ("", ["无。"])


def test_a_date_that_does_not_exist_is_reported(seed_text, tmp_path):
    path = _edited_seed(seed_text, tmp_path, "2021年1月29日", "2021年2月30日")
    result = import_document(path)
    assert result.report.date is None
    assert "落款日期：“2021年2月30日”不是有效日期，请核对" in result.problems
    assert any(f.rule == "READ-NOTE" and "2021年2月30日" in f.message for f in check_report(result.report))
