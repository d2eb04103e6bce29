"""家族で練習: practice choices, hints the real reader does not show, and the explanation after each visit."""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
)

from mynakiosk.domain.people import is_child
from mynakiosk.domain.practice import (
    Explanation,
    WhatIf,
    abandoned_explanation,
    cancelled_explanation,
    child_visit,
    explain,
    mislink_explanation,
)
from mynakiosk.domain.visit import Outcome
from mynakiosk.flow.machine import STATES, State
from mynakiosk.flow.staff_actions import scenario_switch_refusal
from mynakiosk.i18n import t, translated
from mynakiosk.problems import unreadable_scenario
from mynakiosk.scenarios.loader import Scenario, ScenarioError, load_scenario, practice_questions
from mynakiosk.scenarios.what_if import applicable, with_what_if
from mynakiosk.ui.widgets import FittedLabel, WrappingChoice, fit_label_height, plain_label, show_text

if TYPE_CHECKING:
    from mynakiosk.domain.visit import ReceptionRecord
    from mynakiosk.flow.reception import Snapshot
    from mynakiosk.ui.controller import FlowController

log = logging.getLogger("kiosk.practice")

AT_REST = (State.IDLE, State.NO_READER)  # no visit under way
# Screens a visit passes through without the patient (a card or phone taken away there ends it half-way).
WORKING = (State.READING, State.VERIFYING, State.QUALIFYING, State.PHONE_READING)


class ElidingComboBox(QComboBox):
    """A combo box whose closed face ends a text too long for it with "…" instead of cutting it off.

    Its list shows every item whole (wider than the box if need be), and the box's tooltip the chosen one.
    """

    def __init__(self) -> None:
        super().__init__()
        self.currentTextChanged.connect(self.setToolTip)

    def showPopup(self) -> None:
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        super().showPopup()

    def shown_text(self) -> str:
        """The chosen item's text as the closed box shows it."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, field.width())

    def paintEvent(self, event: object) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def explanation_html(explanation: Explanation) -> str:
    """The explanation as rich text, in the current language (its texts are translated here, one by one).

    Its texts (some from scenario files: names, lessons) are text, not markup: escaped before they go in.
    """

    def text(value: str) -> str:
        return escape(translated(value))

    parts = [f"<h3>{text(explanation.title)}</h3>", f"<p>{text(explanation.what_happened)}</p>"]
    if explanation.why:
        why = t("<b>なぜ：</b>{why}", why=text(explanation.why))
        parts.append(f"<p>{why}</p>")
    if explanation.bring:
        heading = t("次に持って行くもの（どれか一つ）：")
        items = "".join(f"<li>{text(d)}</li>" for d in explanation.bring)
        parts.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
    if explanation.contacts:
        heading = t("相談先：")
        contacts = [
            t("<b>{who}</b>：{what}", who=text(who), what=text(what)) for who, what in explanation.contacts
        ]
        items = "".join(f"<li>{contact}</li>" for contact in contacts)
        parts.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
    for note in explanation.notes:
        parts.append(f"<p>{text(note)}</p>")
    if explanation.at_home:
        at_home = t("<b>家で確認：</b>{at_home}", at_home=text(explanation.at_home))
        parts.append(f"<p>{at_home}</p>")
    return "".join(parts)


class PracticePanel(QFrame):
    def __init__(self, controller: FlowController) -> None:
        super().__init__()
        self.controller = controller
        # The visit explained now (its record, or what was said of a visit that left none); None: the lesson.
        self.explained: ReceptionRecord | Explanation | None = None
        self._state = controller.snapshot.state
        # 「もしも…」: the scenario as chosen (``_base``), the what-if applied to it, and whether the scenario
        # change under way is the panel's own (a what-if) or a new scenario (from here or the staff console).
        self._base: Scenario | None = None
        self.what_if = WhatIf.NONE
        self._applying = False
        self.setObjectName("cardPicker")
        show_text(self, t("家族で練習"), "setAccessibleName")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        heading = plain_label()
        show_text(heading, t("家族で練習"))
        heading.setObjectName("practiceHeading")
        layout.addWidget(heading)
        # The closed box is as wide as the side column: a long question ends in "…" there, whole in the list.
        self.choices = ElidingComboBox()
        show_text(self.choices, t("練習する場面"), "setAccessibleName")
        self._questions = practice_questions()
        for _question, path in self._questions:
            self.choices.addItem("", str(path))
        self._word_choices()
        other = plain_label()
        show_text(other, t("ほかの場面を練習する："))
        other.setWordWrap(True)
        layout.addWidget(other)
        layout.addWidget(self.choices)
        self.switch = QPushButton()
        show_text(self.switch, t("この場面で練習する"))
        self.switch.clicked.connect(self.switch_scenario)
        layout.addWidget(self.switch)
        self.what_if_label = plain_label()
        show_text(self.what_if_label, t("もしも…（スマホ保険証）："))
        self.what_if_label.setWordWrap(True)
        layout.addWidget(self.what_if_label)
        self.what_ifs = ElidingComboBox()
        show_text(self.what_ifs, t("もしも…（スマホ保険証）"), "setAccessibleName")
        self.what_ifs.activated.connect(lambda index: self.choose_what_if(self.what_ifs.itemData(index)))
        layout.addWidget(self.what_ifs)
        self.status = plain_label()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # The hint sits at the top of the side column, above its scrolling part (MainWindow puts hint_area
        # there), in sight while the patient works the reader.
        self.hint_area = QFrame()
        self.hint_area.setObjectName("cardPicker")
        hint_layout = QVBoxLayout(self.hint_area)
        hint_layout.setContentsMargins(16, 8, 16, 8)
        self.show_hints = QCheckBox()
        hints_row = WrappingChoice(self.show_hints, t("ヒントを表示（実際のリーダーには出ません）"))
        hints_row.label.setObjectName("hintsLabel")
        self.show_hints.setChecked(True)
        self.show_hints.toggled.connect(lambda _on: self.show_snapshot(controller.snapshot))
        hint_layout.addWidget(hints_row)
        self.hint = plain_label()
        self.hint.setObjectName("hintBox")
        self.hint.setWordWrap(True)
        show_text(self.hint, t("ヒント"), "setAccessibleName")
        hint_layout.addWidget(self.hint)
        self.explanation = FittedLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        show_text(self.explanation, t("この場面と、今回の受付の説明"), "setAccessibleName")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.insertWidget(1, self.explanation)
        controller.snapshot_changed.connect(self.show_snapshot)
        controller.record_added.connect(self.show_record)
        controller.scenario_changed.connect(self._scenario_changed)
        if controller.scenario is not None:
            self._scenario_changed(controller.scenario)
        self.show_snapshot(controller.snapshot)

    def switch_scenario(self) -> None:
        """Practice choices switch scenarios without restarting the app (between visits)."""
        if self.controller.snapshot.state not in AT_REST:
            show_text(self.status, translated(scenario_switch_refusal(self.controller.snapshot)))
            return
        path = self.choices.currentData()
        try:
            self.controller.load_scenario(load_scenario(path))
        except ScenarioError as exc:
            # The file check's detail is a developer's English: for the terminal, not the family's screen.
            log.warning("%s", exc)
            show_text(self.status, translated(unreadable_scenario(path)))

    def choose_what_if(self, what_if: WhatIf) -> None:
        """Practise the scenario with one change (a clinic without a 汎用カードリーダー, a new phone …), between
        visits; 「シナリオのとおり」 goes back to the scenario as it is."""
        if self._base is None or what_if is self.what_if:
            return
        if self.controller.snapshot.state not in AT_REST:
            self._show_what_ifs()  # the choice goes back to the one in force
            show_text(self.status, translated(scenario_switch_refusal(self.controller.snapshot)))
            return
        self.what_if = what_if
        self._applying = True
        try:
            self.controller.load_scenario(with_what_if(self._base, what_if))
        finally:
            self._applying = False

    def _show_what_ifs(self) -> None:
        """The what-ifs that change something in this scenario; none offered: the row is hidden."""
        offered = applicable(self._base) if self._base is not None else [WhatIf.NONE]
        self.what_ifs.clear()
        for what_if in offered:
            self.what_ifs.addItem(translated(what_if.question), what_if)
        self.what_ifs.setCurrentIndex(max(0, self.what_ifs.findData(self.what_if)))
        shown = len(offered) > 1
        self.what_if_label.setVisible(shown)
        self.what_ifs.setVisible(shown)

    def _scenario_changed(self, scenario: Scenario) -> None:
        if not self._applying:  # a new scenario: its what-ifs, none chosen
            self._base, self.what_if = scenario, WhatIf.NONE
        self._show_what_ifs()
        self.explained = None
        show_text(self.status, "")
        index = self.choices.findData(str(scenario.path))
        if index >= 0:
            self.choices.setCurrentIndex(index)
        self._explain_scenario(scenario)

    def _explain_scenario(self, scenario: Scenario) -> None:
        explanation = self.what_if.explanation
        if (
            explanation is not None
        ):  # a what-if in force: what it changes, and why (before and between visits)
            self._explain(explanation_html(explanation))
            return
        # translated() before strip(): strip() would drop a Bilingual's English spelling. The scenario file's
        # texts are escaped: they are text, not markup, in the rich-text label.
        title, lesson = escape(translated(scenario.title)), escape(translated(scenario.lesson).strip())
        date = f"<p><b>{escape(translated(scenario.date_note))}</b></p>" if scenario.date_note else ""
        self._explain(f"<h3>{title}</h3>{date}<p>{lesson}</p>")

    def _word_choices(self) -> None:
        for index, (question, _path) in enumerate(self._questions):
            self.choices.setItemText(index, translated(question))
            self.choices.setItemData(index, translated(question), Qt.ItemDataRole.ToolTipRole)

    def retranslate(self) -> None:
        """The language changed: the texts worded again, in place (``widgets.retranslate`` does the ones given
        through ``show_text``); the chosen scene, the hint check box and the explanation shown stay."""
        self._word_choices()
        self.choices.setToolTip(self.choices.currentText())
        self._show_what_ifs()
        if isinstance(self.explained, Explanation):
            self._show_explanation(self.explained)
        elif self.explained is not None:
            self.show_record(self.explained)
        elif self.controller.scenario is not None:
            self._explain_scenario(self.controller.scenario)
        self.show_snapshot(self.controller.snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        previous, self._state = self._state, snapshot.state
        if previous not in AT_REST and snapshot.state in AT_REST:
            show_text(self.status, "")  # 「受付の途中です…」 is no longer true: the visit ended
        # The visit carries on past an outcome (目視確認 after the fallback): that outcome is no longer this visit's.
        carried_on = STATES[previous].ends_visit is not None and STATES[snapshot.state].ends_visit is None
        if snapshot.state not in AT_REST and (previous in AT_REST or carried_on):
            # A new visit, or one going on: the last outcome's explanation would read as this one's.
            self.explained = None
            if self.controller.scenario is not None:
                self._explain_scenario(self.controller.scenario)
        elif self.explained is None and snapshot.state is State.CANCELLED:
            self._show_explanation(cancelled_explanation(child=False))  # cancelled before anything was read
        elif (
            self.explained is None
            and snapshot.state in AT_REST
            and (STATES[previous].times_out or previous in WORKING)
        ):
            self._show_explanation(abandoned_explanation())
        hint = translated(self._hint(snapshot)) if self.show_hints.isChecked() else ""
        if hint and (snapshot.state is State.VISUAL_CHECK or (snapshot.fallback and snapshot.visual_offered)):
            # Where someone practising looks for it: the staff step's password (never on a real reader).
            password = self.controller.reception.clinic.visual_check_password
            hint += "\n" + t("この練習の目視モード用パスワード：{password}", password=password)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def _hint(self, snapshot: Snapshot) -> str:
        """The screen's hint, for the person whose card is on the reader (a child's hint is not the father's)."""
        declared = STATES[snapshot.state]
        if snapshot.by_phone and declared.ends_visit is Outcome.COMPLETE:
            return ""  # 「カードの取り忘れ」: a phone visit left no card on the reader
        if declared.adult_hint and not self._child_on_reader():
            return declared.adult_hint
        return declared.hint

    def _child_on_reader(self) -> bool:
        record, scenario = self.controller.reception.record, self.controller.scenario
        if record is None or record.card_holder_birth is None or scenario is None:
            return True  # nobody known yet: the hint that also covers a child's card
        return is_child(record.card_holder_birth, scenario.as_of)

    def show_record(self, record: ReceptionRecord) -> None:
        self.explained = record
        person = record.result.person if record.result else None
        if record.mislinked and person is not None:
            explanation = mislink_explanation(record)
        else:
            scenario = self.controller.scenario
            as_of = scenario.as_of if scenario is not None else record.time.date()
            explanation = explain(record, child_visit(record, as_of))
        self._explain(explanation_html(explanation))

    def _show_explanation(self, explanation: Explanation) -> None:
        self.explained = explanation
        self._explain(explanation_html(explanation))

    def _explain(self, html: str) -> None:
        # A wrapped label inside a scroll area is not given its height-for-width by the layout: set it,
        # so the whole explanation is reachable by scrolling instead of cut off.
        self.explanation.setText(html)
        width = self.explanation.width() if self.explanation.width() > 100 else 330
        fit_label_height(self.explanation, width)
