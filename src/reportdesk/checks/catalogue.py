"""Every rule the checks engine reports, with its stable id, severity and what it means.

docs/checks.md is written from this list (`python -m reportdesk.checks.catalogue`).
"""

from __future__ import annotations

from .findings import Severity

RULES: dict[str, tuple[str, str]] = {
    # id: (severity, what it checks). Errors are what the official form or the 条例 makes wrong; what may
    # be fine (a sentence about a part of the whole, a rounding, a deliberate repetition) is a warning.
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
        "文字中写出的件数与表格一致：新收、上年结转、办结（=（七）总计）、结转下年度（=四）、予以公开、部分公开、"
        "“予以公开及部分公开”（两项之和）、“受理N件（含上年结转M件）”（新收+上年结转）、不予公开、无法提供、"
        "不予处理、其他处理、行政复议、行政诉讼、行政规范性文件和规章的制发/废止/现行有效。只说某一渠道、某类申请、"
        "某个科室、按期办结或同比变化的句子不比；“未发生…”“无…”不读作 0 件；单元格未能读取的不比",
    ),
    "PROSE-CLAIM": (
        "warning",
        "文字中不带数字的说法与表格一致：“未收到申请”“无结转”对表三，“未发生行政复议/诉讼”“无败诉”“未被纠错”"
        "“均获维持”对表四的总计、结果纠正、其他结果、尚未审结",
    ),
    "PROSE-SUM": (
        "warning",
        "“共N条，其中A a条、B b条…”所列各项之和不超过总数；列出“其他”一项时应正好等于总数",
    ),
    "PROSE-PERCENT": (
        "warning",
        "“占X%”与所依据的两个数相符（按报告所写的小数位四舍五入或截断均可）",
    ),
    "PROSE-REPEAT-WORD": ("warning", "同一个词或同一个分句连续打了两遍（如“工作工作”“的的”）"),
    "PROSE-STALE-YEAR": (
        "warning",
        "第一部分的句子以上一年度开头（如 2025 年报告写“2024年，我局…”），多为沿用上年文字未改",
    ),
    "PROSE-CARRIED": (
        "warning",
        "给出上年报告时，某一部分一半以上的文字与上年报告一字不差（重复率）",
    ),
    "DRAFT-STALE": (
        "warning",
        "用“插入数据说明”生成的句子仍原样在文中，而它所依据的表格数字已改变",
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


# Why a rule has its severity. Errors: the form or the 条例 makes the report wrong whatever the reason.
# Warnings: the text or a figure may be right (a sentence about one office, a partial list, a reading of
# the prose that a person would not make); the clerk decides and can mark it 已核对.
WHY = {
    "error": "官方表样或《条例》规定如此，不论原因都要改",
    "warning": "可能确有原因（只说一部分、取整方式、有意重复、程序读错文字），由经办人判断，可标记为已核对",
    "info": "仅作提示，不影响报告",
    "read": "说的是程序读取原文时的情况，不是报告本身的问题，不计入错误和警告",
}


# Why each rule has its severity (what the clerk should know before overruling it).
REASONS: dict[str, str] = {
    "T3-IDENTITY": "表内印明的勾稽关系，表样本身要求",
    "T3-RESULT-TOTAL": "总计必须等于各项之和，表样要求",
    "T3-ROW-TOTAL": "总计必须等于各列之和，表样要求",
    "T4-TOTAL": "总计必须等于四项结果之和，表样要求",
    "CELL-BLANK": "表样不留空，没有发生的填 0",
    "TABLE-MISSING": "《条例》第五十条要求报告这些数据",
    "CELL-UNREADABLE": "数字未能读取，核对前无法确认报告是否正确",
    "CELL-VALUE": "件数不可能为负数或小数",
    "CELL-MONEY-UNIT": "单位缺失不一定错，但金额无法比较",
    "PREV-CARRY-OVER": "上年结转下年度的件数就是本年的上年结转，两份报告必须一致",
    "PREV-CONTINUITY": "清理、机构调整会合理地打破这一关系",
    "PREV-YEAR": "只是说明未做跨年核对",
    "PROSE-NUMBER": "文字可能只说一部分（某科室、某渠道、按期办结），或统计口径不同；由经办人判断",
    "PROSE-CLAIM": "说法可能只指一部分案件，或表格有误；由经办人判断",
    "PROSE-SUM": "所列各项可能有重叠或另有口径；多为笔误，由经办人判断",
    "PROSE-PERCENT": "比例可能以别的数为分母；由经办人判断",
    "PROSE-REPEAT-WORD": "极少数叠词是有意的",
    "PROSE-STALE-YEAR": "以上年开头的句子可能是在回顾上年",
    "PROSE-CARRIED": "有些表述每年相同是正常的；重复率高提示未按本年情况改写",
    "DRAFT-STALE": "句子可能已按新数字手工改过别处；重新生成一次即可",
    "FORMAT-YEAR": "国办公开办函〔2021〕30号规定 2021 年起的格式",
    "TITLE-MISSING": "报告必须有标题",
    "YEAR-TITLE": "标题年份错了就是另一年度的报告",
    "OPENING-MISSING": "开篇说明是惯例，格式通知未作硬性规定",
    "OPENING-PERIOD": "统计期限是惯例写法",
    "YEAR-OPENING": "统计期限写错年份即数据期间错误",
    "SIGNATURE-MISSING": "落款是公文格式要求",
    "DATE-MISSING": "成文日期是公文格式要求，也用于判断是否按时公布",
    "DATE-IN-YEAR": "报告年度结束前不可能写出年度报告",
    "DATE-LATE": "期限依《条例》第四十九条，但有的地方另有规定",
    "PART-EMPTY": "《条例》第五十条规定的内容必须报告",
    "PART-HEADING": "标题用字不同不影响内容，但应与官方格式一致",
    "PART5-NOTHING": "《条例》第五十条要求报告存在的主要问题及改进情况",
    "PART6-FEE": "信息处理费的说明是惯例（国办函〔2020〕109号），格式通知未列为必报",
    "TEMPLATE-LEFTOVER": "模板说明文字不是报告内容，发布出去就是错误",
    "PROSE-DRAFT": "沿用的文字可能仍然适用；改写确认之前，该部分不再逐句与表格核对（上年的数字与本年空白的表格比较没有意义）",
    "READ-NOTE": "读取说明，说的是读取时的处理，不是报告本身的错误",
}


def as_markdown() -> str:
    lines = [
        "# 检查规则 · The checks",
        "",
        "级别的含义：",
        "",
        *(f"- {Severity(sev).label}：{WHY[sev]}" for sev in WHY),
        "",
        "警告可以在“检查结果”中标记为“已核对”：保存在项目文件里，所依据的数字或文字改变之前不再显示。"
        "错误不能标记。",
        "",
        "| 规则 | 级别 | 内容 | 为何是这个级别 |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| `{rule}` | {Severity(sev).label} | {text} | {REASONS.get(rule, WHY[sev])} |"
        for rule, (sev, text) in RULES.items()
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(as_markdown(), end="")
