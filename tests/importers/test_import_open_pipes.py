"""Cells closed by a pipe with none before the first (`规章 | 0 | 0 | 0 |`), as some portals' stored page
text gives them. Held out: found after the reader was built, in the search tool's stored copy of
http://www.xuwen.gov.cn/zfxxgk/zjsxwxsfj/content/post_1865610.html (a 徐闻县 bureau, 2023). The stored copy is an
excerpt without the page's title, so a title line is supplied here (its agency name is a placeholder), and it
stops inside part 三, so only part 二 is tested. Values read off the excerpt by eye."""

from __future__ import annotations

from reportdesk.formats import PART2, PATH_SEP, CellRef
from reportdesk.importers import import_document

EXCERPT = """徐闻县某局2023年政府信息公开工作年度报告
根据修订的《中华人民共和国政府信息公开条例》(以下简称新《条例》)相关规定,结合我局工作实际情况,制定本报告:
一、总体情况
我局积极落实政府信息公开工作要求,不断拓展政府信息公开的深度和广度。
二、主动公开政府信息情况
第二十条第(一)项 |
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
行政规范性文件 | 3 | 0 | 101 |
第二十条第(五)项 |
信息内容 | 本年处理决定数量 |
行政许可 | 0 |
第二十条第(六)项 |
信息内容 | 本年处理决定数量 |
行政处罚 | 0 |
行政强制 | 0 |
第二十条第(八)项 |
信息内容 | 本年收费金额(单位:万元) |
行政事业性收费 | 0 |
三、收到和处理政府信息公开申请情况
"""


def test_open_pipe_rows_of_a_real_page_read_every_cell(tmp_path):
    path = tmp_path / "xuwen.txt"
    path.write_text(EXCERPT, encoding="utf-8")
    report = import_document(path).report
    block = "第二十条第（一）项" + PATH_SEP
    assert [report.values[CellRef(PART2, block + "行政规范性文件", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [3, 0, 101]
    assert [report.values[CellRef(PART2, block + "规章", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [0, 0, 0]
    part2 = [r for r in report.values if r.table == PART2]
    assert not [r for r in part2 if report.is_unknown(r)]
