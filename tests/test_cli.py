"""The command line, run as a clerk or a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import FIXTURES, demo

from reportdesk.cli import main
from reportdesk.formats import CellRef
from reportdesk.model.interchange import to_interchange
from reportdesk.model.project import load_project
from reportdesk.paths import demo_report_path

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_new_writes_a_zero_filled_project(tmp_path, capsys):
    out = tmp_path / "n.rdproj"
    code, text, _ = run(
        capsys, "new", "--agency", "某县人民政府", "--year", "2024", "--kind", "government", "-o", str(out)
    )
    assert code == 0 and "国办公开办函〔2021〕30号" in text
    r = load_project(out)
    assert (r.agency, r.year, r.kind, r.format_id) == ("某县人民政府", 2024, "government", "2021")
    assert all(v is not None for v in r.values.values())


def test_new_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "n.rdproj"
    out.write_text("keep me")
    code, _, err = run(capsys, "new", "--agency", "某局", "--year", "2024", "-o", str(out))
    assert code == 2 and "已存在" in err and out.read_text() == "keep me"


def test_check_exit_codes_and_json(tmp_path, capsys):
    seeds = sorted(str(p) for p in (FIXTURES / "seeds").glob("*.json"))
    code, _, _ = run(capsys, "check", str(demo_report_path()))
    assert code == 0
    code, text, _ = run(capsys, "check", "--json", *seeds)
    assert code == 1
    results = json.loads(text)
    assert [r["errors"] for r in results] == [0, 0, 2, 0, 0]  # 001, 004 print no signature: warnings
    assert results[3]["warnings"] == 2
    f = results[2]["findings"][0]
    assert set(f) == {"severity", "rule", "where", "message"} and f["where"]["text"]
    bad = tmp_path / "bad.rdproj"
    bad.write_text("{")
    code, text, _ = run(capsys, "check", "--json", str(demo_report_path()), str(bad))
    assert code == 2
    assert "bad.rdproj" in json.loads(text)[1]["error"]


def test_check_with_previous_year(tmp_path, capsys):
    last = demo()
    last.year = 2024
    last.baseline = None
    last.values[CellRef("三", "四、结转下年度继续办理", "自然人")] = 9
    prev = tmp_path / "2024.json"
    prev.write_text(json.dumps(to_interchange(last), ensure_ascii=False, default=str), "utf-8")
    code, text, _ = run(capsys, "check", str(demo_report_path()), "--previous", str(prev))
    assert code == 1 and "PREV-CARRY-OVER" in text and "9" in text


def test_show_json_then_import_then_check(tmp_path, capsys):
    code, text, _ = run(capsys, "show", str(demo_report_path()), "--json")
    data = json.loads(text)
    assert data["tables"]["二"]["第二十条第（一）项"]["行政规范性文件"] == {
        "本年制发件数": 3,
        "本年废止件数": 1,
        "现行有效件数": 27,
    }
    assert data["tables"]["三"]["三、本年度办理结果/（七）总计"]["总计"] == 61
    assert data["tables"]["四"]["行政诉讼/复议后起诉"]["尚未审结"] == 1
    # a platform edits a printed total wrongly: check catches it, import keeps the parts
    data["tables"]["三"]["三、本年度办理结果/（七）总计"]["自然人"] = 40
    del data["tables"]["四"]["行政复议"]["结果纠正"]
    src = tmp_path / "platform.json"
    src.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, text, _ = run(capsys, "check", str(src))
    assert code == 1 and "T3-RESULT-TOTAL" in text and "CELL-BLANK" in text
    out = tmp_path / "p.rdproj"
    code, text, _ = run(capsys, "import", str(src), "-o", str(out))
    assert code == 0 and "T3-RESULT-TOTAL" in text
    r = load_project(out)
    assert r.value(CellRef("三", "三、本年度办理结果/（七）总计", "自然人")) == 47


def test_unreadable_cell_is_reported_with_its_text(tmp_path, capsys):
    data = to_interchange(demo())
    data["tables"]["三"]["一、本年新收政府信息公开申请数量"]["自然人"] = "四十六"
    src = tmp_path / "x.json"
    src.write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
    code, text, _ = run(capsys, "check", str(src))
    # unknown, not an error about the report: a reading note with the text, and the checks it stopped
    assert code == 0 and "[读取说明] CELL-UNREADABLE" in text and "四十六" in text and "TABLE-UNCHECKED" in text


@pytest.mark.parametrize("content", [b"", b"not json", b"[]", b'{"year": "x"}'])
def test_bad_json_gives_exit_2_and_a_message(tmp_path, capsys, content):
    src = tmp_path / "x.json"
    src.write_bytes(content)
    code, text, _ = run(capsys, "check", str(src))
    assert code == 2 and "无法读取" in text


def test_console_entry_runs_as_a_module(tmp_path):
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "REPORTDESK_HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "reportdesk", "check", str(demo_report_path())],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert "0 个错误 · 0 个警告" in proc.stdout.decode()
