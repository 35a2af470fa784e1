"""What went wrong, for whoever supports the clerk: a rotating log of unexpected exceptions.

Each entry has the versions (ReportDesk, Python, Qt, the system) and the traceback: where in the
code, never what the report says. Exception messages and source lines are kept only in ASCII;
any other character (an agency name, a paragraph, a path with Chinese folder names) becomes
``?``, and numbers longer than four digits become ``#``. No Qt here; Qt's version is read only
if Qt is already loaded.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
import sys
import traceback
from pathlib import Path

from . import __version__, paths

LOG_NAME = "reportdesk.log"
MAX_LOG_BYTES = 512 * 1024
LOG_BACKUPS = 3


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def _write_log(text: str) -> None:
    """Append one entry. The handler is made per entry (crashes are rare), so the log follows
    ``paths`` even when REPORTDESK_HOME changes (tests, --portable)."""
    try:
        handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return  # no writable log folder: the diagnostics still go to the message
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    record = logging.LogRecord("reportdesk", logging.ERROR, __file__, 0, "%s", (text,), None)
    try:
        handler.emit(record)
    finally:
        handler.close()


def versions() -> dict[str, str]:
    out = {
        "ReportDesk": __version__,
        "Python": platform.python_version(),
        "系统": f"{platform.system()} {platform.release()} ({platform.machine()})",
    }
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        out["Qt"] = qtcore.qVersion()
        out["PySide6"] = getattr(sys.modules.get("PySide6"), "__version__", "?")
    if getattr(sys, "frozen", False):
        out["打包"] = "PyInstaller"
    return out


def versions_text() -> str:
    return "；".join(f"{k} {v}" for k, v in versions().items())


_LONG_NUMBER = re.compile(r"\d{5,}")


def scrub(text: str) -> str:
    """ASCII only, long numbers masked: code and error kinds survive, report content does not."""
    text = "".join(c if c.isascii() else "?" for c in text)
    return _LONG_NUMBER.sub("#", text)


def describe(exc: BaseException, where: str = "") -> str:
    """The diagnostic text: versions and the scrubbed traceback. What 复制诊断信息 copies."""
    lines = [f"ReportDesk 诊断信息（{where or '未预期的错误'}）", versions_text(), ""]
    for line in traceback.format_exception(type(exc), exc, exc.__traceback__):
        lines.append(scrub(line.rstrip("\n")))
    return "\n".join(lines)


def log_exception(exc: BaseException, where: str = "") -> str:
    """Write ``exc`` to the rotating log; returns the diagnostic text (also for the clipboard)."""
    text = describe(exc, where)
    try:
        _write_log(text)
    except Exception:  # logging a crash must never crash
        pass
    return text
