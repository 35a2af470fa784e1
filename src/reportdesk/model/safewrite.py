"""Writing a file so that nothing is lost: atomic replace, a backup that is never absent, no
leftovers, and a second writer detected instead of silently overwritten. No Qt here.

The protocol for a project file ``NAME.rdproj`` (``atomic_write`` with ``backup=True``):

1. Take ``.NAME.rdproj.saving`` in the same folder (created exclusively; one left by a dead
   process, or older than ``STALE_LOCK_SECONDS``, is broken). Two processes never interleave.
2. Compare-and-swap: when the caller says what it last read or wrote (``expected``, a content
   hash), a file that has changed since is not overwritten: ``WriteConflictError``.
3. Remove temporary files that earlier, killed saves left (``.NAME.rdproj.*.tmp``).
4. Write ``.NAME.rdproj.<random>.tmp``, flush, fsync.
5. Backup: hard-link (or, where links are impossible, copy) the live file to a fresh temporary
   name, then rename it over ``NAME.rdproj.bak``. The old backup stays until the new one replaces
   it, and nothing is ever written into an existing name, so a backup linked to the live file can
   never be truncated.
6. Rename the temporary file over the target; fsync the folder; release the lock.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import sys
import time
import uuid
from pathlib import Path

STALE_LOCK_SECONDS = 30.0  # a save takes milliseconds; a lock this old belongs to a dead writer
LOCK_WAIT_SECONDS = 3.0
EMPTY_LOCK_SECONDS = 1.0  # a lock still empty this long: its saver died between creating and naming it
ANY = "*"  # ``expected`` for a save that may replace whatever is there (new, save as, --force)


class ProjectError(Exception):
    """A project file that cannot be read or written. ``str()`` is the message for the user."""


class WriteConflictError(ProjectError):
    """The file changed on disk since it was read: another program or window saved it."""


def describe_os_error(exc: OSError) -> str:
    """Why an operating-system call failed, in Chinese (never the English strerror)."""
    reasons = {
        errno.ENOSPC: "磁盘空间不足",
        errno.EACCES: "没有权限（文件或文件夹为只读，或文件正被其他程序占用）",
        errno.EPERM: "没有权限（文件或文件夹为只读，或文件正被其他程序占用）",
        errno.EROFS: "磁盘为只读",
        errno.ENOENT: "文件或文件夹不存在",
        errno.EISDIR: "这是一个文件夹，不是文件",
        errno.ENOTDIR: "路径中有一部分不是文件夹",
        errno.EEXIST: "文件已存在",
        errno.ENAMETOOLONG: "文件名过长",
        errno.EBUSY: "文件正被其他程序占用",
        errno.EIO: "读写磁盘出错",
        errno.EDQUOT: "磁盘配额已用完",
    }
    if getattr(exc, "winerror", None) in (32, 33):  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        return "文件正被其他程序（如 Word、WPS）打开，请关闭后再试"
    return reasons.get(exc.errno, f"系统错误（代码 {exc.errno}）")


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes  # lazy: saves ~2 ms at start-up (Windows only)

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def stamp_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_stamp(path: str | os.PathLike[str]) -> str | None:
    """The content hash of the file as it is on disk now; None if there is none."""
    try:
        return stamp_of(Path(path).read_bytes())
    except FileNotFoundError:
        return None


def read_only(path: Path) -> bool:
    """The target exists and is marked read-only (Windows' attribute, or no write bit elsewhere)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IWUSR


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


def leftover_temps(path: Path, listed: bool = False) -> list[Path]:
    """Temporary files of earlier saves of ``path`` (this protocol's and the one before it).

    ``listed``: from the folder's listing as last seen while the folder is unchanged (its mtime),
    for reading many files of one folder (review, 汇总 of 10,000 reports: one listing, not one per
    file, which made loading them quadratic). A temp file missed that way is removed by the next save.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if listed:
            prefix, suffix = os.path.normcase(f".{path.name}."), ".tmp"
            names = [n for n in _hidden_temps(folder) if n.startswith(prefix) and len(n) >= len(prefix) + len(suffix)]
            return [folder / n for n in names if (folder / n).is_file()]
        return [p for p in folder.glob(f".{_glob_escape(path.name)}.*.tmp") if p.is_file()]
    except OSError:
        return []


_LISTINGS: dict[str, tuple[int, tuple[str, ...]]] = {}  # folder -> (its mtime, its hidden .tmp files, normcase)


def _hidden_temps(folder: Path) -> tuple[str, ...]:
    key = os.path.abspath(folder)
    mtime = os.stat(key).st_mtime_ns  # creating or deleting a file in the folder changes it
    seen = _LISTINGS.get(key)
    if seen is not None and seen[0] == mtime:
        return seen[1]
    names = tuple(os.path.normcase(n) for n in os.listdir(key) if n.startswith(".") and n.endswith(".tmp"))
    if time.time_ns() - mtime > 2 * 10**9:  # not kept for a folder changed just now: a change in the same tick
        _LISTINGS[key] = (mtime, names)  # (mtime granularity) would not show
    return names


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def remove_leftovers(path: Path, only_dead: bool = True, listed: bool = False) -> int:
    """Delete temporary files left by killed saves of ``path``; with ``only_dead``, only those
    whose process is gone (a file named in the old format counts as dead after a minute).
    ``listed``: see ``leftover_temps``."""
    return _unlink_all(tmp for tmp in leftover_temps(path, listed) if not (only_dead and _temp_alive(tmp)))


def remove_dead_temps(folder: Path) -> int:
    """Delete every temporary file of this protocol in ``folder`` whose process is gone."""
    try:
        temps = [p for p in folder.glob(".*.tmp") if p.is_file()]
    except OSError:
        return 0
    return _unlink_all(tmp for tmp in temps if not (_temp_alive(tmp) or tmp.name.count(".") < 3))


def _unlink_all(paths) -> int:
    """Delete each file; the number deleted (one another process removed first is not counted)."""
    removed = 0
    for tmp in paths:
        try:
            tmp.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _temp_alive(tmp: Path) -> bool:
    tag = tmp.name[: -len(".tmp")].rsplit(".", 1)[-1]
    pid, _, _ = tag.partition("-")
    if pid.isdigit():
        return pid_alive(int(pid)) and int(pid) != os.getpid()
    try:
        return time.time() - tmp.stat().st_mtime < 60
    except OSError:
        return False


class _SaveLock:
    """``.NAME.saving`` beside the file, held for the few milliseconds of one save."""

    def __init__(self, path: Path) -> None:
        self.file = path.with_name(f".{path.name}.saving")
        self.held = False

    def __enter__(self) -> _SaveLock:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fd = os.open(self.file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if self._stale():
                    self._break()
                    continue
                if time.monotonic() > deadline:
                    raise ProjectError(
                        f"无法保存“{self.file.parent / self.file.name[1:-7]}”：另一个程序正在保存同一文件，请稍后再试"
                    ) from None
                time.sleep(0.02)
                continue
            except OSError:
                return self  # a folder without room for the lock: the save itself will say why
            with os.fdopen(fd, "w") as f:
                f.write(f"{os.getpid()} {_host()}\n")
            self.held = True
            return self

    def _stale(self) -> bool:
        try:
            info = self.file.read_text(encoding="utf-8").split()
            age = time.time() - self.file.stat().st_mtime
        except (OSError, UnicodeDecodeError):
            return False  # gone already (retry) or unreadable (wait)
        if age > STALE_LOCK_SECONDS:
            return True
        if len(info) == 2 and info[0].isdigit() and info[1] == _host():
            return not pid_alive(int(info[0]))
        # A saver writes its name into the lock right after creating it; still empty after a moment,
        # the saver was killed in between (a save takes milliseconds).
        return not info and age > EMPTY_LOCK_SECONDS

    def _break(self) -> None:
        try:
            self.file.unlink()
        except OSError:
            pass

    def __exit__(self, *exc: object) -> None:
        if self.held:
            self._break()


def _host() -> str:
    import socket  # lazy: saves ~3 ms at start-up

    return socket.gethostname().replace(" ", "_") or "-"


def atomic_write(
    path: str | os.PathLike[str], data: bytes, backup: bool = True, expected: str | None = ANY
) -> str:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file, whole.

    ``backup`` keeps the previous version as ``<name>.bak`` and follows the whole protocol of the
    module docstring. ``expected`` is the content hash the caller last read or wrote (None: the
    file did not exist); ``ANY`` overwrites whatever is there. Returns the new content hash.
    Errors become ``ProjectError`` (``WriteConflictError`` when the file changed meanwhile).
    """
    path = Path(path)
    if path.is_dir():
        raise ProjectError(f"无法保存“{path}”：这是一个文件夹，不是文件")
    if read_only(path):
        raise ProjectError(f"无法保存“{path}”：文件为只读。原文件未被改动，请换一个文件名保存。")
    if not backup:
        remove_leftovers(path)
        _replace(path, data, backup=False)
        return stamp_of(data)
    with _SaveLock(path):
        if expected != ANY and file_stamp(path) != expected:
            raise WriteConflictError(
                f"“{path.name}”在您打开之后已被另一个程序或窗口修改并保存。"
                "为免覆盖对方的修改，本次没有保存。请“另存为”一个新文件，再核对两份内容。"
            )
        remove_leftovers(path, only_dead=False)  # under the lock no other save is under way
        _replace(path, data, backup=True)
    return stamp_of(data)


def _replace(path: Path, data: bytes, backup: bool) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    tmp = _temp_name(path)
    try:
        with open(tmp, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and path.exists():
            _backup(path)
        _copy_mode(path, tmp)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ProjectError(_write_message(path, exc)) from exc


def _backup(path: Path) -> None:
    """``path`` -> ``path.bak`` by link-or-copy to a fresh name, then one atomic rename."""
    bak = path.with_name(path.name + ".bak")
    fresh = _temp_name(path)
    try:
        try:
            os.link(path, fresh)
        except OSError:  # no hard links here (FAT, some network shares): copy into the fresh name
            shutil.copy2(path, fresh)
        os.replace(fresh, bak)
    except OSError:
        pass  # a backup that cannot be made must not stop the save itself
    try:  # rename() between two links to one file (a kill left .bak linked to the live file) does nothing
        os.unlink(fresh)
    except OSError:
        pass


def _copy_mode(path: Path, tmp: Path) -> None:
    """A new file gets the mode a plain open() would give; a replaced one keeps its own."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_message(path: Path, exc: OSError) -> str:
    return f"无法保存“{path}”：{describe_os_error(exc)}。原文件未被改动，请换一个位置保存。"
