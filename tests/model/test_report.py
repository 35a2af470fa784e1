from reportdesk.formats import FORMATS, PART3, PART4, CellRef, cells_of, format_for_year, grid_of
from reportdesk.model.report import deadline_for, new_report


def test_year_picks_the_format():
    assert format_for_year(2019).id == format_for_year(2020).id == "2019"
    assert format_for_year(2021).id == format_for_year(2030).id == "2021"


def test_new_report_is_zeros_not_blanks():
    r = new_report("某局", 2024)
    assert r.values and all(v is not None for v in r.values.values())
    assert set(r.values) == set(cells_of(r.format).inputs)
    assert "自2024年1月1日起至2024年12月31日止" in r.opening
    assert "国办公开办函〔2021〕30号" in r.opening
    assert r.title == "某局2024年政府信息公开工作年度报告"


def test_totals_are_derived_not_stored():
    r = new_report("某局", 2024)
    new = "一、本年新收政府信息公开申请数量"
    r.set(CellRef(PART3, new, "自然人"), 5)
    r.set(CellRef(PART3, new, "其他"), 2)
    assert r.value(CellRef(PART3, new, "总计")) == 7
    r.set(CellRef(PART4, "行政复议", "结果纠正"), 3)
    assert r.value(CellRef(PART4, "行政复议", "总计")) == 3
    assert not any(ref in r.values for ref in cells_of(r.format).formulas)


def test_row_counts_match_the_official_forms():
    assert len(FORMATS["2021"].part3.row_paths) == 25
    assert len(FORMATS["2019"].part3.row_paths) == 23
    assert len(FORMATS["2021"].part3.columns) == 7


def test_part3_grid_spans():
    g = grid_of(FORMATS["2021"], PART3)
    cells = {c.text: c for c in g.cells if c.text}
    assert cells["申请人情况"].colspan == 7
    assert (cells["自然人"].rowspan, cells["法人或其他组织"].colspan, cells["总计"].rowspan) == (2, 5, 2)
    corner = cells["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert cells["三、本年度办理结果"].rowspan == 22
    assert cells["（一）予以公开"].colspan == 2
    assert cells["（六）其他处理"].rowspan == 3
    g19 = grid_of(FORMATS["2019"], PART3)
    other = next(c for c in g19.cells if c.text == "（六）其他处理")
    assert (other.rowspan, other.colspan) == (1, 2)


def test_part4_grid_spans():
    g = grid_of(FORMATS["2021"], PART4)
    texts = [(c.text, c.row, c.rowspan, c.colspan) for c in g.cells if c.text]
    assert ("行政复议", 0, 1, 5) in texts and ("行政诉讼", 0, 1, 10) in texts
    assert ("未经复议直接起诉", 1, 1, 5) in texts and ("结果维持", 1, 2, 1) in texts
    assert g.cols == 15 and g.header_rows == 3


def test_deadlines():
    import datetime as dt

    r = new_report("某局", 2024)
    assert deadline_for(r) == dt.date(2025, 1, 31)
    r.kind = "government"
    assert deadline_for(r) == dt.date(2025, 3, 31)
