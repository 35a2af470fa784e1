"""What the file actions say to the clerk: file filters, the import summary, the conversion question."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from .. import APP_TITLE
from ..formats import ReportFormat
from ..model.convert import Conversion

MB = QMessageBox.StandardButton
MAX_LISTED = 8  # lines per list in a message box, so it fits a 768-pixel-high screen


def short_error(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:80] + "…"


def open_filter() -> str:
    tr = QCoreApplication.translate
    return ";;".join(
        (
            tr("FileActions", "报告文件") + " (*.rdproj *.json *.docx *.pdf *.txt *.html *.htm *.mhtml)",
            tr("FileActions", "项目文件") + " (*.rdproj)",
            tr("FileActions", "已发布的报告") + " (*.docx *.pdf *.txt *.html *.htm *.mhtml)",
            tr("FileActions", "交换格式") + " (*.json)",
        )
    )


def save_filter() -> str:
    return QCoreApplication.translate("FileActions", "报告项目文件") + " (*.rdproj)"


def import_summary(name: str, result, intro: str | None = None, limit: int | None = MAX_LISTED) -> str:
    """What an import recognised and what the clerk must check; ``limit`` lines per list (None: all)."""
    tr = QCoreApplication.translate
    lines = [intro or tr("FileActions", "已导入“{0}”（尚未保存）。").format(name), ""]

    def listed(items: list[str], more: str) -> list[str]:
        shown = items if limit is None else items[:limit]
        out = [f"· {x}" for x in shown]
        if len(items) > len(shown):
            out.append(more.format(len(items) - len(shown)))
        return out

    if result.recognised:
        lines.append(tr("FileActions", "已识别："))
        lines += listed(result.recognised, tr("FileActions", "……另有 {0} 项（见“显示详细信息”）"))
    if result.problems:
        lines += ["", tr("FileActions", "未能识别或需要核对：")]
        lines += listed(result.problems, tr("FileActions", "……另有 {0} 处（见“显示详细信息”）"))
    else:
        lines += ["", tr("FileActions", "没有发现需要核对的内容。")]
    return "\n".join(lines)


def show_import_summary(parent, name: str, result, intro: str | None = None) -> None:
    """The summary in a box that fits a 768-pixel screen; the complete lists under 显示详细信息."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_TITLE, import_summary(name, result, intro), MB.Ok, parent)
    if len(result.recognised) > MAX_LISTED or len(result.problems) > MAX_LISTED:
        box.setDetailedText(import_summary(name, result, intro, limit=None))
    box.exec()


def ask_to_convert(parent, conv: Conversion, year: int, fmt: ReportFormat) -> bool:
    """The year moved across 2020/2021: what converting keeps, moves and loses; True to convert."""
    tr = QCoreApplication.translate
    lines = [tr("FileActions", "{0} 年度的报告应使用{1}规定的格式。是否将本报告转换为该格式？").format(year, fmt.notice), ""]
    if conv.mapped:
        lines += [tr("FileActions", "以下数据按对应栏目转入："), *(f"· {m}" for m in conv.mapped), ""]
    if conv.lost:
        lines += [
            tr("FileActions", "以下数据在新格式中没有对应栏目，将不再保留（可撤销）："),
            *(f"· {m}" for m in conv.lost),
            "",
        ]
    lines.append(tr("FileActions", "新格式中另有 {0} 个栏目没有对应数据，将填为 0，请补填。").format(len(conv.blank)))
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("FileActions", "转换报告格式"), "\n".join(lines[:1]), MB.Yes | MB.No, parent
    )
    box.setInformativeText("\n".join(lines[2:]) if len(lines) > 2 else "")
    box.setDetailedText(tr("FileActions", "没有对应数据的栏目：\n") + "\n".join(conv.blank))
    box.button(MB.Yes).setText(tr("FileActions", "转换"))
    box.button(MB.No).setText(tr("FileActions", "不转换"))
    return box.exec() == MB.Yes
