"""The review table as the terminal, the CSV file, the HTML page and the window show it."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..checks.findings import Severity
from ..model.project import atomic_write
from ..model.report import UNKNOWN_MARK
from .figures import KEY_FIGURES

# The columns, in order; the numeric ones sort as numbers.
HEADERS = ("文件", "机关", "年度", "格式", *KEY_FIGURES, "错误", "警告", "状态")
NUMERIC = frozenset(("年度", *KEY_FIGURES, "错误", "警告"))


def status(row: dict) -> str:
    if row["unreadable"]:
        return "无法读取"
    if row["errors"]:
        return "有错误"
    if row["warnings"]:
        return "有警告"
    return "通过"


def cells(row: dict, base: Path | None = None) -> list[object]:
    """The values of one row, in HEADERS order (None where there is nothing to show, ``UNKNOWN_MARK``
    for a figure that is unknown: never 0)."""
    file = row["file"]
    if base is not None:
        try:
            file = os.path.relpath(file, base)
        except ValueError:  # another drive on Windows
            pass
    figures = row["figures"]
    unknown = row.get("unknown_figures") or ()
    return [
        file,
        row["agency"],
        row["year"],
        f"{row['format']} 年格式" if row["format"] else "",
        *(UNKNOWN_MARK if name in unknown else figures.get(name) for name in KEY_FIGURES),
        row["errors"],
        row["warnings"],
        status(row),
    ]


def finding_line(f: dict) -> str:
    return f"[{Severity(f['severity']).label}] {f['rule']} @ {f['where']['text']}：{f['message']}"


def finding_lines(row: dict) -> list[str]:
    if row["unreadable"]:
        return [row["unreadable"]]
    lines = [finding_line(f) for f in row["findings"]]
    if row.get("previous_missing"):
        lines.append("[提示] 未找到该机关上一年度的报告，未核对结转和延续数字")
    return lines


def csv_text(rows: list[dict], base: Path | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*HEADERS, "问题"])
    for row in rows:
        writer.writerow(["" if v is None else v for v in cells(row, base)] + ["\n".join(finding_lines(row))])
    return buffer.getvalue()


def write_csv(rows: list[dict], path: str | os.PathLike[str], base: Path | None = None) -> None:
    """UTF-8 with a byte-order mark, CRLF: Excel and WPS open it with the Chinese intact."""
    atomic_write(path, csv_text(rows, base).encode("utf-8-sig"), backup=False)


def summary_line(rows: list[dict]) -> str:
    n = len(rows)
    unreadable = sum(1 for r in rows if r["unreadable"])
    with_errors = sum(1 for r in rows if r["errors"])
    with_warnings = sum(1 for r in rows if not r["errors"] and r["warnings"])
    clean = n - unreadable - with_errors - with_warnings
    text = f"共 {n} 份：{clean} 份通过，{with_errors} 份有错误，{with_warnings} 份仅有警告"
    text += f"，{unreadable} 份无法读取" if unreadable else ""
    unknown = sum(1 for r in rows if r.get("unknown_cells"))
    return text + (f"；{unknown} 份有未能读取的数字（显示为“{UNKNOWN_MARK}”，不按 0 计）" if unknown else "")
