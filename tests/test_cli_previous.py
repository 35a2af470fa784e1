"""`reportdesk show FILE --previous LAST`: the comparison with last year, cell by cell."""

from __future__ import annotations

from pathlib import Path

from reportdesk.cli import main
from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.model.project import save_project
from reportdesk.model.report import new_report

PUBLISHED = Path(__file__).resolve().parent / "fixtures" / "published"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _first_p3(report) -> CellRef:
    return next(r for r in cells_of(report.format).inputs if r.table == PART3)


def _files(tmp_path):
    last = new_report("某局", 2023)
    this = new_report("某局", 2024)
    a = _first_p3(this)
    last.values[a], this.values[a] = 4, 40
    b = next(r for r in cells_of(this.format).inputs if r.table == PART3 and r != a)
    last.values[b] = None
    last.unreadable[b] = "“l2”（不是数字）"
    save_project(last, tmp_path / "last.rdproj")
    save_project(this, tmp_path / "this.rdproj")
    return tmp_path / "this.rdproj", tmp_path / "last.rdproj", a, b


def test_show_previous_lists_the_cells_that_differ(tmp_path, capsys):
    this, last, a, b = _files(tmp_path)
    code, out, err = run(capsys, "show", str(this), "--previous", str(last))
    assert code == 0, err
    lines = out.splitlines()
    assert "本年 2024年" in lines[0] and "上年 2023年" in lines[0]
    assert "与上年不同的单元格" in lines[1]
    assert lines[2] == "单元格\t本年\t上年\t变化"
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in lines[3:]}
    assert rows[a.describe()][:2] == ["40", "4"]
    assert rows[a.describe()][2].startswith("+36（+900.0%）") and "变化较大" in rows[a.describe()][2]
    assert rows[b.describe()] == ["0", "？", "不计算（有未知数）"]
    same = next(r for r in cells_of(new_report("x", 2024).format).inputs if r.table == PART3 and r not in (a, b))
    assert same.describe() not in rows  # unchanged cells are left out by default
    total = int(lines[1].split("共 ")[1].split(" 个")[0])
    assert total == len(rows)


def test_show_previous_all_lists_every_cell_both_years_have(tmp_path, capsys):
    this, last, _, _ = _files(tmp_path)
    code, out, _ = run(capsys, "show", str(this), "--previous", str(last), "--all")
    assert code == 0
    lines = out.splitlines()
    assert "全部单元格" in lines[1]
    assert len(lines) - 3 == len(cells_of(new_report("x", 2024).format).kinds)


def test_show_previous_from_a_published_report_across_the_format_switch(tmp_path, capsys):
    published = PUBLISHED / "000_730c80e139d75b64.txt"  # 2020, the 2019 format
    this = new_report("银川市投资促进局", 2021)
    save_project(this, tmp_path / "this.rdproj")
    code, out, _ = run(capsys, "show", str(tmp_path / "this.rdproj"), "--previous", str(published), "--all")
    assert code == 0
    lines = out.splitlines()
    assert "2019 格式" in lines[0] and "2021 格式" in lines[0]
    shown = len(lines) - 3
    assert 0 < shown < len(cells_of(this.format).kinds)  # only the cells of both forms


def test_show_previous_refuses_a_later_year_and_a_missing_file(tmp_path, capsys):
    this, last, _, _ = _files(tmp_path)
    code, _, err = run(capsys, "show", str(last), "--previous", str(this))
    assert code != 0 and "不早于" in err
    code, _, err = run(capsys, "show", str(this), "--previous", str(tmp_path / "nope.rdproj"))
    assert code != 0 and "找不到" in err
