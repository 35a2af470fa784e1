"""Start-up that only the frozen ReportDesk needs (a PyInstaller runtime hook, run before the entry).

- A windowed Windows build has no console: ``sys.stdout``/``sys.stderr`` are None, and any print would
  raise. They go to a log file in the user's log folder (or nowhere if that cannot be opened).
- Qt finds its plugins inside the bundle (PyInstaller's own hook sets this; kept as a fallback).
- The batch review may use a process pool only when the frozen program is ready for it: the flag is set
  here, and ``multiprocessing.freeze_support()`` (children run the child code instead of a second window) is
  the first thing the entry (installer/reportdesk_main.py) does. It cannot be called here: PyInstaller's own
  multiprocessing hook, which makes freeze_support work on Linux too, runs after this one.
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


def _qt_plugin_path() -> None:
    base = getattr(sys, "_MEIPASS", None)
    if not base or os.environ.get("QT_PLUGIN_PATH"):
        return
    for candidate in (os.path.join(base, "PySide6", "Qt", "plugins"), os.path.join(base, "PySide6", "plugins")):
        if os.path.isdir(candidate):
            os.environ["QT_PLUGIN_PATH"] = candidate
            return


def _batch_pool() -> None:
    try:
        from reportdesk.review import batch
    except ImportError:  # the batch review is not part of this build
        return
    batch.FROZEN_POOL_READY = True


_console_streams()
_qt_plugin_path()
_batch_pool()
