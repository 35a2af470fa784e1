"""The review as one self-contained HTML page: inline style and script, no network, sortable, filterable."""

from __future__ import annotations

import datetime as dt
import os
from html import escape
from pathlib import Path

from ..model.project import atomic_write
from ..model.report import UNKNOWN_MARK
from .rows import ReviewRow
from .table import (
    FORMAT_COLUMN,
    HEADERS,
    NUMERIC,
    PREVIOUS_MISSING,
    STATUS_COLUMN,
    cells,
    finding_lines,
    status,
    summary_line,
)

_STYLE = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em;margin:0 0 .3em}
.meta{color:#555;margin:.2em 0 1em}
.bar{display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin-bottom:.8em}
.bar input[type=search]{font-size:1em;padding:.3em .5em;width:22em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ccc;padding:.25em .45em;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;white-space:nowrap;position:sticky;top:0}
th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.unknown{color:#888;text-align:center}
li.read{color:#666}
td.nw,td.status{white-space:nowrap}
tr.s-err td.status{color:#b00020;font-weight:bold}
tr.s-warn td.status{color:#a15c00}
tr.s-ok td.status{color:#1b7a1b}
tr.s-bad td{background:#fff0f0}
details summary{cursor:pointer;color:#245}
ul.findings{margin:.3em 0;padding-left:1.2em}
li.error{color:#b00020}li.warning{color:#8a5300}li.info{color:#555}
.where{color:#333;font-weight:bold}
.note{margin:.2em 0;padding:.3em .6em;background:#fff8e1;border-left:4px solid #f0b400}
"""

_SCRIPT = """
(function(){
var table=document.getElementById('review'),body=table.tBodies[0];
var box=document.getElementById('filter'),only=document.getElementById('only-errors'),shown=document.getElementById('shown');
function apply(){
 var words=box.value.trim().toLowerCase().split(/\\s+/).filter(Boolean),n=0;
 Array.prototype.forEach.call(body.rows,function(tr){
  var text=tr.textContent.toLowerCase();
  var ok=words.every(function(w){return text.indexOf(w)>=0;})&&(!only.checked||tr.dataset.errors!=='0');
  tr.style.display=ok?'':'none';if(ok)n++;});
 shown.textContent=n;}
box.addEventListener('input',apply);only.addEventListener('change',apply);
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
 th.addEventListener('click',function(){
  var asc=!th.classList.contains('sorted-asc'),num=th.dataset.num==='1';
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.classList.remove('sorted-asc','sorted-desc');});
  th.classList.add(asc?'sorted-asc':'sorted-desc');
  var rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){
   var x=a.cells[i].dataset.v,y=b.cells[i].dataset.v,r;
   if(num){x=x===''?-Infinity:+x;y=y===''?-Infinity:+y;r=x-y;}else{r=x.localeCompare(y,'zh-CN');}
   return asc?r:-r;});
  rows.forEach(function(tr){body.appendChild(tr);});});});
apply();})();
"""


def _row_class(row: ReviewRow) -> str:
    return {"无法读取": "s-bad s-err", "有错误": "s-err", "有警告": "s-warn"}.get(status(row), "s-ok")


def _findings_cell(row: ReviewRow) -> str:
    if not row.readable:
        return escape(row.unreadable or "")
    items = []
    for f in row.findings:
        sev = f.severity.value
        items.append(
            f'<li class="{escape(sev)}">[{escape(f.severity.label)}] '
            f'<span class="where">{escape(f.place.describe())}</span>：{escape(f.message)} '
            f"<code>{escape(f.rule)}</code></li>"
        )
    if row.previous_missing:
        items.append(f'<li class="info">{escape(PREVIOUS_MISSING)}</li>')
    if not items:
        return ""
    return f'<details><summary>{len(items)} 条</summary><ul class="findings">{"".join(items)}</ul></details>'


def render(
    rows: list[ReviewRow],
    title: str = "政府信息公开工作年度报告批量审阅",
    base: Path | None = None,
    notes: list[str] | None = None,
) -> str:
    head = (
        "".join(f'<th data-num="{int(h in NUMERIC)}">{escape(h)}</th>' for h in HEADERS) + '<th data-num="0">问题</th>'
    )
    body = []
    for row in rows:
        tds = []
        for header, value in zip(HEADERS, cells(row, base), strict=True):
            shown = "" if value is None else str(value)
            if value == UNKNOWN_MARK and header in NUMERIC:  # unknown: a mark, sorted with the empty ones
                tds.append(f'<td class="num unknown" data-v="" title="未能读取，不按 0 计">{UNKNOWN_MARK}</td>')
                continue
            cls = (
                ' class="num"'
                if header in NUMERIC
                else {STATUS_COLUMN: ' class="status"', FORMAT_COLUMN: ' class="nw"'}.get(header, "")
            )
            tds.append(f'<td{cls} data-v="{escape(shown)}">{escape(shown)}</td>')
        findings = f'<td data-v="{escape(" ".join(finding_lines(row)))}">{_findings_cell(row)}</td>'
        errors = row.errors if row.errors is not None else 1
        body.append(f'<tr class="{_row_class(row)}" data-errors="{errors}">{"".join(tds)}{findings}</tr>')
    made = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="meta">{escape(summary_line(rows))} · 生成于 {escape(made)} · ReportDesk</p>'
        + "".join(f'<p class="note">{escape(n)}</p>' for n in notes or ())
        + '<div class="bar"><input type="search" id="filter" placeholder="筛选：机关、规则、文字……（空格分隔多个词）">'
        '<label><input type="checkbox" id="only-errors"> 只看有错误的报告</label>'
        f'<span>显示 <b id="shown">{len(rows)}</b> / {len(rows)} 份；点击表头排序</span></div>'
        f'<table id="review"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def write_html(
    rows: list[ReviewRow], path: str | os.PathLike[str], base: Path | None = None, notes: list[str] | None = None
) -> None:
    atomic_write(path, render(rows, base=base, notes=notes).encode("utf-8"), backup=False)
