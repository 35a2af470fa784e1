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


def _gray(pdf: Path, page: int, dpi: int, out: Path):
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), str(pdf), str(out)],
                   check=True)
    return Image.open(next(out.parent.glob(out.name + "*"))).convert("L")


def _profile(image, axis: int) -> list[int]:
    """Darkness summed over each column (axis 0) or row (axis 1) of a grey image."""
    w, h = image.size
    data = image.tobytes()
    if axis == 0:
        return [sum(255 - data[y * w + x] for y in range(0, h, 2)) for x in range(w)]
    return [sum(255 - data[y * w + x] for x in range(0, w, 2)) for y in range(h)]


def _best_shift(a: list[int], b: list[int], reach: int = 6) -> int:
    """The shift of ``b`` against ``a`` (in pixels) at which the two profiles differ least."""
    def cost(k: int) -> int:
        return sum(abs(a[i] - b[i + k]) for i in range(reach, len(a) - reach))
    return min(range(-reach, reach + 1), key=cost)


def test_paper_matches_our_pdf_at_printer_resolution(qapp, tmp_path):
    """Page 1 printed to a PDF printer: one image of ≥ 600 dpi, its ink where our PDF's text is."""
    import pdfplumber

    from reportdesk.ui.printing import MIN_DPI, PdfPages

    ours = tmp_path / "ours.pdf"
    ours.write_bytes(pdf_bytes(load_report(demo_report_path())))
    printed = tmp_path / "printed.pdf"
    printer = _pdf_printer(printed)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 1)
    assert PdfPages(ours.read_bytes()).paint(printer) == 1
    page = PdfReader(printed).pages[0]
    bands = page.images  # the page, rendered in bands of rows
    assert bands, "nothing painted"
    dpi = max(img.image.width for img in bands) / (float(page.mediabox.width) / 72)
    assert dpi >= MIN_DPI - 1, dpi
    a = _gray(ours, 1, 100, tmp_path / "a")
    b = _gray(printed, 1, 100, tmp_path / "b")
    assert a.size == b.size
    with pdfplumber.open(ours) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
    scale = 100 / 72
    misplaced = 0
    for c in chars:  # each character of our PDF has ink at the same place on paper, and as much of it
        box = tuple(round(v * scale) for v in (c["x0"], c["top"], c["x1"], c["bottom"]))
        ink_a = sum(255 - v for v in a.crop(box).tobytes())  # darkness: robust to antialiasing
        ink_b = sum(255 - v for v in b.crop(box).tobytes())
        if ink_a and abs(ink_a - ink_b) > 0.25 * ink_a + 255:
            misplaced += 1
    assert len(chars) > 300 and misplaced <= len(chars) // 50, (misplaced, len(chars))  # antialiasing
    for axis in (0, 1):  # the ink profiles across and down the page line up best where they are
        pa, pb = _profile(a, axis), _profile(b, axis)
        assert _best_shift(pa, pb) == 0, axis
    diff = sum(abs(x - y) for x, y in zip(a.tobytes(), b.tobytes(), strict=True)) / len(a.tobytes())
    assert diff < 8.0, diff  # mean grey difference per pixel, 0-255 (antialiasing differs a little)


def test_findings_held_by_the_window_are_used_not_rechecked(qapp, monkeypatch):
    from types import SimpleNamespace

    import reportdesk.checks as checks
    from reportdesk.checks.findings import Severity
    from reportdesk.ui import printing

    report = load_report(demo_report_path())
    finding = SimpleNamespace(severity=Severity.ERROR, message="总计不等于各项之和",
                              place=SimpleNamespace(describe=lambda: "三、（七）总计"))
    parent = SimpleNamespace(doc=SimpleNamespace(report=report, findings=[finding]))
    monkeypatch.setattr(checks, "check_report", lambda r: (_ for _ in ()).throw(AssertionError("re-checked")))
    assert printing._errors_of(parent, report, None) == ["三、（七）总计：总计不等于各项之和"]
    assert printing._errors_of(None, report, []) == []  # findings passed in are used as they are
