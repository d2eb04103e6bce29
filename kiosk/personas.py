"""The built-in practice household whose virtual cards the card picker offers. All data is fictional.

Practice PINs are shown to the family in the card picker: they belong to emulated cards only, and the
kiosk never logs or stores the PIN a person types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hardware.card import MyNumberCard
from hardware.profile import CardProfile


@dataclass
class Persona:
    key: str
    name: str
    relation: str
    age: int
    practice_pin: str = field(repr=False)
    birth_date: dt.date = dt.date(2017, 5, 14)
    sign_password: str | None = field(default=None, repr=False)
    card: MyNumberCard = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.card = MyNumberCard(self.profile())

    def profile(self) -> CardProfile:
        return CardProfile(
            holder=self.name,
            auth_pin=self.practice_pin,
            birth_date=self.birth_date,
            sign_password=self.sign_password,  # no signature certificate under 15
        )

    @property
    def label(self) -> str:
        return f"{self.name}（{self.relation}・{self.age}歳）"

    def reset_card(self) -> None:
        """Unlock the practice card (what the 市区町村 window does for a real one)."""
        self.card = MyNumberCard(self.profile())


def default_household() -> list[Persona]:
    return [
        Persona("sakura", "山田 さくら", "長女", 8, practice_pin="1234", birth_date=dt.date(2018, 5, 14)),
        Persona("yuto", "山田 ゆうと", "長男", 4, practice_pin="5678", birth_date=dt.date(2022, 1, 9)),
        Persona(
            "taro",
            "山田 太郎",
            "父",
            41,
            practice_pin="2468",
            birth_date=dt.date(1985, 3, 3),
            sign_password="YAMADA85",
        ),
    ]
