"""The editor window: navigation between the parts, the part being edited, findings, menus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
)

from .. import APP_TITLE
from ..checks import Place, Severity
from ..formats import PROSE_PARTS, TABLE_PARTS
from ..model import Report, new_report
from .aboutdialog import show_about
from .document import Document
from .fileactions import FileActions
from .findingsdock import FindingsDock
from .infopage import InfoPage, SignaturePage
from .lazypages import LazyPages
from .menus import build_menus
from .sections import PART_KEYS, SECTIONS, editor_area, fill_nav, mark_nav, order_tabs, reveal
from .settings import load_settings, save_settings
from .startpage import StartPage

if TYPE_CHECKING:
    from .pages import ProsePage, TablePage

TABLE_KEYS = {PART_KEYS[p] for p in TABLE_PARTS}
PROSE_KEYS = {PART_KEYS[p] for p in PROSE_PARTS}


class MainWindow(QMainWindow):
    def __init__(self, report: Report | None = None, path: Path | None = None) -> None:
        super().__init__()
        self._painted = False
        self.setWindowTitle(APP_TITLE)
        self.doc: Document | None = None
        self.files = FileActions(self)  # new, open, save, autosave, recovery
        self.nav, self.stack, self.banner = QListWidget(), QStackedWidget(), QLabel()
        editor, self.splitter = editor_area(self.nav, self.stack, self.banner)
        self._start_page: StartPage | None = None  # made when first shown (文件→关闭)
        self.central = QStackedWidget()
        self.central.addWidget(editor)
        self.setCentralWidget(self.central)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.nav.currentRowChanged.connect(self._nav_changed)
        menus = build_menus(self)
        self.recent_menu, self.save_action, self.report_actions = menus.recent, menus.save, menus.report_actions
        self.undo_action, self.redo_action, self.previous_year = menus.undo, menus.redo, menus.previous_year
        if report is None:  # a blank report for last year, the one being written in January
            report = new_report(load_settings().agency, dt.date.today().year - 1)
        doc = Document(report, path, check_now=False)  # checked after the first paint
        self.dock = FindingsDock(doc, self)
        self.findings_panel = self.dock.panel
        self.finding_detail = self.dock.detail
        self.dock.findingActivated.connect(lambda f: self.reveal(f.place))
        self.dock.strictChanged.connect(self._update_counts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.set_document(doc)
        self.fit_to_screen()
        state = load_settings().window_state
        if not state or not self.restoreState(state):  # the findings panel as the clerk last sized it
            self.resizeDocks([self.dock], [170], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:
        self.pages[SECTIONS[self.stack.currentIndex()]]  # the page shown is built (the others when selected)
        super().showEvent(event)

    def paintEvent(self, event) -> None:
        if not self._painted:
            # The report is on screen: now its checks (with the import of their rules, ~25 ms together),
            # then the findings panel, the counts and the navigation's marks; and the tab order.
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)
        super().paintEvent(event)

    def _after_first_paint(self) -> None:
        self._order_tabs()
        if self.doc is not None:
            self.doc.ensure_checked()

    def fit_to_screen(self) -> None:
        """Restore the last geometry, but never larger than the screen (1366×768 agency monitors)."""
        geometry = load_settings().geometry
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (self.width() > screen.width() or self.height() > screen.height()):
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height() - 30))

    # ------------------------------------------------------------------ files (tests, app.py, tools call these)

    def new_report_dialog(self) -> None:
        self.files.new_report_dialog()

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def open_report_file(self, path: str | Path) -> bool:
        return self.files.open_report_file(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    # ------------------------------------------------------------------ document and pages

    @property
    def report(self) -> Report:
        return self.doc.report

    def set_document(self, doc: Document) -> None:
        old = self.doc
        current = self.nav.currentRow()
        self.doc = doc
        while self.stack.count():
            w = self.stack.widget(0)
            self.stack.removeWidget(w)
            w.deleteLater()
        self.previous_year.install()  # before any page: each table page gets its overlay as it is built
        self.pages = LazyPages(self.stack, SECTIONS, self._make_page, self._page_built)
        self.dock.set_document(doc)
        doc.findingsChanged.connect(self._update_counts)
        doc.undo_stack.cleanChanged.connect(lambda _c: self.files.update_title())
        doc.modified.connect(self.files.on_modified)
        self.undo_action_target(doc)
        if old is not None:
            old.deleteLater()
        self.refresh_nav()
        self._update_counts()
        self.files.update_title()
        self.nav.setCurrentRow(max(0, current))  # builds the page shown
        self._show_read_only()
        self.show_start(False)
        if self._painted:  # else right after the first paint (see event)
            doc.ensure_checked()

    def _make_page(self, key: str):
        doc = self.doc
        if key == "info":
            page = InfoPage(doc)
            page.yearRequested.connect(self.files.change_year)
            return page
        if key == "signature":
            return SignaturePage(doc)
        # lazy: the first page shown is the information page; saves ~15 ms before the first paint
        from .pages import ProsePage, TablePage

        part = next(p for p, k in PART_KEYS.items() if k == key)
        return TablePage(doc, part) if part in TABLE_PARTS else ProsePage(doc, part)

    def _page_built(self, key: str, page) -> None:
        if key in TABLE_KEYS:
            page.view.message.connect(self.show_message)
            self.previous_year.add_page(page)
        if self._painted:  # else after the first paint
            self._order_tabs()

    @property
    def info_page(self) -> InfoPage:
        return self.pages["info"]

    def _order_tabs(self) -> None:
        order_tabs(self.nav, self.pages.built(), self.findings_panel)

    def sync_read_only(self) -> None:
        """Make every page editable or not, after the document's read-only state changed."""
        for key, page in self.pages.built_items():  # a page built later reads the state when it is made
            if key in PROSE_KEYS:
                page.editor.setReadOnly(self.doc.read_only)
            elif key in TABLE_KEYS:
                page.view.viewport().update()
            else:
                page.refresh()
        self.files.update_title()
        self._show_read_only()

    def _show_read_only(self) -> None:
        """The banner stays at the top for as long as the report is read-only."""
        doc = self.doc
        if doc.read_only:
            name = doc.path.name if doc.path else ""
            self.banner.setText(
                self.tr("只读：“{0}”正在另一个窗口中编辑。此处可以查看、检查、导出和打印；要修改，请“另存为”一个新文件。").format(
                    name
                )
            )
        self.banner.setVisible(doc.read_only)

    # ------------------------------------------------------------------ start page

    def show_start(self, on: bool) -> None:
        """The start page instead of a report (after 文件→关闭); the report's commands rest meanwhile."""
        if on:
            self.start_page.refresh()
        self.central.setCurrentWidget(self.start_page if on else self.central.widget(0))  # the editor: widget 0
        self.dock.setVisible(not on)
        for action in getattr(self, "report_actions", []):
            action.setEnabled(not on)
        if on:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            self.counts.clear()
            self.statusBar().clearMessage()
            self.setWindowTitle(APP_TITLE)

    def on_start_page(self) -> bool:
        return self._start_page is not None and self.central.currentWidget() is self._start_page

    @property
    def start_page(self) -> StartPage:
        if self._start_page is None:
            page = self._start_page = StartPage()
            page.newRequested.connect(self.new_report_dialog)
            page.openRequested.connect(self.open_dialog)
            page.demoRequested.connect(self.files.open_demo)
            page.recentRequested.connect(self.open_report_file)
            self.central.addWidget(page)
        return self._start_page

    def close_report(self) -> None:
        """文件→关闭: ask to save, then the start page; the window stays open."""
        if self.on_start_page() or not self.files.maybe_save():
            return
        self.files.release_report()
        self.set_document(Document(new_report(load_settings().agency, dt.date.today().year - 1), check_now=False))
        self.show_start(True)

    def table_pages(self) -> list[TablePage]:
        """Every table page (building those not yet shown)."""
        return [self.pages[PART_KEYS[p]] for p in TABLE_PARTS]

    def prose_pages(self) -> list[ProsePage]:
        return [self.pages[PART_KEYS[p]] for p in PROSE_PARTS]

    def refresh_nav(self) -> None:
        """The navigation's rows for the report's format, with their marks (after a conversion too)."""
        fill_nav(self.nav, self.doc.report.format)
        if self.doc.checked:
            mark_nav(self.nav, self.doc.findings, self.is_pending)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.flush_editors()
            if self.isVisible():  # else when the window is shown (see showEvent)
                self.pages[SECTIONS[row]]  # built when first shown
            self.stack.setCurrentIndex(row)

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(SECTIONS.index(key))

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()]

    def flush_editors(self) -> None:
        """Hand typing still waiting in a prose editor or the opening to the undo stack."""
        if self.doc is None:
            return
        for key, page in self.pages.built_items():
            if key in PROSE_KEYS:
                page.editor.flush()
            elif key == "info":
                page.commit_opening()

    # ------------------------------------------------------------------ findings

    def reveal(self, place: Place) -> None:
        """Show and select the cell, paragraph or field a finding is about."""
        reveal(place, self.pages, self.show_section, self.show_message)

    def next_finding(self) -> None:
        items = self.findings_panel.finding_items()
        if not items:  # F8 says so rather than doing nothing
            self.show_message(self.tr("没有发现问题"))
            return
        current = self.findings_panel.currentItem()
        idx = next((i for i, (it, _f) in enumerate(items) if it is current), -1)
        item, finding = items[(idx + 1) % len(items)]
        self.findings_panel.setCurrentItem(item)
        self.reveal(finding.place)

    def is_pending(self, finding) -> bool:
        return self.dock.is_pending(finding)

    def set_strict(self, on: bool = True) -> None:
        self.dock.set_strict(on)

    def _update_counts(self) -> None:
        """The status bar's counts and the navigation's marks (red, yellow, 待填写) after every check."""
        if not self.doc.checked:  # a new document before the window's first paint: after its checks
            self.counts.clear()
            return
        self.dock.show_detail()
        text, errors = self.dock.summary()
        self.counts.setText(text)
        self.counts.setStyleSheet("color:#b00020;font-weight:bold" if errors else "")
        mark_nav(self.nav, self.doc.findings, self.is_pending)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ menus (ui/menus.py)

    def undo_action_target(self, doc: Document) -> None:
        stack = doc.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_texts)
        stack.redoTextChanged.connect(self._undo_texts)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self._undo_texts()

    def _undo_texts(self, _text: str = "") -> None:
        """撤销/重做 say what they will undo: “撤销 粘贴 6 个单元格”."""
        try:
            stack = self.doc.undo_stack
            undo, redo = stack.undoText(), stack.redoText()
        except RuntimeError:  # the stack signals once more while the window is destroyed
            return
        self.undo_action.setText(self.tr("撤销 {0}").format(undo) if undo else self.tr("撤销"))
        self.redo_action.setText(self.tr("重做 {0}").format(redo) if redo else self.tr("重做"))

    def undo(self) -> None:
        """Ctrl+Z: the last edit, wherever it was; the status bar says which (it may be on another page)."""
        self.flush_editors()
        stack = self.doc.undo_stack
        text = stack.undoText() if stack.canUndo() else ""
        stack.undo()
        if text:
            self.show_message(self.tr("已撤销：{0}").format(text))

    def redo(self) -> None:
        self.flush_editors()
        stack = self.doc.undo_stack
        text = stack.redoText() if stack.canRedo() else ""
        stack.redo()
        if text:
            self.show_message(self.tr("已重做：{0}").format(text))

    def toggle_bold(self) -> None:
        if self.current_section() in PROSE_KEYS:
            self.stack.currentWidget().editor.toggle_bold()
        else:
            self.show_message(self.tr("加粗只用于第一、五、六部分的正文"))

    def doc_recheck(self) -> None:
        self.doc.recheck()
        self.set_strict(True)
        errors = sum(f.severity is Severity.ERROR for f in self.doc.findings)
        self.show_message(self.tr("已检查全文：{0} 个错误").format(errors) if errors else self.tr("已检查全文：没有错误"))

    def open_review(self) -> None:
        from .review_view import ReviewWindow  # lazy: saves ~23 ms at start-up

        self.review_window = ReviewWindow(self)
        self.review_window.openRequested.connect(self._open_from_review)
        self.review_window.show()

    def _open_from_review(self, path: str) -> None:
        if self.open_report_file(path) and self.doc.findings:
            self.reveal(self.doc.findings[0].place)

    def export(self, kind: str) -> None:
        self.flush_editors()
        self.set_strict(True)
        from .printing import export_from_window  # lazy: saves ~11 ms at start-up (QtPdf)

        suggested = self.doc.path.with_suffix(f".{kind}") if self.doc.path else None
        path = export_from_window(self, self.report, kind, suggested)
        if path:
            self.show_message(self.tr("已导出：{0}").format(path))

    def print_call(self, preview: bool) -> None:
        self.flush_editors()
        self.set_strict(True)
        from . import printing  # lazy: saves ~11 ms at start-up (QtPdf, QtPrintSupport)

        (printing.preview_report if preview else printing.print_report)(self, self.report)

    def choose_fonts(self) -> None:
        from .fontsdialog import FontsDialog  # lazy: saves ~1 ms at start-up

        FontsDialog(self).exec()

    def show_help(self) -> None:
        """F1: the user guide, inside the program (bundled, offline)."""
        if getattr(self, "help_window", None) is None:
            from .helpview import HelpWindow  # lazy: saves ~1 ms at start-up

            self.help_window = HelpWindow(self)
        self.help_window.show()
        self.help_window.raise_()

    def closeEvent(self, event) -> None:
        if not self.files.close():
            event.ignore()
            return
        settings = load_settings()  # the window's size, and the findings panel's (and the docks') for next time
        settings.geometry = bytes(self.saveGeometry().data())
        settings.window_state = bytes(self.saveState().data())
        save_settings(settings)
        event.accept()

    def show_about(self) -> None:
        show_about(self)  # versions and the log folder (issue #15 item 3)
