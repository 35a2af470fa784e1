"""An unknown cell in the table editor: a grey ？ with the reason, its totals ？ too, never 0 or blank."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.helpers import seed

from reportdesk.formats import PART3, CellRef
from reportdesk.ui.document import Document
from reportdesk.ui.tablemodel import UNKNOWN_FG, ReportTableModel

R = Qt.ItemDataRole
DISCLOSED = CellRef(PART3, "三、本年度办理结果/（一）予以公开", "自然人")
RESULT_TOTAL = CellRef(PART3, "三、本年度办理结果/（七）总计", "自然人")
NEW_TOTAL = CellRef(PART3, "一、本年新收政府信息公开申请数量", "总计")


def _model(qtbot):
    report = seed("001_082ea42f41a4a5d8")
    report.values[DISCLOSED] = None
    report.unreadable[DISCLOSED] = "“l”（不是数字）"
    doc = Document(report)
    return doc, ReportTableModel(doc, PART3)


def test_unknown_cell_and_its_totals_show_a_grey_mark_with_the_reason(qtbot):
    _doc, model = _model(qtbot)
    idx = model.index_of(DISCLOSED)
    assert model.data(idx) == "？" and model.data(idx, R.EditRole) == ""
    assert model.data(idx, R.ForegroundRole) == UNKNOWN_FG
    assert "“l”（不是数字）" in model.data(idx, R.ToolTipRole)
    total = model.index_of(RESULT_TOTAL)
    assert model.data(total) == "？" and "未知" in model.data(total, R.ToolTipRole)
    assert model.data(model.index_of(NEW_TOTAL)) == "2"  # a total without unknown input is a number


def test_typing_the_cell_makes_it_and_its_totals_known(qtbot):
    doc, model = _model(qtbot)
    model.preview(CellRef(PART3, "一、本年新收政府信息公开申请数量", "其他"), "3")
    assert model.data(model.index_of(RESULT_TOTAL)) == "？"  # another cell typed: still unknown
    model.preview(DISCLOSED, "1")
    assert model.data(model.index_of(RESULT_TOTAL)) == "1"
    model.preview(None, "")
    doc.edit_cells({DISCLOSED: 1}, "x")
    assert model.data(model.index_of(DISCLOSED)) == "1"
    assert model.data(model.index_of(RESULT_TOTAL)) == "1"


def test_undo_makes_the_cell_unknown_again(qtbot):
    doc, model = _model(qtbot)
    doc.edit_cells({DISCLOSED: 1}, "x")
    assert not doc.report.is_unknown(DISCLOSED)
    doc.undo_stack.undo()
    assert doc.report.unreadable[DISCLOSED] == "“l”（不是数字）" and doc.report.values[DISCLOSED] is None
    assert model.data(model.index_of(RESULT_TOTAL)) == "？"
    doc.undo_stack.redo()
    assert model.data(model.index_of(DISCLOSED)) == "1"


def test_findings_panel_shows_reading_notes_apart(qtbot):
    from reportdesk.ui.findingspanel import FindingsPanel

    doc, _ = _model(qtbot)
    panel = FindingsPanel(doc)
    qtbot.addWidget(panel)
    texts = [item.text(1) for item, _f in panel.finding_items()]
    assert any(t.startswith("【读取说明】") and "“l”（不是数字）" in t for t in texts)
    assert any(t.startswith("【警告】") and "未能进行" in t for t in texts)


def test_converting_the_format_keeps_unknown_cells_unknown():
    from reportdesk.formats import FORMATS
    from reportdesk.model.convert import convert_report

    report = seed("000_730c80e139d75b64")  # 2020, 2019 format
    ref = CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")
    report.values[ref], report.unreadable[ref] = None, "“l”（不是数字）"
    new = convert_report(report, FORMATS["2021"], 2021).report
    assert new.values[ref] is None and new.unreadable == {ref: "“l”（不是数字）"}
    assert new.value(CellRef(PART3, ref.row, "总计")) is None
