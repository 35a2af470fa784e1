"""Published report (.docx, .pdf, a saved web page, or text copied from a PDF or web page) -> report + what was not understood.

``import_document(path)`` returns an ``ImportResult``: the report, what was recognised and the
problems found (each says where, in Chinese). Unreadable files raise ``errors.LoadError``.
Reading goes one way: the file's form -> blocks (``document.Line``) -> one reader that finds the
title, the parts and the tables by the official wording. A cell not read is unknown
(``report.unreadable``, with the reason), never 0 or blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LoadError
from ..model.report import Report
from .document import Line, lines_from_text
from .reader import MAX_LINES, MAX_TEXT_BYTES, report_from_lines

WEB_SUFFIXES = {".html", ".htm", ".mhtml", ".mht"}  # as loading.WEB_SUFFIXES


@dataclass
class ImportResult:
    report: Report
    recognised: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode"
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(f"无法导入“{name}”：文字编码无法识别（UTF-16 内容已损坏）") from exc
    if b"\x00" in raw[:65536]:
        if raw.startswith(b"PK"):
            raise LoadError(f"无法导入“{name}”：这是 Word 文档（.docx）而扩展名不对，请改为 .docx 后导入")
        raise LoadError(f"无法导入“{name}”：不是文本文件（含二进制内容）")
    if raw.startswith(b"%PDF"):
        raise LoadError(f"无法导入“{name}”：这是 PDF 文件而扩展名不对，请改为 .pdf 后导入")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError(f"无法导入“{name}”：文字编码无法识别（应为 UTF-8 或 GBK）")


def read_text_file(path: Path) -> list[Line]:
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise LoadError(
                f"无法导入“{path.name}”：文件过大（{size / 1024 / 1024:.0f} MB）。年度报告的文字通常不到 1 MB，请确认选对了文件"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if not raw.strip():
        raise LoadError(f"无法导入“{path.name}”：文件是空的")
    text = _decode(raw, path.name)
    if text.count("\n") > MAX_LINES:
        raise LoadError(f"无法导入“{path.name}”：行数过多（超过 {MAX_LINES} 行），不像一份年度报告")
    return lines_from_text(text)


def import_document(path: str | Path) -> ImportResult:
    """Read a published report. Raises ``LoadError`` with a clear message for unreadable files."""
    path = Path(path)
    if not path.exists():
        raise LoadError(f"找不到文件“{path}”")
    if path.suffix.lower() == ".docx":
        from .docx_reader import read_docx  # lazy: saves ~53 ms at start-up (python-docx)

        lines, from_docx = read_docx(path), True
    elif path.suffix.lower() in WEB_SUFFIXES:
        from .html_reader import read_html  # lazy: saves ~39 ms at start-up (lxml.html)

        lines, from_docx = read_html(path), True
    elif path.suffix.lower() == ".pdf":
        from .pdf_reader import read_pdf  # lazy: saves ~16 ms at start-up (QtPdf)

        lines, from_docx = read_pdf(path), False
    else:
        lines, from_docx = read_text_file(path), False
    report, recognised, problems = report_from_lines(lines, path.name, join_broken=not from_docx)
    return ImportResult(report, recognised, problems)


__all__ = ["ImportResult", "LoadError", "import_document"]
