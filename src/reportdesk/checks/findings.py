"""What a check reports: severity, a stable rule id, the exact place and a message for the clerk."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

from ..formats import CellRef


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    # What reading a published document could not take in: about the reading, not the report,
    # so never counted among the report's errors or warnings.
    READ = "read"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示", "read": "读取说明"}[self.value]


@dataclass(frozen=True)
class Place:
    """Where a finding is: a part, and within it table cells or a paragraph, or a report field."""

    part: str = ""  # 一 … 六, or "" for the report as a whole (title, opening, signature)
    cells: tuple[CellRef, ...] = ()  # the cells involved, first is the one to show
    paragraph: int | None = None  # index within the part's paragraphs
    field: str = ""  # title, opening, date, signature, format, …

    def describe(self) -> str:
        bits = []
        if self.part:
            bits.append(f"第{self.part}部分")
        if self.cells:
            bits.append(self.cells[0].describe())
        if self.paragraph is not None:
            bits.append(f"第{self.paragraph + 1}段")
        if self.field:
            bits.append(FIELD_NAMES.get(self.field, self.field))
        return " · ".join(bits) or "全文"


FIELD_NAMES = {
    "title": "标题",
    "opening": "开篇说明",
    "date": "落款日期",
    "signature": "落款",
    "format": "报告格式",
    "agency": "机关名称",
    "heading": "部分标题",
}


@dataclass(frozen=True)
class Finding:
    severity: Severity
    rule: str
    message: str
    place: Place = field(default_factory=Place)
    # What the finding was computed from (the sentence, the figures, the cells' values). Marking a
    # warning as checked (已核对) stores the fingerprint of these; when they change it shows again.
    inputs: str = ""

    @property
    def fingerprint(self) -> str:
        """Stable while the finding's inputs are unchanged (not its paragraph number or wording)."""
        basis = self.inputs or f"{self.place.part}|{self.place.field}|{self.message}"
        return hashlib.sha1(f"{self.rule}|{basis}".encode()).hexdigest()[:16]

    def to_json(self) -> dict:
        p = self.place
        where: dict = {"part": p.part, "text": p.describe()}
        if p.cells:
            c = p.cells[0]
            where.update(table=c.table, row=c.row, column=c.col)
            if len(p.cells) > 1:
                where["cells"] = [[r.table, r.row, r.col] for r in p.cells]
        if p.paragraph is not None:
            where["paragraph"] = p.paragraph + 1
        if p.field:
            where["field"] = p.field
        return {"severity": self.severity.value, "rule": self.rule, "where": where, "message": self.message}


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings) about the report; reading notes (``Severity.READ``) are not counted."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    return errors, warnings
