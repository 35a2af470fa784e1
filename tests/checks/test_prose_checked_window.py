"""已核对 in the window: the findings panel marks a warning as checked, undoably, and the mark is saved."""

from __future__ import annotations

import pytest
from tests.helpers import demo

from reportdesk.model.project import load_project, save_project
from reportdesk.model.prose import paragraphs_from_text

pytest.importorskip("pytestqt")


def _panel(qtbot):
    from reportdesk.ui.document import Document
    from reportdesk.ui.findingspanel import FindingsPanel

    report = demo()
    report.parts["一"] = paragraphs_from_text("区属各单位全年新收政府信息公开申请59件。")
    doc = Document(report)
    panel = FindingsPanel(doc)
    qtbot.addWidget(panel)
    return doc, panel


def test_marking_a_warning_checked_hides_it_until_undone_and_saves_it(qtbot, tmp_path):
    doc, panel = _panel(qtbot)
    [(item, finding)] = [(i, f) for i, f in panel.finding_items() if f.rule == "PROSE-NUMBER"]
    assert "〖59〗" in item.text(1)  # the sentence with its number highlighted
    assert "一、本年新收政府信息公开申请数量" in item.text(0)  # and the cell
    panel.mark_checked(finding)
    assert not [f for _, f in panel.finding_items() if f.rule == "PROSE-NUMBER"]
    assert not doc.undo_stack.isClean()  # a change to save
    path = tmp_path / "r.rdproj"
    save_project(doc.report, path)
    assert finding.fingerprint in load_project(path).checked
    doc.undo_stack.undo()
    assert [f for _, f in panel.finding_items() if f.rule == "PROSE-NUMBER"] == [finding]


def test_errors_cannot_be_marked(qtbot):
    doc, panel = _panel(qtbot)
    from reportdesk.formats import PART3, CellRef

    doc.report.values[CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")] = 47
    doc.recheck()
    errors = [f for _, f in panel.finding_items() if f.severity.value == "error"]
    assert errors
    panel.mark_checked(errors[0])
    assert doc.undo_stack.count() == 0 and not doc.report.checked
