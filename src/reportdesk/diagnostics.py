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

LOG_NAME = "reportdesk.log"
MAX_LOG_BYTES = 512 * 1024
LOG_BACKUPS = 3
_logger: logging.Logger | None = None


def log_file() -> Path:
    from . import paths

    return paths.log_dir() / LOG_NAME


def _get_logger() -> logging.Logger | None:
    global _logger
    if _logger is None:
        logger = logging.getLogger("reportdesk.diagnostics")
        logger.propagate = False
        logger.setLevel(logging.INFO)
        try:
            handler = logging.handlers.RotatingFileHandler(
                log_file(), maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
            )
        except OSError:
            return None  # no writable log folder: diagnostics still go to the message
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        _logger = logger
    return _logger


def versions() -> dict[str, str]:
    from . import __version__

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
    logger = _get_logger()
    if logger is not None:
        try:
            logger.error("%s", text)
            for handler in logger.handlers:
                handler.flush()
        except Exception:
            pass
    return text
