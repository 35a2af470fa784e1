"""The HTML page's script really sorts and filters (run in Node.js against a minimal DOM; skipped without node)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from review_gen import inject, make_report, write_set

from reportdesk.review import batch, table
from reportdesk.review.html_page import render

NODE = shutil.which("node")

# Just enough DOM for the page's script: rows, cells with data-v, the filter box, the checkbox.
FAKE_DOM = r"""
const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));
function el(props) { const listeners = {}; return Object.assign({
  dataset: {}, style: {}, addEventListener(n, f) { listeners[n] = f; }, fire(n) { listeners[n](); },
  classList: { s: new Set(), add(...c) { c.forEach(x => this.s.add(x)); }, remove(...c) { c.forEach(x => this.s.delete(x)); },
               contains(c) { return this.s.has(c); } } }, props); }
const rows = data.rows.map(r => el({ textContent: r.text, dataset: { errors: r.errors },
  cells: r.cells.map(v => el({ dataset: { v } })) }));
const body = { rows: rows.slice(), appendChild(tr) { this.rows.splice(this.rows.indexOf(tr), 1); this.rows.push(tr); } };
const heads = data.headers.map(h => el({ dataset: { num: h.num } }));
const nodes = { review: { tBodies: [body], tHead: { rows: [{ cells: heads }] } },
  filter: el({ value: '' }), 'only-errors': el({ checked: false }), shown: { textContent: '' } };
global.document = { getElementById: id => nodes[id] };
eval(data.script);
const visible = () => body.rows.filter(r => r.style.display !== 'none').map(r => r.cells[data.agencyColumn].dataset.v);
const out = {};
heads[data.sortColumn].fire('click'); out.ascending = body.rows.map(r => r.cells[data.sortColumn].dataset.v);
heads[data.sortColumn].fire('click'); out.descending = body.rows.map(r => r.cells[data.sortColumn].dataset.v);
nodes.filter.value = 'T3-IDENTITY'; nodes.filter.fire('input'); out.filtered = visible(); out.shown = nodes.shown.textContent;
nodes.filter.value = ''; nodes.filter.fire('input'); nodes['only-errors'].checked = true; nodes['only-errors'].fire('change');
out.errorsOnly = visible();
console.log(JSON.stringify(out));
"""


class _Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headers, self.rows, self.row = [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "th":
            self.headers.append({"num": a.get("data-num", "0")})
        elif tag == "tr" and "data-errors" in a:
            self.row = {"errors": a["data-errors"], "cells": [], "text": ""}
            self.rows.append(self.row)
        elif tag == "td" and self.row is not None:
            self.row["cells"].append(a.get("data-v", ""))

    def handle_data(self, data):
        if self.row is not None:
            self.row["text"] += data


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_page_script_sorts_numbers_and_filters(tmp_path):
    reports = [make_report(f"青禾县第{i}局", 2025, seed=i) for i in range(6)]
    inject(reports[3], "identity")
    write_set(tmp_path, reports)
    rows = batch.review_paths([tmp_path], workers=1)
    page = render(rows)
    parsed = _Rows()
    parsed.feed(page)
    sort_column = table.HEADERS.index("新收")
    data = {
        "script": re.search(r"<script>(.*)</script>", page, re.S).group(1),
        "headers": parsed.headers,
        "rows": parsed.rows,
        "sortColumn": sort_column,
        "agencyColumn": table.HEADERS.index("机关"),
    }
    result = subprocess.run([NODE, "-e", FAKE_DOM], input=json.dumps(data), capture_output=True, text=True, check=True)
    out = json.loads(result.stdout)
    numbers = sorted(r.figures.new for r in rows)
    assert [int(v) for v in out["ascending"]] == numbers  # as numbers, not as text
    assert [int(v) for v in out["descending"]] == numbers[::-1]
    assert out["filtered"] == [reports[3].agency] and out["shown"] == 1
    assert out["errorsOnly"] == [reports[3].agency]
