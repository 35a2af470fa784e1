"""Folder review takes what a folder holds (issue #11 item 6): PDFs are reviewed, the same report as
.docx and .pdf counts once (the .docx), and files that are not reports are skipped with a note."""

from __future__ import annotations

import shutil

from tests.helpers import seed
from tests.importers.conftest import seeds_path

from reportdesk.cli import main
from reportdesk.exporters import write_docx, write_pdf
from reportdesk.review import batch
from reportdesk.review.folder import find_files

A, B = "000_730c80e139d75b64", "004_a9dbc25bac2331b1"


def test_a_folder_of_pdfs_is_reviewed(tmp_path, capsys):
    write_pdf(seed(A), tmp_path / "银川.pdf")
    write_pdf(seed(B), tmp_path / "西夏区.pdf")
    rows = batch.review_paths([tmp_path], workers=1)
    assert sorted(r.agency for r in rows) == ["银川市投资促进局", "银川市西夏区审批服务管理局"]
    assert all(r.unreadable is None for r in rows)
    assert {r.agency: r.figures.new for r in rows} == {"银川市投资促进局": 1, "银川市西夏区审批服务管理局": 1}


def test_docx_and_pdf_of_the_same_report_count_once_as_the_docx(tmp_path, capsys):
    write_docx(seed(A), tmp_path / "report.docx")
    write_pdf(seed(A), tmp_path / "Report.pdf")
    write_pdf(seed(B), tmp_path / "other.pdf")
    notes: list[str] = []
    assert [p.name for p in find_files([tmp_path], notes)] == ["other.pdf", "report.docx"]
    assert notes == ["1 个文件是同名报告的另一种格式，只计一次：Report.pdf（已审阅 report.docx）"]
    assert main(["review", "-q", str(tmp_path)]) in (0, 1)
    out = capsys.readouterr().out
    assert "共 2 份" in out and "只计一次" in out
    # named on its own, a PDF is always taken
    assert [p.name for p in find_files([tmp_path / "Report.pdf"])] == ["Report.pdf"]


def test_files_that_are_not_reports_are_skipped_with_a_note_not_unreadable(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(seeds_path(), folder)
    (folder / "README.md").write_text("# 各部门年度报告\n\n下载自门户网站。\n", "utf-8")
    (folder / "统计.xlsx").write_bytes(b"PK\x03\x04 not really")
    (folder / "img").mkdir()
    (folder / "img" / "封面.png").write_bytes(b"\x89PNG\r\n")
    (folder / "~$lock.docx").write_bytes(b"x")
    gbk = folder / "gbk.txt"  # a text copy saved in GBK is still a report
    gbk.write_bytes((seeds_path() / f"{A}.txt").read_text("utf-8").encode("gb18030"))
    notes: list[str] = []
    rows = batch.review_paths([folder], workers=1, notes=notes)
    assert len(rows) == 6 and not [r for r in rows if r.unreadable]
    assert notes == ["已跳过 3 个不是报告的文件：img/封面.png、README.md、统计.xlsx"]
    assert main(["review", "-q", str(folder)]) == 1  # 002's errors; nothing unreadable (that would be 2)
    out = capsys.readouterr().out
    assert "无法读取" not in out and "已跳过 3 个不是报告的文件" in out
