""".docx (Word, WPS, or ReportDesk's own export) -> lines: paragraphs with bold markup, table rows.

The package is inspected before python-docx opens it, so a zip bomb, a renamed file or an old
binary .doc gives a clear message instead of a long wait or a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..errors import LoadError
from .document import Line
from .files import check_xml_parts, checked_size
from .normalise import clean_line

MAX_DOCX_BYTES = 50 * 1024 * 1024  # a report with photos is a few MB
MAX_ENTRIES = 2000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all entries together, as the zip declares them
MAX_XML_BYTES = 40 * 1024 * 1024  # word/document.xml alone
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_package(path: Path) -> None:
    name = path.name
    checked_size(path, MAX_DOCX_BYTES)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if head.startswith(_OLE_MAGIC):
        raise LoadError(f"无法导入“{name}”：这是旧版 Word（.doc）或 WPS 格式。请在 Word/WPS 中“另存为” .docx 后再导入")
    if head.startswith(b"%PDF"):
        raise LoadError(f"无法导入“{name}”：这是 PDF 文件而扩展名不对，请改为 .pdf 后导入")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise LoadError(f"无法导入“{name}”：压缩包内文件过多（{len(infos)} 个），不是 Word 文档")
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_UNPACKED_BYTES:
                raise LoadError(f"无法导入“{name}”：解压后过大（{unpacked // 1024 // 1024} MB），文件异常，已拒绝读取")
            names = {i.filename: i for i in infos}
            doc = names.get("word/document.xml")
            if doc is None or "[Content_Types].xml" not in names:
                raise LoadError(f"无法导入“{name}”：不是 Word 文档（缺少正文部分 word/document.xml）")
            if doc.file_size > MAX_XML_BYTES:
                raise LoadError(f"无法导入“{name}”：正文解压后过大（{doc.file_size // 1024 // 1024} MB），文件异常，已拒绝读取")
    except zipfile.BadZipFile as exc:
        raise LoadError(f"无法导入“{name}”：不是有效的 Word 文档（.docx），文件可能已损坏或只是改了扩展名") from exc
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    check_xml_parts(path)  # sizes and element counts of every XML part, streamed (issue #12)


def _paragraph_markup(p) -> str:
    """The paragraph's text with direct bold as `**…**`. Runs inside hyperlinks and tracked
    insertions count; tracked deletions do not."""
    skip = {qn("w:del"), qn("w:moveFrom")}
    out, bold_text = [], ""
    for r in p.iter(qn("w:r")):
        if r.getparent().tag in skip:
            continue
        run = Run(r, None)
        text = run.text
        if run.bold:
            bold_text += text
            continue
        if bold_text:
            out.append(f"**{bold_text}**" if bold_text.strip() else bold_text)
            bold_text = ""
        out.append(text)
    if bold_text:
        out.append(f"**{bold_text}**" if bold_text.strip() else bold_text)
    return "".join(out)


def _blocks(container):
    """Body paragraphs and tables in order, including those inside content controls (w:sdt)."""
    for child in container.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _blocks(child)


def _is_list_paragraph(paragraph, styles_cache: dict) -> bool:
    """Numbered by Word itself: numbering on the paragraph or on its style (or a base style)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    style_id = p_pr.style if p_pr is not None else None
    if style_id not in styles_cache:
        style, depth, numbered = paragraph.style, 0, False
        while style is not None and depth < 10 and not numbered:
            s_pr = style.element.pPr
            numbered = s_pr is not None and s_pr.numPr is not None
            style, depth = style.base_style, depth + 1
        styles_cache[style_id] = numbered
    return styles_cache[style_id]


def _cell_text(tc) -> str:
    paragraphs = []
    for p in tc.iter(qn("w:p")):
        paragraphs.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "".join(paragraphs).strip()


def _table_lines(tbl) -> list[Line]:
    out = []
    for tr in tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                cells.append("")  # the cell above runs down into this row
            else:
                cells.append(clean_line(_cell_text(tc)))
        out.append(Line("\t".join(cells), tuple(cells), exact=True))
    return out


def read_docx(path: Path) -> list[Line]:
    _check_package(path)
    try:
        document = docx.Document(str(path))
        body = document.element.body
        lines: list[Line] = []
        styles_cache: dict[str | None, bool] = {}
        for child in _blocks(body):
            if child.tag == qn("w:p"):
                paragraph = Paragraph(child, document)
                text = _paragraph_markup(child)
                numbered = _is_list_paragraph(paragraph, styles_cache)
                lines.extend(
                    Line(clean_line(part).strip(), auto_numbered=numbered)
                    for part in text.replace("\t", " ").split("\n")
                )
            elif child.tag == qn("w:tbl"):
                lines.extend(_table_lines(child))
                lines.append(Line(""))
    except LoadError:
        raise
    except Exception as exc:  # a foreign file: any parse failure is the file's, not ours
        raise LoadError(f"无法导入“{path.name}”：Word 文档已损坏或格式无法识别（{type(exc).__name__}）") from exc
    return lines
