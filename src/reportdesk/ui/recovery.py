"""Autosaved recovery copies of unsaved work, and locks on projects open in a running instance.

Both live under the writable folders of ``paths`` (redirected by REPORTDESK_HOME in tests). No Qt here.
A recovery copy belongs to a process; copies whose process is gone are offered back at start-up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import paths
from ..model import Report
from ..model.project import ProjectError, atomic_write, dumps_project, loads_project
from ..model.safewrite import pid_alive, remove_dead_temps

# ---------------------------------------------------------------------------- recovery


@dataclass
class Recovery:
    data: Path
    meta: Path
    original: str  # the project's path, or "" for a never-saved report
    saved: str  # when, ISO time
    title: str

    def load(self) -> Report:
        return loads_project(self.data.read_text(encoding="utf-8"))

    def discard(self) -> None:
        _remove(self.data, self.meta)

    def describe(self) -> str:
        when = self.saved.replace("T", " ")[:19]
        tr = QCoreApplication.translate
        where = f"（{self.original}）" if self.original else tr("Recovery", "（未保存的新报告）")
        return tr("Recovery", "{0}{1}，自动保存于 {2}").format(self.title, where, when)


class RecoveryWriter:
    """The recovery copy of one window's report."""

    def __init__(self) -> None:
        self.token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"

    @property
    def data(self) -> Path:
        return paths.recovery_dir() / f"{self.token}.rdproj"

    @property
    def meta(self) -> Path:
        return paths.recovery_dir() / f"{self.token}.json"

    def write(self, report: Report, original: Path | None) -> None:
        atomic_write(self.data, dumps_project(report).encode("utf-8"), backup=False)
        meta = {
            "pid": os.getpid(),
            "original": str(original or ""),
            "saved": dt.datetime.now().isoformat(timespec="seconds"),
            "title": report.title or report.agency,
        }
        atomic_write(self.meta, json.dumps(meta, ensure_ascii=False).encode("utf-8"), backup=False)

    def discard(self) -> None:
        _remove(self.data, self.meta)


def clean_folders() -> int:
    """Start-up: temporary files of writes that a killed process left in the recovery and lock folders."""
    return remove_dead_temps(paths.recovery_dir()) + remove_dead_temps(paths.lock_dir())


def pending_recoveries() -> list[Recovery]:
    """Recovery copies left by processes that are no longer running, newest first."""
    clean_folders()
    out = []
    for meta in paths.recovery_dir().glob("*.json"):
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            pid = int(info.get("pid", 0))
        except (OSError, ValueError, AttributeError):
            continue
        data = meta.with_suffix(".rdproj")
        if not data.exists() or pid_alive(pid):
            continue
        out.append(
            Recovery(data, meta, str(info.get("original", "")), str(info.get("saved", "")), str(info.get("title", "")))
        )
    out.sort(key=lambda r: r.saved, reverse=True)
    return out


# ---------------------------------------------------------------------------- locks


def _lock_file(project: Path) -> Path:
    key = hashlib.sha1(str(project.resolve()).lower().encode("utf-8")).hexdigest()[:20]
    return paths.lock_dir() / f"{key}.lock"


def lock_holder(project: Path) -> int | None:
    """The pid of another running instance that has ``project`` open, if any."""
    try:
        info = json.loads(_lock_file(project).read_text(encoding="utf-8"))
        pid = int(info.get("pid", 0))
    except (OSError, ValueError, AttributeError):
        return None
    return pid if pid != os.getpid() and pid_alive(pid) else None


def acquire_lock(project: Path) -> bool:
    """Mark ``project`` as open here. False when another running instance holds it."""
    if lock_holder(project) is not None:
        return False
    info = {"pid": os.getpid(), "path": str(project.resolve())}
    try:
        atomic_write(_lock_file(project), json.dumps(info, ensure_ascii=False).encode("utf-8"), backup=False)
    except ProjectError:
        pass  # no lock folder: the project still opens, merely unguarded
    return True


def release_lock(project: Path) -> None:
    lock = _lock_file(project)
    try:
        info = json.loads(lock.read_text(encoding="utf-8"))
        if int(info.get("pid", 0)) == os.getpid():
            lock.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def _remove(*files: Path) -> None:
    """Delete a recovery copy and its description; one already gone (or locked on Windows) is left alone."""
    for file in files:
        try:
            file.unlink()
        except OSError:
            pass
