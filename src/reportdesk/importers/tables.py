"""Reading the three tables: every number is placed by the label of its row, never by position alone.

Labels come from the format declarations. A row label may be split across lines, spaced out,
half-width, or a known shorter variant (`社会组织`, `规范性文件`); a variant is accepted only
when it fits exactly one official label, and it is reported. A row whose count of numbers does
not fit its columns is never guessed: it is read only when every reading gives the same values
(all zero), and otherwise reported as unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats import PART2, PART3, PART4, PATH_SEP, CellRef, ValueKind, cells_of
from ..model.report import Report
from ..model.values import CellValueError, Value, as_number, parse_value
from .columns import describe_order, header_order, join_wrapped
from .normalise import bare_key, has_cjk, is_number, is_subsequence, key


@dataclass
class TableNotes:
    """What reading the tables found that the clerk should know: problems and accepted variants."""

    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    variants: list[str] = field(default_factory=list)


def _variant_of(k: str, candidates: dict[str, str]) -> str | None:
    """The one official label (by key) that a shorter spelling ``k`` abbreviates, if exactly one."""
    if len(k) < 4:
        return None
    hits = [v for ck, v in candidates.items() if len(k) < len(ck) and len(k) >= 0.6 * len(ck) and is_subsequence(k, ck)]
    return hits[0] if len(hits) == 1 else None


_NOT_A_NUMBER = {"无", "空", "暂无"}  # written in a cell instead of 0: read as unreadable, never as 0


def _is_value(token: str) -> bool:
    return token == "" or is_number(token) or not has_cjk(token) or token.strip() in _NOT_A_NUMBER


def fit(values: list[str], n: int, has_total: bool) -> tuple[list[str | None] | None, str | None]:
    """The ``n`` cells of a row from the value tokens that followed its label."""
    filled = [t for t in values if t != ""]
    if len(filled) == n:
        return list(filled), None
    if len(values) == n:
        return [t or None for t in values], None
    if not filled:
        return [None] * n, None
    zeros = all(is_number(t) and as_number(parse_value_any(t)) == 0 for t in filled)
    if zeros and (len(filled) > n or (has_total and len(filled) == n - 1)):
        return ["0"] * n, f"读到 {len(filled)} 个数字，应为 {n} 个（有单元格在转换中丢失或多出）；读到的数字都是 0，各格只能是 0，已按 0 读入"
    shown = _short(" ".join(filled))
    return None, f"读到 {len(filled)} 个数字（{shown}），应为 {n} 个，无法确定各数字所在的列，未读入"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_value_any(token: str) -> Value | None:
    try:
        return parse_value(ValueKind.MONEY if token.endswith("元") else ValueKind.SIGNED, token)
    except CellValueError:
        return None


def _store(report: Report, refs: list[CellRef], raw: list[str | None] | None, row_text: str) -> None:
    fc = cells_of(report.format)
    for i, ref in enumerate(refs):
        target = report.printed if ref in fc.formulas else report.values
        if raw is None:
            target[ref] = None
            if ref not in fc.formulas:
                report.unreadable[ref] = row_text
            continue
        text = raw[i]
        if text is None:
            target[ref] = None
            continue
        try:
            target[ref] = parse_value(fc.kinds[ref], text)
        except CellValueError as exc:
            target[ref] = None
            report.unreadable[ref] = f"{text}（{exc}）"


class _RowMatcher:
    """Finds which official row a cell names: exactly, without its number, split, or a variant."""

    def __init__(self, labels: dict[str, str], forbidden_bare: set[str]) -> None:
        self.full = {key(label): path for path, label in labels.items()}
        self.bare = {}
        for path, label in labels.items():
            b = bare_key(label)
            if len(b) >= 2 and b not in forbidden_bare:
                self.bare[b] = path
        self.taken: set[str] = set()

    def match(self, token: str) -> tuple[str | None, str]:
        """(row path, how): how is "" (exact), "split" or "variant"."""
        k = key(token)
        if not k or not has_cjk(token):
            return None, ""
        if k in self.full:
            return self.full[k], ""
        b = bare_key(token)
        if b in self.bare:  # without its number, or with a wrong one (reported)
            return self.bare[b], "" if b == k else "variant"
        free = {ck: p for ck, p in self.full.items() if p not in self.taken}
        if len(k) >= 5:
            starts = [p for ck, p in free.items() if ck.startswith(k) or ck.startswith(b)]
            if len(starts) == 1:
                return starts[0], "split"
        hit = _variant_of(k, free)
        return (hit, "variant") if hit else (None, "")


def read_part2(report: Report, toks: list[str], notes: TableNotes) -> None:
    """Blocks by their title, rows by their label, columns by the block's own header row."""
    fmt = report.format
    blocks = {key(b.title): b for b in fmt.part2}
    matchers = {b.title: _RowMatcher({b.title + PATH_SEP + r: r for r in b.rows}, set()) for b in fmt.part2}
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
            if block is not None:
                headers[block.title].append(tok)
        elif _is_value(tok):
            rows[current].append(tok)
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
                _store(report, refs, [None] * len(refs), "")
                continue
            raw, problem = fit(rows[path], len(refs), has_total=False)
            if raw is not None:  # a money cell without a unit takes the one its header prints
                raw = [
                    t + units[c] if t and c in units and kinds[c] is ValueKind.MONEY and is_number(t) and not has_cjk(t) else t
                    for t, c in zip(raw, columns, strict=True)
                ]
            _store(report, refs, raw, _short(" ".join(t for t in rows[path] if t)) or "（空）")
            if problem:
                notes.problems.append((f"表二{b.title}“{label}”行", problem))
        if missing and rows:
            notes.problems.append((f"表二{b.title}", f"未找到“{'”“'.join(missing)}”行，相应单元格为空"))


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
    matcher = _RowMatcher(labels, column_keys)
    all_label_keys = [key(lbl) for lbl in _node_labels(p3.rows)]
    header_keys = [key(lbl) for lbl in (p3.corner, p3.column_tree.label, *_node_labels(p3.column_tree.children))]
    header: list[str] = []
    rows: dict[str, list[str]] = {}
    current: str | None = None
    stray: list[str] = []
    for tok in toks:
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
            header.append(tok)
        elif _is_value(tok):
            rows[current].append(tok)
        else:
            k = key(tok)
            if len(k) >= 4 and not any(k in lk for lk in all_label_keys) and not _repeated_header(tok, header_keys):
                stray.append(tok)
    if not exact:
        header = join_wrapped(header, [p3.column_tree.label, *_node_labels(p3.column_tree.children)])
    _part3_header(p3, header, notes)
    columns = _part3_columns(p3, header, notes, exact)
    # Some agencies leave the 总计 column out: a row of six numbers under such a header is read
    # into the six columns. A header merely garbled still has rows of seven.
    no_total = any(header) and key(p3.total_column) not in {key(t) for t in header}
    six = len(p3.input_columns)
    if no_total and any(len([t for t in r if t]) == six for r in rows.values()):
        notes.problems.append(("表三表头", f"没有“{p3.total_column}”列，只读入各列数字，总计按各项计算"))
    zero_rows: list[str] = []
    for path in p3.row_paths:
        short_row = no_total and path in rows and len([t for t in rows[path] if t]) == six
        refs = [CellRef(PART3, path, c) for c in (p3.input_columns if short_row else columns)]
        if path not in rows:
            _store(report, refs, [None] * len(refs), "")
            if rows:
                notes.problems.append(("表三", f"未找到“{labels[path]}”行，相应单元格为空"))
            continue
        raw, problem = fit(rows[path], len(refs), has_total=True)
        _store(report, refs, raw, _short(" ".join(t for t in rows[path] if t)) or "（空）")
        if problem and raw is not None:
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
    if stray:
        notes.problems.append(("表三", f"有未识别的文字“{'”“'.join(stray[:5])}”，已忽略"))


def _repeated_header(tok: str, header_keys: list[str]) -> bool:
    """Header cells printed again where a table breaks across pages (words of them, in a PDF)."""
    return all(any(key(w) in hk for hk in header_keys) for w in tok.split())


def _node_labels(nodes) -> list[str]:
    out = []
    for n in nodes:
        out.append(n.label)
        out.extend(_node_labels(n.children))
    return out


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


def read_part4(report: Report, toks: list[str], notes: TableNotes, exact: bool = False) -> None:
    p4 = report.format.part4
    is_text = [has_cjk(t) and not is_number(t) for t in toks]
    first_number = next((i for i, t in enumerate(toks) if t and not is_text[i]), len(toks))
    last_header = max((i for i in range(first_number) if is_text[i]), default=-1)
    data_end = next((i for i in range(first_number, len(toks)) if is_text[i]), len(toks))
    header, data = toks[: last_header + 1], toks[last_header + 1 : data_end]
    if not exact:
        header = join_wrapped(header, _node_labels(p4.column_tree))
    after = [t for t in toks[data_end:] if t]
    if after:
        notes.problems.append(("表四之后", f"有未识别的文字“{_short('”“'.join(after))}”，已忽略"))
    refs = [CellRef(PART4, g, c) for g in p4.groups for c in p4.columns_of(g)]
    if not [t for t in data if t]:
        _store(report, refs, [None] * len(refs), "")
        return
    no_totals = key(p4.total_column) not in {key(t) for t in header} and any(header)
    if no_totals and len([t for t in data if t]) == len(refs) - len(p4.groups):
        refs = [r for r in refs if r.col != p4.total_column]  # printed without its 总计 columns
        notes.problems.append(("表四表头", f"没有“{p4.total_column}”列，只读入各项数字，总计按各项计算"))
    else:
        order = header_order(p4.column_tree, header, exact)
        if order is not None and [(r.row, r.col) for r in refs] != [(PATH_SEP.join(p[:-1]), p[-1]) for p in order]:
            refs = [CellRef(PART4, PATH_SEP.join(p[:-1]), p[-1]) for p in order]
            notes.problems.append(
                ("表四表头", f"列的顺序与官方格式不同（{describe_order(order)}），已按表头的列标签读入各列数字，请核对")
            )
    raw, problem = fit(data, len(refs), has_total=True)
    _store(report, refs, raw, _short(" ".join(t for t in data if t)))
    if problem:
        notes.problems.append(("表四", problem))
    keys = {key(t) for t in header}
    wanted = []
    for label in _node_labels(p4.column_tree):
        if key(label) not in keys and label not in wanted:
            wanted.append(label)
    if wanted and header:
        notes.problems.append(("表四表头", f"表头残缺（未找到“{'”“'.join(wanted)}”），数字按官方列序读入"))


def compare_printed(report: Report) -> list[tuple[str, str]]:
    """Printed totals against the sums of their parts: (where, message) naming the rule."""
    fmt = report.format
    formulas = cells_of(fmt).formulas
    totals = report.totals()
    out = []
    for ref, printed in report.printed.items():
        if printed is None or ref not in formulas or totals[ref] is None or as_number(printed) == totals[ref]:
            continue
        if ref.table == PART4:
            rule = "T4-TOTAL"
        elif ref.row == fmt.part3.total_row:
            rule = "T3-RESULT-TOTAL"
        else:
            rule = "T3-ROW-TOTAL"
        out.append(
            (ref.describe(), f"印出的合计为 {printed}，而各项之和为 {totals[ref]}（规则 {rule}）；已保留各项数字，合计按各项重新计算")
        )
    return out
