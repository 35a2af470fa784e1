"""Export and print from the window. Printing renders the exported PDF's pages (QtPdf) at the
printer's own resolution (600 dpi at least where the printer offers it), in bands, so paper matches
the PDF exactly; preview, page range and copies come from Qt's print dialogs.

Errors are not checked again here: the window's document holds its findings (``Document.findings``,
kept current on every edit). They are passed in, or taken from ``parent.doc`` when it holds this
report; only a caller with neither (a test, a script) runs the checks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..checks import check_report
from ..checks.findings import Finding, Severity
from ..exporters import ExportError, pdf_bytes, unknown_message, unprintable, unprintable_message, write_docx, write_pdf
from ..model.report import Report, default_title
from .preview import PreviewDialog
from .settings import load_settings

MIN_DPI = 600  # asked of a printer that offers it; a lower native resolution is raised to it
MAX_DPI = 600  # beyond this the bands only cost time (4x at 1200 dpi); office lasers print 600 dpi
BAND_PIXELS = 1024  # rows rendered at a time (a whole A4 page at 1200 dpi would be 557 MB)
KINDS = {"docx": ("Word 文档 (*.docx)", ".docx", "Word"), "pdf": ("PDF 文件 (*.pdf)", ".pdf", "PDF")}  # filters: _tr() at use
MAX_LISTED_ERRORS = 8


def _tr(text: str) -> str:
    """User-visible text through Qt's translation (these are functions, not QObjects with tr())."""
    return QCoreApplication.translate("printing", text)


def font_overrides() -> dict[str, str]:
    """The font files the user chose in the settings (the settings module is the window's)."""
    try:
        return dict(getattr(load_settings(), "font_overrides", {}) or {})
    except Exception:  # unreadable settings must not stop an export; defaults are correct
        return {}


def held_findings(parent: QWidget | None, report: Report) -> list[Finding] | None:
    """The findings the window's document already holds for ``report`` (None if there is no such document)."""
    doc = getattr(parent, "doc", None)
    if doc is not None and getattr(doc, "report", None) is report:
        return list(doc.findings)
    return None


def _errors_of(parent: QWidget | None, report: Report, findings: list[Finding] | None) -> list[str]:
    if findings is None:
        findings = held_findings(parent, report)
    if findings is None:
        findings = check_report(report)
    return [f"{f.place.describe()}：{f.message}" for f in findings if f.severity is Severity.ERROR]


def confirm_despite_errors(parent: QWidget | None, report: Report, what: str,
                           findings: list[Finding] | None = None) -> bool:
    """Warn, naming the errors, before a report with errors leaves the office; never refuse."""
    errors = _errors_of(parent, report, findings)
    if not errors:
        return True
    listed = "\n".join(f"· {e}" for e in errors[:MAX_LISTED_ERRORS])
    more = _tr("\n……另有 {0} 个错误").format(len(errors) - MAX_LISTED_ERRORS) if len(errors) > MAX_LISTED_ERRORS else ""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("报告有错误"))
    box.setText(_tr("该报告有 {0} 个错误，{1}前请核对：").format(len(errors), _tr(what)))
    box.setInformativeText(listed + more)
    go = box.addButton(_tr("仍然{0}").format(_tr(what)), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(_tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)  # Enter goes back to the report, not on with its errors
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is go


def _suggested_name(report: Report, suffix: str) -> str:
    name = report.title or default_title(report.agency, report.year)
    return "".join("_" if c in '\\/:*?"<>|' else c for c in name) + suffix


def export_from_window(parent: QWidget | None, report: Report, kind: str, suggested: str | Path | None = None,
                       findings: list[Finding] | None = None) -> Path | None:
    """Ask where, warn about errors, write the .docx or PDF; the path written, or None."""
    file_filter, suffix, label = KINDS[kind]
    if not confirm_despite_errors(parent, report, "导出", findings):
        return None
    start = str(suggested) if suggested else _suggested_name(report, suffix)
    chosen, _ = QFileDialog.getSaveFileName(parent, _tr("导出 {0}").format(label), start, _tr(file_filter))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    def write() -> None:
        if kind == "docx":  # its tables break where the PDF's do, so it is laid out with the PDF's fonts
            write_docx(report, path, font_overrides())
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
    if unknown_message(report):
        QMessageBox.warning(parent, _tr("有未知的数字"), unknown_message(report))
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

    def paint(self, printer: QPrinter, progress: Callable[[int, int], None] | None = None) -> int:
        """Paint the requested pages (times the copies the printer cannot make itself); pages painted.
        ``progress(done, total)`` is called after each page (a page at 600 dpi takes about a second)."""
        pages = self.pages_for(printer)
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        use_resolution(printer)
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
                    self.paint_page(painter, index, target)
                    painted += 1
                    if progress is not None:
                        progress(painted, copies * len(pages))
        finally:
            painter.end()
        return painted

    def paint_page(self, painter: QPainter, index: int, target: QRect) -> None:
        """Page ``index`` rendered at the device's own pixel size (capped at MAX_DPI), in bands."""
        points = self.document.pagePointSize(index)
        scale = min(1.0, MAX_DPI / 72 * points.width() / max(1, target.width()))
        size = QSize(round(target.width() * scale), round(target.height() * scale))
        for top in range(0, size.height(), BAND_PIXELS):
            band = min(BAND_PIXELS, size.height() - top)
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(size)
            options.setScaledClipRect(QRect(0, top, size.width(), band))
            image = self.document.render(index, QSize(size.width(), band), options)
            y = target.y() + top / scale
            painter.drawImage(QRectF(target.x(), y, target.width(), band / scale), image)


def use_resolution(printer: QPrinter) -> int:
    """Raise the printer to MIN_DPI where it offers that (before painting starts); its resolution."""
    if printer.resolution() < MIN_DPI:
        offered = sorted(r for r in printer.supportedResolutions() if r >= MIN_DPI)
        if offered:
            printer.setResolution(offered[0])
    return printer.resolution()


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setDocName(_tr("政府信息公开工作年度报告"))
    return printer


def _pages_of(parent: QWidget | None, report: Report) -> PdfPages | None:
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
    PreviewDialog(pages, lambda: print_report(parent, report), parent).exec()


def print_report(parent: QWidget | None, report: Report, findings: list[Finding] | None = None) -> None:
    if not confirm_despite_errors(parent, report, "打印", findings):
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
    busy = QProgressDialog(_tr("正在打印……"), "", 0, 0, parent)
    busy.setWindowTitle(_tr("打印"))
    busy.setCancelButton(None)
    busy.setMinimumDuration(300)
    busy.setWindowModality(Qt.WindowModality.WindowModal)

    def progress(done: int, total: int) -> None:
        busy.setMaximum(total)
        busy.setValue(done)
        busy.setLabelText(_tr("正在打印第 {0} 页，共 {1} 页……").format(done, total))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    try:
        pages.paint(printer, progress)
    except RuntimeError:
        QMessageBox.critical(parent, _tr("无法打印"), _tr("打印机无法开始打印，请检查打印机是否已连接并处于就绪状态。"))
    finally:
        busy.close()
        busy.deleteLater()
