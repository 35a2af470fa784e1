"""Every hostile input of issue #12 through the command line: a Chinese message and exit 0/1/2,
never a traceback, never a hang (each case runs in-process in milliseconds)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from tests.hostile.hostile_files import (
    HUGE_INT,
    NUMBERS,
    WRONG_TYPES,
    interchange_text,
    project_text,
    published_text_with,
    write,
)

from reportdesk.cli import main
from reportdesk.formats import ValueKind
from reportdesk.model.project import ProjectError, load_project, loads_project
from reportdesk.model.values import CellValueError, FieldError, bounded_int, from_json, parse_value

FIELDS = ("year", "version", "baseline.year", "level")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.out, out.err


@pytest.mark.parametrize("number", list(NUMBERS))
@pytest.mark.parametrize("where", FIELDS)
def test_a_hostile_number_in_a_field_is_refused_naming_it(tmp_path, capsys, where, number):
    path = write(tmp_path / "r.rdproj", project_text(where, NUMBERS[number]))
    for command in (["check"], ["show", "--json"], ["export", "--docx", tmp_path / "o.docx"]):
        code, out, err = run(capsys, *command, path)
        assert code == 2, (command, out, err)
        text = out + err
        named = {"year": "year", "version": "reportdesk_project", "baseline.year": "baseline.year", "level": "level"}
        assert named[where] in text  # the field is named
        assert len(text) < 600  # the 5,000 digits are not repeated back
    assert not (tmp_path / "o.docx").exists()


@pytest.mark.parametrize("number", list(NUMBERS))
@pytest.mark.parametrize("where", ["fee", "count"])
@pytest.mark.parametrize("container", ["project", "interchange"])
def test_a_hostile_number_in_a_cell_is_unknown_not_a_crash(tmp_path, capsys, container, where, number):
    if container == "project":
        path = write(tmp_path / "r.rdproj", project_text(where, NUMBERS[number]))
    else:
        path = write(tmp_path / "r.json", interchange_text(where, NUMBERS[number]))
    code, out, _ = run(capsys, "check", "--json", path)
    # unknown is not zero, and not an error of the report either: a reading note (读取说明) names the cell,
    # and the rules that would have needed it say once that they could not be checked
    assert code == 0
    findings = json.loads(out)[0]["findings"]
    assert {"rule": "CELL-UNREADABLE", "severity": "read"} in [{"rule": f["rule"], "severity": f["severity"]} for f in findings]
    assert "TABLE-UNCHECKED" in [f["rule"] for f in findings]
    code, out, _ = run(capsys, "show", "--json", path)
    assert code == 0 and len(out) < 100_000  # nothing printed the huge number out in full
    code, _, _ = run(capsys, "import", path, "-o", tmp_path / "imported.rdproj")
    if container == "interchange":
        assert code == 0
        report = load_project(tmp_path / "imported.rdproj")
        assert report.unreadable  # kept as unknown, not as 0 and not as the huge number
    code, out, _ = run(capsys, "export", path, "--docx", tmp_path / "o.docx")
    assert code == 0 and (tmp_path / "o.docx").stat().st_size > 1000


@pytest.mark.parametrize("field", list(WRONG_TYPES))
def test_a_field_of_the_wrong_type_is_named(tmp_path, capsys, field):
    path = write(tmp_path / "r.rdproj", project_text(field, WRONG_TYPES[field]))
    code, out, err = run(capsys, "check", path)
    if field in ("draft_parts", "sources"):  # optional lists of marks: wrong items are dropped
        assert code == 0
        return
    assert code == 2
    name = {"baseline": "format", "level": "level"}.get(field, field)
    assert name in out + err


@pytest.mark.parametrize("field", ["format", "kind", "year", "agency", "date", "parts", "tables", "contact"])
def test_interchange_field_of_the_wrong_type_is_named(tmp_path, capsys, field):
    path = write(tmp_path / "r.json", interchange_text(field, WRONG_TYPES[field]))
    code, _out, err = run(capsys, "show", path)
    assert code == 2 and field in err


def test_a_5000_digit_number_in_a_published_text_table(tmp_path, capsys):
    path = write(tmp_path / "r.txt", published_text_with(HUGE_INT))
    code, _out, _ = run(capsys, "import", path, "-o", tmp_path / "r.rdproj")
    assert code == 0
    report = load_project(tmp_path / "r.rdproj")
    assert any("过长" in why or "过大" in why for why in report.unreadable.values())


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        (ValueKind.COUNT, Decimal("1e999999999")),
        (ValueKind.COUNT, 10**5000),
        (ValueKind.SIGNED, Decimal("-1e100000")),
        (ValueKind.WAN_YUAN, Decimal("NaN")),
        (ValueKind.WAN_YUAN, Decimal("Infinity")),
        (ValueKind.WAN_YUAN, float("inf")),
        (ValueKind.MONEY, Decimal("1e999999999")),
        (ValueKind.WAN_YUAN, Decimal("1e-999999999")),
        (ValueKind.COUNT, "9" * 41),
        (ValueKind.COUNT, [1]),
    ],
    ids=lambda v: v.name if isinstance(v, ValueKind) else type(v).__name__,
)
def test_values_are_bounded_before_any_conversion(kind, raw):
    with pytest.raises(CellValueError):
        from_json(kind, raw)


def test_bounds_of_typed_values():
    assert parse_value(ValueKind.COUNT, "1000000000") == 10**9
    with pytest.raises(CellValueError, match="过大"):
        parse_value(ValueKind.COUNT, "1000000001")
    assert parse_value(ValueKind.WAN_YUAN, "9999999999999.12345678") == Decimal("9999999999999.12345678")
    with pytest.raises(CellValueError, match="小数位"):
        parse_value(ValueKind.WAN_YUAN, "1.123456789")
    with pytest.raises(CellValueError, match="过长"):
        parse_value(ValueKind.COUNT, "1" * 41)
    with pytest.raises(FieldError, match="超出范围"):
        bounded_int(Decimal("1e999999999"), "year", 1990, 2100)
    assert bounded_int(Decimal("2024.0"), "year", 1990, 2100) == 2024


def test_loads_project_never_raises_anything_but_project_error():
    for text in ['{"reportdesk_project": 3, "report": []}', '{"reportdesk_project": 3, "report": {"year": 2024, '
                 '"parts": {"一": [{"text": 1}]}}}', '[' * 100_000, '{"reportdesk_project": "3"}']:
        with pytest.raises(ProjectError):
            loads_project(text)


def test_an_impossible_year_in_a_published_text_is_refused(tmp_path, capsys):
    text = published_text_with("1").replace("20", "9" * 5000)  # every year and date: 9999…
    path = write(tmp_path / "r.txt", text)
    code, _, err = run(capsys, "check", path)
    assert code == 2
    code, _, err = run(capsys, "import", path, "-o", tmp_path / "r.rdproj")
    assert code == 2 and "报告年度" in err and not (tmp_path / "r.rdproj").exists()


def test_new_refuses_an_impossible_year(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--agency", "某局", "--year", "99999", "-o", tmp_path / "n.rdproj")
    assert code == 2 and "1990" in err and not (tmp_path / "n.rdproj").exists()
