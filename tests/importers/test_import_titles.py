"""The title of a published report, found among what a saved page or a copy puts around it.

A title is read as printed or not at all: a portal's navigation run into it is cut off, a title wrapped
onto two lines is joined, and a sentence that names the report is never taken for it. The real reports
in every form are measured in test_real_corpus.py; these are the layouts they showed, each alone.
"""

from __future__ import annotations

import pytest
from tests.helpers import seed
from tests.importers import published_forms as pf

from reportdesk.importers import import_document
from reportdesk.importers.document import Line
from reportdesk.importers.structure import find_title

TITLE = "平潭综合实验区2023年度政府信息公开工作年度报告"
OPENING = "本报告根据《中华人民共和国政府信息公开条例》要求编制。"
CRUMBS = ["首页", "政务公开", "政府信息公开", "政府信息公开年报"]
MENU = "长者模式 退出长者模式 无障碍浏览"


def _title(*texts: str) -> str:
    return find_title([Line(t) for t in (*texts, OPENING)])[0]


@pytest.mark.parametrize("head", ["当前位置：", "您现在的位置：", ""])
@pytest.mark.parametrize("sep", [" > ", "＞", " → ", " / ", "/", " ", ""])
def test_a_breadcrumb_on_the_title_line_is_cut_off(head, sep):
    assert _title(MENU, head + sep.join([*CRUMBS, TITLE])) == TITLE


def test_a_breadcrumb_a_line_each_is_cut_off():
    assert _title(MENU, "当前位置：", *CRUMBS, TITLE) == TITLE


def test_a_menu_line_before_the_title_is_not_its_first_line():
    assert _title(MENU, TITLE) == TITLE


@pytest.mark.parametrize(
    "first, second",
    [
        ("淮安市", "洪泽区人民政府2024年政府信息公开工作年度报告"),  # the city above the district
        ("国家税务总局", "淮安市洪泽区税务局2024年政府信息公开工作年度报告"),  # the organ above its office
        ("平潭综合实验区市场", "监督管理局2024年政府信息公开工作年度报告"),  # wrapped inside the name
        ("洪泽区人民政府", "2023 年政府信息公开工作年度报告"),  # a PDF's two title lines
    ],
)
def test_a_title_wrapped_onto_two_lines_is_joined(first, second):
    assert _title(MENU, first, second) == (first + second).replace(" ", "")


def test_a_sentence_that_names_the_report_is_not_its_title():
    sentence = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告"
    assert _title(sentence) == ""
    assert _title(sentence, "沭阳县发展和改革局2023年政府信息公开年度报告") == "沭阳县发展和改革局2023年政府信息公开年度报告"


def test_a_title_deep_in_a_line_after_the_navigation():
    portal = "国务院 省政府 省人大 省政协 移动版 登录 注册 网站支持IPV6 首页 政务公开 解读回应 办事服务 互动交流 "
    line = portal + MENU + " 当前位置： " + " ".join([*CRUMBS, TITLE]) + " 来源：平潭综合实验区管委会办公室 " + OPENING
    assert find_title([Line(line)])[0] == TITLE
    spaced = line.replace("平潭综合实验区2023", "平潭 综合实验区2023")  # where the agency starts is not certain
    assert find_title([Line(spaced)])[0] == ""
    sentence = "根据《中华人民共和国政府信息公开条例》要求 沭阳县发展和改革局2023年度政府信息公开年度报告 现予公布"
    assert find_title([Line(portal + sentence + " 一、总体情况")])[0] == ""


def test_a_link_to_another_report_is_not_the_title_of_a_saved_page(tmp_path):
    want = seed("001_082ea42f41a4a5d8")
    page = pf.html_page(want).decode("utf-8")
    first = f"<p>{want.title}</p>"
    assert page.count(first) == 1 and page.count("<body>") == 1
    last_year = want.title.replace(str(want.year), str(want.year - 1))
    side = f'<body><div class="side"><ul><li><a href="/2022.htm">{last_year}</a></li></ul></div>'
    path = tmp_path / "page.html"
    path.write_text(page.replace(first, "").replace("<body>", side), "utf-8")
    got = import_document(path).report
    assert (got.title, got.year) == (want.title, want.year)
