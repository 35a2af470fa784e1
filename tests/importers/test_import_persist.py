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
