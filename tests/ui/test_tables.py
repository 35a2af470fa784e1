"""The form-shaped tables: layout, typing, bad input, paste, copy, delete, undo, highlights."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from reportdesk.formats import PART2, PART3, PART4, CellRef, Role, grid_of
from reportdesk.model.project import load_project
from reportdesk.ui.tablemodel import COMPUTED_BG, ERROR_BG

R = Qt.ItemDataRole


def _p3(window, row_index=0, col_index=0):
    p3 = window.report.format.part3
    return CellRef(PART3, p3.input_rows[row_index], p3.input_columns[col_index])


def _focused(view):
    """The open cell editor, else the view (focus is unreliable when another test window was active)."""
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    return editors[0] if editors else view


def _type(qtbot, view, index, text, key=Qt.Key.Key_Return):
    """Type as a clerk does: the first key opens the cell editor, the rest go to it, then Enter."""
    view.activateWindow()
    view.setFocus()
    view.setCurrentIndex(index)
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(_focused(view), ch)
        else:  # as an input method delivers it: a key event carrying only text
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(_focused(view), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    qtbot.keyClick(_focused(view), key)
    qtbot.wait(5)  # the delegate commits through a queued call


def test_grid_has_the_official_merged_headers(window):
    model = window.pages["part3"].model
    view = window.pages["part3"].view
    grid = grid_of(window.report.format, PART3)
    corner = model.starts[(0, 0)]
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert view.rowSpan(0, 0) == 3 and view.columnSpan(0, 0) == 3
    assert model.data(model.index(0, 0)) == window.report.format.part3.corner
    # 法人或其他组织 spans its five columns
    legal = next(c for c in grid.cells if c.text == "法人或其他组织")
    assert view.columnSpan(legal.row, legal.col) == 5
    p4 = window.pages["part4"].view
    assert p4.columnSpan(0, 5) == 10  # 行政诉讼 over both litigation groups
    p2 = window.pages["part2"]
    title = next(c for c in p2.model.grid.cells if c.role is Role.TITLE)
    assert p2.view.columnSpan(title.row, title.col) == p2.model.grid.cols


def test_computed_cells_read_only_shaded_and_live(window, qtbot):
    model = window.pages["part3"].model
    p3 = window.report.format.part3
    total = CellRef(PART3, p3.input_rows[0], p3.total_column)
    idx = model.index_of(total)
    assert not (model.flags(idx) & Qt.ItemFlag.ItemIsEditable)
    assert model.data(idx, R.BackgroundRole) == COMPUTED_BG
    before = int(model.data(idx))
    view = window.pages["part3"].view
    window.show_section("part3")
    _type(qtbot, view, model.index_of(_p3(window)), "100")
    assert window.report.values[_p3(window)] == 100
    assert int(model.data(idx)) == before - 46 + 100  # demo has 46 自然人 new applications


def test_typing_overwrites_and_enter_moves_down(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    ref = _p3(window)
    _type(qtbot, view, model.index_of(ref), "7")
    assert window.report.values[ref] == 7
    assert model.ref_at(view.currentIndex()) == _p3(window, 1, 0)  # down, as in Excel
    # Tab from the last input of a row skips the computed 总计 to the next row's first input
    last = _p3(window, 0, len(window.report.format.part3.input_columns) - 1)
    view.setCurrentIndex(model.index_of(last))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert model.ref_at(view.currentIndex()) == _p3(window, 1, 0)


def test_full_width_digits_are_converted(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    _type(qtbot, view, model.index_of(_p3(window)), "１２")
    assert window.report.values[_p3(window)] == 12


def test_bad_input_refused_with_message(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    ref = _p3(window)
    for text, words in (("abc", "不是数字"), ("-3", "不能为负数"), ("1.5", "不能有小数")):
        _type(qtbot, view, model.index_of(ref), text)
        assert window.report.values[ref] == 46
        assert words in window.statusBar().currentMessage()
        qtbot.keyClick(_focused(view), Qt.Key.Key_Escape)  # the cell kept editing the text; Esc gives up
    assert window.doc.undo_stack.count() == 0


def test_delete_sets_zero_and_undo_restores(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    ref = _p3(window)
    view.setCurrentIndex(model.index_of(ref))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.report.values[ref] == 0
    window.undo()
    assert window.report.values[ref] == 46
    window.redo()
    assert window.report.values[ref] == 0


def test_paste_block_skips_totals_and_is_one_undo_step(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    p3 = window.report.format.part3
    before = dict(window.report.values)
    # Two rows copied from Excel with their 总计 column: 6 inputs + the total
    QGuiApplication.clipboard().setText("1\t2\t3\t4\t5\t6\t999\r\n７\t8\t9\t10\t11\t12\t999\r\n")
    view.setCurrentIndex(model.index_of(_p3(window)))
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [window.report.values[CellRef(PART3, p3.input_rows[0], c)] for c in p3.input_columns] == [1, 2, 3, 4, 5, 6]
    assert [window.report.values[CellRef(PART3, p3.input_rows[1], c)] for c in p3.input_columns] == [
        7,
        8,
        9,
        10,
        11,
        12,
    ]
    assert window.report.value(CellRef(PART3, p3.input_rows[0], p3.total_column)) == 21
    assert "跳过 2 个合计" in window.statusBar().currentMessage()
    assert window.doc.undo_stack.count() == 1
    window.undo()
    assert window.report.values == before


def test_paste_with_bad_value_pastes_the_rest_and_names_the_bad_one(window, answers):
    view, model = window.pages["part3"].view, window.pages["part3"].model
    view.setCurrentIndex(model.index_of(_p3(window)))
    view.paste("1\t2\tx\n")
    assert window.report.values[_p3(window)] == 1 and window.report.values[_p3(window, 0, 1)] == 2
    assert "1 个单元格不是数字" in window.statusBar().currentMessage()
    assert "“x”" in answers.told[-1]


def test_copy_block(window):
    view, model = window.pages["part4"].view, window.pages["part4"].model
    p4 = window.report.format.part4
    group = p4.groups[0]
    cols = p4.columns_of(group)
    first, last = model.index_of(CellRef(PART4, group, cols[0])), model.index_of(CellRef(PART4, group, cols[-1]))
    view.setCurrentIndex(first)
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    view.selectionModel().select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.copy()
    values = [window.doc.display(CellRef(PART4, group, c)) for c in cols]
    assert QGuiApplication.clipboard().text() == "\t".join(values) + "\n"


def test_imbalance_highlighted_with_numbers_in_tooltip(window):
    model = window.pages["part3"].model
    ref = _p3(window)
    window.doc.type_cell(ref, "999")
    finding = next(f for f in window.doc.findings if ref in f.place.cells)
    idx = model.index_of(ref)
    assert model.data(idx, R.BackgroundRole) == ERROR_BG
    tip = model.data(idx, R.ToolTipRole)
    assert "999" in tip and finding.message in tip
    assert window.counts.text().startswith("1 个错误")
    window.undo()
    assert model.data(idx, R.BackgroundRole) != ERROR_BG
    assert window.counts.text() == "0 个错误 · 0 个警告"


def test_part2_values_kinds(window, qtbot):
    model = window.pages["part2"].model
    fmt = window.report.format
    block = fmt.part2[-1]  # 收费金额 in 万元: decimals allowed
    ref = CellRef(PART2, f"{block.title}/{block.rows[0]}", block.columns[0].label)
    assert window.doc.type_cell(ref, "12.5") is None
    assert str(window.report.values[ref]) == "12.5"
    assert model.data(model.index_of(ref)) == "12.5"


def test_edit_save_reopen(window, qtbot, demo_file):
    ref = _p3(window)
    window.doc.type_cell(ref, "50")
    assert window.windowTitle().startswith("demo.rdproj[*]") and window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
    assert load_project(demo_file).values[ref] == 50


def test_typing_into_a_total_is_refused_with_message(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    p3 = window.report.format.part3
    total = CellRef(PART3, p3.input_rows[0], p3.total_column)
    before = dict(window.report.values)
    view.setFocus()
    view.setCurrentIndex(model.index_of(total))
    qtbot.keyClicks(view, "5")
    assert "自动计算" in window.statusBar().currentMessage()
    assert window.report.values == before


def test_totals_follow_each_keystroke_and_arrow_commits(window, qtbot):
    window.show_section("part3")
    view, model = window.pages["part3"].view, window.pages["part3"].model
    p3 = window.report.format.part3
    ref = _p3(window)
    total = model.index_of(CellRef(PART3, p3.input_rows[0], p3.total_column))
    assert model.data(total) == "60"
    view.setFocus()
    view.setCurrentIndex(model.index_of(ref))
    qtbot.keyClicks(view, "1")
    assert model.data(total) == str(60 - 46 + 1)  # while the editor is still open
    qtbot.keyClicks(_focused(view), "0")
    assert model.data(total) == str(60 - 46 + 10)
    assert window.report.values[ref] == 46  # nothing stored yet
    qtbot.keyClick(_focused(view), Qt.Key.Key_Down)
    qtbot.wait(5)
    assert window.report.values[ref] == 10
    assert model.data(total) == str(60 - 46 + 10)
    assert model.ref_at(view.currentIndex()) == _p3(window, 1, 0)
