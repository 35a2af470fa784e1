"""国办公开办函〔2019〕60号 (试行): the format of the 2019 and 2020 reports (FORMAT.md §2–4)."""

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

_COUNT, _SIGNED, _MONEY = ValueKind.COUNT, ValueKind.SIGNED, ValueKind.MONEY

_ITEMS = (
    Part2Column("上一年项目数量", _COUNT),
    Part2Column("本年增/减", _SIGNED),
    Part2Column("处理决定数量", _COUNT),
)

FORMAT_2019 = ReportFormat(
    id="2019",
    notice="国办公开办函〔2019〕60号",
    notice_title="《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》",
    first_year=2019,
    last_year=2020,
    part_headings=c.PART_HEADINGS,
    part1_outline=c.PART1_OUTLINE,
    part2=(
        Part2Block(
            "第二十条第（一）项",
            (
                Part2Column("本年新制作数量", _COUNT),
                Part2Column("本年新公开数量", _COUNT),
                Part2Column("对外公开总数量", _COUNT),
            ),
            ("规章", "规范性文件"),
        ),
        Part2Block("第二十条第（五）项", _ITEMS, ("行政许可", "其他对外管理服务事项")),
        Part2Block("第二十条第（六）项", _ITEMS, ("行政处罚", "行政强制")),
        Part2Block("第二十条第（八）项", _ITEMS[:2], ("行政事业性收费",)),
        Part2Block(
            "第二十条第（九）项",
            (Part2Column("采购项目数量", _COUNT), Part2Column("采购总金额", _MONEY)),
            ("政府集中采购",),
        ),
    ),
    part3=c.part3(Header("（六）其他处理")),
    part4=c.PART4,
    continuity=(
        Continuity(
            blocks=("第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"),
            stock="上一年项目数量",
            plus="本年增/减",
            same_year=False,
        ),
    ),
)
