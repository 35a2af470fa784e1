"""帮助→填写说明 (F1): the user guide, rendered inside the program from the copy shipped in resources.

``resources/help/`` holds ``docs/user-guide.md`` and its images (``python tools/bundle_guide.py``
copies them; a test checks the copy is current), so the frozen program has the guide offline.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .. import APP_TITLE, paths

IMAGE_WIDTH = 640  # pixels a screenshot is shown at in the guide


def _slug(text: str) -> str:
    return "".join(ch for ch in text.strip().lower().replace(" ", "-") if ch.isalnum() or ch in "-_")


def guide_path():
    return paths.resource("help", "user-guide.md")


class HelpWindow(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("填写说明 — {0}").format(APP_TITLE))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # links are followed by _anchor: the guide's own links are headings
        self.browser.anchorClicked.connect(self._anchor)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(self.tr("找不到使用说明文件：{0}").format(path))
        self.fit_images(IMAGE_WIDTH)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None and parent.screen() else None
        if screen is not None:
            self.resize(min(900, screen.width() - 60), screen.height() - 80)
        else:
            self.resize(900, 680)

    def fit_images(self, width: int) -> None:
        """Screenshots as wide as the text, not as wide as the screen they were taken on."""
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    source = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                    natural = source.width() if hasattr(source, "width") else 0
                    if not natural or natural > width:
                        image.setWidth(width)
                        if natural:
                            image.setHeight(source.height() * width / natural)
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.show_heading(url.fragment())

    def show_heading(self, anchor: str) -> bool:
        """Scroll to the heading a table-of-contents link names (GitHub's anchors: “#一安装”)."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and _slug(block.text()) == _slug(anchor):
                cursor = QTextCursor(block)
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())  # then back up: the heading ends at the top
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False

    def text(self) -> str:
        return self.browser.toPlainText()
