"""A 汇总 report in the editor: opened as a new untitled report, and the contributions behind each
of its cells, for the cell tooltips.

Kept for the session only (not saved in the project): a summary saved and opened again shows its
sources (``Report.sources``) but no longer each cell's contributions. Keyed by the open document
(the report object itself is replaced by undo and 更改年度), so closing it takes them with it.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from ..formats import CellRef, cells_of
from ..model.report import Report
from ..model.values import format_value

if TYPE_CHECKING:  # the review library loads the importers: only when a summary is made
    from ..review.summary_set import Contributions

SHOWN = 12  # non-zero contributions listed in one tooltip

_store: dict[int, tuple[weakref.ref, Contributions, dict[CellRef, str]]] = {}


def remember(doc, contributions: Contributions) -> None:
    """Keep ``contributions`` for the document ``doc`` (a summary just built) while it is open."""
    key = id(doc)
    summed = {ref: _shown(doc.report, ref) for ref in contributions}
    _store[key] = (weakref.ref(doc, lambda _r, k=key: _store.pop(k, None)), contributions, summed)


def contributions_of(doc) -> Contributions | None:
    item = _store.get(id(doc))
    if item is None or item[0]() is not doc:
        return None
    return item[1]


def _shown(report: Report, ref: CellRef) -> str:
    if report.is_unknown(ref):
        return "？"
    return format_value(cells_of(report.format).kinds[ref], report.value(ref))


def tip_lines(doc, ref: CellRef) -> list[str]:
    """The tooltip lines naming what each source report contributed to ``ref``; [] for other documents."""
    item = _store.get(id(doc))
    if item is None or item[0]() is not doc or ref not in item[1]:
        return []
    report = doc.report
    parts, summed = item[1][ref], item[2].get(ref, "")
    unknown = [name for name, v in parts if v is None]
    nonzero = [(name, v) for name, v in parts if v is not None and v not in ("0", "空", "0.00")]
    lines = [f"汇总来源（{len(parts)} 份报告）："]
    lines += [f"  {name}：{v}" for name, v in nonzero[:SHOWN]]
    if len(nonzero) > SHOWN:
        lines.append(f"  ……另有 {len(nonzero) - SHOWN} 份不为 0")
    rest = len(parts) - len(nonzero) - len(unknown)
    if rest:
        lines.append(f"  其余 {rest} 份为 0 或空" if nonzero or unknown else f"  {rest} 份均为 0 或空")
    if unknown:
        lines.append(f"  此格未知的报告：{'、'.join(unknown)}")
    now = _shown(report, ref)
    if now != summed:
        lines.append(f"汇总后已修改：汇总值为 {summed}，现为 {now}")
    return lines


def adopt_summary(main, summary, parts) -> bool:
    """Open ``summary`` in the main window as a new untitled report (after offering to save)."""
    if not main.files.maybe_save():
        return False
    main.files.recovery.discard()
    main.files._adopt(summary.report, None, unsaved=True)
    remember(main.doc, parts)
    main.show_section("part3")
    report = summary.report
    message = main.tr("已汇总 {0} 份 {1} 年度报告（尚未保存）").format(len(summary.sources), report.year)
    if summary.unknown:
        message += main.tr("；{0} 个单元格因来源报告中未知而为未知").format(len(summary.unknown))
    main.show_message(message + main.tr("。鼠标停在数字上可看各单位的数（此明细不随文件保存）"))
    return True


def open_summary_window(main):
    """文件 → 汇总下属单位报告… (the window module is loaded when first used: start-up stays short)."""
    from .summary_window import open_summary_window as open_window

    return open_window(main)
