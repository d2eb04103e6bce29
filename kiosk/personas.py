"""People whose virtual cards the card picker offers: the household of the current scenario.

Practice PINs are shown to the family in the card picker: they belong to emulated cards only, and the
kiosk never logs or stores the PIN a person types.
"""

from __future__ import annotations

import threading
from dataclasses import field, replace
from typing import TYPE_CHECKING

from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk_hardware.card import MyNumberCard
    from mynakiosk_hardware.phone import EmulatedPhone, PhoneProfile
    from mynakiosk_hardware.profile import CardProfile

# The key warm-up thread and the GUI thread may both ask for a persona's card first.
_CARD_LOCK = threading.Lock()


@record(frozen=False)
class Persona:
    """A household member the card picker offers, with the practice card the scenario gives them."""

    key: str
    name: str
    relation: str
    age: int
    initial_profile: CardProfile = field(repr=False)
    # The スマホ保険証 the scenario gives them (None: no phone with the card added, e.g. a child under 15).
    initial_phone: PhoneProfile | None = field(default=None, repr=False)
    _card: MyNumberCard | None = field(default=None, init=False, repr=False, compare=False)
    _phone: EmulatedPhone | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def card(self) -> MyNumberCard:
        """The persona's emulated card, made when first used: showing the idle screen needs no card."""
        with _CARD_LOCK:
            if self._card is None:
                from mynakiosk_hardware.card import MyNumberCard

                self._card = MyNumberCard(self.profile())
            return self._card

    @property
    def phone(self) -> EmulatedPhone | None:
        """The persona's emulated phone (its own certificate, PIN and counter), made when first used."""
        if self.initial_phone is None:
            return None
        with _CARD_LOCK:
            if self._phone is None:
                from mynakiosk_hardware.phone import EmulatedPhone

                self._phone = EmulatedPhone(replace(self.initial_phone))
            return self._phone

    def profile(self) -> CardProfile:
        """A fresh copy of the card's profile as the scenario describes it (counters included)."""
        return replace(self.initial_profile)

    @property
    def practice_pin(self) -> str | None:
        return self.initial_profile.auth_pin

    @property
    def label(self) -> str:
        if self.relation:
            return N_("{name}（{relation}・{age}歳）", name=self.name, relation=self.relation, age=self.age)
        return N_("{name}（{age}歳）", name=self.name, age=self.age)

    def reset_card(self) -> None:
        """Unlock the practice card (what the 市区町村 window does for a real one)."""
        from mynakiosk_hardware.card import MyNumberCard

        with _CARD_LOCK:
            self._card = MyNumberCard(replace(self.initial_profile, auth_pin_tries=3))

    def reset_phone(self) -> None:
        """Unlock the practice phone's PIN (what パスワードの初期化 in the マイナポータル app does, with the card)."""
        if self.initial_phone is None:
            return
        from mynakiosk_hardware.phone import PHONE_PIN_MAX_TRIES, EmulatedPhone

        with _CARD_LOCK:
            self._phone = EmulatedPhone(replace(self.initial_phone, auth_pin_tries=PHONE_PIN_MAX_TRIES))
