"""The desktop entry point: `reportdesk`, `reportdesk FILE`, `reportdesk --demo`."""

from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reportdesk")
    parser.add_argument("file", nargs="?", help="要打开的项目文件")
    parser.add_argument("--demo", action="store_true", help="打开内置示例报告")
    parser.add_argument("--portable", action="store_true", help="设置与恢复文件保存在程序旁边")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

    from . import APP_TITLE, paths
    from .loading import LoadError, load_report
    from .model.text import report_as_text

    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = paths.demo_report_path() if args.demo else args.file
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setWindowTitle(APP_TITLE)
    if path:
        try:
            view.setPlainText(report_as_text(load_report(path)))
        except LoadError as exc:
            QMessageBox.critical(None, APP_TITLE, str(exc))
            return 2
    view.resize(1000, 700)
    view.show()
    return app.exec()
