"""Unknown figures in review and aggregate: shown as ？ (never 0) in the console, CSV and HTML, counted
in the summary line; a summed cell with an unknown contribution is unknown and names its sources.

The reports are the published seeds (interchange JSON typed from the real documents) with cells
knocked out to unknown, as a reader that failed on them leaves them.
"""

from __future__ import annotations

import csv
import json

from tests.helpers import seed

from reportdesk.cli import main
from reportdesk.formats import PART3, CellRef
from reportdesk.loading import load_report
from reportdesk.model.interchange import to_interchange
from reportdesk.review import batch
from reportdesk.review.aggregate import aggregate, aggregate_files
from reportdesk.review.html_page import render
from reportdesk.review.table import csv_text, summary_line

NEW = CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")
DISCLOSED = CellRef(PART3, "三、本年度办理结果/（一）予以公开", "自然人")
CARRIED_OUT = CellRef(PART3, "四、结转下年度继续办理", "自然人")
SEEDS_2020 = ["000_730c80e139d75b64", "002_7afa714d70970faa", "003_bce8275da3ca3d23", "004_a9dbc25bac2331b1"]


def knocked(name, *refs, why="“l”（不是数字）"):
    r = seed(name)
    for ref in refs:
        r.values[ref] = None
        r.unreadable[ref] = why
    return r


def write(folder, reports):
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i, r in enumerate(reports):
        path = folder / f"{i}.json"
        path.write_text(json.dumps(to_interchange(r), ensure_ascii=False), "utf-8")
        files.append(path)
    return files


def test_review_row_console_csv_and_html_show_unknown_not_zero(tmp_path, capsys):
    folder = tmp_path / "in"
    # 000 has 新收 1 (自然人): unknown, it would have read as 0
    write(folder, [knocked("000_730c80e139d75b64", NEW), seed("004_a9dbc25bac2331b1")])
    rows = batch.review_paths([folder], workers=1)
    row = rows[0]
    assert row.figures.new is None and row.unknown_figures == ["新收"] and row.unknown_cells == 1
    assert row.figures.closed == 1  # the figures that do not depend on it are numbers
    assert rows[1].figures.new == 1 and rows[1].unknown_figures == []
    assert "1 份有未能读取的数字" in summary_line(rows)
    table = list(csv.DictReader(csv_text(rows).splitlines()))
    assert table[0]["新收"] == "？" and table[0]["办结"] == "1" and table[1]["新收"] == "1"
    page = render(rows)
    assert '<td class="num unknown" data-v="" title="未能读取，不按 0 计">？</td>' in page
    assert page.count("？</td>") == 1
    assert main(["review", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "新收 ？ 上年结转 0 办结 1" in out and "TABLE-UNCHECKED" in out and "[读取说明] CELL-UNREADABLE" in out
    assert "1 份有未能读取的数字" in out


def test_review_with_last_years_unknown_carry_says_it_could_not_compare(tmp_path):
    last = knocked("001_082ea42f41a4a5d8", CARRIED_OUT)
    now = seed("001_082ea42f41a4a5d8")
    last.year, last.baseline = 2022, None
    now.values[CellRef(PART3, "二、上年结转政府信息公开申请数量", "自然人")] = 5  # would differ from 0
    write(tmp_path / "last", [last])
    write(tmp_path / "now", [now])
    [row] = batch.review_paths([tmp_path / "now"], previous=[tmp_path / "last"], workers=1)
    rules = {f.rule for f in row.findings}
    assert row.previous and "PREV-UNCOMPARED" in rules and "PREV-CARRY-OVER" not in rules


def test_aggregate_cell_with_an_unknown_contribution_is_unknown_and_names_the_report(tmp_path):
    reports = [seed(n) for n in SEEDS_2020]
    reports[0] = knocked(SEEDS_2020[0], NEW)
    summary = aggregate([(f"{i}.json", r) for i, r in enumerate(reports)])
    total = summary.report
    assert total.values[NEW] is None and total.is_unknown(NEW)
    assert summary.unknown == {NEW: ["银川市投资促进局（0.json）"]}
    assert "银川市投资促进局（0.json）" in total.unreadable[NEW]
    assert summary.unknown_sources == ["银川市投资促进局（0.json）"]
    assert total.values[DISCLOSED] == sum(r.values[DISCLOSED] for r in reports)
    assert total.value(CellRef(PART3, NEW.row, "总计")) is None  # the total over it is unknown too


def test_aggregate_files_streams_and_agrees_with_aggregate(tmp_path):
    reports = [seed(n) for n in SEEDS_2020]
    reports[1] = knocked(SEEDS_2020[1], DISCLOSED)
    files = write(tmp_path / "in", reports)
    streamed = aggregate_files(files)
    loaded = aggregate([(str(f), load_report(f)) for f in files])
    assert streamed.report.values == loaded.report.values
    assert streamed.report.unreadable == loaded.report.unreadable and streamed.unknown == loaded.unknown
    assert [s.agency for s in streamed.sources] == [r.agency for r in reports]


def test_aggregate_cli_says_which_reports_have_unknown_figures(tmp_path, capsys):
    reports = [seed(n) for n in SEEDS_2020]
    reports[2] = knocked(SEEDS_2020[2], NEW, DISCLOSED)
    files = write(tmp_path / "in", reports)
    out = tmp_path / "汇总.rdproj"
    assert main(["aggregate", *map(str, files), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert (
        "1 份来源报告有未能读取的数字" in text and "2 个单元格为未知" in text and "澄江市投资促进局（2.json）" in text
    )
    back = load_report(out)
    assert back.is_unknown(NEW) and back.is_unknown(DISCLOSED) and back.values[NEW] is None


def test_published_text_with_an_unreadable_cell_end_to_end(tmp_path, capsys):
    """The real 石嘴山 2023 report as published, its 予以公开·自然人 cell garbled to “l”: read as unknown,
    no arithmetic error (as 0 it would be three), ？ in the review."""
    from tests.importers.conftest import seeds_path

    lines = (seeds_path() / "001_082ea42f41a4a5d8.txt").read_text("utf-8").split("\n")
    [i] = [n for n, line in enumerate(lines) if "予以公开\t1\t" in line]
    lines[i] = lines[i].replace("予以公开\t1\t", "予以公开\tl\t")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "001.txt").write_text("\n".join(lines), "utf-8")
    assert main(["check", str(folder / "001.txt")]) == 0
    out = capsys.readouterr().out
    assert "TABLE-UNCHECKED" in out and "T3-" not in out and "[读取说明] CELL-UNREADABLE" in out
    [row] = batch.review_paths([folder], workers=1)
    assert row.errors == 0 and row.figures.closed is None and row.figures.new == 2
    [line] = csv.DictReader(csv_text([row]).splitlines())
    assert line["办结"] == "？"
