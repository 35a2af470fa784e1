"""File handling of the editor window: new, open, save, recent files, autosave, recovery, locks.

The window owns one ``FileActions`` (``window.files``); what it needs of the window is declared in
``FileHost``, so nothing here reaches into the window by an undeclared name."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QStatusBar

from .. import APP_TITLE, paths
from ..formats import format_for_year
from ..loading import IMPORT_SUFFIXES, LoadError, load_interchange
from ..model import Report
from ..model.convert import convert_report
from ..model.project import ANY, ProjectError, WriteConflictError, load_project, read_project, save_project
from ..model.safewrite import file_stamp
from . import recovery
from .aboutdialog import show_unexpected
from .document import Document
from .filemessages import ask_to_convert, open_filter, save_filter, short_error, show_import_summary
from .recovery import RecoveryWriter
from .settings import load_settings, save_settings

MB = QMessageBox.StandardButton


class FileHost(Protocol):
    """What the file actions need of the window that owns them (a QMainWindow: also the dialogs' parent)."""

    doc: Document | None
    report: Report

    def set_document(self, doc: Document) -> None: ...
    def flush_editors(self) -> None: ...
    def show_message(self, text: str) -> None: ...
    def show_section(self, key: str) -> None: ...
    def sync_read_only(self) -> None: ...
    def refresh_nav(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def setWindowTitle(self, title: str) -> None: ...
    def setWindowModified(self, on: bool) -> None: ...


class FileActions(QObject):
    """New, open, import, save, autosave and recovery of the report in one window."""

    def __init__(self, window: FileHost) -> None:
        super().__init__(window)
        self.window = window
        self.recovery = RecoveryWriter()
        self.autosave_ms = int(load_settings().autosave_seconds * 1000)
        self.autosave_timer = QTimer(self, singleShot=True)
        self.autosave_timer.timeout.connect(self.autosave)
        self.unsaved_import = False  # a report imported or recovered: unsaved although its undo stack is clean
        self.autosave_failed = False  # said once in the status bar; retried until it works again

    @property
    def doc(self) -> Document:
        return self.window.doc

    @property
    def report(self) -> Report:
        return self.window.report

    # ------------------------------------------------------------------ state

    def is_modified(self) -> bool:
        try:
            return self.unsaved_import or not self.doc.undo_stack.isClean()
        except RuntimeError:  # the stack is already gone while the window closes
            return False

    def update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else self.tr("未命名")
        flags = self.tr("（只读）") if self.doc.read_only else ""
        try:
            self.window.setWindowTitle(f"{name}[*]{flags} — {APP_TITLE}")
            self.window.setWindowModified(self.is_modified())
        except RuntimeError:  # the undo stack signals once more while the window is destroyed
            pass

    def on_modified(self) -> None:
        self.update_title()
        self.autosave_timer.start(self.autosave_ms)

    def autosave(self) -> None:
        """Write the recovery copy (not the project) so a crash loses at most a few seconds."""
        if not self.is_modified():
            self.recovery.discard()
            return
        try:
            self.recovery.write(self.report, self.doc.path)
        except Exception as exc:  # whatever it is, the clerk keeps working; say it once, try again
            if not isinstance(exc, ProjectError):
                from ..diagnostics import log_exception  # lazy: saves ~9 ms before the first paint

                log_exception(exc, "自动保存")
            if not self.autosave_failed:
                self.autosave_failed = True
                self.window.statusBar().showMessage(
                    self.tr("自动保存失败，稍后将重试；请尽快手动保存（{0}）").format(short_error(exc))
                )
            self.autosave_timer.start(self.autosave_ms)
            return
        if self.autosave_failed:
            self.autosave_failed = False
            self.window.show_message(self.tr("自动保存已恢复正常"))

    def _adopt(self, report: Report, path: Path | None, unsaved: bool, stamp: str | None = ANY) -> None:
        self._release()
        doc = Document(report, path, check_now=False)  # the window checks it (after its first paint)
        doc.stamp = stamp  # what the file held when read: a save over someone else's is refused
        if path is not None and not recovery.acquire_lock(path):
            doc.read_only = True
            QMessageBox.information(
                self.window,
                APP_TITLE,
                self.tr(
                    "“{0}”已在另一个窗口中打开，现以只读方式打开。\n如需修改，请在另一个窗口中编辑，或“另存为”一个新文件。"
                ).format(path.name),
            )
        self.unsaved_import = unsaved
        self.window.set_document(doc)
        if unsaved:
            self.autosave_timer.start(self.autosave_ms)

    def _release(self) -> None:
        if self.doc is not None and self.doc.path is not None and not self.doc.read_only:
            recovery.release_lock(self.doc.path)

    def _remember(self, path: Path) -> None:
        s = load_settings()
        s.add_recent(str(path))
        s.last_folder = str(path.parent)
        save_settings(s)

    # ------------------------------------------------------------------ new and open

    def maybe_save(self) -> bool:
        """Ask before unsaved work is dropped. False means the clerk cancelled."""
        self.window.flush_editors()
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window,
            APP_TITLE,
            self.tr("当前报告有未保存的修改。是否保存？"),
            MB.Save | MB.Discard | MB.Cancel,
            MB.Save,
        )
        if answer == MB.Save:
            return self.save()
        return answer == MB.Discard

    def new_report_dialog(self) -> None:
        if not self.maybe_save():
            return
        from .newdialog import NewReportDialog  # lazy: saves ~13 ms at start-up

        dialog = NewReportDialog(self.window)
        if dialog.exec() and dialog.result_report is not None:
            self.recovery.discard()
            self._adopt(dialog.result_report, None, unsaved=True)
            self.window.show_section("info")
            if dialog.import_result is not None:
                name = Path(dialog.source.text()).name
                intro = self.tr("已从“{0}”开始新的 {1} 年度报告（尚未保存）。").format(name, dialog.result_report.year)
                show_import_summary(self.window, name, dialog.import_result, intro)

    def open_dialog(self) -> None:
        folder = load_settings().last_folder
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("打开报告"), folder, open_filter())
        if path:
            self.open_report_file(path)

    def open_demo(self) -> bool:
        """The built-in demo report as an untitled copy: saving asks where, so the shipped file stays as it is."""
        try:
            report = load_project(paths.demo_report_path())
        except ProjectError as exc:
            QMessageBox.warning(self.window, APP_TITLE, str(exc))
            return False
        self.recovery.discard()
        self._adopt(report, None, unsaved=False)
        self.window.show_message(self.tr("已打开示例报告（保存时请选择项目文件名）"))
        return True

    def open_report_file(self, path: str | Path) -> bool:
        """Open a project, or import a .json/.docx/.pdf/.txt report as a new unsaved project."""
        if not self.maybe_save():
            return False
        path = Path(path)
        suffix = path.suffix.lower()
        try:
            if not path.exists():
                raise LoadError(self.tr("找不到文件“{0}”").format(path))
            stamp: str | None = ANY
            if suffix == ".rdproj":
                report, stamp = read_project(path)
                project: Path | None = path
            elif suffix == ".json":
                report, project = load_interchange(path), None
            elif suffix in IMPORT_SUFFIXES:
                report, project = self._import(path), None
                if report is None:
                    return False
            else:
                raise LoadError(self.tr("无法识别“{0}”的类型：支持 .rdproj、.json、.docx、.pdf 和 .txt").format(path.name))
        except (LoadError, ProjectError) as exc:
            QMessageBox.warning(self.window, APP_TITLE, str(exc))
            return False
        except Exception as exc:  # a file no check foresaw: a message, never a traceback; the open report stays
            self.report_unexpected(exc, self.tr("无法打开“{0}”").format(path.name))
            return False
        self.recovery.discard()
        self._adopt(report, project, unsaved=project is None, stamp=stamp)
        self._remember(path)
        self.window.show_message(
            self.tr("已打开：{0}").format(path.name)
            if project
            else self.tr("已导入：{0}（保存时请选择项目文件名）").format(path.name)
        )
        return True

    def _import(self, path: Path) -> Report | None:
        from ..importers import import_document  # lazy: saves ~12 ms at start-up

        result = import_document(path)
        show_import_summary(self.window, path.name, result)
        return result.report

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        files = load_settings().recent_files
        for f in files:
            action = menu.addAction(f"{Path(f).name}　—　{Path(f).parent}")  # the name first
            action.triggered.connect(lambda _c=False, p=f: self.open_report_file(p))
        if not files:
            menu.addAction(self.tr("（无）")).setEnabled(False)

    # ------------------------------------------------------------------ save

    def save(self) -> bool:
        self.window.flush_editors()
        if self.doc.read_only and self.doc.path is not None:  # refused before the dialog, not after it
            QMessageBox.information(
                self.window,
                APP_TITLE,
                self.tr("“{0}”正在另一个窗口中编辑，不能在此保存。请“另存为”一个新文件。").format(self.doc.path.name),
            )
        if self.doc.path is None or self.doc.read_only:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        self.window.flush_editors()
        suggested = str(
            self.doc.path or Path(load_settings().last_folder or Path.home()) / f"{self.report.title or self.tr('报告')}.rdproj"
        )
        if self.doc.read_only and self.doc.path is not None:  # a different name than the file open elsewhere
            suggested = str(self.doc.path.with_name(self.tr("{0}（副本）.rdproj").format(self.doc.path.stem)))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("另存为"), suggested, save_filter())
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".rdproj":
            path = path.with_suffix(".rdproj")
        if recovery.lock_holder(path) is not None:
            QMessageBox.warning(
                self.window, APP_TITLE, self.tr("“{0}”正在另一个窗口中打开，不能覆盖。请换一个文件名。").format(path.name)
            )
            return False
        old_path = self.doc.path
        self._release()
        recovery.acquire_lock(path)
        self.doc.path = path
        if not self._write(path, overwrite=True):  # the save dialog asked before replacing a file
            recovery.release_lock(path)
            self.doc.path = old_path
            if old_path is not None and not self.doc.read_only:
                recovery.acquire_lock(old_path)
            return False
        if self.doc.read_only:
            self.doc.read_only = False
            self.window.sync_read_only()
        return True

    def _write(self, path: Path, overwrite: bool = False) -> bool:
        """Save; on any failure say why and keep everything: the report stays open and modified,
        the recovery copy is kept (written now), and closing asks again."""
        try:
            self.doc.stamp = save_project(self.report, path, ANY if overwrite else self.doc.stamp)
        except WriteConflictError as exc:
            return self._resolve_conflict(path, str(exc))
        except ProjectError as exc:
            QMessageBox.warning(self.window, APP_TITLE, str(exc))
            self.autosave()
            return False
        except Exception as exc:
            self.report_unexpected(exc, self.tr("无法保存“{0}”，报告仍在窗口中，未丢失").format(path.name))
            self.autosave()
            return False
        self.unsaved_import = False
        self.doc.undo_stack.setClean()
        self.recovery.discard()
        self._remember(path)
        self.update_title()
        self.window.show_message(self.tr("已保存：{0}").format(path))
        return True

    def _resolve_conflict(self, path: Path, message: str) -> bool:
        """The file changed on disk since it was opened: overwrite, save as, or keep both as they are."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, MB.Yes | MB.Save | MB.Cancel, self.window)
        box.button(MB.Yes).setText(self.tr("仍然覆盖"))
        box.button(MB.Save).setText(self.tr("另存为…"))
        box.setDefaultButton(MB.Save)
        answer = box.exec()
        if answer == MB.Yes:
            return self._write(path, overwrite=True)
        self.autosave()
        if answer == MB.Save:
            return self.save_as()
        return False

    def report_unexpected(self, exc: BaseException, what: str) -> None:
        """An error no code foresaw: logged, then said in Chinese with the diagnostics to copy."""
        from ..diagnostics import log_exception  # lazy: as in autosave

        show_unexpected(self.window, what, log_exception(exc, what))

    # ------------------------------------------------------------------ year and format

    def change_year(self, year: int) -> None:
        """The year moved across 2020/2021: offer to convert to the other official format."""
        fmt = format_for_year(year)
        conv = convert_report(self.report, fmt, year)
        if ask_to_convert(self.window, conv, year, fmt):
            self.doc.convert(conv.report, self.tr("改为 {0} 年度并转换格式").format(year))
            self.window.refresh_nav()
            self.window.show_message(self.tr("已转换为{0}格式").format(fmt.notice))
        else:
            self.window.show_message(self.tr("未转换：年度保持不变"))

    # ------------------------------------------------------------------ recovery and close

    def offer_recovery(self) -> bool:
        """After a crash or kill, offer the newest autosaved copy. True if one was restored."""
        pending = recovery.pending_recoveries()
        if not pending:
            return False
        newest = pending[0]
        answer = QMessageBox.question(
            self.window,
            self.tr("恢复未保存的内容"),
            self.tr(
                "本工具上次没有正常关闭。发现自动保存的内容：\n{0}\n\n是否恢复？（选择“否”将删除这份自动保存）"
            ).format(newest.describe()),
            MB.Yes | MB.No,
            MB.Yes,
        )
        if answer != MB.Yes:
            newest.discard()
            return False
        try:
            report = newest.load()
        except (ProjectError, OSError) as exc:
            QMessageBox.warning(self.window, APP_TITLE, self.tr("自动保存的内容无法读取：{0}").format(exc))
            newest.discard()
            return False
        original = Path(newest.original) if newest.original else None
        if original is not None and not original.exists():
            original = None
        self._adopt(report, original, unsaved=True, stamp=file_stamp(original) if original else ANY)
        newest.discard()
        self.autosave()
        self.window.show_message(self.tr("已恢复自动保存的内容，请保存"))
        return True

    def release_report(self) -> None:
        """The report leaves the window (closed, or the window closes): no autosave, copy and lock go."""
        self.autosave_timer.stop()
        self.recovery.discard()
        self._release()
        self.unsaved_import = False

    def close(self) -> bool:
        """The window is closing: ask to save first. False means the clerk cancelled."""
        if not self.maybe_save():
            return False
        self.release_report()
        return True
