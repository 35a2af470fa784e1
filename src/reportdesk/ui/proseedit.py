"""The editor of a prose part (一, 五, 六): paragraphs, heading levels as the export shows them, bold runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QSyntaxHighlighter, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from ..formats.spec import ReportFormat
from ..model import LEVEL_1, LEVEL_2, LEVEL_3, Paragraph, Run, heading_level
from ..model.prose import CN_NUMERALS

# The window's 撤销/重做 keys (menus.py), whatever the platform calls undo and redo.
UNDO_KEYS = {QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")}

# How each heading level looks, as the exporters render it (GB/T 9704: 黑体, 楷体, 仿宋 bold).
HEADING_FAMILIES = {
    LEVEL_1: ["SimHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei"],
    LEVEL_2: ["KaiTi", "STKaiti", "AR PL UKai CN"],
}


class HeadingHighlighter(QSyntaxHighlighter):
    """Shows a paragraph starting ``一、``/``（一）``/``1.`` as a heading of that level, without changing the text."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.formats: dict[int, QTextCharFormat] = {}
        for level in (LEVEL_1, LEVEL_2, LEVEL_3):
            f = QTextCharFormat()
            f.setFontWeight(QFont.Weight.Bold)
            if level in HEADING_FAMILIES:
                f.setFontFamilies(HEADING_FAMILIES[level])
            if level == LEVEL_1:
                f.setFontPointSize(QFont().pointSizeF() * 1.15)
            self.formats[level] = f

    def highlightBlock(self, text: str) -> None:
        fmt = self.formats.get(heading_level(text))
        if fmt is None:
            return
        # A heading followed by running text ("（一）主动公开。本年度…") is a heading up to its full stop.
        end = text.find("。")
        self.setFormat(0, len(text) if end < 0 else end + 1, fmt)


class ProseEditor(QTextEdit):
    """Edits one part; emits ``edited(paragraphs)`` a moment after the clerk stops typing."""

    edited = Signal(object)  # list[Paragraph]

    def __init__(self, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # undo goes through the window's QUndoStack
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.highlighter = HeadingHighlighter(self.document())
        self._loading = False
        self._shown: list[Paragraph] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_changed)

    def event(self, event) -> bool:
        """Leave 撤销/重做 to the window: a QTextEdit claims their keys for its own undo, which is off here
        (the window's undo stack holds the typing), so Ctrl+Z in a prose part did nothing at all."""
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or QKeySequence(event.keyCombination()) in UNDO_KEYS
        ):
            event.ignore()  # not claimed: the window's shortcut runs
            return True
        return super().event(event)

    def _on_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def flush(self) -> None:
        """Hand pending typing to the undo stack now (before save, undo or a section change)."""
        self._timer.stop()
        paragraphs = self.paragraphs()
        if paragraphs != self._shown:
            self._shown = paragraphs
            self.edited.emit(paragraphs)

    def paragraphs(self) -> list[Paragraph]:
        out: list[Paragraph] = []
        block = self.document().begin()
        while block.isValid():
            runs: list[Run] = []
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid() and frag.text():
                    bold = frag.charFormat().fontWeight() >= QFont.Weight.Bold
                    if runs and runs[-1].bold == bold:
                        runs[-1].text += frag.text()
                    else:
                        runs.append(Run(frag.text(), bold))
                it += 1
            if any(r.text.strip() for r in runs):
                runs[0].text = runs[0].text.lstrip()
                runs[-1].text = runs[-1].text.rstrip()
                para = Paragraph([r for r in runs if r.text])
                para.level = heading_level(para.text)
                out.append(para)
            block = block.next()
        return out

    def set_paragraphs(self, paragraphs: list[Paragraph], keep_place: bool = False) -> None:
        """Show ``paragraphs``: from the top (a report opened), or, with ``keep_place`` (undo, redo), with the
        caret and the scroll where they were."""
        place = self.textCursor().position() if keep_place else 0
        scroll = self.verticalScrollBar().value() if keep_place else 0
        self._loading = True
        try:
            self._timer.stop()
            self.clear()
            cursor = QTextCursor(self.document())
            cursor.setBlockFormat(self.block_format())
            plain, bold = QTextCharFormat(), QTextCharFormat()
            plain.setFontWeight(QFont.Weight.Normal)
            bold.setFontWeight(QFont.Weight.Bold)
            for i, para in enumerate(paragraphs):
                if i:
                    cursor.insertBlock()
                for run in para.runs:
                    cursor.insertText(run.text, bold if run.bold else plain)
            self._shown = self.paragraphs()
            # the caret was carried along by the insertions (to the end of the first paragraph): put it back
            caret = self.textCursor()
            caret.setPosition(min(place, self.document().characterCount() - 1))
            self.setTextCursor(caret)
            self.verticalScrollBar().setValue(scroll)
        finally:
            self._loading = False

    def block_format(self) -> QTextBlockFormat:
        """Paragraphs as on paper: two-character first-line indent, air between paragraphs."""
        f = QTextBlockFormat()
        f.setTextIndent(self.fontMetrics().horizontalAdvance("国") * 2)
        f.setBottomMargin(6)
        f.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return f

    def toggle_bold(self) -> None:
        weight = QFont.Weight.Normal if self.fontWeight() >= QFont.Weight.Bold else QFont.Weight.Bold
        f = QTextCharFormat()
        f.setFontWeight(weight)
        self.mergeCurrentCharFormat(f)
        self.flush_soon()

    def flush_soon(self) -> None:
        self._timer.start()

    def select_paragraph(self, index: int) -> None:
        block = self.document().findBlockByNumber(0)
        seen = -1
        while block.isValid():
            if block.text().strip():
                seen += 1
                if seen == index:
                    cursor = QTextCursor(block)
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                    self.setTextCursor(cursor)
                    self.ensureCursorVisible()
                    self.setFocus()
                    return
            block = block.next()


def placeholder_for(part: str, fmt: ReportFormat) -> str:
    """The 参考提纲 shown while a part is empty (the outlines of 一 and 六 come from the format data)."""
    tr = QCoreApplication.translate
    if part == "一":
        items = "\n".join(f"（{CN_NUMERALS[i]}）{item}" for i, item in enumerate(fmt.part1_outline))
        return tr(
            "ProsePage",
            "参考提纲（写完后此提示自动消失）：\n{0}\n\n每个小标题单独一段，以“（一）”开头；段首加粗（Ctrl+B）写“一是……”。",
        ).format(items)
    if part == "五":
        return tr(
            "ProsePage",
            "参考提纲：\n先写存在的主要问题，再写改进情况和下一步措施。\n例如：“（一）存在的主要问题”“（二）改进情况”。",
        )
    if fmt.part6_outline:
        items = "；\n".join(fmt.part6_outline)
        return tr("ProsePage", "参考提纲：\n{0}。\n没有需要报告的事项时写“无。”").format(items)
    return tr("ProsePage", "参考提纲：\n写本年度其他需要报告的事项；没有需要报告的事项时写“无。”")
