"""The report-information page (agency, kind, year, title, date, contact, opening) and the 落款 page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..formats import format_for_year
from ..model import KINDS
from ..model.opening import standard_opening
from .datefield import DateField
from .document import Document
from .forms.ui_infopage import Ui_InfoPage

GENERATING_FIELDS = {"agency", "year"}  # fields the generated title, opening and 落款 are made from
CONTACT_FIELDS = ("website", "address", "postcode", "phone", "fax", "email")
CONTACT_LABELS = {  # translated where used, with QCoreApplication.translate("InfoPage", ...)
    "website": QT_TRANSLATE_NOOP("InfoPage", "网站"),
    "address": QT_TRANSLATE_NOOP("InfoPage", "地址"),
    "postcode": QT_TRANSLATE_NOOP("InfoPage", "邮编"),
    "phone": QT_TRANSLATE_NOOP("InfoPage", "电话"),
    "fax": QT_TRANSLATE_NOOP("InfoPage", "传真"),
    "email": QT_TRANSLATE_NOOP("InfoPage", "电子邮箱"),
}


def show_text(edit: QLineEdit, text: str) -> None:
    """``text`` in ``edit`` from its beginning: a line edit given a text shows its end, so a long title or
    website read “…政府信息公开”专栏” in a narrow window, its start cut off."""
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


def signing_month(field: DateField, year: int) -> None:
    """A report for ``year`` is signed in January of the next one: the calendar opens there."""
    field.set_likely_month(year + 1, 1)


class InfoPage(QWidget):
    yearRequested = Signal(int)  # noqa: N815 - Qt signal naming; the window decides whether the format must change

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.ui = Ui_InfoPage()
        self.ui.setupUi(self)
        ui = self.ui
        for key, label in KINDS.items():
            ui.kindCombo.addItem(label, key)
        ui.openingEdit.setMinimumHeight(140)
        self._refreshing = False
        ui.agencyEdit.editingFinished.connect(
            lambda: self._set("agency", ui.agencyEdit.text().strip(), self.tr("机关名称"))
        )
        ui.titleEdit.editingFinished.connect(lambda: self._set("title", ui.titleEdit.text().strip(), self.tr("标题")))
        ui.kindCombo.currentIndexChanged.connect(
            lambda _i: self._set("kind", ui.kindCombo.currentData(), self.tr("报告类型"))
        )
        ui.dateEdit.dateEdited.connect(lambda d: self._set("date", d, self.tr("发布日期")))
        for name in CONTACT_FIELDS:
            edit: QLineEdit = getattr(ui, f"{name}Edit")
            edit.editingFinished.connect(
                lambda n=name, e=edit: self._set(f"contact.{n}", e.text().strip(), self.tr(CONTACT_LABELS[n]))
            )
        self._year_timer = QTimer(self, singleShot=True, interval=700)
        self._year_timer.timeout.connect(self.commit_year)
        ui.yearSpin.valueChanged.connect(lambda _v: self._refreshing or self._year_timer.start())
        ui.yearSpin.editingFinished.connect(self.commit_year)
        self._opening_timer = QTimer(self, singleShot=True, interval=400)
        self._opening_timer.timeout.connect(self.commit_opening)
        ui.openingEdit.textChanged.connect(lambda: self._refreshing or self._opening_timer.start())
        ui.regenerateButton.clicked.connect(self.regenerate)
        # Shown only when the report's format does not fit its year (e.g. a 2022 report in the 2019 format).
        self.convertButton = QPushButton()
        self.convertButton.clicked.connect(lambda: self.yearRequested.emit(self.doc.report.year))
        ui.basicForm.insertRow(4, "", self.convertButton)
        doc.fieldChanged.connect(lambda _p: self.refresh())
        doc.reportReplaced.connect(self.refresh)
        self.refresh()

    def _set(self, path: str, value, label: str) -> None:
        if self._refreshing:
            return
        if path in GENERATING_FIELDS or path.startswith("contact."):
            self.doc.edit_info(path, value, label)
        else:
            self.doc.edit_field(path, value, label)

    def commit_year(self) -> None:
        self._year_timer.stop()
        year = self.ui.yearSpin.value()
        if self._refreshing or year == self.doc.report.year:
            return
        if format_for_year(year) is self.doc.report.format:
            self.doc.edit_info("year", year, self.tr("报告年度"))
        else:
            self.yearRequested.emit(year)
            self.refresh()  # the window converted, or the clerk declined: show what the report says

    def commit_opening(self) -> None:
        self._opening_timer.stop()
        self._set("opening", self.ui.openingEdit.toPlainText().strip(), self.tr("开篇说明"))

    def regenerate(self) -> None:
        self.commit_opening()
        self.doc.edit_field("opening", standard_opening(self.doc.report), self.tr("开篇说明"))

    def refresh(self) -> None:
        r = self.doc.report
        ui = self.ui
        self._refreshing = True
        try:
            show_text(ui.agencyEdit, r.agency)
            show_text(ui.titleEdit, r.title)
            ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(r.kind)))
            ui.yearSpin.setValue(r.year)
            ui.formatValue.setText(self.tr("{0}（{1} 年版）").format(r.format.notice, r.format.id))
            proper = format_for_year(r.year)
            self.convertButton.setText(self.tr("{0} 年度应使用{1}：转换…").format(r.year, proper.notice))
            self.convertButton.setVisible(proper is not r.format)
            ui.dateEdit.setDate(r.date)
            signing_month(ui.dateEdit, r.year)
            for name in CONTACT_FIELDS:
                show_text(getattr(ui, f"{name}Edit"), getattr(r.contact, name))
            if ui.openingEdit.toPlainText().strip() != r.opening.strip():
                ui.openingEdit.setPlainText(r.opening)
            read_only = self.doc.read_only
            for w in (
                ui.agencyEdit,
                ui.titleEdit,
                ui.openingEdit,
                ui.dateEdit,
                *(getattr(ui, f"{n}Edit") for n in CONTACT_FIELDS),
            ):
                w.setReadOnly(read_only)
            for w in (ui.kindCombo, ui.yearSpin, ui.regenerateButton, self.convertButton):
                w.setEnabled(not read_only)
        finally:
            self._refreshing = False


class SignaturePage(QWidget):
    """落款: the signing agency and the date, as they close the report."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.agency = QLineEdit()
        self.date = DateField()
        form = QFormLayout()
        form.addRow(self.tr("落款机关："), self.agency)
        form.addRow(self.tr("落款日期："), self.date)
        note = QLabel(
            self.tr(
                "可直接输入日期，如“2026年1月20日”“2026-01-20”“2026/1/20”或“20260120”，也可点“日历…”选择。"
                "日期按“2026年1月20日”的样式打印：阿拉伯数字，月、日不补零。"
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self._refreshing = False
        self.agency.editingFinished.connect(self._agency)
        self.date.dateEdited.connect(self._date)
        doc.fieldChanged.connect(lambda _p: self.refresh())
        doc.reportReplaced.connect(self.refresh)
        self.refresh()

    def _agency(self) -> None:
        if not self._refreshing:
            self.doc.edit_field("signature_agency", self.agency.text().strip(), self.tr("落款机关"))

    def _date(self, d) -> None:
        if not self._refreshing:
            self.doc.edit_field("date", d, self.tr("落款日期"))

    def refresh(self) -> None:
        self._refreshing = True
        try:
            show_text(self.agency, self.doc.report.signature_agency)
            self.date.setDate(self.doc.report.date)
            signing_month(self.date, self.doc.report.year)
            self.agency.setReadOnly(self.doc.read_only)
            self.date.setReadOnly(self.doc.read_only)
        finally:
            self._refreshing = False
