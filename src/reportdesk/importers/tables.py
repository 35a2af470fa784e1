"""Reading the three tables: every number is placed by the label of its row, never by position alone.

Labels come from the format declarations. A row label may be split across lines, spaced out,
half-width, or a known shorter variant (`社会组织`, `规范性文件`); a variant is accepted only
when it fits exactly one official label, and it is reported. A row whose count of numbers does
not fit its columns is never guessed: it is read only when every reading gives the same values
(all zero), and otherwise reported as unreadable.
"""

from __future__ import annotations

import re

from ..formats import PART2, PART3, PATH_SEP, CellRef, ValueKind, cells_of, total_rule
from ..formats.spec import node_labels
from ..model.report import Report
from ..model.values import as_number
from .columns import describe_order, header_order, join_wrapped
from .document import TAB_ROW_END, is_end
from .normalise import has_cjk, is_number, key
from .rows import (
    RUN_SPLIT,
    RowMatcher,
    TableNotes,
    _variant_of,
    fit,
    is_stray,
    is_value,
    not_found,
    parse_value_any,
    short,
    store,
)


def read_part2(report: Report, toks: list[str], notes: TableNotes) -> None:
    """Blocks by their title, rows by their label, columns by the block's own header row."""
    fmt = report.format
    blocks = {key(b.title): b for b in fmt.part2}
    matchers = {b.title: RowMatcher({b.title + PATH_SEP + r: r for r in b.rows}, set()) for b in fmt.part2}
    block = None
    headers: dict[str, list[str]] = {}
    rows: dict[str, list[str]] = {}
    current: str | None = None
    for tok in toks:
        k = key(tok)
        if k in blocks:
            block, current = blocks[k], None
            headers.setdefault(block.title, [])
            continue
        path, how = None, ""
        if has_cjk(tok) and not is_number(tok):
            # the current block first; a row whose block title was lost is still found
            for b in [block] + [b for b in fmt.part2 if b is not block] if block else fmt.part2:
                path, how = matchers[b.title].match(tok)
                if path and path not in rows:
                    break
                path = None
        if path:
            title, label = path.split(PATH_SEP)
            current, block = path, fmt.block(title)
            matchers[title].taken.add(path)
            rows[path] = []
            if how == "variant":
                notes.variants.append(f"“{tok}”→“{label}”")
                notes.problems.append((f"表二{title}", f"行标签写作“{tok}”，按官方标签“{label}”读入"))
        elif current is None:
            if block is not None and not is_end(tok):
                headers[block.title].append(tok)
        elif is_value(tok):
            rows[current].append(tok)
    if not rows and not headers and not any(is_number(t) for t in toks):
        for ref in [r for r in report.values if r.table == PART2]:  # no such table in the document
            del report.values[ref]
        return
    for b in fmt.part2:
        units: dict[str, str] = {}
        columns = _column_order(b, headers.get(b.title, []), notes, units)
        kinds = {c.label: c.kind for c in b.columns}
        missing = []
        for label in b.rows:
            path = b.title + PATH_SEP + label
            refs = [CellRef(PART2, path, c) for c in columns]
            if path not in rows:
                missing.append(label)
                not_found(report, refs)
                continue
            raw, problem = fit(rows[path], len(refs), has_total=False)
            if raw is not None:  # a money cell without a unit takes the one its header prints
                raw = [
                    t + units[c] if t and c in units and kinds[c] is ValueKind.MONEY and is_number(t) and not has_cjk(t) else t
                    for t, c in zip(raw, columns, strict=True)
                ]
            store(report, refs, raw, _row_text(rows[path], len(refs)))
            if problem:
                notes.problems.append((f"表二{b.title}“{label}”行", problem))
        if missing:
            notes.problems.append((f"表二{b.title}", f"未找到“{'”“'.join(missing)}”行，相应单元格未读入（未知，不按 0 计）"))


def _row_text(values: list[str], n: int) -> str:
    """Why a row's cells are unknown: what was found there."""
    found = [t for t in values if t and not is_end(t)]
    if not found:
        return "原文此行只有行标签，没有数字"
    return f"原文此行为“{short(' '.join(found))}”（{len(found)} 个数字，应为 {n} 个）"


_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?(万元|元)\s*[)）]")


def _column_order(block, header_tokens: list[str], notes: TableNotes, units: dict[str, str]) -> list[str]:
    """The block's columns in the order its header row prints them; the official order if the
    header is incomplete (reported). ``units`` receives a unit printed in a column's header."""
    official = [c.label for c in block.columns]
    found = _header_labels(official, header_tokens, units)
    if sorted(found) != sorted(official):  # a header line printed with spaces between its cells
        words = [w for tok in header_tokens for w in tok.split()]
        retry: dict[str, str] = {}
        if sorted(again := _header_labels(official, words, retry)) == sorted(official):
            found = again
            units.update(retry)
    if sorted(found) == sorted(official):
        return found
    if any(header_tokens):
        missing = [c for c in official if c not in found]
        notes.problems.append(
            (f"表二{block.title}", f"表头缺少“{'”“'.join(missing)}”（可能在转换中丢失），数字按官方列序读入")
        )
    return official


def _header_labels(official: list[str], header_tokens: list[str], units: dict[str, str]) -> list[str]:
    by_key = {key(c): c for c in official}
    found: list[str] = []
    for tok in header_tokens:
        k = key(tok)
        label = by_key.get(k) or _variant_of(k, {ck: c for ck, c in by_key.items() if c not in found})
        # a label with a unit added by the agency: 采购总金额（万元）
        label = label or next((c for ck, c in by_key.items() if k.startswith(ck) and _UNIT.search(tok)), None)
        if label and label not in found:
            found.append(label)
            unit = _UNIT.search(tok)
            if unit and label not in units:
                units[label] = unit.group(1)
    return found


def read_part3(report: Report, toks: list[str], notes: TableNotes, exact: bool = False) -> None:
    fmt = report.format
    p3 = fmt.part3
    labels = {path: path.split(PATH_SEP)[-1] for path in p3.row_paths}
    column_keys = {key(c) for c in p3.columns} | {key(p3.column_tree.label)}
    matcher = RowMatcher(labels, column_keys)
    all_label_keys = [key(lbl) for lbl in node_labels(p3.rows)]
    header_keys = [key(lbl) for lbl in (p3.corner, p3.column_tree.label, *node_labels(p3.column_tree.children))]
    groups = _group_rows(p3)  # group path -> key of its label, e.g. （六）其他处理
    header: list[str] = []
    rows: dict[str, list[str]] = {}
    group_rows: dict[str, list[str]] = {}
    current: str | None = None
    stray: list[str] = []
    for tok in toks:
        group = next((g for g, gk in groups.items() if key(tok) == gk), None) if has_cjk(tok) else None
        if group is not None and group not in group_rows:
            current = group
            group_rows[group] = []
            continue
        path, how = matcher.match(tok) if not is_number(tok) else (None, "")
        if path and path not in rows:
            current = path
            matcher.taken.add(path)
            rows[path] = []
            if how == "variant":
                notes.variants.append(f"“{tok}”→“{labels[path]}”")
                notes.problems.append(("表三", f"行标签写作“{tok}”，按官方标签“{labels[path]}”读入"))
            continue
        if current is None:
            if not is_end(tok):
                header.append(tok)
        elif is_value(tok):
            (group_rows if current in group_rows else rows)[current].append(tok)
        elif not is_stray(tok):
            k = key(tok)
            if len(k) >= 4 and not any(k in lk for lk in all_label_keys) and not _repeated_header(tok, header_keys):
                stray.append(tok)
    if not rows and not group_rows and not any(is_number(t) for t in toks):
        for ref in [r for r in report.values if r.table == PART3]:  # no such table in the document
            del report.values[ref]
        return
    if not exact:
        header = join_wrapped(header, [p3.column_tree.label, *node_labels(p3.column_tree.children)])
    _part3_header(p3, header, notes)
    columns = _part3_columns(p3, header, notes, exact)
    # Some agencies leave the 总计 column out: a row of six numbers under such a header is read
    # into the six columns. A header merely garbled still has rows of seven.
    no_total = any(header) and key(p3.total_column) not in {key(t) for t in header}
    six = len(p3.input_columns)
    if no_total and any(len(_filled(r)) == six for r in rows.values()):
        notes.problems.append(("表三表头", f"没有“{p3.total_column}”列，只读入各列数字，总计按各项计算"))
    zero_rows: list[str] = []
    split_rows: list[str] = []
    if columns == p3.columns and not no_total:
        _gathered_rows(p3, rows, notes)
    unsplit = _unsplit_groups(report, p3, rows, group_rows, columns, notes)
    _drop_tab_terminators(rows, len(columns))
    missing: list[str] = []
    for path in p3.row_paths:
        short_row = no_total and path in rows and len(_filled(rows[path])) == six
        refs = [CellRef(PART3, path, c) for c in (p3.input_columns if short_row else columns)]
        if path not in rows:
            group = next((g for g in unsplit if path.startswith(g + PATH_SEP)), None)
            if group is not None:
                not_found(report, refs, f"原表“{group.split(PATH_SEP)[-1]}”未分列")
            else:
                not_found(report, refs)
                missing.append(labels[path])
            continue
        raw, problem = fit(rows[path], len(refs), has_total=True)
        store(report, refs, raw, _row_text(rows[path], len(refs)))
        if problem and raw is not None and problem.startswith(RUN_SPLIT):
            split_rows.append(labels[path])
        elif problem and raw is not None:
            zero_rows.append(labels[path])
        elif problem:
            notes.problems.append((f"表三“{labels[path]}”行", problem))
    if zero_rows:
        shown = "”“".join(zero_rows[:4]) + ("”等" if len(zero_rows) > 4 else "”")
        notes.problems.append(
            (
                "表三",
                f"“{shown} {len(zero_rows)} 行的数字个数与 7 列不符（单元格在转换中丢失或多出）；"
                "这些行读到的数字都是 0，各格只能是 0，已按 0 读入",
            )
        )
    if split_rows:
        shown = "”“".join(split_rows[:4]) + ("”等" if len(split_rows) > 4 else "”")
        notes.problems.append(
            ("表三", f"“{shown} {len(split_rows)} 行的数字连在一起（抓取网页时单元格未分开），已按“各项之和等于总计”的唯一拆法读入，请核对")
        )
    if missing:
        shown = "”“".join(missing[:4]) + ("”等" if len(missing) > 4 else "”")
        notes.problems.append(("表三", f"未找到“{shown} {len(missing)} 行，相应单元格未读入（未知，不按 0 计）"))
    if stray:
        notes.problems.append(("表三", f"有未识别的文字“{'”“'.join(stray[:5])}”，已忽略"))


def _drop_tab_terminators(rows: dict[str, list[str]], n: int) -> None:
    """Text copied from a PDF may end every row with a tab. A browser's copy never has more cells than
    columns, so a row with all ``n`` numbers and a tab after them shows the table's tabs end rows: then
    a tab after a shorter row is no blank cell either (a lost total is left to the sum, not blank)."""

    def cells(values: list[str]) -> list[str]:
        return [t for t in values if not is_end(t)]

    terminated = any(
        TAB_ROW_END in v and len(cells(v)) == n + 1 and cells(v)[-1] == "" and all(cells(v)[:n])
        for v in rows.values()
    )
    if not terminated:
        return
    for path, values in rows.items():
        if TAB_ROW_END not in values:
            continue
        while cells(values) and cells(values)[-1] == "":  # and the empty cells of a wrapped label's line
            last = max(i for i, t in enumerate(values) if not is_end(t))
            values = values[:last] + values[last + 1 :]
        rows[path] = values


def _gathered_rows(p3, rows: dict[str, list[str]], notes: TableNotes) -> None:
    """Numbers of several rows printed together after the first row's label, the next rows' labels
    alone after them (as a PDF's text can come out): split in the official row order, but only
    when every row so made adds up to the 总计 printed at its end."""
    n = len(p3.columns)
    order = list(p3.row_paths)
    for i, path in enumerate(order):
        found = _filled(rows.get(path, []))
        k = len(found) // n
        if k < 2 or len(found) != k * n or any(is_end(t) for t in rows[path]):
            continue
        following = order[i + 1 : i + k]
        if len(following) != k - 1 or any(p not in rows or _filled(rows[p]) for p in following):
            continue
        chunks = [found[j * n : (j + 1) * n] for j in range(k)]
        numbers = [[parse_value_any(t) for t in chunk] for chunk in chunks]
        if any(v is None for chunk in numbers for v in chunk):
            continue
        if not all(sum(as_number(v) for v in chunk[:-1]) == as_number(chunk[-1]) for chunk in numbers):
            continue
        for target, chunk in zip([path, *following], chunks, strict=True):
            rows[target] = list(chunk)
        labels = "”“".join(p.split(PATH_SEP)[-1] for p in [path, *following])
        notes.problems.append(("表三", f"“{labels}”{k} 行的数字在原文中印在一处，按官方行序分行读入（每行各项之和都等于其总计），请核对"))


def _filled(values: list[str]) -> list[str]:
    return [t for t in values if t and not is_end(t)]


def _group_rows(p3) -> dict[str, str]:
    """The row groups below the side label (（三）不予公开, （六）其他处理): path -> key of the label."""
    out = {}
    for path in p3.row_paths:
        parts = path.split(PATH_SEP)
        for depth in range(2, len(parts)):
            group = PATH_SEP.join(parts[:depth])
            out[group] = key(parts[depth - 1])
    return out


def _unsplit_groups(report: Report, p3, rows, group_rows, columns, notes: TableNotes) -> list[str]:
    """Groups printed as one row with numbers, without their official sub-rows (（六）其他处理 as one
    row in a 2021-format report): the printed numbers are kept as printed (not official cells),
    the sub-rows are unknown, and the deviation is said once."""
    out = []
    for group, values in group_rows.items():
        found = _filled(values)
        if not found or any(path.startswith(group + PATH_SEP) for path in rows):
            continue
        out.append(group)
        label = group.split(PATH_SEP)[-1]
        subs = [p for p in p3.row_paths if p.startswith(group + PATH_SEP)]
        raw, _problem = fit(values, len(columns), has_total=True)
        if raw is not None:
            for col, text in zip(columns, raw, strict=True):
                report.printed[CellRef(PART3, group, col)] = parse_value_any(text) if text else None
        message = (
            f"“{label}”印为一行（{short(' '.join(found))}），没有官方格式的 {len(subs)} 个子项；"
            "子项各格未读入（未知，不按 0 计），请按原始记录填写"
        )
        notes.problems.append(("表三", message))
        notes.variants.append(f"“{label}”未分列子项")
    return out


def _repeated_header(tok: str, header_keys: list[str]) -> bool:
    """Header cells printed again where a table breaks across pages (words of them, in a PDF)."""
    return all(any(key(w) in hk for hk in header_keys) for w in tok.split())



def _part3_header(p3, header: list[str], notes: TableNotes) -> None:
    keys = {key(t) for t in header if t}
    official = {key(c): c for c in p3.columns}
    for k, label in official.items():
        if k in keys:
            continue
        variant = next((t for t in header if t and _variant_of(key(t), {k: label}) == label), None)
        if variant:
            notes.variants.append(f"“{variant}”→“{label}”")
            notes.problems.append(("表三表头", f"列标签写作“{variant}”，按官方标签“{label}”读入"))
        elif any(header) and label != p3.total_column:
            notes.problems.append(("表三表头", f"缺少“{label}”（可能在转换中丢失），数字按官方列序读入"))


def _part3_columns(p3, header: list[str], notes: TableNotes, exact: bool) -> list[str]:
    """The columns in the header's order when every label is found in it (reported if not the
    official order); the official order otherwise."""
    leaves = {key(c): c for c in p3.columns}

    def label_of(tok: str) -> str | None:
        return _variant_of(key(tok), leaves)

    order = header_order(p3.column_tree.children, header, exact, label_of)
    if order is None:
        return p3.columns
    columns = [path[-1] for path in order]
    if columns != p3.columns:
        notes.problems.append(
            ("表三表头", f"列的顺序与官方格式不同（{describe_order(order)}），已按表头的列标签读入各列数字，请核对")
        )
    return columns


def compare_printed(report: Report) -> list[tuple[str, str]]:
    """Printed totals against the sums of their parts: (where, message) naming the rule."""
    fmt = report.format
    formulas = cells_of(fmt).formulas
    totals = report.totals()
    out = []
    for ref, printed in report.printed.items():
        if printed is None or ref not in formulas or totals[ref] is None or as_number(printed) == totals[ref]:
            continue
        rule = total_rule(fmt, ref)
        out.append(
            (ref.describe(), f"印出的合计为 {printed}，而各项之和为 {totals[ref]}（规则 {rule}）；已保留各项数字，合计按各项重新计算")
        )
    return out
