"""Declarations shared verbatim by the 2019 and 2021 formats (FORMAT.md §1, §3, §4)."""

from __future__ import annotations

from .spec import Header, Part3Spec, Part4Spec

PART_HEADINGS = (
    ("一", "一、总体情况"),
    ("二", "二、主动公开政府信息情况"),
    ("三", "三、收到和处理政府信息公开申请情况"),
    ("四", "四、政府信息公开行政复议、行政诉讼情况"),
    ("五", "五、存在的主要问题及改进情况"),
    ("六", "六、其他需要报告的事项"),
)

PART1_OUTLINE = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")
# What part 六 covers in practice from 2021 (FORMAT.md §1; the 信息处理费 statement follows 国办函〔2020〕109号).
PART6_OUTLINE_2021 = (
    "信息处理费收取情况（收取的金额，或说明未收取）",
    "落实上级年度政务公开工作要点情况",
    "人大代表建议和政协提案办理结果公开情况",
    "政务公开工作创新情况",
)

PART2_LABEL_COLUMN = "信息内容"

# ---- part 三
PART3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
PART3_TOTAL_COLUMN = "总计"
PART3_COLUMNS = Header(
    "申请人情况",
    (
        Header("自然人"),
        Header(
            "法人或其他组织",
            (
                Header("商业企业"),
                Header("科研机构"),
                Header("社会公益组织"),
                Header("法律服务机构"),
                Header("其他"),
            ),
        ),
        Header(PART3_TOTAL_COLUMN),
    ),
)

NEW = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
RESULTS = "三、本年度办理结果"
CARRIED_OUT = "四、结转下年度继续办理"
DISCLOSED = "（一）予以公开"
TOTAL_ROW = "（七）总计"


def _leaves(*labels: str) -> tuple[Header, ...]:
    return tuple(Header(label) for label in labels)


RESULTS_BEFORE_OTHER = (
    Header(DISCLOSED),
    Header("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    Header(
        "（三）不予公开",
        _leaves(
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
    ),
    Header(
        "（四）无法提供",
        _leaves("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"),
    ),
    Header(
        "（五）不予处理",
        _leaves(
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ),
)


def part3(other: Header) -> Part3Spec:
    """Part 三 with the given （六）其他处理 node, the one place the two formats differ."""
    return Part3Spec(
        corner=PART3_CORNER,
        column_tree=PART3_COLUMNS,
        total_column=PART3_TOTAL_COLUMN,
        rows=(
            Header(NEW),
            Header(CARRIED_IN),
            Header(RESULTS, (*RESULTS_BEFORE_OTHER, other, Header(TOTAL_ROW))),
            Header(CARRIED_OUT),
        ),
        total_row=RESULTS + "/" + TOTAL_ROW,
        new_row=NEW,
        carried_in_row=CARRIED_IN,
        result_group=RESULTS,
        carried_out_row=CARRIED_OUT,
        disclosed_row=RESULTS + "/" + DISCLOSED,
    )


# ---- part 四
PART4_TOTAL_COLUMN = "总计"
_RESULT_COLUMNS = _leaves("结果维持", "结果纠正", "其他结果", "尚未审结", PART4_TOTAL_COLUMN)
PART4 = Part4Spec(
    column_tree=(
        Header("行政复议", _RESULT_COLUMNS),
        Header(
            "行政诉讼",
            (Header("未经复议直接起诉", _RESULT_COLUMNS), Header("复议后起诉", _RESULT_COLUMNS)),
        ),
    ),
    total_column=PART4_TOTAL_COLUMN,
)
