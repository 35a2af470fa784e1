"""The published seeds through the review commands, as a 政务公开办 would use them: review the
folder of texts, aggregate imported projects of one year and format, and check the next year
against last year's exported .docx (--previous)."""

from __future__ import annotations

import csv
import shutil

from tests.helpers import SEED_NAMES
from tests.importers.conftest import seeds_path

from reportdesk.cli import main
from reportdesk.formats import PART3, CellRef, cells_of
from reportdesk.loading import load_report
from reportdesk.model.project import save_project
from reportdesk.model.values import as_number

YEAR_2020 = [n for n in SEED_NAMES if not n.startswith("001")]  # the four 2020 reports, 2019 format


def _import(tmp_path, names):
    out = []
    for name in names:
        path = tmp_path / f"{name}.rdproj"
        assert main(["import", str(seeds_path() / f"{name}.txt"), "-o", str(path)]) == 0
        out.append(path)
    return out


def test_review_of_the_seed_folder_with_html_and_csv(tmp_path, capsys):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_path(), folder)
    html, table = tmp_path / "out.html", tmp_path / "out.csv"
    code = main(["review", str(folder), "--html", str(html), "--csv", str(table)])
    out = capsys.readouterr().out
    assert code == 1  # 002 has errors (001 and 004 print no signature: warnings)
    assert "共 5 份：" in out and "，1 份有错误，" in out  # how many pass or only warn depends on the prose rules
    rows = list(csv.DictReader(table.read_text("utf-8-sig").splitlines()))
    by_file = {r["文件"]: r for r in rows}
    assert by_file["004_a9dbc25bac2331b1.txt"]["机关"] == "银川市西夏区审批服务管理局"
    assert (by_file["001_082ea42f41a4a5d8.txt"]["新收"], by_file["001_082ea42f41a4a5d8.txt"]["结转"]) == ("2", "1")
    assert "DATE-IN-YEAR" in by_file["002_7afa714d70970faa.txt"]["问题"]
    page = html.read_text("utf-8")
    assert "中卫市工业和信息化局" in page and "CELL-BLANK" in page
    assert "http" not in page.replace("http://www.w3.org", "")  # nothing fetched from the network


def test_aggregate_of_imported_seed_projects(tmp_path, capsys):
    projects = _import(tmp_path, YEAR_2020)
    names = tmp_path / "名单.txt"
    names.write_text("银川市投资促进局\n中卫市工业和信息化局\n澄江市 投资促进局\n银川市西夏区审批服务管理局\n某县财政局\n", "utf-8")
    summary = tmp_path / "汇总.rdproj"
    code = main(["aggregate", *map(str, projects), "-o", str(summary), "--agency", "某市人民政府", "--expect", str(names)])
    out = capsys.readouterr().out
    assert code == 1 and "未报送" in out and "某县财政局" in out
    total = load_report(summary)
    sources = [load_report(p) for p in projects]
    assert (total.year, total.format_id, total.agency) == (2020, "2019", "某市人民政府")
    assert len(total.sources) == 4
    for ref in cells_of(total.format).inputs:
        if ref.table in ("二", "三", "四"):
            assert as_number(total.values[ref]) == sum(as_number(s.values.get(ref)) for s in sources), ref
    assert total.value(CellRef(PART3, total.format.part3.new_row, "总计")) == 2  # 000 and 004
    # an ordinary project: checked and exported
    assert main(["export", str(summary), "--docx", str(tmp_path / "汇总.docx")]) == 0
    # a 2023 report in 2021 format is refused, and nothing is written
    mixed = tmp_path / "mixed.rdproj"
    projects += _import(tmp_path, ["001_082ea42f41a4a5d8"])
    assert main(["aggregate", *map(str, projects), "-o", str(mixed)]) == 2
    assert "格式不一致" in capsys.readouterr().err and not mixed.exists()


def test_previous_year_from_an_exported_docx(tmp_path, capsys):
    [last] = _import(tmp_path, ["001_082ea42f41a4a5d8"])  # 2023: 结转下年度 自然人 1
    previous = tmp_path / "2023"
    previous.mkdir()
    assert main(["export", str(last), "--docx", str(previous / "石嘴山.docx")]) == 0
    now = tmp_path / "2024"
    now.mkdir()
    assert main(["new", "--from", str(last), "-o", str(now / "ok.rdproj")]) == 0
    wrong = load_report(now / "ok.rdproj")
    assert wrong.values[CellRef(PART3, wrong.format.part3.carried_in_row, "自然人")] == 1
    wrong.values[CellRef(PART3, wrong.format.part3.carried_in_row, "自然人")] = 0
    wrong.agency = "石嘴山市 投资促进局"  # spaced out: still the same agency
    save_project(wrong, now / "wrong.rdproj")
    capsys.readouterr()
    main(["review", str(now), "--previous", str(previous), "--csv", str(tmp_path / "r.csv")])
    rows = {r["文件"]: r for r in csv.DictReader((tmp_path / "r.csv").read_text("utf-8-sig").splitlines())}
    assert "PREV-CARRY-OVER" not in rows["ok.rdproj"]["问题"]
    assert "PREV-CARRY-OVER" in rows["wrong.rdproj"]["问题"]
    assert "2023 年报告“结转下年度继续办理”为 1" in rows["wrong.rdproj"]["问题"]


def test_expected_list_inside_the_reviewed_folder_is_not_reviewed(tmp_path, capsys):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_path(), folder)
    names = folder / "应报名单.txt"
    names.write_text("银川市投资促进局\n某县财政局\n", "utf-8")
    main(["review", str(folder), "--expect", str(names), "-q"])
    out = capsys.readouterr().out
    assert "应报名单.txt" not in out and "共 5 份" in out
    assert "2020 年度：名单中有 1 个机关未报送：某县财政局" in out
