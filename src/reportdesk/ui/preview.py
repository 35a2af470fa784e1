"""打印预览: the pages of the very PDF that is printed, rendered at the screen's resolution.

Each page is rendered by QtPdf (pdfium, anti-aliased) at exactly the size it is shown, times the
screen's device pixel ratio, so thin table rules stay visible at every zoom; nothing is a scaled-down
bitmap. The dialog opens within the screen, showing a whole page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

WHOLE_PAGE, PAGE_WIDTH = "page", "width"
ZOOMS = ((WHOLE_PAGE, "整页"), (PAGE_WIDTH, "页宽"), (0.5, "50%"), (0.75, "75%"), (1.0, "100%"), (1.5, "150%"))
POINTS_PER_INCH = 72


class PreviewDialog(QDialog):
    def __init__(self, pages, print_pages: Callable[[], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.pages = pages  # printing.PdfPages: the PDF the printer gets
        self.print_pages = print_pages
        self.index = 0
        self.setWindowTitle(self.tr("打印预览"))
        self.page_label = QLabel()
        self.previous = QPushButton(self.tr("上一页"))
        self.next = QPushButton(self.tr("下一页"))
        self.previous.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.zoom = QComboBox()
        for key, text in ZOOMS:
            self.zoom.addItem(self.tr(text), key)
        self.zoom.currentIndexChanged.connect(lambda _i: self.render())
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setEnabled(print_pages is not None)
        self.print_button.clicked.connect(self._print)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for w in (self.previous, self.next, self.page_label):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("缩放：")))
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setStyleSheet("background:#808890")
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.go(self.index + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.go(self.index - 1))
        self.fit_screen()
        self.go(0)

    def fit_screen(self) -> None:
        """Within the screen it opens on: the whole height less a margin, an A4 page's width and the bar."""
        screen = (self.parent() or self).screen().availableGeometry() if (self.parent() or self).screen() else None
        if screen is None:
            self.resize(800, 700)
            return
        height = screen.height() - 60
        width = min(screen.width() - 40, max(640, round((height - 90) * 210 / 297) + 80))
        self.resize(width, height)
        self.move(screen.left() + (screen.width() - width) // 2, screen.top() + 20)

    def go(self, index: int) -> None:
        self.index = max(0, min(index, self.pages.count - 1))
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < self.pages.count - 1)
        self.page_label.setText(self.tr("第 {0} / {1} 页").format(self.index + 1, self.pages.count))
        self.render()

    def shown_size(self) -> QSize:
        """The page's size on screen, in device-independent pixels, for the chosen zoom."""
        points = self.pages.document.pagePointSize(self.index)
        view = self.scroll.viewport().size()
        key = self.zoom.currentData()
        if key == WHOLE_PAGE:
            scale = min((view.width() - 16) / points.width(), (view.height() - 16) / points.height())
        elif key == PAGE_WIDTH:
            scale = (view.width() - 16) / points.width()
        else:
            scale = float(key) * self.logicalDpiX() / POINTS_PER_INCH
        return QSize(max(50, round(points.width() * scale)), max(50, round(points.height() * scale)))

    def render(self) -> None:
        size = self.shown_size()
        ratio = self.devicePixelRatioF()
        pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
        image = self.pages.document.render(self.index, pixels)
        paper = QImage(pixels, QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)  # the PDF page is transparent where nothing is printed
        painter = QPainter(paper)
        painter.drawImage(0, 0, image)
        painter.end()
        pixmap = QPixmap.fromImage(paper)
        pixmap.setDevicePixelRatio(ratio)
        self.canvas.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() in (WHOLE_PAGE, PAGE_WIDTH):
            QTimer.singleShot(0, self.render)  # once the scroll area has its new size

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.render)

    def _print(self) -> None:
        self.accept()
        if self.print_pages is not None:
            self.print_pages()
