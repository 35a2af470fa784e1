"""Project files: round trips, migration, and every kind of bad file giving a clear message."""

from __future__ import annotations

import json
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from tests.helpers import demo
from tests.strategies import valid_reports

from reportdesk.checks import check_report
from reportdesk.model.interchange import from_interchange, to_interchange
from reportdesk.model.project import (
    PROJECT_VERSION,
    ProjectError,
    dumps_project,
    load_project,
    loads_project,
    save_project,
)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(valid_reports())
def test_random_valid_reports_pass_every_check(report):
    assert [f.message for f in check_report(report)] == []


@FAST
@given(valid_reports())
def test_save_then_load_returns_the_same_report(report):
    assert loads_project(dumps_project(report)) == report


@FAST
@given(valid_reports())
def test_show_then_import_returns_the_same_report(report):
    data = json.loads(json.dumps(to_interchange(report), ensure_ascii=False))
    back = from_interchange(data)
    back.printed.clear()  # computed cells come back as what was printed; they agree
    assert back == report
    assert [f for f in check_report(from_interchange(data)) if f.rule.startswith("T")] == []


def test_saved_file_is_readable_utf8_json_with_a_version(tmp_path):
    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    text = path.read_text("utf-8")
    data = json.loads(text)
    assert data["reportdesk_project"] == PROJECT_VERSION
    assert "青禾市市场监督管理局" in text  # not \u-escaped
    assert data["report"]["tables"]["三"]["一、本年新收政府信息公开申请数量"]["总计"] == 60


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "r.rdproj"
    r = demo()
    save_project(r, path)
    first = path.read_bytes()
    r.agency = "改名后的局"
    save_project(r, path)
    assert (tmp_path / "r.rdproj.bak").read_bytes() == first
    assert load_project(path).agency == "改名后的局"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_version_1_bare_interchange_is_migrated(tmp_path):
    path = tmp_path / "old.rdproj"
    path.write_text(json.dumps(to_interchange(demo()), ensure_ascii=False), "utf-8")
    r = load_project(path)
    assert r.agency == "青禾市市场监督管理局" and r.parts["一"][1].level == 2
    assert path.read_text("utf-8").startswith("{")  # untouched: migration happens in memory


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_gives_a_message_and_keeps_the_file(tmp_path):
    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    before = path.read_bytes()
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ProjectError, match="没有权限"):
            save_project(demo(), path)
    finally:
        tmp_path.chmod(stat.S_IRWXU)
    assert path.read_bytes() == before


def test_write_errors_become_messages(tmp_path, monkeypatch):
    import errno

    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ProjectError, match="磁盘空间不足"):
        save_project(demo(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.rdproj"]


def _valid_text() -> str:
    return dumps_project(demo())


CORRUPT = {
    "empty": b"",
    "whitespace": b"   \n",
    "truncated": _valid_text().encode()[:3000],
    "not json": "这不是项目文件".encode(),
    "gbk": _valid_text().encode("gbk", "replace"),
    "utf16": _valid_text().encode("utf-16"),
    "binary": bytes(range(256)) * 8,
    "a list": b"[1, 2, 3]",
    "a number": b"42",
    "null": b"null",
    "newer version": json.dumps({"reportdesk_project": 99, "report": {}}).encode(),
    "zero version": json.dumps({"reportdesk_project": 0, "report": {}}).encode(),
    "no report": json.dumps({"reportdesk_project": 2}).encode(),
    "year is text": _valid_text().replace('"year": 2025', '"year": "二〇二五"').encode(),
    "year absurd": _valid_text().replace('"year": 2025', '"year": 99999').encode(),
    "unknown format": _valid_text().replace('"format": "2021"', '"format": "2027"').encode(),
    "tables a list": _valid_text().replace('"tables": {', '"tables": [{', 1).encode(),
    "parts wrong": _valid_text().replace('"一": [', '"一": "x", "x": [', 1).encode(),
    "bad level": _valid_text().replace('"level": 0', '"level": 9', 1).encode(),
    "bad date": _valid_text().replace('"date": "2026-01-20"', '"date": "2026-13-45"').encode(),
    "deep nesting": b"[" * 100000 + b"]" * 100000,
    "huge number": _valid_text().replace('"本年处理决定数量": 1286', '"本年处理决定数量": 1e400').encode(),
    "bool year": _valid_text().replace('"year": 2025', '"year": true').encode(),
}


@pytest.mark.parametrize("name", sorted(CORRUPT))
def test_corrupt_files_only_ever_give_the_clear_message(tmp_path, name):
    path = tmp_path / "坏文件.rdproj"
    path.write_bytes(CORRUPT[name])
    before = path.read_bytes()
    try:
        report = load_project(path)
    except ProjectError as exc:
        message = str(exc)
        assert "坏文件.rdproj" in message or "找不到" in message
        assert "Traceback" not in message
    else:
        # a cell that cannot be read is kept as unreadable and reported, never guessed
        assert name == "huge number"
        assert report.unreadable
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏文件.rdproj"]


def test_missing_file_message(tmp_path):
    with pytest.raises(ProjectError, match="找不到文件"):
        load_project(tmp_path / "nothing.rdproj")


def test_permission_error_gives_a_message_and_keeps_the_file(tmp_path, monkeypatch):
    import errno

    from reportdesk.model import safewrite

    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    before = path.read_bytes()

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safewrite, "open", refused, raising=False)
    with pytest.raises(ProjectError, match="没有权限"):
        save_project(demo(), path)
    assert path.read_bytes() == before


def test_opening_removes_a_dead_save_s_temp_file_after_the_folder_was_listed(tmp_path):
    # Reading many projects of one folder lists it once (safewrite.leftover_temps, listed=True);
    # a temp file that appears afterwards changes the folder and is still found.
    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    other = tmp_path / "other.rdproj"
    save_project(demo(), other)
    old = os.stat(tmp_path).st_mtime - 60
    os.utime(tmp_path, (old, old))  # a folder nobody has changed for a minute: its listing is kept
    load_project(other)
    dead = tmp_path / ".r.rdproj.99999999-0badc0de.tmp"  # no process has that id
    dead.write_text("half a save", "utf-8")
    alive = tmp_path / f".r.rdproj.{os.getppid()}-0badc0de.tmp"  # another process saving: left alone
    alive.write_text("a save under way", "utf-8")
    assert load_project(path).agency == demo().agency
    assert not dead.exists() and alive.exists()
