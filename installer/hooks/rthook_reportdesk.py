"""Start-up that only the frozen ReportDesk needs (a PyInstaller runtime hook, run before the entry).

- A windowed Windows build has no console: ``sys.stdout``/``sys.stderr`` are None, and any print would
  raise. They go to a log file in the user's log folder (or nowhere if that cannot be opened).
- Qt finds its plugins inside the bundle (PyInstaller's own hook sets this; kept as a fallback).
- Qt's environment that PyInstaller's own PySide6 runtime hook would set. The spec drops that hook: it imports
  QtCore (+64 ms) for every command, ``reportdesk check`` included, only to register a qt.conf that the
  PySide6 wheels register themselves when QtCore is first imported.

Nothing here imports more than it must: every command, ``--version`` included, pays for this file.
"""

import os
import sys


def _console_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = None
    try:
        from reportdesk import paths

        stream = open(paths.log_dir() / "console.log", "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    except Exception:
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream


def _qt_environment() -> None:
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return
    qt = next((p for p in (os.path.join(base, "PySide6", "Qt"), os.path.join(base, "PySide6")) if os.path.isdir(p)), None)
    if qt is None:
        return
    os.environ.setdefault("QT_PLUGIN_PATH", os.path.join(qt, "plugins"))
    if sys.platform.startswith("win"):  # Qt finds the DLLs collected beside it (PyInstaller's hook does the same)
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_console_streams()
_qt_environment()
