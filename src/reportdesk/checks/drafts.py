"""DRAFT-STALE: a statistics paragraph drafted from the tables (插入数据说明) whose cells changed since.

The sentence is still in the report word for word, so the clerk has not rewritten it by hand; its figures
were true when drafted and are not any more. Re-drafting replaces it (the editor's 更新数据说明).
"""

from __future__ import annotations

from ..model.drafting import stale_cells
from ..model.report import Report
from .findings import Finding, Place, Severity


def stale_drafts(report: Report) -> list[Finding]:
    out = []
    for draft in report.drafts:
        for part, paragraphs in report.parts.items():
            index = next((i for i, p in enumerate(paragraphs) if draft.text in p.text), None)
            if index is None:
                continue
            changed = stale_cells(report, draft)
            if changed:
                names = "、".join(ref.describe() for ref in changed[:3]) + ("等" if len(changed) > 3 else "")
                out.append(
                    Finding(
                        Severity.WARNING,
                        "DRAFT-STALE",
                        f"第{part}部分第{index + 1}段的数据说明是按修改前的表{draft.part}写的，{names}已改变，"
                        f"句中的数字已不再相符。请在该部分点“插入数据说明”→“更新数据说明”重新生成，或手工改写。",
                        Place(part, cells=tuple(changed), paragraph=index),
                    )
                )
            break
    return out
