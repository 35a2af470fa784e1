"""导出字体: which font file each role of the exported document uses (settings.font_overrides)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..exporters import layout as document_layout
from .settings import FONT_ROLES, load_settings, save_settings

FONT_SUFFIXES = {".ttf", ".otf", ".ttc"}


class FontsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出字体"))
        names = {
            role: self.tr("{0}（{1}）：").format(self.tr(document_layout.ROLE_NAMES[role]), document_layout.OFFICIAL_FONTS[role])
            for role in FONT_ROLES
        }
        current = load_settings().font_overrides
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for role in FONT_ROLES:
            edit = QLineEdit(current.get(role, ""))
            edit.setPlaceholderText(self.tr("默认（程序自带或系统字体）"))
            browse = QPushButton(self.tr("选择…"))
            browse.clicked.connect(lambda _c=False, e=edit: self._browse(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(browse)
            form.addRow(names[role], row)
            self.edits[role] = edit
        note = QLabel(self.tr("只在导出 Word/PDF 和打印时使用。留空则使用默认字体。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择字体文件"), edit.text(), "字体 (*.ttf *.otf *.ttc)")
        if path:
            edit.setText(path)

    def chosen(self) -> dict[str, str]:
        return {role: e.text().strip() for role, e in self.edits.items() if e.text().strip()}

    def accept(self) -> None:
        for role, path in self.chosen().items():
            p = Path(path)
            if p.suffix.lower() not in FONT_SUFFIXES or not p.is_file():
                QMessageBox.warning(
                    self, self.windowTitle(), self.tr("“{0}”不是可用的字体文件（.ttf、.otf 或 .ttc）。").format(path)
                )
                self.edits[role].setFocus()
                return
        settings = load_settings()
        settings.font_overrides = self.chosen()
        save_settings(settings)
        super().accept()
