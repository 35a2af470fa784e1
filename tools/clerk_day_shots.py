"""Screenshots of a clerk's day in the window (issue 17), of the whole screen, to look at before calling it done.

    xvfb-run -s "-screen 0 1024x768x24" python tools/clerk_day_shots.py OUT_DIR
    xvfb-run -s "-screen 0 1366x768x24" python tools/clerk_day_shots.py OUT_DIR

Each step is photographed as the screen shows it (popups, message boxes and dialogs included), named
NN-what-WIDTH.png. Settings go to a temporary REPORTDESK_HOME, so a clerk's own settings are untouched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("REPORTDESK_HOME", tempfile.mkdtemp(prefix="reportdesk-day-"))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reportdesk.formats import PART3, CellRef  # noqa: E402
from reportdesk.paths import demo_report_path  # noqa: E402


class Shots:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.width = QGuiApplication.primaryScreen().size().width()
        self.n = 0

    def __call__(self, what: str) -> None:
        settle(250)
        self.n += 1
        path = self.out / f"{self.n:02d}-{what}-{self.width}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"wrote {path}")


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def while_modal(action, then, wait: int = 600, kind: str = "") -> None:
    """Run ``action`` (which opens a modal dialog, of class ``kind`` if given); ``then(dialog)`` photographs
    and closes it."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind and type(dialog).__name__ != kind):
            QTimer.singleShot(100, look)
            return
        then(dialog)

    QTimer.singleShot(wait, look)
    action()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "shots")
    out.mkdir(parents=True, exist_ok=True)
    from reportdesk.app import make_app

    make_app()
    from reportdesk.ui.mainwindow import MainWindow

    shot = Shots(out)
    work = Path(tempfile.mkdtemp(prefix="reportdesk-day-files-"))
    demo = work / "青禾市市场监督管理局2025年报告.rdproj"
    shutil.copy(demo_report_path(), demo)
    w = MainWindow()
    w.showMaximized()
    settle(500)
    shot("blank-todo")

    # 1. the 落款 date typed, then the calendar
    w.show_section("signature")
    field = w.pages["signature"].date
    field.edit.setFocus()
    field.edit.setText("20260120")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    shot("date-typed")
    field.edit.setText("2026年2月30日")
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    shot("date-refused")
    field.setDate(None)
    QTimer.singleShot(400, lambda: shot("calendar") or field.menu.close())
    field.button.showMenu()
    settle(300)

    # 2. new from last year's project: the dialog filled from the file
    from reportdesk.ui.newdialog import LAST_YEAR, NewReportDialog

    def fill(dialog: NewReportDialog) -> None:
        dialog.choice.button(LAST_YEAR).setChecked(True)
        dialog.source.setText(str(demo))
        dialog._read_source()
        shot("new-from-last-year")
        dialog.accept()

    w.doc.undo_stack.setClean()
    while_modal(w.new_report_dialog, fill)
    settle(400)
    w.show_section("part2")
    shot("part2-stock-follows")

    # 3. a refused entry and an implausible one, in part 三
    w.doc.undo_stack.setClean()
    w.files.unsaved_import = False
    w.open_report_file(demo)
    w.show_section("part3")
    page = w.pages["part3"]
    view = page.view
    p3 = w.report.format.part3
    w.activateWindow()
    settle()
    view.setFocus()
    view.setCurrentIndex(page.model.index_of(CellRef(PART3, p3.input_rows[2], p3.input_columns[1])))
    QTest.keyClicks(view, "a")
    QTest.keyClicks(view.focusWidget(), "bc")
    QTest.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    shot("refused-entry")
    QTest.keyClick(view.focusWidget(), Qt.Key.Key_Escape)

    def no(dialog) -> None:
        shot("implausible-asked")
        dialog.reject()

    QTest.keyClicks(view, "9")
    editor = view.focusWidget()
    QTest.keyClicks(editor, "999999")
    while_modal(lambda: QTest.keyClick(editor, Qt.Key.Key_Return), no, 400)
    settle(300)
    QTest.keyClick(view.focusWidget(), Qt.Key.Key_Escape)

    # 4. paste with labels, 无 and a bad cell
    view.setCurrentIndex(page.model.index(3, 0))

    def close_box(dialog) -> None:
        shot("paste-bad-cells")
        dialog.accept()

    block = (
        "\t\t\t自然人\t商业企业\n"
        "一、本年新收政府信息公开申请数量\t\t\t12\t无\n"
        "二、上年结转政府信息公开申请数量\t\t\tl2\t-\n"
    )
    while_modal(lambda: view.paste(block), close_box, 400)
    settle(300)
    shot("paste-status")

    # 6. part 四, the findings panel with a whole message
    w.show_section("part4")
    shot("part4")
    w.show_section("part3")
    items = w.findings_panel.finding_items()
    if items:
        w.findings_panel.setCurrentItem(items[0][0])
    shot("part3-findings")

    # 5. errors before export: 返回修改 is the default
    from reportdesk.ui import printing

    def back(dialog) -> None:
        shot("errors-before-export")
        dialog.reject()

    while_modal(lambda: printing.confirm_despite_errors(w, w.report, "导出"), back, 400)
    w.doc.undo_stack.undo()
    settle()

    # 7. print preview
    def preview(dialog) -> None:
        settle(1200)
        shot("print-preview")
        dialog.go(3)  # a page with table rules
        shot("print-preview-table")
        dialog.reject()

    while_modal(lambda: printing.preview_report(w, w.report), preview, 1500, "PreviewDialog")

    # 8. a read-only window
    import json

    from reportdesk.ui import recovery

    w.doc.undo_stack.setClean()
    w.files.unsaved_import = False
    recovery._lock_file(demo).write_text(json.dumps({"pid": os.getppid(), "path": str(demo)}), "utf-8")

    def ok(dialog) -> None:
        dialog.accept()

    while_modal(lambda: w.open_report_file(demo), ok, 400)
    w.show_section("info")
    shot("read-only")
    recovery._lock_file(demo).unlink(missing_ok=True)

    # 9. F1, and 文件→关闭
    w.show_help()
    settle(400)
    shot("help")
    w.help_window.close()
    w.close_report()
    shot("start-page")
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
