"""The sections of the editor window: their keys, the navigation list and its marks, the tab order,
and where a finding is shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ..checks import Finding, Place, Severity
from ..formats import ALL_PARTS, PROSE_PARTS, ReportFormat

SECTIONS = ["info", *(f"part{i}" for i in range(1, 7)), "signature"]
PART_KEYS = {p: f"part{i}" for i, p in enumerate(ALL_PARTS, 1)}
SIGNATURE_FIELDS = {"signature", "date"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def section_of(finding: Finding) -> str:
    p = finding.place
    return PART_KEYS.get(p.part) or ("signature" if p.field in SIGNATURE_FIELDS else "info")


def fill_nav(nav: QListWidget, fmt: ReportFormat) -> None:
    """One row per section, in SECTIONS order, each row's key in its UserRole."""
    nav.blockSignals(True)
    nav.clear()
    for key in SECTIONS:
        if key == "info":
            text = _tr("报告信息")
        elif key == "signature":
            text = _tr("落款")
        else:
            text = fmt.heading(ALL_PARTS[int(key[4:]) - 1])
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        nav.addItem(item)
    nav.blockSignals(False)


def mark_nav(nav: QListWidget, findings: Iterable[Finding], is_pending: Callable[[Finding], bool]) -> None:
    """The navigation's marks after a check: red for errors, yellow for warnings, 待填写 for pending."""
    by_section: dict[str, tuple[int, int, int]] = {}
    for f in findings:
        key = section_of(f)
        e, w, t = by_section.get(key, (0, 0, 0))
        pending = is_pending(f)
        by_section[key] = (
            e + (f.severity is Severity.ERROR and not pending),
            w + (f.severity is Severity.WARNING and not pending),
            t + pending,
        )
    for row, key in enumerate(SECTIONS):
        e, w, t = by_section.get(key, (0, 0, 0))
        item = nav.item(row)
        if item is not None:
            item.setForeground(
                Qt.GlobalColor.darkRed if e else (Qt.GlobalColor.darkYellow if w else Qt.GlobalColor.black)
            )
            tips = [_tr("{0} 个错误 · {1} 个警告").format(e, w)] if e or w else []
            if t:
                tips.append(_tr("待填写"))
            item.setToolTip("；".join(tips))
            base = item.data(Qt.ItemDataRole.UserRole + 1) or item.text()
            item.setData(Qt.ItemDataRole.UserRole + 1, base)
            item.setText(_tr("{0}（待填写）").format(base) if t and not e else base)


def order_tabs(nav: QListWidget, pages: Sequence[QWidget], last: QWidget) -> None:
    """Tab goes: navigation, the fields of the part being edited (in their own order), then ``last``.

    Pages are made anew for each document and would otherwise come after the findings panel."""
    fields: list[list[QWidget]] = [[] for _ in pages]
    w, seen = nav.nextInFocusChain(), 0
    while w is not nav and seen < 5000:
        seen += 1
        parent = w.parentWidget()
        if parent is not None:
            # nextInFocusChain() made w's Python wrapper a child of the previous widget's (PySide's
            # return-value heuristic): when a page's label died with its report, the wrappers after it in
            # the chain died too (the menu bar's, and the menus' with it: 最近打开 raised). Give it back to
            # its real parent; setParent() to the same parent changes nothing in Qt.
            w.setParent(parent)
        proxied = parent is not None and parent.focusProxy() is w
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not proxied:
            for i, page in enumerate(pages):
                if page.isAncestorOf(w):
                    fields[i].append(w)
                    break
        w = w.nextInFocusChain()
    chain = [nav, *(f for group in fields for f in group), last]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def editor_area(nav: QListWidget, stack: QStackedWidget, banner: QLabel) -> tuple[QWidget, QSplitter]:
    """The navigation beside the pages, under the read-only banner (hidden until needed)."""
    nav.setWordWrap(True)
    nav.setMinimumWidth(150)
    nav.setMaximumWidth(230)
    nav.setSpacing(3)
    splitter = QSplitter()
    splitter.addWidget(nav)
    splitter.addWidget(stack)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([190, 1100])
    banner.setWordWrap(True)
    banner.setStyleSheet("background:#fff4d6;border:1px solid #e0c27a;padding:6px 10px;color:#6b4a00;font-weight:bold")
    banner.hide()
    editor = QWidget()
    column = QVBoxLayout(editor)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(splitter, 1)
    return editor, splitter


def reveal(
    place: Place, pages: Mapping[str, QWidget], show_section: Callable[[str], None], say: Callable[[str], None]
) -> None:
    """Show and select the cell, paragraph or field ``place`` is about, on ``pages`` (keyed by section)."""
    if place.cells and not (place.part in PROSE_PARTS and place.paragraph is not None):
        ref = place.cells[0]
        show_section(PART_KEYS[ref.table])
        page = pages[PART_KEYS[ref.table]]
        index = page.model.index_of(ref)
        page.view.setCurrentIndex(index)
        page.view.scrollTo(index)
        page.view.setFocus()
        say(ref.describe())  # “表三“…”行“…””: it names its table
        return
    if place.part in PROSE_PARTS:
        show_section(PART_KEYS[place.part])
        if place.paragraph is not None:
            pages[PART_KEYS[place.part]].editor.select_paragraph(place.paragraph)
        return
    if place.part:
        show_section(PART_KEYS[place.part])
        return
    if place.field in SIGNATURE_FIELDS:
        show_section("signature")
        page = pages["signature"]
        (page.date.edit if place.field == "date" else page.agency).setFocus()
        return
    show_section("info")
    ui = pages["info"].ui
    widget = {"title": ui.titleEdit, "opening": ui.openingEdit, "agency": ui.agencyEdit, "format": ui.yearSpin}.get(
        place.field
    )
    if widget is not None:
        widget.setFocus()
