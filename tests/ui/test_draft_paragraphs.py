"""插入数据说明 as a clerk uses it: drafted from the tables into part 一, flagged when a cell changes,
updated in one click, undone in one step, and kept in the saved project (issue #16)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reportdesk.checks import check_report
from reportdesk.formats import PART3, CellRef
from reportdesk.model.project import load_project


def _menu_action(button, starts: str):
    return next(a for a in button.menu().actions() if a.text().startswith(starts))


def test_insert_flag_update_undo_and_save(window, demo_file):
    window.show_section("part1")
    page = window.pages["part1"]
    button = page.draft_button
    report = window.doc.report
    before = len(report.parts["一"])

    _menu_action(button, "依申请公开").trigger()
    assert len(report.parts["一"]) == before + 1
    p3 = report.format.part3
    new = report.value(CellRef(PART3, p3.new_row, p3.total_column))
    drafted = next(p.text for p in report.parts["一"] if p.text.startswith("本年度共新收政府信息公开申请"))
    assert f"新收政府信息公开申请{new}件" in drafted
    assert not [f for f in check_report(report) if f.rule in ("DRAFT-STALE", "PROSE-NUMBER")]

    # a cell changes afterwards: the sentence is flagged, naming the cell
    ref = CellRef(PART3, p3.new_row, p3.input_columns[0])
    model = window.pages["part3"].model
    model.setData(model.index_of(ref), str(report.value(ref) + 5), Qt.ItemDataRole.EditRole)
    [stale] = [f for f in check_report(report) if f.rule == "DRAFT-STALE"]
    assert stale.place.cells == (CellRef(PART3, p3.new_row, p3.total_column),)  # the figure the sentence states

    # one click re-drafts it with the new figures
    _menu_action(button, "更新数据说明").trigger()
    assert f"新收政府信息公开申请{new + 5}件" in "\n".join(p.text for p in report.parts["一"])
    assert not [f for f in check_report(report) if f.rule == "DRAFT-STALE"]

    window.save()
    saved = load_project(demo_file)
    assert [d.part for d in saved.drafts] == [PART3]
    assert saved.drafts[0].text in "\n".join(p.text for p in saved.parts["一"])

    # the update was one undo step: undo brings the old sentence back
    window.doc.undo_stack.undo()
    assert f"新收政府信息公开申请{new}件" in "\n".join(p.text for p in report.parts["一"])
