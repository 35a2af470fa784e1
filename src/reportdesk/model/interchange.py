"""The interchange form: a JSON object keyed by the official labels (issue #2, item 6).

Other tools (a 政务公开办's platform, a script, Excel) exchange reports with ReportDesk in this
form. Computed cells are written out; on reading they are kept as ``printed`` and compared by
the checks, never taken as truth. Missing cells read as blank.

Unknown cells (what reading a document could not take in) are ``null`` in ``tables`` like blank
ones, so existing consumers see no number, and are listed with their reason in a separate
``unknown`` object of the same shape as ``tables`` (docs/project-format.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..formats import (
    FORMATS,
    PART2,
    PART3,
    PART4,
    PATH_SEP,
    PROSE_PARTS,
    CellRef,
    all_cells,
    cells_of,
    format_for_year,
)
from .prose import paragraphs_from_text, paragraphs_to_text
from .report import DEPARTMENT, GOVERNMENT, Contact, Report
from .values import CellValueError, FieldError, check_year, from_json, kind_of, short, text_field, to_json


class InterchangeError(ValueError):
    """The JSON is not a report; the message says what is wrong, in Chinese."""


def _put(tables: dict[str, Any], ref: CellRef, v: Any) -> None:
    if ref.table == PART2:
        block, _, row = ref.row.partition(PATH_SEP)
        tables.setdefault(PART2, {}).setdefault(block, {}).setdefault(row, {})[ref.col] = v
    else:
        tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.col] = v


def _nest(report: Report) -> dict[str, Any]:
    fmt = report.format
    kinds = cells_of(fmt).kinds
    tables: dict[str, Any] = {PART2: {}, PART3: {}, PART4: {}}
    for ref in all_cells(fmt):
        _put(tables, ref, to_json(kinds[ref], report.value(ref)))
    return tables


UNKNOWN_TOTAL = "合计含未能读取的单元格"


def _unknown(report: Report) -> dict[str, Any]:
    """Unknown cells -> why, nested like ``tables``; a total with an unknown input is listed too."""
    out: dict[str, Any] = {}
    if report.unreadable:
        fc = cells_of(report.format)
        for ref in all_cells(report.format):
            if ref in report.unreadable:
                _put(out, ref, report.unreadable[ref])
            elif ref in fc.formulas and report.is_unknown(ref):
                _put(out, ref, UNKNOWN_TOTAL)
    return out


def to_interchange(report: Report) -> dict[str, Any]:
    c = report.contact
    return {
        "format": report.format_id,
        "agency": report.agency,
        "kind": report.kind,
        "year": report.year,
        "title": report.title,
        "date": report.date.isoformat() if report.date else None,
        "opening": report.opening,
        "parts": {p: paragraphs_to_text(report.parts[p]) for p in PROSE_PARTS},
        "tables": _nest(report),
        "signature": report.signature_agency,
        "contact": {k: getattr(c, k) for k in Contact.__dataclass_fields__},
        **({"headings": dict(report.headings)} if report.headings else {}),
        **({"unknown": unknown} if (unknown := _unknown(report)) else {}),
    }


def _str(data: dict, key: str, default: str = "") -> str:
    try:
        return text_field(data.get(key, default), key, default)
    except FieldError as exc:
        raise InterchangeError(str(exc)) from exc


def _choice(data: dict, key: str, allowed, default: str) -> str:
    """A field with a few permitted texts (format, kind): type-checked before any lookup."""
    v = data.get(key)
    if v is None or v == "":
        return default
    if not isinstance(v, str) or v not in allowed:
        shown = f"“{short(v)}”" if isinstance(v, str) else kind_of(v)
        raise InterchangeError(f"“{key}”应为 {' 或 '.join(allowed)}，实为{shown}")
    return v


def _flatten(tables: Any) -> dict[CellRef, Any]:
    if not isinstance(tables, dict):
        raise InterchangeError("“tables”应为对象（{…}）")
    out: dict[CellRef, Any] = {}
    for table, rows in tables.items():
        if table not in (PART2, PART3, PART4) or not isinstance(rows, dict):
            raise InterchangeError(f"“tables”中的“{table}”不是表二、表三或表四")
        for row, cols in rows.items():
            if not isinstance(cols, dict):
                raise InterchangeError(f"表{table}“{row}”应为对象（{{…}}）")
            if table == PART2:
                for label, values in cols.items():
                    if not isinstance(values, dict):
                        raise InterchangeError(f"表二“{row}”“{label}”应为对象（{{…}}）")
                    for col, v in values.items():
                        out[CellRef(table, row + PATH_SEP + label, col)] = v
            else:
                for col, v in cols.items():
                    out[CellRef(table, row, col)] = v
    return out


def from_interchange(data: Any) -> Report:
    """Read the interchange form. Raises ``InterchangeError`` when it is not a report at all."""
    if not isinstance(data, dict):
        raise InterchangeError("内容不是一个报告对象（应以 { 开头）")
    try:
        year = check_year(data.get("year"), "year（报告年度）")
    except FieldError as exc:
        raise InterchangeError(str(exc)) from exc
    fmt_id = _choice(data, "format", tuple(FORMATS), format_for_year(year).id)
    kind = _choice(data, "kind", (DEPARTMENT, GOVERNMENT), DEPARTMENT)
    date = None
    if data.get("date"):
        text = _str(data, "date")
        try:
            date = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise InterchangeError(f"“date”应为 YYYY-MM-DD 形式的日期，实为“{short(text)}”") from exc
    report = Report(agency=_str(data, "agency"), year=year, kind=kind, format_id=fmt_id)
    report.title = _str(data, "title")
    report.opening = _str(data, "opening")
    report.date = date
    report.signature_agency = _str(data, "signature", report.agency)
    contact = data.get("contact") or {}
    if not isinstance(contact, dict):
        raise InterchangeError("“contact”应为对象（{…}）")
    report.contact = Contact(**{k: _str(contact, k) for k in Contact.__dataclass_fields__})
    parts = data.get("parts") or {}
    if not isinstance(parts, dict):
        raise InterchangeError("“parts”应为对象（{…}）")
    for part in PROSE_PARTS:
        report.parts[part] = paragraphs_from_text(_str(parts, part))
    headings = data.get("headings") or {}
    if not isinstance(headings, dict) or not all(isinstance(v, str) and len(v) < 1000 for v in headings.values()):
        raise InterchangeError("“headings”应为对象，值为文字")
    report.headings = {k: v for k, v in headings.items() if k in dict(report.format.part_headings)}
    read_cells(report, _flatten(data.get("tables") or {}))
    read_unknown(report, data.get("unknown"))
    return report


def read_unknown(report: Report, raw: Any) -> None:
    """The ``unknown`` object: input cells become unknown (value None) with their reason."""
    if not raw:
        return
    inputs = set(cells_of(report.format).inputs)
    for ref, why in _flatten(raw).items():
        if ref in inputs:
            report.values[ref] = None
            report.unreadable[ref] = why if isinstance(why, str) and why else "未能读取"
        elif report.printed.get(ref, 0) is None:  # a total over unknown cells: not printed blank
            del report.printed[ref]


def read_cells(report: Report, raw: dict[CellRef, Any]) -> None:
    """Take cells keyed by official labels into a report: inputs as values, totals as printed."""
    fc = cells_of(report.format)
    kinds = fc.kinds
    for ref in raw:
        if ref not in kinds:
            report.read_notes.append((ref.describe(), f"未识别的单元格“{ref.row}”/“{ref.col}”，已忽略"))
    for target, refs in ((report.values, fc.inputs), (report.printed, fc.formulas)):
        for ref in refs:
            v = raw.get(ref)  # a cell left out reads as blank, as one written null
            try:
                target[ref] = from_json(kinds[ref], v)
            except CellValueError as exc:
                target[ref] = None
                # never str() a non-string here: it may be a huge list
                report.unreadable[ref] = f"“{v[:40]}”（{exc}）" if isinstance(v, str) else str(exc)
