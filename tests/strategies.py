"""Hypothesis strategies: random valid reports (every rule satisfied by construction)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal

from hypothesis import strategies as st

from reportdesk.formats import FORMATS, PART2, PART3, PART4, CellRef, ValueKind, cells_of
from reportdesk.model.opening import standard_opening
from reportdesk.model.prose import Paragraph, Run, heading_level
from reportdesk.model.report import Contact, new_report
from reportdesk.model.values import Money

counts = st.integers(min_value=0, max_value=500)


def _typed_once(s: str) -> str:
    """A valid report has no word typed twice (PROSE-REPEAT-WORD): collapse 公开公开 into 公开."""
    while (once := re.sub(r"(.+?)\1+", r"\1", s)) != s:
        s = once
    return s


text = st.text(alphabet="政府信息公开工作取得成效一是二是加强规范管理平台建设监督保障", min_size=4, max_size=40).map(_typed_once)


@st.composite
def paragraphs(draw, min_size=1):
    out = []
    for _ in range(draw(st.integers(min_value=min_size, max_value=4))):
        # runs end a sentence, so that two runs never read as one word typed twice
        runs = [Run(draw(text) + "。", draw(st.booleans())) for _ in range(draw(st.integers(1, 3)))]
        # neighbouring runs of the same weight merge in markup; keep them alternating
        for a, b in itertools.pairwise(runs):
            b.bold = not a.bold
        prefix = draw(st.sampled_from(["", "", "（二）", "3."]))
        runs[0].text = prefix + runs[0].text
        out.append(Paragraph(runs, level=heading_level(prefix)))
    return out


@st.composite
def valid_reports(draw):
    year = draw(st.integers(min_value=2019, max_value=2030))
    kind = draw(st.sampled_from(["department", "government"]))
    agency = draw(st.sampled_from(["青禾市市场监督管理局", "某县人民政府", "堃城区教育局"]))
    r = new_report(agency, year, kind)
    fmt = r.format
    fc = cells_of(fmt)
    for ref in fc.inputs:
        if ref.table == PART2:
            kind_ = fc.kinds[ref]
            if kind_ is ValueKind.COUNT:
                r.values[ref] = draw(counts)
            elif kind_ is ValueKind.SIGNED:
                r.values[ref] = draw(st.integers(-50, 50))
            elif kind_ is ValueKind.WAN_YUAN:
                r.values[ref] = Decimal(draw(st.integers(0, 10**8))) / 10000
            else:
                r.values[ref] = Money(Decimal(draw(st.integers(0, 10**7))) / 100, draw(st.sampled_from(["元", "万元"])))
        elif ref.table == PART4:
            r.values[ref] = draw(st.integers(0, 9))
    # part 三: results and carry-out drawn first; 新收 makes the printed identity hold per column
    p3 = fmt.part3
    for col in p3.input_columns:
        for row in p3.result_rows:
            r.values[CellRef(PART3, row, col)] = draw(st.integers(0, 6))
        carried_in = draw(st.integers(0, 5))
        carried_out = draw(st.integers(0, 5))
        done = sum(r.values[CellRef(PART3, row, col)] for row in p3.result_rows)
        if done + carried_out < carried_in:
            carried_in = done + carried_out
        r.values[CellRef(PART3, p3.carried_in_row, col)] = carried_in
        r.values[CellRef(PART3, p3.carried_out_row, col)] = carried_out
        r.values[CellRef(PART3, p3.new_row, col)] = done + carried_out - carried_in
    for part in ("一", "五", "六"):
        r.parts[part] = draw(paragraphs())
    if year >= 2021:
        r.parts["六"].append(Paragraph([Run("本年度未收取信息处理费。")]))
    r.contact = Contact(website="本级人民政府门户网站", phone="0000-1234567")
    r.opening = standard_opening(r)
    last = dt.date(year + 1, 3 if kind == "government" else 1, 31)
    r.date = dt.date(year + 1, 1, 1) + dt.timedelta(days=draw(st.integers(0, (last - dt.date(year + 1, 1, 1)).days)))
    assert r.format_id in FORMATS
    return r
