"""Qt's own buttons and dialogs speak Chinese."""

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reportdesk.app import install_chinese_qt_texts


def test_qt_buttons_are_chinese(qtbot):
    app = QApplication.instance()
    assert install_chinese_qt_texts(app)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert any("确定" in t for t in texts) and any("取消" in t for t in texts), texts
