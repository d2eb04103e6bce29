"""Card profiles: who a card belongs to, its PINs and retry counters, and its certificate's life.

A profile describes one emulated My Number card. It is a small TOML file (see docs/card-profiles.md):

    holder = "山田 さくら"
    birth_date = 2017-05-14
    auth_pin = "1234"            # omit for a 顔認証マイナンバーカード (no PIN set)
    auth_pin_tries = 3
    sign_password = "SAKURA1"    # omit when the card has no signature certificate (under 15)
    certificate_serial = 2717
    certificate_not_after = 2027-05-14
    certificate_status = "valid" # valid | revoked | suspended
    photo = true                 # false: a photo-less infant card

The PINs here are the emulated card's reference data (what the card compares against), set by whoever
writes the profile; PINs that people type into the kiosk are never written anywhere.
"""

from __future__ import annotations

import datetime as dt
import enum
import zlib
from dataclasses import asdict, field, fields
from typing import TYPE_CHECKING, Any

from mynakiosk_hardware.files import write_atomically
from mynakiosk_hardware.mynumber import AUTH_PIN_MAX_TRIES, SIGN_PASSWORD_MAX_TRIES, TEXT_PIN_MAX_TRIES
from mynakiosk_hardware.records import record
from mynakiosk_hardware.tomlfile import check_values, is_single_line, quote, read_toml

if TYPE_CHECKING:
    import os


class BlockedQueryAnswer(enum.Enum):
    """What an empty VERIFY answers on a blocked PIN: not certain on real cards (myna-card accepts 63C0 and 6984)."""

    RETRIES_ZERO = "63C0"
    AUTH_BLOCKED = "6984"

    @property
    def sw(self) -> int:
        # Imported here: profiles are read at start-up, the APDU module only once a card answers a command.
        from mynakiosk_hardware.apdu import SW_AUTH_BLOCKED, sw_retries

        return {
            BlockedQueryAnswer.RETRIES_ZERO: sw_retries(0),
            BlockedQueryAnswer.AUTH_BLOCKED: SW_AUTH_BLOCKED,
        }[self]


class CertificateStatus(enum.Enum):
    """The certificate's standing at the CA. The card itself cannot know; the back end checks it."""

    VALID = "valid"
    REVOKED = "revoked"  # 失効
    SUSPENDED = "suspended"  # 一時保留 (e.g. after reporting a lost card)


class ProfileError(ValueError):
    """A profile that cannot describe a card; the message names the file and the field."""


def is_four_digit_pin(value: str) -> bool:
    return len(value) == 4 and value.isascii() and value.isdigit()


def is_sign_password(value: str) -> bool:
    """6–16 upper-case letters and digits, at least one of each (横浜市 page; jpki/myna validate_jpki_sign_password)."""
    return (
        6 <= len(value) <= 16
        and value.isascii()
        and value.isalnum()
        and value == value.upper()
        and any(c.isdigit() for c in value)
        and any(c.isalpha() for c in value)
    )


def _birthday_in(birth_date: dt.date, year: int) -> dt.date:
    try:
        return birth_date.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 2, 28)


def fifth_birthday_after(birth_date: dt.date, issued: dt.date) -> dt.date:
    """電子証明書 validity: to the 5th birthday after issue (J-LIS)."""
    first = _birthday_in(birth_date, issued.year)
    if first <= issued:
        first = _birthday_in(birth_date, issued.year + 1)
    return _birthday_in(birth_date, first.year + 4)


def _default_serial(holder: str, birth_date: dt.date, not_before: dt.date, not_after: dt.date) -> int:
    """Stable for one card across runs, so the simulated back end links the certificate to the person.

    The certificate's dates are in it: the same person's card in another scenario (renewed, expired) is
    another certificate, and one issuer may never have two certificates with one serial (NSS refuses
    the second). CRC-32, not SHA-256: hashlib would load OpenSSL at start-up (~1 % of it) for a number
    that only has to differ between the few cards of a scenario (the loader refuses two with one serial).
    """
    card = f"{holder}|{birth_date}|{not_before}|{not_after}"
    return zlib.crc32(card.encode()) + 1  # a serial is positive


@record(frozen=False)
class CardProfile:
    """What an emulated card holds and remembers: holder, PINs and their retry counters, certificate dates."""

    holder: str
    auth_pin: str | None = field(default=None, repr=False)
    auth_pin_tries: int = AUTH_PIN_MAX_TRIES
    sign_password: str | None = field(default=None, repr=False)
    sign_password_tries: int = SIGN_PASSWORD_MAX_TRIES
    text_pin: str | None = field(default=None, repr=False)  # defaults to auth_pin, as usually set together
    text_pin_tries: int = TEXT_PIN_MAX_TRIES
    birth_date: dt.date = dt.date(2017, 5, 14)
    photo: bool = True
    certificate_serial: int = 0
    certificate_not_before: dt.date | None = None
    certificate_not_after: dt.date | None = None
    certificate_status: CertificateStatus = CertificateStatus.VALID
    blocked_query_answer: BlockedQueryAnswer = BlockedQueryAnswer.RETRIES_ZERO

    def __post_init__(self) -> None:
        def bad(name: str, problem: str) -> ProfileError:
            return ProfileError(f"card profile {quote(self.holder)}: {name}: {problem}")

        if not self.holder.strip():
            raise ProfileError("card profile: holder: must not be empty")
        if self.auth_pin is not None and not is_four_digit_pin(self.auth_pin):
            raise bad("auth_pin", "the user-authentication PIN must be 4 digits")
        if self.text_pin is None:
            self.text_pin = self.auth_pin
        if self.text_pin is not None and not is_four_digit_pin(self.text_pin):
            raise bad("text_pin", "the PIN of the text application (card-face entry) must be 4 digits")
        if self.sign_password is not None and not is_sign_password(self.sign_password):
            raise bad("sign_password", "6–16 upper-case letters and digits, with at least one of each")
        for name, limit in (
            ("auth_pin_tries", AUTH_PIN_MAX_TRIES),
            ("sign_password_tries", SIGN_PASSWORD_MAX_TRIES),
            ("text_pin_tries", TEXT_PIN_MAX_TRIES),
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
                raise bad(name, f"must be a whole number from 0 to {limit}, got {quote(value)}")
        if self.certificate_not_before is None:
            self.certificate_not_before = dt.date(2022, 6, 1)
        if self.certificate_not_after is None:
            self.certificate_not_after = fifth_birthday_after(self.birth_date, self.certificate_not_before)
        if self.certificate_not_after < self.certificate_not_before:
            raise bad("certificate_not_after", "is before certificate_not_before")
        if not self.certificate_serial:
            self.certificate_serial = _default_serial(
                self.holder, self.birth_date, self.certificate_not_before, self.certificate_not_after
            )
        if self.certificate_serial < 1 or self.certificate_serial >= 2**159:
            raise bad("certificate_serial", "must be a positive number below 2**159")

    @property
    def has_pin(self) -> bool:
        """False for a 顔認証マイナンバーカード, which has no PIN set (since 2023-12-15, MHLW 事務連絡 2023-08-07)."""
        return self.auth_pin is not None

    @property
    def has_signature_certificate(self) -> bool:
        return self.sign_password is not None


_ENUMS = {"certificate_status": CertificateStatus, "blocked_query_answer": BlockedQueryAnswer}
_DATES = {"birth_date", "certificate_not_before", "certificate_not_after"}
# X.509 dates before 1950 need GeneralizedTime, which the certificate library refuses for validity.
EARLIEST_CERTIFICATE_DATE = dt.date(1950, 1, 1)


def profile_from_mapping(data: dict[str, Any], where: str = "card profile") -> CardProfile:
    """Build a profile from parsed TOML, naming ``where`` and the field in every error."""
    known = {f.name for f in fields(CardProfile)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ProfileError(
            f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    if "holder" not in data:
        raise ProfileError(f"{where}: holder: missing (the card holder's name)")
    check_values(data, where, ProfileError)  # done by read_toml too: here for mappings made in code
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name in _ENUMS:
            try:
                value = _ENUMS[name](value)
            except ValueError:
                choices = ", ".join(repr(m.value) for m in _ENUMS[name])
                raise ProfileError(f"{where}: {name}: {quote(value)} is not one of {choices}") from None
        elif name in _DATES:
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise ProfileError(f"{where}: {name}: expected a date like 2017-05-14, got {quote(value)}")
            if name.startswith("certificate_") and value < EARLIEST_CERTIFICATE_DATE:
                raise ProfileError(f"{where}: {name}: a certificate date is 1950 or later, got {value}")
        elif name in ("auth_pin", "sign_password", "text_pin", "holder"):
            if not isinstance(value, str):
                raise ProfileError(f"{where}: {name}: expected text in quotes, got {quote(value)}")
            if not is_single_line(value):
                raise ProfileError(f"{where}: {name}: expected one line of text, got {quote(value)}")
        elif name == "certificate_serial" and (not isinstance(value, int) or isinstance(value, bool)):
            raise ProfileError(f"{where}: certificate_serial: expected a whole number, got {quote(value)}")
        elif name == "photo" and not isinstance(value, bool):
            raise ProfileError(f"{where}: photo: expected true or false, got {quote(value)}")
        values[name] = value
    try:
        return CardProfile(**values)
    except ProfileError as exc:
        raise ProfileError(f"{where}: {exc}") from None
    except TypeError as exc:
        raise ProfileError(f"{where}: {exc}") from None


def load_profile(path: str | os.PathLike[str]) -> CardProfile:
    return profile_from_mapping(read_toml(path, "card profile", ProfileError), str(path))


def profile_to_mapping(profile: CardProfile) -> dict[str, Any]:
    data = {}
    for name, value in asdict(profile).items():
        if value is None:
            continue
        data[name] = value.value if isinstance(value, enum.Enum) else value
    return data


def save_profile(profile: CardProfile, path: str | os.PathLike[str]) -> None:
    """Write atomically, so a crash never leaves half a profile (retry counters included)."""
    import tomli_w

    write_atomically(path, tomli_w.dumps(profile_to_mapping(profile)).encode("utf-8"))
