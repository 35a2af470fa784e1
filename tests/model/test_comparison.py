"""Last year beside this year, without a window: values, changes, unknown, the 2020→2021 format switch,
and last year's figures kept in the project file."""

from __future__ import annotations

import json

import pytest

from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.model.carry import next_year_report
from reportdesk.model.comparison import compare, delta_text, percent_text, previous_of
from reportdesk.model.comparison_text import change_cell_text, comparison_lines
from reportdesk.model.project import ProjectError, dumps_project, loads_project, report_to_project
from reportdesk.model.report import new_report


def _p3(report, row_index: int, col_index: int = 0) -> CellRef:
    p3 = report.format.part3
    inputs = [r for r in cells_of(report.format).inputs if r.table == PART3]
    rows = list(dict.fromkeys(r.row for r in inputs))
    return CellRef(PART3, rows[row_index], p3.input_columns[col_index])


def _pair():
    last = new_report("某局", 2022)
    this = new_report("某局", 2023)
    return this, last


def test_values_changes_and_the_large_change_hint():
    this, last = _pair()
    a, b, z = _p3(this, 0, 0), _p3(this, 0, 1), _p3(this, 0, 2)
    last.values[a], this.values[a] = 12, 15
    last.values[b], this.values[b] = 5, 40  # 8×: a large change, a hint
    this.values[z] = 3  # from 0 to 3: not worth a look
    changes = compare(this, previous_of(last))
    assert len(changes) == len(cells_of(this.format).kinds)  # same format: every cell compared
    ca, cb, cz = changes[a], changes[b], changes[z]
    assert (ca.this, ca.last, ca.delta, ca.large) == (15, 12, 3, False)
    assert delta_text(ca) == "+3" and percent_text(ca) == "+25.0%"
    assert (cb.delta, cb.large) == (35, True)
    assert (cz.delta, cz.large, percent_text(cz)) == (3, False, "")
    assert "变化较大" in change_cell_text(cb) and "变化较大" not in change_cell_text(ca)
    total = next(ref for ref, f in cells_of(this.format).formulas.items() if a in f and b in f)
    assert changes[total].delta == 3 + 35 + 3
    same = next(c for c in changes.values() if c.ref not in (a, b, z, total) and c.ref.table == PART3)
    assert same.delta == 0 and not same.differs


def test_unknown_last_year_is_unknown_not_zero_and_has_no_change():
    this, last = _pair()
    a = _p3(this, 0, 0)
    last.values[a] = None
    last.unreadable[a] = "“l2”（不是数字）"
    this.values[a] = 7
    changes = compare(this, previous_of(last))
    c = changes[a]
    assert c.last_unknown and c.last is None and c.delta is None and not c.large and c.differs
    total = next(ref for ref, f in cells_of(this.format).formulas.items() if a in f)
    assert changes[total].last_unknown and changes[total].delta is None
    line = next(x for x in comparison_lines(this, last) if x.startswith(a.describe() + "\t"))
    assert line.split("\t")[1:] == ["7", "？", "不计算（有未知数）"]


def test_unknown_this_year_has_no_change_either():
    this, last = _pair()
    a = _p3(this, 0, 0)
    last.values[a] = 4
    this.values[a] = None
    this.unreadable[a] = "原文未找到此行"
    c = compare(this, previous_of(last))[a]
    assert c.this_unknown and not c.last_unknown and c.last == 4 and c.delta is None


def test_across_the_format_switch_only_cells_of_both_forms_are_compared():
    last = new_report("某局", 2020)
    this = new_report("某局", 2021)
    assert last.format_id != this.format_id
    k19, k21 = cells_of(last.format).kinds, cells_of(this.format).kinds
    both = {ref for ref in k21 if k19.get(ref) == k21[ref]}
    assert both and len(both) < len(k21)  # the forms differ in part
    a = _p3(this, 0, 0)
    assert a in both
    last.values[a], this.values[a] = 2, 9
    changes = compare(this, previous_of(last))
    assert set(changes) == both
    assert changes[a].delta == 7
    only_2021 = next(iter(set(k21) - set(k19)))
    assert only_2021 not in changes


def test_new_from_last_year_keeps_every_figure_and_falls_back_to_the_carried_cells():
    last = new_report("某局", 2022)
    a = _p3(last, 0, 0)
    last.values[a] = 11
    this = next_year_report(last)
    assert this.previous is not None and this.previous.values[a] == 11
    assert compare(this)[a].last == 11
    this.previous = None  # an older project: only the carried cells are known
    carried = compare(this)
    assert carried and a not in carried
    formulas = cells_of(last.format).formulas
    held = set(this.baseline.values)
    assert all(ref in held or set(formulas.get(ref, (ref,))) <= held for ref in carried)


def test_save_and_open_keep_last_years_figures_and_unknown():
    this, last = _pair()
    a, b = _p3(this, 0, 0), _p3(this, 0, 1)
    last.values[a] = 12
    last.values[b] = None
    last.unreadable[b] = "“十二”（不是数字）"
    this.previous = previous_of(last)
    again = loads_project(dumps_project(this))
    assert again.previous == this.previous
    assert again.previous.unreadable == {b: "“十二”（不是数字）"}
    assert compare(again) == compare(this)


@pytest.mark.parametrize(
    "bad",
    [
        {"year": 2022, "format": "1999", "cells": []},
        {"year": 2022, "format": "2021", "cells": {}},
        {"year": "x", "format": "2021", "cells": []},
        {"year": 2022, "format": "2021", "cells": [["三", "a"]]},
    ],
)
def test_a_malformed_previous_block_is_refused_with_a_reason(bad):
    this, _ = _pair()
    data = report_to_project(this)
    data["report"]["previous"] = bad
    with pytest.raises(ProjectError, match="上年报告"):
        loads_project(json.dumps(data, ensure_ascii=False))


def test_a_later_year_cannot_be_last_year():
    this, last = _pair()
    with pytest.raises(ValueError, match="不早于"):
        comparison_lines(last, this)
