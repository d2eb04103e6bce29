"""What the screens show: one immutable ``Snapshot`` per change, made by the reception (``flow/reception.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk.domain.fallback import FallbackGuidance
    from mynakiosk.flow.machine import State
    from mynakiosk_hardware.phone import PhoneKind


@record(slots=True)
class Snapshot:
    """What the screens show. Never holds a PIN. Screens render it; they decide nothing."""

    state: State
    tries_left: int | None = None
    wrong_pin: bool = False
    fallback: FallbackGuidance | None = None
    message: str = ""
    notice: str = ""  # how this card is used (training card, real card protected), shown on every screen
    alert: str = ""  # 更新アラート, 資格情報の提供のみ, カードの取り忘れ
    face_locked: bool = False  # too many face failures with this card: 顔認証 is not offered
    face_offered: bool = True  # the card has a photo (infants' cards have none: PIN only)
    face_attempt: int = 0  # the captures taken in this visit (「2回目」: a repeated tap visibly differs)
    face_tries_left: int | None = None  # face failures left before 顔認証 is off for this card
    face_failures: int = 0  # failed matches counted for this card (prompts are not counted)
    pin_offered: bool = True  # the card has a PIN (a 顔認証マイナンバーカード has none: face or 目視 only)
    visual_offered: bool = False  # staff may start a 目視確認 now
    phone_offered: bool = (
        False  # a 汎用カードリーダー is installed and ready: 「スマートフォン」 on the idle screen
    )
    phone_kind: PhoneKind | None = None  # the phone chosen (iPhone: Face ID on it; Android: its PIN here)
    by_phone: bool = False  # this visit is a スマホ保険証 one: no card to take away at the end
