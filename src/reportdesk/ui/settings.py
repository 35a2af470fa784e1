"""Typed settings, declared once with defaults, in an INI file under the platformdirs config folder.

``load_settings()`` is cheap and side-effect free apart from a one-time upgrade of an older file
(the old file is copied to ``settings.ini.v<N>.bak`` first). Fonts chosen for export live in
``font_overrides`` (role -> font file), read by ``ui/printing.py``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QSettings

from .. import paths
from ..exporters import layout

VERSION = 2
MAX_RECENT = 8
FONT_ROLES = layout.ROLES  # the text roles of the exported document


@dataclass
class Settings:
    recent_files: list[str] = field(default_factory=list)
    font_overrides: dict[str, str] = field(default_factory=dict)
    last_folder: str = ""
    agency: str = ""  # the agency of the last new report, offered again
    autosave_seconds: float = 2.0
    geometry: bytes = b""
    window_state: bytes = b""  # docks and their sizes (the findings panel), from QMainWindow.saveState

    def add_recent(self, path: str) -> None:
        self.recent_files = [path] + [p for p in self.recent_files if p != path]
        del self.recent_files[MAX_RECENT:]


# Where each setting lives in the INI file (the fonts are a group, one key per role).
VERSION_KEY = "meta/version"
RECENT_KEY = "files/recent"
FOLDER_KEY = "files/last_folder"
AGENCY_KEY = "report/agency"
AUTOSAVE_KEY = "recovery/autosave_seconds"
FONTS_GROUP = "font_overrides"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
DEFAULTS = Settings()


def _qsettings() -> QSettings:
    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def _upgrade(qs: QSettings, version: int) -> None:
    """Bring an older file up to VERSION, keeping a copy of it first."""
    if version < VERSION and paths.settings_file().exists():
        qs.sync()
        shutil.copy2(paths.settings_file(), paths.settings_file().with_name(f"settings.ini.v{version}.bak"))
    if version < 2:
        # Version 1 kept recent files as one "|"-joined string.
        old = qs.value("recent")
        if isinstance(old, str):
            qs.setValue(RECENT_KEY, [p for p in old.split("|") if p])
        qs.remove("recent")
    qs.setValue(VERSION_KEY, VERSION)
    qs.sync()


def _list(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def load_settings() -> Settings:
    qs = _qsettings()
    try:
        version = int(qs.value(VERSION_KEY, 0) or 0)
    except (TypeError, ValueError):
        version = 0
    if version != VERSION and qs.allKeys():
        _upgrade(qs, version)
    s = Settings()
    s.recent_files = _list(qs.value(RECENT_KEY))[:MAX_RECENT]
    s.last_folder = str(qs.value(FOLDER_KEY, DEFAULTS.last_folder) or DEFAULTS.last_folder)
    s.agency = str(qs.value(AGENCY_KEY, DEFAULTS.agency) or DEFAULTS.agency)
    try:
        s.autosave_seconds = float(qs.value(AUTOSAVE_KEY, DEFAULTS.autosave_seconds))
    except (TypeError, ValueError):
        s.autosave_seconds = DEFAULTS.autosave_seconds
    qs.beginGroup(FONTS_GROUP)
    s.font_overrides = {k: str(qs.value(k)) for k in qs.childKeys() if k in FONT_ROLES and qs.value(k)}
    qs.endGroup()
    geometry = qs.value(GEOMETRY_KEY)
    s.geometry = bytes(geometry) if geometry is not None and not isinstance(geometry, str) else b""
    state = qs.value(STATE_KEY)
    s.window_state = bytes(state) if state is not None and not isinstance(state, str) else b""
    return s


def save_settings(s: Settings) -> None:
    qs = _qsettings()
    qs.setValue(VERSION_KEY, VERSION)
    qs.setValue(RECENT_KEY, list(s.recent_files))
    qs.setValue(FOLDER_KEY, s.last_folder)
    qs.setValue(AGENCY_KEY, s.agency)
    qs.setValue(AUTOSAVE_KEY, s.autosave_seconds)
    qs.remove(FONTS_GROUP)
    for role, font in s.font_overrides.items():
        qs.setValue(f"{FONTS_GROUP}/{role}", font)
    if s.geometry:
        qs.setValue(GEOMETRY_KEY, QByteArray(s.geometry))
    if s.window_state:
        qs.setValue(STATE_KEY, QByteArray(s.window_state))
    qs.sync()
