"""The real review window inside the real main window: 检查 → 批量审阅… on the published seeds,
double-click a report, and the window imports it and shows its first finding."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.helpers import SEED_NAMES
from tests.importers.conftest import seeds_path

from reportdesk.review import table


def test_double_click_on_a_published_seed_opens_it_at_its_first_finding(qtbot, tmp_path, monkeypatch):
    told: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, **k: told.append(text))
    # a box built by hand (the import summary with its details): recorded and answered, never left modal
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or QMessageBox.StandardButton.Ok)
    from reportdesk.ui.mainwindow import MainWindow

    folder = tmp_path / "报告"
    folder.mkdir()
    for name in SEED_NAMES:
        shutil.copy(seeds_path() / f"{name}.txt", folder)

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_review()
    review = window.review_window
    with qtbot.waitSignal(review.finished, timeout=30_000):
        review.load_folder(str(folder))
    assert review.model.rowCount() == 5
    files = [review.proxy.index(r, 0).data() for r in range(review.proxy.rowCount())]
    row = files.index("002_7afa714d70970faa.txt")
    assert review.proxy.index(row, table.HEADERS.index("错误")).data() == "2"

    index = review.proxy.index(row, 0)
    review.view.scrollTo(index)
    rect = review.view.visualRect(index)
    qtbot.mouseClick(review.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(review.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.report.agency == "中卫市工业和信息化局", timeout=5000)
    # imported as a new unsaved project; what needs checking was said
    assert window.doc.path is None and any("社会组织" in t for t in told)
    # its first finding is the date inside the reporting year: the signature page is shown
    first = window.doc.findings[0]
    assert (first.rule, first.place.field) == ("DATE-IN-YEAR", "date")
    assert window.current_section() == "signature"
    window.doc.undo_stack.setClean()
    window.files.unsaved_import = False
    review.close()
    window.close()
