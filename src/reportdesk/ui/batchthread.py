"""A batch over report files run off the GUI thread: the 批量审阅 window's review and the 汇总 window's reading."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from ..review.folder import ReviewError

Progress = Callable[[int, int], None]


class BatchThread(QThread):
    """Runs ``work(found, progress)`` and emits its list (``done``) or a message (``failed``).

    ``found`` receives what the folder search left out (files that are not reports, …); ``progress`` is
    called with (done, total). ``error_text`` is the message for an unexpected failure, ``{0}`` the
    error's kind and ``{1}`` its text: the window never waits for ever."""

    progressed = Signal(int, int)
    done = Signal(list)
    failed = Signal(str)

    def __init__(self, work: Callable[[list[str], Progress], list], error_text: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work, self.error_text = work, error_text
        self.found: list[str] = []

    def run(self) -> None:
        try:
            result = self.work(self.found, self.progressed.emit)
        except ReviewError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # never leave the window waiting for ever
            self.failed.emit(self.error_text.format(type(exc).__name__, exc))
            return
        self.done.emit(result)
