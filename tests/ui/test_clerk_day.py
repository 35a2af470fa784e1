"""A clerk's day in the window (issue 17), driven with the keyboard and mouse as a clerk would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from reportdesk.ui.datefield import DateTextError, parse_date_text
from reportdesk.ui.newdialog import LAST_YEAR, PUBLISHED

K = Qt.Key


@pytest.mark.parametrize("text", ["2026-01-20", "2026年1月20日", "2026/1/20", "20260120", "２０２６年１月２０日", "2026.1.20"])
def test_date_texts_a_clerk_types(text):
    assert parse_date_text(text) == dt.date(2026, 1, 20)


@pytest.mark.parametrize("text", ["明天", "2026-02-30", "2026-13-01", "202611"])
def test_what_is_not_a_date_says_so(text):
    with pytest.raises(DateTextError):
        parse_date_text(text)


def test_typing_the_signature_date(window, qtbot):
    window.show_section("signature")
    field = window.pages["signature"].date
    field.edit.setFocus()
    field.edit.selectAll()
    field.edit.insert("2026年1月20日")  # typed through the input method (QTest types ASCII only)
    qtbot.keyClick(field.edit, K.Key_Return)
    assert window.report.date == dt.date(2026, 1, 20)
    assert field.edit.text() == "2026年1月20日"
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2026/2/3")
    qtbot.keyClick(field.edit, K.Key_Tab)
    assert window.report.date == dt.date(2026, 2, 3)
    field.edit.setFocus()
    field.edit.selectAll()
    field.edit.insert("二月")
    qtbot.keyClick(field.edit, K.Key_Return)
    assert window.report.date == dt.date(2026, 2, 3)  # kept; the field says why
    assert "不是日期" in field.edit.toolTip() and field.problem_label.isVisible()  # said beside the field
    assert field.edit.text() == "二月"  # the text stays as typed, to be corrected
    window.doc.undo_stack.undo()
    assert window.report.date == dt.date(2026, 1, 20)


def test_calendar_opens_in_january_after_the_report_year(window, qtbot):
    window.doc.edit_field("date", None, "落款日期")
    field = window.pages["signature"].date
    field._open_calendar()
    cal = field.calendar
    assert (cal.yearShown(), cal.monthShown()) == (window.report.year + 1, 1)
    info_field = window.info_page.ui.dateEdit
    info_field._open_calendar()
    assert (info_field.calendar.yearShown(), info_field.calendar.monthShown()) == (window.report.year + 1, 1)


# ---------------------------------------------------------------- new from last year


def _new_dialog(window):
    from reportdesk.ui.newdialog import NewReportDialog

    return NewReportDialog(window)


def test_new_from_last_years_project_fills_the_dialog_and_typed_wins(window, answers, demo_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from reportdesk.model.project import load_project
    from reportdesk.model.stock import stock_rules

    last = load_project(demo_file)
    dialog = _new_dialog(window)
    dialog.choice.button(LAST_YEAR).setChecked(True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_file), ""))
    dialog.browse.click()
    assert dialog.agency.text() == last.agency and dialog.year.value() == last.year + 1
    assert dialog.kind.currentData() == last.kind
    dialog.agency.clear()
    dialog.agency.insert("青禾市市场监管局")  # typed by the clerk after choosing the file
    dialog.accept()
    new = dialog.result_report
    assert new.agency == "青禾市市场监管局" and new.year == last.year + 1
    assert new.title.startswith("青禾市市场监管局") and new.signature_agency == "青禾市市场监管局"
    rule = stock_rules(new)[0]
    assert new.values[rule.stock] == last.values[rule.stock]  # 现行有效 starts from last year's


def test_a_file_not_from_the_year_before_is_said_before_creating(window, answers, demo_file):
    from reportdesk.model.project import load_project

    last = load_project(demo_file)
    dialog = _new_dialog(window)
    dialog.choice.button(LAST_YEAR).setChecked(True)
    dialog.source.setText(str(demo_file))
    dialog.year.setValue(last.year + 2)
    answers.question = answers.question.No
    dialog.accept()
    assert dialog.result_report is None
    assert answers.asked[-1].startswith(f"所选报告是 {last.year} 年的，新报告为 {last.year + 2} 年")
    answers.question = answers.question.Yes
    dialog.accept()
    assert dialog.result_report.year == last.year + 2


def test_stock_follows_issued_and_repealed_until_typed_over(window, answers, demo_file, monkeypatch):
    from reportdesk.model.project import load_project
    from reportdesk.model.stock import stock_rules
    from reportdesk.ui.newdialog import NewReportDialog

    last = load_project(demo_file)
    def run(d):
        d.choice.button(LAST_YEAR).setChecked(True)
        d.source.setText(str(demo_file))
        d.year.setValue(last.year + 1)
        d.accept()
        return d.result()

    monkeypatch.setattr(NewReportDialog, "exec", run)
    window.new_report_dialog()
    report = window.report
    rule = stock_rules(report)[0]
    start = last.values[rule.stock]
    page = window.pages["part2"]
    assert page.model.following(rule.stock)
    window.doc.type_cell(rule.plus, "5")
    window.doc.type_cell(rule.minus, "2")
    assert report.values[rule.stock] == start + 3
    tip = page.model.data(page.model.index_of(rule.stock), Qt.ItemDataRole.ToolTipRole)
    assert f"现行有效 {start} + 本年制发 5 − 本年废止 2 = {start + 3}" in tip
    window.doc.type_cell(rule.stock, "40")  # the clerk knows better
    window.doc.type_cell(rule.plus, "6")
    assert report.values[rule.stock] == 40 and not page.model.following(rule.stock)
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert report.values[rule.stock] == start + 3 and page.model.following(rule.stock)


def test_new_from_a_published_report_of_2023(window, answers):
    from pathlib import Path

    from reportdesk.importers import import_document

    published = Path(__file__).parents[1] / "fixtures" / "published"
    seed = next(p for p in sorted(published.glob("*.txt")) if import_document(p).report.year == 2023)
    last = import_document(seed).report
    dialog = _new_dialog(window)
    dialog.choice.button(PUBLISHED).setChecked(True)
    dialog.source.setText(str(seed))
    dialog.source.editingFinished.emit()
    assert dialog.year.value() == 2024 and dialog.agency.text() == last.agency
    dialog.year.setValue(2025)
    answers.question = answers.question.Yes
    dialog.accept()
    assert "所选报告是 2023 年的，新报告为 2025 年" in answers.asked[-1]
    assert dialog.result_report.year == 2025 and dialog.result_report.agency == last.agency


# ---------------------------------------------------------------- bad input where typed


def _part3(window, qtbot):
    from reportdesk.formats import PART3, CellRef

    window.show_section("part3")
    page = window.pages["part3"]
    view = page.view
    view.setFocus()
    p3 = window.report.format.part3
    ref = CellRef(PART3, p3.input_rows[0], p3.input_columns[0])
    view.setCurrentIndex(page.model.index_of(ref))
    return view, page.model, ref


def _type(view, qtbot, text):
    """Type into the current cell as a clerk does: the first key opens the editor."""
    qtbot.keyClicks(view, text[0])
    editor = view.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    return editor


@pytest.mark.parametrize(("typed", "why"), [("abc", "不是数字"), ("-3", "不能为负数"), ("2.5", "不能有小数")])
def test_a_refused_entry_stays_in_the_cell_with_the_reason_beside_it(window, qtbot, typed, why):
    view, _model, ref = _part3(window, qtbot)
    before = window.report.values[ref]
    editor = _type(view, qtbot, typed)
    qtbot.keyClick(editor, K.Key_Return)
    assert view.state() == view.State.EditingState and view.focusWidget() is editor
    assert editor.text() == typed and window.report.values[ref] == before
    bubble = view.delegate.bubble
    assert bubble.isVisible() and why in bubble.text()
    assert abs(bubble.geometry().top() - editor.geometry().bottom()) < 8  # beside the cell, not far away
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    assert not bubble.isVisible() and editor.text() == "12", editor.text()
    qtbot.keyClick(editor, K.Key_Return)
    qtbot.wait(5)  # Qt commits a Return in the next turn of the event loop
    assert window.report.values[ref] == 12 and view.state() != view.State.EditingState


def test_an_implausible_count_is_asked_once(window, qtbot, answers):
    view, _model, ref = _part3(window, qtbot)
    answers.question = answers.question.No
    editor = _type(view, qtbot, "2000000")
    qtbot.keyClick(editor, K.Key_Return)
    assert "2000000" in answers.asked[-1] and view.state() == view.State.EditingState
    assert window.report.values[ref] != 2000000
    answers.question = answers.question.Yes
    qtbot.keyClick(editor, K.Key_Return)
    qtbot.wait(5)
    assert window.report.values[ref] == 2000000 and len(answers.asked) == 2
    qtbot.keyClick(_type(view, qtbot, "999"), K.Key_Return)  # an ordinary value is not asked about
    qtbot.wait(5)
    assert len(answers.asked) == 2


def test_a_wide_value_is_drawn_whole_and_shown_in_the_tooltip(window, qtbot):
    from PySide6.QtWidgets import QStyleOptionViewItem

    view, model, ref = _part3(window, qtbot)
    window.doc.edit_cells({ref: 123456789}, "填写")
    index = model.index_of(ref)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    normal = option.font.pointSizeF()
    view.delegate.initStyleOption(option, index)
    assert option.text == "123456789" and option.textElideMode == Qt.TextElideMode.ElideNone
    assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width() - 8
    assert option.font.pointSizeF() < normal
    assert "数值：123456789" in model.data(index, Qt.ItemDataRole.ToolTipRole)


# ---------------------------------------------------------------- paste like Excel


def _cells(window, rows, cols):
    from reportdesk.formats import PART3, CellRef

    return [[window.report.values[CellRef(PART3, r, c)] for c in cols] for r in rows]


def test_paste_with_the_label_column_and_header_rows_aligns_by_labels(window, qtbot, answers):
    from reportdesk.formats import PART3, CellRef

    view, model, _ref = _part3(window, qtbot)
    p3 = window.report.format.part3
    # copied from a colleague's sheet: header rows, the label columns, columns in another order, a total
    block = (
        "\t\t\t申请人情况\n"
        "\t\t\t法人或其他组织\t\t自然人\t总计\n"
        "\t\t\t科研机构\t商业企业\t\t\n"
        "二、上年结转政府信息公开申请数量\t\t\t4\t3\t2\t9\n"
        "三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t无\t-\t5\t5\n"
        "\t\t2.其他法律行政法规禁止公开\t/\t\t6\t6\n"
    )
    view.setCurrentIndex(model.index(0, 0))  # the cursor on the header: the labels decide
    view.paste(block)
    nat, com, sci = p3.input_columns[0], p3.input_columns[1], p3.input_columns[2]
    carried = p3.carried_in_row
    assert [window.report.values[CellRef(PART3, carried, c)] for c in (nat, com, sci)] == [2, 3, 4]
    secret = next(r for r in p3.input_rows if r.endswith("属于国家秘密"))
    other = next(r for r in p3.input_rows if r.endswith("其他法律行政法规禁止公开"))
    assert [window.report.values[CellRef(PART3, secret, c)] for c in (nat, com, sci)] == [5, 0, 0]
    assert [window.report.values[CellRef(PART3, other, c)] for c in (nat, com, sci)] == [6, 0, 0]
    message = window.statusBar().currentMessage()
    assert "已粘贴 9 个单元格" in message and "4 个“无”“-”“/”或空白按 0 填入" in message
    assert "跳过 3 个合计" in message and "对齐" in message
    assert window.doc.undo_stack.count() == 1 and window.doc.undo_stack.undoText() == "粘贴 9 个单元格"
    assert window.undo_action.text() == "撤销 粘贴 9 个单元格"


def test_paste_of_labels_only_column_and_nothing_marks(window, qtbot, answers):
    from reportdesk.formats import PART3, CellRef

    view, _model, _ref = _part3(window, qtbot)
    p3 = window.report.format.part3
    view.paste("一、本年新收政府信息公开申请数量\t7\t无\t—\t\t/\t1\n")  # the label, then 6 inputs
    row = p3.input_rows[0]
    assert [window.report.values[CellRef(PART3, row, c)] for c in p3.input_columns] == [7, 0, 0, 0, 0, 1]
    assert "4 个“无”“-”“/”或空白按 0 填入" in window.statusBar().currentMessage()


def test_paste_with_bad_cells_lists_each_and_pastes_the_rest_as_one_step(window, qtbot, answers):
    from reportdesk.formats import PART3, CellRef

    view, _model, _ref = _part3(window, qtbot)
    p3 = window.report.format.part3
    before = dict(window.report.values)
    view.paste("1\tl2\t3\n4\t5\t6.5\n")
    r0, r1 = p3.input_rows[0], p3.input_rows[1]
    c = p3.input_columns
    assert [window.report.values[CellRef(PART3, r0, x)] for x in c[:3]] == [1, before[CellRef(PART3, r0, c[1])], 3]
    assert [window.report.values[CellRef(PART3, r1, x)] for x in c[:2]] == [4, 5]
    told = answers.told[-1]
    assert "“l2”" in told and "“6.5”" in told and CellRef(PART3, r0, c[1]).describe() in told
    assert window.doc.undo_stack.count() == 1
    window.undo()
    assert window.report.values == before


# ---------------------------------------------------------------- read-only, close, help, recent


def test_a_second_window_on_the_same_file_stays_clearly_read_only(qtbot, answers, demo_file, monkeypatch):
    import json
    import os

    from PySide6.QtWidgets import QFileDialog, QLineEdit, QPlainTextEdit

    from reportdesk.ui import recovery
    from reportdesk.ui.mainwindow import MainWindow

    # the first window is another instance of the program (a live process holds the lock)
    recovery._lock_file(demo_file).write_text(json.dumps({"pid": os.getppid(), "path": str(demo_file)}), "utf-8")
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.open_report_file(demo_file)
    second.show()
    assert second.doc.read_only and second.banner.isVisible() and "只读" in second.banner.text()
    ui = second.info_page.ui
    for field in (ui.agencyEdit, ui.titleEdit, ui.openingEdit, ui.dateEdit, second.pages["signature"].agency):
        assert field.isReadOnly(), field.objectName()
    assert not ui.kindCombo.isEnabled() and not ui.yearSpin.isEnabled()
    editable = [w for w in second.findChildren(QLineEdit) + second.findChildren(QPlainTextEdit)
                if w.isVisibleTo(second) and w.isEnabled() and not w.isReadOnly() and second.central.widget(0).isAncestorOf(w)]
    assert editable == []
    second.show_section("part5")
    assert second.banner.isVisible()  # stays, whatever part is shown
    asked = []

    def save_dialog(parent, title, suggested, *args):
        asked.append((len(answers.told), suggested))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    told_before = len(answers.told)
    assert not second.save()
    assert "不能在此保存" in answers.told[told_before]  # said before the dialog opened
    assert asked and asked[0][0] == told_before + 1 and asked[0][1].endswith("demo（副本）.rdproj")
    second.close()


def test_file_close_goes_to_the_start_page_and_back(window, qtbot, answers, demo_file):
    from PySide6.QtGui import QKeySequence

    close = next(a for a in window.report_actions if a.shortcut() == QKeySequence("Ctrl+W"))
    assert close.text() == "关闭"
    close.trigger()
    assert window.on_start_page() and window.isVisible() and not window.dock.isVisible()
    assert not window.save_action.isEnabled()
    labels = [window.start_page.recent.item(i).text() for i in range(window.start_page.recent.count())]
    assert labels[0].startswith("demo.rdproj　—　")
    window.start_page.recent.itemClicked.emit(window.start_page.recent.item(0))
    assert not window.on_start_page() and window.doc.path == demo_file and window.save_action.isEnabled()


def test_recent_files_menu_shows_the_name_first(window):
    window.files.fill_recent(window.recent_menu)
    first = window.recent_menu.actions()[0].text()
    assert first.startswith("demo.rdproj") and str(window.doc.path.parent) in first


def test_f1_opens_the_bundled_user_guide(window, qtbot):
    window.show_help()
    help_window = window.help_window
    assert help_window.isVisible()
    text = help_window.text()
    assert "编写第一份报告" in text and len(text) > 2000
    assert help_window.show_heading("二编写第一份报告")
    help_window.close()


def test_the_bundled_guide_is_the_guide_in_docs():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).parents[2]
    out = subprocess.run([sys.executable, str(root / "tools" / "bundle_guide.py"), "--check"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stdout


# ---------------------------------------------------------------- a to-do list, not a wall of red


def test_a_blank_report_is_a_to_do_list_until_checked(qtbot, answers):
    from reportdesk.checks import Severity
    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.doc.checked)  # the checks run right after the window's first paint
    assert w.counts.text().endswith("|\u30000 个错误 · 0 个警告") and "待填写：已完成 0/6 部分" in w.counts.text()
    assert "落款" in w.counts.text()
    texts = [item.text(1) for item, _f in w.findings_panel.finding_items()]
    assert texts and all(t.startswith("【待填写】") for t in texts)
    assert "（待填写）" in w.nav.item(1).text()  # 一、总体情况
    # a real error is an error at once
    from reportdesk.formats import PART3, CellRef

    p3 = w.report.format.part3
    w.doc.type_cell(CellRef(PART3, p3.input_rows[0], p3.input_columns[0]), "5")
    assert any(f.severity is Severity.ERROR and not w.is_pending(f) for f in w.doc.findings)
    assert not w.counts.text().split("|")[-1].strip().startswith("0 个错误")
    w.doc.undo_stack.undo()
    # 检查 turns the to-do items into errors
    w.doc_recheck()
    texts = [item.text(1) for item, _f in w.findings_panel.finding_items()]
    assert any(t.startswith("【错误】") for t in texts) and not any("待填写" in t for t in texts)
    errors = sum(f.severity is Severity.ERROR for f in w.doc.findings)
    assert errors >= 4 and "待填写" not in w.counts.text() and w.counts.text().startswith(f"{errors} 个错误")
    w.doc.undo_stack.setClean()
    w.close()


def test_the_findings_panel_shows_a_whole_message_and_keeps_its_size(window, qtbot):
    from reportdesk.formats import PART3, CellRef

    p3 = window.report.format.part3
    window.doc.type_cell(CellRef(PART3, p3.input_rows[0], p3.input_columns[0]), "500")  # an imbalance
    items = window.findings_panel.finding_items()
    item, finding = items[0]
    window.findings_panel.setCurrentItem(item)
    assert finding.message in window.finding_detail.text() and window.finding_detail.wordWrap()
    window.resizeDocks([window.dock], [260], Qt.Orientation.Vertical)
    qtbot.wait(10)
    height = window.dock.height()
    window.doc.undo_stack.setClean()
    window.close()
    from reportdesk.ui.mainwindow import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert abs(again.dock.height() - height) <= 4
    again.close()


def test_errors_before_export_default_to_going_back(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reportdesk.ui import printing

    seen = {}

    def exec_(box):
        seen["text"], seen["default"] = box.text(), box.defaultButton().text()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.doc.edit_field("date", None, "落款日期")
    assert not printing.confirm_despite_errors(window, window.report, "导出")
    assert seen["text"].startswith("该报告有") and seen["default"] == "返回修改"


# ---------------------------------------------------------------- fits the screen; the preview


def test_tables_three_and_four_fit_1024_without_scrolling_sideways(window, qtbot):
    window.resize(1024, 740)
    for key in ("part3", "part4"):
        window.show_section(key)
        view = window.pages[key].view
        qtbot.waitUntil(lambda v=view: v.isVisible())
        qtbot.wait(20)
        total = sum(view.columnWidth(c) for c in range(view.model().columnCount()))
        assert total <= view.viewport().width(), key
        assert view.horizontalScrollBar().maximum() == 0, key


def test_print_preview_renders_pages_at_screen_size_within_the_screen(window, qtbot):
    from reportdesk.exporters import pdf_bytes
    from reportdesk.ui.preview import PreviewDialog
    from reportdesk.ui.printing import PdfPages

    pages = PdfPages(pdf_bytes(window.report, {}))
    dialog = PreviewDialog(pages, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = window.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()) or dialog.height() <= screen.height()
    pixmap = dialog.canvas.pixmap()
    view = dialog.scroll.viewport().size()
    assert pixmap.width() / pixmap.devicePixelRatio() <= view.width()
    assert pixmap.height() / pixmap.devicePixelRatio() <= view.height()  # a whole page in view
    image = pixmap.toImage()
    # rendered, not scaled down: the page has grey anti-aliased edges and white paper
    colours = {image.pixelColor(x, y).lightness() for x in range(0, image.width(), 3) for y in range(0, image.height(), 7)}
    assert 255 in colours and any(40 < c < 230 for c in colours)
    dialog.go(1)
    assert dialog.page_label.text() == f"第 2 / {pages.count} 页"
