"""The editor window: navigation between the parts, the part being edited, findings, menus."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_TITLE
from ..checks import Place, Severity
from ..formats import ALL_PARTS, PROSE_PARTS, TABLE_PARTS
from ..model import Report, new_report
from .document import Document
from .fileactions import FileActions
from .findingsdock import FindingsDock
from .infopage import InfoPage, SignaturePage
from .pages import ProsePage, TablePage
from .previousyear import PreviousYear
from .recovery import RecoveryWriter
from .settings import load_settings, save_settings
from .startpage import StartPage

SECTIONS = ["info", *(f"part{i}" for i in range(1, 7)), "signature"]
PART_KEYS = {p: f"part{i}" for i, p in enumerate(ALL_PARTS, 1)}
SIGNATURE_FIELDS = {"signature", "date"}


class MainWindow(FileActions, QMainWindow):
    def __init__(self, report: Report | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.recovery = RecoveryWriter()
        self.autosave_ms = int(load_settings().autosave_seconds * 1000)
        self.autosave_timer = QTimer(self, singleShot=True)
        self.autosave_timer.timeout.connect(self.autosave)
        self.nav = QListWidget()
        self.nav.setWordWrap(True)
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(230)
        self.nav.setSpacing(3)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1100])
        self.splitter = splitter
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#fff4d6;border:1px solid #e0c27a;padding:6px 10px;color:#6b4a00;font-weight:bold"
        )
        self.banner.hide()
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(splitter, 1)
        self.start_page = StartPage()
        self.start_page.newRequested.connect(self.new_report_dialog)
        self.start_page.openRequested.connect(self.open_dialog)
        self.start_page.demoRequested.connect(self.open_demo)
        self.start_page.recentRequested.connect(self.open_report_file)
        self.central = QStackedWidget()
        self.central.addWidget(editor)
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.doc: Document | None = None
        self.nav.currentRowChanged.connect(self._nav_changed)
        self._build_menus()
        if report is None:  # a blank report for last year, the one being written in January
            report = new_report(load_settings().agency, dt.date.today().year - 1)
        doc = Document(report, path)
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

    def fit_to_screen(self) -> None:
        """Restore the last geometry, but never larger than the screen (1366×768 agency monitors)."""
        geometry = load_settings().geometry
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (self.width() > screen.width() or self.height() > screen.height()):
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height() - 30))

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
        self.pages: dict[str, object] = {}
        self.info_page = InfoPage(doc)
        self.info_page.yearRequested.connect(self.change_year)
        self.pages["info"] = self.info_page
        for part in ALL_PARTS:
            page = TablePage(doc, part) if part in TABLE_PARTS else ProsePage(doc, part)
            self.pages[PART_KEYS[part]] = page
        self.pages["signature"] = SignaturePage(doc)
        for key in SECTIONS:
            self.stack.addWidget(self.pages[key])
        self.dock.set_document(doc)
        for page in self.table_pages():
            page.view.message.connect(self.show_message)
        doc.findingsChanged.connect(self._update_counts)
        doc.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        doc.modified.connect(self._on_modified)
        self.undo_action_target(doc)
        if old is not None:
            old.deleteLater()
        self._fill_nav()
        self._update_counts()
        self._update_title()
        self._order_tabs()
        self.nav.setCurrentRow(max(0, current))
        self._show_read_only()
        self.show_start(False)
        self.previous_year.install()

    def _order_tabs(self) -> None:
        """Tab goes: navigation, the fields of the part being edited (in their own order), the findings.

        Pages are made anew for each document and would otherwise come after the findings panel."""
        pages = [self.pages[key] for key in SECTIONS]
        fields: list[list[QWidget]] = [[] for _ in pages]
        w, seen = self.nav.nextInFocusChain(), 0
        while w is not self.nav and seen < 5000:
            seen += 1
            parent = w.parentWidget()
            proxied = parent is not None and parent.focusProxy() is w
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not proxied:
                for i, page in enumerate(pages):
                    if page.isAncestorOf(w):
                        fields[i].append(w)
                        break
            w = w.nextInFocusChain()
        chain = [self.nav, *(f for group in fields for f in group), self.findings_panel]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def sync_read_only(self) -> None:
        """Make every page editable or not, after the document's read-only state changed."""
        for page in self.prose_pages():
            page.editor.setReadOnly(self.doc.read_only)
        self.info_page.refresh()
        self.pages["signature"].refresh()
        for page in self.table_pages():
            page.view.viewport().update()
        self._update_title()
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
        self.central.setCurrentWidget(self.start_page if on else self.central.widget(0))
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
        return self.central.currentWidget() is self.start_page

    def close_report(self) -> None:
        """文件→关闭: ask to save, then the start page; the window stays open."""
        if self.on_start_page() or not self.maybe_save():
            return
        self.autosave_timer.stop()
        self.recovery.discard()
        self._release()
        self.unsaved_import = False
        self.set_document(Document(new_report(load_settings().agency, dt.date.today().year - 1)))
        self.show_start(True)

    def table_pages(self) -> list[TablePage]:
        return [self.pages[PART_KEYS[p]] for p in TABLE_PARTS]

    def prose_pages(self) -> list[ProsePage]:
        return [self.pages[PART_KEYS[p]] for p in PROSE_PARTS]

    def _fill_nav(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clear()
        fmt = self.doc.report.format
        for key in SECTIONS:
            if key == "info":
                text = self.tr("报告信息")
            elif key == "signature":
                text = self.tr("落款")
            else:
                text = fmt.heading(ALL_PARTS[int(key[4:]) - 1])
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.blockSignals(False)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.flush_editors()
            self.stack.setCurrentIndex(row)

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(SECTIONS.index(key))

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()]

    def flush_editors(self) -> None:
        """Hand typing still waiting in a prose editor or the opening to the undo stack."""
        if self.doc is None:
            return
        for page in self.prose_pages():
            page.editor.flush()
        self.info_page.commit_opening()

    # ------------------------------------------------------------------ findings

    def reveal(self, place: Place) -> None:
        """Show and select the cell, paragraph or field a finding is about."""
        if place.cells and not (place.part in PROSE_PARTS and place.paragraph is not None):
            ref = place.cells[0]
            self.show_section(PART_KEYS[ref.table])
            page = self.pages[PART_KEYS[ref.table]]
            index = page.model.index_of(ref)
            page.view.setCurrentIndex(index)
            page.view.scrollTo(index)
            page.view.setFocus()
            self.show_message(self.tr("表{0}：{1}").format(ref.table, ref.describe()))
            return
        if place.part in PROSE_PARTS:
            self.show_section(PART_KEYS[place.part])
            if place.paragraph is not None:
                self.pages[PART_KEYS[place.part]].editor.select_paragraph(place.paragraph)
            return
        if place.part:
            self.show_section(PART_KEYS[place.part])
            return
        if place.field in SIGNATURE_FIELDS:
            self.show_section("signature")
            self.pages["signature"].agency.setFocus()
            return
        self.show_section("info")
        ui = self.info_page.ui
        widget = {"title": ui.titleEdit, "opening": ui.openingEdit, "agency": ui.agencyEdit, "format": ui.yearSpin}.get(
            place.field
        )
        if widget is not None:
            widget.setFocus()

    def next_finding(self) -> None:
        items = self.findings_panel.finding_items()
        if not items:
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
        self.dock.show_detail()
        text, errors = self.dock.summary()
        self.counts.setText(text)
        self.counts.setStyleSheet("color:#b00020;font-weight:bold" if errors else "")
        by_section: dict[str, tuple[int, int, int]] = {}
        for f in self.doc.findings:
            p = f.place
            key = PART_KEYS.get(p.part) or ("signature" if p.field in SIGNATURE_FIELDS else "info")
            e, w, t = by_section.get(key, (0, 0, 0))
            pending = self.is_pending(f)
            by_section[key] = (
                e + (f.severity is Severity.ERROR and not pending),
                w + (f.severity is Severity.WARNING and not pending),
                t + pending,
            )
        for row, key in enumerate(SECTIONS):
            e, w, t = by_section.get(key, (0, 0, 0))
            item = self.nav.item(row)
            if item is not None:
                item.setForeground(
                    Qt.GlobalColor.darkRed if e else (Qt.GlobalColor.darkYellow if w else Qt.GlobalColor.black)
                )
                tips = [self.tr("{0} 个错误 · {1} 个警告").format(e, w)] if e or w else []
                if t:
                    tips.append(self.tr("待填写"))
                item.setToolTip("；".join(tips))
                base = item.data(Qt.ItemDataRole.UserRole + 1) or item.text()
                item.setData(Qt.ItemDataRole.UserRole + 1, base)
                item.setText(self.tr("{0}（待填写）").format(base) if t and not e else base)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ menus

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        keys = QKeySequence.StandardKey
        m = bar.addMenu(self.tr("文件(&F)"))
        self._action(m, self.tr("新建…"), self.new_report_dialog, "Ctrl+N")
        self._action(m, self.tr("打开…"), self.open_dialog, "Ctrl+O")
        self.recent_menu = m.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        self.save_action = self._action(m, self.tr("保存"), self.save, "Ctrl+S")
        save_as = self._action(m, self.tr("另存为…"), self.save_as, "Ctrl+Shift+S")
        m.addSeparator()
        close = self._action(m, self.tr("关闭"), self.close_report, "Ctrl+W")
        self._action(m, self.tr("退出"), self.close, "Ctrl+Q")
        self.report_actions = [self.save_action, save_as, close]
        file_menu = m
        m = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self._action(m, self.tr("撤销"), self.undo, "Ctrl+Z")
        self.redo_action = self._action(m, self.tr("重做"), self.redo, "Ctrl+Y")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        m.addSeparator()
        self._action(m, self.tr("加粗（正文）"), self.toggle_bold, "Ctrl+B")
        self.previous_year = PreviousYear(self, file_menu, m, before=close)  # 关联上年报告… and 显示上年数
        m = bar.addMenu(self.tr("检查(&C)"))
        self.report_actions += [
            self._action(m, self.tr("检查全文"), self.doc_recheck, "F5"),
            self._action(m, self.tr("下一个问题"), self.next_finding, "F8"),
        ]
        self._action(m, self.tr("批量审阅…"), self.open_review)
        m = bar.addMenu(self.tr("导出(&X)"))
        self.report_actions += [
            self._action(m, self.tr("导出 Word(.docx)…"), lambda: self.export("docx")),
            self._action(m, self.tr("导出 PDF…"), lambda: self.export("pdf")),
        ]
        m.addSeparator()
        self.report_actions += [
            self._action(m, self.tr("打印预览…"), lambda: self.print_call(preview=True)),
            self._action(m, self.tr("打印…"), lambda: self.print_call(preview=False), keys.Print),
        ]
        m.addSeparator()
        self._action(m, self.tr("导出字体…"), self.choose_fonts)
        m = bar.addMenu(self.tr("帮助(&H)"))
        self._action(m, self.tr("填写说明"), self.show_help, "F1")
        self._action(m, self.tr("关于本工具"), self.show_about)

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
        self.flush_editors()
        self.doc.undo_stack.undo()

    def redo(self) -> None:
        self.flush_editors()
        self.doc.undo_stack.redo()

    def toggle_bold(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, ProsePage):
            page.editor.toggle_bold()
        else:
            self.show_message(self.tr("加粗只用于第一、五、六部分的正文"))

    def doc_recheck(self) -> None:
        self.doc.recheck()
        self.set_strict(True)
        errors = sum(f.severity is Severity.ERROR for f in self.doc.findings)
        self.show_message(self.tr("已检查全文：{0} 个错误").format(errors) if errors else self.tr("已检查全文：没有错误"))

    def open_review(self) -> None:
        from .review_view import ReviewWindow  # loaded when first used: start-up stays short

        self.review_window = ReviewWindow(self)
        self.review_window.openRequested.connect(self._open_from_review)
        self.review_window.show()

    def _open_from_review(self, path: str) -> None:
        if self.open_report_file(path) and self.doc.findings:
            self.reveal(self.doc.findings[0].place)

    def export(self, kind: str) -> None:
        self.flush_editors()
        self.set_strict(True)
        from .printing import export_from_window  # loaded when first used (QtPdf): start-up stays short

        suggested = self.doc.path.with_suffix(f".{kind}") if self.doc.path else None
        path = export_from_window(self, self.report, kind, suggested)
        if path:
            self.show_message(self.tr("已导出：{0}").format(path))

    def print_call(self, preview: bool) -> None:
        self.flush_editors()
        self.set_strict(True)
        from . import printing  # QtPdf and QtPrintSupport load when first used: start-up stays short

        (printing.preview_report if preview else printing.print_report)(self, self.report)

    def choose_fonts(self) -> None:
        from .fontsdialog import FontsDialog

        FontsDialog(self).exec()

    def show_help(self) -> None:
        """F1: the user guide, inside the program (bundled, offline)."""
        from .helpview import HelpWindow

        if getattr(self, "help_window", None) is None:
            self.help_window = HelpWindow(self)
        self.help_window.show()
        self.help_window.raise_()

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        if event.isAccepted():  # remember the size of the findings panel (and the docks) for next time
            settings = load_settings()
            settings.window_state = bytes(self.saveState().data())
            save_settings(settings)

    def show_about(self) -> None:
        from .aboutdialog import show_about

        show_about(self)  # versions and the log folder (issue #15 item 3)
