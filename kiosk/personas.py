"""The built-in practice household whose virtual cards the card picker offers. All data is fictional.

Practice PINs are shown to the family in the card picker: they belong to emulated cards only, and the
kiosk never logs or stores the PIN a person types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hardware.card import CardProfile, MyNumberCard


@dataclass
class Persona:
    key: str
    name: str
    relation: str
    age: int
    practice_pin: str = field(repr=False)
    card: MyNumberCard = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.card = MyNumberCard(CardProfile(holder=self.name, auth_pin=self.practice_pin))

    @property
    def label(self) -> str:
        return f"{self.name}（{self.relation}・{self.age}歳）"

    def reset_card(self) -> None:
        """Unlock the practice card (what the 市区町村 window does for a real one)."""
        self.card = MyNumberCard(CardProfile(holder=self.name, auth_pin=self.practice_pin))


def default_household() -> list[Persona]:
    return [
        Persona("sakura", "山田 さくら", "長女", 8, practice_pin="1234"),
        Persona("yuto", "山田 ゆうと", "長男", 4, practice_pin="5678"),
        Persona("taro", "山田 太郎", "父", 41, practice_pin="2468"),
    ]
