"""Build a .docx in the official shape with python-docx, as Word or WPS would hold it.

Tables are laid out from `formats.grid.grid_of`, merged cells included, so the importer's .docx
reader is tested on real merges without depending on the exporter.
"""

from __future__ import annotations

from pathlib import Path

import docx

from reportdesk.formats import PROSE_PARTS, Role, cells_of, grid_of
from reportdesk.model.report import Report
from reportdesk.model.values import format_value


def add_table(document, report: Report, table: str, relabel=None, swap: dict[int, int] | None = None) -> None:
    """``swap`` moves single grid columns (a permutation of column indices), as an agency's own
    table may order them."""
    grid = grid_of(report.format, table)
    kinds = cells_of(report.format).kinds
    t = document.add_table(rows=grid.rows, cols=grid.cols)
    t.style = "Table Grid"
    cells = t._cells  # looked up once: Table.cell() walks the whole grid on every call
    for cell in grid.cells:
        col = (swap or {}).get(cell.col, cell.col) if cell.colspan == 1 else cell.col
        target = cells[cell.row * grid.cols + col]
        if cell.rowspan > 1 or cell.colspan > 1:
            corner = cells[(cell.row + cell.rowspan - 1) * grid.cols + col + cell.colspan - 1]
            target = target.merge(corner)
        if cell.ref is not None:
            text = format_value(kinds[cell.ref], report.value(cell.ref))
        elif cell.role is Role.EMPTY:
            text = ""
        else:
            text = relabel(cell.text) if relabel else cell.text
        target.text = text


def build_docx(
    report: Report, path: Path, relabel=None, pages_of_prose: int = 0, swap: dict[str, dict[int, int]] | None = None
) -> Path:
    document = docx.Document()
    document.add_paragraph(report.title)
    for line in report.opening.splitlines():
        document.add_paragraph(line)
    for part, heading in report.format.part_headings:
        document.add_paragraph(report.headings.get(part, heading))
        if part in PROSE_PARTS:
            for para in report.parts[part]:
                p = document.add_paragraph()
                for run in para.runs:
                    p.add_run(run.text).bold = run.bold or None
            if part == "一":
                for i in range(pages_of_prose * 4):
                    document.add_paragraph(f"（{i % 9 + 1}）" + "本机关持续推进政务公开，" * 20 + "。")
        else:
            add_table(document, report, part, relabel, (swap or {}).get(part))
    document.add_paragraph(report.signature_agency)
    if report.date:
        d = report.date
        document.add_paragraph(f"{d.year}年{d.month}月{d.day}日")
    document.save(str(path))
    return path
