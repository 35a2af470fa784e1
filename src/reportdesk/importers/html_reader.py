"""A saved web page (.html, .htm, or a simple .mhtml) -> lines: the article's paragraphs and table rows.

Portals wrap the report in navigation, a table of facts (索引号, 发布日期) and a footer. The article
is the smallest element that still holds most of the report's own wording (the part headings and
the table labels). Tables are read from their cells with ``colspan``/``rowspan`` resolved as a
Word table gives them: a cell spanning columns once, a cell spanning rows as an empty cell below
(so an empty ``<td>`` is a blank cell, known to be blank). Tables used only for page layout (a
table holding tables) are walked into, not read as rows. The page's 发布日期 is kept as a line
before the article for the reader to use when the report is not dated.
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import LoadError
from .document import Line
from .files import checked_size
from .normalise import clean_line, key, squeeze
from .structure import PAGE_DATE, names_title
from .wording import official_keys

MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_ELEMENTS = 200_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
    "footer", "blockquote", "pre", "center", "form", "dd", "dt", "dl", "address", "figure",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head", "select", "button", "iframe", "object", "svg"}


def _charset(raw: bytes) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    m = _META_CHARSET.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        return "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name
    return None


def decode_page(raw: bytes, name: str) -> str:
    """The page's text: the charset its BOM or meta names, else UTF-8, else GBK (common on portals)."""
    for encoding in (_charset(raw), "utf-8", "gb18030"):
        if not encoding:
            continue
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise LoadError(f"无法导入“{name}”：网页的文字编码无法识别（应为 UTF-8 或 GBK）")


def _mhtml_html(raw: bytes, name: str) -> str:
    """The first HTML part of a web archive (.mhtml, as Chrome or Edge saves a page)."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)
                except (UnicodeDecodeError, LookupError):
                    pass
            return decode_page(payload, name)
    raise LoadError(f"无法导入“{name}”：网页存档（.mhtml）中没有找到网页内容")


def _in_link(el) -> bool:
    return el.tag == "a" or any(a.tag == "a" for a in el.iterancestors())


def _text(el) -> str:
    """An element's text: inline pieces joined as they stand (`1<span>2</span>` is 12), a space
    where a paragraph or line break inside it ends."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in _BLOCK or tag == "br":
            parts.append(" ")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return clean_line(re.sub(r"\s+", " ", "".join(parts))).strip()


class _Walker:
    """Elements in document order -> lines: text runs joined into paragraphs, tables into rows."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = clean_line("".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.lines.extend(Line(part.strip()) for part in text.split("\n") if part.strip())

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            self._tail(el)
            return
        if tag == "table" and el.find(".//table") is None:
            self.flush()
            self.lines.extend(table_lines(el))
            self.lines.append(Line(""))
            self._tail(el)
            return
        if tag == "br":
            self.buffer.append("\n")
            self._tail(el)
            return
        block = tag in _BLOCK or tag in ("table", "tr", "td", "th", "tbody", "body")
        if block:
            self.flush()
        if el.text and tag:
            self.buffer.append(el.text.replace("\n", " "))
        for child in el:
            self.walk(child)
        if block:
            self.flush()
        self._tail(el)

    def _tail(self, el) -> None:
        if el.tail:
            self.buffer.append(el.tail.replace("\n", " "))


def table_lines(table) -> list[Line]:
    """A data table's rows, spans resolved: a cell spanning columns given once, a cell spanning
    rows given as an empty cell in the rows below it (as a Word table gives them)."""
    out: list[Line] = []
    below: dict[int, int] = {}  # grid column -> rows still covered by a cell from above
    for tr in table.iter("tr"):
        cells: list[str] = []
        col = 0
        tds = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for td in tds:
            while below.get(col, 0) > 0:
                cells.append("")
                below[col] -= 1
                col += 1
            colspan = _span(td.get("colspan"))
            rowspan = _span(td.get("rowspan"))
            cells.append(_text(td))
            for c in range(col, col + colspan):
                if rowspan > 1:
                    below[c] = rowspan - 1
            col += colspan
        while any(v > 0 for c, v in below.items() if c >= col):
            if below.get(col, 0) > 0:
                cells.append("")
                below[col] -= 1
            col += 1
        if any(cells):
            out.append(Line("\t".join(cells), tuple(cells), exact=True))
    return out


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip() or 1), 100))
    except ValueError:
        return 1


def _article(root):
    """The smallest element holding nearly as much of the report's wording as the whole page."""
    wanted = official_keys()

    def score(el) -> int:
        k = key(el.text_content())
        return sum(1 for w in wanted if w in k)

    best_score = score(root)
    if best_score == 0:
        return root
    node = root
    while True:
        children = [c for c in node if isinstance(c.tag, str) and c.tag not in _SKIP]
        scored = [(score(c), c) for c in children]
        top = max(scored, key=lambda x: x[0], default=(0, None))
        if top[1] is None or top[0] < 0.9 * best_score:
            return node
        node = top[1]


def read_html(path: Path) -> list[Line]:
    name = path.name
    checked_size(path, MAX_HTML_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    text = _mhtml_html(raw, name) if path.suffix.lower() in (".mhtml", ".mht") or raw[:200].lstrip().lower().startswith(b"mime-version") else decode_page(raw, name)
    if not text.strip():
        raise LoadError(f"无法导入“{name}”：网页是空的")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8", huge_tree=False))
    except (etree.ParserError, ValueError) as exc:
        raise LoadError(f"无法导入“{name}”：网页无法解析") from exc
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        raise LoadError(f"无法导入“{name}”：网页元素过多，不像一份年度报告")
    body = root.find("body")
    body = body if body is not None else root
    article = _article(body)
    walker = _Walker()
    walker.walk(article)
    walker.flush()
    lines = walker.lines
    found_title = any(names_title(squeeze(ln.text)) for ln in lines[:40] if not ln.is_row)
    before: list[Line] = []
    if not found_title:  # the title stands above the article (an h1 of the page), or only in <title>;
        # never a link's text: a link names another page (last year's report in the side bar)
        for el in list(body.iter()) + list(root.iter("title")):
            if isinstance(el.tag, str) and el.tag not in _SKIP and len(el) == 0 and not _in_link(el):
                t = _text(el)
                if t and len(t) <= 120 and names_title(squeeze(t)):
                    before.append(Line(t))
                    break
    page = PAGE_DATE.search(_text(body))
    if page:
        before.insert(0, Line(f"{page.group(1)}：{page.group(2)}-{page.group(3)}-{page.group(4)}"))
    return before + lines
