"""``reportdesk export`` and what happens when the target cannot be written."""

from __future__ import annotations

import os
import stat

import pytest

from reportdesk.cli import main
from reportdesk.exporters import ExportError, write_docx
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path


def test_cli_exports_both(tmp_path, capsys):
    docx_out, pdf_out = tmp_path / "a.docx", tmp_path / "a.pdf"
    rc = main(["export", str(demo_report_path()), "--docx", str(docx_out), "--pdf", str(pdf_out)])
    assert rc == 0
    assert docx_out.read_bytes()[:2] == b"PK" and pdf_out.read_bytes()[:5] == b"%PDF-"
    assert "已导出" in capsys.readouterr().out


def test_cli_exports_both_in_one_layout_and_says_which_file_failed(tmp_path, capsys, monkeypatch):
    """Both files come from one export (the .docx takes the PDF's table breaks: the report is laid out
    once); a .docx that cannot be written does not stop the PDF, and the clerk is told which is which."""
    import reportdesk.exporters as exporters

    layouts = []
    real = exporters.table_pieces
    monkeypatch.setattr(exporters, "table_pieces", lambda *a, **k: layouts.append(1) or real(*a, **k))
    docx_out, pdf_out = tmp_path / "a.docx", tmp_path / "a.pdf"
    docx_out.write_bytes(b"old")
    docx_out.chmod(stat.S_IRUSR)  # read-only: refused on every system, root included
    try:
        rc = main(["export", str(demo_report_path()), "--docx", str(docx_out), "--pdf", str(pdf_out)])
    finally:
        docx_out.chmod(stat.S_IRUSR | stat.S_IWUSR)
    out, err = capsys.readouterr()
    assert rc == 2
    assert docx_out.read_bytes() == b"old" and pdf_out.read_bytes()[:5] == b"%PDF-"
    assert f"已导出 {pdf_out}" in out and "a.docx" not in out
    assert "其余文件未导出" in err and "只读" in err
    assert layouts == []  # no separate layout pass for the .docx: the PDF's pieces were handed over


def test_cli_needs_an_output(capsys):
    assert main(["export", str(demo_report_path())]) == 2
    assert "--docx" in capsys.readouterr().err


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_target_keeps_the_old_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "report.docx"
    target.write_bytes(b"old")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ExportError) as info:
            write_docx(load_report(demo_report_path()), target)
        assert "无法导出" in str(info.value) and "原文件未被改动" in str(info.value)
        assert target.read_bytes() == b"old"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_unwritable_target_message(tmp_path, monkeypatch):
    """As root the folder above is writable anyway: simulate Windows' 'file in use' refusal."""
    import reportdesk.model.project as project

    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(project.os, "replace", refuse)
    with pytest.raises(ExportError) as info:
        write_docx(load_report(demo_report_path()), target)
    assert "正被其他程序占用" in str(info.value)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_read_only_file_is_not_replaced(tmp_path):
    """A target marked read-only is refused everywhere (Linux would silently rename over it)."""
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR)
    try:
        with pytest.raises(ExportError) as info:
            from reportdesk.exporters import write_pdf

            write_pdf(load_report(demo_report_path()), target)
        assert "只读" in str(info.value) and "原文件未被改动" in str(info.value)
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_cli_says_so_in_chinese(tmp_path, capsys, monkeypatch):
    import reportdesk.model.project as project

    target = tmp_path / "report.docx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(project.os, "replace", refuse)
    assert main(["export", str(demo_report_path()), "--docx", str(target)]) != 0
    err = capsys.readouterr().err
    assert "正被其他程序占用" in err and "原文件未被改动" in err
    assert target.read_bytes() == b"old"


def test_odd_text_exports(tmp_path):
    """Control characters, markup characters, an overlong word and emoji: both files are written."""
    from reportdesk.exporters import export_report
    from reportdesk.model.prose import Paragraph

    report = load_report(demo_report_path())
    report.agency = report.signature_agency = "A&B<机关>\x02"
    report.title = "长" * 70
    report.parts["一"] = [Paragraph.from_markup("a\x01b\x0bc<>&\"'😀\u3000终"), Paragraph.from_markup("x" * 300)]
    report.date = None
    docx_out, pdf_out = export_report(report, docx=tmp_path / "o.docx", pdf=tmp_path / "o.pdf")
    import docx

    texts = [p.text.lstrip("\t") for p in docx.Document(docx_out).paragraphs]
    assert "abc<>&\"'😀\u3000终" in texts and "A&B<机关>" in texts
    assert pdf_out.read_bytes()[:5] == b"%PDF-"


def _report_with_an_error(tmp_path):
    from reportdesk.checks import check_report
    from reportdesk.checks.findings import Severity
    from reportdesk.model.project import dumps_project

    report = load_report(demo_report_path())
    for ref, value in list(report.values.items()):  # the first count whose change breaks a rule
        if isinstance(value, int) and value > 0:
            report.set(ref, value + 7)
            if any(f.severity is Severity.ERROR for f in check_report(report)):
                break
            report.set(ref, value)
    assert any(f.severity is Severity.ERROR for f in check_report(report))
    path = tmp_path / "bad.rdproj"
    path.write_text(dumps_project(report), "utf-8")
    return path


def test_strict_export_refuses_a_report_with_errors_and_touches_nothing(tmp_path, capsys):
    bad = _report_with_an_error(tmp_path)
    docx_out, pdf_out = tmp_path / "a.docx", tmp_path / "a.pdf"
    docx_out.write_bytes(b"last year's")
    rc = main(["export", str(bad), "--docx", str(docx_out), "--pdf", str(pdf_out), "--strict"])
    assert rc == 1
    assert docx_out.read_bytes() == b"last year's" and not pdf_out.exists()
    err = capsys.readouterr().err
    assert "未导出任何文件" in err and "--strict" in err


def test_without_strict_a_report_with_errors_is_exported_with_a_warning(tmp_path, capsys):
    bad = _report_with_an_error(tmp_path)
    pdf_out = tmp_path / "a.pdf"
    assert main(["export", str(bad), "--pdf", str(pdf_out)]) == 0
    assert pdf_out.read_bytes()[:5] == b"%PDF-" and "仍将导出" in capsys.readouterr().err


def test_strict_export_of_a_clean_report_writes(tmp_path):
    pdf_out = tmp_path / "a.pdf"
    assert main(["export", str(demo_report_path()), "--pdf", str(pdf_out), "--strict"]) == 0
    assert pdf_out.read_bytes()[:5] == b"%PDF-"


def test_unknown_cells_export_blank_and_are_said(tmp_path, capsys):
    """Unknown is not zero on paper either: the cell is left blank, and the clerk is told which."""
    from reportdesk.formats import PART3, CellRef
    from reportdesk.importers import import_document
    from reportdesk.model.project import save_project

    report = load_report(demo_report_path())
    p3 = report.format.part3
    ref = CellRef(PART3, p3.result_rows[0], p3.input_columns[0])
    report.values[ref] = None
    report.unreadable[ref] = "“2l”（不是数字）"
    save_project(report, tmp_path / "r.rdproj")
    out = tmp_path / "r.docx"
    assert main(["export", str(tmp_path / "r.rdproj"), "--docx", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 个单元格的数字未知" in err and ref.describe() in err
    again = import_document(out).report
    assert again.values.get(ref) is None  # printed blank, not 0
