"""插入数据说明: part 一's button that drafts the statistics paragraphs from the tables (issue #16).

Inserting puts the drafted paragraph after the cursor's paragraph, as one undo step, and records the draft
(``report.drafts``) so the checks flag it (DRAFT-STALE) when a cell it was written from changes.
更新数据说明 re-drafts every such paragraph that is still in the text word for word.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from .. import APP_TITLE
from ..formats import PART2, PART3, PART4
from ..model.drafting import Draft, DraftError, draft_part, stale_cells
from ..model.prose import Paragraph
from .document import Document
from .proseedit import ProseEditor


class DraftButton(QToolButton):
    def __init__(self, doc: Document, part: str, editor: ProseEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.part, self.editor = doc, part, editor
        self.setText(self.tr("插入数据说明"))
        self.setToolTip(self.tr("按当前表格生成统计数字的段落，插在光标所在段落之后；表格改了可一键更新"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from the navigation straight into the text
        menu = QMenu(self)
        for table, text in (
            (PART2, self.tr("主动公开情况（表二）")),
            (PART3, self.tr("依申请公开情况（表三）")),
            (PART4, self.tr("行政复议、行政诉讼情况（表四）")),
        ):
            menu.addAction(text, lambda t=table: self.insert(t))
        menu.addSeparator()
        menu.addAction(self.tr("更新数据说明（按修改后的表格重新生成）"), self.refresh)
        self.setMenu(menu)
        self.setEnabled(not doc.read_only)

    def _paragraphs(self) -> list[Paragraph]:
        self.editor.flush()
        return copy.deepcopy(self.doc.report.parts.get(self.part, []))

    def _draft(self, table: str) -> Draft | None:
        try:
            return draft_part(self.doc.report, table)
        except DraftError as exc:
            QMessageBox.information(self, APP_TITLE, str(exc))
            return None

    def _keep(self, drafts: list[Draft], paragraphs: list[Paragraph]) -> None:
        """Only drafts still in the text are remembered."""
        text = "\n".join(p.text for p in paragraphs)
        self.doc.report.drafts = [d for d in drafts if d.text in text]

    def insert(self, table: str) -> None:
        draft = self._draft(table)
        if draft is None:
            return
        paragraphs = self._paragraphs()
        at = min(self.editor.textCursor().blockNumber() + 1, len(paragraphs))
        paragraphs.insert(at, Paragraph.from_markup(draft.text))
        self.doc.edit_prose(self.part, paragraphs)
        self._keep([*self.doc.report.drafts, draft], paragraphs)
        self.doc.recheck()

    def refresh(self) -> None:
        paragraphs = self._paragraphs()
        drafts, changed = [], 0
        for old in self.doc.report.drafts:
            index = next((i for i, p in enumerate(paragraphs) if old.text in p.text), None)
            if index is None or not stale_cells(self.doc.report, old):
                drafts.append(old)
                continue
            new = self._draft(old.part)
            if new is None:
                drafts.append(old)
                continue
            paragraphs[index] = Paragraph.from_markup(paragraphs[index].markup().replace(old.text, new.text))
            drafts.append(new)
            changed += 1
        if changed:
            self.doc.edit_prose(self.part, paragraphs)
        self._keep(drafts, paragraphs)
        self.doc.recheck()
        if not changed:
            QMessageBox.information(self, APP_TITLE, self.tr("数据说明都与当前表格相符，无需更新。"))
