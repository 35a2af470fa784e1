"""A published PDF read directly (through QtPdf): every number of an exported report, and clear
messages for a PDF without text, a damaged one, and a folder review that leaves PDFs alone."""

from __future__ import annotations

import os
import time

import pytest
from tests.helpers import SEED_NAMES

from reportdesk.cli import main
from reportdesk.exporters import write_pdf
from reportdesk.importers import import_document
from reportdesk.loading import LoadError, load_report
from reportdesk.review.batch import find_files


@pytest.mark.parametrize("name", SEED_NAMES)
def test_exported_pdf_imports_with_every_number(name, seed_text, tmp_path):
    report = import_document(seed_text(name)).report
    pdf = tmp_path / f"{name}.pdf"
    write_pdf(report, pdf)
    result = import_document(pdf)
    got = result.report
    assert (got.agency, got.year, got.format_id, got.date) == (report.agency, report.year, report.format_id, report.date)
    if name == "002_7afa714d70970faa":  # blank cells of part 四 do not show in a PDF's text: not guessed
        assert all(v is None for ref, v in got.values.items() if ref.table == "四")
        assert {r: v for r, v in got.values.items() if r.table != "四"} == {
            r: v for r, v in report.values.items() if r.table != "四"
        }
    else:
        assert got.values == report.values and not got.unreadable
        assert not got.read_notes, got.read_notes  # headers wrapped in their cells are read
    # prose lines are wrapped by the page: the words are all there, paragraph breaks may move
    assert "".join(got.opening.split()) == "".join(report.opening.split())


def test_check_and_import_a_pdf_from_the_command_line(seed_text, tmp_path, capsys):
    pdf = tmp_path / "报告.pdf"
    write_pdf(import_document(seed_text("002_7afa714d70970faa")).report, pdf)
    assert main(["check", str(pdf)]) == 1
    out = capsys.readouterr().out
    # part 四's blank cells leave no trace in a PDF's text: they are unknown (not checked), not blank
    assert "DATE-IN-YEAR" in out and "TABLE-UNCHECKED" in out and "CELL-BLANK" not in out
    assert main(["import", str(pdf), "-o", str(tmp_path / "p.rdproj")]) == 0
    assert load_report(tmp_path / "p.rdproj").agency == "中卫市工业和信息化局"
    assert "识别" in capsys.readouterr().out  # what the import found is said, as for .docx and text


def test_pdf_without_text_damaged_or_empty(tmp_path):
    from reportlab.pdfgen import canvas

    scanned = tmp_path / "扫描件.pdf"
    c = canvas.Canvas(str(scanned))
    c.rect(100, 100, 300, 400, fill=1)  # a page with a picture only
    c.showPage()
    c.save()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + os.urandom(5000))
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    for path, message in ((scanned, "没有文字"), (damaged, "不是有效的 PDF"), (empty, "文件是空的")):
        start = time.perf_counter()
        with pytest.raises(LoadError, match=message):
            import_document(path)
        assert time.perf_counter() - start < 5


def test_folder_review_leaves_pdfs_alone_but_takes_one_named(seed_text, tmp_path):
    pdf = tmp_path / "a.pdf"
    write_pdf(import_document(seed_text("000_730c80e139d75b64")).report, pdf)
    (tmp_path / "a.txt").write_text(seed_text("000_730c80e139d75b64").read_text("utf-8"), "utf-8")
    assert [p.name for p in find_files([tmp_path])] == ["a.txt"]
    assert [p.name for p in find_files([pdf])] == ["a.pdf"]
