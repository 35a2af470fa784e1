"""The start page: shown after 文件→关闭, with new, open, the demo and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from .. import APP_TITLE
from .settings import load_settings


def recent_label(path: str) -> str:
    """A recent file as a clerk looks for it: the file name first, then the folder it is in."""
    p = Path(path)
    return f"{p.name}　—　{p.parent}"


class StartPage(QWidget):
    newRequested = Signal()  # noqa: N815 - Qt signal naming
    openRequested = Signal()  # noqa: N815 - Qt signal naming
    demoRequested = Signal()  # noqa: N815 - Qt signal naming
    recentRequested = Signal(str)  # noqa: N815 - Qt signal naming; the path

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        title = QLabel(APP_TITLE)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("没有打开的报告。新建一份报告（可从上年的报告开始），或打开已有的报告。"))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建报告…"))
        self.open_button = QPushButton(self.tr("打开…"))
        self.demo_button = QPushButton(self.tr("打开示例报告"))
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumHeight(34)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemClicked.connect(self._open_recent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(18)
        layout.addWidget(QLabel(self.tr("最近打开（单击打开）：")))
        layout.addWidget(self.recent, 1)

    def refresh(self) -> None:
        self.recent.clear()
        files = load_settings().recent_files
        for f in files:
            item = QListWidgetItem(recent_label(f))
            item.setData(Qt.ItemDataRole.UserRole, f)
            item.setToolTip(f)
            self.recent.addItem(item)
        if not files:
            item = QListWidgetItem(self.tr("（无）"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recentRequested.emit(path)
