"""UI test fixtures: the editor window on a saved copy of the demo report, modal dialogs patched."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from reportdesk.paths import demo_report_path


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "demo.rdproj"
    shutil.copy(demo_report_path(), path)
    return path


@pytest.fixture
def answers(monkeypatch):
    """Record modal message boxes and answer them; tests set ``answers.question`` first."""

    class Answers:
        def __init__(self) -> None:
            self.question = QMessageBox.StandardButton.Discard
            self.asked: list[str] = []
            self.told: list[str] = []
            self.details: list[str] = []

    a = Answers()

    def question(parent, title, text, *args, **kwargs):
        a.asked.append(text)
        return a.question

    def tell(parent, title, text, *args, **kwargs):
        a.told.append(text)
        return QMessageBox.StandardButton.Ok

    def exec_(box):  # a message box built by hand: recorded like the others, answered with OK
        a.told.append(box.text())
        a.details.append(box.detailedText())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", tell)
    monkeypatch.setattr(QMessageBox, "warning", tell)
    monkeypatch.setattr(QMessageBox, "critical", tell)
    return a


@pytest.fixture
def window(qtbot, demo_file, answers):
    from reportdesk.ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_report_file(demo_file)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.doc.undo_stack.setClean()
    w.files.unsaved_import = False
    w.close()
