"""The column order of parts 三 and 四 as the document's own header prints it.

A header is *readable* when every label of the official header tree is found in it. Its
columns are then placed by label: each group's children in the order their header cells
appear after the group's own cell. In a real table (.docx) the cells come row by row, left to
right, so every level can be trusted. In text copied from a PDF a cell that spans rows can come
out before or after its neighbours (part 三 prints `总计` before `自然人`), so there only a
group whose children are all single columns is ordered by its header; groups of groups keep
the official order. An unreadable header gives ``None``: the caller reads in official order
and reports it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..formats.spec import Header, leaf_paths
from .normalise import key


def header_order(
    nodes: tuple[Header, ...],
    header: list[str],
    exact: bool,
    label_of: Callable[[str], str | None] | None = None,
) -> list[tuple[str, ...]] | None:
    """The leaf paths of ``nodes`` in the header's order, or None if a label is missing."""
    labels = {key(p) for path in leaf_paths(nodes) for p in path}
    found: list[tuple[int, str]] = []  # (position, official label) of every header cell that names one
    for i, tok in enumerate(header):
        if not tok:
            continue
        label = tok if key(tok) in labels else (label_of(tok) if label_of else None)
        if label is not None and key(label) in labels:
            found.append((i, key(label)))
    used: set[int] = set()

    def place(children: tuple[Header, ...], after: int) -> list[tuple[int, Header]] | None:
        out = []
        for child in children:
            k = key(child.label)
            pos = next((i for i, lk in found if lk == k and i > after and i not in used), None)
            if pos is None:
                return None
            used.add(pos)
            out.append((pos, child))
        return out

    top = place(nodes, -1)
    if top is None:
        return None
    # groups are opened in the order their own cells appear, so repeated leaf labels (part 四)
    # are taken by the group printed first
    placed: dict[int, list[Header]] = {}
    queue = sorted(((pos, node) for pos, node in top), key=lambda x: x[0])
    order_of_top = _ordered(top, exact, nodes)
    while queue:
        pos, node = queue.pop(0)
        if not node.children:
            continue
        kids = place(node.children, pos)
        if kids is None:
            return None
        placed[id(node)] = _ordered(kids, exact, node.children)
        queue = sorted(queue + [k for k in kids if k[1].children], key=lambda x: x[0])

    def expand(ordered: list[Header], prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        out = []
        for node in ordered:
            path = prefix + (node.label,)
            out.extend(expand(placed[id(node)], path) if node.children else [path])
        return out

    return expand(order_of_top, ())


def _ordered(placed: list[tuple[int, Header]], exact: bool, official: tuple[Header, ...]) -> list[Header]:
    if exact or not any(node.children for _, node in placed):
        return [node for _, node in sorted(placed, key=lambda x: x[0])]
    return list(official)


def describe_order(paths: list[tuple[str, ...]]) -> str:
    return "、".join("“" + "·".join(p[-2:] if len(p) > 2 else p[-1:]) + "”" for p in paths)


def join_wrapped(header: list[str], labels: list[str]) -> list[str]:
    """Header cells as a PDF gives them: words of one cell spaced out on one line, or a label
    wrapped inside its narrow cell (`自然` `人`, `结果` `维持`) joined again when together they
    make a label."""
    keys = {key(label) for label in labels}
    words = [w for tok in header for w in (tok.split() if " " in tok.strip() and key(tok) not in keys else [tok])]
    out: list[str] = []
    i = 0
    while i < len(words):
        acc, best = "", None
        for j in range(i, min(i + 6, len(words))):
            acc += key(words[j])
            if not acc:
                break
            if acc in keys:
                best = j
            if not any(k.startswith(acc) for k in keys):
                break
        if best is not None and best > i:
            out.append("".join(words[i : best + 1]))
            i = best + 1
        elif (
            i + 2 < len(words)
            and key(words[i + 1]) in keys
            and key(words[i]) + key(words[i + 2]) in keys
            and key(words[i]) not in keys
            and key(words[i])  # punctuation left between cells is not half of a label
        ):
            # a label centred across the header rows sits between the two lines of its
            # neighbour: `商业` `总计` `企业`
            out.extend([words[i] + words[i + 2], words[i + 1]])
            i += 3
        else:
            out.append(words[i])
            i += 1
    return out
