"""A new report is a to-do list: what is simply not filled in yet is 待填写, not an error.

The window shows findings of these rules neutrally, with the progress, until the clerk asks for the
check (检查, export, print); from then on, and in every export, they are errors as the checks say.
What is wrong (an imbalance, a wrong date) is an error at once. Only the presentation changes here:
the checks and their severities are those of ``reportdesk.checks``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..checks import Finding
from ..formats import ALL_PARTS, PROSE_PARTS, TABLE_PARTS, cells_of
from ..model import Report
from ..model.values import as_number

# Rule ids whose finding only says "not filled in yet" (see docs/checks.md).
TODO_RULES = frozenset({"PART-EMPTY", "DATE-MISSING", "SIGNATURE-MISSING", "TITLE-MISSING", "OPENING-MISSING"})


def is_todo(finding: Finding) -> bool:
    return finding.rule in TODO_RULES


def parts_done(report: Report) -> list[str]:
    """Parts with something in them: prose written, or a table with a figure other than 0."""
    inputs = cells_of(report.format).inputs
    done = []
    for part in ALL_PARTS:
        if part in PROSE_PARTS:
            filled = any(p.text.strip() for p in report.parts.get(part, []))
        elif part in TABLE_PARTS:
            filled = any(
                ref.table == part and (report.is_unknown(ref) or as_number(report.values.get(ref)) != 0)
                for ref in inputs
            )
        else:
            filled = True
        if filled:
            done.append(part)
    return done


def progress_text(report: Report, todo: list[Finding]) -> str:
    """“待填写：已完成 4/6 部分，落款未填” — the short line of the status bar; "" when nothing is left."""
    tr = QCoreApplication.translate
    done = len(parts_done(report))
    bits = []
    if done < len(ALL_PARTS):
        bits.append(tr("Todo", "已完成 {0}/{1} 部分").format(done, len(ALL_PARTS)))
    rules = {f.rule for f in todo}
    if "SIGNATURE-MISSING" in rules:
        bits.append(tr("Todo", "落款未填"))
    elif "DATE-MISSING" in rules:
        bits.append(tr("Todo", "落款日期未填"))
    if "TITLE-MISSING" in rules:
        bits.append(tr("Todo", "标题未填"))
    if not bits:
        return ""
    return tr("Todo", "待填写：") + tr("Todo", "，").join(bits)
