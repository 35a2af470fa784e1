"""What the window defers until after it is on screen still happens (issue #15 item 5): the pages are built
when first shown, the checks run right after the first paint, and the tab order is set then."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from reportdesk.formats import PART3, CellRef
from reportdesk.ui.sections import SECTIONS

ROOT = Path(__file__).resolve().parents[2]


def _fresh_window(qtbot, demo_file):
    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_report_file(demo_file)
    return w


def test_only_the_page_shown_is_built_and_the_others_when_selected(qtbot, demo_file, answers):
    w = _fresh_window(qtbot, demo_file)
    assert not any(w.pages.is_built(k) for k in SECTIONS)  # nothing before the window is shown
    w.show()
    qtbot.waitExposed(w)
    assert [k for k in SECTIONS if w.pages.is_built(k)] == ["info"]
    assert w.stack.currentWidget() is w.pages["info"] and w.info_page.ui.agencyEdit.text() == w.report.agency
    w.nav.setCurrentRow(SECTIONS.index("part3"))  # the clerk clicks 三、
    assert w.pages.is_built("part3") and w.stack.currentWidget() is w.pages["part3"]
    assert w.stack.count() == len(SECTIONS)  # the page took its placeholder's place
    page = w.pages["part3"]
    assert page.model.rowCount() > 0 and page.view.isVisible()
    # a page asked for by a test (or by reveal) is built, in its place in the stack, without being shown
    prose = w.pages["part5"]
    assert w.stack.indexOf(prose) == SECTIONS.index("part5") and w.stack.currentWidget() is page
    assert "part6" in w.pages and not w.pages.is_built("part6")  # asking whether it exists builds nothing
    assert list(w.pages) == SECTIONS and len(w.pages) == len(SECTIONS)


def test_a_page_built_later_has_last_years_button_and_its_place_in_the_tab_order(qtbot, demo_file, answers):
    w = _fresh_window(qtbot, demo_file)
    w.show()
    qtbot.waitUntil(lambda: w.doc.checked)  # after the first paint: checks and tab order
    w.show_section("part3")
    page = w.pages["part3"]
    overlay, button = w.previous_year.overlays[1], w.previous_year.buttons[1]  # part 二, 三, 四: 三 is the second
    assert overlay.page is page and button.parent() is page
    assert button.defaultAction() is w.previous_year.show_action
    # Tab from the navigation reaches the table built just now, and the findings panel after the fields
    chain, x = [], w.nav.nextInFocusChain()
    while x is not w.nav and len(chain) < 2000:
        if x.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(x)
        x = x.nextInFocusChain()
    assert page.view in chain and w.findings_panel in chain
    assert chain.index(page.view) < chain.index(w.findings_panel)


def test_the_checks_run_right_after_the_first_paint(qtbot, demo_file, answers):
    w = _fresh_window(qtbot, demo_file)
    doc = w.doc
    p3 = w.report.format.part3
    w.report.values[CellRef(PART3, p3.input_rows[0], p3.input_columns[0])] = 987654  # a total that no longer adds up
    assert not doc.checked and w.findings_panel.topLevelItemCount() == 0 and w.counts.text() == ""
    w.show()
    qtbot.waitUntil(lambda: doc.checked, timeout=5000)  # nobody asked for the findings: the window did
    assert w.findings_panel.finding_items() and "个错误" in w.counts.text()
    assert any(f.rule for f in doc.findings)
    row = SECTIONS.index("part3")
    assert w.nav.item(row).foreground().color() == Qt.GlobalColor.darkRed  # the navigation's mark


def test_asking_for_the_findings_before_the_paint_runs_the_checks_then(qtbot, demo_file, answers):
    w = _fresh_window(qtbot, demo_file)
    assert not w.doc.checked
    findings = w.doc.findings  # e.g. export before the window was ever shown
    assert w.doc.checked and findings == w.doc.findings
    assert w.counts.text()  # the window's views followed at once


def test_a_report_opened_later_is_checked_at_once(window, demo_file):
    assert window.doc.checked or window.doc.findings is not None
    window.files.unsaved_import = False
    window.doc.undo_stack.setClean()
    assert window.open_report_file(demo_file)
    assert window.doc.checked  # the window is on screen: no waiting for a paint


def test_generated_forms_import_only_the_qt_classes_they_use():
    for form in (ROOT / "src" / "reportdesk" / "ui" / "forms").glob("ui_*.py"):
        tree = ast.parse(form.read_text("utf-8"))
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        imported = {
            a.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
            for a in node.names
        }
        assert imported and imported <= used, (form.name, sorted(imported - used))


def test_placeholders_are_plain_widgets_until_built(qtbot, demo_file, answers):
    w = _fresh_window(qtbot, demo_file)
    w.show()
    qtbot.waitExposed(w)
    index = SECTIONS.index("signature")
    assert type(w.stack.widget(index)) is QWidget
    assert w.pages["signature"].agency.text() == w.report.signature_agency
    assert w.stack.widget(index) is w.pages["signature"]
