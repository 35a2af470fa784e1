"""The .docx reader: official-shaped tables with merged cells, bold runs, and the exporter round trip."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from tests.helpers import demo
from tests.importers.docx_builder import build_docx
from tests.strategies import valid_reports

from reportdesk.checks import check_report
from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.importers import import_document


def _same_values(a, b) -> None:
    for ref in cells_of(a.format).inputs:
        assert a.values[ref] == b.values[ref], ref


def test_docx_with_merged_cells_imports_every_value(tmp_path):
    report = demo()
    report.date = dt.date(report.year + 1, 1, 20)
    result = import_document(build_docx(report, tmp_path / "demo.docx"))
    got = result.report
    assert (got.agency, got.year, got.format_id, got.title) == (report.agency, report.year, report.format_id, report.title)
    _same_values(got, report)
    assert got.printed and all(v == got.totals()[ref] for ref, v in got.printed.items())
    assert [p.markup() for p in got.parts["一"]] == [p.markup() for p in report.parts["一"]]
    assert (got.signature_agency, got.date) == (report.signature_agency, report.date)
    assert not got.unreadable and not got.read_notes
    assert not [p for p in result.problems if not p.startswith("日期")]


def test_docx_bold_runs_become_bold(tmp_path):
    report = demo()
    report.parts["五"][0].runs = [type(report.parts["五"][0].runs[0])("一是", True), *report.parts["五"][0].runs]
    got = import_document(build_docx(report, tmp_path / "b.docx")).report
    assert got.parts["五"][0].runs[0].bold and got.parts["五"][0].runs[0].text == "一是"


def test_docx_with_wps_style_labels(tmp_path):
    """Half-width brackets, spaced labels and the 社会组织 variant, as other tools write them."""

    def relabel(text: str) -> str:
        text = text.replace("（", "(").replace("）", ")").replace("社会公益组织", "社会组织")
        return " ".join(text) if len(text) <= 4 else text

    report = demo()
    result = import_document(build_docx(report, tmp_path / "wps.docx", relabel=relabel))
    _same_values(result.report, report)
    assert any("按官方标签“社会公益组织”读入" in p for p in result.problems)


def test_docx_blank_and_wrong_total_cells(tmp_path):
    report = demo()
    ref = CellRef(PART3, "三、本年度办理结果/（一）予以公开", "自然人")
    report.values[ref] = None
    got = import_document(build_docx(report, tmp_path / "blank.docx")).report
    assert got.values[ref] is None
    assert any(f.rule == "CELL-BLANK" and ref in f.place.cells for f in check_report(got))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=valid_reports())
def test_random_reports_survive_docx_built_in_the_official_shape(report, tmp_path):
    got = import_document(build_docx(report, tmp_path / "r.docx")).report
    assert got.format_id == report.format_id and got.year == report.year
    _same_values(got, report)


def _write_docx():
    from reportdesk.exporters import write_docx

    return write_docx


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=valid_reports())
def test_export_then_import_gives_identical_values(report, tmp_path):
    path = tmp_path / "exported.docx"
    _write_docx()(copy.deepcopy(report), path)
    got = import_document(path).report
    assert (got.agency, got.year, got.format_id) == (report.agency, report.year, report.format_id)
    _same_values(got, report)
    assert not got.unreadable


def test_exported_demo_imports_whole(tmp_path):
    report = demo()
    report.date = dt.date(report.year + 1, 1, 20)
    path = tmp_path / "demo.docx"
    _write_docx()(report, path)
    result = import_document(path)
    got = result.report
    _same_values(got, report)
    for attr in ("agency", "year", "format_id", "kind", "title", "opening", "contact", "signature_agency", "date"):
        assert getattr(got, attr) == getattr(report, attr), attr
    for part in ("一", "五", "六"):
        assert [(p.level, p.markup()) for p in got.parts[part]] == [(p.level, p.markup()) for p in report.parts[part]]
    assert result.problems == [] and check_report(got) == []


def test_word_list_numbering_of_headings_is_not_a_deviation(tmp_path):
    import docx

    from reportdesk.importers.docx_reader import read_docx
    from reportdesk.importers.structure import find_headings

    document = docx.Document()
    document.add_paragraph("某局2024年政府信息公开工作年度报告")
    document.add_paragraph("总体情况", style="List Number")
    document.add_paragraph("主动公开政府信息情况")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    found = find_headings(read_docx(path), 1)
    assert found["一"].verbatim and found["一"].text == "一、总体情况"
    assert not found["二"].verbatim  # typed without its number


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_docx_rewritten_by_another_word_processor(tmp_path):
    """LibreOffice writes merges, styles and runs its own way, as WPS and Word versions differ."""
    import subprocess

    report = demo()
    report.date = dt.date(report.year + 1, 1, 20)
    source = build_docx(report, tmp_path / "source.docx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    for target, src in (("odt", source), ("docx:MS Word 2007 XML", tmp_path / "source.odt")):
        out = tmp_path / "out"
        subprocess.run(
            ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(out), str(src)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        if target == "odt":
            (out / "source.odt").rename(tmp_path / "source.odt")
    got = import_document(tmp_path / "out" / "source.docx").report
    _same_values(got, report)
    assert (got.title, got.signature_agency, got.date) == (report.title, report.signature_agency, report.date)
    assert [p.markup() for p in got.parts["五"]] == [p.markup() for p in report.parts["五"]]


def test_content_controls_and_tracked_changes(tmp_path):
    """Word's content controls hold whole paragraphs; tracked insertions count, deletions do not."""
    import docx
    from docx.oxml import OxmlElement

    from reportdesk.importers.docx_reader import read_docx

    document = docx.Document()
    wrapped = document.add_paragraph("某局2024年政府信息公开工作年度报告")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    wrapped._p.addprevious(sdt)
    sdt.append(content)
    content.append(wrapped._p)
    edited = document.add_paragraph("本年")
    for tag, text in (("w:ins", "新增"), ("w:del", "删去")):
        change = OxmlElement(tag)
        run = OxmlElement("w:r")
        t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.text = text
        run.append(t)
        change.append(run)
        edited._p.append(change)
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    texts = [line.text for line in read_docx(path) if line.text]
    assert texts == ["某局2024年政府信息公开工作年度报告", "本年新增"]
