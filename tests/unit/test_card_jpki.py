"""The emulated card's certificates, keys, PIN objects and other APs, byte by byte."""

import datetime as dt
import hashlib

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.x509.oid import NameOID

from mynakiosk_hardware import jpki, pki
from mynakiosk_hardware.card import JPKI_AID, TEXT_AID, VISUAL_AID, MyNumberCard, fake_my_number
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile

SELECT_JPKI = "00A4040C0A" + JPKI_AID.hex()


def run(card, *commands):
    return [card.execute(bytes.fromhex(c)).hex().upper() for c in commands]


def data(answer_hex):
    return bytes.fromhex(answer_hex[:-4])


@pytest.fixture(scope="module")
def adult():
    card = MyNumberCard(
        CardProfile("山田 太郎", "2468", sign_password="YAMADA85", birth_date=dt.date(1985, 3, 3))
    )
    card.power_on()
    return card


@pytest.fixture
def fresh_adult(adult):
    adult.power_off()
    adult.power_on()
    adult.profile.auth_pin_tries = 3
    adult.profile.sign_password_tries = 5
    return adult


def read_all(card, fid):
    run(card, f"00A4020C02{fid:04X}")
    return data(run(card, "00B00000000000")[0])  # extended Le 65536: the whole file


def test_auth_certificate_is_readable_without_a_pin_and_padded_with_ff(fresh_adult):
    run(fresh_adult, SELECT_JPKI)
    raw = read_all(fresh_adult, 0x000A)
    certificate = x509.load_der_x509_certificate(raw[: 4 + int.from_bytes(raw[2:4], "big")])
    assert raw.endswith(b"\xff" * 16) and len(raw) == 2048
    assert certificate.serial_number == fresh_adult.profile.certificate_serial
    issuer_o = certificate.issuer.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    assert issuer_o == "JPKI-TEST"
    cn = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert len(cn) == 20 and cn.isdigit()
    assert certificate.not_valid_after_utc.date() == fresh_adult.profile.certificate_not_after


def test_signature_certificate_needs_the_signature_password(fresh_adult):
    run(fresh_adult, SELECT_JPKI, "00A4020C020001")
    assert run(fresh_adult, "00B0000004") == ["6982"]
    assert run(fresh_adult, "00A4020C02001B", "0020008008" + b"YAMADA85".hex()) == ["9000", "9000"]
    assert run(fresh_adult, "00A4020C020001")[0] == "9000"
    assert run(fresh_adult, "00B0000004")[0].startswith("3082")


def test_signature_password_has_five_tries(fresh_adult):
    run(fresh_adult, SELECT_JPKI, "00A4020C02001B")
    wrong = "0020008006" + b"WRONG1".hex()
    assert run(fresh_adult, *[wrong] * 6) == ["63C4", "63C3", "63C2", "63C1", "63C0", "6984"]
    fresh_adult.profile.sign_password_tries = 5


def test_auth_key_signs_a_digest_info_after_the_pin_and_the_signature_verifies(fresh_adult):
    digest_info = jpki.sha256_digest_info(hashlib.sha256(b"challenge").digest())
    sign = "802A0080" + f"{len(digest_info):02X}" + digest_info.hex() + "00"
    run(fresh_adult, SELECT_JPKI, "00A4020C020017")
    assert run(fresh_adult, sign) == ["6982"]  # no PIN yet
    run(fresh_adult, "00A4020C020018", "0020008004" + b"2468".hex(), "00A4020C020017")
    answer = run(fresh_adult, sign)[0]
    assert answer.endswith("9000") and len(data(answer)) == 256
    public = x509.load_der_x509_certificate(fresh_adult.auth_certificate_der).public_key()
    public.verify(data(answer), b"challenge", padding.PKCS1v15(), hashes.SHA256())


def test_key_named_in_p2_and_unknown_schemes(fresh_adult):
    digest_info = jpki.sha256_digest_info(bytes(32))
    body = f"{len(digest_info):02X}" + digest_info.hex() + "00"
    run(fresh_adult, SELECT_JPKI, "0020009804" + b"2468".hex())
    assert run(fresh_adult, "802A0097" + body)[0].endswith("9000")  # P2 = 80 | SFI 17
    assert run(fresh_adult, "802A0197" + body) == ["6A86"]
    assert run(fresh_adult, "802A009A" + body) == ["6982"]  # the sign key needs the signature password


def test_change_reference_data_needs_the_old_pin_and_checks_the_new_one(fresh_adult):
    run(fresh_adult, SELECT_JPKI, "00A4020C020018")
    assert run(fresh_adult, "0024018004" + b"1357".hex()) == ["6982"]
    run(fresh_adult, "0020008004" + b"2468".hex())
    assert run(fresh_adult, "0024018004" + b"12ab".hex()) == ["6A80"]
    assert run(fresh_adult, "0024018004" + b"1357".hex()) == ["9000"]
    assert run(fresh_adult, SELECT_JPKI, "00A4020C020018", "0020008004" + b"1357".hex())[-1] == "9000"
    run(fresh_adult, "0024018004" + b"2468".hex())


def test_text_ap_my_number_needs_its_pin_and_is_never_a_valid_number(fresh_adult):
    run(fresh_adult, "00A4040C0A" + TEXT_AID.hex(), "00A4020C020001")
    assert run(fresh_adult, "00B0000011") == ["6982"]
    run(fresh_adult, "00A4020C020011", "0020008004" + b"2468".hex(), "00A4020C020001")
    raw = data(run(fresh_adult, "00B0000011")[0])
    assert len(raw) == 17 and raw.endswith(b"\xff\xff")
    number = raw[3:15].decode()
    assert number == fake_my_number(fresh_adult.profile.certificate_serial)
    digits = [int(d) for d in number[:11]]
    total = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(digits), start=1))
    valid_check = 0 if total % 11 <= 1 else 11 - total % 11
    assert int(number[11]) != valid_check  # deliberately not a possible real My Number


def test_visual_ap_face_needs_collation_number_b(fresh_adult):
    run(fresh_adult, "00A4040C0A" + VISUAL_AID.hex(), "00A4020C020002")
    assert run(fresh_adult, "00B0000004") == ["6982"]
    pin_b = fresh_adult.visual_pin_b.encode().hex()
    assert run(fresh_adult, "00A4020C020012", "002000800E" + pin_b) == ["9000", "9000"]
    run(fresh_adult, "00A4020C020002")
    face = read_all(fresh_adult, 0x0002)
    assert b"\x5f\x2e" in face and b"\x89PNG" in face


def test_photo_less_infant_card_has_no_face_image():
    card = MyNumberCard(CardProfile("乳児", "1111", photo=False, birth_date=dt.date(2026, 3, 1)))
    run(
        card,
        "00A4040C0A" + VISUAL_AID.hex(),
        "00A4020C020012",
        "002000800E" + card.visual_pin_b.encode().hex(),
    )
    face = read_all(card, 0x0002)
    assert b"\x5f\x2e" not in face and b"\x89PNG" not in face


def test_face_only_card_has_no_pin():
    """顔認証マイナンバーカード: its PINs were never set, so they answer as every never-set reference does
    (63C0 to the empty VERIFY, 6984 to a VERIFY); its 利用者証明用電子証明書 is there, its 署名用 is not."""
    card = MyNumberCard(CardProfile("顔認証カード", None))
    assert run(card, SELECT_JPKI, "00A4020C020018", "00200080", "0020008004" + b"1234".hex()) == [
        "9000",
        "9000",
        "63C0",
        "6984",
    ]
    assert run(card, "00A4020C02001B", "00200080") == ["9000", "63C0"]
    assert read_all(card, 0x000A)[:2] == b"\x30\x82"  # the user-authentication certificate
    assert read_all(card, 0x0002) == b"\xff" * 2048  # no 署名用電子証明書: its CA's EF is empty
    text = ["00A4040C" + f"{len(TEXT_AID):02X}" + TEXT_AID.hex(), "00A4020C020011", "00200080"]
    assert run(card, *text) == ["9000", "9000", "63C0"]  # the 券面事項入力補助 PIN: none either
    assert card.profile.auth_pin_tries == 3  # nothing was counted


def test_child_card_keeps_the_unissued_signature_files():
    """Under 15: the EFs are there with nothing in them, and the password answers as never set."""
    card = MyNumberCard(CardProfile("子", "1234"))
    assert run(card, SELECT_JPKI, "00A4020C020008") == ["9000", "9000"]
    assert run(card, "00B0000003") == ["008F009000"]
    assert run(card, "00A4020C020001", "00B0000004") == ["9000", "6982"]
    assert read_all(card, 0x0002) == b"\xff" * 2048
    assert run(card, "00A4020C02001B", "00200080", "0020008008" + b"SAKURA18".hex()) == [
        "9000",
        "63C0",
        "6984",
    ]
    digest_info = jpki.sha256_digest_info(hashlib.sha256(b"x").digest())
    assert run(card, "00A4020C02001A", "802A0080" + f"{len(digest_info):02X}" + digest_info.hex() + "00") == [
        "9000",
        "6982",
    ]
    assert card.profile.sign_password_tries == 5  # nothing was spent


def test_get_challenge_and_select_mf():
    card = MyNumberCard(CardProfile("x", "1234"))
    answer = card.execute(bytes.fromhex("0084000008"))
    assert len(answer) == 10 and answer.endswith(b"\x90\x00")
    assert run(card, "00A40000") == ["6A86"]


def test_client_authenticate_returns_a_signature_the_certificate_verifies():
    card = MyNumberCard(CardProfile("x", "1234"))

    class Channel:
        def transmit(self, apdu):
            return card.execute(apdu)

    result = jpki.authenticate(Channel(), Pin("1234"), b"nonce-123")
    assert result.verify.verified
    certificate = x509.load_der_x509_certificate(result.certificate)
    certificate.public_key().verify(result.signature, b"nonce-123", padding.PKCS1v15(), hashes.SHA256())
    assert pki.is_test_certificate(result.certificate)
    assert pki.certificate_serial(result.certificate) == card.profile.certificate_serial

    wrong = jpki.authenticate(Channel(), Pin("0000"), b"nonce")
    assert not wrong.verify.verified and wrong.signature == b"" and wrong.verify.tries_left == 2
