"""Beside the reader, under the card picker: the family's phones (スマホ保険証) and the 汎用カードリーダー.

Practice only (in-process readers). A phone is held over the 汎用カードリーダー beside the face reader; an
iPhone first needs Face ID / Touch ID on the phone itself, simulated here by a prompt on the phone's screen.
The phone can also be put on the face reader, which cannot read phones, as a real one cannot.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QPushButton, QVBoxLayout

from mynakiosk.domain.smartphone import SIGNATURE_CERTIFICATE_AGE
from mynakiosk.i18n import t, translated
from mynakiosk.ui.widgets import ChoiceList, arrange_row, show_text
from mynakiosk_hardware.phone import PhoneKind

if TYPE_CHECKING:
    from mynakiosk.personas import Persona
    from mynakiosk_hardware.phone import EmulatedPhone
    from mynakiosk_hardware.readers.virtual import VirtualReader


def _phone_text(persona: Persona) -> str:
    """Two lines, each translated on its own: who, then which phone (and its practice PIN)."""
    phone = persona.initial_phone
    assert phone is not None
    if phone.kind is PhoneKind.IPHONE:
        detail = t("iPhone（Face ID）")
    else:
        detail = t("Android（暗証番号 {pin}）", pin=phone.auth_pin or "")
    if not phone.set_up and persona.age < SIGNATURE_CERTIFICATE_AGE:
        child = t("子どものスマホ（15歳未満はカードを追加できません）")
        detail = f"{detail}\n{child}"
    elif not phone.set_up:
        not_set_up = t("新しい機種（カード未追加）")
        detail = f"{detail}\n{not_set_up}"
    return f"{translated(persona.label)}\n{detail}"


class PhonePicker(QFrame):
    """Pick a family member's phone, pass Face ID on it (iPhone), hold it over the 汎用カードリーダー."""

    def __init__(
        self, phone_reader: VirtualReader, face_reader: VirtualReader, personas: list[Persona]
    ) -> None:
        super().__init__()
        self.setObjectName("cardPicker")
        show_text(self, t("スマートフォン（練習用）"), "setAccessibleName")
        self.phone_reader = phone_reader
        self.face_reader = face_reader
        self.personas: list[Persona] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        heading = self.heading = QLabel()
        show_text(heading, t("練習用のスマートフォン"))
        heading.setObjectName("sideHeading")
        layout.addWidget(heading)
        self.choice_list = ChoiceList()
        self.group, self.choices = self.choice_list.group, self.choice_list.choices
        layout.addWidget(self.choice_list)
        self.none_label = QLabel()
        show_text(self.none_label, t("このシナリオには、スマホ保険証を持っている人がいません。"))
        self.none_label.setWordWrap(True)
        layout.addWidget(self.none_label)
        # The phone's own screen: where Face ID / Touch ID is asked (the reader never sees it).
        self.phone_screen = QLabel()
        self.phone_screen.setObjectName("phoneScreen")
        self.phone_screen.setWordWrap(True)
        layout.addWidget(self.phone_screen)
        self.biometric, self.hold, self.take = QPushButton(), QPushButton(), QPushButton()
        self.on_face_reader, self.reset = QPushButton(), QPushButton()
        show_text(self.biometric, t("Face IDで確認"))
        show_text(self.hold, t("かざす"))
        show_text(self.take, t("離す"))
        show_text(self.on_face_reader, t("カード用の読み取り機に置く"))
        show_text(
            self.on_face_reader, t("今までの読み取り機はスマートフォンを読めません（練習用）"), "setToolTip"
        )
        show_text(self.reset, t("スマホのロックを解除"))
        show_text(
            self.reset,
            t("マイナポータルアプリで行うパスワードの初期化の代わりです（練習用だけ）"),
            "setToolTip",
        )
        # A visit's buttons (Face ID, かざす, 離す) in one row where their words fit, the practice's extras in
        # another (arrange_buttons): on a short screen both stay in sight without scrolling.
        self.visit_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.extra_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for row, buttons in (
            (self.visit_row, (self.biometric, self.hold, self.take)),
            (self.extra_row, (self.on_face_reader, self.reset)),
        ):
            for button in buttons:
                row.addWidget(button)
            layout.addLayout(row)
        # Shown in the place of the taller card list (PageSwitch): the spare height goes below, not into the
        # phone's screen, which would stretch and push the buttons down.
        layout.addStretch(1)
        self.biometric.clicked.connect(self.authenticate_selected)
        self.hold.clicked.connect(self.hold_selected)
        self.take.clicked.connect(self.take_phone)
        self.on_face_reader.clicked.connect(self.place_on_face_reader)
        self.reset.clicked.connect(self.reset_selected)
        self.group.idToggled.connect(self._phone_toggled)
        self.set_personas(personas)

    def arrange_buttons(self, width: int) -> None:
        """Each row's buttons side by side where their words fit in ``width`` (this picker's)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        for row in (self.visit_row, self.extra_row):
            arrange_row(row, width - margins.left() - margins.right())

    def set_personas(self, personas: list[Persona]) -> None:
        """Show the phones of the current scenario's people (only those who have one)."""
        self.personas = [p for p in personas if p.initial_phone is not None]
        self.choice_list.set_choices(
            [
                (
                    persona.key,
                    index,
                    partial(_phone_text, persona),
                    t("{person}のスマートフォン", person=persona.label),
                )
                for index, persona in enumerate(self.personas)
            ]
        )
        has_phones = bool(self.personas)
        self.none_label.setVisible(not has_phones)
        # Without a phone there is no phone screen to show nor anything to do with one: hidden, not greyed out.
        for widget in (
            self.phone_screen,
            self.biometric,
            self.hold,
            self.take,
            self.on_face_reader,
            self.reset,
        ):
            widget.setHidden(not has_phones)
        self._show_phone_screen()

    def selected(self) -> Persona | None:
        return self.choice_list.checked_of(self.personas)

    def select(self, key: str) -> None:
        self.choice_list.select(key)

    def _phone(self) -> EmulatedPhone | None:
        persona = self.selected()
        return persona.phone if persona is not None else None

    def _phone_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # a toggle also reports the button that was unchecked
            self._show_phone_screen()

    def _show_phone_screen(self, text: str = "") -> None:
        """What the selected phone's own screen says (``text``, or its state)."""
        phone = self._phone()
        iphone = phone is not None and phone.profile.kind is PhoneKind.IPHONE
        self.biometric.setEnabled(iphone)
        if text or phone is None:
            show_text(self.phone_screen, text)
        elif iphone and phone.biometric_passed:
            show_text(self.phone_screen, t("iPhone：確認済み。かざしてください"))
        elif iphone:
            show_text(self.phone_screen, t("iPhone：Face IDで確認してください"))
        else:
            show_text(self.phone_screen, t("Android：暗証番号は読み取り機で入力"))

    def refresh(self, _snapshot: object = None) -> None:
        """Show the selected phone's state again (after a reading spent its Face ID, say)."""
        self._show_phone_screen()

    def authenticate_selected(self) -> None:
        """The simulated Face ID / Touch ID on the phone's own screen."""
        phone = self._phone()
        if phone is None:
            return
        if phone.authenticate_on_phone():
            self._show_phone_screen()
        elif not phone.profile.set_up:
            self._show_phone_screen(t("iPhone：マイナンバーカードがありません"))
        else:
            self._show_phone_screen(t("iPhone：顔を認識できませんでした"))

    def hold_selected(self) -> None:
        phone = self._phone()
        if phone is not None:
            self.phone_reader.insert(phone)

    def take_phone(self) -> None:
        self.phone_reader.remove()
        phone = self._phone()
        if phone is not None and self.face_reader.card is phone:
            self.face_reader.remove()
        self._show_phone_screen()

    def place_on_face_reader(self) -> None:
        phone = self._phone()
        if phone is not None:
            self.face_reader.insert(phone)

    def reset_selected(self) -> None:
        persona = self.selected()
        if persona is None:
            return
        if self.phone_reader.card is persona.phone:
            self.phone_reader.remove()
        persona.reset_phone()
        self._show_phone_screen(t("{name}さんのスマホのロックを解除しました（練習用）", name=persona.name))
