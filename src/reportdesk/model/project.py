"""Project files (.rdproj): versioned, human-readable UTF-8 JSON, saved atomically.

Version 2 wraps the interchange form with what only a working project needs (paragraph levels,
last year's baseline, draft marks, sources). Version 3 adds what importing a published document
found (totals as printed, unreadable cells, reading notes), so the checks still report them after
the project is saved and reopened. Older versions are migrated on load. See docs/project-format.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..formats import FORMATS, PROSE_PARTS, CellRef, cells_of
from .carry import read_baseline_unknown
from .drafting import Draft
from .interchange import InterchangeError, from_interchange, to_interchange
from .prose import Paragraph
from .report import Baseline, Report
from .safewrite import (
    ANY,
    ProjectError,
    WriteConflictError,
    atomic_write,
    describe_os_error,
    remove_leftovers,
    stamp_of,
)
from .values import CellValueError, FieldError, bounded_int, check_year, from_json, json_number_hooks, to_json

PROJECT_VERSION = 3
SUFFIX = ".rdproj"
MAX_PROJECT_BYTES = 20 * 1024 * 1024  # a real report is ~50 KB; anything this big is not one


def report_to_project(report: Report) -> dict[str, Any]:
    body = to_interchange(report)
    body["parts"] = {p: [{"level": para.level, "text": para.markup()} for para in report.parts[p]] for p in PROSE_PARTS}
    for key, b in (("baseline", report.baseline), ("previous", report.previous)):
        if b is None:
            continue
        kinds = cells_of(FORMATS[b.format_id]).kinds
        body[key] = {
            "year": b.year,
            "format": b.format_id,
            "cells": [[r.table, r.row, r.col, to_json(kinds[r], v)] for r, v in b.values.items() if r in kinds],
        }
        if b.unreadable:  # last year's cells that could not be read: unknown, not blank
            body[key]["unknown"] = [[r.table, r.row, r.col, why] for r, why in b.unreadable.items()]
    if report.draft_parts:
        body["draft_parts"] = sorted(report.draft_parts)
    if report.sources:
        body["sources"] = list(report.sources)
    if report.checked:
        body["checked"] = sorted(report.checked)  # warnings marked 已核对 (fingerprints)
    if report.drafts:
        body["drafts"] = [
            {"part": d.part, "text": d.text, "cells": [[r.table, r.row, r.col, v] for r, v in d.cells]}
            for d in report.drafts
        ]
    body.update(_import_findings(report))
    return {"reportdesk_project": PROJECT_VERSION, "report": body}


def _import_findings(report: Report) -> dict[str, Any]:
    """What reading a published document found; absent for a report written in ReportDesk."""
    out: dict[str, Any] = {}
    kinds = cells_of(report.format).kinds
    if report.printed:
        out["printed"] = [[r.table, r.row, r.col, to_json(kinds[r], v)] for r, v in report.printed.items() if r in kinds]
    if report.unreadable:
        out["unreadable"] = [[r.table, r.row, r.col, text] for r, text in report.unreadable.items()]
    if report.read_notes:
        out["read_notes"] = [[where, message] for where, message in report.read_notes]
    return out


def _read_import_findings(report: Report, body: dict[str, Any]) -> None:
    kinds = cells_of(report.format).kinds
    formulas = cells_of(report.format).formulas
    try:
        report.printed = {}
        for ref, v in _cell_rows(body.get("printed") or [], "printed"):
            if ref in formulas:
                report.printed[ref] = _cell_value(kinds[ref], ref, v, "原文合计")
        for ref, text in _cell_rows(body.get("unreadable") or [], "unreadable"):
            if ref in kinds and isinstance(text, str):
                report.unreadable[ref] = text
        notes = body.get("read_notes") or []
        if not isinstance(notes, list) or not all(isinstance(n, list) and len(n) == 2 for n in notes):
            raise FieldError("“read_notes”应为 [位置, 说明] 的列表")
        report.read_notes = report.read_notes + [
            (where, message) for where, message in notes if isinstance(where, str) and isinstance(message, str)
        ]
    except FieldError as exc:
        raise ProjectError(f"导入记录格式不正确：{exc}") from exc


def _migrate_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 was the bare interchange form (as `reportdesk show --json` writes it)."""
    parts = data.get("parts") or {}
    if isinstance(parts, dict):
        data = dict(data)
        data["parts"] = {
            p: [{"level": None, "text": line} for line in str(parts.get(p) or "").splitlines() if line.strip()]
            for p in PROSE_PARTS
        }
    return {"reportdesk_project": 2, "report": data}


def _migrate_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 kept no import findings; its totals are derived, so there is nothing to carry."""
    return {**data, "reportdesk_project": 3}


MIGRATIONS = {1: _migrate_1, 2: _migrate_2}


def project_to_report(data: Any) -> Report:
    if isinstance(data, dict) and "reportdesk_project" not in data and "tables" in data:
        data = {"reportdesk_project": 1, **data}
    if not isinstance(data, dict) or "reportdesk_project" not in data:
        raise ProjectError("不是 ReportDesk 项目文件")
    try:
        version = bounded_int(data["reportdesk_project"], "reportdesk_project（文件版本号）", 1, 1000)
    except FieldError as exc:
        raise ProjectError(str(exc)) from exc
    if version > PROJECT_VERSION:
        raise ProjectError(
            f"该文件由较新版本的 ReportDesk 保存（文件版本 {version}，本程序支持到 {PROJECT_VERSION}），请升级后再打开"
        )
    while version < PROJECT_VERSION:
        data = MIGRATIONS[version]({k: v for k, v in data.items() if k != "reportdesk_project"})
        version = data["reportdesk_project"]
    body = data.get("report")
    if not isinstance(body, dict):
        raise ProjectError("项目文件缺少“report”内容")
    parts = body.get("parts") or {}
    if not isinstance(parts, dict):
        raise ProjectError("“parts”应为对象")
    paragraphs: dict[str, list[Paragraph]] = {}
    for part in PROSE_PARTS:
        items = parts.get(part) or []
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("text"), str) for i in items
        ):
            raise ProjectError(f"第{part}部分的段落格式不正确")
        paragraphs[part] = []
        for item in items:
            level = item.get("level")
            if level is not None:
                try:
                    level = bounded_int(level, f"第{part}部分的段落级别（level）", 0, 4)
                except FieldError as exc:
                    raise ProjectError(str(exc)) from exc
            paragraphs[part].append(Paragraph.from_markup(item["text"], level))
    report = from_interchange({**body, "parts": {}})
    report.parts.update(paragraphs)
    _read_import_findings(report, body)  # totals are derived; printed ones are only compared
    report.baseline = _read_baseline(body.get("baseline"))
    read_baseline_unknown(report.baseline, body.get("baseline"))  # last year's unknown cells
    report.previous = _read_baseline(body.get("previous"), "previous", "上年报告")  # every figure of last year
    read_baseline_unknown(report.previous, body.get("previous"))
    drafts = body.get("draft_parts") or []
    report.draft_parts = {p for p in drafts if isinstance(p, str) and p in PROSE_PARTS} if isinstance(drafts, list) else set()
    sources = body.get("sources") or []
    report.sources = [s for s in sources if isinstance(s, str)] if isinstance(sources, list) else []
    checked = body.get("checked") or []
    report.checked = {c for c in checked if isinstance(c, str)} if isinstance(checked, list) else set()
    report.drafts = _read_drafts(body.get("drafts"))
    return report


def _read_drafts(raw: Any) -> list[Draft]:
    """The drafted statistics paragraphs; a malformed one is dropped (it only flags, it holds no data)."""
    out: list[Draft] = []
    for item in raw if isinstance(raw, list) else []:
        if not (isinstance(item, dict) and isinstance(item.get("part"), str) and isinstance(item.get("text"), str)):
            continue
        try:
            cells = tuple((ref, v) for ref, v in _cell_rows(item.get("cells"), "drafts.cells") if isinstance(v, str))
        except FieldError:
            continue
        out.append(Draft(item["part"], item["text"], cells))
    return out


def _read_baseline(raw: Any, key: str = "baseline", label: str = "上年基数") -> Baseline | None:
    what = f"{label}（{key}）"
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("format"), str) or raw["format"] not in FORMATS:
        raise ProjectError(f"{what}格式不正确：“format”应为 " + " 或 ".join(FORMATS))
    if not isinstance(raw.get("cells"), list):
        raise ProjectError(f"{what}格式不正确：“cells”应为列表")
    try:
        fmt = FORMATS[raw["format"]]
        kinds = cells_of(fmt).kinds
        baseline = Baseline(year=check_year(raw.get("year"), f"{key}.year（{label}的年度）"), format_id=fmt.id)
        for ref, v in _cell_rows(raw["cells"], f"{key}.cells"):
            if ref in kinds:
                baseline.values[ref] = _cell_value(kinds[ref], ref, v, label)
        return baseline
    except FieldError as exc:
        raise ProjectError(f"{what}格式不正确：{exc}") from exc


def _cell_rows(rows: Any, field: str):
    """``[[table, row, col, value], …]`` with every key a text; anything else names ``field``."""
    if not isinstance(rows, list):
        raise FieldError(f"“{field}”应为列表")
    for item in rows:
        if not (isinstance(item, list) and len(item) == 4 and all(isinstance(k, str) for k in item[:3])):
            raise FieldError(f"“{field}”中的一项应为 [表, 行, 列, 值]")
        yield CellRef(item[0], item[1], item[2]), item[3]


def _cell_value(kind, ref: CellRef, raw: Any, what: str):
    try:
        return from_json(kind, raw)
    except CellValueError as exc:
        raise FieldError(f"{what}{ref.describe()}：{exc}") from exc


def dumps_project(report: Report) -> str:
    return json.dumps(report_to_project(report), ensure_ascii=False, indent=1) + "\n"


def loads_project(text: str) -> Report:
    try:
        data = json.loads(text, **json_number_hooks())
    except json.JSONDecodeError as exc:
        raise ProjectError(
            f"内容不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}），文件可能已损坏或被截断"
        ) from exc
    except RecursionError as exc:
        raise ProjectError("内容嵌套过深，不是项目文件") from exc
    try:
        return project_to_report(data)
    except (InterchangeError, FieldError) as exc:
        raise ProjectError(str(exc)) from exc
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        # a shape no check above foresaw: still the file's fault, still no traceback
        raise ProjectError(f"文件内容不符合项目文件的格式（{type(exc).__name__}）") from exc


def load_project(path: str | os.PathLike[str]) -> Report:
    """Read a project file. Every failure is a ``ProjectError`` naming the file; the file is untouched."""
    return read_project(path)[0]


def read_project(path: str | os.PathLike[str]) -> tuple[Report, str]:
    """The report and the stamp of the bytes it was read from (for ``save_project(expected=…)``).

    Temporary files that a killed save of this project left behind are removed first.
    """
    path = Path(path)
    remove_leftovers(path, listed=True)  # the folder listed once for a batch of reads, not once a file
    try:
        size = path.stat().st_size
        if size > MAX_PROJECT_BYTES:
            raise ProjectError(f"无法打开“{path.name}”：文件过大（{size // 1024 // 1024} MB），不是项目文件")
        raw = path.read_bytes()
    except ProjectError:
        raise
    except FileNotFoundError as exc:
        raise ProjectError(f"找不到文件“{path}”") from exc
    except OSError as exc:
        raise ProjectError(f"无法读取“{path}”：{describe_os_error(exc)}") from exc
    if not raw.strip():
        raise ProjectError(f"无法打开“{path.name}”：文件是空的")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"无法打开“{path.name}”：文件不是 UTF-8 编码的文本，可能已损坏或不是项目文件") from exc
    try:
        return loads_project(text), stamp_of(raw)
    except ProjectError as exc:
        raise ProjectError(f"无法打开“{path.name}”：{exc}") from exc


def save_project(report: Report, path: str | os.PathLike[str], expected: str | None = ANY) -> str:
    """Save atomically with a backup; returns the saved content's stamp (see ``safewrite``).

    ``expected`` is the stamp ``read_project`` or the last save returned: a file changed on disk
    since then raises ``WriteConflictError`` instead of being overwritten. Nothing that cannot be
    written (a value no JSON can hold) leaves anything half-done: the text is made first.
    """
    try:
        data = dumps_project(report).encode("utf-8")
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise ProjectError(f"无法保存“{Path(path).name}”：报告中有无法保存的内容（{type(exc).__name__}）。原文件未被改动。") from exc
    return atomic_write(path, data, expected=expected)


__all__ = [
    "ANY",
    "PROJECT_VERSION",
    "SUFFIX",
    "ProjectError",
    "WriteConflictError",
    "atomic_write",
    "dumps_project",
    "load_project",
    "loads_project",
    "read_project",
    "save_project",
]
