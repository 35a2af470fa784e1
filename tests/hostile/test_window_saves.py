"""In the window, a failed save never loses work, and nothing unexpected shows a traceback (#12 items 2, 4; #15 item 3)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from tests.hostile.hostile_files import HUGE_INT, WRONG_TYPES, project_text, write

from reportdesk import diagnostics
from reportdesk.formats import ValueKind, cells_of
from reportdesk.model.project import ProjectError, load_project, save_project
from reportdesk.ui import fileactions

MB = QMessageBox.StandardButton


def _ref(window):
    fc = cells_of(window.report.format)
    return next(r for r in fc.inputs if fc.kinds[r] is ValueKind.COUNT)


def _fee(report):
    return next(r for r, k in cells_of(report.format).kinds.items() if k is ValueKind.WAN_YUAN)


@pytest.mark.parametrize(
    "failure",
    [ProjectError("无法保存“demo.rdproj”：磁盘空间不足。原文件未被改动，请换一个位置保存。"), OverflowError("cannot convert Infinity")],
    ids=["full disk", "unexpected"],
)
def test_a_failed_save_keeps_the_window_the_edits_and_the_recovery_copy(window, answers, demo_file, monkeypatch, failure):
    before = demo_file.read_bytes()
    window.doc.type_cell(_ref(window), "77")

    def refuse(*args, **kwargs):
        raise failure

    works = fileactions.save_project
    monkeypatch.setattr(fileactions, "save_project", refuse)
    answers.question = MB.Save
    assert not window.close()  # 保存 failed: the window stays
    assert window.isVisible() and window.files.is_modified()
    assert window.report.values[_ref(window)] == 77
    assert answers.told and "Traceback" not in answers.told[-1]
    assert demo_file.read_bytes() == before
    assert load_project(window.files.recovery.data).values[_ref(window)] == 77  # the recovery copy has the edit
    assert not window.close()  # closing asks again, and fails again
    assert len(answers.asked) == 2
    monkeypatch.setattr(fileactions, "save_project", works)
    answers.question = MB.Save
    assert window.close()  # the disk has room again
    assert load_project(demo_file).values[_ref(window)] == 77


def test_a_project_with_an_infinite_fee_opens_and_saves(window, answers, tmp_path):
    path = write(tmp_path / "inf.rdproj", project_text("fee", "Infinity"))
    assert window.open_report_file(path)
    assert window.report.is_unknown(_fee(window.report))
    window.doc.type_cell(_ref(window), "5")
    assert window.save()
    assert load_project(path).values[_ref(window)] == 5


@pytest.mark.parametrize(
    ("where", "raw", "named"),
    [
        ("format", WRONG_TYPES["format"], "format"),
        ("baseline.year", "1e999999999", "baseline.year"),  # hung for ever before
        ("version", HUGE_INT, "reportdesk_project"),
        ("year", "NaN", "year"),
    ],
)
def test_a_hostile_field_is_refused_and_the_open_report_stays(window, answers, tmp_path, where, raw, named):
    agency = window.report.agency
    path = write(tmp_path / "bad.rdproj", project_text(where, raw))
    assert not window.open_report_file(path)
    assert named in answers.told[-1] and len(answers.told[-1]) < 300
    assert window.report.agency == agency


def test_an_unexpected_error_while_opening_is_a_message_and_a_log_entry(window, answers, demo_file, monkeypatch):
    def boom(path):
        raise MemoryError()

    monkeypatch.setattr(fileactions, "read_project", boom)
    assert not window.open_report_file(demo_file)
    assert "无法打开" in answers.told[-1]
    assert "MemoryError" in diagnostics.log_file().read_text("utf-8")


def test_autosave_failure_is_said_once_and_retried(qtbot, window, answers, monkeypatch):
    calls = []

    def fail(report, original):
        calls.append(1)
        raise ProjectError("无法保存：磁盘空间不足")

    works = window.files.recovery.write
    monkeypatch.setattr(window.files.recovery, "write", fail)
    window.files.autosave_ms = 20
    window.doc.type_cell(_ref(window), "78")
    qtbot.waitUntil(lambda: len(calls) >= 1, timeout=3000)
    bar = window.statusBar()
    assert "自动保存失败" in bar.currentMessage()
    bar.showMessage("别的消息")
    qtbot.waitUntil(lambda: len(calls) >= 4, timeout=3000)  # retried …
    assert bar.currentMessage() == "别的消息"  # … but said only once
    monkeypatch.setattr(window.files.recovery, "write", works)
    qtbot.waitUntil(lambda: window.files.recovery.data.exists(), timeout=3000)
    assert "恢复正常" in bar.currentMessage()
    assert load_project(window.files.recovery.data).values[_ref(window)] == 78


def test_a_save_over_another_windows_save_is_not_silent(window, answers, demo_file):
    theirs = load_project(demo_file)
    theirs.agency = "另一个窗口的修改"
    save_project(theirs, demo_file)
    window.doc.type_cell(_ref(window), "79")
    assert not window.save()  # the question box is answered with neither 覆盖 nor 另存为
    assert any("已被另一个程序或窗口修改" in t for t in answers.told)
    assert load_project(demo_file).agency == "另一个窗口的修改"
    assert window.files.is_modified()


def test_the_excepthook_shows_a_message_with_diagnostics_instead_of_a_traceback(window, answers, monkeypatch):
    from reportdesk.ui.aboutdialog import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise ZeroDivisionError("在 青禾市 的报告里")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert "ZeroDivisionError" in answers.told[-1]
    log = diagnostics.log_file().read_text("utf-8")
    assert "ZeroDivisionError" in log and "青禾" not in log


def test_about_shows_versions_and_the_log_folder(window, answers, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    window.show_about()
    assert "Python" in shown[0] and "Qt" in shown[0] and str(diagnostics.log_file()) in shown[0]
