"""The save protocol (issue #12 item 5): kills during save, two writers, read-only targets, leftovers."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.helpers import demo

from reportdesk.cli import main
from reportdesk.model import safewrite
from reportdesk.model.project import ProjectError, WriteConflictError, load_project, read_project, save_project

ROOT = Path(__file__).resolve().parents[2]
PRELUDE = f"import sys\nsys.path[:0] = [{str(ROOT / 'src')!r}, {str(ROOT)!r}]\n"

SAVER = PRELUDE + """
from reportdesk.model.project import atomic_write, dumps_project
from tests.helpers import demo
a, b = demo(), demo()
b.agency = "另一个局"
b.parts["一"] = b.parts["一"] * 1500  # ~3 MB: most of a save is writing, so kills land mid-write
data = [dumps_project(a).encode(), dumps_project(b).encode()]  # what save_project writes, made once
print("ready", flush=True)
i = 0
while True:
    atomic_write({path!r}, data[i % 2])
    i += 1
"""


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_during_save_the_backup_is_never_absent_and_leftovers_go(tmp_path):
    path = tmp_path / "r.rdproj"
    bak = tmp_path / "r.rdproj.bak"
    save_project(demo(), path)
    save_project(demo(), path)  # now there is a backup, and it must stay
    rng = random.Random(20261204)
    kills = with_temps = 0
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", SAVER.format(path=str(path))], stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.1))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        kills += 1
        with_temps += bool(temps(tmp_path))
        assert bak.exists(), "the kill left no .bak"
        load_project(bak)  # the backup is whole
        read_project(path)  # the file is whole, never half-written; opening removes what the dead process left
        assert temps(tmp_path) == []
    # the lock of a killed save does not block the next one
    started = time.monotonic()
    save_project(demo(), path)
    assert time.monotonic() - started < 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.rdproj", "r.rdproj.bak"]
    assert kills == 12 and with_temps > 0  # the kills did land mid-save
    print(f"{with_temps} of {kills} kills left a temporary file; all removed on the next open")


WRITER = PRELUDE + """
from reportdesk.model.project import WriteConflictError, read_project, save_project
import os, time
path, tag, n = {path!r}, {tag!r}, {n}
while not os.path.exists(path + ".go"):  # both start together
    time.sleep(0.005)
done = conflicts = 0
while done < n:
    report, stamp = read_project(path)
    report.sources.append(f"{{tag}}-{{done}}")
    try:
        save_project(report, path, expected=stamp)
        done += 1
    except WriteConflictError:
        conflicts += 1
print(conflicts)
"""


def test_two_processes_saving_one_project_lose_no_update(tmp_path):
    path = tmp_path / "r.rdproj"
    report = demo()
    report.sources = []
    save_project(report, path)
    n = 40
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER.format(path=str(path), tag=tag, n=n)], stdout=subprocess.PIPE)
        for tag in ("A", "B")
    ]
    time.sleep(0.5)
    Path(str(path) + ".go").touch()
    conflicts = [int(c.communicate(timeout=120)[0]) for c in children]
    assert all(c.returncode == 0 for c in children)
    sources = load_project(path).sources
    assert sorted(sources) == sorted(f"{t}-{i}" for t in "AB" for i in range(n))  # every update is there
    assert temps(tmp_path) == [] and not (tmp_path / ".r.rdproj.saving").exists()
    assert sum(conflicts) > 0  # they did collide, and were told
    print(f"conflicts detected and retried: {conflicts}")


def test_a_save_over_a_file_changed_meanwhile_is_refused(tmp_path):
    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    mine, stamp = read_project(path)
    theirs = demo()
    theirs.agency = "另一个窗口"
    save_project(theirs, path)
    mine.agency = "我的修改"
    with pytest.raises(WriteConflictError, match="已被另一个程序或窗口修改"):
        save_project(mine, path, expected=stamp)
    assert load_project(path).agency == "另一个窗口"
    new_stamp = save_project(mine, path)  # 另存为/覆盖: the clerk decided
    assert save_project(mine, path, expected=new_stamp) == new_stamp


def test_a_stale_lock_of_a_dead_process_is_broken(tmp_path):
    path = tmp_path / "r.rdproj"
    lock = tmp_path / ".r.rdproj.saving"
    lock.write_text(f"999999999 {safewrite._host()}\n")
    save_project(demo(), path)
    assert not lock.exists() and load_project(path).agency


def test_a_live_lock_makes_the_save_wait_then_say_so(tmp_path, monkeypatch):
    monkeypatch.setattr(safewrite, "LOCK_WAIT_SECONDS", 0.2)
    path = tmp_path / "r.rdproj"
    (tmp_path / ".r.rdproj.saving").write_text(f"{os.getppid()} {safewrite._host()}\n")
    with pytest.raises(ProjectError, match="另一个程序正在保存"):
        save_project(demo(), path)
    assert not path.exists()


@pytest.mark.parametrize("command", ["new", "import"])
def test_force_respects_a_read_only_target(tmp_path, capsys, command):
    out = tmp_path / "r.rdproj"
    save_project(demo(), out)
    out.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = out.read_bytes()
    args = ["--agency", "某局", "--year", "2024"] if command == "new" else [str(tmp_path / "r.json")]
    if command == "import":
        main(["show", "--json", str(out)])
        (tmp_path / "r.json").write_text(capsys.readouterr().out, "utf-8")
    code = main([command, *args, "-o", str(out), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and "只读" in err
    assert out.read_bytes() == before


def test_export_says_what_was_written_when_one_target_fails(tmp_path, capsys):
    project = tmp_path / "r.rdproj"
    save_project(demo(), project)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"old")
    pdf.chmod(stat.S_IRUSR)
    code = main(["export", str(project), "--docx", str(tmp_path / "r.docx"), "--pdf", str(pdf)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "已导出" in out and "r.docx" in out and "只读" in err
    assert (tmp_path / "r.docx").stat().st_size > 1000 and pdf.read_bytes() == b"old"


def test_a_folder_as_target_is_said_in_chinese(tmp_path, capsys):
    folder = tmp_path / "报告.rdproj"
    folder.mkdir()
    with pytest.raises(ProjectError, match="文件夹") as info:
        save_project(demo(), folder)
    assert "Is a directory" not in str(info.value)
    assert main(["new", "--agency", "某局", "--year", "2024", "-o", str(folder), "--force"]) == 2
    err = capsys.readouterr().err
    assert "文件夹" in err and "Is a directory" not in err


def test_a_value_that_cannot_be_written_leaves_the_file_alone(tmp_path):
    from decimal import Decimal

    from reportdesk.formats import ValueKind, cells_of

    path = tmp_path / "r.rdproj"
    save_project(demo(), path)
    before = path.read_bytes()
    report = demo()
    fee = next(r for r, k in cells_of(report.format).kinds.items() if k is ValueKind.WAN_YUAN)
    report.values[fee] = Decimal("Infinity")  # as a buggy caller might
    with pytest.raises(ProjectError, match="无法保存"):
        save_project(report, path)
    assert path.read_bytes() == before and temps(tmp_path) == []


def test_a_backup_linked_to_the_live_file_is_replaced_not_left_beside_a_temp(tmp_path):
    """A kill between making the backup and renaming the new file leaves .bak a hard link of the
    live file; rename() between two links of one file does nothing, so the fresh link must go."""
    path = tmp_path / "r.rdproj"
    bak = tmp_path / "r.rdproj.bak"
    save_project(demo(), path)
    try:
        os.link(path, bak)
    except OSError:
        pytest.skip("no hard links here")
    before = path.read_bytes()
    changed = demo()
    changed.agency = "新的"
    save_project(changed, path)
    assert temps(tmp_path) == []
    assert bak.read_bytes() == before and load_project(path).agency == "新的"
