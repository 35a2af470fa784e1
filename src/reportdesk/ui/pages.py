"""The pages of the editor's stack: one per part of the report, each bound to the open Document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .document import Document
from .draftmenu import DraftButton
from .proseedit import ProseEditor, placeholder_for
from .tablemodel import ReportTableModel
from .tableview import ReportTableView


def legend_text(following: bool = False) -> str:
    """The legend under every table, translated when shown (not at import); ``following``: the table has
    现行有效 cells that follow last year's figures (part 二)."""
    tr = QCoreApplication.translate
    follow = (
        " · <span style='background:#f2f7ec'><i>&nbsp;{}&nbsp;</i></span> {}".format(
            tr("TablePage", "斜体"), tr("TablePage", "按上年推算，可直接改写")
        )
        if following
        else ""
    )
    return (
        "<span style='background:#e9f0e1'>&nbsp;{}&nbsp;</span> {} · "
        "<span style='background:#f6c6c6'>&nbsp;{}&nbsp;</span> {} · "
        "<span style='background:#fde9a9'>&nbsp;{}&nbsp;</span> {}{}<br>{}"
    ).format(
        tr("TablePage", "合计"),
        tr("TablePage", "自动计算"),
        tr("TablePage", "红色"),
        tr("TablePage", "错误"),
        tr("TablePage", "黄色"),
        tr("TablePage", "警告（鼠标停留看原因）"),
        follow,
        tr(
            "TablePage",
            "直接输入数字覆盖；Enter 向下、Tab 向右；Delete 清零；Ctrl+V 粘贴 Excel/WPS 区块（可带行标题和表头）",
        ),
    )


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


class TablePage(QWidget):
    def __init__(self, doc: Document, part: str, parent=None) -> None:
        super().__init__(parent)
        self.part = part
        self.model = ReportTableModel(doc, part, self)
        self.view = ReportTableView(self.model, self)
        self.heading = _heading(doc.report.format.heading(part))
        legend = QLabel(legend_text(following=bool(self.model.stocks)))
        legend.setWordWrap(True)
        legend.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        doc.reportReplaced.connect(lambda: self.heading.setText(doc.report.format.heading(part)))


class ProsePage(QWidget):
    def __init__(self, doc: Document, part: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.part = part
        fmt = doc.report.format
        self.heading = _heading(fmt.heading(part))
        # Multi-line placeholders draw badly in QTextEdit, so the 参考提纲 is a label shown while empty.
        self.editor = ProseEditor(self.tr("在此输入正文……"), self)
        self.guide = QLabel(placeholder_for(part, fmt))
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet("background:#f4f7fb;border:1px solid #d5deea;padding:8px;color:#3a4a5c")
        self.editor.set_paragraphs(doc.report.parts.get(part, []))
        self.editor.setReadOnly(doc.read_only)
        hint = QLabel(
            self.tr("以“一、”“（一）”“1.”开头的段落按相应层级的标题显示和导出；选中文字按 Ctrl+B 加粗（如“一是……”）。")
        )
        hint.setWordWrap(True)
        self.draft = QLabel(self.tr("此部分沿用上年内容，尚未修改：请逐段核对后再发布。"))
        self.draft.setWordWrap(True)
        self.draft.setStyleSheet(
            "background:#fff4d6;border:1px solid #e0c27a;padding:6px;color:#6b4a00;font-weight:bold"
        )
        self.draft.setVisible(part in doc.report.draft_parts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.draft)
        layout.addWidget(self.guide)
        if part == "一":  # the part whose （一）（二） paragraphs repeat the tables' figures
            self.draft_button = DraftButton(doc, part, self.editor, self)
            layout.addWidget(self.draft_button)
        layout.addWidget(self.editor, 1)
        layout.addWidget(hint)
        self.editor.edited.connect(lambda paras: doc.edit_prose(part, paras))
        self.editor.textChanged.connect(self._update_guide)
        self._update_guide()
        doc.proseChanged.connect(self._on_changed)
        doc.reportReplaced.connect(lambda: self.editor.set_paragraphs(doc.report.parts.get(part, [])))

    def _update_guide(self) -> None:
        self.guide.setVisible(not self.editor.toPlainText().strip())

    def _on_changed(self, part: str, from_editor: bool) -> None:
        if part != self.part:
            return
        self.draft.setVisible(part in self.doc.report.draft_parts)
        if not from_editor:  # undo/redo: show the stored text, where the clerk was
            self.editor.set_paragraphs(self.doc.report.parts.get(part, []), keep_place=True)
