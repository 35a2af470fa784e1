"""The first look at a file to import: readable, not empty, not far larger than any annual report.

For a .docx, also the XML inside: each part's unpacked size is read from the zip directory (the
zip reader never inflates beyond it), then its elements are counted by a streaming parse that
keeps no tree and stops at the cap. Only then does python-docx load the package, so a small file
that unpacks to millions of empty paragraphs or a 150 MB styles.xml is refused in well under a
second instead of taking a minute and gigabytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import LoadError
from ..model.safewrite import describe_os_error

# A long published report (the demo exported): document.xml 86 KB, 376 paragraphs, 92 table rows,
# ~6,000 elements; styles.xml ~30 KB. The caps are 25-50 times that, and chosen so that anything
# within them is read (or refused) in under 5 s: the reader spends ~0.3 ms on each line.
MAX_PART_BYTES = 20 * 1024 * 1024  # any one XML part, unpacked
MAX_XML_BYTES = 40 * 1024 * 1024  # all XML parts together, unpacked
MAX_PARAGRAPHS = 10_000  # paragraphs, line breaks and table rows of the body: each becomes a line
MAX_ELEMENTS = 120_000  # elements of the body part
MAX_TEXT_CHARS = 1_000_000  # characters of text in the body (a long report has ~30,000)
MAX_PART_ELEMENTS = 200_000  # elements of any other part (styles, numbering, headers …)
BODY_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LINES = {_W + "p", _W + "tr", _W + "br", _W + "cr"}  # each starts a line


def checked_size(path: Path, limit: int) -> int:
    """The file's size in bytes, or a ``LoadError`` that says in Chinese why it will not be imported."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{describe_os_error(exc)}") from exc
    if size == 0:
        raise LoadError(f"无法导入“{path.name}”：文件是空的")
    if size > limit:
        raise LoadError(f"无法导入“{path.name}”：文件过大（{size // 1024 // 1024} MB），不像年度报告")
    return size


def check_xml_parts(path: Path) -> None:
    """Refuse a .docx whose XML is beyond the caps above (``LoadError``, in Chinese, naming the part).

    Bounded in time and memory whatever the file: sizes come from the zip directory, and the
    streaming count clears every element as soon as it is closed and stops at the cap.
    """
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            parts = [i for i in zf.infolist() if i.filename.lower().endswith((".xml", ".rels"))]
            for info in parts:
                if info.file_size > MAX_PART_BYTES:
                    raise LoadError(_refusal(name, info.filename, f"解压后 {info.file_size // 1024 // 1024} MB"))
            total = sum(i.file_size for i in parts)
            if total > MAX_XML_BYTES:
                raise LoadError(_refusal(name, "全部 XML", f"解压后共 {total // 1024 // 1024} MB"))
            for info in parts:
                body = info.filename == BODY_PART
                with zf.open(info) as stream:
                    _count(stream, name, info.filename, MAX_ELEMENTS if body else MAX_PART_ELEMENTS, body)
    except LoadError:
        raise
    except zipfile.BadZipFile as exc:
        raise LoadError(f"无法导入“{name}”：不是有效的 Word 文档（.docx），文件可能已损坏或只是改了扩展名") from exc
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{describe_os_error(exc)}") from exc
    except Exception as exc:  # zlib errors, bad CRC, NotImplementedError for odd compression …
        raise LoadError(f"无法导入“{name}”：Word 文档已损坏或格式无法识别（{type(exc).__name__}）") from exc


def _count(stream, name: str, part: str, limit: int, body: bool) -> None:
    from lxml import etree  # lazy: saves ~6 ms on each PDF or web page import

    elements = paragraphs = chars = 0
    events = etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        for _, element in events:
            elements += 1
            if body and element.tag in _LINES:
                paragraphs += 1
                if paragraphs > MAX_PARAGRAPHS:
                    raise LoadError(_refusal(name, part, f"段落、换行和表格行超过 {MAX_PARAGRAPHS:,} 个"))
            if body and element.text:
                chars += len(element.text)
                if chars > MAX_TEXT_CHARS:
                    raise LoadError(_refusal(name, part, f"文字超过 {MAX_TEXT_CHARS:,} 字"))
            if elements > limit:
                raise LoadError(_refusal(name, part, f"元素超过 {limit:,} 个"))
            element.clear()  # keep no tree: memory stays flat
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise LoadError(f"无法导入“{name}”：Word 文档中的“{part}”已损坏（不是有效的 XML）") from exc


def _refusal(name: str, part: str, what: str) -> str:
    return f"无法导入“{name}”：其中的“{part}”异常庞大（{what}），不像年度报告，已拒绝读取。请在 Word/WPS 中打开检查后另存为新文件再导入"
