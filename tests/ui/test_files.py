"""File handling like a well-made editor: save/reopen, close prompt, autosave + recovery, locks, settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QFileDialog, QMessageBox

from reportdesk import paths
from reportdesk.formats import PART3, CellRef
from reportdesk.model.project import load_project
from reportdesk.ui import recovery
from reportdesk.ui.settings import load_settings, save_settings

MB = QMessageBox.StandardButton


def _ref(window, i=0):
    p3 = window.report.format.part3
    return CellRef(PART3, p3.input_rows[0], p3.input_columns[i])


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_save_as_and_recent_files(window, tmp_path, monkeypatch):
    target = tmp_path / "sub" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.doc.type_cell(_ref(window), "77")
    assert window.save_as()
    saved = target.with_suffix(".rdproj")
    assert load_project(saved).values[_ref(window)] == 77
    assert window.windowTitle().startswith("copy.rdproj") and not window.isWindowModified()
    assert load_settings().recent_files[0] == str(saved)


def test_close_prompt_cancel_discard_save(window, answers, demo_file):
    window.doc.type_cell(_ref(window), "61")
    answers.question = MB.Cancel
    assert not window.close()
    assert window.isVisible() and answers.asked
    answers.question = MB.Save
    assert window.close()
    assert load_project(demo_file).values[_ref(window)] == 61


def test_close_discard_leaves_file(qtbot, window, answers, demo_file):
    window.doc.type_cell(_ref(window), "62")
    answers.question = MB.Discard
    assert window.close()
    assert load_project(demo_file).values[_ref(window)] == 46


def test_autosave_then_crash_then_recover(qtbot, window, answers, demo_file):
    window.files.autosave_ms = 50
    window.doc.type_cell(_ref(window), "63")
    qtbot.waitUntil(lambda: window.files.recovery.data.exists(), timeout=3000)
    saved = load_project(window.files.recovery.data)
    assert saved.values[_ref(window)] == 63
    # The process is killed: its recovery copy stays, its pid is gone.
    meta = json.loads(window.files.recovery.meta.read_text("utf-8"))
    meta["pid"] = _dead_pid()
    window.files.recovery.meta.write_text(json.dumps(meta), "utf-8")
    window.files.recovery.token = "gone"  # the dead window no longer owns these files

    from reportdesk.ui.mainwindow import MainWindow

    fresh = MainWindow()
    qtbot.addWidget(fresh)
    answers.question = MB.Yes
    assert fresh.files.offer_recovery()
    assert fresh.report.values[_ref(fresh)] == 63
    assert fresh.doc.path == demo_file and fresh.isWindowModified()
    assert "自动保存" in answers.asked[-1]
    assert not recovery.pending_recoveries()
    fresh.files.unsaved_import = False
    fresh.doc.undo_stack.setClean()
    fresh.close()


def test_clean_close_leaves_no_recovery(qtbot, window, answers):
    window.files.autosave_ms = 20
    window.doc.type_cell(_ref(window), "64")
    qtbot.waitUntil(lambda: window.files.recovery.data.exists(), timeout=3000)
    answers.question = MB.Discard
    window.close()
    assert not list(paths.recovery_dir().iterdir())


def test_project_open_elsewhere_opens_read_only(qtbot, demo_file, answers):
    from reportdesk.ui.mainwindow import MainWindow

    other = os.getppid()  # a live process standing in for another ReportDesk instance
    lock = recovery._lock_file(demo_file)
    lock.write_text(json.dumps({"pid": other, "path": str(demo_file)}), "utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_report_file(demo_file)
    assert w.doc.read_only and "只读" in w.windowTitle()
    assert any("只读" in t for t in answers.told)
    model = w.pages["part3"].model
    idx = model.index_of(_ref(w))
    assert not model.setData(idx, "5")
    assert w.report.values[_ref(w)] == 46
    w.close()
    assert json.loads(lock.read_text("utf-8"))["pid"] == other  # not ours to remove


def test_stale_lock_is_taken_over(qtbot, demo_file, answers):
    from reportdesk.ui.mainwindow import MainWindow

    recovery._lock_file(demo_file).write_text(json.dumps({"pid": _dead_pid()}), "utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_report_file(demo_file)
    assert not w.doc.read_only
    assert recovery.lock_holder(demo_file) is None
    assert json.loads(recovery._lock_file(demo_file).read_text("utf-8"))["pid"] == os.getpid()
    w.close()
    assert not recovery._lock_file(demo_file).exists()


def test_open_bad_file_says_why(window, tmp_path, answers):
    bad = tmp_path / "bad.rdproj"
    bad.write_text("{not json", "utf-8")
    before = window.report
    assert not window.open_report_file(bad)
    assert window.report is before and "bad.rdproj" in answers.told[-1]


def test_open_interchange_json_as_new_unsaved(window, tmp_path):
    from reportdesk.model.interchange import to_interchange

    path = tmp_path / "r.json"
    path.write_text(json.dumps(to_interchange(window.report), ensure_ascii=False), "utf-8")
    assert window.open_report_file(path)
    assert window.doc.path is None and window.isWindowModified()


def test_settings_typed_versioned_with_backup():
    ini = paths.settings_file()
    ini.write_text("[General]\nrecent=/a.rdproj|/b.rdproj\n", "utf-8")
    s = load_settings()
    assert s.recent_files == ["/a.rdproj", "/b.rdproj"]
    assert (ini.parent / "settings.ini.v0.bak").exists()
    s.font_overrides = {"body": "/fonts/simfang.ttf"}
    save_settings(s)
    assert load_settings().font_overrides == {"body": "/fonts/simfang.ttf"}


def test_demo_opens_as_an_untitled_copy_and_saving_asks_where(qtbot, tmp_path, monkeypatch, answers):
    from reportdesk.app import open_window

    shipped = paths.demo_report_path().read_bytes()
    w = open_window(demo=True)
    qtbot.addWidget(w)
    assert w.isVisible() and w.report.agency and w.doc.path is None
    w.report.agency = "青禾市教育局"
    target = tmp_path / "mine.rdproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert w.save()
    assert load_project(target).agency == "青禾市教育局"
    assert paths.demo_report_path().read_bytes() == shipped  # the shipped demo is never written
    w.close()


def test_new_blank_report_dialog(window, answers, monkeypatch):
    from reportdesk.ui.newdialog import NewReportDialog

    def run(dialog):
        dialog.agency.setText("青禾市教育局")
        dialog.year.setValue(2020)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewReportDialog, "exec", run)
    window.new_report_dialog()
    assert window.report.agency == "青禾市教育局" and window.report.format_id == "2019"
    assert window.doc.path is None and window.isWindowModified()
    assert load_settings().agency == "青禾市教育局"


def test_new_from_last_year_project_gives_next_year(window, answers, demo_file):
    from reportdesk.ui.newdialog import LAST_YEAR, NewReportDialog

    dialog = NewReportDialog(window)
    dialog.choice.button(LAST_YEAR).setChecked(True)
    dialog.source.setText(str(demo_file))
    dialog.year.setValue(load_project(demo_file).year + 1)
    dialog.accept()
    assert dialog.result_report is not None and dialog.result_report.year == dialog.year.value()


KILLED_EDITOR = """
import sys, time
from PySide6.QtCore import QCoreApplication
from reportdesk.app import make_app
from reportdesk.ui.mainwindow import MainWindow
from reportdesk.formats import PART3, CellRef
app = make_app()
w = MainWindow()
assert w.open_report_file(sys.argv[1])
w.show()
w.files.autosave_ms = 100
p3 = w.report.format.part3
w.doc.type_cell(CellRef(PART3, p3.input_rows[0], p3.input_columns[0]), "65")
deadline = time.time() + 20
while not w.files.recovery.data.exists() and time.time() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("ready", flush=True)
time.sleep(60)
"""


def test_real_kill_then_recover(qtbot, demo_file, answers, tmp_path):
    """An editor process is SIGKILLed after typing; the next start offers its work back."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = paths.resource_dir().parent
    env["PYTHONPATH"] = str(root / "src") + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_EDITOR, str(demo_file)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
    finally:
        proc.kill()
        proc.wait()
    assert load_project(demo_file).values[_ref_for(demo_file)] == 46  # the project itself was never saved

    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    answers.question = MB.Yes
    assert w.files.offer_recovery()
    assert w.report.values[_ref(w)] == 65
    assert not w.doc.read_only  # the killed process's lock is stale
    assert w.save()
    assert load_project(demo_file).values[_ref(w)] == 65
    w.close()


def _ref_for(path):
    report = load_project(path)
    p3 = report.format.part3
    return CellRef(PART3, p3.input_rows[0], p3.input_columns[0])


def test_cli_demo_opens_the_editor(qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from reportdesk import cli
    from reportdesk.ui.mainwindow import MainWindow

    seen = []

    def exec_() -> int:  # instead of the event loop: look at what is on screen, then "quit"
        QApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append((widget.doc.path, widget.report.agency))
                widget.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", exec_)
    assert cli.main(["--demo"]) == 0
    demo_agency = load_project(paths.demo_report_path()).agency
    assert seen == [(None, demo_agency)]  # the demo, as an untitled copy


def test_read_only_copy_saved_as_becomes_editable(qtbot, demo_file, answers, tmp_path, monkeypatch):
    from reportdesk.ui.mainwindow import MainWindow

    recovery._lock_file(demo_file).write_text(json.dumps({"pid": os.getppid()}), "utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_report_file(demo_file) and w.doc.read_only
    assert w.pages["part1"].editor.isReadOnly()
    target = tmp_path / "mine.rdproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert w.save()  # read-only: Save means Save As
    assert not w.doc.read_only and not w.pages["part1"].editor.isReadOnly()
    assert "只读" not in w.windowTitle() and w.windowTitle().startswith("mine.rdproj")
    assert w.doc.type_cell(_ref(w), "70") is None
    assert w.save() and load_project(target).values[_ref(w)] == 70
    assert load_project(demo_file).values[_ref(w)] == 46
    w.close()
