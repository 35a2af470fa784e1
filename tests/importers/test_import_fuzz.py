"""Mangled copies of the seeds: the importer gives a report or a LoadError, never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import SEED_NAMES

from reportdesk.checks import check_report
from reportdesk.importers import import_document
from reportdesk.loading import LoadError
from reportdesk.model.project import load_project, save_project

edits = st.lists(
    st.tuples(
        st.sampled_from(["drop", "repeat", "tab-to-newline", "newline-to-tab", "insert", "swap"]),
        st.integers(0, 10_000),
        st.text(min_size=0, max_size=12),
    ),
    max_size=12,
)


def _mangle(text: str, ops) -> str:
    lines = text.split("\n")
    for op, pos, junk in ops:
        if not lines:
            break
        i = pos % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "tab-to-newline":
            lines[i : i + 1] = lines[i].split("\t")
        elif op == "newline-to-tab" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + "\t" + lines[i + 1]]
        elif op == "insert":
            lines.insert(i, junk)
        elif op == "swap":
            j = (pos * 7) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(SEED_NAMES), ops=edits)
def test_mangled_seed_gives_a_report_or_a_clear_message(name, ops, seed_text, tmp_path):
    path = tmp_path / "mangled.txt"
    path.write_text(_mangle(seed_text(name).read_text("utf-8"), ops), "utf-8")
    try:
        result = import_document(path)
    except LoadError as exc:
        assert str(exc)
        return
    check_report(result.report)  # the checks take whatever was read
    project = tmp_path / "p.rdproj"
    save_project(result.report, project)
    again = load_project(project)
    # a table the document lacks is left out of ``values``; the project file keeps it as blank
    assert {r: again.values.get(r) for r in again.values} == {r: result.report.values.get(r) for r in again.values}
    assert again.unreadable == result.report.unreadable
    assert again.printed == {r: v for r, v in result.report.printed.items() if r in again.printed}
