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
from .settings import load_settings, save_settings

BLANK, LAST_YEAR, PUBLISHED = 0, 1, 2


class NewReportDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        self.result_report: Report | None = None
        self.import_result = None  # an ImportResult when starting from a published report
        self.choice = QButtonGroup(self)
        texts = (
            self.tr("空白报告"),
            self.tr("从上年的项目文件（.rdproj）开始：结转上年数据和现行有效件数"),
            self.tr("从已发布的上年报告（.docx / .txt）开始"),
        )
        layout = QVBoxLayout(self)
        for i, text in enumerate(texts):
            button = QRadioButton(text)
            self.choice.addButton(button, i)
            layout.addWidget(button)
        self.choice.button(BLANK).setChecked(True)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("选择上年的文件"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.browse = browse
        self.choice.idToggled.connect(lambda _id, _on: self._source_enabled())
        self._source_enabled()
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
        self.format_note = QLabel()
        self.year.valueChanged.connect(self._format_note)
        self._format_note()
        form.addRow(self.tr("机关名称："), self.agency)
        form.addRow(self.tr("报告类型："), self.kind)
        form.addRow(self.tr("报告年度："), self.year)
        form.addRow(self.tr("适用格式："), self.format_note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _source_enabled(self) -> None:
        on = self.choice.checkedId() != BLANK
        self.source.setEnabled(on)
        self.browse.setEnabled(on)

    def _format_note(self) -> None:
        self.format_note.setText(format_for_year(self.year.value()).notice)

    def _browse(self) -> None:
        kind = self.choice.checkedId()
        filt = self.tr("项目文件 (*.rdproj)") if kind == LAST_YEAR else self.tr("已发布的报告 (*.docx *.pdf *.txt *.html *.htm *.mhtml)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择上年的文件"), load_settings().last_folder, filt)
        if path:
            self.source.setText(path)

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
        if Path(source).suffix.lower() in IMPORT_SUFFIXES:
            self.import_result = import_document(Path(source))
            last = self.import_result.report
        else:
            self.import_result = None
            last = load_report(Path(source))
        if year <= last.year:  # "from last year's report" into the same or an earlier year is a slip
            self.year.setValue(last.year + 1)
            raise LoadError(
                self.tr("所选文件是 {0} 年度的报告，新报告的年度应晚于它。已改为 {1} 年度，请确认后再点“创建”。").format(
                    last.year, last.year + 1
                )
            )
        report = next_year_report(last, year)
        if agency and not report.agency:
            report.agency = agency
        return report

    def accept(self) -> None:
        try:
            self.result_report = self.build()
        except LoadError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        s = load_settings()
        s.agency = self.result_report.agency
        save_settings(s)
        super().accept()
