"""The review table as the terminal, the CSV file, the HTML page and the window show it."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..checks.findings import Finding
from ..model.project import atomic_write
from ..model.report import UNKNOWN_MARK
from .figures import KEY_FIGURES
from .rows import ReviewRow

# The columns, in order; the numeric ones sort as numbers.
FORMAT_COLUMN, STATUS_COLUMN = "格式", "状态"  # the page styles these two (no wrapping; the status mark)
HEADERS = ("文件", "机关", "年度", FORMAT_COLUMN, *KEY_FIGURES, "错误", "警告", "重复率", STATUS_COLUMN)
NUMERIC = frozenset(("年度", *KEY_FIGURES, "错误", "警告"))


def status(row: ReviewRow) -> str:
    if not row.readable:
        return "无法读取"
    if row.errors:
        return "有错误"
    if row.warnings:
        return "有警告"
    return "通过"


def shown_file(row: ReviewRow, base: Path | None = None) -> str:
    """The file as shown: relative to the reviewed folder when there is one."""
    if base is not None:
        try:
            return os.path.relpath(row.file, base)
        except ValueError:  # another drive on Windows
            pass
    return row.file


def format_label(row: ReviewRow) -> str:
    return f"{row.format_id} 年格式" if row.format_id else ""


def figures(row: ReviewRow) -> list[int | str | None]:
    """The key figures as shown, in ``KEY_FIGURES`` order: a number, ``UNKNOWN_MARK`` when unknown
    (never 0), None when the file was not read."""
    if not row.readable:
        return [None] * len(KEY_FIGURES)
    return [UNKNOWN_MARK if value is None else value for _, value in row.figures.shown()]


def cells(row: ReviewRow, base: Path | None = None) -> list[object]:
    """The values of one row, in HEADERS order (None where there is nothing to show, ``UNKNOWN_MARK``
    for a figure that is unknown: never 0)."""
    return [
        shown_file(row, base),
        row.agency,
        row.year,
        format_label(row),
        *figures(row),
        row.errors,
        row.warnings,
        row.repeat or None,
        status(row),
    ]


def console_line(row: ReviewRow, base: Path | None = None) -> str:
    """The row as `reportdesk review` prints it."""
    file = shown_file(row, base)
    if not row.readable:
        return f"{file}：无法读取 — {row.unreadable}"
    shown = " ".join(f"{name} {value}" for name, value in zip(KEY_FIGURES, figures(row), strict=True))
    return (
        f"{file}：{row.agency} {row.year}年（{format_label(row)}）{shown} — {row.errors} 个错误 · {row.warnings} 个警告"
    )


PREVIOUS_MISSING = "[提示] 未找到该机关上一年度的报告，未核对结转和延续数字"


def finding_line(f: Finding) -> str:
    return f"[{f.severity.label}] {f.rule} @ {f.place.describe()}：{f.message}"


def finding_lines(row: ReviewRow) -> list[str]:
    if not row.readable:
        return [row.unreadable or ""]
    lines = [finding_line(f) for f in row.findings]
    if row.previous_missing:
        lines.append(PREVIOUS_MISSING)
    return lines


def csv_text(rows: list[ReviewRow], base: Path | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*HEADERS, "问题"])
    for row in rows:
        writer.writerow(["" if v is None else v for v in cells(row, base)] + ["\n".join(finding_lines(row))])
    return buffer.getvalue()


def write_csv(rows: list[ReviewRow], path: str | os.PathLike[str], base: Path | None = None) -> None:
    """UTF-8 with a byte-order mark, CRLF: Excel and WPS open it with the Chinese intact."""
    atomic_write(path, csv_text(rows, base).encode("utf-8-sig"), backup=False)


def summary_line(rows: list[ReviewRow]) -> str:
    n = len(rows)
    unreadable = sum(1 for r in rows if not r.readable)
    with_errors = sum(1 for r in rows if r.errors)
    with_warnings = sum(1 for r in rows if not r.errors and r.warnings)
    clean = n - unreadable - with_errors - with_warnings
    text = f"共 {n} 份：{clean} 份通过，{with_errors} 份有错误，{with_warnings} 份仅有警告"
    text += f"，{unreadable} 份无法读取" if unreadable else ""
    unknown = sum(1 for r in rows if r.unknown_cells)
    return text + (f"；{unknown} 份有未能读取的数字（显示为“{UNKNOWN_MARK}”，不按 0 计）" if unknown else "")
