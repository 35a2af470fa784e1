"""The window as a clerk uses it: navigation, findings, prose, info page, year conversion, menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reportdesk.formats import PART3, PART4, CellRef
from reportdesk.model import LEVEL_2
from reportdesk.model.project import load_project


def test_sections_menus_and_title(window):
    assert window.windowTitle().startswith("demo.rdproj")
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts[0] == "报告信息" and texts[-1] == "落款" and texts[3].startswith("三、")
    for key in ("info", "part1", "part3", "part6", "signature"):
        window.show_section(key)
        assert window.current_section() == key
    menus = [a.text() for a in window.menuBar().actions()]
    assert [m[:2] for m in menus] == ["文件", "编辑", "检查", "导出", "帮助"]
    shortcuts = {a.shortcut().toString() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert {"Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+Z", "Ctrl+Y", "Ctrl+P", "Ctrl+B"} <= shortcuts
    export = next(m.menu() for m in window.menuBar().actions() if m.text().startswith("导出"))
    assert [a.text() for a in export.actions() if a.text()][:4] == [
        "导出 Word(.docx)…",
        "导出 PDF…",
        "打印预览…",
        "打印…",
    ]


def test_counts_and_clicking_a_finding_selects_the_cell(window, qtbot):
    p4 = window.report.format.part4
    group = p4.groups[0]
    ref = CellRef(PART4, group, p4.columns_of(group)[0])
    p3 = window.report.format.part3
    bad = CellRef(PART3, p3.input_rows[0], p3.input_columns[2])
    window.doc.type_cell(bad, "500")
    assert window.counts.text().startswith("1 个错误")
    window.show_section("part4")
    window.pages["part4"].view.setCurrentIndex(window.pages["part4"].model.index_of(ref))
    items = window.findings_panel.finding_items()
    item, finding = next((it, f) for it, f in items if bad in f.place.cells)
    assert "第三部分" in item.parent().text(0)
    rect = window.findings_panel.visualItemRect(item)
    qtbot.mouseClick(window.findings_panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "part3"
    page = window.pages["part3"]
    assert page.model.ref_at(page.view.currentIndex()) == finding.place.cells[0]
    assert "表三" in window.statusBar().currentMessage()


def test_prose_typing_headings_bold_and_undo(window, qtbot):
    window.show_section("part5")
    editor = window.pages["part5"].editor
    original = list(window.report.parts["五"])
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\n（三）下一步打算")
    editor.flush()
    paras = window.report.parts["五"]
    assert paras[-1].text == "（三）下一步打算" and paras[-1].level == LEVEL_2
    assert editor.highlighter.formats[LEVEL_2].fontWeight() > 400
    # bold run: select "下一步" and press Ctrl+B
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.StartOfBlock)
    cursor.movePosition(cursor.MoveOperation.Right, cursor.MoveMode.MoveAnchor, 3)
    cursor.movePosition(cursor.MoveOperation.Right, cursor.MoveMode.KeepAnchor, 3)
    editor.setTextCursor(cursor)
    window.toggle_bold()
    editor.flush()
    assert window.report.parts["五"][-1].markup() == "（三）**下一步**打算"
    window.undo()
    window.undo()
    window.undo()
    assert window.report.parts["五"] == original
    assert "下一步打算" not in editor.toPlainText()


def test_empty_prose_part_shows_outline(qtbot, answers):
    from reportdesk.model import new_report
    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow(new_report("青禾市教育局", 2025))
    qtbot.addWidget(w)
    w.show()
    w.show_section("part1")
    page = w.pages["part1"]
    assert page.guide.isVisible()
    assert "参考提纲" in page.guide.text() and "（二）依申请公开" in page.guide.text()
    page.editor.insertPlainText("（一）主动公开")
    assert not page.guide.isVisible()
    assert "无。" in w.pages["part6"].guide.text()


def test_info_page_edits_are_undoable(window):
    ui = window.info_page.ui
    ui.agencyEdit.setText("青禾市交通运输局")
    ui.agencyEdit.editingFinished.emit()
    assert window.report.agency == "青禾市交通运输局"
    # title and 落款 were as generated, so they follow the agency, in the same undo step
    assert window.report.title == "青禾市交通运输局2025年政府信息公开工作年度报告"
    assert window.report.signature_agency == "青禾市交通运输局"
    assert ui.titleEdit.text() == window.report.title
    ui.phoneEdit.setText("0000-1")
    ui.phoneEdit.editingFinished.emit()
    assert window.report.contact.phone == "0000-1"
    window.info_page.regenerate()
    assert "0000-1" in window.report.opening and "0000-1" in ui.openingEdit.toPlainText()
    window.undo()
    window.undo()
    assert window.report.contact.phone != "0000-1" and ui.phoneEdit.text() == window.report.contact.phone
    window.undo()
    assert window.report.agency == "青禾市市场监督管理局"
    assert (
        window.report.title.startswith("青禾市市场监督管理局")
        and window.report.signature_agency == "青禾市市场监督管理局"
    )


def test_year_across_2021_offers_conversion(window, monkeypatch):
    shown = {}

    def exec_(box):
        shown["text"] = box.text() + box.informativeText()
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert window.report.format_id == "2021"
    window.info_page.ui.yearSpin.setValue(2020)
    window.info_page.commit_year()
    assert window.report.year == 2020 and window.report.format_id == "2019"
    assert "国办公开办函〔2019〕60号" in shown["text"]
    assert "没有对应栏目" in shown["text"] and "本年收费金额" in shown["text"]  # 万元 amount cannot be mapped
    assert "处理决定数量" in shown["text"]  # mapped by label
    assert window.pages["part2"].model.grid.rows > 10  # part 二 redrawn in the 2019 shape
    window.undo()
    assert window.report.year == 2025 and window.report.format_id == "2021"


def test_year_conversion_declined_keeps_report(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.No)
    window.info_page.ui.yearSpin.setValue(2019)
    window.info_page.commit_year()
    assert window.report.year == 2025 and window.info_page.ui.yearSpin.value() == 2025


def test_year_within_format_is_a_plain_edit(window, demo_file):
    window.info_page.ui.yearSpin.setValue(2024)
    window.info_page.commit_year()
    assert window.report.year == 2024 and window.report.format_id == "2021"
    window.save()
    assert load_project(demo_file).year == 2024


def test_reveal_paragraph_and_fields(window):
    from reportdesk.checks import Place

    window.reveal(Place(part="一", paragraph=2))
    editor = window.pages["part1"].editor
    assert window.current_section() == "part1"
    assert editor.textCursor().selectedText() == window.report.parts["一"][2].text
    window.reveal(Place(field="date"))
    assert window.current_section() == "signature"
    window.reveal(Place(field="title"))
    assert window.current_section() == "info"


def test_prose_typing_after_a_pause_is_a_separate_undo_step(window, monkeypatch):
    from reportdesk.ui import commands

    clock = [1000.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: clock[0])
    editor = window.pages["part6"].editor
    original = window.report.parts["六"][-1].text
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("甲")
    editor.flush()
    clock[0] += 0.5
    editor.insertPlainText("乙")
    editor.flush()
    clock[0] += 10  # the clerk paused
    editor.insertPlainText("丙")
    editor.flush()
    assert window.report.parts["六"][-1].text == original + "甲乙丙"
    window.undo()
    assert window.report.parts["六"][-1].text == original + "甲乙"
    window.undo()
    assert window.report.parts["六"][-1].text == original


def test_report_in_the_wrong_format_offers_conversion(qtbot, answers, monkeypatch):
    from reportdesk.model import new_report
    from reportdesk.ui.mainwindow import MainWindow

    report = new_report("青禾市教育局", 2022, format_id="2019")  # a real, observed error
    w = MainWindow(report)
    qtbot.addWidget(w)
    w.show()
    button = w.info_page.convertButton
    assert button.isVisible() and "2021" in button.text()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    button.click()
    assert w.report.format_id == "2021" and w.report.year == 2022
    assert not button.isVisible()
    w.doc.undo_stack.setClean()


def test_a_prose_part_opens_at_its_beginning_and_undo_keeps_the_place(window, qtbot):
    """Part 一 of the demo is taller than the editor: it opens at its first line with the caret there
    (it used to open scrolled to the end of its first paragraph), and an undo leaves caret and scroll
    where the clerk was."""
    window.resize(1024, 740)
    window.show_section("part1")
    editor = window.pages["part1"].editor
    qtbot.wait(50)
    bar = editor.verticalScrollBar()
    assert bar.maximum() > 0, "the demo's part 一 should need scrolling at this size"
    assert bar.value() == 0 and editor.textCursor().position() == 0
    # type near the end, then undo: the caret stays near the end and the view does not jump to the top
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("补充")
    editor.flush()
    end_scroll, end_place = bar.value(), editor.textCursor().position()
    assert end_scroll > 0
    window.undo()
    assert "补充" not in editor.toPlainText()
    assert bar.value() == end_scroll and editor.textCursor().position() == end_place - 2
