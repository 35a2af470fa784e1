"""A report as it is found published: a portal's web page, a browser's copy of it, Markdown, one line.

Made mechanically from a report's model and the format's own grid (never through the importer), so
the importer can be tested on each form against the values it came from.
"""

from __future__ import annotations

import html

from reportdesk.formats import PART2, PART3, PART4, cells_of, grid_of
from reportdesk.formats.grid import Role
from reportdesk.model.report import Report

TABLES = (PART2, PART3, PART4)


def _value_text(report: Report, cell) -> str:
    if cell.role in (Role.INPUT, Role.COMPUTED):
        if cell.ref in cells_of(report.format).formulas:
            value = report.printed.get(cell.ref, report.totals()[cell.ref])
        else:
            value = report.values.get(cell.ref)
        return "" if value is None else str(value)
    return cell.text


def table_rows(report: Report, table: str) -> list[list[tuple[str, int, int]]]:
    """Each printed row: its cells as (text, rowspan, colspan), spanned positions left out."""
    grid = grid_of(report.format, table)
    rows: list[list[tuple[str, int, int]]] = [[] for _ in range(grid.rows)]
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append((_value_text(report, cell), cell.rowspan, cell.colspan))
    return rows


def table_matrix(report: Report, table: str) -> list[list[str]]:
    """The table as a full grid, a spanned position blank (how converters to Markdown print it)."""
    grid = grid_of(report.format, table)
    out = [[""] * grid.cols for _ in range(grid.rows)]
    for cell in grid.cells:
        out[cell.row][cell.col] = _value_text(report, cell)
    return out


def _sections(report: Report) -> list[tuple[str, object]]:
    """("p", text) and ("table", table id) in the order of the published report."""
    out: list[tuple[str, object]] = [("p", report.title or f"{report.agency}{report.year}年政府信息公开工作年度报告")]
    out += [("p", para) for para in report.opening.split("\n") if para.strip()]
    tables = {"二": [PART2], "三": [PART3], "四": [PART4]}
    for part, heading in report.format.part_headings:
        out.append(("p", heading))
        out += [("p", p.text) for p in report.parts.get(part, [])]
        out += [("table", t) for t in tables.get(part, [])]
    out.append(("p", report.signature_agency or report.agency))
    if report.date:
        out.append(("p", f"{report.date.year}年{report.date.month}月{report.date.day}日"))
    return out


def html_page(report: Report, charset: str = "utf-8", portal: bool = True) -> bytes:
    """A portal's saved page: navigation, a header table of facts, the article, a footer."""
    parts = [f'<html><head><meta charset="{charset}"><title>{html.escape(report.title)}</title></head><body>']
    if portal:
        parts.append('<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>'
                     '<li><a href="/xxgk">信息公开年报</a></li><li>当前位置：首页 &gt; 政务公开 &gt; 年度报告</li></ul></div>')
        parts.append('<table class="meta"><tr><td>索引号：</td><td>000014349/2024-00012</td><td>发布机构：</td>'
                     f'<td>{html.escape(report.agency)}</td></tr><tr><td>名称：</td><td>{html.escape(report.title)}</td>'
                     '<td>发布日期：</td><td>2024-01-20</td></tr></table>')
    parts.append('<div class="article">')
    for kind, item in _sections(report):
        if kind == "p":
            parts.append(f"<p>{html.escape(str(item))}</p>")
            continue
        parts.append('<table border="1">')
        for row in table_rows(report, item):
            cells = "".join(
                f"<td{f' rowspan={rs}' if rs > 1 else ''}{f' colspan={cs}' if cs > 1 else ''}>{html.escape(t)}</td>"
                for t, rs, cs in row
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.append("</div>")
    if portal:
        parts.append('<div class="footer"><p>主办单位：某某市人民政府办公室</p><p>网站标识码：1234567890</p></div>')
    parts.append("</body></html>")
    return "\n".join(parts).encode(charset)


def browser_copy(report: Report) -> str:
    """What Ctrl+A, Ctrl+C of the article gives: paragraphs as lines, a table row a line with its
    cells separated by tabs (a blank cell an empty field, a cell spanning rows only in its first row)."""
    lines = []
    for kind, item in _sections(report):
        if kind == "p":
            lines.append(str(item))
        else:
            lines += ["\t".join(t for t, _, _ in row) for row in table_rows(report, item)]
    return "\n".join(lines) + "\n"


def markdown(report: Report) -> str:
    """A Word/PDF-to-Markdown converter's output: `|` tables, the first row the header."""
    lines = []
    for kind, item in _sections(report):
        if kind == "p":
            lines += [str(item), ""]
            continue
        matrix = table_matrix(report, item)
        for i, row in enumerate(matrix):
            lines.append("| " + " | ".join(row) + " |")
            if i == 0:
                lines.append("|" + "---|" * len(row))
        lines.append("")
    return "\n".join(lines)


def one_line(text: str) -> str:
    """The text with every line break replaced by a space, as scrapers give it."""
    return " ".join(text.splitlines())
