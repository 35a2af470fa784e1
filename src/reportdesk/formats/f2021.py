"""国办公开办函〔2021〕30号: the format of the 2021 report and every later one (FORMAT.md §2–4)."""

from __future__ import annotations

from . import common as c
from .spec import (
    Continuity,
    Header,
    Part2Block,
    Part2Column,
    ReportFormat,
    ValueKind,
)

_DECISIONS = (Part2Column("本年处理决定数量", ValueKind.COUNT, span=3),)

FORMAT_2021 = ReportFormat(
    id="2021",
    notice="国办公开办函〔2021〕30号",
    notice_title="《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》",
    first_year=2021,
    last_year=None,
    part_headings=c.PART_HEADINGS,
    part1_outline=c.PART1_OUTLINE,
    part6_outline=c.PART6_OUTLINE_2021,
    part2=(
        Part2Block(
            "第二十条第（一）项",
            (
                Part2Column("本年制发件数", ValueKind.COUNT),
                Part2Column("本年废止件数", ValueKind.COUNT),
                Part2Column("现行有效件数", ValueKind.COUNT),
            ),
            ("规章", "行政规范性文件"),
        ),
        Part2Block("第二十条第（五）项", _DECISIONS, ("行政许可",)),
        Part2Block("第二十条第（六）项", _DECISIONS, ("行政处罚", "行政强制")),
        Part2Block(
            "第二十条第（八）项",
            (Part2Column("本年收费金额（单位：万元）", ValueKind.WAN_YUAN, span=3),),
            ("行政事业性收费",),
        ),
    ),
    part3=c.part3(
        Header(
            "（六）其他处理",
            (
                Header("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                Header("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                Header("3.其他"),
            ),
        )
    ),
    part4=c.PART4,
    continuity=(
        Continuity(
            blocks=("第二十条第（一）项",),
            stock="现行有效件数",
            plus="本年制发件数",
            minus="本年废止件数",
            same_year=True,
        ),
    ),
)
