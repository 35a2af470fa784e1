"""Undoable edits of the report: one QUndoCommand per clerk action (a typed cell, a paste, a field)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..formats import CellRef
from ..model import Paragraph

if TYPE_CHECKING:
    from .document import Document


class SetCells(QUndoCommand):
    """Set input cells; one command per typed value, paste or delete."""

    def __init__(self, doc: Document, changes: dict[CellRef, tuple[Any, Any]], text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.changes = changes  # ref -> (old, new)

    def redo(self) -> None:
        self.doc.apply_cells({ref: new for ref, (_old, new) in self.changes.items()})

    def undo(self) -> None:
        self.doc.apply_cells({ref: old for ref, (old, _new) in self.changes.items()})


class SetField(QUndoCommand):
    """A report field on the information or signature page (``contact.phone`` style paths)."""

    def __init__(self, doc: Document, path: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.old, self.new = doc, path, old, new

    def redo(self) -> None:
        self.doc.apply_field(self.path, self.new)

    def undo(self) -> None:
        self.doc.apply_field(self.path, self.old)


PROSE_ID = 1
MERGE_SECONDS = 2.0  # typing without a pause this long is one undo step


class SetProse(QUndoCommand):
    """The paragraphs of a prose part. A burst of typing in one part is one undo step."""

    def __init__(self, doc: Document, part: str, old: list[Paragraph], new: list[Paragraph]) -> None:
        super().__init__(QCoreApplication.translate("Document", "编辑第{0}部分").format(part))
        self.doc, self.part, self.old, self.new = doc, part, old, new
        self.first = True  # the editor already shows the new text when the command is pushed
        self.at = time.monotonic()

    def id(self) -> int:
        return PROSE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetProse) or other.part != self.part or other.at - self.at > MERGE_SECONDS:
            return False
        self.new, self.at = other.new, other.at
        return True

    def redo(self) -> None:
        self.doc.apply_prose(self.part, self.new, from_editor=self.first)
        self.first = False

    def undo(self) -> None:
        self.doc.apply_prose(self.part, self.old, from_editor=False)


class ReplaceReport(QUndoCommand):
    """A whole-report change such as converting to the other year's format."""

    def __init__(self, doc: Document, old, new, text: str) -> None:
        super().__init__(text)
        self.doc, self.old, self.new = doc, old, new

    def redo(self) -> None:
        self.doc.replace_report(self.new)

    def undo(self) -> None:
        self.doc.replace_report(self.old)
