"""The overlay of a table page that paints last year's figures as a small second line in each cell
(``previousyear.PreviousYear`` owns one per table page), and the texts of that line and of its tooltip.

Loaded with the first table page, not before the window's first paint (its Qt classes cost ~2 ms there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPolygon
from PySide6.QtWidgets import QToolTip, QWidget

from ..model.comparison import Change, delta_text, known_previous, percent_text
from ..model.report import UNKNOWN_MARK
from ..model.values import format_value

if TYPE_CHECKING:
    from .previousyear import PreviousYear

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


__all__ = ["PreviousOverlay", "cell_line", "tooltip_lines"]
