"""新建报告: blank, from last year's project (carrying 上年结转 and 现行有效), or from a published report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from ..formats import format_for_year
from ..importers import import_document
from ..loading import IMPORT_SUFFIXES, LoadError, load_report
from ..model import KINDS, Report, new_report
from ..model.carry import next_year_report
from ..model.opening import standard_opening
from ..model.report import default_title
from ..model.stock import start_stocks
from .settings import load_settings, save_settings

BLANK, LAST_YEAR, PUBLISHED = 0, 1, 2


class CancelledError(Exception):
    """The clerk answered No to a question while creating."""


class NewReportDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        self.result_report: Report | None = None
        self.import_result = None  # an ImportResult when starting from a published report
        self.last: Report | None = None  # last year's report, read when the file is chosen
        self._last_source = ""
        self.choice = QButtonGroup(self)
        texts = (
            self.tr("空白报告"),
            self.tr("从上年的项目文件（.rdproj）开始：结转上年数据和现行有效件数"),
            self.tr("从已发布的上年报告（.docx、.pdf、网页或文本）开始"),
        )
        layout = QVBoxLayout(self)
        for i, text in enumerate(texts):
            button = QRadioButton(text)
            self.choice.addButton(button, i)
            layout.addWidget(button)
        self.choice.button(BLANK).setChecked(True)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("选择上年的文件"))
        self.source.editingFinished.connect(self._read_source)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.browse = browse
        self.source_note = QLabel()
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet("color:#35608c")
        layout.addWidget(self.source_note)
        self.choice.idToggled.connect(lambda _id, _on: self._source_enabled())
        form = QFormLayout()
        settings = load_settings()
        self.agency = QLineEdit(settings.agency)
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.year = QSpinBox()
        self.year.setRange(2019, 2099)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(dt.date.today().year - 1)
        self.touched: set[str] = set()  # fields the clerk changed by hand: what is read from a file leaves them
        self.agency.textEdited.connect(lambda _t: self.touched.add("agency"))
        self.kind.activated.connect(lambda _i: self.touched.add("kind"))
        self.format_note = QLabel()
        self.year.valueChanged.connect(self._format_note)
        self._format_note()
        form.addRow(self.tr("机关名称："), self.agency)
        form.addRow(self.tr("报告类型："), self.kind)
        form.addRow(self.tr("报告年度："), self.year)
        form.addRow(self.tr("适用格式："), self.format_note)
        layout.addLayout(form)
        self.carry_note = QLabel(
            self.tr(
                "从上年报告开始时：表三“上年结转”取自上年的“结转下年度继续办理”；表二“现行有效件数”"
                "= 上年现行有效件数 + 本年制发件数 − 本年废止件数，随填写自动推算（浅绿色斜体），"
                "直接改写即以所填为准。上年的正文作为草稿带入，需逐段核对。以上机关名称、类型、年度以此处所填为准。"
            )
        )
        self.carry_note.setWordWrap(True)
        layout.addWidget(self.carry_note)
        self._source_enabled()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def _source_enabled(self) -> None:
        on = self.choice.checkedId() != BLANK
        self.source.setEnabled(on)
        self.browse.setEnabled(on)
        self.carry_note.setVisible(on)
        self.adjustSize()

    def _format_note(self) -> None:
        self.format_note.setText(format_for_year(self.year.value()).notice)

    def _browse(self) -> None:
        kind = self.choice.checkedId()
        filt = self.tr("项目文件 (*.rdproj)") if kind == LAST_YEAR else self.tr("已发布的报告 (*.docx *.pdf *.txt *.html *.htm *.mhtml)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择上年的文件"), load_settings().last_folder, filt)
        if path:
            self.source.setText(path)
            self._read_source()

    def _load(self, source: Path) -> Report:
        """Last year's report from ``source``; LoadError with a Chinese message if it cannot be read."""
        if source.suffix.lower() in IMPORT_SUFFIXES:
            self.import_result = import_document(source)
            return self.import_result.report
        self.import_result = None
        return load_report(source)

    def _read_source(self, keep_year: bool = False) -> None:
        """Read the chosen file at once and fill the dialog from it: agency, kind, the year after it.

        What the clerk changed in the dialog already (agency, kind; with ``keep_year``, when the path was
        typed rather than browsed, the year too) is kept: typed wins over read."""
        text = self.source.text().strip()
        if not text or text == self._last_source:
            return
        self._last_source = text
        try:
            self.last = self._load(Path(text))
        except (LoadError, OSError) as exc:
            self.last = None
            self.source_note.setText(self.tr("无法读取所选文件：{0}").format(exc))
            self.adjustSize()
            return
        last = self.last
        if last.agency and "agency" not in self.touched:
            self.agency.setText(last.agency)
        if "kind" not in self.touched:
            self.kind.setCurrentIndex(max(0, self.kind.findData(last.kind)))
        if not keep_year:
            self.year.setValue(last.year + 1)
        self.source_note.setText(
            self.tr("已读取：{0}，{1} 年度{2}报告。新报告为 {3} 年度；以下各项可修改，以所填为准。").format(
                last.agency or self.tr("（未识别机关名称）"), last.year, KINDS.get(last.kind, ""), last.year + 1
            )
        )
        self.adjustSize()

    def build(self) -> Report:
        """The new report for the dialog's choices. Raises LoadError with a Chinese message."""
        kind = self.choice.checkedId()
        agency = self.agency.text().strip()
        year = self.year.value()
        if kind == BLANK:
            if not agency:
                raise LoadError(self.tr("请填写机关名称"))
            return new_report(agency, year, self.kind.currentData())
        source = self.source.text().strip()
        if not source:
            raise LoadError(self.tr("请选择上年的文件"))
        if self.last is None or source != self._last_source:  # typed or pasted, not yet read
            self._last_source = ""
            self._read_source(keep_year=True)
            if self.last is None:
                raise LoadError(self.source_note.text() or self.tr("无法读取所选文件"))
        agency = self.agency.text().strip()
        last = self.last
        year = self.year.value()
        if year <= last.year:  # "from last year's report" into the same or an earlier year is a slip
            self.year.setValue(last.year + 1)
            raise LoadError(
                self.tr("所选文件是 {0} 年度的报告，新报告的年度应晚于它。已改为 {1} 年度，请确认后再点“创建”。").format(
                    last.year, last.year + 1
                )
            )
        if year != last.year + 1 and not self.confirm_gap(last.year, year):
            raise CancelledError
        report = next_year_report(last, year)
        return self.apply_typed(report, agency)

    def confirm_gap(self, last_year: int, year: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("所选报告是 {0} 年的，新报告为 {1} 年：上年结转将取自 {0} 年的结转下年度，确定？").format(
                last_year, year
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def apply_typed(self, report: Report, agency: str) -> Report:
        """What the clerk typed in the dialog wins over what last year's file says."""
        agency = agency or report.agency
        if not agency:
            raise LoadError(self.tr("请填写机关名称"))
        carried_signature = report.signature_agency
        if agency != report.agency:
            if carried_signature in ("", report.agency):
                report.signature_agency = agency
            report.agency = agency
        report.kind = self.kind.currentData()
        report.title = default_title(report.agency, report.year)
        report.opening = standard_opening(report)
        start_stocks(report)
        return report

    def accept(self) -> None:
        try:
            self.result_report = self.build()
        except CancelledError:
            return
        except LoadError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        s = load_settings()
        s.agency = self.result_report.agency
        save_settings(s)
        super().accept()
