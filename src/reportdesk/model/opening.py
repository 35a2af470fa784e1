"""The standard opening paragraph, generated from the report's fields and editable afterwards."""

from __future__ import annotations

from .report import Report


def stats_period(year: int) -> str:
    return f"自{year}年1月1日起至{year}年12月31日止"


def standard_opening(report: Report) -> str:
    fmt = report.format
    c = report.contact
    text = (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{fmt.notice_title}"
        f"（{fmt.notice}）要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        f"政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        f"本报告中所列数据的统计期限{stats_period(report.year)}。"
    )
    if c.website:
        text += f"本报告电子版可在{c.website}查阅或下载。"
    details = [
        ("地址", c.address),
        ("邮编", c.postcode),
        ("电话", c.phone),
        ("传真", c.fax),
        ("电子邮箱", c.email),
    ]
    filled = "；".join(f"{k}：{v}" for k, v in details if v)
    if filled:
        text += f"如对本报告有疑问，请与{report.agency}联系（{filled}）。"
    return text
