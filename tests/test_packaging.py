"""The package list in pyproject.toml names every package, and resources are found."""

import tomllib
from pathlib import Path

from reportdesk import paths

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in (ROOT / "src").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml packages: {sorted(found - listed)}"


def test_resources_and_ui_sources_are_found():
    assert (paths.resource_dir() / "__init__.py").is_file()
    assert paths.demo_report_path().is_file()
    assert (paths.ui_source_dir() / "__init__.py").is_file()
