"""The official wording of both formats, gathered once: what the readers look for in any form.

Taken from the format declarations (never spelled out here): part headings, the table blocks'
titles, row and column labels, the corner note of part 三.
"""

from __future__ import annotations

from functools import cache

from ..formats import FORMATS, PATH_SEP
from ..formats.common import PART2_LABEL_COLUMN
from ..formats.spec import node_labels
from .normalise import key


@cache
def table_labels() -> tuple[str, ...]:
    """Every label printed in the three tables of either format, longest first."""
    labels: set[str] = {PART2_LABEL_COLUMN}
    for fmt in FORMATS.values():
        for b in fmt.part2:
            labels.add(b.title)
            labels.update(b.rows)
            labels.update(c.label for c in b.columns)
        p3 = fmt.part3
        labels.add(p3.corner)
        for path in p3.row_paths:
            labels.update(path.split(PATH_SEP))
        labels.update(node_labels((p3.column_tree,)))
        labels.update(node_labels(fmt.part4.column_tree))
    return tuple(sorted(labels, key=lambda s: -len(key(s))))


@cache
def part_headings() -> tuple[tuple[str, str], ...]:
    return next(iter(FORMATS.values())).part_headings


@cache
def official_keys() -> frozenset[str]:
    """Keys of the wording that marks a report's body: the part headings and the longer table labels."""
    keys = {key(h) for _, h in part_headings()}
    keys |= {key(label) for label in table_labels() if len(key(label)) >= 4}
    return frozenset(keys)
