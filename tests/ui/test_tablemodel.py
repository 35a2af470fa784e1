"""The table models without a window: every cell of each official table, targeted dataChanged."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt

from reportdesk.formats import FORMATS, PART2, PART3, PART4, TABLE_PARTS, CellRef, Role, all_cells, cells_of
from reportdesk.loading import load_report
from reportdesk.model import new_report
from reportdesk.paths import demo_report_path
from reportdesk.ui.document import Document
from reportdesk.ui.tablemodel import ReportTableModel

R = Qt.ItemDataRole


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_every_official_cell_is_in_a_model(qtbot, format_id):
    doc = Document(new_report("青禾市教育局", 2020 if format_id == "2019" else 2024))
    refs = set()
    for table in TABLE_PARTS:
        model = ReportTableModel(doc, table)
        for cell in model.grid.cells:
            idx = model.index(cell.row, cell.col)
            editable = bool(model.flags(idx) & Qt.ItemFlag.ItemIsEditable)
            assert editable == (cell.role is Role.INPUT)
            if cell.ref is not None:
                refs.add(cell.ref)
                assert model.index_of(cell.ref) == idx
                assert model.data(idx).removesuffix("元") == "0"
            else:
                assert model.data(idx) == cell.text
    assert refs == set(all_cells(doc.report.format))


def test_edit_emits_data_changed_for_the_cell_and_its_totals_only(qtbot):
    doc = Document(load_report(demo_report_path()))
    model = ReportTableModel(doc, PART3)
    other = ReportTableModel(doc, PART4)
    p3 = doc.report.format.part3
    ref = CellRef(PART3, p3.input_rows[3], p3.input_columns[1])
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column())))
    other_changed = []
    other.dataChanged.connect(lambda a, b: other_changed.append(a))
    doc.edit_cells({ref: 0}, "x")  # the demo is balanced; making it 0 breaks its column
    expected = {ref} | {t for t, srcs in cells_of(doc.report.format).formulas.items() if ref in srcs}
    touched = {model.ref_at(model.index(r, c)) for r, c in changed}
    assert expected <= touched
    flagged = {c for f in doc.findings for c in f.place.cells if c.table == PART3}
    assert touched <= expected | flagged  # highlights that changed, nothing else
    assert len(changed) < 20
    assert other_changed == []


def test_money_cell_of_2019_keeps_its_unit(qtbot):
    doc = Document(new_report("青禾市教育局", 2020))
    model = ReportTableModel(doc, PART2)
    fmt = doc.report.format
    block = fmt.part2[-1]
    ref = CellRef(PART2, f"{block.title}/{block.rows[0]}", block.columns[1].label)
    assert model.setData(model.index_of(ref), "160.5964万元")
    assert model.data(model.index_of(ref)) == "160.5964万元"
    rejected = []
    model.rejected.connect(rejected.append)
    assert not model.setData(model.index_of(ref), "很多")
    assert rejected and "金额" in rejected[0]


def test_conversion_2019_to_2021_lists_what_cannot_move():
    from reportdesk.model.convert import convert_report

    report = new_report("青禾市教育局", 2020)
    p3 = report.format.part3
    other = next(r for r in p3.input_rows if r.endswith("（六）其他处理"))
    report.values[CellRef(PART3, other, p3.input_columns[0])] = 4
    report.values[CellRef(PART3, p3.input_rows[0], p3.input_columns[0])] = 9
    before = copy.deepcopy(report)
    conv = convert_report(report, FORMATS["2021"], 2021)
    assert report == before  # the original is untouched
    assert conv.report.format_id == "2021" and conv.report.year == 2021
    assert conv.report.values[CellRef(PART3, p3.input_rows[0], p3.input_columns[0])] == 9
    assert any("（六）其他处理" in line and "4" in line for line in conv.lost)
    assert conv.report.title.startswith("青禾市教育局2021年")
