"""Hostile files, generated small: .docx packages whose XML unpacks to far more than they weigh."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
_TAIL = "<w:sectPr/></w:body></w:document>"


def plain_docx(paragraphs: list[str] | None = None) -> bytes:
    """A real .docx made by python-docx, with ``paragraphs``."""
    import docx

    d = docx.Document()
    for text in paragraphs or ["关于2024年政府信息公开工作年度报告"]:
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def with_member(base: bytes, name: str, chunks) -> bytes:
    """``base`` with member ``name`` replaced by the concatenation of ``chunks`` (streamed, deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as f:
            for chunk in chunks:
                f.write(chunk)
    return out.getvalue()


def empty_paragraphs(megabytes: float) -> bytes:
    """document.xml of nothing but empty paragraphs (the issue's 104 KB file unpacks to 39 MB)."""
    n = int(megabytes * 1024 * 1024) // len("<w:p/>")

    def chunks():
        yield _HEAD.encode()
        block = b"<w:p/>" * 100_000
        for _ in range(n // 100_000):
            yield block
        yield b"<w:p/>" * (n % 100_000)
        yield _TAIL.encode()

    return with_member(plain_docx(), "word/document.xml", chunks())


def huge_styles(megabytes: float) -> bytes:
    """styles.xml of many identical styles (the issue's 274 KB file has a 150 MB one)."""
    style = (
        b'<w:style w:type="paragraph" w:styleId="S"><w:name w:val="S"/><w:rPr><w:b/></w:rPr></w:style>'
    )
    n = int(megabytes * 1024 * 1024) // len(style)

    def chunks():
        yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'.encode()
        for _ in range(n // 10_000):
            yield style * 10_000
        yield style * (n % 10_000)
        yield b"</w:styles>"

    return with_member(plain_docx(), "word/styles.xml", chunks())


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
