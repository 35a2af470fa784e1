"""Batch review of generated report sets: every injected defect found at its place, no false errors."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from review_gen import DEFECTS, inject, make_report, write_set, year_pair

from reportdesk.formats import PART3, CellRef
from reportdesk.model.project import save_project
from reportdesk.review import batch
from reportdesk.review.figures import KEY_FIGURES, agency_key, key_figures
from reportdesk.review.rows import exit_code


def _matches(finding: dict, expected) -> bool:
    severity, rule, where, cell, paragraph = expected
    w = finding["where"]
    if finding["rule"] != rule or finding["severity"] != severity:
        return False
    if cell is not None and (w.get("table"), w.get("row"), w.get("column")) != tuple(cell):
        return False
    if paragraph is not None and w.get("paragraph") != paragraph + 1:
        return False
    if cell is None and paragraph is None:
        return w.get("field") == where
    return w["part"] == where


@pytest.mark.parametrize("year", [2020, 2021, 2025])
def test_every_injected_defect_is_found_at_its_place(tmp_path, year):
    last, now = year_pair(2 * len(DEFECTS), year, seed=year)
    expected = {}
    for i, r in enumerate(now):
        defect = DEFECTS[i % len(DEFECTS)]
        if i < len(DEFECTS) and not (defect == "continuity" and last[i].format_id != r.format_id):
            expected[r.agency] = (defect, inject(r, defect))
    write_set(tmp_path / "last", last)
    files = write_set(tmp_path / "now", now[: len(now) // 2]) + write_set(
        tmp_path / "now" / "json", now[len(now) // 2 :], ".json"
    )
    rows = batch.review_paths([tmp_path / "now"], previous=[tmp_path / "last"], workers=1)
    assert sorted(r.file for r in rows) == sorted(str(f) for f in files)
    for row in rows:
        assert row.unreadable is None and row.previous and not row.previous_missing
        errors = {f.rule for f in row.findings if f.severity.value == "error"}
        if row.agency not in expected:
            # 2021 against 2020: formats differ, and the review says the continuity was not compared
            assert ("PREV-FORMAT" in {f.rule for f in row.findings}) == (year == 2021)
            assert [f for f in row.findings if f.rule != "PREV-FORMAT"] == [], row.agency
            continue
        defect, want = expected[row.agency]
        assert any(_matches(f.to_json(), want) for f in row.findings), (defect, row.findings)
        assert errors <= {want[1]}, (defect, errors)  # the injected error and nothing else
        assert (row.errors > 0) == (want[0] == "error")


def test_clean_sets_give_no_finding_with_and_without_previous(tmp_path):
    last, now = year_pair(30, 2024, seed=7)
    write_set(tmp_path / "2023", last)
    write_set(tmp_path / "2024", now)
    for previous in (None, [tmp_path / "2023"]):
        rows = batch.review_paths([tmp_path / "2024"], previous=previous, workers=1)
        assert len(rows) == 30
        assert all(r.findings == [] and r.errors == 0 and r.warnings == 0 for r in rows)
        assert exit_code(rows) == 0


def test_key_figures_come_from_the_tables():
    r = make_report("青禾县教育局", 2025, seed=3)
    k = key_figures(r)
    assert [heading for heading, _ in k.shown()] == list(KEY_FIGURES)
    assert k.new + k.carried_in == k.closed + k.carried_out
    assert all(isinstance(v, int) and v >= 0 for v in vars(k).values())
    assert k.to_json() == {
        "新收": k.new,
        "上年结转": k.carried_in,
        "办结": k.closed,
        "结转": k.carried_out,
        "复议": k.reviews,
        "诉讼": k.lawsuits,
    }


def test_agencies_match_across_width_and_whitespace(tmp_path):
    last = make_report("青禾县12345 热线办公室", 2024, seed=1)
    now = make_report("青禾县１２３４５热线\u3000办公室 ", 2025, seed=2, last=last)
    assert agency_key(last.agency) == agency_key(now.agency)
    (tmp_path / "last").mkdir()
    save_project(last, tmp_path / "last" / "a.rdproj")
    save_project(now, tmp_path / "b.rdproj")
    broken = copy.deepcopy(now)
    rows = batch.review_paths([tmp_path / "b.rdproj"], previous=[tmp_path / "last"], workers=1)
    assert rows[0].previous == str(tmp_path / "last" / "a.rdproj") and rows[0].findings == []
    # the matched previous report is really used: a wrong carry-over is found
    p3 = broken.format.part3
    broken.values[CellRef(PART3, p3.carried_in_row, p3.input_columns[0])] += 1
    broken.values[CellRef(PART3, p3.carried_out_row, p3.input_columns[0])] += 1
    save_project(broken, tmp_path / "b.rdproj")
    rows = batch.review_paths([tmp_path / "b.rdproj"], previous=[tmp_path / "last"], workers=1)
    assert "PREV-CARRY-OVER" in {f.rule for f in rows[0].findings}


def test_a_report_without_last_year_is_listed(tmp_path):
    last, now = year_pair(3, 2025)
    write_set(tmp_path / "last", last[:2])
    write_set(tmp_path / "now", now)
    rows = batch.review_paths([tmp_path / "now"], previous=[tmp_path / "last"], workers=1)
    assert [r.agency for r in batch.missing_previous(rows)] == [now[2].agency]


def test_unreadable_files_are_rows_not_crashes(tmp_path):
    write_set(tmp_path, [make_report("青禾县教育局", 2025, seed=1)])
    (tmp_path / "broken.rdproj").write_text("{", "utf-8")
    (tmp_path / "x.docx").write_bytes(b"not a word document")
    (tmp_path / "~$x.docx").write_bytes(b"lock file")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    rows = batch.review_paths([tmp_path], workers=1)
    by_name = {r.file.rsplit("/", 1)[-1]: r for r in rows}
    assert set(by_name) == {"0000-青禾县教育局.rdproj", "broken.rdproj", "x.docx", "notes.pdf"}
    assert by_name["broken.rdproj"].unreadable and by_name["x.docx"].unreadable
    assert by_name["notes.pdf"].unreadable  # a folder's PDFs are reviewed (#11 item 6)
    assert by_name["0000-青禾县教育局.rdproj"].unreadable is None
    assert exit_code(rows) == 2


def test_nothing_to_review_is_a_clear_error(tmp_path):
    with pytest.raises(batch.ReviewError, match="没有找到报告文件"):
        batch.review_paths([tmp_path])
    with pytest.raises(batch.ReviewError, match="找不到"):
        batch.review_paths([tmp_path / "nope"])


def test_the_pool_gives_the_same_rows_as_one_process(tmp_path, monkeypatch):
    last, now = year_pair(60, 2025, seed=5)
    for i in range(0, 60, 7):
        inject(now[i], DEFECTS[i % len(DEFECTS)])
    write_set(tmp_path / "last", last)
    write_set(tmp_path / "now", now)
    monkeypatch.setattr(batch, "CHUNK", 8)
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 20)
    pools = []

    class Spy(batch.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pools.append(kwargs["max_workers"])

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Spy)
    seen = []
    pooled = batch.review_paths([tmp_path / "now"], [tmp_path / "last"], progress=lambda d, t: seen.append((d, t)))
    serial = batch.review_paths([tmp_path / "now"], [tmp_path / "last"], workers=1)
    assert pooled == serial and pools == [2]  # one pool of two workers for both years
    assert seen[0] == (0, 60) and seen[-1] == (60, 60) and len(seen) > 3


def test_frozen_builds_use_the_pool_only_when_ready(monkeypatch):
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.delenv(batch.POOL_READY_ENV, raising=False)
    assert not batch._can_use_pool(1000, 2)
    monkeypatch.setenv(batch.POOL_READY_ENV, "1")
    assert batch._can_use_pool(1000, 2) == ((os.cpu_count() or 1) >= 2)
    assert not batch._can_use_pool(5, 2)


def test_workers_that_cannot_start_fall_back_to_this_process(tmp_path, monkeypatch):
    write_set(tmp_path, [make_report(f"青禾县第{i}局", 2025, seed=i) for i in range(5)])
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 1)

    class Broken(batch.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            raise batch.BrokenProcessPool("no workers here")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Broken)
    notes: list[str] = []
    rows = batch.review_paths([tmp_path], notes=notes)
    assert len(rows) == 5 and all(r.errors == 0 for r in rows)
    assert notes == [batch.POOL_FAILED_NOTE]  # said, so that a bundle whose workers cannot start is noticed


def test_the_real_seed_reports_give_the_same_findings_as_check():
    from reportdesk.checks import check_report
    from reportdesk.loading import load_report

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
    rows = batch.review_paths([folder], workers=1)
    assert len(rows) == len(list(folder.glob("*.json"))) == 5
    for row in rows:
        expected = [f.to_json() for f in check_report(load_report(row.file))]
        assert [f.to_json() for f in row.findings] == expected and row.unreadable is None
    assert [r.errors for r in rows] == [0, 0, 2, 0, 0]  # 001, 004: no signature printed, a warning


def test_a_warning_the_clerk_marked_checked_is_still_shown_to_the_reviewer(tmp_path):
    from reportdesk.checks import check_report, mark_checked
    from reportdesk.model.prose import Paragraph

    report = make_report("青禾市审计局", 2025, 1)
    report.parts["一"].append(Paragraph.from_markup("全年新收政府信息公开申请999件。"))
    [warning] = [f for f in check_report(report) if f.rule == "PROSE-NUMBER"]
    mark_checked(report, warning)
    assert not [f for f in check_report(report) if f.rule == "PROSE-NUMBER"]  # hidden from the clerk
    save_project(report, tmp_path / "r.rdproj")
    row = batch.review_file(str(tmp_path / "r.rdproj"))
    [seen] = [f for f in row.findings if f.rule == "PROSE-NUMBER"]
    assert seen.message.startswith("【经办人已核对】") and "999" in seen.message


def test_repeat_rate_per_part_against_last_year(tmp_path):
    """重复率: how much of each prose part repeats last year's word for word, in the row and its CSV."""
    from reportdesk.review.table import HEADERS, cells

    last = make_report("青禾县审计局", 2024, seed=3)
    now = make_report("青禾县审计局", 2025, seed=4, last=last)
    now.parts["五"] = copy.deepcopy(last.parts["五"])  # part 五 copied from last year
    (tmp_path / "last").mkdir()
    save_project(last, tmp_path / "last" / "a.rdproj")
    save_project(now, tmp_path / "b.rdproj")
    [row] = batch.review_paths([tmp_path / "b.rdproj"], previous=[tmp_path / "last"], workers=1)
    assert "五 100%" in row.repeat and "六 0%" in row.repeat
    assert cells(row)[HEADERS.index("重复率")] == row.repeat
    assert "PROSE-CARRIED" in {f.rule for f in row.findings}
    [alone] = batch.review_paths([tmp_path / "b.rdproj"], workers=1)
    assert alone.repeat == "" and cells(alone)[HEADERS.index("重复率")] is None
