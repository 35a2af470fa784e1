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


class FieldError(ValueError):
    """A field of a file (year, format, version …) that is missing, mistyped or out of range.

    ``str()`` is the message for the user, in Chinese, naming the field.
    """


# ---------------------------------------------------------------------------- bounds
# Every number that enters a report passes here first: typed, pasted, imported, or read from a
# project or interchange file. Nothing reaches int()/Decimal arithmetic without a bound, so a
# hostile file cannot ask for a 4,300-digit integer or int(Decimal("1e999999999")).

MAX_COUNT = 10**9  #件数: no agency handles a billion requests a year
MAX_AMOUNT = Decimal(10) ** 13  # 金额 (元 or 万元): integer part at most 13 digits
MAX_DECIMALS = 8  # 金额: at most 8 digits after the point
MAX_NUMBER_TEXT = 40  # characters of a number as written; anything longer is not a cell value
YEAR_RANGE = (1990, 2100)
_INT_TEXT = re.compile(r"[+-]?\d{1,30}")


def bounded_int(raw: object, field: str, low: int, high: int) -> int:
    """``raw`` as an integer within ``[low, high]``, or a ``FieldError`` naming ``field``.

    Accepts an ``int`` or an integral ``Decimal``/``float`` (JSON may write 2024.0); never converts
    anything out of range, so a huge exponent costs nothing.
    """
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        raise FieldError(f"“{field}”应为整数，实为{kind_of(raw)}")
    if isinstance(raw, int):
        if low <= raw <= high:
            return raw
        raise FieldError(f"“{field}”超出范围：应在 {low} 到 {high} 之间")
    d = raw if isinstance(raw, Decimal) else _decimal_of_float(raw)
    if d is None or not d.is_finite():
        raise FieldError(f"“{field}”应为整数，实为 {short(str(raw))}")
    if not low <= d <= high:  # a comparison, never a conversion: cheap for any exponent
        raise FieldError(f"“{field}”超出范围：应在 {low} 到 {high} 之间")
    if d != d.to_integral_value():
        raise FieldError(f"“{field}”应为整数，实为 {short(str(raw))}")
    return int(d)


def check_year(raw: object, field: str = "year") -> int:
    return bounded_int(raw, field, *YEAR_RANGE)


def text_field(raw: object, field: str, default: str = "", limit: int = 100_000) -> str:
    """A text field of a file: a string (``None`` gives ``default``), of bounded length."""
    if raw is None:
        return default
    if not isinstance(raw, str):
        raise FieldError(f"“{field}”应为文字，实为{kind_of(raw)}")
    if len(raw) > limit:
        raise FieldError(f"“{field}”过长（{len(raw)} 个字符）")
    return raw


def kind_of(raw: object) -> str:
    names = {list: "列表", dict: "对象", str: "文字", bool: "真假值", type(None): "空值"}
    for t, name in names.items():
        if isinstance(raw, t):
            return name
    return "数字" if isinstance(raw, (int, float, Decimal)) else type(raw).__name__


def _decimal_of_float(raw: float) -> Decimal | None:
    try:
        return Decimal(repr(raw))
    except InvalidOperation:  # nan, inf
        return None


def short(text: str, limit: int = 24) -> str:
    """A value as quoted in a message: a 5,000-digit number is not shown whole."""
    return text if len(text) <= limit else text[:limit] + "…"


def _bounded_count(kind: ValueKind, number: int | Decimal, shown: str) -> int:
    """A count or signed change within ±MAX_COUNT, as ``int``; ``number`` is finite."""
    shown = short(shown)
    if number > MAX_COUNT or number < -MAX_COUNT:
        raise CellValueError(f"“{shown}”：数字过大（件数不超过 {MAX_COUNT:,}）")
    if isinstance(number, Decimal):
        if number != number.to_integral_value():
            raise CellValueError(f"“{shown}”：件数必须是整数，不能有小数")
        number = int(number)
    if kind is ValueKind.COUNT and number < 0:
        raise CellValueError(f"“{shown}”：件数不能为负数")
    return number


def _bounded_amount(d: Decimal, shown: str) -> Decimal:
    """An amount: finite, not negative, at most 13 whole and 8 decimal digits."""
    shown = short(shown)
    if not d.is_finite():
        raise CellValueError(f"“{shown}”不是金额：请填写数字")
    if d < 0:
        raise CellValueError(f"“{shown}”：金额不能为负数")
    if d >= MAX_AMOUNT:
        raise CellValueError(f"“{shown}”：金额过大（整数部分不超过 13 位）")
    if d.as_tuple().exponent < -MAX_DECIMALS and d != d.quantize(Decimal(1).scaleb(-MAX_DECIMALS)):
        raise CellValueError(f"“{shown}”：金额的小数位过多（不超过 {MAX_DECIMALS} 位）")
    return d.normalize() if d.as_tuple().exponent < -MAX_DECIMALS else d


def normalise(text: str) -> str:
    return text.translate(_FULL_WIDTH).translate(_DASHES).replace(",", "").replace(" ", "").strip()


def parse_value(kind: ValueKind, text: str) -> Value | None:
    """Read a cell as typed or printed. Blank gives ``None``; anything unreadable raises."""
    s = normalise(text)
    if s == "":
        return None
    if len(s) > MAX_NUMBER_TEXT:
        shown = text.strip()[:20] + "…"
        raise CellValueError(f"“{shown}”不是数字：内容过长（不超过 {MAX_NUMBER_TEXT} 个字符）")
    if kind is ValueKind.MONEY:
        unit = next((u for u in sorted(MONEY_UNITS, key=len, reverse=True) if s.endswith(u)), None)
        number = s[: -len(unit)] if unit else s
        if not _NUMBER.fullmatch(number) or number.startswith(("+", "-")):
            raise CellValueError(f"“{text}”不是金额：请填写数字，可带单位“元”或“万元”")
        return Money(_bounded_amount(Decimal(number), text), unit)
    if not _NUMBER.fullmatch(s):
        raise CellValueError(f"“{text}”不是数字：请填写阿拉伯数字")
    if kind is ValueKind.WAN_YUAN:
        if s.startswith("-"):
            raise CellValueError(f"“{text}”：收费金额不能为负数")
        return _bounded_amount(Decimal(s.lstrip("+")), text)
    return _bounded_count(kind, Decimal(s) if "." in s else int(s), text)


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
    """Read a JSON cell. Raises ``CellValueError`` with a message for the user when it cannot.

    Project and interchange files are parsed with ``json_number_hooks()``, so a number arrives
    here as ``int`` (at most 30 digits) or ``Decimal`` (possibly NaN, Infinity or 1e999999999),
    and is bounded before any conversion.
    """
    # Fast path: nearly every cell of a saved report is a plain count. ``type() is int`` leaves
    # out bool; a negative, an out-of-range or any other value takes the checks below.
    if type(raw) is int and 0 <= raw <= MAX_COUNT and (kind is ValueKind.COUNT or kind is ValueKind.SIGNED):
        return raw
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise CellValueError(f"{raw!r} 不是数字")
    if isinstance(raw, float):
        d = _decimal_of_float(raw)
        if d is None:
            raise CellValueError(f"{raw!r} 不是数字")
        raw = d
    if isinstance(raw, (int, Decimal)):
        if isinstance(raw, Decimal) and not raw.is_finite():
            raise CellValueError(f"{raw} 不是数字")
        if isinstance(raw, int) and abs(raw) > 10**30:  # never str() a huge int (4,300-digit limit)
            raise CellValueError("数字过大，不是单元格的值")
        if kind is ValueKind.MONEY:
            return Money(_bounded_amount(Decimal(raw), str(raw)), None)
        if kind is ValueKind.WAN_YUAN:
            return _bounded_amount(Decimal(raw), str(raw))
        return _bounded_count(kind, raw, str(raw))
    if isinstance(raw, str):
        if len(raw) > MAX_NUMBER_TEXT:
            raise CellValueError("单元格内容过长，不是数字")
        return parse_value(kind, raw)
    raise CellValueError(f"{kind_of(raw)}不能作为单元格的值")


def _json_int(text: str) -> int | Decimal:
    """JSON integers: Python refuses over 4,300 digits with a bare ValueError; a long one is a Decimal."""
    return int(text) if len(text) <= 30 else Decimal(text)


def _json_constant(name: str) -> Decimal:
    return Decimal(name)  # NaN, Infinity, -Infinity: refused, by field, where the value is read


def json_number_hooks() -> dict[str, object]:
    """Keyword arguments for ``json.loads`` so that numbers arrive bounded-checkable (see from_json)."""
    return {"parse_float": Decimal, "parse_int": _json_int, "parse_constant": _json_constant}
