"""Hostile project, interchange and text files, generated from the demo (each a few KB).

Every case of issue #12: numbers no conversion should ever see (a 5,000-digit integer, NaN,
Infinity, 1e100000, 1e999999999) in a cell, the year, the baseline year or the version, and
fields of the wrong type (``"format": ["2021"]`` …).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import FIXTURES, demo

from reportdesk.formats import PATH_SEP, ValueKind, cells_of
from reportdesk.model.carry import next_year_report
from reportdesk.model.interchange import to_interchange
from reportdesk.model.project import dumps_project

MARK = "@@RAW@@"
HUGE_INT = "9" * 5000  # Python refuses int <-> str beyond 4,300 digits with a bare ValueError
NUMBERS = {
    "5000 digits": HUGE_INT,
    "NaN": "NaN",
    "Infinity": "Infinity",
    "-Infinity": "-Infinity",
    "1e100000": "1e100000",
    "1e999999999": "1e999999999",
    "huge float": "1.5e308",
}


def _fee_ref(report):
    return next(r for r, k in cells_of(report.format).kinds.items() if k is ValueKind.WAN_YUAN)


def _count_ref(report):
    fc = cells_of(report.format)
    return next(r for r in fc.inputs if fc.kinds[r] is ValueKind.COUNT)


def _cell_slot(tables: dict, ref) -> tuple[dict, str]:
    block, _, row = ref.row.partition(PATH_SEP)
    node = tables[ref.table]
    node = node[block][row] if row else node[block]
    return node, ref.col


def project_text(where: str, raw: str) -> str:
    """The demo as a project file with ``raw`` (JSON text) at ``where``."""
    report = next_year_report(demo()) if where.startswith("baseline") else demo()
    data = json.loads(dumps_project(report))
    body = data["report"]
    if where == "fee":
        node, col = _cell_slot(body["tables"], _fee_ref(report))
        node[col] = MARK
    elif where == "count":
        node, col = _cell_slot(body["tables"], _count_ref(report))
        node[col] = MARK
    elif where == "year":
        body["year"] = MARK
    elif where == "version":
        data["reportdesk_project"] = MARK
    elif where == "baseline.year":
        body["baseline"]["year"] = MARK
    elif where == "baseline.cell":
        body["baseline"]["cells"][0][3] = MARK
    elif where == "level":
        body["parts"]["一"][0]["level"] = MARK
    else:
        body[where] = MARK
    return json.dumps(data, ensure_ascii=False, indent=1).replace(json.dumps(MARK), raw)


def interchange_text(where: str, raw: str) -> str:
    report = demo()
    data = to_interchange(report)
    if where == "fee":
        node, col = _cell_slot(data["tables"], _fee_ref(report))
        node[col] = MARK
    elif where == "count":
        node, col = _cell_slot(data["tables"], _count_ref(report))
        node[col] = MARK
    else:
        data[where] = MARK
    return json.dumps(data, ensure_ascii=False, default=str).replace(json.dumps(MARK), raw)


# fields and a value of the wrong type for each
WRONG_TYPES = {
    "format": '["2021"]',
    "kind": '["department"]',
    "year": '["2024"]',
    "agency": '["某局"]',
    "title": "{}",
    "date": "[2024]",
    "opening": "12",
    "parts": '["一"]',
    "tables": '[1, 2]',
    "contact": '"电话"',
    "headings": '[["一", "x"]]',
    "signature": "true",
    "draft_parts": '[["一"]]',
    "sources": '{"a": 1}',
    "printed": '[[1, 2, 3, 4]]',
    "unreadable": '{"x": 1}',
    "read_notes": '[["a"]]',
    "baseline": '{"format": ["2021"], "year": 2024, "cells": []}',
    "level": '"一级"',
}


def published_text_with(number: str) -> str:
    """A published report (text) whose first table cell holding 0 now says ``number``."""
    text = (FIXTURES / "published" / "000_730c80e139d75b64.txt").read_text("utf-8")
    return text.replace("规范性文件\t1\t1\t1", f"规范性文件\t{number}\t1\t1", 1)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
