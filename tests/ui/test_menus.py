"""The window's menus reach the printing functions, the batch review and the fonts dialog."""

from __future__ import annotations

import copy

from reportdesk.formats import PART3, CellRef


def _menu_action(window, menu_prefix: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith(menu_prefix))
    return next(a for a in menu.actions() if a.text() == text)


def test_export_and_print_menus_call_printing(window, monkeypatch):
    from reportdesk.ui import printing

    calls = []
    monkeypatch.setattr(
        printing, "export_from_window", lambda parent, report, kind, suggested=None: calls.append(("export", kind, suggested))
    )
    monkeypatch.setattr(printing, "preview_report", lambda parent, report: calls.append(("preview", report.agency)))
    monkeypatch.setattr(printing, "print_report", lambda parent, report: calls.append(("print", report.agency)))
    _menu_action(window, "导出", "导出 Word(.docx)…").trigger()
    _menu_action(window, "导出", "导出 PDF…").trigger()
    _menu_action(window, "导出", "打印预览…").trigger()
    _menu_action(window, "导出", "打印…").trigger()
    assert calls[0] == ("export", "docx", window.doc.path.with_suffix(".docx"))
    assert calls[1][:2] == ("export", "pdf")
    assert calls[2:] == [("preview", window.report.agency), ("print", window.report.agency)]


def test_review_window_opens_a_file_and_reveals_its_first_finding(window, tmp_path):
    from reportdesk.model.project import save_project

    p3 = window.report.format.part3
    bad = CellRef(PART3, p3.input_rows[0], p3.input_columns[3])
    other = copy.deepcopy(window.report)
    other.values[bad] = 777
    path = tmp_path / "other.rdproj"
    save_project(other, path)
    _menu_action(window, "检查", "批量审阅…").trigger()
    window.review_window.openRequested.emit(str(path))
    assert window.doc.path == path and window.report.values[bad] == 777
    assert window.current_section() == "part3"
    page = window.pages["part3"]
    assert page.model.ref_at(page.view.currentIndex()) == window.doc.findings[0].place.cells[0]
    window.review_window.close()


def test_font_overrides_chosen_in_the_dialog_reach_settings(qtbot, tmp_path, answers):
    from reportdesk.ui.fontsdialog import FontsDialog
    from reportdesk.ui.settings import load_settings

    font = tmp_path / "simfang.ttf"
    font.write_bytes(b"\0\1\0\0")
    dialog = FontsDialog()
    qtbot.addWidget(dialog)
    dialog.edits["body"].setText(str(font))
    dialog.edits["title"].setText(str(tmp_path / "missing.ttf"))
    dialog.accept()
    assert "不是可用的字体文件" in answers.told[-1] and load_settings().font_overrides == {}
    dialog.edits["title"].setText("")
    dialog.accept()
    assert load_settings().font_overrides == {"body": str(font)}
