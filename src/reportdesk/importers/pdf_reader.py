"""A published PDF -> text lines, through QtPdf (PDFium, already part of the program for printing).

The text comes out as a PDF viewer's "select all, copy" would give it: prose lines wrapped where
the page wrapped them, table cells separated by spaces or line breaks. The text pipeline reads
that as it reads a pasted .txt. A scanned PDF has no text: it is refused with a clear message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument  # a dependency (PySide6-Pdf) in every build; this module is loaded lazily

from ..errors import LoadError
from .document import Line, lines_from_text
from .files import checked_size

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300  # an annual report has 5 to 30 pages


def read_pdf(path: Path) -> list[Line]:
    name = path.name
    checked_size(path, MAX_PDF_BYTES)
    document = QPdfDocument()
    error = document.load(str(path))
    if error == QPdfDocument.Error.IncorrectPassword:
        raise LoadError(f"无法导入“{name}”：PDF 设有密码，请先在 PDF 阅读器中解除密码")
    if error != QPdfDocument.Error.None_:
        raise LoadError(f"无法导入“{name}”：不是有效的 PDF 文件，或文件已损坏")
    pages = document.pageCount()
    if pages > MAX_PAGES:
        raise LoadError(f"无法导入“{name}”：共 {pages} 页，不像一份年度报告")
    text = "\n".join(document.getAllText(i).text() for i in range(pages))
    document.close()
    if not text.strip():
        raise LoadError(f"无法导入“{name}”：PDF 中没有文字（可能是扫描件）。请使用 Word 版本，或用文字识别（OCR）后导入")
    return lines_from_text(text)
