"""Every rule the checks engine reports, with its stable id, severity and what it means.

docs/checks.md is written from this list (`python -m reportdesk.checks.catalogue`).
"""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    # id: (severity, what it checks)
    "T3-IDENTITY": (
        "error",
        "表三每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度（表内注明的勾稽关系）",
    ),
    "T3-RESULT-TOTAL": ("error", "表三印出的（七）总计等于各项办理结果之和"),
    "T3-ROW-TOTAL": ("error", "表三每一行印出的总计等于自然人与五类法人或其他组织之和"),
    "T4-TOTAL": ("error", "表四行政复议、未经复议直接起诉、复议后起诉各自的总计等于四项结果之和"),
    "CELL-BLANK": ("error", "表格不留空白单元格，没有发生的填 0"),
    "TABLE-MISSING": ("error", "表二、表三、表四都必须有数字"),
    "CELL-UNREADABLE": ("read", "导入时未能读取的单元格（按“未知”处理，不是 0），每表一条读取说明"),
    "TABLE-UNCHECKED": ("warning", "表中有未知（未能读取）的单元格时，说明哪些核对未能进行，每表一条"),
    "CELL-VALUE": ("error", "件数为不小于 0 的整数；收费金额不为负数；采购总金额带单位"),
    "CELL-MONEY-UNIT": ("warning", "2019 年格式的采购总金额写明“元”或“万元”"),
    "PREV-CARRY-OVER": ("error", "本年“上年结转”逐列等于上年“结转下年度继续办理”"),
    "PREV-CONTINUITY": (
        "warning",
        "2021 年格式：现行有效件数 = 上年现行有效 + 本年制发 − 本年废止；2019 年格式：上一年项目数量 = 上年的上一年项目数量 + 上年本年增/减",
    ),
    "PREV-YEAR": ("info", "所给上年报告不是上一年度的，未做跨年核对"),
    "PREV-UNCOMPARED": ("warning", "本年或上年的结转、延续数字未知（未能读取），未能跨年核对"),
    "PREV-FORMAT": ("info", "上年报告与本年格式不同，表二延续数字未核对"),
    "PROSE-NUMBER": (
        "warning",
        "文字中写出的件数（新收、上年结转、办结、结转、予以公开、行政复议、行政诉讼、现行有效）与表格一致",
    ),
    "FORMAT-YEAR": (
        "error",
        "2020 年及以前用 2019 年格式（国办公开办函〔2019〕60号），2021 年起用 2021 年格式（国办公开办函〔2021〕30号）；"
        "读取时表格标签与年度的格式不符，合为一条，写明两者（按年度格式读取时为警告）",
    ),
    "TITLE-MISSING": ("error", "报告有标题"),
    "YEAR-TITLE": ("error", "标题写明的年份与报告年度一致"),
    "OPENING-MISSING": ("warning", "有开篇说明（编制依据、统计期限、电子版查阅地址、联系方式）"),
    "OPENING-PERIOD": ("warning", "开篇说明写明统计期限"),
    "YEAR-OPENING": ("error", "开篇说明中的统计期限和报告名称与报告年度一致"),
    "SIGNATURE-MISSING": ("error", "文末有落款机关（已发布的报告未印落款：警告）"),
    "DATE-MISSING": ("error", "文末有落款日期（已发布的报告未印落款日期：警告）"),
    "DATE-IN-YEAR": ("error", "落款日期在报告年度之后（不能落在报告年度之内）"),
    "DATE-LATE": ("warning", "落款日期不晚于公布期限：部门 1 月 31 日，本级人民政府 3 月 31 日"),
    "PART-EMPTY": ("error", "一、五、六部分都有内容"),
    "PART-UNREAD": ("read", "已发布报告的某部分文字未能读取（不判为缺少该部分）"),
    "PART-HEADING": ("warning", "六个部分的标题与官方格式一字不差"),
    "PART5-NOTHING": ("error", "第五部分不能只写“无”"),
    "PART6-FEE": ("warning", "2021 年起第六部分说明信息处理费收取情况"),
    "TEMPLATE-LEFTOVER": ("error", "不留模板占位或编写说明文字"),
    "PROSE-DRAFT": ("warning", "沿用上年的文字已按本年度情况修改"),
    "READ-NOTE": ("read", "读取已发布文档时发现的不规范之处（如标签写法不同）；读取说明不计入错误和警告"),
}


def as_markdown() -> str:
    lines = ["# 检查规则 · The checks", "", "| 规则 | 级别 | 内容 |", "|---|---|---|"]
    from .findings import Severity

    lines += [f"| `{rule}` | {Severity(sev).label} | {text} |" for rule, (sev, text) in RULES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(as_markdown(), end="")
