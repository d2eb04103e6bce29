"""An emulated smartphone carrying a スマホ用電子証明書: the スマホ保険証 held over a 汎用カードリーダー.

What is public: since 2025-09-19 a phone to which a registered My Number card was added works as a マイナ保険証
at facilities with a 汎用カードリーダー beside the face reader. Android keeps a スマホ用利用者証明用電子証明書
of its own (issued from the card's certificate, with its own key and its own 4-digit PIN, typed on the face
reader); the iPhone unlocks its certificate with Face ID / Touch ID on the phone. Sources in docs/domain.md.

What is not public is the protocol between the phone and the reader. The phone is modelled on the JPKI AP
of the card (same AID, files, PIN object and key), as open-source JPKI clients read an Android phone's
certificate (github.com/jpki/myna: token ``JPKIAPGPSETOKEN``; the user-auth certificate is read after the
PIN, not before). The iPhone token ``JPKIAPIOSTOKEN`` appears in one open-source client only, and its gate
(nothing answers until Face ID has been passed on the phone) is a simulator choice; docs/hardware.md
lists every such choice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import zlib
from dataclasses import field
from typing import TYPE_CHECKING, Any

from mynakiosk_hardware.apdu import ResponseApdu
from mynakiosk_hardware.card import (
    CERT_FILE_SIZE,
    TOKEN_FILE_SIZE,
    Application,
    ElementaryFile,
    KeyObject,
    MyNumberCard,
    PinObject,
)
from mynakiosk_hardware.mynumber import (
    EF_AUTH_CA_CERT,
    EF_AUTH_CERT,
    EF_AUTH_KEY,
    EF_AUTH_PIN,
    EF_CERT_AVAILABILITY,
    EF_TOKEN,
    JPKI_AID,
)
from mynakiosk_hardware.profile import (
    BlockedQueryAnswer,
    CertificateStatus,
    ProfileError,
    is_four_digit_pin,
)
from mynakiosk_hardware.records import record
from mynakiosk_hardware.text import N_

if TYPE_CHECKING:
    from collections.abc import Callable

    from mynakiosk_hardware.profile import CardProfile

# Tries on the スマホ用利用者証明用電子証明書 PIN. Not found in any public source: the card's 3 (a
# simulator choice, docs/domain.md).
PHONE_PIN_MAX_TRIES = 3

# A pseudo file identifier: the iPhone's "PIN" is Face ID / Touch ID passed on the phone itself.
BIOMETRIC_GATE = 0xB10


class PhoneKind(enum.Enum):
    """iPhone (Face ID / Touch ID on the phone) or Android (the 4-digit PIN typed on the face reader)."""

    IPHONE = "iphone"
    ANDROID = "android"

    @property
    def label(self) -> str:
        return {PhoneKind.IPHONE: N_("iPhone"), PhoneKind.ANDROID: N_("Android")}[self]

    @property
    def token(self) -> bytes:
        """EF 0006 of the phone's JPKI AP, space padded to 32 bytes like the card's."""
        name = b"JPKIAPIOSTOKEN" if self is PhoneKind.IPHONE else b"JPKIAPGPSETOKEN"
        return name.ljust(32, b" ")


def _phone_serial(card_serial: int, kind: PhoneKind) -> int:
    # Stable for a card and a phone kind, and never the card's own serial: the back end must tell the two
    # certificates apart (a phone certificate is a new certificate, issued from the card's).
    serial = zlib.crc32(f"{card_serial}/{kind.value}".encode()) + 1
    return serial if serial != card_serial else serial + 1


@record(frozen=False)
class PhoneProfile:
    """One phone and its スマホ用利用者証明用電子証明書: whose it is, its own PIN and counter, its life.

    ``card_certificate_serial`` names the card certificate the phone's was issued from, so the back end
    can link the phone to the same person; ``set_up`` is False for a phone the card was never added to
    (a new phone); ``biometric_match`` is False when Face ID / Touch ID does not recognise the person.
    """

    holder: str
    card_certificate_serial: int
    kind: PhoneKind = PhoneKind.ANDROID
    auth_pin: str | None = field(default=None, repr=False)
    auth_pin_tries: int = PHONE_PIN_MAX_TRIES
    certificate_serial: int = 0
    certificate_not_before: dt.date = dt.date(2025, 9, 19)
    certificate_not_after: dt.date = dt.date(2030, 9, 19)
    certificate_status: CertificateStatus = CertificateStatus.VALID
    set_up: bool = True
    biometric_match: bool = True

    def __post_init__(self) -> None:
        def bad(name: str, problem: str) -> ProfileError:
            return ProfileError(f"phone profile {self.holder!r}: {name}: {problem}")

        if not self.holder.strip():
            raise ProfileError("phone profile: holder: must not be empty")
        if self.auth_pin is not None and not is_four_digit_pin(self.auth_pin):
            raise bad("auth_pin", "the PIN of the phone's user-authentication certificate must be 4 digits")
        if self.kind is PhoneKind.ANDROID and self.auth_pin is None:
            raise bad("auth_pin", "an Android phone's certificate has a 4-digit PIN")
        tries = self.auth_pin_tries
        if not isinstance(tries, int) or isinstance(tries, bool) or not 0 <= tries <= PHONE_PIN_MAX_TRIES:
            raise bad("auth_pin_tries", f"must be a whole number from 0 to {PHONE_PIN_MAX_TRIES}")
        if self.card_certificate_serial < 1:
            raise bad("card_certificate_serial", "must be the positive serial of the card's certificate")
        if not self.certificate_serial:
            self.certificate_serial = _phone_serial(self.card_certificate_serial, self.kind)
        if self.certificate_serial == self.card_certificate_serial:
            raise bad("certificate_serial", "a phone's certificate is not the card's")
        if self.certificate_not_after < self.certificate_not_before:
            raise bad("certificate_not_after", "is before certificate_not_before")

    @classmethod
    def issued_from(
        cls, card: CardProfile, kind: PhoneKind, auth_pin: str | None = None, **changes: Any
    ) -> PhoneProfile:
        """The phone of ``card``'s holder, set up from that card (its certificate dates, by default).

        Lasting as long as the card's certificate is a simulator choice: the sources only say the phone
        stops working when the card or its certificate expires (docs/domain.md).
        """
        assert card.certificate_not_before is not None and card.certificate_not_after is not None
        values: dict[str, Any] = {
            "holder": card.holder,
            "card_certificate_serial": card.certificate_serial,
            "kind": kind,
            "auth_pin": auth_pin,
            "certificate_not_before": card.certificate_not_before,
            "certificate_not_after": card.certificate_not_after,
        }
        values.update(changes)
        return cls(**values)

    def replaced(self) -> PhoneProfile:
        """The same phone after its owner moved to a new one: the old certificate is revoked (失効)."""
        return dataclasses.replace(self, certificate_status=CertificateStatus.REVOKED)

    @property
    def blocked_query_answer(self) -> BlockedQueryAnswer:
        return BlockedQueryAnswer.RETRIES_ZERO  # what an empty VERIFY answers once locked (as the card)

    @property
    def has_signature_certificate(self) -> bool:
        return False  # the reception needs only the user-authentication certificate

    @property
    def needs_pin(self) -> bool:
        """Android: the PIN is typed on the face reader. iPhone: Face ID / Touch ID on the phone."""
        return self.kind is PhoneKind.ANDROID


def _auth_ca_der() -> bytes:
    from mynakiosk_hardware import pki

    return pki.test_ca(pki.AUTH_OU).der


def _with_tck(body: bytes) -> bytes:
    check = 0
    for byte in body[1:]:
        check ^= byte
    return body + bytes((check,))


# PC/SC Part 3 ATR of a contactless ISO 14443-4 device; the historical bytes are ours (a simulator choice).
PHONE_ATR = _with_tck(bytes.fromhex("3B888001") + b"JPKIPHON")


class EmulatedPhone(MyNumberCard):
    """A phone in card emulation: only the JPKI AP, with the phone's own certificate, key and PIN.

    Android: the user-auth certificate and key open after VERIFY of the phone's PIN (its own counter).
    iPhone: they open after :meth:`authenticate_on_phone` (the simulated Face ID / Touch ID), for one
    signature. A phone whose card was never added (``set_up`` False) has no JPKI AP at all.
    """

    profile: PhoneProfile  # type: ignore[assignment]

    def __init__(
        self, profile: PhoneProfile, on_change: Callable[[PhoneProfile], None] | None = None
    ) -> None:
        self._biometric_passed = False
        super().__init__(profile, on_change)  # type: ignore[arg-type]

    def _build_applications(self) -> list[Application]:
        p = self.profile
        if not p.set_up:
            return []
        gate = EF_AUTH_PIN if p.kind is PhoneKind.ANDROID else BIOMETRIC_GATE
        jpki = Application(JPKI_AID)
        token = p.kind.token
        jpki.files[EF_TOKEN] = ElementaryFile(lambda: token, TOKEN_FILE_SIZE)
        jpki.files[EF_CERT_AVAILABILITY] = ElementaryFile(lambda: bytes((0x00, 0x8F, 0x00)))
        jpki.files[EF_AUTH_CERT] = ElementaryFile(
            lambda: self.auth_certificate_der, CERT_FILE_SIZE, read_pins=(gate,)
        )
        jpki.files[EF_AUTH_CA_CERT] = ElementaryFile(_auth_ca_der, CERT_FILE_SIZE)
        if p.kind is PhoneKind.ANDROID:
            jpki.pins[EF_AUTH_PIN] = PinObject(
                "auth_pin", "auth_pin_tries", PHONE_PIN_MAX_TRIES, is_four_digit_pin
            )
        jpki.keys[EF_AUTH_KEY] = KeyObject(lambda: self.auth_key, gate)
        return [jpki]

    def atr(self) -> bytes:
        return PHONE_ATR

    # -- the iPhone's biometric gate -----------------------------------------------------------

    def authenticate_on_phone(self) -> bool:
        """Face ID / Touch ID on the phone: True when it recognises the owner (``biometric_match``)."""
        if self.profile.kind is not PhoneKind.IPHONE or not self.profile.set_up:
            return False
        self._biometric_passed = self.profile.biometric_match
        if self._biometric_passed:
            self._verified.add(BIOMETRIC_GATE)
        return self._biometric_passed

    @property
    def biometric_passed(self) -> bool:
        return self._biometric_passed

    def _clear_security_state(self) -> None:
        super()._clear_security_state()
        # Passing Face ID happens on the phone, not in the reader's session: it outlives a re-SELECT.
        if self._biometric_passed:
            self._verified.add(BIOMETRIC_GATE)

    def _sign(self, c: Any) -> bytes:
        answer = super()._sign(c)
        if ResponseApdu.parse(answer).ok and self.profile.kind is PhoneKind.IPHONE:
            # One presentation, one signature: the next visit needs Face ID again.
            self._biometric_passed = False
            self._verified.discard(BIOMETRIC_GATE)
        return answer


_PHONE_FIELDS = {
    "kind",
    "auth_pin",
    "auth_pin_tries",
    "certificate_serial",
    "certificate_not_after",
    "status",
    "set_up",
    "biometric_match",
}


def phone_from_mapping(data: dict[str, Any], card: CardProfile, where: str = "phone") -> PhoneProfile:
    """A phone set up from ``card``, as a scenario's ``phone = { kind = "android", auth_pin = "1357" }``.

    Every error names ``where`` and the field. ``status = "revoked"`` is an old phone after a change.
    """
    unknown = sorted(set(data) - _PHONE_FIELDS)
    if unknown:
        raise ProfileError(
            f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(_PHONE_FIELDS))}"
        )
    if not card.has_signature_certificate:
        # Adding a card to a phone needs its 署名用パスワード; under 15 there is no such certificate.
        raise ProfileError(
            f"{where}: the card has no signature certificate (sign_password), needed to set up a phone"
        )
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name == "kind":
            try:
                values["kind"] = PhoneKind(value)
            except ValueError:
                raise ProfileError(f"{where}: kind: 'iphone' or 'android', got {value!r}") from None
        elif name == "status":
            try:
                values["certificate_status"] = CertificateStatus(value)
            except ValueError:
                choices = ", ".join(repr(s.value) for s in CertificateStatus)
                raise ProfileError(f"{where}: status: one of {choices}, got {value!r}") from None
        elif name in ("set_up", "biometric_match"):
            if not isinstance(value, bool):
                raise ProfileError(f"{where}: {name}: expected true or false, got {value!r}")
            values[name] = value
        elif name == "auth_pin" and not isinstance(value, str):
            raise ProfileError(f"{where}: auth_pin: expected text in quotes, got {value!r}")
        elif name == "certificate_not_after" and (
            not isinstance(value, dt.date) or isinstance(value, dt.datetime)
        ):
            raise ProfileError(
                f"{where}: certificate_not_after: expected a date like 2030-09-19, got {value!r}"
            )
        elif name in ("auth_pin_tries", "certificate_serial") and (
            not isinstance(value, int) or isinstance(value, bool)
        ):
            raise ProfileError(f"{where}: {name}: expected a whole number, got {value!r}")
        else:
            values[name] = value
    if "kind" not in values:
        raise ProfileError(f"{where}: kind: missing ('iphone' or 'android')")
    try:
        return PhoneProfile.issued_from(card, values.pop("kind"), values.pop("auth_pin", None), **values)
    except ProfileError as exc:
        raise ProfileError(f"{where}: {exc}") from None
