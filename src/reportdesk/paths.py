"""The one place that knows where files are: shipped resources, and the user's writable folders.

Resources are found the same way in a source checkout, an installed wheel (editable or not) and a
PyInstaller bundle. Writable paths come from platformdirs and can be redirected for tests and a
portable build with ``REPORTDESK_HOME`` (or ``--portable``, which sets it next to the program).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP = "ReportDesk"
HOME_ENV = "REPORTDESK_HOME"


@cache
def _package_dir(package: str, checkout_name: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / checkout_name
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / checkout_name  # src/reportdesk/paths.py -> repo


def resource_dir() -> Path:
    return _package_dir("reportdesk.resources", "resources")


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def ui_source_dir() -> Path:
    return _package_dir("reportdesk.ui_sources", "ui")


def demo_report_path() -> Path:
    return resource("demo", "demo.rdproj")


def _home() -> Path | None:
    home = os.environ.get(HOME_ENV)
    return Path(home) if home else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    elif kind == "config":
        path = Path(platformdirs.user_config_dir(APP, False))
    elif kind == "logs":
        path = Path(platformdirs.user_log_dir(APP, False))
    elif kind == "cache":
        path = Path(platformdirs.user_cache_dir(APP, False))
    else:
        path = Path(platformdirs.user_data_dir(APP, False)) / kind
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _dir("config")


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def recovery_dir() -> Path:
    """Autosaved copies of unsaved work, offered back after a crash."""
    return _dir("recovery")


def log_dir() -> Path:
    return _dir("logs")


def lock_dir() -> Path:
    """Markers of projects open in a running instance."""
    return _dir("locks")


def cache_dir() -> Path:
    """Files that can be rebuilt at any time (the shipped fonts, unpacked)."""
    return _dir("cache")


def set_portable(program_dir: Path) -> None:
    os.environ[HOME_ENV] = str(program_dir / "ReportDeskData")
