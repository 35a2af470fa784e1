"""The checks never fail on a strange report: they report it."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportdesk.checks import check_report
from reportdesk.formats import cells_of
from reportdesk.model.prose import paragraphs_from_text
from reportdesk.model.report import new_report
from reportdesk.model.values import Money

cell_values = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**9),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1000, max_value=10**6),
    st.builds(
        Money,
        st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=0, max_value=10**6),
        st.sampled_from([None, "元", "万元"]),
    ),
)
prose = st.text(alphabet="收到申请件新收办结结转行政复议诉讼未没有0123456789，。年月日现行有效规范性文件", max_size=200)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.integers(1995, 2100),
    fmt=st.sampled_from(["2019", "2021"]),
    data=st.data(),
    text=prose,
    date=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2110, 1, 1))),
)
def test_any_report_gives_findings_not_exceptions(year, fmt, data, text, date):
    r = new_report("某局", year, format_id=fmt)
    for ref in cells_of(r.format).inputs:
        if data.draw(st.booleans()):
            r.values[ref] = data.draw(cell_values)
    r.parts["一"] = paragraphs_from_text(text)
    r.opening = text
    r.title = text[:30]
    r.date = date
    findings = check_report(r)
    assert all(f.message and f.rule for f in findings)
