"""File handling of the editor window: new, open, save, recent files, autosave, recovery, locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .. import APP_TITLE, paths
from ..formats import format_for_year
from ..loading import IMPORT_SUFFIXES, LoadError, load_interchange
from ..model import Report
from ..model.convert import convert_report
from ..model.project import ANY, ProjectError, WriteConflictError, load_project, read_project, save_project
from ..model.safewrite import file_stamp
from . import recovery
from .document import Document
from .settings import load_settings, save_settings

MB = QMessageBox.StandardButton
MAX_LISTED = 8  # lines per list in a message box, so it fits a 768-pixel-high screen


def _short(exc: BaseException) -> str:
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


class FileActions:
    """Mixed into MainWindow; relies on its ``doc``, ``set_document`` and status bar."""

    unsaved_import = False  # a report imported or recovered: unsaved although its undo stack is clean

    # ------------------------------------------------------------------ state

    def is_modified(self) -> bool:
        try:
            return self.unsaved_import or not self.doc.undo_stack.isClean()
        except RuntimeError:  # the stack is already gone while the window closes
            return False

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else self.tr("未命名")
        flags = self.tr("（只读）") if self.doc.read_only else ""
        try:
            self.setWindowTitle(f"{name}[*]{flags} — {APP_TITLE}")
            self.setWindowModified(self.is_modified())
        except RuntimeError:  # the undo stack signals once more while the window is destroyed
            pass

    def _on_modified(self) -> None:
        self._update_title()
        self.autosave_timer.start(self.autosave_ms)

    autosave_failed = False  # said once in the status bar; retried until it works again

    def autosave(self) -> None:
        """Write the recovery copy (not the project) so a crash loses at most a few seconds."""
        if not self.is_modified():
            self.recovery.discard()
            return
        try:
            self.recovery.write(self.report, self.doc.path)
        except Exception as exc:  # whatever it is, the clerk keeps working; say it once, try again
            if not isinstance(exc, ProjectError):
                from ..diagnostics import log_exception

                log_exception(exc, "自动保存")
            if not self.autosave_failed:
                self.autosave_failed = True
                self.statusBar().showMessage(
                    self.tr("自动保存失败，稍后将重试；请尽快手动保存（{0}）").format(_short(exc))
                )
            self.autosave_timer.start(self.autosave_ms)
            return
        if self.autosave_failed:
            self.autosave_failed = False
            self.show_message(self.tr("自动保存已恢复正常"))

    def _adopt(self, report: Report, path: Path | None, unsaved: bool, stamp: str | None = ANY) -> None:
        self._release()
        doc = Document(report, path)
        doc.stamp = stamp  # what the file held when read: a save over someone else's is refused
        if path is not None and not recovery.acquire_lock(path):
            doc.read_only = True
            QMessageBox.information(
                self,
                APP_TITLE,
                self.tr(
                    "“{0}”已在另一个窗口中打开，现以只读方式打开。\n如需修改，请在另一个窗口中编辑，或“另存为”一个新文件。"
                ).format(path.name),
            )
        self.unsaved_import = unsaved
        self.set_document(doc)
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
        self.flush_editors()
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self,
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
        from .newdialog import NewReportDialog

        dialog = NewReportDialog(self)
        if dialog.exec() and dialog.result_report is not None:
            self.recovery.discard()
            self._adopt(dialog.result_report, None, unsaved=True)
            self.show_section("info")
            if dialog.import_result is not None:
                name = Path(dialog.source.text()).name
                intro = self.tr("已从“{0}”开始新的 {1} 年度报告（尚未保存）。").format(name, dialog.result_report.year)
                show_import_summary(self, name, dialog.import_result, intro)

    def open_dialog(self) -> None:
        folder = load_settings().last_folder
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开报告"), folder, open_filter())
        if path:
            self.open_report_file(path)

    def open_demo(self) -> bool:
        """The built-in demo report as an untitled copy: saving asks where, so the shipped file stays as it is."""
        try:
            report = load_project(paths.demo_report_path())
        except ProjectError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return False
        self.recovery.discard()
        self._adopt(report, None, unsaved=False)
        self.show_message(self.tr("已打开示例报告（保存时请选择项目文件名）"))
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
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return False
        except Exception as exc:  # a file no check foresaw: a message, never a traceback; the open report stays
            self.report_unexpected(exc, self.tr("无法打开“{0}”").format(path.name))
            return False
        self.recovery.discard()
        self._adopt(report, project, unsaved=project is None, stamp=stamp)
        self._remember(path)
        self.show_message(
            self.tr("已打开：{0}").format(path.name)
            if project
            else self.tr("已导入：{0}（保存时请选择项目文件名）").format(path.name)
        )
        return True

    def _import(self, path: Path) -> Report | None:
        from ..importers import import_document

        result = import_document(path)
        show_import_summary(self, path.name, result)
        return result.report

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = load_settings().recent_files
        for f in files:
            action = self.recent_menu.addAction(f"{Path(f).name}　—　{Path(f).parent}")  # the name first
            action.triggered.connect(lambda _c=False, p=f: self.open_report_file(p))
        if not files:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    # ------------------------------------------------------------------ save

    def save(self) -> bool:
        self.flush_editors()
        if self.doc.read_only and self.doc.path is not None:  # refused before the dialog, not after it
            QMessageBox.information(
                self,
                APP_TITLE,
                self.tr("“{0}”正在另一个窗口中编辑，不能在此保存。请“另存为”一个新文件。").format(self.doc.path.name),
            )
        if self.doc.path is None or self.doc.read_only:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        self.flush_editors()
        suggested = str(
            self.doc.path or Path(load_settings().last_folder or Path.home()) / f"{self.report.title or self.tr('报告')}.rdproj"
        )
        if self.doc.read_only and self.doc.path is not None:  # a different name than the file open elsewhere
            suggested = str(self.doc.path.with_name(self.tr("{0}（副本）.rdproj").format(self.doc.path.stem)))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), suggested, save_filter())
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".rdproj":
            path = path.with_suffix(".rdproj")
        if recovery.lock_holder(path) is not None:
            QMessageBox.warning(
                self, APP_TITLE, self.tr("“{0}”正在另一个窗口中打开，不能覆盖。请换一个文件名。").format(path.name)
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
            self.sync_read_only()
        return True

    def _write(self, path: Path, overwrite: bool = False) -> bool:
        """Save; on any failure say why and keep everything: the report stays open and modified,
        the recovery copy is kept (written now), and closing asks again."""
        try:
            self.doc.stamp = save_project(self.report, path, ANY if overwrite else self.doc.stamp)
        except WriteConflictError as exc:
            return self._resolve_conflict(path, str(exc))
        except ProjectError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
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
        self._update_title()
        self.show_message(self.tr("已保存：{0}").format(path))
        return True

    def _resolve_conflict(self, path: Path, message: str) -> bool:
        """The file changed on disk since it was opened: overwrite, save as, or keep both as they are."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, MB.Yes | MB.Save | MB.Cancel, self)
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
        from ..diagnostics import log_exception
        from .aboutdialog import show_unexpected

        show_unexpected(self, what, log_exception(exc, what))

    # ------------------------------------------------------------------ year and format

    def change_year(self, year: int) -> None:
        """The year moved across 2020/2021: offer to convert to the other official format."""
        fmt = format_for_year(year)
        conv = convert_report(self.report, fmt, year)
        lines = [self.tr("{0} 年度的报告应使用{1}规定的格式。是否将本报告转换为该格式？").format(year, fmt.notice), ""]
        if conv.mapped:
            lines += [self.tr("以下数据按对应栏目转入："), *(f"· {m}" for m in conv.mapped), ""]
        if conv.lost:
            lines += [
                self.tr("以下数据在新格式中没有对应栏目，将不再保留（可撤销）："),
                *(f"· {m}" for m in conv.lost),
                "",
            ]
        lines.append(self.tr("新格式中另有 {0} 个栏目没有对应数据，将填为 0，请补填。").format(len(conv.blank)))
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("转换报告格式"), "\n".join(lines[:1]), MB.Yes | MB.No, self
        )
        box.setInformativeText("\n".join(lines[2:]) if len(lines) > 2 else "")
        box.setDetailedText(self.tr("没有对应数据的栏目：\n") + "\n".join(conv.blank))
        box.button(MB.Yes).setText(self.tr("转换"))
        box.button(MB.No).setText(self.tr("不转换"))
        if box.exec() == MB.Yes:
            self.doc.convert(conv.report, self.tr("改为 {0} 年度并转换格式").format(year))
            self._fill_nav()
            self.show_message(self.tr("已转换为{0}格式").format(fmt.notice))
        else:
            self.show_message(self.tr("未转换：年度保持不变"))

    # ------------------------------------------------------------------ recovery and close

    def offer_recovery(self) -> bool:
        """After a crash or kill, offer the newest autosaved copy. True if one was restored."""
        pending = recovery.pending_recoveries()
        if not pending:
            return False
        newest = pending[0]
        answer = QMessageBox.question(
            self,
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
            QMessageBox.warning(self, APP_TITLE, self.tr("自动保存的内容无法读取：{0}").format(exc))
            newest.discard()
            return False
        original = Path(newest.original) if newest.original else None
        if original is not None and not original.exists():
            original = None
        self._adopt(report, original, unsaved=True, stamp=file_stamp(original) if original else ANY)
        newest.discard()
        self.autosave()
        self.show_message(self.tr("已恢复自动保存的内容，请保存"))
        return True

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.recovery.discard()
        self._release()
        settings = load_settings()
        settings.geometry = bytes(self.saveGeometry().data())
        save_settings(settings)
        event.accept()
