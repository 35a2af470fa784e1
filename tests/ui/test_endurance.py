"""Endurance: the editor survives thousands of edits (PySide6 6.12.0's refcount bug is harmless from CPython 3.12)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from reportdesk.formats import PART3, CellRef


def test_bare_pyside_survives_a_hundred_thousand_calls():
    """PySide6 6.12.0 drops a reference to None on every void call and to True on every emit. On
    CPython 3.11 that aborted the editor after a few hundred edits; from 3.12 on (the only Pythons we
    support) None and True are immortal and a bare process, with no patch, survives."""
    code = textwrap.dedent(
        """
        from PySide6.QtCore import QObject, Signal
        class P(QObject):
            s = Signal()
        p = P()
        for _ in range(100_000):
            p.setObjectName("x")
            p.s.emit()
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"


def test_five_thousand_edits_through_the_window(window, qtbot):
    page = window.pages["part3"]
    view, model = page.view, page.model
    window.show_section("part3")
    p3 = window.report.format.part3
    refs = [CellRef(PART3, row, col) for row in p3.input_rows[:6] for col in p3.input_columns]
    for i in range(5000):
        ref = refs[i % len(refs)]
        assert model.setData(model.index_of(ref), str(i % 50 + 1), Qt.ItemDataRole.EditRole)
        if i % 100 == 0:
            view.viewport().repaint()  # every visible cell asks data() for every role
    view.viewport().repaint()
    last = 4999
    assert window.report.values[refs[last % len(refs)]] == last % 50 + 1
    assert window.doc.undo_stack.count() == 5000
    assert window.counts.text().endswith("个警告")
