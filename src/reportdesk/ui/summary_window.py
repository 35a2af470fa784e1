"""汇总下属单位报告: choose the departments' reports, see which are missing or wrong, add them up.

The main window opens this from 文件 → 汇总下属单位报告… (``open_summary_window``); the summary
becomes a new untitled report in the editor (``summary_tips.adopt_summary``), each summed cell's
tooltip naming its contributions (for this session).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..review import summary_set
from ..review.aggregate import AggregateError
from ..review.figures import agency_key
from .batchthread import BatchThread
from .expectedlist import ask_expected_file, read_expected_into

HEADERS = ("状态", "机关", "年度", "格式", "错误", "警告", "未知数字", "文件")
_RED, _AMBER, _GREEN = "#b00020", "#a15c00", "#1b7a1b"
_ERROR_BACKGROUND = "#fdecee"
_NOTE_STYLE = "QLabel{background:#fff8e1;border-left:4px solid #f0b400;padding:4px 8px}"
LISTED = 30  # names listed in one note line


def _names(names: list[str]) -> str:
    return "、".join(names[:LISTED]) + (f"等 {len(names)} 个" if len(names) > LISTED else "")


_REFUSED_STYLE = "QLabel{background:#fdecee;border-left:4px solid #b00020;padding:4px 8px;color:#7a0015}"


class SummaryWindow(QWidget):
    """The chosen reports, one a line, and the button that adds them up."""

    created = Signal(object, object)  # (Summary, Contributions): the summary to open in the editor
    openRequested = Signal(str)  # noqa: N815 - a report double-clicked, to look at in the editor
    finished = Signal()  # reading the chosen files has finished (list shown, or a failure reported)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("汇总下属单位报告"))
        self.resize(980, 600)
        self.inputs: list[str] = []
        self.entries: list[summary_set.Entry] = []
        self.folder_notes: list[str] = []
        self.expected: list[str] | None = None
        self.expected_path: str | None = None
        self.refusal = ""  # why the chosen reports cannot be added up ("" when they can)
        self._thread: BatchThread | None = None

        self.files_button = QPushButton(self.tr("选择报告文件…"))
        self.folder_button = QPushButton(self.tr("选择文件夹…"))
        self.expect_button = QPushButton(self.tr("应报名单…"))
        self.expect_button.setToolTip(self.tr("选择应报机关名单（文本文件，每行一个机关），列出未报送的机关"))
        self.remove_button = QPushButton(self.tr("移出所选"))
        self.remove_button.setToolTip(self.tr("把选中的报告移出本次汇总（不删除文件）"))
        self.remove_button.setEnabled(False)
        self.chosen_label = QLabel(self.tr("请选择各部门报告的文件，或存放它们的文件夹"))
        top = QHBoxLayout()
        for w in (self.files_button, self.folder_button, self.expect_button, self.chosen_label):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.remove_button)

        self.refused, refused_area = self._banner(_REFUSED_STYLE)
        self.notes, notes_area = self._banner(_NOTE_STYLE)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.openRequested.emit(self.entries[row].file))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setFormat(self.tr("已读取 %v/%m 份"))
        self.status = QLabel("")

        self.agency_edit = QLineEdit()
        self.agency_edit.setPlaceholderText(self.tr("本级机关名称（可稍后在“基本信息”中填写）"))
        self.create_button = QPushButton(self.tr("创建汇总报告"))
        self.create_button.setEnabled(False)
        self.create_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("汇总报告的机关：")))
        bottom.addWidget(self.agency_edit, 1)
        bottom.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(refused_area)
        layout.addWidget(notes_area)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.expect_button.clicked.connect(self.choose_expected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.create_button.clicked.connect(self.create)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )

    def _banner(self, style: str) -> tuple[QLabel, QScrollArea]:
        """A message above the list, scrolling beyond a few lines so the list always stays in view."""
        label = QLabel("")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(style)
        area = QScrollArea()
        area.setWidget(label)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setVisible(False)
        return label, area

    def _say(self, label: QLabel, text: str) -> None:
        label.setText(text)
        area = label.parentWidget().parentWidget()  # label -> viewport -> scroll area
        width = max(area.viewport().width(), self.width() - 40)
        cap = label.fontMetrics().lineSpacing() * 5 + 20
        area.setFixedHeight(min(label.heightForWidth(width) + 2, cap))
        area.setVisible(bool(text))

    # ------------------------------------------------------------ choosing

    def _start_folder(self) -> str:
        return str(Path(self.inputs[0]).parent) if self.inputs else ""

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择各部门的报告"),
            self._start_folder(),
            self.tr("报告 (*.rdproj *.docx *.pdf *.html *.htm *.mht *.mhtml *.txt);;所有文件 (*)"),
        )
        if files:
            self.load(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择存放各部门报告的文件夹"), self._start_folder())
        if folder:
            self.load([folder])

    def choose_expected(self) -> None:
        path = ask_expected_file(self, self._start_folder())
        if path:
            self.set_expected(path)

    def set_expected(self, path: str | None) -> bool:
        """Read the 应报名单 (None clears it); the notes list the agencies with no report."""
        read, expected = read_expected_into(self, self.expect_button, path)
        if not read:
            return False
        self.expected, self.expected_path = expected, (str(path) if path else None)
        if path is not None and any(Path(e.file).resolve() == Path(path).resolve() for e in self.entries):
            self.load(self.inputs)  # the list itself was taken for a report
            return True
        self._refresh()
        return True

    def load(self, inputs: list[str]) -> None:
        """Read every report named or found under ``inputs`` in the background; ``finished`` when done."""
        if self._thread is not None and self._thread.isRunning():
            return
        self.inputs = [str(p) for p in inputs]
        if len(self.inputs) == 1:
            self.chosen_label.setText(self.inputs[0])
        else:
            self.chosen_label.setText(self.tr("{0} 个文件（{1}）").format(len(self.inputs), Path(self.inputs[0]).parent))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        for b in (self.files_button, self.folder_button, self.create_button, self.remove_button):
            b.setEnabled(False)
        inputs, exclude = self.inputs, [self.expected_path] if self.expected_path else []
        thread = BatchThread(
            lambda found, progress: summary_set.examine_paths(inputs, exclude, found, progress),
            self.tr("读取报告时出错：{0}: {1}"),
            self,
        )
        thread.progressed.connect(self._progressed)
        thread.done.connect(self._examined)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_done)
        self._thread = thread
        thread.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _examined(self, entries: list) -> None:
        self.folder_notes = list(self._thread.found) if self._thread is not None else []
        self.entries = entries
        self._refresh()

    def _failed(self, message: str) -> None:
        self.entries, self.folder_notes = [], []
        self._refresh()
        self.refusal = message
        self._say(self.refused, message)

    def _thread_done(self) -> None:
        self.progress.setVisible(False)
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.create_button.setEnabled(bool(self.entries) and not self.refusal)
        self._thread = None
        self.finished.emit()

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if rows:
            self.entries = [e for i, e in enumerate(self.entries) if i not in rows]
            self._refresh()

    # ------------------------------------------------------------ showing

    def note_lines(self) -> list[str]:
        lines = list(self.folder_notes)
        if not self.entries:
            return lines
        missing = summary_set.missing_agencies(self.entries, self.expected)
        if missing:
            lines.append(self.tr("应报名单中有 {0} 个机关没有报告：{1}").format(len(missing), _names(missing)))
        elif self.expected:
            lines.append(self.tr("应报名单中的 {0} 个机关都有报告").format(len(self.expected)))
        with_errors = [e.agency or Path(e.file).name for e in self.entries if e.readable and e.errors]
        extra = summary_set.unlisted_agencies(self.entries, self.expected)
        if extra:
            lines.append(self.tr("{0} 份报告的机关不在应报名单中：{1}").format(len(extra), _names(extra)))
        if with_errors:
            lines.append(
                self.tr("{0} 份报告有错误（已标红），汇总前请先核对：{1}").format(len(with_errors), _names(with_errors))
            )
        return lines

    def _check(self) -> str:
        """Why the listed reports cannot be added up, or ""."""
        unreadable = [e for e in self.entries if not e.readable]
        if unreadable:
            return self.tr("有 {0} 个文件无法读取，不能汇总：{1}。请修复这些文件，或选中后点“移出所选”。").format(
                len(unreadable), _names([Path(e.file).name for e in unreadable])
            )
        if not self.entries:
            return ""
        try:
            summary_set.build(self.entries)
        except AggregateError as exc:
            return str(exc) + self.tr("\n可选中不属于本次汇总的报告（标红的机关、年度或格式），点“移出所选”。")
        return ""

    def _refresh(self) -> None:
        self._fill_table()
        self.refusal = self._check()
        self._say(self.refused, self.refusal)
        lines = self.note_lines()
        self._say(self.notes, "\n".join(lines))
        readable = [e for e in self.entries if e.readable]
        text = self.tr("共 {0} 份报告").format(len(self.entries))
        if readable:
            years = sorted({e.year for e in readable})
            text += self.tr("，{0} 年度").format("、".join(str(y) for y in years))
        self.status.setText(text if self.entries else "")
        busy = self._thread is not None and self._thread.isRunning()
        self.create_button.setEnabled(bool(self.entries) and not self.refusal and not busy)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.entries))
        base = Path(self.inputs[0]) if len(self.inputs) == 1 and Path(self.inputs[0]).is_dir() else None
        odd_years, odd_formats, twice = summary_set.outliers(self.entries)
        for row, e in enumerate(self.entries):
            if not e.readable:
                status, colour = self.tr("无法读取"), _RED
            elif e.errors:
                status, colour = self.tr("有错误"), _RED
            elif e.warnings or e.unknown_figures:
                status, colour = self.tr("有提示"), _AMBER
            else:
                status, colour = self.tr("通过"), _GREEN
            try:
                shown_file = Path(e.file).relative_to(base).as_posix() if base else Path(e.file).name
            except ValueError:
                shown_file = Path(e.file).name
            cells = (
                status,
                e.agency,
                str(e.year) if e.year else "",
                self.tr("{0} 年格式").format(e.format_id) if e.format_id else "",
                str(e.errors) if e.readable else "",
                str(e.warnings) if e.readable else "",
                "、".join(e.unknown_figures) or ("" if not e.unknown_cells else self.tr("{0} 格").format(e.unknown_cells)),
                shown_file,
            )
            tip = (e.problem or e.file) + self.tr("\n双击在编辑窗口中打开此报告")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if col in (2, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour == _RED:
                    item.setBackground(QBrush(QColor(_ERROR_BACKGROUND)))
                if col == 0 or (col == 4 and e.errors):
                    item.setForeground(QBrush(QColor(colour)))
                if (
                    (col == 1 and e.readable and agency_key(e.agency) in twice)
                    or (col == 2 and e.year in odd_years)
                    or (col == 3 and e.format_id in odd_formats)
                ):
                    item.setForeground(QBrush(QColor(_RED)))
                self.table.setItem(row, col, item)

    # ------------------------------------------------------------ creating

    def create(self) -> bool:
        """Add the listed reports up and hand the summary to the editor (``created``)."""
        if self.refusal:
            self._say(self.refused, self.refusal)
            return False
        try:
            summary, parts = summary_set.build(self.entries, self.agency_edit.text().strip(), expected=self.expected)
        except AggregateError as exc:
            self.refusal = str(exc)
            self._say(self.refused, self.refusal)
            return False
        self.created.emit(summary, parts)
        return True

    def closeEvent(self, event) -> None:
        if self._thread is not None:
            self._thread.wait()
        super().closeEvent(event)


def open_summary_window(main) -> SummaryWindow:
    """文件 → 汇总下属单位报告…: the window, its summary opened in ``main``."""
    from .summary_tips import adopt_summary

    window = SummaryWindow(main)
    window.created.connect(lambda summary, parts: adopt_summary(main, summary, parts) and window.close())
    window.openRequested.connect(main.open_report_file)
    main.summary_window = window
    window.show()
    return window
