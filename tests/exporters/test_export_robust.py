"""A paragraph longer than a page, and a PDF layout that fails: the .docx is still made."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from reportdesk import exporters
from reportdesk.exporters import ExportError, export_report, write_docx
from reportdesk.loading import load_report
from reportdesk.model.prose import Paragraph
from reportdesk.paths import demo_report_path

SENTENCE = "全年通过门户网站主动公开政府信息，其中行政许可结果依法公开，行政处罚决定全部按时公示；"


def _with_paragraph(chars: int):
    report = load_report(demo_report_path())
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars] + "。"
    report.parts["一"].append(Paragraph.from_markup(text))
    return report, text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")
@pytest.mark.parametrize("chars", [1240, 6200])
def test_a_paragraph_longer_than_a_page_is_printed_whole(tmp_path, chars):
    """It used to fail the whole PDF (reportlab's LayoutError) from about 1,240 characters on: the part
    of a paragraph split once carried reportlab's own 'postponed' mark into its next split."""
    report, text = _with_paragraph(chars)
    docx, pdf = tmp_path / "long.docx", tmp_path / "long.pdf"
    assert export_report(report, docx=docx, pdf=pdf) == [docx, pdf]
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", printed)
    assert text in re.sub(r"—\d+—", "", squeezed)  # every character, in order, page numbers aside


def test_the_docx_is_written_when_the_pdf_layout_fails(tmp_path, monkeypatch):
    from reportdesk.exporters import pdf_fonts, pdf_writer

    def broken(*args, **kwargs):
        raise RuntimeError("a layout bug")

    monkeypatch.setattr(pdf_writer, "pdf_and_pieces", broken)
    monkeypatch.setattr(pdf_writer, "table_pieces", broken)
    monkeypatch.setattr(exporters, "_log_layout_failure", lambda exc: None)
    # no fonts unpacked ahead for a PDF that is never made (the job would outlive this test's home)
    monkeypatch.setattr(pdf_fonts, "prefetch_roles", lambda overrides=None: None)
    report = load_report(demo_report_path())
    docx, pdf = tmp_path / "a.docx", tmp_path / "a.pdf"
    with pytest.raises(ExportError) as info:
        export_report(report, docx=docx, pdf=pdf)
    assert info.value.written == [docx] and docx.read_bytes()[:2] == b"PK" and not pdf.exists()
    assert "PDF 无法排版" in str(info.value) and "RuntimeError" in str(info.value)
    alone = tmp_path / "alone.docx"
    assert write_docx(report, alone) == alone and alone.read_bytes()[:2] == b"PK"  # its tables whole


def test_table_breaks_are_laid_out_again_when_an_official_font_appears(monkeypatch):
    """The remembered breaks are keyed by the fonts found too: installing 仿宋_GB2312 in a session
    changes the widths, so the breaks (they used to be reused from before)."""
    from reportdesk.exporters import pdf_writer

    report = load_report(demo_report_path())
    monkeypatch.setattr(pdf_writer, "_PIECES", {})  # nothing remembered from other tests
    laid_out = []
    real = pdf_writer._build
    monkeypatch.setattr(pdf_writer, "_build", lambda *a, **k: laid_out.append(1) or real(*a, **k))
    monkeypatch.setattr(pdf_writer, "find_official", lambda role: None)
    first = pdf_writer.table_pieces(report)
    assert pdf_writer.table_pieces(report) == first and len(laid_out) == 1  # remembered
    monkeypatch.setattr(pdf_writer, "find_official", lambda role: f"/fonts/{role}.ttf")
    pdf_writer.table_pieces(report)
    assert len(laid_out) == 2
