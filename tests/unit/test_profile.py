"""Card profile files: validation messages that name the file and the field, and atomic saving."""

import datetime as dt

import pytest

from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import (
    BlockedQueryAnswer,
    CardProfile,
    CertificateStatus,
    ProfileError,
    fifth_birthday_after,
    load_profile,
    save_profile,
)

GOOD = """
holder = "山田 さくら"
birth_date = 2018-05-14
auth_pin = "1234"
auth_pin_tries = 2
certificate_serial = 2717
certificate_not_before = 2023-06-01
certificate_status = "suspended"
blocked_query_answer = "6984"
photo = true
"""


def test_load_a_profile(tmp_path):
    path = tmp_path / "sakura.toml"
    path.write_text(GOOD, encoding="utf-8")
    profile = load_profile(path)
    assert profile.holder == "山田 さくら" and profile.auth_pin_tries == 2
    assert profile.certificate_status is CertificateStatus.SUSPENDED
    assert profile.blocked_query_answer is BlockedQueryAnswer.AUTH_BLOCKED
    assert profile.certificate_not_after == dt.date(2028, 5, 14)  # the 5th birthday after issue
    assert profile.text_pin == "1234" and not profile.has_signature_certificate


def test_counters_are_saved_back_atomically(tmp_path):
    path = tmp_path / "sakura.toml"
    path.write_text(GOOD, encoding="utf-8")
    profile = load_profile(path)
    card = MyNumberCard(profile, on_change=lambda p: save_profile(p, path))
    card.execute(bytes.fromhex("00A4040C0AD392F000260100000001"))
    card.execute(bytes.fromhex("00A4020C020018"))
    assert card.execute(bytes.fromhex("0020008004") + b"0000") == bytes.fromhex("63C1")
    assert load_profile(path).auth_pin_tries == 1
    assert [p.name for p in tmp_path.iterdir()] == ["sakura.toml"]  # no temp files left


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('auth_pin = "1234"', "holder: missing"),
        ('holder = "x"\nauth_pin = 1234', "auth_pin: expected text"),
        ('holder = "x"\nauth_pin = "12345"', "auth_pin: the user-authentication PIN must be 4 digits"),
        ('holder = "x"\nauth_pin_tries = 4', "auth_pin_tries: must be a whole number from 0 to 3"),
        ('holder = "x"\nsign_password = "abc"', "sign_password: 6–16 upper-case"),
        ('holder = "x"\nbirth_date = "2018-05-14"', "birth_date: expected a date"),
        ('holder = "x"\ncertificate_status = "lost"', "certificate_status: 'lost' is not one of"),
        ('holder = "x"\ncolour = "red"', "unknown field(s) colour"),
        ('holder = "x"\nphoto = "yes"', "photo: expected true or false"),
        (
            'holder = "x"\ncertificate_not_before = 2024-01-01\ncertificate_not_after = 2023-01-01',
            "is before",
        ),
        ('holder = "x"\nauth_pin = ', "not valid TOML"),
    ],
)
def test_errors_name_the_file_and_the_field(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_not_utf8_and_missing_files(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('holder = "山田"'.encode("shift_jis"))
    with pytest.raises(ProfileError, match="not UTF-8"):
        load_profile(path)
    with pytest.raises(ProfileError, match="no such card profile file"):
        load_profile(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("birth", "issued", "expected"),
    [
        (dt.date(2018, 5, 14), dt.date(2023, 6, 1), dt.date(2028, 5, 14)),
        (dt.date(2018, 5, 14), dt.date(2023, 5, 14), dt.date(2028, 5, 14)),  # issued on the birthday
        (dt.date(2018, 5, 14), dt.date(2023, 5, 13), dt.date(2027, 5, 14)),
        (dt.date(2016, 2, 29), dt.date(2021, 3, 1), dt.date(2026, 2, 28)),
    ],
)
def test_certificate_runs_to_the_fifth_birthday_after_issue(birth, issued, expected):
    assert fifth_birthday_after(birth, issued) == expected


def test_default_serial_is_stable_per_holder():
    assert (
        CardProfile("山田 さくら", "1234").certificate_serial == CardProfile("山田 さくら").certificate_serial
    )
    assert CardProfile("a").certificate_serial != CardProfile("b").certificate_serial
