"""Part 四 of a published report: one row of fifteen numbers under a header of three groups.

Its numbers have no row label: they are placed by the header's column labels. Some reports print
the part as three small tables, one a group (行政复议 / 行政诉讼（未经复议直接起诉） / 复议后起诉),
each with its own header and five numbers: each is read as such.
"""

from __future__ import annotations

from ..formats import PART4, PATH_SEP, CellRef
from ..formats.spec import node_labels
from ..model.report import Report
from .columns import describe_order, header_order, join_wrapped
from .document import ORPHAN, is_end
from .normalise import has_cjk, is_number, key
from .rows import TableNotes, fit, is_stray, not_found, short, store
from .tables import _filled, _row_text


def read_part4(report: Report, toks: list[str], notes: TableNotes, exact: bool = False) -> None:
    p4 = report.format.part4
    toks = [t for t in toks if not is_stray(t) and t != ORPHAN]  # its row of numbers has no label by design
    is_text = [has_cjk(t) and not is_number(t) for t in toks]
    first_number = next((i for i, t in enumerate(toks) if t and not is_end(t) and not is_text[i]), len(toks))
    last_header = max((i for i in range(first_number) if is_text[i]), default=-1)
    data_end = next((i for i in range(first_number, len(toks)) if is_text[i]), len(toks))
    header, data = [t for t in toks[: last_header + 1] if not is_end(t)], toks[last_header + 1 : data_end]
    labels = {key(label) for label in node_labels(p4.column_tree)}
    if not any(is_number(t) for t in toks) and not any(key(t) in labels for t in toks):
        for ref in [r for r in report.values if r.table == PART4]:  # no such table in the document
            del report.values[ref]
        return
    if not exact:
        header = join_wrapped(header, node_labels(p4.column_tree))
    after = [t for t in toks[data_end:] if t and not is_end(t)]
    refs = [CellRef(PART4, g, c) for g in p4.groups for c in p4.columns_of(g)]
    if len(_filled(data)) < len(refs) - len(p4.groups) and _split_tables(report, toks, notes):
        return
    if after:
        notes.problems.append(("表四之后", f"有未识别的文字“{short('”“'.join(after))}”，已忽略"))
    if not _filled(data):
        if exact or any(is_end(t) for t in data):  # a row of blank cells, read whole
            store(report, refs, [None] * len(refs), "")
        else:
            not_found(report, refs, "原文表四未读到数字")
            notes.problems.append(("表四", "未读到数字，表四各格未读入（未知，不按 0 计）"))
        return
    no_totals = key(p4.total_column) not in {key(t) for t in header} and any(header)
    if no_totals and len(_filled(data)) == len(refs) - len(p4.groups):
        refs = [r for r in refs if r.col != p4.total_column]  # printed without its 总计 columns
        notes.problems.append(("表四表头", f"没有“{p4.total_column}”列，只读入各项数字，总计按各项计算"))
    else:
        order = header_order(p4.column_tree, header, exact)
        if order is not None and [(r.row, r.col) for r in refs] != [(PATH_SEP.join(p[:-1]), p[-1]) for p in order]:
            refs = [CellRef(PART4, PATH_SEP.join(p[:-1]), p[-1]) for p in order]
            notes.problems.append(
                ("表四表头", f"列的顺序与官方格式不同（{describe_order(order)}），已按表头的列标签读入各列数字，请核对")
            )
    groups = len({r.row for r in refs}) if len(refs) == len(p4.groups) * len(p4.columns_of(p4.groups[0])) else 1
    raw, problem = fit(data, len(refs), has_total=True, groups=groups)
    store(report, refs, raw, _row_text(data, len(refs)))
    if problem:
        notes.problems.append(("表四", problem))
    keys = {key(t) for t in header}
    wanted = []
    for label in node_labels(p4.column_tree):
        if key(label) not in keys and label not in wanted:
            wanted.append(label)
    if wanted and header:
        notes.problems.append(("表四表头", f"表头残缺（未找到“{'”“'.join(wanted)}”），数字按官方列序读入"))


def _split_tables(report: Report, toks: list[str], notes: TableNotes) -> bool:
    """Part 四 printed as one small table per group, each group's name above its own header and
    numbers. True when read so."""
    p4 = report.format.part4
    starts = []
    for group in p4.groups:
        k = key(group.split(PATH_SEP)[-1])
        at = next((i for i, t in enumerate(toks) if has_cjk(t) and key(t).endswith(k) and i > (starts[-1] if starts else -1)), None)
        if at is None:
            return False
        starts.append(at)
    segments = [toks[a:b] for a, b in zip(starts, [*starts[1:], len(toks)], strict=True)]
    if not all(any(is_number(t) for t in seg) for seg in segments):
        return False
    leaves = {key(c): c for c in p4.columns_of(p4.groups[0])}
    for group, seg in zip(p4.groups, segments, strict=True):
        first = next(i for i, t in enumerate(seg) if is_number(t))
        found = [leaves[key(t)] for t in seg[1:first] if key(t) in leaves]
        columns = found if sorted(found) == sorted(leaves.values()) else list(p4.columns_of(group))
        values = [t for t in seg[first:] if not has_cjk(t) or is_number(t)]
        refs = [CellRef(PART4, group, c) for c in columns]
        raw, problem = fit(values, len(refs), has_total=True)
        store(report, refs, raw, _row_text(values, len(refs)))
        if problem:
            notes.problems.append((f"表四“{group.replace(PATH_SEP, '·')}”", problem))
    notes.problems.append(("表四", "原文把表四分成三个小表（每类一个），已按各表的表头读入"))
    return True
