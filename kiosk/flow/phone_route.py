"""The スマホ保険証 route of a visit: choosing the phone, its PIN (Android), and what the 汎用カードリーダー read
from the phone held over it, sorted into the few outcomes the route acts on. Qt-free; the job runs on the
phone reader's hardware thread (``flow/card_io.py``). The reception starts the route (「スマートフォン」 on the
idle screen) and takes over once the phone's certificate is read (``Steps.identified``).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.domain.smartphone import guidance_for_phone_lock
from mynakiosk.domain.visit import ReceptionRecord
from mynakiosk.flow.intents import UnexpectedIntent
from mynakiosk.flow.machine import Event
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk.flow import intents as i
    from mynakiosk.flow.card_io import CardIO
    from mynakiosk.flow.visit import Steps
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


@record
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


class PhoneRoute:
    """The phone steps of a スマホ保険証 visit, on the reception's ``Steps``."""

    def __init__(self, steps: Steps, cards: CardIO) -> None:
        self._steps, self._cards = steps, cards
        self.ready = False  # a 汎用カードリーダー is connected and ready

    def start(self, intent: i.ChooseSmartphone) -> None:
        """「スマートフォン」 on the idle screen: a スマホ保険証 visit begins."""
        steps = self._steps
        if (
            not steps.snapshot.phone_offered
        ):  # no 汎用カードリーダー here: the screen offers no 「スマートフォン」
            raise UnexpectedIntent(steps.state, intent)
        self._cards.next_visit()
        steps.visit.by_phone = True
        steps.visit.record = ReceptionRecord(steps.now())  # whose it is, the phone's certificate will say
        steps.go(Event.PHONE_CHOSEN)

    def choose_kind(self, kind: PhoneKind) -> None:
        """iPhone (Face ID on the phone) or Android (its PIN typed here)."""
        from mynakiosk_hardware.phone import PhoneKind

        android = kind is PhoneKind.ANDROID
        visit = self._steps.visit
        visit.phone_kind, visit.phone_pin = kind, None
        # The staff console and the result file say the visit was by phone.
        visit.note(method=IdentityMethod.PHONE_PIN if android else IdentityMethod.PHONE_BIOMETRIC)
        self._steps.go(Event.ANDROID_CHOSEN if android else Event.IPHONE_CHOSEN)

    def pin_typed(self, pin: Pin) -> None:
        """Android: the PIN waits here until the phone is held (it is checked on the phone, not here)."""
        self._steps.visit.phone_pin = pin
        self._steps.go(Event.PIN_SUBMITTED)

    async def read(self, visit_id: int) -> None:
        """The phone is held over the 汎用カードリーダー: authenticate it, then act on what was found."""
        visit, steps = self._steps.visit, self._steps
        assert visit.phone_kind is not None
        challenge = steps.challenge()
        job = read_held_phone(visit.phone_kind, challenge, visit.phone_pin)
        reading = await self._cards.on_phone(job, visit_id)
        held = reading.held
        if held in (Held.WRONG_PIN, Held.LOCKED, Held.AUTHENTICATED, Held.OTHER_KIND):
            visit.phone_pin = None  # used once, or for the wrong phone: never kept
        if reading.tries_left is not None:
            visit.tries = reading.tries_left
        if held is Held.WRONG_PIN:
            steps.go(Event.PIN_REJECTED, wrong_pin=True)
        elif held is Held.LOCKED:
            steps.go(Event.PIN_BLOCKED, fallback=guidance_for_phone_lock())
        elif held is Held.OTHER_KIND:
            steps.go(Event.BACK, message=held.message)
        elif held is not Held.AUTHENTICATED:
            steps.go(Event.PHONE_NOT_READ, message=held.message)
        else:
            assert visit.record is not None and visit.record.method is not None
            method = visit.record.method
            steps.identified(Event.PHONE_ACCEPTED, method, reading.certificate, reading.signature, challenge)
