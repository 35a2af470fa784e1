"""The seed documents for the importer's tests, found beside the checkout or beside the worktrees."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def seeds_path() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "seeds").is_dir():
            return base / "shared" / "seeds"
    return None


@pytest.fixture
def seed_text():
    folder = seeds_path()
    if folder is None:
        pytest.skip("../shared/seeds is not beside this checkout")

    def path(name: str) -> Path:
        return folder / f"{name}.txt"

    return path
