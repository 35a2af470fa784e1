"""The shipped fonts stay within their share of the bundle, each with its licence."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _rules():
    spec = importlib.util.spec_from_file_location("bundle_rules", ROOT / "installer" / "bundle_rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fonts_within_budget_and_licensed():
    rules = _rules()
    assert rules.font_problems() == []
    shipped = {p.name.split(".")[0] for p in rules.FONTS.glob("*.ttf.*")}
    assert {"title", "latin", "fang", "song", "kai", "hei"} <= shipped


def test_an_unlicensed_or_oversized_font_is_named(tmp_path):
    rules = _rules()
    (tmp_path / "x.ttf.gz").write_bytes(b"\0" * 10)
    assert rules.font_problems(tmp_path) == ["x.ttf.gz has no x.LICENSE.txt"]
    (tmp_path / "x.LICENSE.txt").write_text("OFL")
    (tmp_path / "big.LICENSE.txt").write_text("OFL")
    with open(tmp_path / "big.ttf.xz", "wb") as f:
        f.truncate(int(rules.FONT_BUDGET_MB * 1e6) + 1)
    assert "over the" in rules.font_problems(tmp_path)[0]
