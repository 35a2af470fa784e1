"""Bombs inside and beyond the caps, and a command line that behaves (issue #12 items 2-3, #15 item 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.hostile import bombs

from reportdesk import cli
from reportdesk.commands import report as report_commands
from reportdesk.importers import files
from reportdesk.loading import LoadError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("the issue's 39 MB of empty paragraphs", lambda: bombs.empty_paragraphs(39), "解压后 39 MB"),
        ("the issue's 150 MB styles.xml", lambda: bombs.huge_styles(150), "styles.xml"),
        ("19 MB of empty paragraphs (within the size cap)", lambda: bombs.empty_paragraphs(19), "超过 10,000"),
        ("a styles.xml within the size cap", lambda: bombs.huge_styles(10), "元素超过"),
    ],
)
def test_a_bomb_is_refused_with_a_message(tmp_path, name, make, words):
    path = bombs.write(tmp_path / "bomb.docx", make())
    assert path.stat().st_size < 1_000_000  # small on disk, huge unpacked
    with pytest.raises(LoadError, match=words) as info:
        files.check_xml_parts(path)
    assert "bomb.docx" in str(info.value)


def test_a_real_report_is_within_the_caps(tmp_path):
    from tests.helpers import demo

    from reportdesk.exporters import export_report
    from reportdesk.importers import import_document

    path = tmp_path / "r.docx"
    export_report(demo(), docx=path)
    files.check_xml_parts(path)
    assert import_document(path).report.agency == demo().agency


def test_text_of_a_million_characters_is_refused(tmp_path):
    def chunks():
        yield bombs._HEAD.encode()
        yield b"<w:p><w:r><w:t>" + "年".encode() * (files.MAX_TEXT_CHARS + 1) + b"</w:t></w:r></w:p>"
        yield bombs._TAIL.encode()

    path = bombs.write(tmp_path / "t.docx", bombs.with_member(bombs.plain_docx(), "word/document.xml", chunks()))
    with pytest.raises(LoadError, match="文字超过"):
        files.check_xml_parts(path)


# ---------------------------------------------------------------- the command line


def test_help_is_chinese_and_complete(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    for english in ("positional arguments", "options:", "usage:", "show this help"):
        assert english not in text
    for command in ("new", "check", "show", "import", "export", "review", "aggregate", "--demo", "--portable"):
        assert command in text


@pytest.mark.parametrize("command", ["new", "check", "show", "import", "export", "review", "aggregate"])
def test_every_option_is_described(command):
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    for action in sub._actions:
        assert action.help, f"{command} {action.option_strings or action.dest} has no description"
    text = sub.format_help()
    assert "positional arguments" not in text and "options:" not in text
    if command in ("check", "review", "aggregate"):
        assert "退出码" in text and "  3  " in text


def test_a_mistyped_command_is_named_and_never_opens_the_window(capsys, monkeypatch):
    import reportdesk.app

    monkeypatch.setattr(reportdesk.app, "main", lambda argv: pytest.fail("the window was opened"))
    assert cli.main(["chek", "x.rdproj"]) == 2
    assert "未知命令 chek，是否要用 check？" in capsys.readouterr().err


def test_a_usage_error_is_chinese(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["new", "--year", "二〇二四", "-o", "x.rdproj"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "应为整数" in err and "invalid" not in err


def test_an_unexpected_exception_is_a_message_a_log_entry_and_exit_3(capsys, monkeypatch, tmp_path):
    from reportdesk import diagnostics

    def boom(args):
        raise RuntimeError("青禾市 secret 12345678")

    monkeypatch.setattr(report_commands, "cmd_show", boom)
    code = cli.main(["show", "x.rdproj"])
    err = capsys.readouterr().err
    assert code == 3 and "程序内部错误" in err and "Traceback" not in err
    log = diagnostics.log_file().read_text("utf-8")
    assert "RuntimeError" in log and "Python" in log and "ReportDesk" in log
    assert "青禾" not in log and "12345678" not in log  # no report content in the log


def test_piping_into_head_ends_quietly(tmp_path):
    from tests.helpers import demo

    from reportdesk.model.project import save_project

    report = demo()
    report.parts["一"] = report.parts["一"] * 400  # far more than a pipe buffer
    save_project(report, tmp_path / "big.rdproj")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    shell = f"{sys.executable} -m reportdesk show {tmp_path / 'big.rdproj'} | head -n 2"
    result = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, env=env, timeout=60)
    assert len(result.stdout.splitlines()) == 2
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
