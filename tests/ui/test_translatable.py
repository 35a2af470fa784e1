"""User texts go through Qt's translation at the time they are shown, also the module-level ones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel


class Marking(QTranslator):
    """A translator that marks every text it is asked for, so a test sees what passed through it."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"⟦{source}⟧" if source else source

    def isEmpty(self):
        return False


@pytest.fixture
def marking(qtbot):
    translator = Marking()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


def test_legend_outline_and_filters_are_translated_when_shown(marking):
    from reportdesk.ui.filemessages import open_filter, save_filter
    from reportdesk.ui.findingspanel import part_title
    from reportdesk.ui.pages import legend_text
    from reportdesk.ui.proseedit import placeholder_for

    assert "⟦自动计算⟧" in legend_text() and "⟦错误⟧" in legend_text()
    from reportdesk.formats import FORMAT_2019, FORMAT_2021

    assert placeholder_for("五", FORMAT_2021).startswith("⟦参考提纲")
    six_2021, six_2019 = placeholder_for("六", FORMAT_2021), placeholder_for("六", FORMAT_2019)
    assert six_2021.startswith("⟦参考提纲") and "信息处理费" in six_2021
    assert six_2019.startswith("⟦参考提纲") and "信息处理费" not in six_2019  # the 办法 applies from 2021
    one = placeholder_for("一", FORMAT_2021)
    assert one.startswith("⟦参考提纲") and f"（一）{FORMAT_2021.part1_outline[0]}" in one
    assert "⟦项目文件⟧ (*.rdproj)" in open_filter() and save_filter().startswith("⟦")
    assert part_title("三") == "⟦第三部分⟧"


def test_pages_use_the_translation(marking, qtbot, demo_file):
    from reportdesk.loading import load_report
    from reportdesk.ui.document import Document
    from reportdesk.ui.pages import ProsePage, TablePage

    doc = Document(load_report(demo_file))
    page = TablePage(doc, "三")
    qtbot.addWidget(page)
    assert any("⟦自动计算⟧" in label.text() for label in page.findChildren(QLabel))
    doc.report.parts["五"] = []
    prose = ProsePage(doc, "五")
    qtbot.addWidget(prose)
    assert prose.guide.text().startswith("⟦参考提纲")


def test_review_window_and_printing_texts_are_translated(marking, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reportdesk.loading import load_report
    from reportdesk.paths import demo_report_path
    from reportdesk.ui import printing
    from reportdesk.ui.review_view import ReviewWindow

    review = ReviewWindow()
    qtbot.addWidget(review)
    assert review.windowTitle() == "⟦批量审阅⟧" and review.folder_button.text() == "⟦打开文件夹…⟧"
    seen = {}

    def exec_(box):
        seen["title"], seen["buttons"] = box.windowTitle(), [b.text() for b in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    report = load_report(demo_report_path())
    report.date = None
    printing.confirm_despite_errors(None, report, "导出")
    assert seen["title"] == "⟦报告有错误⟧" and "⟦返回修改⟧" in seen["buttons"]
