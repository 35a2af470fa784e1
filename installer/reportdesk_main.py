"""The frozen program's entry: the same as the ``reportdesk`` command (window, or a CLI command).

``REPORTDESK_QUIT_AFTER_SHOWN=1`` makes the program print one line when its first window is shown and
leave: the Linux proof and the frozen benchmark start the real window offscreen and need it to close.
The line is ``REPORTDESK_SHOWN <epoch seconds> <widget class> <window title>``.
"""

from __future__ import annotations

import os
import sys
import time

QUIT_ENV = "REPORTDESK_QUIT_AFTER_SHOWN"


def _quit_after_first_window() -> None:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class _FirstWindow(QObject):
        def __init__(self) -> None:
            super().__init__(app)
            self.done = False

        def eventFilter(self, obj, event):
            if (
                not self.done
                and event.type() == QEvent.Type.Show
                and isinstance(obj, QWidget)
                and obj.isWindow()
                and obj.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            ):
                self.done = True
                QTimer.singleShot(0, lambda w=obj: self._report(w))
            return False

        def _report(self, window: QWidget) -> None:
            sys.stdout.write(f"REPORTDESK_SHOWN {time.time():.3f} {type(window).__name__} {window.windowTitle()}\n")
            sys.stdout.flush()
            app.exit(0)  # exit, not quit: no close events, so no "save changes?" question

    app.installEventFilter(_FirstWindow())


def main() -> int:
    if os.environ.get(QUIT_ENV):
        _quit_after_first_window()
    from reportdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
