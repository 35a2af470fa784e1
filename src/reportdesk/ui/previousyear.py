"""Last year beside this year in the tables: 文件→关联上年报告… and the 显示上年数 toggle.

Each table cell that last year also has gets, when shown, a small grey second line “上年 12 · +3”
painted by a transparent overlay on the table's viewport (so the editing delegate stays as it is),
and its tooltip says last year's figure and the change. A large change is a gentle orange hint,
never a finding. Last year's figures live in ``Report.previous`` (saved in the project).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter, QPolygon
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QToolButton, QToolTip, QWidget

from ..model.comparison import Change, attach_check, compare, delta_text, known_previous, percent_text, previous_of
from ..model.report import UNKNOWN_MARK
from ..model.values import format_value

PREVIOUS_FG = QColor("#7a7a7a")
SAME_FG = QColor("#ababab")  # the same as last year: lighter, so the changes stand out
LARGE_FG = QColor("#b35c00")  # a large change: look again (a hint, not a finding)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreviousYear", text)


def cell_line(c: Change, kind) -> str:
    """The second line of a cell: 上年 12 · +3; 上年 ？ where last year is unknown (no change then)."""
    last = UNKNOWN_MARK if c.last_unknown else (format_value(kind, c.last) or "0")
    text = _tr("上年 {0}").format(last)
    d = delta_text(c)
    if d and d != "0":
        text += f" · {d}"
    return text


def tooltip_lines(c: Change, kind, year: int) -> list[str]:
    if c.last_unknown:
        return [_tr("上年（{0}年）：{1}（未能读取，不是 0），不计算变化").format(year, UNKNOWN_MARK)]
    last = format_value(kind, c.last) or "0"
    if c.this_unknown:
        return [_tr("上年（{0}年）：{1}；本年数未知，不计算变化").format(year, last)]
    pct = percent_text(c)
    line = _tr("上年（{0}年）：{1}；变化 {2}").format(year, last, delta_text(c) or "0") + (f"（{pct}）" if pct else "")
    out = [line]
    if c.large:
        out.append(_tr("与上年相比变化较大，请核对是否填写有误（仅提示，不是问题）"))
    return out


class PreviousOverlay(QWidget):
    """Paints the second lines over one table view; transparent to the mouse."""

    def __init__(self, owner: PreviousYear, page) -> None:
        view = page.view
        super().__init__(view.viewport())
        self.owner, self.page, self.view = owner, page, view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.small = QFont(view.font())
        self.small.setPointSizeF(max(6.5, view.font().pointSizeF() * 0.78))
        self.extra = QFontMetrics(self.small).height() + 4
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._follow)
        self.setGeometry(view.viewport().rect())
        self.show()

    def _follow(self, _value=None) -> None:
        self.setGeometry(self.view.viewport().rect())  # the viewport scrolls its children: stay put
        self.update()

    def changes(self) -> dict:
        table = self.page.model.table
        return {ref: c for ref, c in self.owner.changes.items() if ref.table == table}

    def relayout(self) -> None:
        """Rows with figures grow by one small line while shown; back to their own height when not."""
        view, model = self.view, self.page.model
        rows = {cell.row for cell in model.grid.cells if cell.ref is not None and cell.ref in self.owner.changes}
        for r in range(model.grid.rows):
            base = view._row_height(r)
            view.setRowHeight(r, base + self.extra if self.owner.shown and r in rows else base)
        view._layout_frozen()
        self._follow()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.Type.Resize and self.owner.shown:
            QTimer.singleShot(0, self.relayout)  # column widths are refitted, and row heights with them
        elif obj is self.view.viewport() and event.type() == QEvent.Type.ToolTip:
            return self._tooltip(event)
        return False

    def _tooltip(self, event) -> bool:
        index = self.view.indexAt(event.pos())
        ref = self.page.model.ref_at(index) if index.isValid() else None
        c = self.owner.changes.get(ref) if ref is not None else None
        if c is None:
            return False
        base = self.page.model.data(index, Qt.ItemDataRole.ToolTipRole) or ""
        b = known_previous(self.owner.report)
        lines = tooltip_lines(c, self.owner.kind(ref), b.year if b else 0)
        QToolTip.showText(event.globalPos(), "\n".join([base, *lines]) if base else "\n".join(lines), self.view)
        return True

    def shown_text(self, ref) -> str | None:
        """What the cell's second line says now (None while hidden or with no last year's figure)."""
        c = self.owner.changes.get(ref)
        if not self.owner.shown or c is None:
            return None
        return cell_line(c, self.owner.kind(ref))

    def paintEvent(self, _event) -> None:
        if not self.owner.shown:
            return
        painter = QPainter(self)
        painter.setFont(self.small)
        metrics = QFontMetrics(self.small)
        model = self.page.model
        visible = self.rect()
        for ref, c in self.changes().items():
            cell = model.by_ref.get(ref)
            if cell is None:
                continue
            index = model.index(cell.row, cell.col)
            rect: QRect = self.view.visualRect(index)
            if not rect.intersects(visible):
                continue
            line = QRect(rect.left() + 2, rect.bottom() - self.extra + 2, rect.width() - 6, self.extra - 3)
            text = self.shown_text(ref) or ""
            if metrics.horizontalAdvance(text) > line.width():
                text = text.split(" ", 1)[-1]  # a narrow column: the figures without the word
            selected = self.view.selectionModel().isSelected(index)
            painter.setPen(
                QColor("white") if selected else LARGE_FG if c.large else SAME_FG if c.delta == 0 else PREVIOUS_FG
            )
            painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            if c.large:  # a small corner marker: seen at a glance, explained in the tooltip
                x, y = rect.left() + 1, rect.top() + 1
                painter.setBrush(LARGE_FG)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawPolygon(QPolygon([QPoint(x, y), QPoint(x + 7, y), QPoint(x, y + 7)]))
        painter.end()


class PreviousYear(QObject):
    """The two commands and the overlays of the window's table pages."""

    def __init__(self, window, file_menu, view_menu, before: QAction | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.shown = False
        self.changes: dict = {}
        self._parts: dict[object, tuple[PreviousOverlay, QToolButton, QLabel]] = {}  # table page -> its three
        self._note = ""
        self.attach_action = QAction(self.tr("关联上年报告…"), window)
        self.attach_action.triggered.connect(lambda _c=False: self.attach_dialog())
        file_menu.insertAction(before, self.attach_action) if before else file_menu.addAction(self.attach_action)
        self.show_action = QAction(self.tr("显示上年数"), window)
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self.set_shown)
        view_menu.addAction(self.show_action)
        self._doc = None

    @property
    def report(self):
        return self.window.doc.report

    def kind(self, ref):
        from ..formats import cells_of

        return cells_of(self.report.format).kinds[ref]

    # ------------------------------------------------------------------ pages

    def install(self) -> None:
        """When the window starts a new set of pages for a document (each table page is then added as built)."""
        doc = self.window.doc
        if doc is not self._doc:
            self._doc = doc
            for signal in (doc.cellsChanged, doc.fieldChanged, doc.reportReplaced):
                signal.connect(self.refresh)
        self._parts = {}
        self.refresh()

    def add_page(self, page) -> None:
        """A table page just built: its overlay, and a toggle button beside its legend."""
        overlay = PreviousOverlay(self, page)
        button = QToolButton(page)
        button.setDefaultAction(self.show_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # beside the legend under the table (it wraps, so a narrow window stays narrow)
        layout = page.layout()
        legend = layout.itemAt(layout.count() - 1).widget()
        layout.removeWidget(legend)
        row = QHBoxLayout()
        row.addWidget(legend, 1)
        note = QLabel()
        note.setStyleSheet("color:#7a7a7a")
        row.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self._parts[page] = (overlay, button, note)
        self._refresh_page(page)

    @property
    def overlays(self) -> list[PreviousOverlay]:
        """Every table's overlay, in table order (building the table pages not yet shown)."""
        return [self._parts[page][0] for page in self.window.table_pages()]

    @property
    def buttons(self) -> list[QToolButton]:
        """Every table's 显示上年数 button, in table order (building the table pages not yet shown)."""
        return [self._parts[page][1] for page in self.window.table_pages()]

    def refresh(self, *_args) -> None:
        report = self.report
        b = known_previous(report)
        self.changes = compare(report) if b is not None else {}
        self.show_action.setEnabled(b is not None)
        if b is None and self.shown:
            self.show_action.setChecked(False)
        self._note = ""
        if b is not None:
            self._note = self.tr("上年：{0}年").format(b.year) + ("" if report.previous is not None else self.tr("（仅结转数）"))
        for page in self._parts:
            self._refresh_page(page)

    def _refresh_page(self, page) -> None:
        overlay, _button, note = self._parts[page]
        none = bool(self._note) and not any(ref.table == page.model.table for ref in self.changes)
        note.setText(self._note + (self.tr("：本表与上年无可比单元格") if none else ""))
        overlay.relayout()

    def set_shown(self, on: bool) -> None:
        self.shown = bool(on)
        for overlay, _button, _note in self._parts.values():
            overlay.relayout()

    # ------------------------------------------------------------------ attaching

    def attach_dialog(self) -> None:
        from .settings import load_settings

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("关联上年报告"), load_settings().last_folder, self.tr("报告文件 (*.rdproj *.docx *.pdf *.html *.htm *.txt *.json);;所有文件 (*)")
        )
        if path:
            self.attach_file(path)

    def attach_file(self, path: str | Path) -> bool:
        """Last year's report from a project or a published document; its figures are kept in the project."""
        from ..loading import LoadError, load_report

        doc = self.window.doc
        if doc is None or doc.read_only:
            return False
        try:
            last = load_report(path)
        except LoadError as exc:
            QMessageBox.warning(self.window, self.tr("关联上年报告"), str(exc))
            return False
        problem = attach_check(doc.report, last)
        if problem:
            QMessageBox.warning(self.window, self.tr("关联上年报告"), problem)
            return False
        previous = previous_of(last)
        doc.edit_field("previous", previous, self.tr("上年报告"))
        unknown = len(previous.unreadable)
        msg = self.tr("已关联{0}年报告“{1}”：{2} 个单元格可与上年比较").format(last.year, Path(path).name, len(self.changes))
        if last.year != doc.report.year - 1:
            msg += self.tr("（注意：所选报告是{0}年度的，不是上一年度）").format(last.year)
        if unknown:
            msg += self.tr("；其中上年 {0} 个单元格未能读取，显示为“？”").format(unknown)
        self.window.show_message(msg)
        if not self.shown:
            self.show_action.setChecked(True)
        return True


__all__ = ["PreviousYear", "cell_line", "tooltip_lines"]
