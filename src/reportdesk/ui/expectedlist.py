"""The 应报名单 (agencies that must report) of the review and 汇总 windows: chosen, read, shown on its button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from ..review.aggregate import AggregateError, read_expected


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExpectedList", text)


def ask_expected_file(parent: QWidget, start: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("选择应报机关名单"), start, _tr("文本文件 (*.txt);;所有文件 (*)")
    )
    return path or None


def read_expected_into(parent: QWidget, button: QPushButton, path: str | None) -> tuple[bool, list[str] | None]:
    """(read, the list): None clears it; a file that cannot be read is said, and (False, None) returned."""
    if path is None:
        button.setText(_tr("应报名单…"))
        return True, None
    try:
        expected = read_expected(path)
    except AggregateError as exc:
        QMessageBox.warning(parent, _tr("应报名单"), str(exc))
        return False, None
    button.setText(_tr("名单：{0} 个机关").format(len(expected)))
    return True, expected
