"""The frozen program's entry: the same as the ``reportdesk`` command (window, or a CLI command).

``REPORTDESK_QUIT_AFTER_SHOWN=1`` makes the program print one line when its first window is shown and
leave: the Linux proof and the frozen benchmark start the real window offscreen and need it to close.
The line is ``REPORTDESK_SHOWN <epoch seconds> <widget class> <window title>``.

``REPORTDESK_FROZEN_SELFTEST=1`` imports every ReportDesk module (all are imported lazily somewhere, so a
missing one would only show when the clerk reaches it) and renders a PDF with Qt's PDF module and prints it to
a file with Qt's print support, then prints ``REPORTDESK_SELFTEST modules=N ...`` and leaves.
"""

from __future__ import annotations

import os
import sys
import time

QUIT_ENV = "REPORTDESK_QUIT_AFTER_SHOWN"
SELFTEST_ENV = "REPORTDESK_FROZEN_SELFTEST"


def _quit_after_first_window() -> None:
    """Print the REPORTDESK_SHOWN line and leave at the first turn of the event loop with a window shown.

    A timer looks for the window (as the bare window of bench/bench_startup.py leaves by a timer), not an
    application-wide event filter: that is a Python call for every Qt event, thousands while the window is
    built, and made the measured start of the window ~30 ms slower than the program's own start."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)

    def look() -> None:
        shown = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowType() in kinds]
        if not shown:
            QTimer.singleShot(5, look)
            return
        window = app.activeModalWidget() or shown[0]
        sys.stdout.write(f"REPORTDESK_SHOWN {time.time():.3f} {type(window).__name__} {window.windowTitle()}\n")
        sys.stdout.flush()
        app.exit(0)  # exit, not quit: no close events, so no "save changes?" question

    QTimer.singleShot(0, look)


def _bundled_modules(package: str) -> list[str]:
    """The modules of ``package`` in the bundle's Python archive. (pkgutil cannot list them: the spec leaves
    out PyInstaller's pkgutil runtime hook, which every command would pay for.)"""
    if not getattr(sys, "frozen", False):  # the entry run from source (its test)
        import importlib
        import pkgutil

        found = pkgutil.walk_packages(importlib.import_module(package).__path__, package + ".")
        return [name for _, name, _ in found]
    import pyimod02_importers  # PyInstaller's bootstrap module, present in every bundle

    names = []

    def walk(node: dict, prefix: str) -> None:
        for name, child in node.items():
            names.append(prefix + name)
            if isinstance(child, dict):
                walk(child, prefix + name + ".")

    walk(pyimod02_importers.get_pyz_toc_tree().get(package, {}), package + ".")
    return names


def _selftest() -> int:
    import importlib
    import tempfile
    from pathlib import Path

    # __main__ would start the program; the two data packages of an installed tree are folders in a bundle
    names = sorted(
        n for n in _bundled_modules("reportdesk")
        if not n.endswith("__main__") and not n.startswith(("reportdesk.resources", "reportdesk.ui_sources"))
    )
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # report every module that cannot be imported, not just the first
            failed.append(f"{name}: {exc!r}")
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QMarginsF, QSize, QTranslator
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # the one Qt translation the bundle keeps (Qt's own dialogs and buttons in Chinese) is where Qt looks
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translation = int(translator.load(QLocale("zh_CN"), "qtbase", "_", folder))
    pages = blank = 0
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "selftest.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # Qt's print support, printing to a file
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()))
        painter = QPainter(printer)
        painter.drawText(200, 400, "政府信息公开工作年度报告")
        painter.end()
        document = QPdfDocument(app)  # Qt's PDF module (print preview), reading it back
        document.load(str(pdf))
        pages = document.pageCount()
        image = document.render(0, QSize(210, 297)) if pages else None
        blank = int(image is None or image.isNull())
        document.close()
    QCoreApplication.processEvents()
    print(
        f"REPORTDESK_SELFTEST utf8={sys.flags.utf8_mode} modules={len(names)} failed={len(failed)} pdf_pages={pages} blank={blank}"
        f" translation={translation}"
    )
    for line in failed:
        print(f"  {line}")
    return 1 if failed or not pages or blank or not translation else 0


# The commands multiprocessing gives a frozen program for its helper processes (spawn's resource tracker
# on Linux and macOS); a command line of the program's own flags, -c and one of these is such a helper.
HELPER_COMMANDS = (
    "from multiprocessing.resource_tracker import main",
    "from multiprocessing.forkserver import main",
    "import sys; from multiprocessing.forkserver import main",
)


def _multiprocessing_child() -> None:
    """Run and leave if this process is one the batch review's pool started from the bundle: a worker
    (``--multiprocessing-fork key=value...``) or spawn's resource tracker (``-c "from multiprocessing..."``).

    This is what PyInstaller's multiprocessing runtime hook does in its freeze_support (the standard one
    acts on Windows only); the spec leaves that hook out because it imports multiprocessing (~10 ms) for
    every command. A normal start only looks at its arguments here."""
    argv = sys.argv
    if len(argv) >= 2 and argv[1] == "--multiprocessing-fork":
        import multiprocessing.spawn

        kwds = {}
        for arg in argv[2:]:
            name, value = arg.split("=")
            kwds[name] = None if value == "None" else int(value)
        multiprocessing.spawn.spawn_main(**kwds)
        sys.exit()
    if "-c" in argv[1:]:
        at = argv.index("-c")
        command = argv[at + 1] if at + 1 < len(argv) else ""
        if not command.startswith(HELPER_COMMANDS):
            return
        from subprocess import _args_from_interpreter_flags  # the flags multiprocessing put before -c

        if set(argv[1:at]) == set(_args_from_interpreter_flags()):
            exec(command)  # multiprocessing's own helper command, checked above
            sys.exit()


def main() -> int:
    if getattr(sys, "frozen", False):  # only a bundle starts its pool workers through this entry
        _multiprocessing_child()
    os.environ["REPORTDESK_POOL_READY"] = "1"  # reportdesk.review.batch.POOL_READY_ENV: workers may start now
    if os.environ.get(SELFTEST_ENV):
        return _selftest()
    if os.environ.get(QUIT_ENV):
        _quit_after_first_window()
    from reportdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
