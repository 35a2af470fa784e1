"""Open any report file by its kind: a project, the interchange JSON, or a published document."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import LoadError
from .model.interchange import InterchangeError, from_interchange
from .model.project import MAX_PROJECT_BYTES, ProjectError, load_project
from .model.report import Report
from .model.values import json_number_hooks

PROJECT_SUFFIXES = {".rdproj"}
JSON_SUFFIXES = {".json"}
# Saved web pages: most reports are published as pages on the portals.
WEB_SUFFIXES = {".html", ".htm", ".mhtml", ".mht"}
DOCUMENT_SUFFIXES = {".docx", ".txt", ".text", ".md"} | WEB_SUFFIXES
REPORT_SUFFIXES = PROJECT_SUFFIXES | JSON_SUFFIXES | DOCUMENT_SUFFIXES
# Read when named, not when a folder is searched: portals often publish the same report as
# .docx and .pdf, and a folder's reports would then count twice.
PDF_SUFFIXES = {".pdf"}
# What the import pipeline reads: a published report, as text, a web page, .docx or PDF.
IMPORT_SUFFIXES = DOCUMENT_SUFFIXES | PDF_SUFFIXES


def load_interchange(path: Path) -> Report:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if len(raw) > MAX_PROJECT_BYTES:
        raise LoadError(f"无法读取“{path.name}”：文件过大，不是报告")
    try:
        data = json.loads(raw.decode("utf-8-sig"), **json_number_hooks())
        return from_interchange(data)
    except UnicodeDecodeError as exc:
        raise LoadError(f"无法读取“{path.name}”：不是 UTF-8 编码的文本") from exc
    except json.JSONDecodeError as exc:
        raise LoadError(f"无法读取“{path.name}”：不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）") from exc
    except RecursionError as exc:
        raise LoadError(f"无法读取“{path.name}”：内容嵌套过深") from exc
    except InterchangeError as exc:
        raise LoadError(f"无法读取“{path.name}”：{exc}") from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a shape no check foresaw
        raise LoadError(f"无法读取“{path.name}”：内容不符合交换格式（{type(exc).__name__}）") from exc


def load_report(path: str | Path) -> Report:
    """A report from any file ReportDesk reads. Raises ``LoadError`` with a clear message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise LoadError(f"找不到文件“{path}”")
    if suffix in PROJECT_SUFFIXES:
        try:
            return load_project(path)
        except ProjectError as exc:
            raise LoadError(str(exc)) from exc
    if suffix in JSON_SUFFIXES:
        return load_interchange(path)
    if suffix in IMPORT_SUFFIXES:
        from .importers import import_document  # lazy: saves ~11 ms at start-up of `check` on a project

        return import_document(path).report
    raise LoadError(f"无法识别“{path.name}”的类型：支持 .rdproj、.json、.docx、.pdf、.html 和 .txt")
