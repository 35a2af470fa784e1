"""How real reports word their statistics paragraphs, as data beside the format declarations (issue #16).

``model.drafting`` fills these templates from the tables. A later format, or a locality's house style,
changes this data, not the code. Placeholders are ``str.format`` fields; ``{items}`` is a list of
``{label}{value}{unit}`` joined with ``item_sep``, of the non-zero categories only, in the official order.
Category labels come from the format declaration itself (its row and column labels, without the
numbering and the bracketed explanations), never spelled out here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    item_sep: str = "、"
    clause_sep: str = "；"
    end: str = "。"
    unit: str = "件"
    # part 三
    applications: str = "本年度共新收政府信息公开申请{new}件"
    carried_in: str = "，上年结转{carried_in}件"
    change_up: str = "，较上年增加{delta}件、增长{percent}%"
    change_down: str = "，较上年减少{delta}件、下降{percent}%"
    change_none: str = "，与上年持平"
    finished: str = "办结{done}件，其中{items}"
    carried_out: str = "结转下年度继续办理{carried_out}件"
    no_applications: str = "本年度未收到政府信息公开申请"
    # part 四
    reviews: str = "本年度发生政府信息公开行政复议{reviews}件，其中{items}"
    no_reviews: str = "本年度未发生政府信息公开行政复议"
    suits: str = "行政诉讼{suits}件，其中{items}"
    no_suits: str = "未发生政府信息公开行政诉讼"
    # part 二: one clause a row, items by the block's columns (规章：本年制发2件、本年废止1件、现行有效10件)
    part2_row: str = "{row}：{items}"
    part2_none: str = "{row}：无"


# Both formats word parts 三 and 四 alike; part 二 follows each format's own columns.
WORDING = {"2019": Wording(), "2021": Wording()}


def wording_for(format_id: str) -> Wording:
    return WORDING.get(format_id, Wording())
