"""`reportdesk review` and `reportdesk aggregate` as a clerk runs them: output, files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from review_gen import agency_name, inject, write_set, year_pair

from reportdesk.cli import main
from reportdesk.loading import load_report

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_review_a_clean_folder(tmp_path, capsys):
    last, now = year_pair(5, 2025)
    write_set(tmp_path / "2024", last)
    write_set(tmp_path / "2025", now)
    code, out, err = run(capsys, "review", tmp_path / "2025", "--previous", tmp_path / "2024")
    assert code == 0
    assert "共 5 份：5 份通过" in out and "已检查 5/5 份" in err
    assert f"{now[0].agency} 2025年（2021 年格式）新收 " in out


def test_review_errors_outputs_and_json(tmp_path, capsys):
    last, now = year_pair(4, 2025)
    inject(now[1], "carry-over")
    write_set(tmp_path / "last", last)
    write_set(tmp_path / "now", now)
    html, csv_out = tmp_path / "r.html", tmp_path / "r.csv"
    code, out, _ = run(
        capsys, "review", tmp_path / "now", "--previous", tmp_path / "last", "--html", html, "--csv", csv_out
    )
    assert code == 1
    assert "PREV-CARRY-OVER @ 第三部分 · 表三“二、上年结转政府信息公开申请数量”行“自然人”" in out
    assert html.read_text("utf-8").startswith("<!DOCTYPE html>") and csv_out.read_bytes()[:3] == b"\xef\xbb\xbf"
    code, out, _ = run(capsys, "review", "--json", tmp_path / "now")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4  # without last year, the carry-over cannot be checked
    (tmp_path / "now" / "bad.rdproj").write_text("{", "utf-8")
    code, out, _ = run(capsys, "review", "-q", tmp_path / "now")
    assert code == 2 and "bad.rdproj：无法读取" in out


def test_review_usage_errors(tmp_path, capsys):
    code, _, err = run(capsys, "review", tmp_path)
    assert code == 2 and "没有找到报告文件" in err
    write_set(tmp_path, year_pair(1, 2025)[1])
    code, _, err = run(capsys, "review", tmp_path, "--previous", tmp_path / "nope")
    assert code == 2 and "找不到上年报告文件夹" in err
    code, _, err = run(capsys, "review", tmp_path, "--html", tmp_path)
    assert code == 2 and "是文件夹" in err


def test_aggregate_writes_an_ordinary_project(tmp_path, capsys):
    _, now = year_pair(6, 2025)
    write_set(tmp_path / "in", now)
    expect = tmp_path / "expect.txt"
    expect.write_text("\n".join(agency_name(i) for i in range(8)), "utf-8")
    out = tmp_path / "summary.rdproj"
    code, text, _ = run(
        capsys, "aggregate", tmp_path / "in", "-o", out, "--expect", expect, "--agency", "青禾县人民政府"
    )
    assert code == 1  # two expected agencies have not reported
    assert "已汇总 6 份 2025 年度报告" in text and "2 个机关未报送" in text and agency_name(7) in text
    summary = load_report(out)
    assert summary.agency == "青禾县人民政府" and len(summary.sources) == 6
    # it is an ordinary project: check and show work on it
    code, text, _ = run(capsys, "check", out)
    assert code == 1 and "PART-EMPTY" in text and "T3-IDENTITY" not in text
    code, _, err = run(capsys, "aggregate", tmp_path / "in", "-o", out)
    assert code == 2 and "已存在" in err
    code, text, _ = run(capsys, "aggregate", *sorted((tmp_path / "in").glob("*.rdproj"))[:2], "-o", out, "--force")
    assert code == 0 and "已汇总 2 份" in text


def test_aggregate_refuses_mixed_formats_and_writes_nothing(tmp_path, capsys):
    write_set(tmp_path / "a", year_pair(2, 2021)[1])
    write_set(tmp_path / "b", year_pair(2, 2020)[1])
    out = tmp_path / "s.rdproj"
    code, _, err = run(capsys, "aggregate", tmp_path / "a", tmp_path / "b", "-o", out)
    assert code == 2 and "格式不一致" in err and not out.exists()
    code, _, err = run(capsys, "aggregate", tmp_path / "a", "-o", tmp_path / "s.docx")
    assert code == 2 and ".rdproj" in err


def test_commands_are_listed_in_help():
    result = subprocess.run(
        [sys.executable, "-m", "reportdesk", "--help"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert result.returncode == 0 and "review" in result.stdout and "aggregate" in result.stdout


def test_review_lists_missing_agencies_per_year_and_duplicates(tmp_path, capsys):
    last, now = year_pair(4, 2025)
    write_set(tmp_path / "2024", last[:3])
    write_set(tmp_path / "2025", now)
    write_set(tmp_path / "2025" / "again", now[:1])
    expect = tmp_path / "expect.txt"
    expect.write_text("\n".join(agency_name(i).replace("青禾县", "青禾县 ") for i in range(5)), "utf-8")
    html = tmp_path / "r.html"
    code, out, _ = run(capsys, "review", tmp_path / "2024", tmp_path / "2025", "--expect", expect, "--html", html)
    assert code == 0
    missing_2024 = f"2024 年度：名单中有 2 个机关未报送：{agency_name(3).replace('青禾县', '青禾县 ')}"
    assert missing_2024 in out and "2025 年度：名单中有 1 个机关未报送" in out
    assert f"{now[0].agency} 2025 年度有 2 份报告" in out
    assert missing_2024 in html.read_text("utf-8")
