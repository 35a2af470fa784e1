"""Export and print from the window. Printing renders the exported PDF's pages (QtPdf), so paper
matches the PDF exactly; preview, page range and copies come from Qt's print dialogs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..model.report import Report, default_title

PRINT_DPI = 300
KINDS = {  # translated where shown
    "docx": (QT_TRANSLATE_NOOP("Printing", "Word 文档 (*.docx)"), ".docx", "Word"),
    "pdf": (QT_TRANSLATE_NOOP("Printing", "PDF 文件 (*.pdf)"), ".pdf", "PDF"),
}


def _tr(text: str) -> str:
    """A user text of this module, through Qt's translation (these are functions, not QObjects)."""
    return QCoreApplication.translate("Printing", text)
MAX_LISTED_ERRORS = 8


def font_overrides() -> dict[str, str]:
    """The font files the user chose in the settings (the settings module is the window's)."""
    from .settings import load_settings

    try:
        return dict(getattr(load_settings(), "font_overrides", {}) or {})
    except Exception:  # unreadable settings must not stop an export; defaults are correct
        return {}


def _errors_of(report: Report) -> list[str]:
    from ..checks import check_report
    from ..checks.findings import Severity

    return [f"{f.place.describe()}：{f.message}" for f in check_report(report) if f.severity is Severity.ERROR]


def confirm_despite_errors(parent: QWidget | None, report: Report, what: str) -> bool:
    """Warn, naming the errors, before a report with errors leaves the office; never refuse."""
    errors = _errors_of(report)
    if not errors:
        return True
    listed = "\n".join(f"· {e}" for e in errors[:MAX_LISTED_ERRORS])
    more = _tr("\n……另有 {0} 个错误").format(len(errors) - MAX_LISTED_ERRORS) if len(errors) > MAX_LISTED_ERRORS else ""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("报告有错误"))
    box.setText(_tr("该报告有 {0} 个错误，{1}前请核对：").format(len(errors), what))
    box.setInformativeText(listed + more)
    go = box.addButton(_tr("仍然{0}").format(what), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(_tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)  # Enter goes back to the report, not on with its errors
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is go


def _suggested_name(report: Report, suffix: str) -> str:
    name = report.title or default_title(report.agency, report.year)
    return "".join("_" if c in '\\/:*?"<>|' else c for c in name) + suffix


def export_from_window(parent: QWidget | None, report: Report, kind: str, suggested: str | Path | None = None) -> Path | None:
    """Ask where, warn about errors, write the .docx or PDF; the path written, or None."""
    from ..exporters import ExportError, unprintable, unprintable_message, write_docx, write_pdf

    file_filter, suffix, label = KINDS[kind]
    if not confirm_despite_errors(parent, report, _tr("导出")):
        return None
    start = str(suggested) if suggested else _suggested_name(report, suffix)
    chosen, _ = QFileDialog.getSaveFileName(parent, _tr("导出 {0}").format(label), start, _tr(file_filter))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    def write() -> None:
        if kind == "docx":
            write_docx(report, path)
        else:
            write_pdf(report, path, font_overrides())

    try:
        run_with_progress(parent, _tr("导出 {0}").format(label), _tr("正在导出……"), write)
        missing = unprintable(report, font_overrides()) if kind == "pdf" else ""
    except ExportError as exc:
        QMessageBox.critical(parent, _tr("无法导出"), str(exc))
        return None
    if missing:
        QMessageBox.warning(parent, _tr("个别字符无法显示"), unprintable_message(missing))
    return path


def run_with_progress[T](parent: QWidget | None, title: str, text: str, work: Callable[[], T]) -> T:
    """Run ``work`` off the GUI thread; a busy dialog appears if it takes longer than 0.3 s."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(work)
        progress = QProgressDialog(text, "", 0, 0, parent)
        progress.setWindowTitle(title)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setValue(0)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            while not future.done():
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
                time.sleep(0.01)
        finally:
            QGuiApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()
        return future.result()


# ---------------------------------------------------------------- printing


class PdfPages:
    """The report's PDF, loaded in QtPdf for painting onto printer pages."""

    def __init__(self, data: bytes) -> None:
        self.data = QByteArray(data)
        self.buffer = QBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise RuntimeError("QtPdf could not read the exported PDF")

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def pages_for(self, printer: QPrinter) -> list[int]:
        """0-based pages the printer was asked for (its page range, else all)."""
        first, last = printer.fromPage(), printer.toPage()
        if printer.printRange() == QPrinter.PrintRange.PageRange and first > 0:
            last = min(last or self.count, self.count)
            return list(range(first - 1, last))
        return list(range(self.count))

    def paint(self, printer: QPrinter) -> int:
        """Paint the requested pages (times the copies the printer cannot make itself); pages painted."""
        pages = self.pages_for(printer)
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("the printer could not start")
        painted = 0
        try:
            target = QRect(0, 0, printer.width(), printer.height())
            if printer.fullPage():
                target = printer.pageLayout().fullRectPixels(printer.resolution())
            for _ in range(copies):
                for index in pages:
                    if painted:
                        printer.newPage()
                    points = self.document.pagePointSize(index)
                    size = QSize(round(points.width() / 72 * PRINT_DPI), round(points.height() / 72 * PRINT_DPI))
                    image = self.document.render(index, size)
                    painter.drawImage(target, image)
                    painted += 1
        finally:
            painter.end()
        return painted


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setDocName(_tr("政府信息公开工作年度报告"))
    return printer


def _pages_of(parent: QWidget | None, report: Report) -> PdfPages | None:
    from ..exporters import ExportError, pdf_bytes

    overrides = font_overrides()
    try:
        data = run_with_progress(parent, _tr("打印"), _tr("正在排版……"), lambda: pdf_bytes(report, overrides))
    except ExportError as exc:
        QMessageBox.critical(parent, _tr("无法打印"), str(exc))
        return None
    return PdfPages(data)


def preview_report(parent: QWidget | None, report: Report) -> None:
    pages = _pages_of(parent, report)
    if pages is None:
        return
    from .preview import PreviewDialog  # the pages rendered at screen resolution, within the screen

    PreviewDialog(pages, lambda: print_report(parent, report), parent).exec()


def print_report(parent: QWidget | None, report: Report) -> None:
    if not confirm_despite_errors(parent, report, _tr("打印")):
        return
    pages = _pages_of(parent, report)
    if pages is None:
        return
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    printer.setFromTo(1, pages.count)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    try:
        pages.paint(printer)
    except RuntimeError:
        QMessageBox.critical(parent, _tr("无法打印"), _tr("打印机无法开始打印，请检查打印机是否已连接并处于就绪状态。"))
