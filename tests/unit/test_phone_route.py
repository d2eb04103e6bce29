"""The phone route's card work and domain rules: what a hold on the 汎用カードリーダー comes to."""

import datetime as dt

import pytest

from mynakiosk.domain.fallback import FallbackReason
from mynakiosk.domain.qualification import PhoneRefusal
from mynakiosk.domain.smartphone import (
    can_have_smartphone_card,
    guidance_for_phone_lock,
    guidance_for_phone_refusal,
    guidance_for_unread_phone,
)
from mynakiosk.flow.phone_route import Held, read_held_phone
from mynakiosk.personas import Persona
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.phone import EmulatedPhone, PhoneKind, PhoneProfile
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile

CARD = CardProfile("山田 花子", "2468", sign_password="HANAKO88", birth_date=dt.date(1988, 7, 1))
CHALLENGE = b"\x11" * 32


class Channel:
    def __init__(self, card):
        self.card = card

    def transmit(self, apdu):
        return self.card.execute(apdu)


def hold(held, kind, pin=None):
    return read_held_phone(kind, CHALLENGE, Pin(pin) if pin else None)(Channel(held))


def android(**changes):
    return EmulatedPhone(PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357", **changes))


def iphone(**changes):
    return EmulatedPhone(PhoneProfile.issued_from(CARD, PhoneKind.IPHONE, **changes))


def test_an_android_phone_with_its_pin_is_authenticated():
    reading = hold(android(), PhoneKind.ANDROID, "1357")
    assert reading.held is Held.AUTHENTICATED and reading.signature and reading.certificate
    assert reading.tries_left == 3


def test_a_wrong_android_pin_counts_down_then_locks():
    phone = android(auth_pin_tries=2)
    assert hold(phone, PhoneKind.ANDROID, "0000").held is Held.WRONG_PIN
    locked = hold(phone, PhoneKind.ANDROID, "0000")
    assert locked.held is Held.LOCKED and locked.tries_left == 0


def test_an_iphone_before_face_id_asks_for_it_and_after_it_is_authenticated():
    phone = iphone()
    assert hold(phone, PhoneKind.IPHONE).held is Held.NEEDS_BIOMETRIC
    phone.authenticate_on_phone()
    assert hold(phone, PhoneKind.IPHONE).held is Held.AUTHENTICATED


def test_a_phone_never_set_up_is_not_presented():
    assert hold(android(set_up=False), PhoneKind.ANDROID, "1357").held is Held.NOT_PRESENTED


def test_the_other_kind_of_phone_is_named_and_a_card_is_sent_to_the_face_reader():
    phone = iphone()
    phone.authenticate_on_phone()
    assert hold(phone, PhoneKind.ANDROID, "1357").held is Held.OTHER_KIND
    card = MyNumberCard(CardProfile("山田 花子", "2468"))
    assert hold(card, PhoneKind.ANDROID, "2468").held is Held.CARD
    assert card.profile.auth_pin_tries == 3
    assert all(held.message for held in Held if held not in (Held.AUTHENTICATED, Held.WRONG_PIN, Held.LOCKED))


@pytest.mark.parametrize(
    ("birth_date", "can"),
    [(dt.date(2011, 1, 15), True), (dt.date(2011, 1, 16), False), (dt.date(2018, 5, 14), False)],
)
def test_no_smartphone_card_under_15(birth_date, can):
    assert can_have_smartphone_card(birth_date, dt.date(2026, 1, 15)) is can


def test_phone_guidance_offers_the_card_first_and_says_how_to_recover():
    lock = guidance_for_phone_lock()
    assert lock.reason is FallbackReason.PHONE and "マイナンバーカード" in lock.documents[0]
    assert "マイナポータルアプリ" in lock.remedy
    refused = guidance_for_phone_refusal(PhoneRefusal.REPLACED)
    assert refused.cause == PhoneRefusal.REPLACED.value and "機種変更" in refused.cause
    assert any("マイナポータル" in document for document in guidance_for_unread_phone().documents)


def test_a_persona_phone_is_its_own_and_its_lock_is_reset_apart_from_the_card():
    persona = Persona(
        "hanako",
        "山田 花子",
        "母",
        37,
        CARD,
        PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357", auth_pin_tries=0),
    )
    assert persona.phone is persona.phone and persona.phone.profile.auth_pin_tries == 0
    persona.reset_phone()
    assert persona.phone.profile.auth_pin_tries == 3 and persona.card.profile.auth_pin_tries == 3
    assert Persona("sakura", "山田 さくら", "長女", 7, CARD).phone is None
