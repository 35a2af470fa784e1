"""What a clerk met driving the whole window for a day (1024×768 and 1366×768, every screenshot looked at):
each test here failed on the code before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reportdesk.checks import Place
from reportdesk.formats import PART2, PART3, PART4, cells_of

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_date_finding_puts_the_caret_in_the_date_field(window):
    """“缺少落款日期” clicked: the caret goes to 落款日期, not to 落款机关 above it."""
    window.reveal(Place(field="date"))
    page = window.pages["signature"]
    assert window.current_section() == "signature"
    assert window.focusWidget() is page.date.edit
    window.reveal(Place(field="signature"))
    assert window.focusWidget() is page.agency


def test_the_status_bar_names_the_revealed_cell_once(window):
    """It said “表三：表三“一、本年新收…”行“自然人”” (the table twice)."""
    inputs = cells_of(window.report.format).inputs
    for table in (PART2, PART3, PART4):
        ref = next(r for r in inputs if r.table == table)
        window.reveal(Place(part=table, cells=(ref,)))
        message = window.statusBar().currentMessage()
        assert message == ref.describe()
        assert message.count(f"表{table}") == 1


def test_ctrl_z_and_ctrl_y_in_a_prose_part(window, qtbot):
    """Typed in part 五, Ctrl+Z there did nothing (the text editor took the key for its own undo, which
    is off: the window's undo stack holds the typing); now it undoes the typing, Ctrl+Y redoes it."""
    window.show_section("part5")
    window.activateWindow()
    editor = window.pages["part5"].editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    original = list(window.report.parts["五"])
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "abc")
    editor.flush()
    typed = list(window.report.parts["五"])
    assert typed != original and typed[-1].text.endswith("abc")
    qtbot.keyClick(editor, K.Key_Z, CTRL)
    assert window.report.parts["五"] == original
    assert "abc" not in editor.toPlainText()
    qtbot.keyClick(editor, K.Key_Y, CTRL)
    assert window.report.parts["五"] == typed
    qtbot.keyClick(editor, K.Key_Z, CTRL)
    qtbot.keyClick(editor, K.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.report.parts["五"] == typed and editor.toPlainText().endswith("abc")


def test_the_navigation_keeps_its_marks_after_a_year_conversion(qtbot, answers, monkeypatch):
    """A blank 2025 report moved to 2020 (and converted to the 2019 format): parts 一/五/六 and the 落款
    are still to be written, but the navigation lost its “（待填写）” marks until the next edit."""
    from reportdesk.model import new_report
    from reportdesk.ui import fileactions
    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow(new_report("示例县农业农村局", 2025))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.doc.checked, timeout=2000)

    def marked() -> list[str]:
        return [w.nav.item(i).text() for i in range(w.nav.count()) if w.nav.item(i).text().endswith("（待填写）")]

    before = marked()
    assert len(before) == 4  # 一、五、六 and 落款
    monkeypatch.setattr(fileactions, "ask_to_convert", lambda *a: True)
    w.files.change_year(2020)
    assert w.report.format_id == "2019"
    assert marked() == before
    w.doc.undo_stack.setClean()
    w.files.unsaved_import = False


def test_long_texts_on_the_info_page_show_their_beginning(qtbot, answers):
    """The demo at 1024×768: 网站名称及网址 showed “网站（www.qinghe.gov.cn）“政府信息公开”专栏”, its start
    (the site's name) cut off, and a long title likewise: a line edit given a text scrolls to its end."""
    from reportdesk.paths import demo_report_path
    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1024, 738)
    assert w.open_report_file(demo_report_path())
    w.show()
    qtbot.waitExposed(w)
    ui = w.info_page.ui
    edits = [ui.titleEdit, ui.websiteEdit, ui.addressEdit, w.pages["signature"].agency]
    long = [e for e in edits if e.fontMetrics().horizontalAdvance(e.text()) > e.width() - 12]
    assert ui.websiteEdit in long, "the demo's website should not fit its field at 1024 px"
    for edit in long:
        assert edit.cursorPosition() == 0
        assert edit.cursorRect().left() < 12, edit.objectName()  # the view is at the text's start
    w.doc.edit_info("agency", "青禾市市场监督管理局综合行政执法支队办公室", "机关名称")  # the title follows
    assert ui.titleEdit.cursorPosition() == 0 and ui.titleEdit.text().startswith("青禾市市场监督管理局综合")
    w.doc.undo_stack.setClean()
    w.files.unsaved_import = False


def test_the_review_window_opens_within_the_screen(window, qtbot):
    """检查→批量审阅… opened 1200 px wide on a 1024×768 screen: its right edge, with 导出网页… and
    导出表格…, off the screen."""
    window.open_review()
    review = window.review_window
    qtbot.addWidget(review)
    qtbot.waitExposed(review)
    room = window.screen().availableGeometry()
    assert room.width() < 1200, "the test screen should be narrower than the window's wish"
    assert review.width() <= room.width() and review.height() <= room.height()
    assert review.minimumSizeHint().width() <= room.width()
    for button in (review.html_button, review.csv_button):
        right = button.mapTo(review, button.rect().topRight()).x()
        assert right <= review.width()
    review.close()


def test_f8_with_nothing_to_show_says_so(window, qtbot):
    """The demo has no findings: F8 (下一个问题) did nothing at all, not even a word."""
    window.activateWindow()
    window.show_section("part5")
    editor = window.pages["part5"].editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    assert not window.findings_panel.finding_items()
    window.statusBar().clearMessage()
    qtbot.keyClick(editor, K.Key_F8)
    assert window.statusBar().currentMessage() == "没有发现问题"
    assert window.current_section() == "part5"


def test_an_undo_on_another_page_says_what_it_undid(window, qtbot):
    """A figure typed in part 三, then the clerk writes in part 一 and presses Ctrl+Z twice: the second
    undoes the figure on a page not in view, and nothing on screen said so."""
    p3 = window.report.format.part3
    ref = next(r for r in cells_of(window.report.format).inputs if r.table == PART3 and r.row == p3.input_rows[0])
    old = window.report.values[ref]
    window.doc.type_cell(ref, str(old + 7))
    window.show_section("part1")
    window.activateWindow()
    editor = window.pages["part1"].editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    qtbot.keyClicks(editor, "x")
    editor.flush()
    qtbot.keyClick(editor, K.Key_Z, CTRL)
    qtbot.keyClick(editor, K.Key_Z, CTRL)
    assert window.report.values[ref] == old
    assert window.statusBar().currentMessage() == f"已撤销：填写{ref.describe()}"
    qtbot.keyClick(editor, K.Key_Y, CTRL)
    assert window.report.values[ref] == old + 7
    assert window.statusBar().currentMessage() == f"已重做：填写{ref.describe()}"


def test_last_years_report_of_the_wrong_year_is_said_beside_the_tables(window, qtbot):
    """A 2023 report attached as last year's to a 2025 report: the warning was only in the status bar,
    where at 1024×768 the counts cut it off after “（注意：所选报告是2023年度的，”."""
    from pathlib import Path

    seed = Path(__file__).parents[1] / "fixtures" / "real" / "x-pingtan-hzs-2023" / "original.txt"
    assert window.report.year == 2025
    assert window.previous_year.attach_file(seed)
    assert window.report.previous.year == 2023
    window.show_section("part3")
    _overlay, _button, note = window.previous_year._parts[window.pages["part3"]]
    assert "2023" in note.text() and "不是上一年度" in note.text()


def test_recent_files_after_a_second_report_was_opened(window, qtbot, demo_file, tmp_path):
    """文件→最近打开 after opening another report raised “Internal C++ object (QMenu) already deleted”
    (a message box instead of the list): walking the focus chain for the tab order had made, by PySide's
    return-value heuristic, each widget's Python wrapper a child of the previous one's, so the menu bar's
    wrapper died with a label of the first report's pages, and the menus' with it."""
    import shutil

    from shiboken6 import Shiboken

    other = tmp_path / "other.rdproj"
    shutil.copy(demo_file, other)
    qtbot.wait(50)  # the first paint and its tab order
    assert window.open_report_file(other)
    qtbot.wait(50)  # the first report's pages are deleted
    assert Shiboken.isValid(window.menuBar()) and Shiboken.isValid(window.recent_menu)
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts and texts[0].startswith("other.rdproj")
