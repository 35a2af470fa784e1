from decimal import Decimal

import pytest

from reportdesk.formats import ValueKind
from reportdesk.model.values import MAX_COUNT, CellValueError, Money, format_value, from_json, parse_value

C, S, M, W = ValueKind.COUNT, ValueKind.SIGNED, ValueKind.MONEY, ValueKind.WAN_YUAN


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        (C, "12", 12),
        (C, "１２", 12),  # full-width digits from a Chinese input method
        (C, " 1,286 ", 1286),
        (C, "3.0", 3),
        (C, "", None),
        (S, "+117", 117),
        (S, "-1", -1),
        (S, "－２", -2),
        (S, "−2", -2),
        (W, "24252.311082", Decimal("24252.311082")),
        (M, "251000元", Money(Decimal(251000), "元")),
        (M, "160.5964万元", Money(Decimal("160.5964"), "万元")),
        (M, "0", Money(Decimal(0), None)),
    ],
)
def test_parse(kind, text, value):
    assert parse_value(kind, text) == value


@pytest.mark.parametrize(
    ("kind", "text", "words"),
    [(C, "abc", "不是数字"), (C, "-1", "不能为负数"), (C, "1.5", "整数"), (W, "-3", "负数"), (M, "十万元", "不是金额")],
)
def test_refused_with_a_message(kind, text, words):
    with pytest.raises(CellValueError, match=words):
        parse_value(kind, text)


def test_format():
    assert format_value(S, 117) == "+117"
    assert format_value(S, -2) == "-2"
    assert format_value(W, Decimal("12.350")) == "12.35"
    assert format_value(M, Money(Decimal("160.5964"), "万元")) == "160.5964万元"
    assert format_value(C, None) == ""


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        (ValueKind.COUNT, 0, 0),
        (ValueKind.COUNT, MAX_COUNT, MAX_COUNT),
        (ValueKind.SIGNED, 7, 7),
        (ValueKind.SIGNED, -MAX_COUNT, -MAX_COUNT),
        (ValueKind.WAN_YUAN, 3, Decimal(3)),  # a plain int that is no count: an amount, not an int
        (ValueKind.MONEY, 5, Money(Decimal(5), None)),
        (ValueKind.COUNT, Decimal(12), 12),
        (ValueKind.COUNT, None, None),
    ],
)
def test_json_cells_read(kind, raw, value):
    read = from_json(kind, raw)
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize(
    ("kind", "raw", "words"),
    [
        (ValueKind.COUNT, MAX_COUNT + 1, "过大"),
        (ValueKind.SIGNED, -MAX_COUNT - 1, "过大"),
        (ValueKind.COUNT, -1, "负数"),
        (ValueKind.COUNT, True, "不是数字"),
        (ValueKind.SIGNED, False, "不是数字"),
        (ValueKind.COUNT, Decimal("1.5"), "整数"),
    ],
)
def test_json_cells_refused_at_the_bounds(kind, raw, words):
    with pytest.raises(CellValueError, match=words):
        from_json(kind, raw)
