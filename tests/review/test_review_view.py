"""The review view in the window: load a folder, sort, filter, double-click opens a report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from review_gen import inject, make_report, write_set, year_pair

from reportdesk.review import table
from reportdesk.ui.review_view import ReviewWindow


def _load(qtbot, folder, previous=None) -> ReviewWindow:
    w = ReviewWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.finished, timeout=30_000):
        w.load_folder(str(folder), str(previous) if previous else None)
    return w


def _column(w: ReviewWindow, header: str) -> list[str]:
    col = table.HEADERS.index(header)
    return [w.proxy.index(r, col).data() for r in range(w.proxy.rowCount())]


def test_load_sort_filter_and_open(qtbot, tmp_path):
    last, now = year_pair(6, 2025)
    inject(now[2], "identity")
    inject(now[4], "carry-over")
    write_set(tmp_path / "last", last)
    files = write_set(tmp_path / "now", now)
    (tmp_path / "now" / "broken.rdproj").write_text("{", "utf-8")
    w = _load(qtbot, tmp_path / "now", tmp_path / "last")
    assert w.model.rowCount() == 7 and w.proxy.rowCount() == 7
    assert "共 7 份：4 份通过，2 份有错误，0 份仅有警告，1 份无法读取" in w.summary.text()
    assert w.html_button.isEnabled() and not w.progress.isVisible()

    # sort: numbers as numbers, both ways
    w.view.sortByColumn(table.HEADERS.index("新收"), Qt.SortOrder.DescendingOrder)
    shown = [int(v) if v else -1 for v in _column(w, "新收")]
    assert shown == sorted(shown, reverse=True)
    w.view.sortByColumn(table.HEADERS.index("错误"), Qt.SortOrder.DescendingOrder)
    status = _column(w, "状态")
    assert status[:2] == ["有错误", "有错误"] and status[-1] == "无法读取"

    # filter: by rule id found only in the findings, by agency, and errors only
    qtbot.keyClicks(w.filter_box, "PREV-CARRY-OVER")
    assert _column(w, "机关") == [now[4].agency]
    w.filter_box.clear()
    w.filter_box.setText(now[1].agency)  # typed through an input method
    assert _column(w, "机关") == [now[1].agency]
    w.filter_box.clear()
    w.errors_only.setChecked(True)
    assert sorted(_column(w, "状态")) == ["无法读取", "有错误", "有错误"]
    assert "显示 3 份" in w.summary.text()
    w.errors_only.setChecked(False)

    # select shows the findings; double-click asks the main window to open the file
    row = _column(w, "机关").index(now[2].agency)
    index = w.proxy.index(row, 1)
    w.view.setCurrentIndex(index)
    assert "T3-IDENTITY" in w.details.toPlainText()
    w.show()
    qtbot.waitExposed(w)
    w.view.scrollTo(index)
    rect = w.view.visualRect(index)
    with qtbot.waitSignal(w.openRequested, timeout=5000) as blocker:
        # a real double-click: press, release, then the second press Qt reports as a double-click
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [str(files[2])]


def test_an_empty_folder_says_so(qtbot, tmp_path):
    w = _load(qtbot, tmp_path)
    assert w.model.rowCount() == 0 and "没有找到报告文件" in w.summary.text()


def test_exports_from_the_window(qtbot, tmp_path, monkeypatch):
    write_set(tmp_path / "in", [make_report("青禾县教育局", 2025, seed=1)])
    w = _load(qtbot, tmp_path / "in")
    target = tmp_path / "out"
    monkeypatch.setattr("reportdesk.ui.review_view.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    w._export("csv")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    w._export("html")
    assert "青禾县教育局" in (tmp_path / "out.html").read_text("utf-8")


def test_expected_agencies_missing_are_shown_and_exported(qtbot, tmp_path, monkeypatch):
    write_set(tmp_path / "in", [make_report("青禾县教育局", 2025, seed=1), make_report("青禾县民政局", 2025, seed=2)])
    names = tmp_path / "应报名单.txt"
    names.write_bytes("# 应报机关\n青禾县 教育局\n青禾县民政局\n青禾县财政局\n".encode("gb18030"))
    w = _load(qtbot, tmp_path / "in")
    assert not w.notes.isVisibleTo(w)
    monkeypatch.setattr("reportdesk.ui.review_view.QFileDialog.getOpenFileName", lambda *a, **k: (str(names), ""))
    w.choose_expected()
    assert w.expected == ["青禾县 教育局", "青禾县民政局", "青禾县财政局"]
    assert w.notes.isVisibleTo(w)
    assert w.notes.text() == "2025 年度：名单中有 1 个机关未报送：青禾县财政局"
    assert "3 个机关" in w.expect_button.text()
    target = tmp_path / "out.html"
    monkeypatch.setattr("reportdesk.ui.review_view.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    w._export("html")
    assert "名单中有 1 个机关未报送：青禾县财政局" in target.read_text("utf-8")
    # a new folder keeps the list; clearing it hides the notes
    with qtbot.waitSignal(w.finished, timeout=30_000):
        w.load_folder(str(tmp_path / "in"))
    assert "青禾县财政局" in w.notes.text()
    w.set_expected(None)
    assert not w.notes.isVisibleTo(w) and w.expected is None


def test_unreadable_expected_list_is_a_clear_message(qtbot, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr("reportdesk.ui.review_view.QMessageBox.warning", lambda *a: warned.append(a[2]))
    w = ReviewWindow()
    qtbot.addWidget(w)
    assert not w.set_expected(str(tmp_path / "没有这个文件.txt"))
    assert warned and "无法读取机关名单" in warned[0] and w.expected is None


def test_expected_list_kept_in_the_reviewed_folder_is_not_a_report(qtbot, tmp_path, monkeypatch):
    write_set(tmp_path / "in", [make_report("青禾县教育局", 2025, seed=1)])
    names = tmp_path / "in" / "应报名单.txt"
    names.write_text("青禾县教育局\n青禾县民政局\n", "utf-8")
    w = _load(qtbot, tmp_path / "in")
    assert w.model.rowCount() == 1  # a list of names never mentions 信息公开: not taken for a report
    assert w.set_expected(str(names))
    assert w.model.rowCount() == 1 and "1 个机关未报送：青禾县民政局" in w.notes.text()


def test_window_says_which_files_were_skipped_and_shows_unknown_figures(qtbot, tmp_path):
    import json

    from tests.helpers import seed

    from reportdesk.formats import PART3, CellRef
    from reportdesk.model.interchange import to_interchange

    folder = tmp_path / "in"
    folder.mkdir()
    r = seed("000_730c80e139d75b64")
    ref = CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")
    r.values[ref], r.unreadable[ref] = None, "“l”（不是数字）"
    (folder / "a.json").write_text(json.dumps(to_interchange(r), ensure_ascii=False), "utf-8")
    (folder / "README.md").write_text("说明\n", "utf-8")
    w = _load(qtbot, folder)
    assert w.model.rowCount() == 1
    assert "已跳过 1 个不是报告的文件：README.md" in w.notes.text()
    assert _column(w, "新收") == ["？"] and _column(w, "办结") == ["1"]
    w.proxy.sort(table.HEADERS.index("新收"))  # sorting a ？ does not fail
