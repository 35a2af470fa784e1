"""The window's side of CONTRACTS.md: printing and review modules are called as agreed (faked here)."""

from __future__ import annotations

import sys
import types

from PySide6.QtCore import QObject, Signal

from reportdesk.formats import PART3, CellRef


def _menu_action(window, menu_prefix: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith(menu_prefix))
    return next(a for a in menu.actions() if a.text() == text)


def _install(monkeypatch, name: str, module) -> None:
    """Put a fake in place of reportdesk.ui.<name>, also over a real one that an earlier test imported
    (``from . import name`` looks at the package attribute first)."""
    import reportdesk.ui

    monkeypatch.setitem(sys.modules, f"reportdesk.ui.{name}", module)
    monkeypatch.setattr(reportdesk.ui, name, module, raising=False)


def test_export_and_print_call_printing_module(window, monkeypatch):
    calls = []
    fake = types.ModuleType("reportdesk.ui.printing")
    fake.export_from_window = lambda parent, report, kind, suggested=None: (
        calls.append(("export", kind, suggested)) or None
    )
    fake.preview_report = lambda parent, report: calls.append(("preview", report.agency))
    fake.print_report = lambda parent, report: calls.append(("print", report.agency))
    _install(monkeypatch, "printing", fake)
    _menu_action(window, "导出", "导出 Word(.docx)…").trigger()
    _menu_action(window, "导出", "导出 PDF…").trigger()
    _menu_action(window, "导出", "打印预览…").trigger()
    _menu_action(window, "导出", "打印…").trigger()
    assert calls[0] == ("export", "docx", window.doc.path.with_suffix(".docx"))
    assert calls[1][:2] == ("export", "pdf")
    assert calls[2:] == [("preview", window.report.agency), ("print", window.report.agency)]


def test_review_window_opens_a_file_and_reveals_its_first_finding(window, tmp_path, monkeypatch):
    from reportdesk.model.project import save_project

    broken = window.report
    p3 = broken.format.part3
    bad = CellRef(PART3, p3.input_rows[0], p3.input_columns[3])
    import copy

    other = copy.deepcopy(broken)
    other.values[bad] = 777
    path = tmp_path / "other.rdproj"
    save_project(other, path)

    class ReviewWindow(QObject):
        openRequested = Signal(str)  # noqa: N815 - Qt signal naming

        def __init__(self, parent=None):
            super().__init__(parent)

        def show(self):
            pass

    fake = types.ModuleType("reportdesk.ui.review_view")
    fake.ReviewWindow = ReviewWindow
    _install(monkeypatch, "review_view", fake)
    _menu_action(window, "检查", "批量审阅…").trigger()
    window.review_window.openRequested.emit(str(path))
    assert window.doc.path == path and window.report.values[bad] == 777
    assert window.current_section() == "part3"
    page = window.pages["part3"]
    assert page.model.ref_at(page.view.currentIndex()) == window.doc.findings[0].place.cells[0]


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
