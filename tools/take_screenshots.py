"""Screenshots for docs/user-guide.md, taken from the real window (offscreen), into docs/images/*.png.

    QT_QPA_PLATFORM=offscreen python3 tools/take_screenshots.py [--seed LAST_YEAR.txt]

Uses only the window's contract (reportdesk.ui.mainwindow.MainWindow: open_report_file, show_section,
reveal, report) plus the exporters and importers. Modal dialogs that appear (an import's list of points
to check, the print preview) are photographed and closed by a timer, so the script never waits for a person.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget, QProgressDialog, QWidget  # noqa: E402

from reportdesk.checks import check_report  # noqa: E402
from reportdesk.formats import PART3, CellRef  # noqa: E402
from reportdesk.model.project import load_project, save_project  # noqa: E402
from reportdesk.paths import demo_report_path  # noqa: E402

OUT = ROOT / "docs" / "images"
SIZE = (1366, 740)  # an agency monitor (1366×768) less the taskbar


class DialogCatcher:
    """Photographs the next modal dialog as ``name`` and closes it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.name: str | None = None
        self.taken: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(150)
        self.timer.timeout.connect(self._look)
        self.timer.start()
        self._seen_at: dict[int, int] = {}

    def _look(self) -> None:
        dialog = self.app.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog):  # "正在排版……": wait for what follows
            return
        ticks = self._seen_at.get(id(dialog), 0) + 1
        self._seen_at[id(dialog)] = ticks
        if ticks < 4:  # let it lay out and render (a print preview draws its pages)
            return
        if self.name:
            save(dialog, self.name)
            self.taken.append(self.name)
            self.name = None
        dialog.close()


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def imbalanced_demo(folder: Path) -> Path:
    """The demo report with part 三's identity broken (one more application received than handled)."""
    report = copy.deepcopy(load_project(demo_report_path()))
    ref = CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")
    report.values[ref] = (report.values.get(ref) or 0) + 1
    path = folder / "示例报告（第三部分不平衡）.rdproj"
    save_project(report, path)
    return path


def _page_with(pdf: Path, text: str) -> int:
    """The first page of ``pdf`` whose text contains ``text`` (1 if none does)."""
    page = 1
    while True:
        done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True)
        if done.returncode != 0:
            return 1
        if text in done.stdout.replace(" ", "").replace("\n", ""):
            return page
        page += 1


def default_seed() -> Path | None:
    texts = sorted((ROOT / "tests" / "fixtures" / "published").glob("*.txt"))  # the published seed reports
    return texts[0] if texts else None


def review_shot(tmp: Path, seed: Path | None) -> None:
    """The batch review window on a folder: the demo, the imbalanced demo and published seed texts."""
    from reportdesk.ui.review_view import ReviewWindow

    folder = tmp / "各单位报告"
    folder.mkdir()
    shutil.copy(demo_report_path(), folder / "青禾市市场监督管理局2025年报告.rdproj")
    shutil.copy(imbalanced_demo(tmp), folder / "示例报告（第三部分不平衡）.rdproj")
    if seed is not None:
        for i, text in enumerate(sorted(seed.parent.glob("*.txt"))[:3], 1):
            shutil.copy(text, folder / f"已发布的报告{i}.txt")
    review = ReviewWindow()
    review.resize(*SIZE)
    review.show()
    loop = QEventLoop()
    review.finished.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    review.load_folder(str(folder))
    loop.exec()
    if review._thread is not None:
        review._thread.wait()
    # the imbalanced demo selected: its error is listed below the table
    rows = [r for r in range(review.proxy.rowCount()) if "不平衡" in str(review.proxy.index(r, 0).data())]
    if rows:
        review.view.setCurrentIndex(review.proxy.index(rows[0], 0))
    settle()
    save(review, "batch-review.png")
    review.close()
    review.deleteLater()
    settle()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=None, help="a published report (.txt/.docx) to import")
    args = parser.parse_args(argv)
    from reportdesk.app import make_app

    app = make_app()  # as the program starts: Qt's own buttons in Chinese
    from reportdesk.ui.mainwindow import MainWindow

    OUT.mkdir(parents=True, exist_ok=True)
    catcher = DialogCatcher(app)
    tmp = Path(tempfile.mkdtemp(prefix="reportdesk-shots-"))
    try:
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        settle()

        # 1. the window with the demo report, part 一
        assert window.open_report_file(demo_report_path())
        window.show_section("part1")
        settle()
        save(window, "main-window.png")

        # the "new report" dialog (blank, from last year's project, from last year's published report)
        catcher.name = "new-report.png"
        window.new_report_dialog()
        settle()

        # 2. part 三 with an injected imbalance, the finding revealed; 3. the findings panel
        assert window.open_report_file(imbalanced_demo(tmp))
        window.show_section("part3")
        findings = [f for f in check_report(window.report) if f.place.part == PART3] or check_report(window.report)
        if findings:
            window.reveal(findings[0].place)
        settle()
        save(window, "part3-imbalance.png")
        dock = window.findChild(QDockWidget)
        items = window.findings_panel.finding_items()
        if items:  # the whole message of the selected finding shows below the list
            window.findings_panel.setCurrentItem(items[0][0])
            settle()
        save(dock if dock is not None else window, "findings.png")

        # 4. export: the first pages of the PDF as the printer will print them; 5. the print preview
        from reportdesk.exporters import export_report

        pdf = tmp / "demo.pdf"
        export_report(load_project(demo_report_path()), pdf=pdf)
        if shutil.which("pdftoppm"):
            # the first page, and the page where part 三's table begins
            for name, page in (("export-pdf-page1", 1), ("export-pdf-table", _page_with(pdf, "本年新收政府信息公开申请数量"))):
                stem = OUT / name
                subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)], check=True)
                print(f"wrote {stem.relative_to(ROOT)}.png")
        from reportdesk.ui import printing

        catcher.name = "print-preview.png"
        printing.preview_report(window, window.report)
        settle(800)

        # 6. importing last year's published report: the list of points to check, then the imported report
        seed = args.seed or default_seed()
        if seed is not None:
            # under the name a clerk would give it, not the seed's hash name
            named = tmp / "上年报告（网站复制）.txt"
            shutil.copy(seed, named)
            catcher.name = "import-problems.png"
            if window.open_report_file(named):
                settle(600)
                window.show_section("part3")
                settle()
                save(window, "import-result.png")
        else:
            print("no seed text: skipped the import screenshots (pass --seed FILE)")

        # 7. 检查 → 批量审阅…: a folder of reports, one with an error selected
        review_shot(tmp, seed)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"dialogs photographed: {', '.join(catcher.taken) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
