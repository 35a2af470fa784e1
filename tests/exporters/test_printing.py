"""Printing paints the exported PDF's pages: to a PDF printer here, offscreen."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtPrintSupport import QPrinter

from reportdesk.exporters import pdf_bytes
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path


@pytest.fixture
def pages(qapp):
    from reportdesk.ui.printing import PdfPages

    return PdfPages(pdf_bytes(load_report(demo_report_path())))


def _pdf_printer(path: Path) -> QPrinter:
    from reportdesk.ui.printing import make_printer

    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_all_pages_are_printed_on_a4(pages, tmp_path):
    out = tmp_path / "printed.pdf"
    assert pages.paint(_pdf_printer(out)) == pages.count >= 5
    reader = PdfReader(out)
    assert len(reader.pages) == pages.count
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5
    # the paper is not blank: render page 1 and look for ink where the title is
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "p")], check=True)
    from PIL import Image

    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    w, h = image.size
    title = image.crop((w // 4, int(h * 0.12), 3 * w // 4, int(h * 0.2)))
    assert min(title.tobytes()) < 100


def test_page_range_and_copies(pages, tmp_path):
    out = tmp_path / "range.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    painted = pages.paint(printer)
    expected = 2 if printer.supportsMultipleCopies() else 4
    assert painted == expected
    assert len(PdfReader(out).pages) == expected


def test_export_from_window_warns_and_writes(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reportdesk.ui import printing

    report = load_report(demo_report_path())
    from reportdesk.formats import PART3, CellRef

    p3 = report.format.part3
    report.values[CellRef(PART3, p3.new_row, p3.input_columns[0])] = 999999  # breaks the 勾稽关系
    shown = {}

    def fake_exec(box):
        shown["text"] = box.text() + box.informativeText()
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    target = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    path = printing.export_from_window(None, report, "pdf")
    assert path == tmp_path / "out.pdf" and path.read_bytes()[:5] == b"%PDF-"
    assert "错误" in shown["text"]


def test_preview_paints_the_pdf_pages(qapp, tmp_path, monkeypatch):
    from reportdesk.ui import printing
    from reportdesk.ui.preview import PreviewDialog

    out = tmp_path / "preview.pdf"
    painted = {}

    def fake_exec(dialog):  # the pages the preview shows are the pages the printer gets
        dialog.pages.paint(_pdf_printer(out))
        painted["pages"] = len(PdfReader(out).pages)
        assert dialog.pages.count == painted["pages"]
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", fake_exec)
    printing.preview_report(None, load_report(demo_report_path()))
    assert painted["pages"] >= 5


def test_export_error_is_shown_not_raised(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reportdesk.ui import printing

    shown = {}
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.update(text=text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "no such folder" / "x.docx"), ""))
    assert printing.export_from_window(None, load_report(demo_report_path()), "docx") is None
    assert "无法导出" in shown["text"]


def test_print_report_prints_the_chosen_range(qapp, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from reportdesk.ui import printing

    out = tmp_path / "paper.pdf"

    def fake_exec(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(1, 2)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    printing.print_report(None, load_report(demo_report_path()))
    assert len(PdfReader(out).pages) == 2
