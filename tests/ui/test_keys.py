"""Keyboard as a clerk uses it: shortcuts after paste, Delete on a block, Enter/Tab order, Tab out."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from reportdesk.formats import PART3, CellRef, Role

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _p3(window, r, c):
    p3 = window.report.format.part3
    return CellRef(PART3, p3.input_rows[r], p3.input_columns[c])


def _focus_table(window, qtbot, part="part3"):
    window.show_section(part)
    window.activateWindow()
    view = window.pages[part].view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    return view, window.pages[part].model


def test_ctrl_z_and_ctrl_y_after_paste_with_keys(window, qtbot):
    view, model = _focus_table(window, qtbot)
    before = dict(window.report.values)
    view.setCurrentIndex(model.index_of(_p3(window, 0, 0)))
    QGuiApplication.clipboard().setText("5\t6\n7\t8\n")
    qtbot.keyClick(view, K.Key_V, CTRL)
    assert window.report.values[_p3(window, 1, 1)] == 8
    qtbot.keyClick(view, K.Key_Z, CTRL)
    assert window.report.values == before
    assert model.data(model.index_of(_p3(window, 1, 1))) == str(before[_p3(window, 1, 1)])
    qtbot.keyClick(view, K.Key_Y, CTRL)
    assert window.report.values[_p3(window, 0, 0)] == 5 and window.report.values[_p3(window, 1, 1)] == 8
    assert "粘贴 4 个单元格" in window.doc.undo_stack.undoText()


def test_delete_on_a_block_zeroes_its_inputs_only_in_one_step(window, qtbot):
    view, model = _focus_table(window, qtbot)
    p3 = window.report.format.part3
    first = model.index_of(CellRef(PART3, p3.input_rows[0], p3.input_columns[0]))
    last = model.index_of(CellRef(PART3, p3.input_rows[2], p3.total_column))  # the block takes in 总计
    view.setCurrentIndex(first)
    view.selectionModel().select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view, K.Key_Delete)
    refs = [CellRef(PART3, r, c) for r in p3.input_rows[:3] for c in p3.input_columns]
    inputs = {c.ref for c in model.grid.cells if c.role is Role.INPUT}
    refs = [r for r in refs if r in inputs]
    assert refs and all(window.report.values[r] == 0 for r in refs)
    assert window.report.value(CellRef(PART3, p3.input_rows[0], p3.total_column)) == 0
    assert window.doc.undo_stack.count() == 1 and f"清零 {len(refs)} 个单元格" in window.doc.undo_stack.undoText()
    qtbot.keyClick(view, K.Key_Z, CTRL)
    assert window.report.values[_p3(window, 0, 0)] == 46


def test_tab_moves_right_and_enter_moves_down_as_in_excel(window, qtbot):
    view, model = _focus_table(window, qtbot)
    p3 = window.report.format.part3
    view.setCurrentIndex(model.index_of(_p3(window, 0, 0)))
    qtbot.keyClick(view, K.Key_Tab)
    assert model.ref_at(view.currentIndex()) == _p3(window, 0, 1)
    qtbot.keyClick(view, K.Key_Return)
    assert model.ref_at(view.currentIndex()) == _p3(window, 1, 1)
    qtbot.keyClick(view, K.Key_Enter)
    assert model.ref_at(view.currentIndex()) == _p3(window, 2, 1)
    qtbot.keyClick(view, K.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert model.ref_at(view.currentIndex()) == _p3(window, 1, 1)
    qtbot.keyClick(view, K.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert model.ref_at(view.currentIndex()) == _p3(window, 1, 0)
    # typing then Enter commits and goes down, skipping the totals between the input rows
    qtbot.keyClicks(view, "5")
    qtbot.keyClick(view.focusWidget(), K.Key_Return)
    qtbot.wait(5)
    assert window.report.values[_p3(window, 1, 0)] == 5
    assert model.ref_at(view.currentIndex()) == _p3(window, 2, 0)
    # the last input of a row goes on to the first input of the next row, skipping the totals
    view.setCurrentIndex(model.index_of(CellRef(PART3, p3.input_rows[0], p3.input_columns[-1])))
    qtbot.keyClick(view, K.Key_Tab)
    assert model.ref_at(view.currentIndex()) == CellRef(PART3, p3.input_rows[1], p3.input_columns[0])


def test_typing_then_tab_commits_and_moves(window, qtbot):
    view, model = _focus_table(window, qtbot)
    ref = _p3(window, 0, 0)
    view.setCurrentIndex(model.index_of(ref))
    qtbot.keyClicks(view, "7")
    editor = view.focusWidget()
    qtbot.keyClicks(editor, "3")
    qtbot.keyClick(editor, K.Key_Tab)
    qtbot.wait(5)
    assert window.report.values[ref] == 73
    assert model.ref_at(view.currentIndex()) == _p3(window, 0, 1)


def test_part3_row_labels_stay_in_view_on_a_narrow_window(window, qtbot):
    window.resize(600, 650)  # narrower than the columns can shrink to
    view, model = _focus_table(window, qtbot)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0, timeout=2000)
    p3 = window.report.format.part3
    frozen = view.frozen
    assert frozen is not None and frozen.isVisible()
    assert frozen.width() == sum(view.columnWidth(c) for c in range(3)) == view.frozen_width()
    label = next(c for c in model.grid.cells if c.role is not Role.INPUT and c.col == 0 and c.row > 3)
    assert frozen.visualRect(model.index(label.row, label.col)).isValid()
    last = model.index_of(CellRef(PART3, p3.input_rows[5], p3.input_columns[-1]))
    view.setCurrentIndex(last)
    view.scrollTo(last)
    assert view.horizontalScrollBar().value() > 0
    # going back left: the cell comes out from under the labels, it is not left hidden beneath them
    first = model.index_of(CellRef(PART3, p3.input_rows[5], p3.input_columns[0]))
    view.scrollTo(first)
    assert view.visualRect(first).left() >= view.frozen_width()
    # the labels scroll up and down with the numbers
    view.verticalScrollBar().setValue(120)
    assert frozen.verticalScrollBar().value() == view.verticalScrollBar().value() == 120
    # typing still goes to the cells, not to the overlay
    view.setCurrentIndex(first)
    qtbot.keyClicks(view, "5")
    qtbot.keyClick(view.focusWidget(), K.Key_Return)
    qtbot.wait(5)
    assert window.report.values[CellRef(PART3, p3.input_rows[5], p3.input_columns[0])] == 5


def _tab_from(app, widget, qtbot, n):
    widget.setFocus()
    out = []
    for _ in range(n):
        qtbot.keyClick(app.focusWidget(), K.Key_Tab)
        out.append(app.focusWidget())
    return out


def test_tab_goes_navigation_then_the_part_then_the_findings(window, qtbot):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window.activateWindow()
    window.show_section("part1")
    assert _tab_from(app, window.nav, qtbot, 3) == [
        window.pages["part1"].editor,
        window.findings_panel,
        window.nav,
    ]
    window.show_section("info")
    assert _tab_from(app, window.nav, qtbot, 1) == [window.info_page.ui.agencyEdit]
    window.show_section("part3")
    assert _tab_from(app, window.nav, qtbot, 1) == [window.pages["part3"].view]
    # a new document brings new pages: the order still holds
    window.open_report_file(window.doc.path)
    window.show_section("part5")
    assert _tab_from(app, window.nav, qtbot, 2) == [window.pages["part5"].editor, window.findings_panel]
