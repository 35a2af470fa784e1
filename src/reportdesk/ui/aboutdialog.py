"""帮助→关于 (versions, the log folder) and the message for an error no code foresaw.

Both read ``diagnostics``: the versions, and the log where unexpected exceptions are written
(without report content). The message replaces a traceback: what happened in Chinese, that the
report is still open, and a 复制诊断信息 button that puts the scrubbed details on the clipboard.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_TITLE

_showing = False  # one message at a time: an error inside the message's own event loop is only logged


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def show_about(parent) -> None:
    """Versions, and a button that opens the folder of the diagnostic log."""
    from .. import diagnostics  # lazy: logging.handlers and platform; saves ~9 ms before the first paint

    lines = [f"{k}：{v}" for k, v in diagnostics.versions().items()]
    box = QMessageBox(QMessageBox.Icon.Information, _tr("关于 ReportDesk"), "", QMessageBox.StandardButton.Close, parent)
    box.setText(_tr("ReportDesk — 政府信息公开工作年度报告编制工具"))
    box.setInformativeText("\n".join(lines) + "\n\n" + _tr("诊断日志：{0}").format(diagnostics.log_file()))
    open_logs = box.addButton(_tr("打开日志文件夹"), QMessageBox.ButtonRole.ActionRole)
    open_logs.clicked.connect(open_log_folder)
    box.exec()


def open_log_folder() -> bool:
    from .. import diagnostics  # lazy: as in show_about

    folder = diagnostics.log_file().parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_unexpected(parent, what: str, details: str) -> None:
    """``what`` went wrong; the report stays open. 复制诊断信息 copies ``details`` (no report content)."""
    global _showing
    if _showing:
        return
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, what, QMessageBox.StandardButton.Ok, parent)
        box.setInformativeText(
            _tr(
                "程序遇到了一个意外错误。您的报告仍在窗口中，请先保存（或“另存为”一个新文件）。\n"
                "详情已写入诊断日志；如需技术支持，请点“复制诊断信息”后粘贴发给支持人员（不含报告内容）。"
            )
        )
        copy = box.addButton(_tr("复制诊断信息"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        box.exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    """Exceptions escaping a Qt slot: logged and shown as ``show_unexpected``, never a traceback."""
    def hook(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        from .. import diagnostics  # lazy: as in show_about

        details = diagnostics.log_exception(exc, "窗口")
        parent = QApplication.activeWindow()
        try:
            show_unexpected(parent, _tr("操作未能完成（{0}）").format(kind.__name__), details)
        except Exception:  # the message itself failed: the log has it
            pass

    sys.excepthook = hook
