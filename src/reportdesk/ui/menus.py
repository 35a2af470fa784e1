"""The editor window's menu bar: every command with its shortcut, and the actions the window keeps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .previousyear import PreviousYear
from .summary_tips import open_summary_window

if TYPE_CHECKING:
    from .mainwindow import MainWindow


@dataclass
class Menus:
    recent: QMenu
    save: QAction
    undo: QAction
    redo: QAction
    report_actions: list[QAction]  # resting while the start page shows (no report open)
    previous_year: PreviousYear  # 关联上年报告… and 显示上年数


def add_action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object], shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(w: MainWindow) -> Menus:
    """The menus of ``w``; texts translated in the window's context ("MainWindow")."""
    bar = w.menuBar()
    keys = QKeySequence.StandardKey
    m = bar.addMenu(w.tr("文件(&F)"))
    add_action(w, m, w.tr("新建…"), w.new_report_dialog, "Ctrl+N")
    add_action(w, m, w.tr("打开…"), w.open_dialog, "Ctrl+O")
    recent = m.addMenu(w.tr("最近打开"))
    recent.aboutToShow.connect(lambda: w.files.fill_recent(recent))
    add_action(w, m, w.tr("汇总下属单位报告…"), lambda: open_summary_window(w))
    m.addSeparator()
    save = add_action(w, m, w.tr("保存"), w.save, "Ctrl+S")
    save_as = add_action(w, m, w.tr("另存为…"), w.save_as, "Ctrl+Shift+S")
    m.addSeparator()
    close = add_action(w, m, w.tr("关闭"), w.close_report, "Ctrl+W")
    add_action(w, m, w.tr("退出"), w.close, "Ctrl+Q")
    report_actions = [save, save_as, close]
    file_menu = m
    m = bar.addMenu(w.tr("编辑(&E)"))
    undo = add_action(w, m, w.tr("撤销"), w.undo, "Ctrl+Z")
    redo = add_action(w, m, w.tr("重做"), w.redo, "Ctrl+Y")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    m.addSeparator()
    add_action(w, m, w.tr("加粗（正文）"), w.toggle_bold, "Ctrl+B")
    previous_year = PreviousYear(w, file_menu, m, before=close)
    m = bar.addMenu(w.tr("检查(&C)"))
    report_actions += [
        add_action(w, m, w.tr("检查全文"), w.doc_recheck, "F5"),
        add_action(w, m, w.tr("下一个问题"), w.next_finding, "F8"),
    ]
    add_action(w, m, w.tr("批量审阅…"), w.open_review)
    m = bar.addMenu(w.tr("导出(&X)"))
    report_actions += [
        add_action(w, m, w.tr("导出 Word(.docx)…"), lambda: w.export("docx")),
        add_action(w, m, w.tr("导出 PDF…"), lambda: w.export("pdf")),
    ]
    m.addSeparator()
    report_actions += [
        add_action(w, m, w.tr("打印预览…"), lambda: w.print_call(preview=True)),
        add_action(w, m, w.tr("打印…"), lambda: w.print_call(preview=False), keys.Print),
    ]
    m.addSeparator()
    add_action(w, m, w.tr("导出字体…"), w.choose_fonts)
    m = bar.addMenu(w.tr("帮助(&H)"))
    add_action(w, m, w.tr("填写说明"), w.show_help, "F1")
    add_action(w, m, w.tr("关于本工具"), w.show_about)
    return Menus(recent, save, undo, redo, report_actions, previous_year)
