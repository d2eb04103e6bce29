"""The simulated オンライン資格確認: the identity step and the result categories."""

import datetime as dt

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from mynakiosk.backend.service import CardLink, QualificationService
from mynakiosk.domain.people import Coverage, Insurer, Person, Relation
from mynakiosk.domain.qualification import CertificateState, IdentityMethod, Validity
from mynakiosk_hardware import jpki, pki
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile

AS_OF = dt.date(2026, 1, 15)


class Channel:
    def __init__(self, card):
        self.card = card

    def transmit(self, apdu):
        return self.card.execute(apdu)


@pytest.fixture
def world():
    card = MyNumberCard(CardProfile("山田 さくら", "1234", birth_date=dt.date(2018, 5, 14)))
    service = QualificationService(
        AS_OF,
        people={"sakura": Person("sakura", "山田 さくら", "ヤマダ サクラ", dt.date(2018, 5, 14), "2")},
        insurers={"06139991": Insurer("06139991", "練習健保")},
        coverages=[
            Coverage(
                "sakura",
                "06139991",
                "3150",
                "27",
                "02",
                Relation.DEPENDENT,
                dt.date(2018, 5, 14),
                reflected=dt.date(2018, 6, 1),
            )
        ],
        links={card.profile.certificate_serial: CardLink(card.profile.certificate_serial, "sakura")},
    )
    return card, service


def identify(card, service, pin="1234"):
    challenge = service.new_challenge()
    auth = jpki.authenticate(Channel(card), Pin(pin), challenge)
    return service.check_identity(auth.certificate, auth.signature, challenge)


def test_a_pin_verified_signature_identifies_the_person(world):
    card, service = world
    identity = identify(card, service)
    assert identity.ok and identity.serial == card.profile.certificate_serial
    result = service.confirm(identity, IdentityMethod.PIN)
    assert result.usable and result.validity is Validity.VALID
    assert result.person.name == "山田 さくら" and result.share.label == "3割"
    assert result.insurer.name == "練習健保" and result.coverage.branch == "02"


def test_a_challenge_is_accepted_once_and_only_if_issued(world):
    card, service = world
    challenge = service.new_challenge()
    auth = jpki.authenticate(Channel(card), Pin("1234"), challenge)
    assert service.check_identity(auth.certificate, auth.signature, challenge).ok
    assert "チャレンジ" in service.check_identity(auth.certificate, auth.signature, challenge).error
    forged = jpki.authenticate(Channel(card), Pin("1234"), b"not issued by the service")
    assert not service.check_identity(forged.certificate, forged.signature, b"not issued by the service").ok


def test_a_signature_by_another_key_is_refused(world):
    card, service = world
    other = MyNumberCard(CardProfile("他人", "1111"))
    challenge = service.new_challenge()
    stolen = jpki.authenticate(Channel(other), Pin("1111"), challenge)
    check = service.check_identity(card.auth_certificate_der, stolen.signature, challenge)
    assert not check.ok and "署名" in check.error


def test_real_certificates_are_never_looked_up(world):
    _, service = world
    real_ca = pki.test_ca(pki.AUTH_OU, organization=pki.REAL_ORGANIZATION)
    key = pki.card_key(42, "auth")
    certificate = pki.issue_certificate(real_ca, key, 42, "0" * 20, dt.date(2022, 1, 1), dt.date(2027, 1, 1))
    check = service.check_identity(certificate.public_bytes(Encoding.DER), None, None)
    assert not check.ok


def test_registration_is_asked_for_then_remembered(world):
    card, service = world
    service.links[card.profile.certificate_serial].registered = False
    first = service.confirm(identify(card, service), IdentityMethod.PIN)
    assert first.needs_registration and first.validity is None
    service.register(card.profile.certificate_serial)
    assert service.confirm(identify(card, service), IdentityMethod.PIN).validity is Validity.VALID


def test_pending_registration_and_lost_records(world):
    card, service = world
    sakura = service.coverages[0]
    service.coverages[0] = Coverage(**{**sakura.__dict__, "lost": dt.date(2026, 1, 1)})
    service.coverages.append(
        Coverage(
            "sakura",
            "06139991",
            "9",
            "1",
            "01",
            Relation.DEPENDENT,
            dt.date(2026, 1, 1),
            reflected=dt.date(2026, 2, 20),
        )
    )
    result = service.confirm(identify(card, service), IdentityMethod.PIN)
    assert result.validity is Validity.INVALID and "反映" in result.cause
    by_numbers = service.lookup_by_numbers("06139991", "3150", "27", "02")
    assert by_numbers.validity is Validity.INVALID  # the new record is not known to the system yet


def test_multiple_valid_records(world):
    card, service = world
    service.coverages.append(
        Coverage(
            "sakura",
            "06139991",
            "9",
            "1",
            "01",
            Relation.DEPENDENT,
            dt.date(2025, 1, 1),
            reflected=dt.date(2025, 2, 1),
        )
    )
    result = service.confirm(identify(card, service), IdentityMethod.PIN)
    assert result.validity is Validity.MULTIPLE and len(result.candidates) == 2 and not result.usable


def test_expired_certificate_gives_error_006(world):
    card, service = world
    service.as_of = dt.date(2030, 1, 1)
    result = service.confirm(identify(card, service), IdentityMethod.PIN)
    assert not result.processing_ok and result.error_code == "006"
    assert result.certificate_state is CertificateState.EXPIRED
    assert "【006:利用者証明用電子証明書の失効・有効期限切れ】" in result.error_message
