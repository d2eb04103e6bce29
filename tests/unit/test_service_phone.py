"""The simulated オンライン資格確認 with a スマホ保険証: the phone's certificate stands for its holder's card."""

import datetime as dt

import pytest

from mynakiosk.backend.service import CardLink, QualificationService
from mynakiosk.backend.smartphone import PhoneLink, phone_refusal
from mynakiosk.domain.people import Coverage, Insurer, Person, Relation
from mynakiosk.domain.qualification import CertificateState, IdentityMethod, PhoneRefusal, Validity
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.jpki_phone import authenticate_phone
from mynakiosk_hardware.phone import EmulatedPhone, PhoneKind, PhoneProfile
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile, CertificateStatus

AS_OF = dt.date(2026, 1, 15)
CARD = CardProfile(
    "山田 花子",
    "2468",
    sign_password="HANAKO88",
    birth_date=dt.date(1988, 7, 1),
    certificate_not_before=dt.date(2023, 7, 1),
    certificate_not_after=dt.date(2028, 7, 1),
)


class Channel:
    def __init__(self, card):
        self.card = card

    def transmit(self, apdu):
        return self.card.execute(apdu)


def service_for(
    phone: PhoneProfile, *, card_not_after=CARD.certificate_not_after, card_status=CertificateStatus.VALID
):
    return QualificationService(
        AS_OF,
        people={"hanako": Person("hanako", "山田 花子", "ヤマダ ハナコ", dt.date(1988, 7, 1), "2")},
        insurers={"06139991": Insurer("06139991", "練習健保")},
        coverages=[
            Coverage(
                "hanako",
                "06139991",
                "3150",
                "27",
                "00",
                Relation.SELF,
                dt.date(2010, 4, 1),
                reflected=dt.date(2010, 4, 1),
            )
        ],
        links={CARD.certificate_serial: CardLink(CARD.certificate_serial, "hanako", status=card_status)},
        phones={
            phone.certificate_serial: PhoneLink(
                phone.certificate_serial,
                CARD.certificate_serial,
                card_not_after,
                phone.certificate_status,
            )
        },
    )


def android(**changes):
    return PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357", **changes)


def identify_phone(profile: PhoneProfile, service: QualificationService, pin="1357"):
    phone = EmulatedPhone(profile)
    phone.authenticate_on_phone()
    challenge = service.new_challenge()
    auth = authenticate_phone(Channel(phone), challenge, Pin(pin))
    assert auth.authenticated
    return service.check_identity(auth.certificate, auth.signature, challenge)


@pytest.mark.parametrize("kind", list(PhoneKind))
def test_a_phone_identifies_the_same_person_as_the_card(kind):
    profile = PhoneProfile.issued_from(CARD, kind, "1357")
    service = service_for(profile)
    identity = identify_phone(profile, service)
    assert identity.ok and identity.by_phone and identity.serial == CARD.certificate_serial
    result = service.confirm(identity, IdentityMethod.PIN)
    assert result.usable and result.validity is Validity.VALID and result.person.name == "山田 花子"
    card_identity = service.check_identity(MyNumberCard(CARD).auth_certificate_der, None, None)
    assert card_identity.serial == identity.serial and not card_identity.by_phone


def test_a_phone_certificate_revoked_when_its_owner_changed_phones_is_refused():
    profile = android().replaced()
    service = service_for(profile)
    identity = identify_phone(profile, service)
    assert not identity.ok and identity.phone_refusal is PhoneRefusal.REPLACED
    result = service.confirm(identity, IdentityMethod.PIN)
    assert not result.processing_ok and result.certificate_state is CertificateState.REVOKED
    assert "機種変更" in result.error_message and result.person is None


def test_an_expired_card_certificate_stops_the_phone_without_the_cards_grace():
    profile = android(certificate_not_after=dt.date(2030, 1, 1))
    expired_last_month = dt.date(2025, 12, 20)  # the card itself would still be in its 3-month grace
    identity = identify_phone(profile, service_for(profile, card_not_after=expired_last_month))
    assert not identity.ok and identity.phone_refusal is PhoneRefusal.CARD_EXPIRED


def test_an_expired_phone_certificate_is_refused():
    profile = android(certificate_not_after=dt.date(2026, 1, 1))
    identity = identify_phone(profile, service_for(profile))
    assert not identity.ok and identity.phone_refusal is PhoneRefusal.PHONE_EXPIRED


def test_a_suspended_card_certificate_is_reported_as_the_card_would_be():
    profile = android()
    service = service_for(profile, card_status=CertificateStatus.SUSPENDED)
    identity = identify_phone(profile, service)
    assert identity.ok and identity.certificate_state is CertificateState.SUSPENDED
    assert service.confirm(identity, IdentityMethod.PIN).error_code == "006"


def test_the_card_renewal_alert_shows_through_the_phone():
    profile = android()
    service = service_for(profile, card_not_after=dt.date(2026, 3, 1))
    identity = identify_phone(profile, service)
    assert identity.ok and identity.certificate_state is CertificateState.EXPIRING
    assert service.confirm(identity, IdentityMethod.PIN).renewal_alert


@pytest.mark.parametrize(
    ("phone_state", "card_not_after", "status", "expected"),
    [
        (CertificateState.VALID, dt.date(2027, 1, 1), CertificateStatus.VALID, None),
        (CertificateState.EXPIRING, dt.date(2027, 1, 1), CertificateStatus.VALID, None),
        (CertificateState.VALID, dt.date(2027, 1, 1), CertificateStatus.REVOKED, PhoneRefusal.REPLACED),
        (CertificateState.VALID, dt.date(2027, 1, 1), CertificateStatus.SUSPENDED, PhoneRefusal.SUSPENDED),
        (CertificateState.VALID, dt.date(2026, 1, 14), CertificateStatus.VALID, PhoneRefusal.CARD_EXPIRED),
        (CertificateState.GRACE, dt.date(2027, 1, 1), CertificateStatus.VALID, PhoneRefusal.PHONE_EXPIRED),
        (
            CertificateState.NOT_YET_VALID,
            dt.date(2027, 1, 1),
            CertificateStatus.VALID,
            PhoneRefusal.PHONE_EXPIRED,
        ),
    ],
)
def test_phone_refusal_rules(phone_state, card_not_after, status, expected):
    assert phone_refusal(phone_state, card_not_after, AS_OF, status) is expected
