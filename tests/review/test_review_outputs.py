"""The HTML page and the CSV file, read back as a person's browser and spreadsheet would."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from review_gen import inject, make_report, write_set

from reportdesk.review import batch, table
from reportdesk.review.html_page import render, write_html


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.rows = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.rows += tag == "tr"
        for name, value in attrs:
            if name in ("src", "href", "action", "data") and value:
                self.urls.append(value)

    def handle_data(self, data):
        self.text.append(data)


def _rows(tmp_path):
    reports = [make_report(f'青禾县<b>局{i}</b>&"', 2025, seed=i) for i in range(4)]
    inject(reports[1], "identity")
    inject(reports[2], "prose")
    write_set(tmp_path, reports)
    (tmp_path / "bad.json").write_text("[", "utf-8")
    return batch.review_paths([tmp_path], workers=1)


def test_html_is_self_contained_escaped_and_complete(tmp_path):
    rows = _rows(tmp_path)
    write_html(rows, tmp_path / "out.html", base=tmp_path)
    page = (tmp_path / "out.html").read_text("utf-8")
    parser = _Page()
    parser.feed(page)
    assert parser.urls == []  # no link, image, script or style file
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/|@import|url\(", page, re.I)
    assert "<b>局" not in page and "&lt;b&gt;局1&lt;/b&gt;&amp;&quot;" in page
    assert parser.tags.count("script") == 1 and parser.tags.count("style") == 1
    assert parser.rows == 1 + len(rows)  # header + one row per report
    text = "".join(parser.text)
    assert "T3-IDENTITY" in text and "PROSE-NUMBER" in text and "第一部分" in text
    assert "bad.json" in text and "无法读取" in text
    for header in table.HEADERS:
        assert f">{header}</th>" in page
    assert "共 5 份：2 份通过，1 份有错误，1 份仅有警告，1 份无法读取" in text


def test_html_rows_carry_sort_keys_and_the_filter_works_on_text(tmp_path):
    rows = _rows(tmp_path)
    page = render(rows)
    assert page.count('data-num="1"') == len(table.NUMERIC)
    assert 'id="filter"' in page and 'id="only-errors"' in page
    # every data row says whether it has errors, which the "only errors" box filters on
    assert len(re.findall(r'data-errors="0"', page)) == 3 and len(re.findall(r'data-errors="[1-9]', page)) == 2


def test_csv_opens_in_excel_with_chinese_intact(tmp_path):
    rows = _rows(tmp_path)
    out = tmp_path / "out.csv"
    table.write_csv(rows, out, base=tmp_path)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    records = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert records[0] == [*table.HEADERS, "问题"]
    assert len(records) == 1 + len(rows)
    by_file = {r[0]: dict(zip(records[0], r, strict=True)) for r in records[1:]}
    broken = next(v for k, v in by_file.items() if "0001-" in k)
    assert broken["机关"] == '青禾县<b>局1</b>&"' and broken["状态"] == "有错误" and int(broken["错误"]) >= 1
    assert "T3-IDENTITY" in broken["问题"] and "表三" in broken["问题"]
    assert by_file["bad.json"]["状态"] == "无法读取" and by_file["bad.json"]["新收"] == ""
    clean = by_file[next(k for k in by_file if "0000-" in k)]
    assert clean["问题"] == "" and clean["格式"] == "2021 年格式" and clean["年度"] == "2025"
