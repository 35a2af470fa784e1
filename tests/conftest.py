"""Shared test set-up: Qt offscreen, a fresh ReportDesk home per test, the seed documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
# The five published reports of ../shared/seeds/, copied verbatim so the tests also run on a machine that has
# only this repository (CI); tests/test_seed_copies.py proves the copies equal the originals where both exist.
SEEDS = ROOT / "tests" / "fixtures" / "published"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def reportdesk_home(tmp_path_factory, monkeypatch):
    """Settings, recovery files and logs go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REPORTDESK_HOME", str(home))
    return home


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the published seed reports are missing from {SEEDS}")
    return SEEDS
