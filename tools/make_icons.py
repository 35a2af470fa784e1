"""Draw ReportDesk's icons with Qt and write them to resources/icons/ (run once; the files are committed).

- reportdesk.ico / reportdesk.png: the program (a report page with a table on the agency red)
- rdproj.ico / rdproj.png: a ReportDesk project file in Explorer (a page with a folded corner)
Each .ico holds PNG images of 16, 24, 32, 48, 64, 128 and 256 pixels.

    QT_QPA_PLATFORM=offscreen python3 tools/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = QColor("#C8102E")
BLUE = QColor("#1F4E79")


def _table(p: QPainter, r: QRectF, colour: QColor, s: float) -> None:
    pen = QPen(colour, max(1.0, s * 0.025))
    p.setPen(pen)
    rows, cols = 4, 3
    for i in range(rows + 1):
        y = r.top() + r.height() * i / rows
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
    for j in range(cols + 1):
        x = r.left() + r.width() * j / cols
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))


def draw_app(s: int) -> QImage:
    img = QImage(s, s, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    bg = QPainterPath()
    bg.addRoundedRect(QRectF(0, 0, s, s), s * 0.18, s * 0.18)
    p.fillPath(bg, RED)
    page = QRectF(s * 0.22, s * 0.12, s * 0.56, s * 0.76)
    p.fillRect(page, QColor("white"))
    # the title line, then the table
    p.fillRect(QRectF(page.left() + s * 0.08, page.top() + s * 0.08, page.width() - s * 0.16, s * 0.06), RED)
    _table(p, QRectF(page.left() + s * 0.07, page.top() + s * 0.24, page.width() - s * 0.14, s * 0.40), BLUE, s)
    p.end()
    return img


def draw_project(s: int) -> QImage:
    img = QImage(s, s, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    left, top, right, bottom, fold = s * 0.16, s * 0.04, s * 0.84, s * 0.96, s * 0.22
    page = QPolygonF(
        [QPointF(left, top), QPointF(right - fold, top), QPointF(right, top + fold), QPointF(right, bottom), QPointF(left, bottom)]
    )
    p.setPen(QPen(QColor("#808080"), max(1.0, s / 32)))
    p.setBrush(QColor("white"))
    p.drawPolygon(page)
    p.setBrush(QColor("#D0D0D0"))
    p.drawPolygon(QPolygonF([QPointF(right - fold, top), QPointF(right - fold, top + fold), QPointF(right, top + fold)]))
    p.fillRect(QRectF(left + s * 0.08, top + s * 0.10, s * 0.30, s * 0.07), RED)
    _table(p, QRectF(left + s * 0.08, top + s * 0.34, right - left - s * 0.16, s * 0.46), BLUE, s)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def write_ico(path: Path, images: list[tuple[int, bytes]]) -> None:
    """An .ico with PNG-compressed entries (Windows Vista and later read these at every size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    path.write_bytes(header + entries + blobs)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in (("reportdesk", draw_app), ("rdproj", draw_project)):
        images = [(s, png_bytes(draw(s))) for s in SIZES]
        write_ico(OUT / f"{name}.ico", images)
        (OUT / f"{name}.png").write_bytes(images[-1][1])
        print(f"wrote {OUT / name}.ico and .png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
