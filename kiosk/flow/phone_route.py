"""The スマホ保険証 route's card work: what the 汎用カードリーダー read from the phone held over it, sorted into
the few outcomes the reception acts on. Qt-free; the job runs on the phone reader's hardware thread.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mynakiosk.i18n import N_

if TYPE_CHECKING:
    from mynakiosk_hardware.phone import PhoneKind
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.readers.base import CardChannel, CardJob


class Held(enum.Enum):
    """What the 汎用カードリーダー found."""

    AUTHENTICATED = "authenticated"  # the phone signed the challenge: on to the back end
    WRONG_PIN = "wrong pin"  # Android: the phone's PIN did not match; tries left on the phone
    LOCKED = "locked"  # Android: the phone's PIN is locked
    NEEDS_BIOMETRIC = "needs biometric"  # iPhone held before Face ID / Touch ID on the phone
    NOT_PRESENTED = "not presented"  # nothing answered as a JPKI token (no card added to this phone)
    OTHER_KIND = "other kind"  # an iPhone after 「Android」 was chosen, or the other way round
    CARD = "card"  # a plastic card: it goes on the face reader
    UNKNOWN = "unknown"  # something else

    @property
    def message(self) -> str:
        """What the reader's screen says, for the outcomes that ask the patient to try again."""
        return {
            Held.NEEDS_BIOMETRIC: N_(
                "iPhoneで顔認証（Face ID）または指紋認証（Touch ID）をしてから、もう一度かざしてください。"
            ),
            Held.NOT_PRESENTED: N_(
                "スマートフォンを読み取れませんでした。マイナンバーカードを追加したスマートフォンか確かめて、"
                "もう一度かざしてください。"
            ),
            Held.OTHER_KIND: N_(
                "選んだ種類と違うスマートフォンです。iPhoneかAndroidかを選び直してください。"
            ),
            Held.CARD: N_(
                "マイナンバーカードは、こちらの顔認証付きカードリーダーに置いてください。"
                "横の読み取り機はスマートフォン用です。"
            ),
            Held.UNKNOWN: N_("スマートフォンを読み取れませんでした。もう一度かざしてください。"),
        }.get(self, "")


@dataclass(frozen=True)
class PhoneReading:
    """The outcome of one hold, with the phone's tries left (Android) and, when authenticated, what the back
    end checks: the signature over its challenge and the phone's certificate."""

    held: Held
    tries_left: int | None = None
    signature: bytes = b""
    certificate: bytes = b""


def read_held_phone(
    kind: PhoneKind, challenge: bytes, pin: Pin | None, *, allow_real_phone: bool = False
) -> CardJob[PhoneReading]:
    """The job for the phone reader: authenticate the phone of ``kind`` (with ``pin`` for Android)."""
    from mynakiosk_hardware.jpki_phone import (
        BiometricNeeded,
        HeldToken,
        PhoneNotPresented,
        authenticate_phone,
    )

    def job(channel: CardChannel) -> PhoneReading:
        try:
            auth = authenticate_phone(channel, challenge, pin, allow_real_phone=allow_real_phone)
        except BiometricNeeded:
            return PhoneReading(Held.NEEDS_BIOMETRIC)
        except PhoneNotPresented:
            return PhoneReading(Held.NOT_PRESENTED)
        if auth.token is HeldToken.CARD:
            return PhoneReading(Held.CARD)
        if auth.token.phone_kind is None:
            return PhoneReading(Held.UNKNOWN)
        if auth.token.phone_kind is not kind:
            return PhoneReading(Held.OTHER_KIND)
        if auth.verify is not None and not auth.verify.verified:
            held = Held.LOCKED if auth.verify.blocked else Held.WRONG_PIN
            return PhoneReading(held, auth.verify.tries_left)
        if not auth.authenticated:  # Android without a PIN typed: the reception always sends one
            return PhoneReading(Held.UNKNOWN)
        tries = auth.verify.tries_left if auth.verify is not None else None
        return PhoneReading(Held.AUTHENTICATED, tries, auth.signature, auth.certificate)

    return job
