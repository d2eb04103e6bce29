"""An emulated My Number card (マイナンバーカード) answering APDUs like the real card.

The card is a pure object in the style of vsmartcard's ``SmartcardOS``: ``atr()``, ``power_on()``,
``power_off()``, ``reset()`` and ``execute(apdu) -> response``, with a dispatch table per INS. Transports
(the in-process reader, the vpcd bridge) are separate and only move bytes.

Three applications, each a small file system of EFs, PIN objects and keys:

* 公的個人認証AP (JPKI): token 0006, availability 0008, certificates 0001/0002/000A/000B, user-auth PIN
  0018 (4 digits, 3 tries), signature password 001B (6–16, 5 tries), keys 0017/001A for ``80 2A``;
* 券面事項入力補助AP: PIN 0011 (4 digits, 3 tries), 照合番号A/B 0014/0015, the unused key reference 0012,
  a test My Number 0001, the four attributes 0002 and the records 0003–0007 (``hardware.text_ap``);
* 券面事項確認AP: 照合番号B 0012 and a generated face image 0002.

**A card without a signature certificate** (every child under 15, and adults who declined it) keeps the
AP's whole file system, as OpenSC's JPKI driver and every other client expect: the signature password
0001B, key 001A and certificate EFs 0001/0002 are there, but nothing was ever written to them. EF 0008
says so (``00 8F 00``: myna-card, "a card with no 署名用証明書 — a child under fifteen"); the certificate
EFs read as ``FF`` filler with no object in them; the password answers like the key reference myna-card
found unused on every card it examined (券面事項入力補助AP 0012): ``63 C0`` to the empty VERIFY that
counts tries, ``69 84`` to a VERIFY. Signing with 001A therefore always answers ``69 82``.

**A card with no PIN set** (顔認証マイナンバーカード, issued since 2023-12-15: no PIN is set, the
利用者証明用電子証明書 is on the card and used with 顔認証 or 目視 instead, the 署名用電子証明書 is not
issued — municipal guides, e.g. city.himi.toyama.jp …/10011.html, city.urasoe.lg.jp) is a card whose
user-authentication PIN 0018 and 券面事項入力補助 PIN 0011 were never given a value: they answer as every
such reference does, ``63 C0`` / ``69 84``, and its signature files are those of a child's card. To a
client it looks like a card whose PIN is blocked; no public source says what the real card answers
(``docs/hardware.md``, "The card with no PIN set").

Sources: OpenSC ``src/libopensc/card-jpki.c`` and ``pkcs15-jpki.c``, jpki/myna, soltia48/myna-card,
AokiApp/jsapdu; choices where the sources are silent are profile options or listed in ``docs/domain.md``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from dataclasses import field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mynakiosk_hardware import apdu as iso
from mynakiosk_hardware import text_ap
from mynakiosk_hardware.apdu import ApduError, CommandApdu
from mynakiosk_hardware.emulated import (
    OtherCardKind as OtherCardKind,  # where it lives (no card needed to word it)
)
from mynakiosk_hardware.faceimage import face_png
from mynakiosk_hardware.mynumber import (
    AUTH_PIN_MAX_TRIES,
    EF_AUTH_CA_CERT,
    EF_AUTH_CERT,
    EF_AUTH_KEY,
    EF_AUTH_PIN,
    EF_CERT_AVAILABILITY,
    EF_SIGN_CA_CERT,
    EF_SIGN_CERT,
    EF_SIGN_KEY,
    EF_SIGN_PASSWORD,
    EF_TEXT_AP_INFO,
    EF_TEXT_ATTRIBUTES,
    EF_TEXT_CERTIFICATE,
    EF_TEXT_INTEGRITY,
    EF_TEXT_MYNUMBER,
    EF_TEXT_PIN,
    EF_TEXT_PIN_A,
    EF_TEXT_PIN_B,
    EF_TEXT_SESSION_KEY,
    EF_TEXT_SIGNED_KEY,
    EF_TEXT_UNUSED_KEY,
    EF_TOKEN,
    EF_VISUAL_FACE,
    EF_VISUAL_PIN_B,
    JPKI_AID,
    MYNUMBER_ATR,
    SIGN_PASSWORD_MAX_TRIES,
    TEXT_AID,
    TEXT_PIN_MAX_TRIES,
    VISUAL_AID,
)
from mynakiosk_hardware.profile import (
    BlockedQueryAnswer,
    CardProfile,
    is_four_digit_pin,
    is_sign_password,
)
from mynakiosk_hardware.records import record
from mynakiosk_hardware.text_ap import fake_my_number, tlv

__all__ = [
    "AUTH_PIN_MAX_TRIES",
    "EF_AUTH_CERT",
    "EF_AUTH_KEY",
    "EF_AUTH_PIN",
    "EF_TOKEN",
    "JPKI_AID",
    "MYNUMBER_ATR",
    "TEXT_AID",
    "VISUAL_AID",
    "BlockedQueryAnswer",
    "CardProfile",
    "MyNumberCard",
    "OtherCard",
    "OtherCardKind",
    "fake_my_number",
]

if TYPE_CHECKING:  # cryptography is imported when a card first needs a key (~50 ms at start-up)
    from collections.abc import Callable, Mapping

    from cryptography.hazmat.primitives.asymmetric import rsa

log = logging.getLogger("hardware.card")

#: Token name of a physical My Number card: ``JPKIAPICCTOKEN2``, space padded to 32 bytes (myna-card).
TOKEN_MYNUMBER_CARD = b"JPKIAPICCTOKEN2".ljust(32, b" ")
TOKEN_FILE_SIZE = 160  # myna-card, [single]; bytes after the name are FF filler here
CERT_FILE_SIZE = 2048  # certificate EFs are larger than the DER object and padded with FF (myna-card)
VISUAL_PIN_MAX_TRIES = 10  # not documented anywhere: a simulator choice (docs/domain.md)
COLLATION_NUMBER_MAX_TRIES = 10  # 照合番号A/B in the text AP: likewise


@record(frozen=False)
class PinObject:
    """A PIN EF: the reference value and its retry counter live in the profile (they survive power-off).

    ``never_set``: a key reference nobody ever gave a value (a card's unissued signature password, the
    text AP's 0012): it answers as blocked, ``63 C0`` to the empty VERIFY and ``69 84`` to a VERIFY, as
    myna-card found 0012 on every card it examined. A PIN whose value is missing from the profile (every
    PIN of a 顔認証マイナンバーカード, which has none set) answers the same way (module docstring).
    """

    value_attr: str
    tries_attr: str
    max_tries: int
    valid: Callable[[str], bool]
    never_set: bool = False


@record(frozen=False)
class ElementaryFile:
    """An EF: its content (made when read), its physical size, and the PINs that open it (any one)."""

    content: Callable[[], bytes]
    size: int | None = None  # physical size; the object is followed by FF filler up to it
    read_pins: tuple[int, ...] = ()  # reading needs one of these PIN EFs verified; () = readable by all


@record(frozen=False)
class KeyObject:
    """A private key the card signs with (``80 2A``) once the PIN EF ``pin`` is verified."""

    key: Callable[[], rsa.RSAPrivateKey]
    pin: int


@record(frozen=False)
class Application:
    """An application (DF) selected by AID: its files, PINs and keys by file identifier."""

    aid: bytes
    files: dict[int, ElementaryFile] = field(default_factory=dict)
    pins: dict[int, PinObject] = field(default_factory=dict)
    keys: dict[int, KeyObject] = field(default_factory=dict)

    def find_sfi(self, sfi: int, table: Mapping[int, object]) -> int | None:
        return next((fid for fid in table if fid & 0x1F == sfi and fid <= 0x1F), None)


def _pki() -> Any:  # the module, imported on first use (cryptography costs ~50 ms at start-up)
    from mynakiosk_hardware import pki

    return pki


def _padded(data: bytes, size: int | None) -> bytes:
    return data if size is None or len(data) >= size else data + b"\xff" * (size - len(data))


def _era_year(day: dt.date) -> int:
    """The year of ``day`` in its Japanese era (令和, 平成, 昭和, 大正), as 照合番号B writes it."""
    for start, first_year in (
        (dt.date(2019, 5, 1), 2019),
        (dt.date(1989, 1, 8), 1989),
        (dt.date(1926, 12, 25), 1926),
    ):
        if day >= start:
            return day.year - first_year + 1
    return day.year - 1912 + 1


def card_uid(serial: int) -> bytes:
    """The 4-byte contactless identifier (ISO/IEC 14443 Type B PUPI) a reader reports for this card.

    From the certificate serial, so the same profile is the same card every time it is placed.
    """
    import zlib

    return (zlib.crc32(f"uid:{serial}".encode()) | 0x08000000).to_bytes(4, "big")


def answer_get_uid(command: CommandApdu, uid: bytes) -> bytes:
    """PC/SC Part 3 GET DATA ``FF CA 00 00 Le``: a contactless reader answers it itself, for any card.

    Le 00 (or absent) returns the whole UID; a shorter Le gets ``6C xx`` (the right length), a longer one
    the UID with ``62 82`` (end of data reached before Le bytes).
    """
    if command.p1 != 0x00 or command.p2 != 0x00:
        return iso.response(iso.SW_FUNCTION_NOT_SUPPORTED)
    if command.le is None or command.le == 256 or command.le == len(uid):
        return iso.response(iso.SW_OK, uid)
    if command.le < len(uid):
        return iso.response(iso.sw_wrong_le(len(uid)))
    return iso.response(iso.SW_END_OF_DATA, uid)


class MyNumberCard:
    """The My Number card's APs at the APDU level. ``on_change(profile)`` runs when a counter or PIN changes."""

    def __init__(self, profile: CardProfile, on_change: Callable[[CardProfile], None] | None = None) -> None:
        self.profile = profile
        self.on_change = on_change
        self._handlers: dict[int, Callable[[CommandApdu], bytes]] = {
            0xA4: self._select,
            0xB0: self._read_binary,
            0x20: self._verify,
            0x24: self._change_reference_data,
            0x2A: self._sign,
            0x84: self._get_challenge,
        }
        # The warm-up thread and the hardware thread may both want the certificates first.
        self._certificate_lock = threading.Lock()
        self._auth_certificate: bytes | None = None
        self._sign_certificate: bytes | None = None
        self._apps = self._build_applications()
        self._clear_security_state()

    # -- contents ------------------------------------------------------------------------------

    def _build_applications(self) -> list[Application]:
        return [self._jpki_application(), self._text_application(), self._visual_application()]

    def _jpki_application(self) -> Application:
        p = self.profile
        pki = _pki
        jpki = Application(JPKI_AID)
        jpki.files[EF_TOKEN] = ElementaryFile(lambda: TOKEN_MYNUMBER_CARD, TOKEN_FILE_SIZE)
        # 8F 8F 00 when both certificates are present, 00 8F 00 without a signature certificate (myna-card).
        availability = bytes((0x8F if p.has_signature_certificate else 0x00, 0x8F, 0x00))
        jpki.files[EF_CERT_AVAILABILITY] = ElementaryFile(lambda: availability)
        jpki.files[EF_AUTH_CERT] = ElementaryFile(lambda: self.auth_certificate_der, CERT_FILE_SIZE)
        jpki.files[EF_AUTH_CA_CERT] = ElementaryFile(lambda: pki().test_ca(pki().AUTH_OU).der, CERT_FILE_SIZE)
        jpki.pins[EF_AUTH_PIN] = PinObject(
            "auth_pin", "auth_pin_tries", AUTH_PIN_MAX_TRIES, is_four_digit_pin
        )
        jpki.keys[EF_AUTH_KEY] = KeyObject(lambda: self.auth_key, EF_AUTH_PIN)
        issued = p.has_signature_certificate
        # Unissued: the EFs are there with nothing written to them (module docstring).
        jpki.files[EF_SIGN_CERT] = ElementaryFile(
            (lambda: self.sign_certificate_der) if issued else bytes,
            CERT_FILE_SIZE,
            read_pins=(EF_SIGN_PASSWORD,),
        )
        jpki.files[EF_SIGN_CA_CERT] = ElementaryFile(
            (lambda: pki().test_ca(pki().SIGN_OU).der) if issued else bytes, CERT_FILE_SIZE
        )
        jpki.pins[EF_SIGN_PASSWORD] = PinObject(
            "sign_password",
            "sign_password_tries",
            SIGN_PASSWORD_MAX_TRIES,
            is_sign_password,
            never_set=not issued,
        )
        jpki.keys[EF_SIGN_KEY] = KeyObject(lambda: self.sign_key, EF_SIGN_PASSWORD)
        return jpki

    def _text_application(self) -> Application:
        """券面事項入力補助AP. Access as myna-card found it: the PIN opens everything; 照合番号A the number,
        照合番号B the attributes, either of them the records."""
        text = Application(TEXT_AID)
        text.pins[EF_TEXT_PIN] = PinObject(
            "text_pin", "text_pin_tries", TEXT_PIN_MAX_TRIES, is_four_digit_pin
        )
        text.pins[EF_TEXT_UNUSED_KEY] = PinObject("", "", 0, lambda v: False, never_set=True)
        text.pins[EF_TEXT_PIN_A] = PinObject("", "", COLLATION_NUMBER_MAX_TRIES, lambda v: len(v) == 12)
        text.pins[EF_TEXT_PIN_B] = PinObject("", "", COLLATION_NUMBER_MAX_TRIES, lambda v: len(v) == 14)
        any_key = (EF_TEXT_PIN, EF_TEXT_PIN_A, EF_TEXT_PIN_B)
        text.files[EF_TEXT_MYNUMBER] = ElementaryFile(
            lambda: text_ap.my_number_file(self.my_number), read_pins=(EF_TEXT_PIN, EF_TEXT_PIN_A)
        )
        text.files[EF_TEXT_ATTRIBUTES] = ElementaryFile(
            self._attributes, read_pins=(EF_TEXT_PIN, EF_TEXT_PIN_B)
        )
        text.files[EF_TEXT_INTEGRITY] = ElementaryFile(
            lambda: text_ap.integrity_record(
                text_ap.my_number_file(self.my_number), self._attributes(), _pki().kept_key("text-issuer")
            ),
            read_pins=any_key,
        )
        text.files[EF_TEXT_CERTIFICATE] = ElementaryFile(
            lambda: text_ap.ap_certificate(
                _pki().kept_key("text-cvca"), _pki().kept_key("text-issuer").public_key()
            )
        )
        text.files[EF_TEXT_AP_INFO] = ElementaryFile(
            lambda: text_ap.ap_basic_info(_pki().kept_key("text-issuer").public_key())
        )
        text.files[EF_TEXT_SESSION_KEY] = ElementaryFile(
            lambda: text_ap.session_key_file(self._card_key("text-session").public_key()), read_pins=any_key
        )
        text.files[EF_TEXT_SIGNED_KEY] = ElementaryFile(
            lambda: text_ap.signed_key_file(
                self._card_key("text-ap").public_key(), _pki().kept_key("text-issuer")
            ),
            read_pins=any_key,
        )
        return text

    def _visual_application(self) -> Application:
        visual = Application(VISUAL_AID)
        visual.pins[EF_VISUAL_PIN_B] = PinObject("", "", VISUAL_PIN_MAX_TRIES, lambda v: len(v) == 14)
        visual.files[EF_VISUAL_FACE] = ElementaryFile(self._card_face, read_pins=(EF_VISUAL_PIN_B,))
        return visual

    @property
    def my_number(self) -> str:
        """The test 個人番号 in the text AP: never a possible real one (its check digit is wrong)."""
        return fake_my_number(self.profile.certificate_serial)

    @property
    def uid(self) -> bytes:
        return card_uid(self.profile.certificate_serial)

    def _attributes(self) -> bytes:
        return text_ap.attributes_file(self.profile.holder, self.profile.birth_date)

    def _card_face(self) -> bytes:
        p = self.profile
        body = tlv(b"\xdf\x22", p.holder.encode()) + tlv(
            b"\xdf\x2b", p.birth_date.strftime("%Y%m%d").encode()
        )
        if p.photo:
            body += tlv(b"\x5f\x2e", self.face_image)
        return tlv(b"\xff\x21", body)

    @property
    def visual_pin_b(self) -> str:
        """照合番号B: birth date as era-year YYMMDD, the card's expiry year, a 4-digit security code.

        myna-card confirmed the era year on a card (1980-02-17, 昭和55, gives ``550217…``). The expiry
        year is the certificate's here, and the security code a test value.
        """
        p = self.profile
        assert p.certificate_not_after is not None
        born = p.birth_date
        return f"{_era_year(born):02d}{born:%m%d}{p.certificate_not_after.year:04d}0000"

    @cached_property
    def face_image(self) -> bytes:
        return face_png(self.profile.holder) if self.profile.photo else b""

    def _card_key(self, purpose: str) -> rsa.RSAPrivateKey:
        key: rsa.RSAPrivateKey = _pki().card_key(self.profile.certificate_serial, purpose)
        return key

    @property
    def auth_key(self) -> rsa.RSAPrivateKey:
        return self._card_key("auth")

    @property
    def sign_key(self) -> rsa.RSAPrivateKey:
        return self._card_key("sign")

    def prepare(self) -> None:
        """Make the keys and certificates now (~0.2 s) rather than when the card is first read."""
        _ = self.auth_certificate_der
        if self.profile.has_signature_certificate:
            _ = self.sign_certificate_der

    @property
    def auth_certificate_der(self) -> bytes:
        with self._certificate_lock:
            if self._auth_certificate is None:
                self._auth_certificate = self._make_auth_certificate()
            return self._auth_certificate

    @property
    def sign_certificate_der(self) -> bytes:
        with self._certificate_lock:
            if self._sign_certificate is None:
                self._sign_certificate = self._make_sign_certificate()
            return self._sign_certificate

    def _make_auth_certificate(self) -> bytes:
        # Real subjects are a 20-digit number (OpenSC issue #3021).
        serial = self.profile.certificate_serial
        return self._certificate(_pki().AUTH_OU, self.auth_key, serial, f"{serial:020d}")

    def _make_sign_certificate(self) -> bytes:
        profile = self.profile
        return self._certificate(
            _pki().SIGN_OU, self.sign_key, profile.certificate_serial + 1, profile.holder, signature=True
        )

    def _certificate(
        self, purpose_ou: str, key: rsa.RSAPrivateKey, serial: int, subject: str, *, signature: bool = False
    ) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding

        pki = _pki()
        p = self.profile
        assert p.certificate_not_before and p.certificate_not_after
        certificate = pki.issue_certificate(
            pki.test_ca(purpose_ou),
            key,
            serial,
            subject,
            p.certificate_not_before,
            p.certificate_not_after,
            signature=signature,
        )
        der: bytes = certificate.public_bytes(Encoding.DER)
        return der

    # -- power ---------------------------------------------------------------------------------

    def atr(self) -> bytes:
        return MYNUMBER_ATR

    def power_on(self) -> None:
        self._clear_security_state()

    def power_off(self) -> None:
        self._clear_security_state()

    def reset(self) -> None:
        self._clear_security_state()

    def _clear_security_state(self) -> None:
        self._app: Application | None = None
        self._ef: int | None = None
        self._verified: set[int] = set()

    @property
    def auth_pin_verified(self) -> bool:
        return self._app is not None and self._app.aid == JPKI_AID and EF_AUTH_PIN in self._verified

    # -- dispatch ------------------------------------------------------------------------------

    def execute(self, raw: bytes) -> bytes:
        """Answer one command APDU. Never raises: every input ends in a status word."""
        try:
            command = CommandApdu.parse(raw)
        except ApduError:
            return iso.response(iso.SW_WRONG_LENGTH)
        if (command.cla, command.ins) == (0xFF, 0xCA):  # the reader's GET DATA, answered for it with vpcd
            return answer_get_uid(command, self.uid)
        if command.cla & 0x0C:  # secure messaging is not offered here (myna-card)
            return iso.response(iso.SW_SM_NOT_SUPPORTED)
        handler = self._handlers.get(command.ins)
        if handler is None:
            return iso.response(iso.SW_INS_NOT_SUPPORTED)
        expected_cla = 0x80 if command.ins == 0x2A else 0x00
        if command.cla != expected_cla:
            return iso.response(iso.SW_CLA_NOT_SUPPORTED)
        try:
            return handler(command)
        except Exception:  # a bug here must look like a card fault, never crash the reader
            log.exception("emulated card failed on INS %02X", command.ins)
            return iso.response(iso.SW_UNKNOWN)

    # -- SELECT --------------------------------------------------------------------------------

    def _select(self, c: CommandApdu) -> bytes:
        if c.p2 not in (0x00, 0x0C):
            return iso.response(iso.SW_WRONG_P1P2)
        if c.p1 == 0x04:
            # A prefix of a DF name selects it (JICSAP 4.2(1), as myna-card quotes it).
            app = next((a for a in self._apps if c.data and a.aid.startswith(c.data)), None)
            if app is None:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._clear_security_state()  # (re-)selecting an AP clears its verified state
            self._app = app
            if c.p2 == 0x00:
                # FCI content is undocumented (jsapdu sends P2=00): a minimal template with the DF name.
                return iso.response(iso.SW_OK, tlv(b"\x6f", tlv(b"\x84", app.aid)))
            return iso.response(iso.SW_OK)
        if c.p1 == 0x02:
            if self._app is None or len(c.data) != 2:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            fid = int.from_bytes(c.data, "big")
            app = self._app
            if fid not in app.files and fid not in app.pins and fid not in app.keys:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._ef = fid
            return iso.response(iso.SW_OK)
        return iso.response(iso.SW_WRONG_P1P2)  # SELECT MF and others (myna-card: 6A86 after reset)

    # -- READ BINARY ---------------------------------------------------------------------------

    def _read_binary(self, c: CommandApdu) -> bytes:
        app = self._app
        if app is None:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        if c.p1 & 0x80:  # short EF identifier in P1, 8-bit offset in P2
            fid = app.find_sfi(c.p1 & 0x1F, app.files)
            if fid is None:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._ef = fid
            offset = c.p2
        else:
            fid = self._ef
            offset = ((c.p1 << 8) | c.p2) & 0x7FFF
        ef = app.files.get(fid) if fid is not None else None
        if ef is None:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        if ef.read_pins and self._verified.isdisjoint(ef.read_pins):
            return iso.response(iso.SW_SECURITY_NOT_SATISFIED)
        data = _padded(ef.content(), ef.size)
        if offset >= len(data):
            return iso.response(iso.SW_WRONG_OFFSET)
        if c.le is None:
            return iso.response(iso.SW_WRONG_LENGTH)
        return iso.response(iso.SW_OK, data[offset : offset + c.le])  # min(Le, remaining), JICSAP 6.4.1

    # -- PIN objects ---------------------------------------------------------------------------

    def _pin_target(self, p2: int) -> tuple[int | None, PinObject | None]:
        app = self._app
        if app is None:
            return None, None
        if p2 == 0x80:  # the key of the current EF
            fid = self._ef
        elif p2 & 0x80:  # short EF identifier form: P2 = 80 | SFI
            fid = app.find_sfi(p2 & 0x1F, app.pins)
        else:
            return None, None
        return fid, app.pins.get(fid) if fid is not None else None

    def _reference(self, fid: int, pin: PinObject) -> str | None:
        if pin.never_set:
            return None
        if not pin.value_attr:  # the 照合番号, from what is printed on the card
            return self.my_number if fid == EF_TEXT_PIN_A else self.visual_pin_b
        value: str | None = getattr(self.profile, pin.value_attr)
        return value

    def _tries(self, pin: PinObject) -> int:
        return getattr(self.profile, pin.tries_attr) if pin.tries_attr else pin.max_tries

    def _set_tries(self, pin: PinObject, tries: int) -> None:
        if pin.tries_attr and getattr(self.profile, pin.tries_attr) != tries:
            setattr(self.profile, pin.tries_attr, tries)
            self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change(self.profile)
            except Exception:
                log.exception("saving the card profile failed")

    def _verify(self, c: CommandApdu) -> bytes:
        if c.p1 != 0x00:
            return iso.response(iso.SW_WRONG_P1P2)
        if self._app is None:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        fid, pin = self._pin_target(c.p2)
        if fid is None or pin is None:
            return iso.response(iso.SW_FILE_NOT_FOUND if c.p2 & 0x80 else iso.SW_WRONG_P1P2)
        self._ef = fid
        reference = self._reference(fid, pin)
        if reference is None:  # never given a value (PinObject): answers as blocked, as on a real card
            return iso.response(iso.sw_retries(0) if not c.data else iso.SW_AUTH_BLOCKED)
        tries = self._tries(pin)
        if not c.data:  # empty VERIFY: the counter, without spending a try (JICSAP 6.4.9 (5))
            if tries == 0:
                return iso.response(self.profile.blocked_query_answer.sw)
            return iso.response(iso.sw_retries(tries))
        if tries == 0:
            return iso.response(iso.SW_AUTH_BLOCKED)
        if c.data == reference.encode("ascii"):
            self._set_tries(pin, pin.max_tries)
            self._verified.add(fid)
            return iso.response(iso.SW_OK)
        self._verified.discard(fid)
        self._set_tries(pin, tries - 1)
        log.info("verification failed on EF %04X; %d tries left", fid, tries - 1)
        return iso.response(iso.sw_retries(tries - 1))  # 63C0 on the attempt that blocks

    def _change_reference_data(self, c: CommandApdu) -> bytes:
        if c.p1 != 0x01:
            return iso.response(iso.SW_WRONG_P1P2)
        fid, pin = self._pin_target(c.p2)
        if fid is None or pin is None or not pin.value_attr:
            return iso.response(iso.SW_FILE_NOT_FOUND)
        if fid not in self._verified:
            return iso.response(iso.SW_SECURITY_NOT_SATISFIED)
        try:
            new = c.data.decode("ascii")
        except UnicodeDecodeError:
            return iso.response(iso.SW_WRONG_DATA)
        if not pin.valid(new):
            return iso.response(iso.SW_WRONG_DATA)
        setattr(self.profile, pin.value_attr, new)
        self._set_tries(pin, pin.max_tries)
        self._changed()
        return iso.response(iso.SW_OK)

    # -- signing -------------------------------------------------------------------------------

    def _sign(self, c: CommandApdu) -> bytes:
        """COMPUTE DIGITAL SIGNATURE: PKCS#1 v1.5 (type 1) over the DigestInfo the client sends (OpenSC)."""
        app = self._app
        if app is None:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        if c.p1 != 0x00:
            return iso.response(iso.SW_WRONG_P1P2)  # other schemes are [single]; not offered
        if c.p2 == 0x80:
            fid = self._ef
        elif c.p2 & 0x80:
            fid = app.find_sfi(c.p2 & 0x1F, app.keys)
        else:
            return iso.response(iso.SW_WRONG_P1P2)
        key = app.keys.get(fid) if fid is not None else None
        if key is None:
            return iso.response(iso.SW_FILE_NOT_FOUND)
        if key.pin not in self._verified:
            return iso.response(iso.SW_SECURITY_NOT_SATISFIED)
        if not 1 <= len(c.data) <= 245:
            return iso.response(iso.SW_WRONG_LENGTH)
        return iso.response(iso.SW_OK, _pkcs1_v15_sign(key.key(), c.data))

    def _get_challenge(self, c: CommandApdu) -> bytes:
        if c.p1 or c.p2:
            return iso.response(iso.SW_WRONG_P1P2)
        if c.le is None or c.le > 256:
            return iso.response(iso.SW_WRONG_LENGTH)
        return iso.response(iso.SW_OK, os.urandom(c.le))


def _pkcs1_v15_sign(key: rsa.RSAPrivateKey, digest_info: bytes) -> bytes:
    """Raw RSA over ``00 01 FF.. 00 || digest_info``: the card pads but does not hash or wrap."""
    numbers = key.private_numbers()
    size = (key.key_size + 7) // 8
    block = b"\x00\x01" + b"\xff" * (size - len(digest_info) - 3) + b"\x00" + digest_info
    signature = pow(int.from_bytes(block, "big"), numbers.d, numbers.public_numbers.n)
    return signature.to_bytes(size, "big")


class OtherCard:
    """A contactless card that is not a My Number card (a transit card, or a cheap NFC training card).

    It answers the PC/SC ``FF CA 00 00 00`` GET DATA with its UID, which a real reader's driver answers for
    any contactless card; with vpcd the pseudo-APDU reaches the emulated card, so it answers it itself.
    """

    ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")  # PC/SC Part 3 ATR of a FeliCa-like card

    def __init__(
        self, kind: OtherCardKind = OtherCardKind.TRANSIT, uid: bytes = bytes.fromhex("04A1B2C3D4E5F6")
    ) -> None:
        self.kind = kind
        self.uid = uid

    def atr(self) -> bytes:
        return self.ATR

    def power_on(self) -> None:
        pass

    def power_off(self) -> None:
        pass

    def reset(self) -> None:
        pass

    def execute(self, raw: bytes) -> bytes:
        try:
            command = CommandApdu.parse(raw)
        except ApduError:
            return iso.response(iso.SW_WRONG_LENGTH)
        if (command.cla, command.ins) == (0xFF, 0xCA):
            return answer_get_uid(command, self.uid)
        if command.ins == 0xA4:
            return iso.response(iso.SW_FILE_NOT_FOUND)
        return iso.response(iso.SW_INS_NOT_SUPPORTED)
