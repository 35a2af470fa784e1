"""批量审阅: open a folder of reports, see every report's figures and findings, open one at its first finding.

The main window opens this from 检查 → 批量审阅… and connects ``openRequested(path)`` to its
``open_report_file`` (then reveals the report's first finding).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..model.project import ProjectError
from ..review import batch, coverage, table
from ..review.html_page import write_html
from ..review.rows import ReviewRow
from .batchthread import BatchThread
from .expectedlist import ask_expected_file, read_expected_into

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
PATH_ROLE = Qt.ItemDataRole.UserRole + 3

_ROOT = QModelIndex()
_STATUS_COLOURS = {"无法读取": "#b00020", "有错误": "#b00020", "有警告": "#a15c00", "通过": "#1b7a1b"}


class ReviewModel(QAbstractTableModel):
    """One review row (see ``review.batch``) per line, in ``table.HEADERS`` columns."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ReviewRow] = []
        self.base: Path | None = None
        self._cells: list[list[object]] = []
        self._search: list[str] = []

    def set_rows(self, rows: list[ReviewRow], base: Path | None = None) -> None:
        self.beginResetModel()
        self.rows, self.base = rows, base
        self._cells = [table.cells(r, base) for r in rows]
        self._search = [
            " ".join(str(v) for v in c if v is not None) + " " + " ".join(table.finding_lines(r))
            for r, c in zip(rows, self._cells, strict=True)
        ]
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(table.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(table.HEADERS[section])  # the review library names the columns; shown translated
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        value = self._cells[row][col]
        header = table.HEADERS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            if header in table.NUMERIC:
                return value if isinstance(value, int) else -1  # blank or unknown (？)
            return "" if value is None else str(value)
        if role == SEARCH_ROLE:
            return self._search[row]
        if role == PATH_ROLE:
            return self.rows[row].file
        if role == Qt.ItemDataRole.TextAlignmentRole and header in table.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (header == "状态" or (header in ("错误", "警告") and value)):
            colour = _STATUS_COLOURS.get(table.status(self.rows[row]))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = table.finding_lines(self.rows[row])
            return "\n".join(lines[:12] + (["……"] if len(lines) > 12 else [])) or self.tr("未发现问题")
        return None


class ReviewFilter(QSortFilterProxyModel):
    """Words typed in the filter box (all must appear, in any column or finding); optionally errors only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.errors_only = False
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = [w.casefold() for w in text.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_errors_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.errors_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        model = self.sourceModel()
        row = model.rows[source_row]
        if self.errors_only and not (row.errors or not row.readable):
            return False
        text = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE).casefold()
        return all(w in text for w in self.words)


class ReviewWindow(QWidget):
    """The review table of a folder of reports, sortable and filterable."""

    openRequested = Signal(str)  # noqa: N815 - Qt signal name shared with the main window
    finished = Signal()  # a review has finished (rows shown, or a failure reported)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("批量审阅"))
        screen = (parent or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        # within the screen: 1200 px wide went off a 1024×768 screen, with the export buttons
        width, height = (1200, 720) if room is None else (min(1200, room.width() - 40), min(720, room.height() - 40))
        self.resize(width, height)
        self.folder: str | None = None
        self.previous: str | None = None
        self.expected: list[str] | None = None  # 应报名单: agencies that must report
        self.expected_path: str | None = None  # not a report, even when kept in the folder
        self._thread: BatchThread | None = None
        self.folder_notes: list[str] = []  # files of the folder that are not reports, the same report twice
        self.last_error = ""

        self.folder_button = QPushButton(self.tr("打开文件夹…"))
        self.previous_button = QPushButton(self.tr("上年报告文件夹…"))
        self.previous_button.setToolTip(self.tr("选择上一年度报告所在的文件夹，核对结转和现行有效件数"))
        self.expect_button = QPushButton(self.tr("应报名单…"))
        self.expect_button.setToolTip(self.tr("选择应报机关名单（文本文件，每行一个机关），按年度列出未报送的机关"))
        self.folder_label = QLabel(self.tr("请选择存放各部门报告的文件夹"))
        self.html_button = QPushButton(self.tr("导出网页…"))
        self.csv_button = QPushButton(self.tr("导出表格…"))
        for b in (self.html_button, self.csv_button):
            b.setEnabled(False)
        top = QHBoxLayout()
        for w in (self.folder_button, self.previous_button, self.expect_button, self.folder_label):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.html_button)
        top.addWidget(self.csv_button)

        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("筛选：机关、规则、文字……（空格分隔多个词）"))
        self.filter_box.setClearButtonEnabled(True)
        self.errors_only = QCheckBox(self.tr("只看有错误的报告"))
        self.summary = QLabel("")
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 2)
        bar.addWidget(self.errors_only)
        bar.addWidget(self.summary, 1)

        self.model = ReviewModel(self)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

        self.details = QTextBrowser()
        self.details.setPlaceholderText(self.tr("选中一份报告，这里列出它的问题；双击打开报告并定位到第一个问题"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.notes = QLabel("")  # missing agencies per year, duplicate reports
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setStyleSheet("QLabel{background:#fff8e1;border-left:4px solid #f0b400;padding:4px 8px}")
        self.notes.setVisible(False)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setFormat(self.tr("已检查 %v/%m 份"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.notes)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)

        self.folder_button.clicked.connect(self.choose_folder)
        self.previous_button.clicked.connect(self.choose_previous)
        self.expect_button.clicked.connect(self.choose_expected)
        self.html_button.clicked.connect(lambda: self._export("html"))
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.filter_box.textChanged.connect(self._filter_changed)
        self.errors_only.toggled.connect(self._errors_only_changed)
        self.view.doubleClicked.connect(self._open_index)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)

    # ------------------------------------------------------------ loading

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择存放报告的文件夹"), self.folder or "")
        if folder:
            self.load_folder(folder, self.previous)

    def choose_previous(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择上一年度报告所在的文件夹"), self.previous or self.folder or ""
        )
        if folder:
            self.previous = folder
            self.previous_button.setText(self.tr("上年：{0}").format(Path(folder).name))
            if self.folder:
                self.load_folder(self.folder, folder)

    def choose_expected(self) -> None:
        path = ask_expected_file(self, self.folder or "")
        if path:
            self.set_expected(path)

    def set_expected(self, path: str | None) -> bool:
        """Read the list of agencies that must report (None clears it); the notes show who is missing."""
        read, expected = read_expected_into(self, self.expect_button, path)
        if not read:
            return False
        self.expected, self.expected_path = expected, (str(path) if path else None)
        listed = path is not None and any(Path(r.file).resolve() == Path(path).resolve() for r in self.model.rows)
        if listed and self.folder:
            self.load_folder(self.folder, self.previous)  # the list itself was shown as a report
            return True
        self._update_notes()
        return True

    def note_lines(self) -> list[str]:
        return self.folder_notes + coverage.notes(self.model.rows, self.expected) if self.model.rows else []

    def _update_notes(self) -> None:
        lines = self.note_lines()
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))

    def load_folder(self, folder: str, previous: str | None = None) -> None:
        """Review every report under ``folder`` in the background; ``finished`` is emitted when done."""
        if self._thread is not None and self._thread.isRunning():
            return
        self.folder, self.previous = str(folder), (str(previous) if previous else None)
        self.folder_label.setText(self.folder)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.folder_button.setEnabled(False)
        self.previous_button.setEnabled(False)
        folders, previous = [self.folder], [self.previous] if self.previous else None
        exclude = [self.expected_path] if self.expected_path else []
        thread = BatchThread(
            lambda found, progress: batch.review_paths(
                folders, previous=previous, progress=progress, exclude=exclude, notes=found
            ),
            self.tr("审阅时出错：{0}: {1}"),
            self,
        )
        thread.progressed.connect(self._progressed)
        thread.done.connect(self._reviewed)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_done)
        self._thread = thread
        thread.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _reviewed(self, rows: list) -> None:
        self.last_error = ""
        self.folder_notes = list(self._thread.found) if self._thread is not None else []
        self.model.set_rows(rows, Path(self.folder) if self.folder else None)
        self._update_summary()
        self._update_notes()
        for b in (self.html_button, self.csv_button):
            b.setEnabled(bool(rows))
        self.details.clear()

    def _failed(self, message: str) -> None:
        self.last_error = message
        self.model.set_rows([])
        self._update_summary()
        self._update_notes()
        if self.isVisible():
            QMessageBox.warning(self, self.tr("批量审阅"), message)

    def _thread_done(self) -> None:
        self.progress.setVisible(False)
        self.folder_button.setEnabled(True)
        self.previous_button.setEnabled(True)
        self._thread = None
        self.finished.emit()

    # ------------------------------------------------------------ table

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_summary()

    def _errors_only_changed(self, on: bool) -> None:
        self.proxy.set_errors_only(on)
        self._update_summary()

    def _update_summary(self) -> None:
        rows = self.model.rows
        if not rows:
            self.summary.setText(self.last_error)
            return
        text = table.summary_line(rows)
        if self.proxy.rowCount() != len(rows):
            text += self.tr("；显示 {0} 份").format(self.proxy.rowCount())
        self.summary.setText(text)

    def _row_of(self, proxy_index) -> dict:
        return self.model.rows[self.proxy.mapToSource(proxy_index).row()]

    def _show_details(self, current, _previous=None) -> None:
        if not current.isValid():
            self.details.clear()
            return
        row = self._row_of(current)
        lines = table.finding_lines(row) or [self.tr("未发现问题")]
        title = row.agency or Path(row.file).name
        head = [f"{title}（{row.file}）"]
        if row.previous:
            head.append(self.tr("上年报告：{0}").format(row.previous))
        self.details.setPlainText("\n".join(head + lines))

    def _open_index(self, proxy_index) -> None:
        if proxy_index.isValid():
            self.openRequested.emit(self._row_of(proxy_index).file)

    def _export(self, kind: str) -> None:
        suffix, name = (".html", self.tr("网页 (*.html)")) if kind == "html" else (".csv", self.tr("表格 (*.csv)"))
        start = str(Path(self.folder or ".") / (self.tr("批量审阅") + suffix))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审阅结果"), start, name)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        base = Path(self.folder) if self.folder else None
        try:
            if kind == "html":
                write_html(self.model.rows, path, base, self.note_lines())
            else:
                table.write_csv(self.model.rows, path, base)
        except ProjectError as exc:
            QMessageBox.warning(self, self.tr("导出审阅结果"), str(exc))

    def closeEvent(self, event) -> None:
        if self._thread is not None:
            self._thread.wait()
        super().closeEvent(event)
