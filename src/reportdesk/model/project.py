"""Project files (.rdproj): versioned, human-readable UTF-8 JSON, saved atomically.

Version 2 wraps the interchange form with what only a working project needs (paragraph levels,
last year's baseline, draft marks, sources). Version 3 adds what importing a published document
found (totals as printed, unreadable cells, reading notes), so the checks still report them after
the project is saved and reopened. Older versions are migrated on load. See docs/project-format.md.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..formats import FORMATS, PROSE_PARTS, CellRef, cells_of
from .carry import read_baseline_unknown
from .interchange import InterchangeError, from_interchange, to_interchange
from .prose import Paragraph
from .report import Baseline, Report
from .values import CellValueError, from_json, to_json

PROJECT_VERSION = 3
SUFFIX = ".rdproj"
MAX_PROJECT_BYTES = 20 * 1024 * 1024  # a real report is ~50 KB; anything this big is not one


class ProjectError(Exception):
    """A project file that cannot be read or written. ``str()`` is the message for the user."""


def report_to_project(report: Report) -> dict[str, Any]:
    body = to_interchange(report)
    body["parts"] = {p: [{"level": para.level, "text": para.markup()} for para in report.parts[p]] for p in PROSE_PARTS}
    if report.baseline is not None:
        b = report.baseline
        kinds = cells_of(FORMATS[b.format_id]).kinds
        body["baseline"] = {
            "year": b.year,
            "format": b.format_id,
            "cells": [[r.table, r.row, r.col, to_json(kinds[r], v)] for r, v in b.values.items() if r in kinds],
        }
        if b.unreadable:  # last year's cells that could not be read: unknown, not blank
            body["baseline"]["unknown"] = [[r.table, r.row, r.col, why] for r, why in b.unreadable.items()]
    if report.draft_parts:
        body["draft_parts"] = sorted(report.draft_parts)
    if report.sources:
        body["sources"] = list(report.sources)
    if report.checked:
        body["checked"] = sorted(report.checked)  # warnings marked 已核对 (fingerprints)
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
        for table, row, col, v in body.get("printed") or []:
            ref = CellRef(table, row, col)
            if ref in formulas:
                report.printed[ref] = from_json(kinds[ref], v)
        for table, row, col, text in body.get("unreadable") or []:
            ref = CellRef(table, row, col)
            if ref in kinds and isinstance(text, str):
                report.unreadable[ref] = text
        report.read_notes = report.read_notes + [
            (where, message)
            for where, message in body.get("read_notes") or []
            if isinstance(where, str) and isinstance(message, str)
        ]
    except (TypeError, ValueError, CellValueError) as exc:
        raise ProjectError(f"导入记录（printed/unreadable/read_notes）格式不正确：{exc}") from exc


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
    version = data["reportdesk_project"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError(f"项目文件版本号无效：{version!r}")
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
            if level is not None and (isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 4):
                raise ProjectError(f"第{part}部分的段落级别无效：{level!r}")
            paragraphs[part].append(Paragraph.from_markup(item["text"], level))
    report = from_interchange({**body, "parts": {}})
    report.parts.update(paragraphs)
    _read_import_findings(report, body)  # totals are derived; printed ones are only compared
    report.baseline = _read_baseline(body.get("baseline"))
    read_baseline_unknown(report.baseline, body.get("baseline"))  # last year's unknown cells
    drafts = body.get("draft_parts") or []
    report.draft_parts = {p for p in drafts if p in PROSE_PARTS} if isinstance(drafts, list) else set()
    sources = body.get("sources") or []
    report.sources = [s for s in sources if isinstance(s, str)] if isinstance(sources, list) else []
    checked = body.get("checked") or []
    report.checked = {c for c in checked if isinstance(c, str)} if isinstance(checked, list) else set()
    return report


def _read_baseline(raw: Any) -> Baseline | None:
    if raw is None:
        return None
    try:
        fmt = FORMATS[raw["format"]]
        kinds = cells_of(fmt).kinds
        baseline = Baseline(year=int(raw["year"]), format_id=fmt.id)
        for table, row, col, v in raw["cells"]:
            ref = CellRef(table, row, col)
            if ref in kinds:
                baseline.values[ref] = from_json(kinds[ref], v)
        return baseline
    except (KeyError, TypeError, ValueError, CellValueError) as exc:
        raise ProjectError(f"上年基数（baseline）格式不正确：{exc}") from exc


def dumps_project(report: Report) -> str:
    return json.dumps(report_to_project(report), ensure_ascii=False, indent=1) + "\n"


def loads_project(text: str) -> Report:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ProjectError(
            f"内容不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}），文件可能已损坏或被截断"
        ) from exc
    except RecursionError as exc:
        raise ProjectError("内容嵌套过深，不是项目文件") from exc
    try:
        return project_to_report(data)
    except InterchangeError as exc:
        raise ProjectError(str(exc)) from exc


def load_project(path: str | os.PathLike[str]) -> Report:
    """Read a project file. Every failure is a ``ProjectError`` naming the file; the file is untouched."""
    path = Path(path)
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
        raise ProjectError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if not raw.strip():
        raise ProjectError(f"无法打开“{path.name}”：文件是空的")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"无法打开“{path.name}”：文件不是 UTF-8 编码的文本，可能已损坏或不是项目文件") from exc
    try:
        return loads_project(text)
    except ProjectError as exc:
        raise ProjectError(f"无法打开“{path.name}”：{exc}") from exc


def atomic_write(path: str | os.PathLike[str], data: bytes, backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file, whole.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over the
    target. The previous version is kept as ``<name>.bak``. Errors become ``ProjectError``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ProjectError(_write_message(path, exc)) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            try:
                os.link(path, _fresh(bak))
            except OSError:
                try:  # no hard links here (FAT, some network shares): copy instead
                    shutil.copy2(path, bak)
                except OSError:
                    pass  # a backup that cannot be made must not stop the save itself
        _copy_mode(path, tmp)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ProjectError(_write_message(path, exc)) from exc


def _fresh(bak: Path) -> Path:
    """Make room for a hard link to the current file as the backup."""
    try:
        bak.unlink()
    except FileNotFoundError:
        pass
    return bak


def _copy_mode(path: Path, tmp: str) -> None:
    """mkstemp makes the file private (0600); give it the mode a plain open() would."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_message(path: Path, exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        why = "磁盘空间不足"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "没有写入权限（文件或文件夹为只读，或文件正被其他程序占用）"
    elif exc.errno == errno.ENOENT:
        why = "文件夹不存在"
    else:
        why = exc.strerror or str(exc)
    return f"无法保存“{path}”：{why}。原文件未被改动，请换一个位置保存。"


def save_project(report: Report, path: str | os.PathLike[str]) -> None:
    atomic_write(path, dumps_project(report).encode("utf-8"))


__all__ = [
    "PROJECT_VERSION",
    "SUFFIX",
    "ProjectError",
    "atomic_write",
    "dumps_project",
    "load_project",
    "loads_project",
    "save_project",
]
