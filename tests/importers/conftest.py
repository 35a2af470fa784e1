"""The seed documents for the importer's tests, found beside the checkout or beside the worktrees."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def seeds_path() -> Path | None:
    folder = ROOT / "tests" / "fixtures" / "published"  # verbatim copies of ../shared/seeds (tests/test_seed_copies.py)
    return folder if folder.is_dir() else None


@pytest.fixture
def seed_text():
    folder = seeds_path()
    if folder is None:
        pytest.fail("tests/fixtures/published is missing")

    def path(name: str) -> Path:
        return folder / f"{name}.txt"

    return path
