"""Which card is on the reader, and how the visit may use it (Qt-free).

* an emulated or test My Number card (certificate issued under JPKI-TEST): the PIN goes to the card;
* a real My Number card: by default its PIN is **never** sent; the PIN typed is checked against the
  persona the card is enrolled to. With the user's explicit opt-in the card itself checks it, except when
  one try is left. (``hardware.jpki.guarded_verify`` enforces the same on the card, as a second net.)
* a training card (any contactless card whose UID is enrolled): plays its persona's virtual card;
* anything else: 「読み取りに失敗しました」, as on a real reader.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk.personas import Persona
    from mynakiosk.roster import Roster
    from mynakiosk_hardware.card import MyNumberCard
    from mynakiosk_hardware.jpki import CardSurvey


class CardKind(enum.Enum):
    EMULATED = "emulated My Number card"
    REAL = "real My Number card"
    TRAINING = "training card"
    UNKNOWN = "not a My Number card"


@record
class VisitCard:
    """How this visit uses the card. ``substitute``: the virtual card the PIN is checked on instead."""

    kind: CardKind
    persona: Persona | None = None
    substitute: MyNumberCard | None = None
    verify_on_card: bool = False  # a real card whose owner opted in to real PIN checks
    notice: str = ""
    refusal: str | None = None  # set when the card cannot be used; the message says why


class CardPolicy:
    def __init__(self, personas: list[Persona], roster: Roster, *, real_card_verify: bool = False) -> None:
        self.personas = {p.key: p for p in personas}
        self.roster = roster
        self.real_card_verify = real_card_verify

    def plan(self, found: CardSurvey) -> VisitCard:
        if not found.identity.is_mynumber_card:
            persona = self._persona(self.roster.persona_for_uid(found.uid) if found.uid else None)
            if persona is None:
                return VisitCard(
                    CardKind.UNKNOWN,
                    refusal=N_("マイナンバーカードではないか、ICチップを読み取れませんでした。"),
                )
            return VisitCard(
                CardKind.TRAINING,
                persona,
                persona.card,
                notice=N_("練習用カード：{persona}のカードとして扱います", persona=persona.label),
            )
        if found.proven_emulated:  # its test certificate was read: the one evidence a PIN may go to it
            return VisitCard(CardKind.EMULATED)
        persona = self._persona(
            self.roster.persona_for_certificate(found.certificate_serial)
            if found.certificate_serial
            else None
        )
        one_left = found.tries_left is not None and found.tries_left <= 1
        if self.real_card_verify and found.tries_to_spare:  # tries unknown or no PIN: never on the card
            return VisitCard(
                CardKind.REAL,
                persona,
                verify_on_card=True,
                notice=N_("実物のカード：暗証番号をカードで照合します（設定で許可済み）"),
            )
        if persona is None:
            if one_left:
                refusal = N_(
                    "暗証番号の残り回数が1回のため、実物のカードでは照合しません。"
                    "実物のマイナンバーカードです。練習に使うには、練習用の人物に登録してください"
                    "（{command}）。登録すると、暗証番号はカードに送らずに練習用の番号で照合します。",
                    command="kiosk card enroll",
                )
            else:
                refusal = N_(
                    "実物のマイナンバーカードです。練習に使うには、練習用の人物に登録してください"
                    "（{command}）。登録すると、暗証番号はカードに送らずに練習用の番号で照合します。",
                    command="kiosk card enroll",
                )
            return VisitCard(CardKind.REAL, refusal=refusal)
        return VisitCard(
            CardKind.REAL,
            persona,
            persona.card,
            notice=N_(
                "実物のカード：暗証番号はカードに送らず、{name}さんの練習用の番号で照合します",
                name=persona.name,
            ),
        )

    def _persona(self, key: str | None) -> Persona | None:
        return self.personas.get(key) if key else None
