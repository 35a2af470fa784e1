"""The report itself, free of Qt: fields, prose, table values and their derived totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..formats import (
    FORMATS,
    PART3,
    PROSE_PARTS,
    CellRef,
    ReportFormat,
    ValueKind,
    cells_of,
    format_for_year,
)
from .prose import Paragraph
from .values import Money, Value, as_number

DEPARTMENT = "department"  # 县级以上人民政府部门: published by 31 January
GOVERNMENT = "government"  # 本级人民政府: published by 31 March
KINDS = {DEPARTMENT: "部门", GOVERNMENT: "本级人民政府"}
UNKNOWN_MARK = "？"  # how an unknown figure is shown (table editor, review, text): never 0, never blank


@dataclass
class Contact:
    """Where the electronic version is published, and how to reach the agency."""

    website: str = ""  # 网站名称及网址
    address: str = ""
    postcode: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""


@dataclass
class Baseline:
    """Last year's figures that this year continues: carry-over and part 二 stocks."""

    year: int
    format_id: str
    values: dict[CellRef, Value | None] = field(default_factory=dict)
    # Last year's cells that reading could not take in (cell -> why): unknown, not blank, not 0.
    unreadable: dict[CellRef, str] = field(default_factory=dict)

    def is_unknown(self, ref: CellRef) -> bool:
        return ref in self.unreadable


@dataclass
class Report:
    agency: str
    year: int
    kind: str = DEPARTMENT
    format_id: str = ""
    title: str = ""
    opening: str = ""
    contact: Contact = field(default_factory=Contact)
    parts: dict[str, list[Paragraph]] = field(default_factory=lambda: {p: [] for p in PROSE_PARTS})
    values: dict[CellRef, Value | None] = field(default_factory=dict)
    # Totals as a published document printed them; never used as truth, only compared.
    printed: dict[CellRef, Value | None] = field(default_factory=dict)
    signature_agency: str = ""
    date: dt.date | None = None
    # Part headings as published, where they differ from the official wording (import only).
    headings: dict[str, str] = field(default_factory=dict)
    baseline: Baseline | None = None
    # Prose parts carried over from last year and not yet reviewed by the clerk.
    draft_parts: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)  # for a summary (汇总) report
    # What reading a document or JSON could not take in, for the checks to report:
    unreadable: dict[CellRef, str] = field(default_factory=dict)  # cell -> the text found there
    read_notes: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    checked: set[str] = field(default_factory=set)  # fingerprints of warnings marked 已核对 (checks.mark_checked)
    # Statistics paragraphs drafted from the tables (model.drafting.Draft), so a later change is flagged.
    drafts: list = field(default_factory=list)
    # Last year's figures, every cell, to show beside this year's (model.comparison); None when not known.
    previous: Baseline | None = None

    def __post_init__(self) -> None:
        if not self.format_id:
            self.format_id = format_for_year(self.year).id
        for part in PROSE_PARTS:
            self.parts.setdefault(part, [])

    @property
    def published(self) -> bool:
        """Read from a published document (or another tool's JSON), not written in ReportDesk: it
        carries printed totals, reading notes, or cells that could not be read (a report carried from
        last year or a summary of others may have unknown cells too, but they have a baseline or sources)."""
        carried = self.baseline is not None or bool(self.sources)
        return bool(self.printed or self.read_notes or (self.unreadable and not carried))

    @property
    def format(self) -> ReportFormat:
        return FORMATS[self.format_id]

    def value(self, ref: CellRef) -> Value | int | None:
        """An input cell's value, or a computed cell's derived total; None for a blank input cell and
        for a computed cell with an unknown input (ask ``is_unknown`` to tell the two apart)."""
        formula = cells_of(self.format).formulas.get(ref)
        if formula is None:
            return self.values.get(ref)
        return self._sum(formula)

    def _sum(self, formula: tuple[CellRef, ...]) -> int | None:
        unknown, vals = self.unreadable, self.values
        if unknown and any(r in unknown for r in formula):
            return None
        return sum(int(as_number(vals.get(r))) for r in formula)

    def totals(self) -> dict[CellRef, int | None]:
        """Every computed cell, derived from the inputs; None where an input is unknown."""
        formulas = cells_of(self.format).formulas
        if self.unreadable:
            return {ref: self._sum(formula) for ref, formula in formulas.items()}
        vals = self.values  # nothing unknown: every total is a sum (the common case, kept fast)
        return {ref: sum(int(as_number(vals.get(r))) for r in formula) for ref, formula in formulas.items()}

    def is_unknown(self, ref: CellRef) -> bool:
        """True when the value is not known: an input cell that reading could not take in (its reason is
        in ``unreadable``), or a computed cell with such an input. Unknown is neither blank nor 0."""
        if not self.unreadable:  # the common case, asked for every cell by every rule
            return False
        formula = cells_of(self.format).formulas.get(ref)
        if formula is None:
            return ref in self.unreadable
        return any(r in self.unreadable for r in formula)

    def set(self, ref: CellRef, value: Value | None) -> None:
        if ref in cells_of(self.format).formulas:
            raise KeyError(f"{ref} is computed, not an input")
        self.values[ref] = value
        self.unreadable.pop(ref, None)  # typed or pasted: known from now on

    def part3(self, row: str, col: str) -> int | None:
        """A part-三 figure as a number (blank counts as 0); None when it is unknown."""
        ref = CellRef(PART3, row, col)
        if self.is_unknown(ref):
            return None
        return int(as_number(self.value(ref)))


def default_title(agency: str, year: int) -> str:
    return f"{agency}{year}年政府信息公开工作年度报告"


def zero_for(kind: ValueKind) -> Value:
    if kind is ValueKind.MONEY:
        return Money(Decimal(0), "元")
    if kind is ValueKind.WAN_YUAN:
        return Decimal(0)
    return 0


def new_report(agency: str, year: int, kind: str = DEPARTMENT, format_id: str | None = None) -> Report:
    """A blank report of the right format, every cell 0 and the standard title and opening."""
    from .opening import standard_opening  # here, not at the top: opening imports this module

    fmt = FORMATS[format_id] if format_id else format_for_year(year)
    fc = cells_of(fmt)
    report = Report(agency=agency, year=year, kind=kind, format_id=fmt.id)
    report.values = {ref: zero_for(fc.kinds[ref]) for ref in fc.inputs}
    report.title = default_title(agency, year)
    report.signature_agency = agency
    report.opening = standard_opening(report)
    return report


def chinese_date(d: dt.date) -> str:
    """A date as the signature writes it: in full, Arabic numerals, no zero padding (2024年1月17日)."""
    return f"{d.year}年{d.month}月{d.day}日"


def deadline_for(report: Report) -> dt.date:
    """第四十九条: departments publish by 31 January, 本级人民政府 by 31 March."""
    if report.kind == GOVERNMENT:
        return dt.date(report.year + 1, 3, 31)
    return dt.date(report.year + 1, 1, 31)
