"""The window with the real modules behind it (no fakes): new from last year, import, export, print, review."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reportdesk.formats import PART3, CellRef
from reportdesk.model.project import load_project, save_project

PUBLISHED = Path(__file__).resolve().parents[1] / "fixtures" / "published"


def _run_new_dialog(window, monkeypatch, choice: int, source: Path, year: int):
    from reportdesk.ui.newdialog import NewReportDialog

    def run(dialog):
        dialog.choice.button(choice).setChecked(True)
        dialog.source.setText(str(source))
        dialog.year.setValue(year)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewReportDialog, "exec", run)
    window.new_report_dialog()


def test_new_from_last_years_project_carries_and_drafts(window, answers, monkeypatch, demo_file, qtbot):
    from reportdesk.ui.newdialog import LAST_YEAR

    last = load_project(demo_file)
    _run_new_dialog(window, monkeypatch, LAST_YEAR, demo_file, last.year + 1)
    new = window.report
    assert new.year == last.year + 1 and window.doc.path is None and window.isWindowModified()
    p3_last, p3_new = last.format.part3, new.format.part3
    for col in p3_new.input_columns:
        carried_out = last.values[CellRef(PART3, p3_last.carried_out_row, col)]
        assert new.values[CellRef(PART3, p3_new.carried_in_row, col)] == carried_out
        # what the table shows is what was carried
        page = window.pages["part3"]
        shown = page.model.data(page.model.index_of(CellRef(PART3, p3_new.carried_in_row, col)))
        assert shown == str(carried_out)
    assert new.baseline is not None and new.baseline.year == last.year
    # the prose came along as a draft, with a visible warning that goes once the part is edited
    prose = window.pages["part1"]
    window.show_section("part1")
    assert prose.draft.isVisible() and "沿用上年内容" in prose.draft.text()
    assert [p.text for p in new.parts["一"]] == [p.text for p in last.parts["一"]]
    prose.editor.moveCursor(prose.editor.textCursor().MoveOperation.End)
    prose.editor.insertPlainText("本年度新增内容。")
    prose.editor.flush()
    assert not prose.draft.isVisible() and "一" not in window.report.draft_parts
    assert window.pages["part5"].draft.isVisibleTo(window.pages["part5"])  # other parts still drafts


def test_new_from_last_year_into_the_same_year_is_caught(window, answers, demo_file):
    from reportdesk.ui.newdialog import LAST_YEAR, NewReportDialog

    last = load_project(demo_file)
    dialog = NewReportDialog(window)
    dialog.choice.button(LAST_YEAR).setChecked(True)
    dialog.source.setText(str(demo_file))
    dialog.year.setValue(last.year)
    dialog.accept()
    assert dialog.result_report is None and "晚于" in answers.told[-1]
    assert dialog.year.value() == last.year + 1


def test_new_from_a_published_text(window, answers, monkeypatch):
    from reportdesk.ui.newdialog import PUBLISHED as FROM_PUBLISHED

    seed = sorted(PUBLISHED.glob("*.txt"))[1]
    from reportdesk.importers import import_document

    last = import_document(seed).report
    _run_new_dialog(window, monkeypatch, FROM_PUBLISHED, seed, last.year + 1)
    new = window.report
    assert new.year == last.year + 1 and new.agency == last.agency and window.doc.path is None
    p3_last, p3_new = last.format.part3, new.format.part3
    col = p3_new.input_columns[-1]
    assert new.values[CellRef(PART3, p3_new.carried_in_row, col)] == last.values[
        CellRef(PART3, p3_last.carried_out_row, col)
    ]
    told = answers.told[-1]
    assert seed.name in told and "已识别" in told and "需要核对" in told


def test_file_import_of_a_seed_text_lists_what_was_and_was_not_recognised(window, answers):
    seed = sorted(PUBLISHED.glob("*.txt"))[0]
    assert window.open_report_file(seed)
    assert window.doc.path is None and window.isWindowModified() and "未命名" in window.windowTitle()
    assert window.report.agency == "银川市投资促进局" and window.report.year == 2020
    told = answers.told[-1]
    assert "已识别：" in told and "标题：银川市投资促进局" in told
    assert "未能识别或需要核对：" in told and "表四" in told


def _save_dialog(monkeypatch, path: Path) -> list:
    asked = []

    def get(parent, caption, start, filt, *args, **kwargs):
        asked.append((caption, start))
        return str(path), filt

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get)
    return asked


def _menu(window, prefix, text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith(prefix))
    return next(a for a in menu.actions() if a.text() == text)


@pytest.mark.parametrize("kind, text, magic", [("pdf", "导出 PDF…", b"%PDF"), ("docx", "导出 Word(.docx)…", b"PK")])
def test_export_from_the_window_writes_a_real_file(window, monkeypatch, tmp_path, kind, text, magic):
    target = tmp_path / f"out.{kind}"
    asked = _save_dialog(monkeypatch, target)
    _menu(window, "导出", text).trigger()
    assert asked and asked[0][1].endswith(f"demo.{kind}")
    data = target.read_bytes()
    assert data.startswith(magic) and len(data) > 5000
    assert str(target) in window.statusBar().currentMessage()


def test_export_of_a_report_with_errors_warns_naming_them(window, monkeypatch, tmp_path):
    p3 = window.report.format.part3
    bad = CellRef(PART3, p3.input_rows[0], p3.input_columns[3])
    window.doc.type_cell(bad, "99999")
    errors = [f for f in window.doc.findings if f.severity.name == "ERROR"]
    assert errors
    shown = []

    def exec_(box):
        shown.append(box.text() + "\n" + box.informativeText())
        box.done(0)  # closed without "仍然导出": nothing is written
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    target = tmp_path / "bad.pdf"
    _save_dialog(monkeypatch, target)
    _menu(window, "导出", "导出 PDF…").trigger()
    assert shown and f"{len(errors)} 个错误" in shown[0] and errors[0].message in shown[0]
    assert not target.exists()


def test_print_preview_renders_the_pages(window, monkeypatch):
    from reportdesk.ui.preview import PreviewDialog

    counted = []

    def exec_(dialog):
        dialog.go(dialog.pages.count - 1)
        assert not dialog.canvas.pixmap().isNull()
        counted.append(dialog.pages.count)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", exec_)
    _menu(window, "导出", "打印预览…").trigger()
    assert counted and counted[0] >= 2


def test_print_to_a_pdf_printer(window, monkeypatch, tmp_path):
    from reportdesk.ui import printing

    target = tmp_path / "printed.pdf"
    made = printing.make_printer

    def pdf_printer() -> QPrinter:
        printer = made()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(printing, "make_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QPrintDialog.DialogCode.Accepted)
    _menu(window, "导出", "打印…").trigger()
    from pypdf import PdfReader

    pages = PdfReader(target).pages
    assert len(pages) >= 2
    assert abs(float(pages[0].mediabox.width) - 595) < 3  # A4 portrait


def test_review_window_double_click_opens_the_report_at_its_first_finding(window, qtbot, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    good = copy.deepcopy(window.report)
    save_project(good, folder / "good.rdproj")
    broken = copy.deepcopy(window.report)
    p3 = broken.format.part3
    bad = CellRef(PART3, p3.input_rows[1], p3.input_columns[2])
    broken.values[bad] = 4321
    save_project(broken, folder / "broken.rdproj")

    _menu(window, "检查", "批量审阅…").trigger()
    review = window.review_window
    with qtbot.waitSignal(review.finished, timeout=60000):
        review.load_folder(str(folder))
    assert review.proxy.rowCount() == 2
    files = [str(review._row_of(review.proxy.index(r, 0)).file) for r in range(review.proxy.rowCount())]
    row = next(r for r, f in enumerate(files) if "broken" in f)
    index = review.proxy.index(row, 0)
    review.view.scrollTo(index)
    rect = review.view.visualRect(index)
    qtbot.waitExposed(review)
    # as Qt's item views see a real double-click: a click, then the double-click event
    qtbot.mouseClick(review.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(review.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.path == folder / "broken.rdproj" and window.report.values[bad] == 4321
    first = window.doc.findings[0]
    assert first.place.cells
    page = window.pages[f"part{'一二三四五六'.index(first.place.cells[0].table) + 1}"]
    assert window.stack.currentWidget() is page
    assert page.model.ref_at(page.view.currentIndex()) == first.place.cells[0]
    review.close()


def test_findings_name_their_table_row_and_column_under_their_part(window):
    p3 = window.report.format.part3
    window.doc.type_cell(CellRef(PART3, p3.input_rows[0], p3.input_columns[2]), "9999")
    items = window.findings_panel.finding_items()
    item, finding = next((i, f) for i, f in items if f.place.part == "三")
    assert item.parent().text(0).startswith("第三部分")
    assert item.text(0).startswith("表三“一、本年新收政府信息公开申请数量”行“") and "第三部分" not in item.text(0)
    assert finding.place.describe() in item.toolTip(0)


def test_import_summary_fits_the_screen_and_keeps_the_full_lists(window, answers, monkeypatch, tmp_path):
    import reportdesk.importers as importers
    from reportdesk.importers import ImportResult

    seed = sorted(PUBLISHED.glob("*.txt"))[0]
    real = importers.import_document(seed)
    many = ImportResult(real.report, real.recognised, [f"表三第{i}行：数字个数不符" for i in range(1, 31)])
    monkeypatch.setattr(importers, "import_document", lambda path: many)
    assert window.open_report_file(seed)
    assert "表三第8行" in answers.told[-1] and "表三第9行" not in answers.told[-1]
    assert "另有 22 处" in answers.told[-1]
    assert "表三第30行" in answers.details[-1]


def test_a_published_pdf_opens_as_an_imported_report(window, answers, tmp_path):
    from reportdesk.exporters import write_pdf
    from reportdesk.importers import import_document

    seed = sorted(PUBLISHED.glob("*.txt"))[1]
    published = import_document(seed).report
    pdf = tmp_path / "published.pdf"
    write_pdf(published, pdf)
    assert window.open_report_file(pdf)
    assert window.doc.path is None and window.report.agency == published.agency
    assert window.report.values == published.values
    assert "已识别：" in answers.told[-1]
