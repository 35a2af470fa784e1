"""The copies in tests/fixtures/published are the published seed reports of ../shared/seeds, byte for byte."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "published"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def test_copies_equal_the_shared_seeds():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout (CI): the copies are used as they are")
    originals = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert originals == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in originals:
        assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_five_seeds_are_there():
    assert len(list(SEEDS.glob("*.txt"))) == 5
