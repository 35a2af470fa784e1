"""`reportdesk import`, `check` and `new --from` on published documents."""

from __future__ import annotations

import json

from reportdesk.cli import main
from reportdesk.model.project import load_project


def test_import_prints_what_was_recognised_and_what_not(seed_text, tmp_path, capsys):
    out = tmp_path / "p.rdproj"
    assert main(["import", str(seed_text("002_7afa714d70970faa")), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "识别：" in text and "中卫市工业和信息化局" in text and "2019 年格式" in text
    assert "未识别或有问题：" in text and "社会组织" in text
    report = load_project(out)
    assert report.year == 2020 and report.read_notes


def test_check_reads_published_text_directly(seed_text, capsys):
    code = main(["check", "--json", str(seed_text("002_7afa714d70970faa")), str(seed_text("003_bce8275da3ca3d23"))])
    results = json.loads(capsys.readouterr().out)
    assert code == 1
    assert {f["rule"] for f in results[0]["findings"]} >= {"DATE-IN-YEAR", "CELL-BLANK"}
    assert results[1]["agency"] == "澄江市投资促进局"
    assert {f["rule"] for f in results[1]["findings"]} == {"OPENING-MISSING", "PART-HEADING"}


def test_new_from_a_published_report(seed_text, tmp_path, capsys):
    out = tmp_path / "next.rdproj"
    assert main(["new", "--from", str(seed_text("001_082ea42f41a4a5d8")), "-o", str(out)]) == 0
    report = load_project(out)
    assert (report.year, report.agency, report.format_id) == (2024, "石嘴山市投资促进局", "2021")
    assert report.draft_parts == {"一", "五", "六"}
    assert report.values[next(r for r in report.values if r.row.startswith("二、上年结转") and r.col == "自然人")] == 1


def test_import_of_a_bad_file_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip at all")
    out = tmp_path / "p.rdproj"
    assert main(["import", str(bad), "-o", str(out)]) == 2
    assert "不是有效的 Word 文档" in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]
