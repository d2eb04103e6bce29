"""A card is the same card every time: kept keys, a stable test CA, a per-card UID, unique serials."""

import datetime as dt
import os
import subprocess
import sys
import threading

import pytest
from cryptography import x509

from mynakiosk_hardware import pki
from mynakiosk_hardware.card import MyNumberCard, OtherCard, card_uid
from mynakiosk_hardware.profile import CardProfile


def run(card, *commands):
    return [card.execute(bytes.fromhex(c)).hex().upper() for c in commands]


@pytest.fixture
def key_folder(tmp_path, monkeypatch):
    """Keys kept in a folder of this test, and forgotten by this process as if it had just started."""
    monkeypatch.setenv(pki.KEY_CACHE_ENV, str(tmp_path / "keys"))
    monkeypatch.setattr(pki, "_keys", {})
    monkeypatch.setattr(pki, "_cas", {})
    return tmp_path / "keys"


def restart(monkeypatch):
    monkeypatch.setattr(pki, "_keys", {})
    monkeypatch.setattr(pki, "_cas", {})


def test_same_profile_gives_the_same_keys_and_certificates_after_a_restart(key_folder, monkeypatch):
    profile = CardProfile("山田 太郎", "2468", sign_password="YAMADA85", birth_date=dt.date(1985, 3, 3))
    first = MyNumberCard(profile)
    before = (first.auth_certificate_der, first.sign_certificate_der, pki.test_ca().der)
    restart(monkeypatch)
    again = MyNumberCard(
        CardProfile("山田 太郎", "2468", sign_password="YAMADA85", birth_date=dt.date(1985, 3, 3))
    )
    assert (again.auth_certificate_der, again.sign_certificate_der, pki.test_ca().der) == before
    assert {p.name for p in key_folder.iterdir()} == {
        f"card-{profile.certificate_serial}-auth.der",
        f"card-{profile.certificate_serial}-sign.der",
        "ca-jpki-test-auth.der",
        "ca-jpki-test-sign.der",
    }
    assert all(p.stat().st_mode & 0o077 == 0 for p in key_folder.iterdir())  # private to the user


def test_test_ca_is_the_same_in_another_process(key_folder):
    code = "from mynakiosk_hardware import pki; import sys; sys.stdout.write(pki.test_ca().der.hex())"
    env = dict(os.environ, **{pki.KEY_CACHE_ENV: str(key_folder)})
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] == pki.test_ca().der.hex()


def test_two_processes_making_one_key_at_once_end_up_with_one(key_folder):
    path = key_folder / "card-1-auth.der"
    key_folder.mkdir()
    theirs, ours = pki.new_rsa_key(), pki.new_rsa_key()
    assert pki._publish(path, theirs) is theirs
    kept = pki._publish(path, ours)  # lost the race: the key already there wins
    assert kept.private_numbers() == theirs.private_numbers()
    assert [p.name for p in key_folder.iterdir()] == ["card-1-auth.der"]  # no temporary file left


def test_an_unreadable_kept_key_is_replaced(key_folder):
    key_folder.mkdir()
    (key_folder / "card-7-auth.der").write_bytes(b"not a key")
    key = pki.card_key(7, "auth")
    assert pki._load(key_folder / "card-7-auth.der").private_numbers() == key.private_numbers()


def test_without_a_folder_keys_live_in_memory_only(monkeypatch, tmp_path):
    monkeypatch.setenv(pki.KEY_CACHE_ENV, "")
    monkeypatch.setattr(pki, "_keys", {})
    assert pki.key_cache_folder() is None
    assert pki.card_key(8, "auth") is pki.card_key(8, "auth")


def test_concurrent_first_use_makes_one_key(key_folder):
    keys = []
    threads = [threading.Thread(target=lambda: keys.append(pki.card_key(9, "auth"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(k) for k in keys}) == 1


def test_the_same_person_in_two_scenarios_has_two_certificate_serials():
    """Another certificate (renewed, expired) is another serial: one issuer never repeats one (NSS)."""
    valid = CardProfile("山田 さくら", "1234", certificate_not_before=dt.date(2023, 6, 1))
    expired = CardProfile(
        "山田 さくら",
        "1234",
        certificate_not_before=dt.date(2021, 6, 1),
        certificate_not_after=dt.date(2026, 5, 14),
    )
    assert valid.certificate_serial != expired.certificate_serial
    assert (
        valid.certificate_serial
        == CardProfile("山田 さくら", "9999", certificate_not_before=dt.date(2023, 6, 1)).certificate_serial
    )


def test_ca_certificates_carry_key_identifiers_and_a_key_derived_serial():
    ca = pki.test_ca()
    card = MyNumberCard(CardProfile("x", "1234"))
    certificate = x509.load_der_x509_certificate(card.auth_certificate_der)
    aki = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = ca.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    assert ca.certificate.serial_number > 2**64 and ca.certificate.serial_number.bit_length() <= 152


def test_get_uid_answers_a_per_card_uid():
    card = MyNumberCard(CardProfile("山田 太郎", "2468"))
    uid = card.execute(bytes.fromhex("FFCA000000"))
    assert uid[-2:] == b"\x90\x00" and len(uid) == 6
    assert uid[:-2] == card_uid(card.profile.certificate_serial)
    assert MyNumberCard(CardProfile("山田 太郎", "1111")).execute(bytes.fromhex("FFCA000000")) == uid
    assert MyNumberCard(CardProfile("山田 花子", "2468")).execute(bytes.fromhex("FFCA000000")) != uid


@pytest.mark.parametrize(
    "card", [MyNumberCard(CardProfile("x", "1234")), OtherCard()], ids=["mynumber", "other"]
)
def test_get_uid_le_handling_follows_pc_sc_part_3(card):
    uid = card.execute(bytes.fromhex("FFCA000000"))[:-2]
    assert run(card, "FFCA000002") == [f"6C{len(uid):02X}"]
    assert run(card, "FFCA000020") == [uid.hex().upper() + "6282"]
    assert run(card, f"FFCA0000{len(uid):02X}") == [uid.hex().upper() + "9000"]
    assert run(card, "FFCA010000") == ["6A81"]


def test_collation_number_b_uses_the_japanese_era_year():
    profile = CardProfile(
        "x", "1234", birth_date=dt.date(1985, 3, 3), certificate_not_after=dt.date(2030, 3, 3)
    )
    assert MyNumberCard(profile).visual_pin_b == "600303" + "2030" + "0000"  # 昭和60
    profile = CardProfile(
        "x", "1234", birth_date=dt.date(2019, 5, 1), certificate_not_after=dt.date(2030, 5, 1)
    )
    assert MyNumberCard(profile).visual_pin_b.startswith("010501")  # 令和元年
