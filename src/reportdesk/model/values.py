"""Cell values: parsing what a clerk types or a document prints, and writing them back out.

Counts and signed changes are ``int``; an amount in 万元 is a ``Decimal``; a 2019 采购总金额 is a
``Money`` that keeps its unit. A blank cell is ``None``: the official form never has one.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from ..formats import MONEY_UNITS, ValueKind


class Money(NamedTuple):
    amount: Decimal
    unit: str | None  # 元 or 万元; None where the document printed none

    def __str__(self) -> str:
        return f"{format_decimal(self.amount)}{self.unit or ''}"

    def in_yuan(self) -> Decimal:
        return self.amount * 10000 if self.unit == "万元" else self.amount


Value = int | Decimal | Money

# Full-width digits and signs, as typed with a Chinese input method, become ASCII.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９＋－．，　", "0123456789+-., ")
_DASHES = str.maketrans({"−": "-", "–": "-", "—": "-", "﹣": "-"})
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


class CellValueError(ValueError):
    """A value that cannot go into a cell; the message is for the clerk."""


def normalise(text: str) -> str:
    return text.translate(_FULL_WIDTH).translate(_DASHES).replace(",", "").replace(" ", "").strip()


def parse_value(kind: ValueKind, text: str) -> Value | None:
    """Read a cell as typed or printed. Blank gives ``None``; anything unreadable raises."""
    s = normalise(text)
    if s == "":
        return None
    if kind is ValueKind.MONEY:
        unit = next((u for u in sorted(MONEY_UNITS, key=len, reverse=True) if s.endswith(u)), None)
        number = s[: -len(unit)] if unit else s
        if not _NUMBER.fullmatch(number) or number.startswith(("+", "-")):
            raise CellValueError(f"“{text}”不是金额：请填写数字，可带单位“元”或“万元”")
        return Money(Decimal(number), unit)
    if not _NUMBER.fullmatch(s):
        raise CellValueError(f"“{text}”不是数字：请填写阿拉伯数字")
    if kind is ValueKind.WAN_YUAN:
        if s.startswith("-"):
            raise CellValueError(f"“{text}”：收费金额不能为负数")
        return Decimal(s.lstrip("+"))
    if "." in s:
        whole = Decimal(s)
        if whole != whole.to_integral_value():
            raise CellValueError(f"“{text}”：件数必须是整数，不能有小数")
        s = str(int(whole))
    number = int(s)
    if kind is ValueKind.COUNT and number < 0:
        raise CellValueError(f"“{text}”：件数不能为负数")
    return number


def format_decimal(d: Decimal) -> str:
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_value(kind: ValueKind, value: Value | None) -> str:
    """The value as the official form prints it (blank for ``None``)."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return str(value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    if kind is ValueKind.SIGNED and value > 0:
        return f"+{value}"
    return str(value)


def as_number(value: Value | None) -> Decimal | int:
    """The value as a plain number for arithmetic; blank counts as 0."""
    if value is None:
        return 0
    if isinstance(value, Money):
        return value.amount
    return value


def value_problem(kind: ValueKind, value: object) -> str | None:
    """What is wrong with a stored value for its kind, in Chinese; None if it is fine."""
    if value is None:
        return None
    if kind in (ValueKind.COUNT, ValueKind.SIGNED):
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, Decimal) and value == value.to_integral_value():
                return None
            return f"{format_value(kind, value)}：件数必须是整数"
        if kind is ValueKind.COUNT and value < 0:
            return f"{value}：件数不能为负数"
        return None
    if kind is ValueKind.WAN_YUAN:
        if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
            return "金额必须是数字"
        return "收费金额不能为负数" if value < 0 else None
    if kind is ValueKind.MONEY:
        if not isinstance(value, Money):
            return "采购总金额必须带单位（元或万元）"
        if value.amount < 0:
            return "金额不能为负数"
        return None
    return None


def to_json(kind: ValueKind, value: Value | None) -> object:
    """How a value is written in the interchange and project JSON."""
    if value is None:
        return None
    if isinstance(value, Money):
        return str(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value) if value == Decimal(repr(float(value))) else format_decimal(value)
    return value


def from_json(kind: ValueKind, raw: object) -> Value | None:
    """Read a JSON cell. Raises ``CellValueError`` with a message for the user when it cannot."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise CellValueError(f"{raw!r} 不是数字")
    if isinstance(raw, (int, float, Decimal)):
        if kind is ValueKind.MONEY:
            return Money(Decimal(str(raw)), None)
        if kind is ValueKind.WAN_YUAN:
            return Decimal(str(raw))
        try:
            d = Decimal(str(raw))
        except InvalidOperation as exc:  # inf, nan
            raise CellValueError(f"{raw!r} 不是数字") from exc
        if not d.is_finite() or d != d.to_integral_value():
            raise CellValueError(f"{raw!r}：件数必须是整数")
        if abs(d) > 10**12:
            raise CellValueError(f"{raw!r}：数字过大")
        return int(d)
    if isinstance(raw, str):
        if len(raw) > 40:
            raise CellValueError("单元格内容过长，不是数字")
        return parse_value(kind, raw)
    raise CellValueError(f"{type(raw).__name__} 不能作为单元格的值")
