"""個別照会 (the staff's look-up) at the 資格確認端末: the numbers of the document the patient shows, typed in,
and the result at the scenario's date (資格有効性, share, what to do). The decision is kiosk.domain.desk's."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mynakiosk.domain.desk import DeskVerdict, PresentedDocument, desk_verdict
from mynakiosk.i18n import t, translated
from mynakiosk.ui import language
from mynakiosk.ui.widgets import plain_label, show_text

if TYPE_CHECKING:
    from mynakiosk.ui.controller import FlowController


class DeskLookupDialog(QDialog):
    """保険者番号・記号・番号・枝番・生年月日 from the document shown; the verdict below the form."""

    looked_up = Signal(object)  # DeskVerdict

    def __init__(self, controller: FlowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskLookup")
        self.controller = controller
        self.verdict: DeskVerdict | None = None
        show_text(self, t("個別照会（資格確認端末）"), "setWindowTitle")
        layout = QVBoxLayout(self)
        self.day = plain_label()
        layout.addWidget(self.day)
        form = QFormLayout()
        self.document = QComboBox()
        for kind in PresentedDocument:
            self.document.addItem(translated(kind.label), kind)
        self.insurer = QLineEdit()
        self.insurer.setMaxLength(8)
        self.symbol = QLineEdit()
        self.number = QLineEdit()
        self.branch = QLineEdit("00")
        self.branch.setMaxLength(2)
        self.birth = QDateEdit()
        self.birth.setDisplayFormat("yyyy-MM-dd")
        self.birth.setCalendarPopup(True)
        self.birth.setDate(QDate(2019, 1, 1))
        for widget, label in (
            (self.document, t("提示された書類")),
            (self.insurer, t("保険者番号")),
            (self.symbol, t("記号")),
            (self.number, t("番号")),
            (self.branch, t("枝番")),
            (self.birth, t("生年月日")),
        ):
            caption = plain_label()
            show_text(caption, label)
            show_text(widget, label, "setAccessibleName")
            form.addRow(caption, widget)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.look_up = QPushButton()
        show_text(self.look_up, t("照会する"))
        self.look_up.setDefault(True)
        self.look_up.clicked.connect(self.run_lookup)
        buttons.addStretch(1)
        buttons.addWidget(self.look_up)
        layout.addLayout(buttons)
        self.summary = plain_label()
        self.summary.setObjectName("recordSummary")
        self.summary.setWordWrap(True)
        self.action = plain_label()
        self.action.setObjectName("staffAction")
        self.action.setWordWrap(True)
        show_text(self.action, t("書類の記号・番号などを入力して「照会する」を押してください。"))
        show_text(self.summary, t("照会結果"), "setAccessibleName")
        show_text(self.action, t("職員の対応"), "setAccessibleName")
        layout.addWidget(self.summary)
        layout.addWidget(self.action, 1)
        self.resize(640, 520)
        self.show_day()
        controller.scenario_changed.connect(lambda _scenario: self.show_day())
        language.notifier.changed.connect(self._word_documents)

    def _word_documents(self) -> None:
        for index in range(self.document.count()):
            self.document.setItemText(index, translated(self.document.itemData(index).label))

    def show_day(self) -> None:
        service = self.controller.reception.service
        day = service.as_of if service is not None else dt.date.today()
        show_text(self.day, t("{date:%Y-%m-%d} 時点で照会します（シナリオの日付）", date=day))

    def fill(
        self, document: PresentedDocument, insurer: str, symbol: str, number: str, branch: str, birth: dt.date
    ) -> None:
        """Type the document's numbers in (tests and the tour do what staff do by hand)."""
        self.document.setCurrentIndex(self.document.findData(document))
        for field, text in (
            (self.insurer, insurer),
            (self.symbol, symbol),
            (self.number, number),
            (self.branch, branch),
        ):
            field.setText(text)
        self.birth.setDate(QDate(birth.year, birth.month, birth.day))

    def run_lookup(self) -> None:
        service = self.controller.reception.service
        if service is None:
            show_text(self.action, t("このシナリオにはオンライン資格確認がありません。"))
            return
        missing = [field for field in (self.insurer, self.number) if not field.text().strip()]
        if missing:
            # Not a look-up of nothing (it answered 「4 該当資格なし」, as if the person had no insurance). 記号
            # may be empty: some documents have none (後期高齢者医療).
            self.verdict = None
            show_text(self.summary, "")
            show_text(self.action, t("保険者番号と番号を入力してから「照会する」を押してください。"))
            missing[0].setFocus()
            return
        birth = self.birth.date().toPython()
        assert isinstance(birth, dt.date)  # PySide6 types toPython() as object
        result = service.lookup_by_numbers(
            self.insurer.text().strip(),
            self.symbol.text().strip(),
            self.number.text().strip(),
            self.branch.text().strip(),
            birth,
        )
        verdict = desk_verdict(self.document.currentData(), result, service.as_of)
        self.verdict = verdict
        self._show(verdict)
        self.looked_up.emit(verdict)

    def _show(self, verdict: DeskVerdict) -> None:
        result = verdict.result

        def summary() -> str:
            validity = result.validity
            who = translated(result.person.name) if result.person else "—"
            share = translated(result.share.label) if result.share else "—"
            verdict_text = t("受付できます") if verdict.accepted else t("この書類だけでは受付できません")
            return t(
                "資格有効性 {code} {label}・{name}・負担 {share}\n{verdict}",
                code=int(validity) if validity else "—",
                label=translated(validity.label) if validity else "",
                name=who,
                share=share,
                verdict=verdict_text,
            )

        show_text(self.summary, summary)
        show_text(self.action, translated(verdict.action))
