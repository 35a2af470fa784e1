"""Reports for tests: the demo (a correct report), and the five seeds typed in by hand."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from reportdesk.model.interchange import from_interchange
from reportdesk.model.project import load_project
from reportdesk.model.report import Report
from reportdesk.paths import demo_report_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_NAMES = sorted(p.stem for p in (FIXTURES / "seeds").glob("*.json"))


@cache
def _demo() -> Report:
    return load_project(demo_report_path())


def demo() -> Report:
    """A fresh copy of the built-in demo report, which has no error and no warning."""
    return copy.deepcopy(_demo())


def seed(name: str) -> Report:
    data = json.loads((FIXTURES / "seeds" / f"{name}.json").read_text("utf-8"), parse_float=Decimal)
    return from_interchange(data)
