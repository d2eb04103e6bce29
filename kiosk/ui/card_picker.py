"""Beside the reader: the practice card picker (virtual reader only)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QPushButton, QVBoxLayout

from mynakiosk.i18n import N_, t, translated
from mynakiosk.reader_messages import OTHER_CARDS
from mynakiosk.ui.widgets import ChoiceList, arrange_row, plain_label, show_text
from mynakiosk_hardware.card import OtherCard

if TYPE_CHECKING:
    from collections.abc import Callable

    from mynakiosk.personas import Persona
    from mynakiosk_hardware.readers.virtual import VirtualReader


class CardPicker(QFrame):
    """Beside the reader: pick a family member's virtual card (or another IC card), place it, take it."""

    paper_placed = Signal(str)
    paper_removed = Signal()

    def __init__(self, reader: VirtualReader, personas: list[Persona]) -> None:
        super().__init__()
        self.setObjectName("cardPicker")
        show_text(self, t("カード置き場（練習用）"), "setAccessibleName")
        self.reader = reader
        self.personas = personas
        self.other_card = OtherCard()
        self.paper_on_reader = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        heading = self.heading = plain_label()
        show_text(heading, t("練習用のカード"))
        heading.setObjectName("sideHeading")
        layout.addWidget(heading)
        hint = self.instruction = plain_label()
        show_text(
            hint,
            t(
                "カードを選んで「カードを置く」を押してください。子どものカードは保護者が暗証番号を入力します。"
            ),
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.choice_list = ChoiceList()
        self.group, self.choices = self.choice_list.group, self.choice_list.choices
        layout.addWidget(self.choice_list)
        self.place, self.take, self.reset = QPushButton(), QPushButton(), QPushButton()
        show_text(self.place, t("カードを置く"))
        show_text(self.take, t("カードを取る"))
        show_text(self.reset, t("練習用カードのロックを解除"))
        show_text(
            self.reset,
            t("市区町村の窓口で行う暗証番号の初期化の代わりです（練習用カードだけ）"),
            "setToolTip",
        )
        # 置く and 取る side by side where their words fit so (arrange_buttons): on a short screen both stay in
        # sight under the list without scrolling.
        self.button_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.button_row.addWidget(self.place)
        self.button_row.addWidget(self.take)
        layout.addLayout(self.button_row)
        layout.addWidget(self.reset)
        self.status = plain_label()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.set_personas(personas)
        self.place.clicked.connect(self.place_selected)
        self.take.clicked.connect(self.take_card)
        self.reset.clicked.connect(self.reset_selected)

    def in_switch(self, switched: bool) -> None:
        """Shown by 「カード / スマートフォン」 (``switched``): the switch names the page and the scenario's lesson
        says who places which card, so no heading or instruction above the cards pushes their buttons below
        the fold of a 1366×768 screen."""
        self.heading.setVisible(not switched)
        self.instruction.setVisible(not switched)
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(16, 8 if switched else 16, 16, 16)

    def arrange_buttons(self, width: int) -> None:
        """置く and 取る side by side where their words fit in ``width`` (this picker's), else one above the other."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        arrange_row(self.button_row, width - margins.left() - margins.right())

    def set_personas(self, personas: list[Persona]) -> None:
        """Show the current scenario's people (and a card that is not a My Number card)."""
        show_text(self.status, "")  # what was said of the last scenario's cards is not about these
        self.personas = personas

        def card_text(persona: Persona) -> str:
            """Two lines, each translated on its own: who, then the card's PIN."""
            pin = persona.practice_pin
            detail = (
                t("練習用暗証番号 {pin}", pin=pin) if pin else t("暗証番号なし（顔認証マイナンバーカード）")
            )
            return f"{translated(persona.label)}\n{detail}"

        cards: list[tuple[str, int, str | Callable[[], str], str]] = [
            (
                persona.key,
                index,
                functools.partial(card_text, persona),
                t("{person}のカード", person=persona.label),
            )
            for index, persona in enumerate(personas)
        ]
        cards.append(("paper", len(personas) + 1, t("ICチップのないカード\n（健康保険証・資格確認書）"), ""))
        cards.append(
            (
                "other",
                len(personas),
                t("マイナンバーカード以外\n（{card}）", card=OTHER_CARDS[self.other_card.kind]),
                "",
            )
        )
        self.choice_list.set_choices(cards)

    def selected(self) -> Persona | None:
        return self.choice_list.checked_of(self.personas)

    def select(self, key: str) -> None:
        self.choice_list.select(key)

    def place_selected(self) -> None:
        if self.group.checkedId() == len(self.personas) + 1:
            # No IC: nothing a PC/SC reader could see; the reader's optical sensor notices it.
            self.paper_on_reader = True
            # The reader screen shows this label: marked here, translated there.
            self.paper_placed.emit(N_("健康保険証・資格確認書"))
            return
        persona = self.selected()
        self.reader.insert(persona.card if persona else self.other_card)

    def take_card(self) -> None:
        if self.paper_on_reader:
            self.paper_on_reader = False
            self.paper_removed.emit()
        else:
            self.reader.remove()

    def reset_selected(self) -> None:
        persona = self.selected()
        if persona is None:  # the card without IC or the transit card: nothing to unlock, and it says so
            show_text(self.status, t("ロックを解除できるのは、練習用のマイナンバーカードだけです。"))
            return
        if self.reader.card is persona.card:
            self.reader.remove()
        persona.reset_card()
        show_text(self.status, t("{name}さんのカードのロックを解除しました（練習用）。", name=persona.name))
