"""The open report as a Qt object: the Qt-free Report, its undo stack, findings and file state.

Every edit goes through a command on ``undo_stack``; the command calls one of the ``apply_*``
methods, which change the report, emit what changed and re-run the checks (about 1 ms).

A document made with ``check_now=False`` is checked when its findings are first asked for (``findings``,
``cell_findings``, ``ensure_checked``): the window makes its documents so and asks right after its first
paint, so a clerk sees the report without waiting for the checks (and their import), the findings a moment
later.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..checks import Finding, Severity, check_report
from ..checks.findings import count
from ..formats import CellRef, cells_of
from ..model import Paragraph, Report, format_value, parse_value
from ..model.opening import standard_opening
from ..model.report import default_title
from ..model.safewrite import ANY
from ..model.stock import followed_stocks
from ..model.values import CellValueError
from . import commands


@dataclass(frozen=True)
class UnknownCell:
    """An unknown cell's state in an undo command (so undo restores unknown, not blank)."""

    reason: str


class Document(QObject):
    cellsChanged = Signal(object)  # noqa: N815 - Qt signal naming; set[CellRef]: inputs changed (totals follow)
    fieldChanged = Signal(str)  # noqa: N815 - Qt signal naming; a field path such as "agency" or "contact.phone"
    proseChanged = Signal(str, bool)  # noqa: N815 - Qt signal naming; part, whether the change came from that part's editor
    reportReplaced = Signal()  # noqa: N815 - Qt signal naming; format converted or another report loaded
    findingsChanged = Signal()  # noqa: N815 - Qt signal naming
    modified = Signal()  # any change at all (autosave listens)

    def __init__(
        self, report: Report, path: Path | None = None, parent: QObject | None = None, *, check_now: bool = True
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.read_only = False
        self.stamp: str | None = ANY  # the file's content hash when read or last saved (model.safewrite)
        self.undo_stack = QUndoStack(self)
        self._findings: list[Finding] | None = None  # None: not checked yet
        self._cell_findings: dict[CellRef, list[Finding]] = {}
        if check_now:
            self.recheck()

    # ------------------------------------------------------------------ checks

    @property
    def checked(self) -> bool:
        """Whether the checks have run for this document (they run when the findings are first asked for)."""
        return self._findings is not None

    def ensure_checked(self) -> None:
        if self._findings is None:
            self.recheck()

    @property
    def findings(self) -> list[Finding]:
        self.ensure_checked()
        return self._findings

    @property
    def cell_findings(self) -> dict[CellRef, list[Finding]]:
        self.ensure_checked()
        return self._cell_findings

    def recheck(self) -> None:
        findings = check_report(self.report)
        by_cell: dict[CellRef, list[Finding]] = {}
        for f in findings:
            if f.severity is Severity.INFO:
                continue
            for ref in f.place.cells:
                by_cell.setdefault(ref, []).append(f)
        self._findings, self._cell_findings = findings, by_cell
        self.findingsChanged.emit()

    # ------------------------------------------------------------------ edits (push commands)

    def parse_cell(self, ref: CellRef, text: str) -> Any:
        """The value typed for ``ref``; blank means 0. Raises CellValueError with a Chinese message."""
        kind = cells_of(self.report.format).kinds[ref]
        value = parse_value(kind, text)
        if value is None:
            value = parse_value(kind, "0")
        return value

    def edit_cells(self, values: dict[CellRef, Any], text: str) -> bool:
        """Push one undoable command setting input cells; False if nothing changes."""
        if self.read_only:
            return False
        formulas = cells_of(self.report.format).formulas
        values = {**values, **followed_stocks(self.report, values)}  # 现行有效 follows 制发/废止 until typed over
        changes = {}
        for ref, new in values.items():
            why = self.report.unreadable.get(ref)  # an unknown cell: undo makes it unknown again
            old = self.report.values.get(ref) if why is None else UnknownCell(why)
            if ref not in formulas and (old != new or type(old) is not type(new)):
                changes[ref] = (old, new)
        if not changes:
            return False
        self.undo_stack.push(commands.SetCells(self, changes, text))
        return True

    def type_cell(self, ref: CellRef, text: str) -> str | None:
        """A value typed into a cell. Returns an error message, or None when stored."""
        if ref in cells_of(self.report.format).formulas:
            return self.tr("{0}是自动计算的合计，不能直接填写").format(ref.describe())
        try:
            value = self.parse_cell(ref, text)
        except CellValueError as exc:
            return str(exc)
        self.edit_cells({ref: value}, self.tr("填写{0}").format(ref.describe()))
        return None

    def edit_field(self, path: str, new: Any, label: str) -> None:
        if self.read_only:
            return
        old = self.get_field(path)
        if old != new:
            self.undo_stack.push(commands.SetField(self, path, old, new, self.tr("修改{0}").format(label)))

    def edit_info(self, path: str, new: Any, label: str) -> None:
        """A report-information field; the title, opening and 落款 follow while still as generated."""
        if self.read_only or self.get_field(path) == new:
            return
        r = self.report
        generated_title = r.title == default_title(r.agency, r.year)
        generated_opening = r.opening.strip() == standard_opening(r).strip()
        generated_signature = r.signature_agency == r.agency
        self.undo_stack.beginMacro(self.tr("修改{0}").format(label))
        self.edit_field(path, new, label)
        if generated_title:
            self.edit_field("title", default_title(r.agency, r.year), self.tr("标题"))
        if generated_signature:
            self.edit_field("signature_agency", r.agency, self.tr("落款机关"))
        if generated_opening:
            self.edit_field("opening", standard_opening(r), self.tr("开篇说明"))
        self.undo_stack.endMacro()

    def edit_prose(self, part: str, paragraphs: list[Paragraph]) -> None:
        if self.read_only:
            return
        old = copy.deepcopy(self.report.parts.get(part, []))
        self.undo_stack.push(commands.SetProse(self, part, old, paragraphs))

    def convert(self, new: Report, text: str) -> None:
        self.undo_stack.push(commands.ReplaceReport(self, copy.deepcopy(self.report), new, text))

    # ------------------------------------------------------------------ apply (called by commands)

    def apply_cells(self, values: dict[CellRef, Any]) -> None:
        for ref, value in values.items():
            if isinstance(value, UnknownCell):
                self.report.values[ref] = None
                self.report.unreadable[ref] = value.reason
            else:
                self.report.set(ref, value)  # typed or pasted: known from now on
        self.recheck()
        self.cellsChanged.emit(set(values))
        self.modified.emit()

    def get_field(self, path: str) -> Any:
        obj: Any = self.report
        for name in path.split("."):
            obj = getattr(obj, name)
        return obj

    def apply_field(self, path: str, value: Any) -> None:
        obj: Any = self.report
        *parents, name = path.split(".")
        for p in parents:
            obj = getattr(obj, p)
        setattr(obj, name, value)
        self.recheck()
        self.fieldChanged.emit(path)
        self.modified.emit()

    def apply_prose(self, part: str, paragraphs: list[Paragraph], from_editor: bool) -> None:
        self.report.parts[part] = copy.deepcopy(paragraphs)
        self.report.draft_parts.discard(part)
        self.recheck()
        self.proseChanged.emit(part, from_editor)
        self.modified.emit()

    def replace_report(self, report: Report) -> None:
        self.report = copy.deepcopy(report)
        self.recheck()
        self.reportReplaced.emit()
        self.modified.emit()

    # ------------------------------------------------------------------ reading

    def display(self, ref: CellRef) -> str:
        kind = cells_of(self.report.format).kinds[ref]
        return format_value(kind, self.report.value(ref))

    def counts(self) -> tuple[int, int]:
        return count(self.findings)
