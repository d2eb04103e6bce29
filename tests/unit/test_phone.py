"""The emulated phone (スマホ用電子証明書) and the 汎用カードリーダー's exchange with it, APDU by APDU."""

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from mynakiosk_hardware import jpki
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.jpki_phone import (
    BiometricNeeded,
    HeldToken,
    PhoneNotPresented,
    authenticate_phone,
    held_token,
)
from mynakiosk_hardware.phone import PHONE_ATR, EmulatedPhone, PhoneKind, PhoneProfile
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile, CertificateStatus, ProfileError
from mynakiosk_hardware.readers.virtual import VirtualReader

CARD = CardProfile("山田 太郎", "2468", sign_password="YAMADA85", birth_date=dt.date(1985, 3, 3))
CHALLENGE = b"\x01" * 32


def android(**changes):
    return EmulatedPhone(PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357", **changes))


def iphone(**changes):
    return EmulatedPhone(PhoneProfile.issued_from(CARD, PhoneKind.IPHONE, **changes))


def held(phone, job):
    """Hold ``phone`` over an in-process 汎用カードリーダー and run ``job`` on it."""
    reader = VirtualReader("汎用カードリーダー (test)")
    try:
        reader.insert(phone)
        return reader.submit(job).result(timeout=10)
    finally:
        reader.close()


def verifies(authentication, challenge=CHALLENGE):
    certificate = x509.load_der_x509_certificate(authentication.certificate)
    certificate.public_key().verify(authentication.signature, challenge, padding.PKCS1v15(), hashes.SHA256())
    return certificate


def test_an_android_phone_has_its_own_certificate_key_and_serial_linked_to_the_card():
    phone = android()
    result = held(phone, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("1357")))
    assert result.token is HeldToken.ANDROID and result.verify.verified
    certificate = verifies(result)
    card_certificate = x509.load_der_x509_certificate(MyNumberCard(CARD).auth_certificate_der)
    assert certificate.serial_number == phone.profile.certificate_serial != CARD.certificate_serial
    assert phone.profile.card_certificate_serial == CARD.certificate_serial
    assert certificate.public_key().public_numbers() != card_certificate.public_key().public_numbers()


def test_the_android_pin_has_its_own_counter_and_locks_after_three():
    card = MyNumberCard(CardProfile("山田 太郎", "2468"))
    phone = android()
    for tries_left in (2, 1, 0):
        result = held(phone, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("2468")))  # the card's PIN
        assert not result.verify.verified and result.verify.tries_left == tries_left
        assert not result.authenticated
    assert phone.profile.auth_pin_tries == 0 and card.profile.auth_pin_tries == 3
    locked = held(phone, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("1357")))
    assert locked.verify.blocked  # even the right PIN, once locked


def test_a_right_pin_resets_the_phone_counter():
    phone = android(auth_pin_tries=1)
    result = held(phone, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("1357")))
    assert result.authenticated and phone.profile.auth_pin_tries == 3


def test_the_android_certificate_is_not_readable_before_the_pin():
    phone = android()
    phone.power_on()
    select = "00A4040C0A" + jpki.JPKI_AID.hex()
    answers = [
        phone.execute(bytes.fromhex(c)).hex().upper() for c in (select, "00A4020C02000A", "00B0000004")
    ]
    assert answers[-1] == "6982"


def test_an_android_phone_without_a_pin_typed_only_says_what_it_is():
    result = held(android(), lambda ch: authenticate_phone(ch, CHALLENGE))
    assert result.token is HeldToken.ANDROID and result.verify is None and not result.authenticated


def test_an_iphone_answers_only_after_face_id_on_the_phone_and_for_one_signature():
    phone = iphone()
    with pytest.raises(BiometricNeeded):
        held(phone, lambda ch: authenticate_phone(ch, CHALLENGE))
    assert phone.authenticate_on_phone()
    result = held(phone, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("0000")))  # a PIN is ignored
    assert result.token is HeldToken.IPHONE and result.verify is None
    verifies(result)
    with pytest.raises(PhoneNotPresented):  # the next reception needs Face ID again
        held(phone, lambda ch: authenticate_phone(ch, CHALLENGE))


def test_face_id_that_does_not_recognise_the_person_opens_nothing():
    phone = iphone(biometric_match=False)
    assert not phone.authenticate_on_phone()
    with pytest.raises(PhoneNotPresented):
        held(phone, lambda ch: authenticate_phone(ch, CHALLENGE))


def test_a_new_phone_the_card_was_never_added_to_has_no_jpki_ap():
    with pytest.raises(PhoneNotPresented):
        held(android(set_up=False), held_token)


def test_a_card_held_over_the_phone_reader_is_named_and_left_alone():
    card = MyNumberCard(CardProfile("山田 太郎", "2468"))
    result = held(card, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("2468")))
    assert result.token is HeldToken.CARD and not result.authenticated
    assert card.profile.auth_pin_tries == 3  # no VERIFY was sent to the card


def test_the_phone_looks_like_a_contactless_device_not_a_my_number_card():
    phone = android()
    assert phone.atr() == PHONE_ATR and PHONE_ATR[0] == 0x3B
    check = 0
    for byte in PHONE_ATR[1:]:
        check ^= byte
    assert check == 0  # TCK makes the XOR of T0..TCK zero
    found = held(phone, jpki.identify)
    assert not found.is_mynumber_card and found.token.startswith("JPKIAPGPSETOKEN")


def test_a_replaced_phone_keeps_its_certificate_but_the_ca_has_revoked_it():
    old = PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357")
    assert old.replaced().certificate_status is CertificateStatus.REVOKED
    assert old.replaced().certificate_serial == old.certificate_serial


def test_the_same_card_and_kind_give_the_same_phone_serial_and_kinds_differ():
    a = PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357")
    b = PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "9999")
    c = PhoneProfile.issued_from(CARD, PhoneKind.IPHONE)
    assert a.certificate_serial == b.certificate_serial != c.certificate_serial


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": PhoneKind.ANDROID, "auth_pin": None}, "auth_pin"),
        ({"auth_pin": "12345"}, "auth_pin"),
        ({"auth_pin_tries": 4}, "auth_pin_tries"),
        ({"card_certificate_serial": 0}, "card_certificate_serial"),
        ({"certificate_serial": CARD.certificate_serial}, "certificate_serial"),
        ({"certificate_not_after": dt.date(2020, 1, 1)}, "certificate_not_after"),
    ],
)
def test_a_profile_that_cannot_describe_a_phone_names_the_field(changes, field):
    values = {"holder": "山田 太郎", "card_certificate_serial": CARD.certificate_serial, "auth_pin": "1357"}
    with pytest.raises(ProfileError, match=field):
        PhoneProfile(**(values | changes))


def test_a_real_phone_is_never_sent_a_pin_without_opt_in_nor_at_its_last_try(monkeypatch):
    from mynakiosk_hardware import phone as phone_module
    from mynakiosk_hardware import pki

    monkeypatch.setattr(
        phone_module, "_auth_ca_der", lambda: pki.test_ca(pki.AUTH_OU, pki.REAL_ORGANIZATION).der
    )
    real = android()
    with pytest.raises(jpki.RealCardProtected):
        held(real, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("0000")))
    assert real.profile.auth_pin_tries == 3
    opted_in = held(real, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("0000"), allow_real_phone=True))
    assert opted_in.verify.tries_left == 2
    real.profile.auth_pin_tries = 1
    with pytest.raises(jpki.RealCardProtected):
        held(real, lambda ch: authenticate_phone(ch, CHALLENGE, Pin("0000"), allow_real_phone=True))
    assert real.profile.auth_pin_tries == 1
