"""文件 → 汇总下属单位报告…, driven as a clerk would: choose the departments' reports and an 应报名单,
see who is missing and who has errors, create the 汇总 report, read each cell's contributions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.loading import load_report
from reportdesk.model.values import as_number
from reportdesk.review.aggregate import aggregate_files
from reportdesk.ui.tablemodel import ReportTableModel

PUBLISHED = Path(__file__).parents[1] / "fixtures" / "published"
SEEDS_2020 = [PUBLISHED / f"{n}.txt" for n in ("000_730c80e139d75b64", "002_7afa714d70970faa", "003_bce8275da3ca3d23", "004_a9dbc25bac2331b1")]
OTHER_FORMAT = PUBLISHED / "001_082ea42f41a4a5d8.txt"  # 2023, 2021 format


def _open(window, qtbot):
    action = next(a for a in window.findChildren(QAction) if a.text() == "汇总下属单位报告…")
    action.trigger()
    dialog = window.summary_window
    qtbot.waitExposed(dialog)
    return dialog


def _load(dialog, qtbot, inputs):
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.load([str(p) for p in inputs])


def _column(dialog, header: str) -> list[str]:
    col = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())].index(header)
    return [dialog.table.item(r, col).text() for r in range(dialog.table.rowCount())]


def test_four_departments_summed_with_contributions_and_a_missing_agency(window, qtbot, tmp_path, answers):
    seeds = [load_report(p) for p in SEEDS_2020]
    expected = tmp_path / "应报名单.txt"
    expected.write_text("\n".join([s.agency for s in seeds] + ["银川市财政局"]), encoding="utf-8")
    dialog = _open(window, qtbot)
    assert dialog.set_expected(str(expected))
    _load(dialog, qtbot, SEEDS_2020)

    assert _column(dialog, "机关") == [s.agency for s in seeds]
    assert _column(dialog, "年度") == ["2020"] * 4
    assert "银川市财政局" in dialog.notes.text() and "1 个机关没有报告" in dialog.notes.text()
    assert "不在应报名单中" not in dialog.notes.text()
    assert not dialog.refused.isVisible() and dialog.create_button.isEnabled()
    # the report with errors is marked red, the others are not
    errors = [int(t) for t in _column(dialog, "错误")]
    assert errors == [e.errors for e in dialog.entries] and any(errors) and not all(errors)
    for row, n in enumerate(errors):
        background = dialog.table.item(row, 1).background().color().name()
        assert (background == "#fdecee") == bool(n), (row, background)

    # a report with errors is opened in the editor with a double click, to look at it
    bad = errors.index(max(errors))
    rect = dialog.table.visualRect(dialog.table.model().index(bad, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "已导入" in answers.told[-1]  # the import summary, as when opening it from 文件→打开
    assert window.doc.report.agency == seeds[bad].agency and dialog.isVisible()

    dialog.agency_edit.setText("某市人民政府")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    report = window.doc.report
    assert window.doc.path is None and window.files.is_modified()  # a new report, unsaved: closing asks
    assert report.agency == "某市人民政府" and report.year == 2020 and report.format_id == "2019"
    assert len(report.sources) == 4

    # every input cell of parts 二/三/四 is the sum of the seeds' values, and what the CLI library gives
    library = aggregate_files(SEEDS_2020).report
    fc = cells_of(report.format)
    nonzero = 0
    for ref in fc.inputs:
        own = sum(as_number(s.values.get(ref)) for s in seeds)
        assert as_number(report.values.get(ref)) == own == as_number(library.values.get(ref)), ref
        nonzero += own != 0
    assert nonzero >= 5

    # the tooltip of a summed cell lists each department's contribution
    model = ReportTableModel(window.doc, PART3)
    p3 = report.format.part3
    total = CellRef(PART3, p3.new_row, p3.total_column)
    tip = model.data(model.index_of(total), Qt.ItemDataRole.ToolTipRole)
    assert "汇总来源（4 份报告）" in tip
    for s in seeds:
        value = s.totals()[total]
        if value:
            assert f"{s.agency}：{value}" in tip
    assert str(report.totals()[total]) in tip

    # a cell typed over afterwards says so
    cell = next(ref for ref in fc.inputs if ref.table == PART3 and report.values.get(ref))
    window.doc.edit_cells({cell: int(report.values[cell]) + 1}, "x")
    tip = model.data(model.index_of(cell), Qt.ItemDataRole.ToolTipRole)
    assert "汇总后已修改" in tip


def test_mixed_formats_are_refused_with_the_reason(window, qtbot, answers):
    before = window.doc
    dialog = _open(window, qtbot)
    _load(dialog, qtbot, [PUBLISHED])  # the folder: four 2020 reports and one of 2023
    assert len(dialog.entries) == 5
    assert dialog.refused.isVisible() and "格式不一致" in dialog.refused.text()
    assert "001_082ea42f41a4a5d8.txt" in dialog.refused.text()
    assert not dialog.create_button.isEnabled()
    assert not dialog.create() and window.doc is before
    odd = [Path(e.file).name for e in dialog.entries].index(OTHER_FORMAT.name)
    red = [dialog.table.item(r, 3).foreground().color().name() == "#b00020" for r in range(len(dialog.entries))]
    assert red == [r == odd for r in range(len(dialog.entries))]  # the format that differs is shown red

    # taking the odd one out lets the rest be added up
    row = [Path(e.file).name for e in dialog.entries].index(OTHER_FORMAT.name)
    dialog.table.selectRow(row)
    dialog.remove_selected()
    assert not dialog.refused.isVisible() and dialog.create_button.isEnabled()
    assert dialog.create() and window.doc is not before and len(window.doc.report.sources) == 4


def test_a_folder_skips_what_is_not_a_report_and_counts_twins_once(window, qtbot, tmp_path, answers):
    tmp_path = tmp_path / "各部门"  # beside it: the window's own demo project
    tmp_path.mkdir()
    for p in SEEDS_2020[:2]:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    twin = tmp_path / SEEDS_2020[0].name.replace(".txt", ".pdf")
    twin.write_bytes(b"%PDF-1.4 not read: the .txt of the same name is")  # the same report in another form
    (tmp_path / "说明.txt").write_text("请于月底前报送", encoding="utf-8")
    dialog = _open(window, qtbot)
    _load(dialog, qtbot, [tmp_path])
    notes = dialog.notes.text()
    assert "说明.txt" in notes and "只计一次" in notes
    assert (dialog.progress.value(), dialog.progress.maximum()) == (2, 2)  # 已读取 2/2 份
    assert [Path(e.file).name for e in dialog.entries] == [p.name for p in SEEDS_2020[:2]]


def test_an_unknown_contribution_is_named_and_never_counted_as_zero(window, qtbot, answers):
    from reportdesk.review import summary_set
    from reportdesk.ui.summary_tips import adopt_summary

    entries = [summary_set.examine_file(p) for p in SEEDS_2020]
    fc = cells_of(entries[0].report.format)
    p3 = entries[0].report.format.part3
    cell = next(ref for ref in fc.inputs if ref.table == PART3 and ref.row == p3.new_row)
    entries[1].report.values[cell] = None
    entries[1].report.unreadable[cell] = "“l2”（不是数字）"
    summary, parts = summary_set.build(entries)
    assert adopt_summary(window, summary, parts)
    report = window.doc.report
    assert report.is_unknown(cell) and report.is_unknown(CellRef(PART3, p3.new_row, p3.total_column))
    model = ReportTableModel(window.doc, PART3)
    assert model.data(model.index_of(cell)) == "？"
    tip = model.data(model.index_of(cell), Qt.ItemDataRole.ToolTipRole)
    assert f"此格未知的报告：{entries[1].agency}" in tip


def test_the_same_agency_twice_is_refused_and_shown_red(window, qtbot, tmp_path, answers):
    folder = tmp_path / "各部门"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(SEEDS_2020[0].read_bytes())
    (folder / "c.txt").write_bytes(SEEDS_2020[1].read_bytes())
    dialog = _open(window, qtbot)
    _load(dialog, qtbot, [folder])
    assert "不止一份" in dialog.refused.text() and not dialog.create_button.isEnabled()
    red = [dialog.table.item(r, 1).foreground().color().name() == "#b00020" for r in range(3)]
    assert red == [True, True, False]


def test_a_folder_without_reports_is_refused_with_the_reason(window, qtbot, tmp_path, answers):
    """The background reading fails (no report in the folder): the window says why and stays usable."""
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    dialog = _open(window, qtbot)
    _load(dialog, qtbot, [empty])
    assert dialog.entries == [] and "没有找到报告文件" in dialog.refusal
    assert dialog.files_button.isEnabled() and not dialog.create_button.isEnabled()
