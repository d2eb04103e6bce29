"""An emulated My Number card (マイナンバーカード) answering APDUs like the real card.

The card is a pure object in the style of vsmartcard's ``SmartcardOS``: ``atr()``, ``power_on()``,
``power_off()``, ``reset()`` and ``execute(apdu) -> response``, with a dispatch table per INS. Transports
(the in-process reader, the vpcd bridge) are separate and only move bytes.

Three applications, each a small file system of EFs, PIN objects and keys:

* 公的個人認証AP (JPKI): token 0006, availability 0008, certificates 0001/0002/000A/000B, user-auth PIN
  0018 (4 digits, 3 tries), signature password 001B (6–16, 5 tries), keys 0017/001A for ``80 2A``;
* 券面事項入力補助AP: PIN 0011 (4 digits, 3 tries), a test My Number 0001 and the four attributes 0002;
* 券面事項確認AP: 照合番号B 0012 and a generated face image 0002.

Behaviour follows the public implementations (OpenSC card-jpki.c, jpki/myna, soltia48/myna-card); choices
where they disagree or are uncertain are profile options or listed in ``docs/domain.md``.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from mynakiosk_hardware import apdu as iso
from mynakiosk_hardware.apdu import ApduError, CommandApdu
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
    EF_TEXT_ATTRIBUTES,
    EF_TEXT_MYNUMBER,
    EF_TEXT_PIN,
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
from mynakiosk_hardware.text import N_

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
]

if TYPE_CHECKING:  # cryptography is imported when a card first needs a key (~50 ms at start-up)
    from collections.abc import Callable, Mapping

    from cryptography.hazmat.primitives.asymmetric import rsa

log = logging.getLogger("hardware.card")

#: Token name of a physical My Number card: ``JPKIAPICCTOKEN2``, space padded to 32 bytes (OpenSC pkcs15-jpki.c, myna-card ap/jpki.rs).
TOKEN_MYNUMBER_CARD = b"JPKIAPICCTOKEN2".ljust(32, b" ")
TOKEN_FILE_SIZE = 160  # myna-card, [single]; bytes after the name are FF filler here
CERT_FILE_SIZE = (
    2048  # certificate EFs are larger than the DER object and padded with FF (myna-card read_binary_all)
)
SW_REFERENCE_NOT_FOUND = 0x6A88  # VERIFY on a PIN that was never set: a simulator choice (docs/domain.md)
SW_WRONG_DATA = 0x6A80
VISUAL_PIN_MAX_TRIES = 10  # not documented anywhere: a simulator choice (docs/domain.md)


@dataclass
class PinObject:
    """A PIN EF: the reference value and its retry counter live in the profile (they survive power-off)."""

    value_attr: str
    tries_attr: str
    max_tries: int
    valid: Callable[[str], bool]


@dataclass
class ElementaryFile:
    """An EF: its content (made when read), its physical size, and the PIN that guards reading it."""

    content: Callable[[], bytes]
    size: int | None = None  # physical size; the object is followed by FF filler up to it
    read_pin: int | None = None  # the PIN EF that must be verified before reading


@dataclass
class KeyObject:
    """A private key the card signs with (``80 2A``) once the PIN EF ``pin`` is verified."""

    key: Callable[[], rsa.RSAPrivateKey]
    pin: int


@dataclass
class Application:
    """An application (DF) selected by AID: its files, PINs and keys by file identifier."""

    aid: bytes
    files: dict[int, ElementaryFile] = field(default_factory=dict)
    pins: dict[int, PinObject] = field(default_factory=dict)
    keys: dict[int, KeyObject] = field(default_factory=dict)

    def find_sfi(self, sfi: int, table: Mapping[int, object]) -> int | None:
        return next((fid for fid in table if fid & 0x1F == sfi and fid <= 0x1F), None)


def _test_ca_der(*, sign: bool) -> bytes:
    from mynakiosk_hardware import pki  # cryptography is loaded only once a card is read

    return pki.test_ca(pki.SIGN_OU if sign else pki.AUTH_OU).der


def _padded(data: bytes, size: int | None) -> bytes:
    return data if size is None or len(data) >= size else data + b"\xff" * (size - len(data))


def _tlv(tag: bytes, value: bytes) -> bytes:
    if len(value) < 0x80:
        length = bytes((len(value),))
    elif len(value) < 0x100:
        length = bytes((0x81, len(value)))
    else:
        length = bytes((0x82,)) + len(value).to_bytes(2, "big")
    return tag + length + value


def fake_my_number(seed: int) -> str:
    """A 12-digit number whose check digit is deliberately wrong, so it can never be a real My Number."""
    digits = [int(d) for d in f"{seed % 10**11:011d}"]
    total = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(reversed(digits), start=1))
    check = 0 if total % 11 <= 1 else 11 - total % 11
    return "".join(map(str, digits)) + str((check + 1) % 10)


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
        self._powered = False
        self._clear_security_state()

    # -- contents ------------------------------------------------------------------------------

    def _build_applications(self) -> list[Application]:
        p = self.profile
        jpki = Application(JPKI_AID)
        jpki.files[EF_TOKEN] = ElementaryFile(lambda: TOKEN_MYNUMBER_CARD, TOKEN_FILE_SIZE)
        # 8F 8F 00 when both certificates are present (myna-card, [single]); no signature certificate
        # for children under 15.
        availability = bytes((0x8F if p.has_signature_certificate else 0x00, 0x8F, 0x00))
        jpki.files[EF_CERT_AVAILABILITY] = ElementaryFile(lambda: availability)
        jpki.files[EF_AUTH_CERT] = ElementaryFile(lambda: self.auth_certificate_der, CERT_FILE_SIZE)
        jpki.files[EF_AUTH_CA_CERT] = ElementaryFile(lambda: _test_ca_der(sign=False), CERT_FILE_SIZE)
        jpki.pins[EF_AUTH_PIN] = PinObject(
            "auth_pin", "auth_pin_tries", AUTH_PIN_MAX_TRIES, is_four_digit_pin
        )
        jpki.keys[EF_AUTH_KEY] = KeyObject(lambda: self.auth_key, EF_AUTH_PIN)
        if p.has_signature_certificate:
            jpki.files[EF_SIGN_CERT] = ElementaryFile(
                lambda: self.sign_certificate_der, CERT_FILE_SIZE, read_pin=EF_SIGN_PASSWORD
            )
            jpki.files[EF_SIGN_CA_CERT] = ElementaryFile(lambda: _test_ca_der(sign=True), CERT_FILE_SIZE)
            jpki.pins[EF_SIGN_PASSWORD] = PinObject(
                "sign_password", "sign_password_tries", SIGN_PASSWORD_MAX_TRIES, is_sign_password
            )
            jpki.keys[EF_SIGN_KEY] = KeyObject(lambda: self.sign_key, EF_SIGN_PASSWORD)

        text = Application(TEXT_AID)
        text.pins[EF_TEXT_PIN] = PinObject(
            "text_pin", "text_pin_tries", TEXT_PIN_MAX_TRIES, is_four_digit_pin
        )
        my_number = fake_my_number(p.certificate_serial).encode()
        # 15-byte object + 2 FF filler bytes, as myna-card found on a test card (a single source).
        text.files[EF_TEXT_MYNUMBER] = ElementaryFile(
            lambda: _tlv(b"\xff\x20", my_number), 17, read_pin=EF_TEXT_PIN
        )
        text.files[EF_TEXT_ATTRIBUTES] = ElementaryFile(self._attributes, read_pin=EF_TEXT_PIN)

        visual = Application(VISUAL_AID)
        visual.pins[EF_VISUAL_PIN_B] = PinObject("", "", VISUAL_PIN_MAX_TRIES, lambda v: len(v) == 14)
        visual.files[EF_VISUAL_FACE] = ElementaryFile(self._card_face, read_pin=EF_VISUAL_PIN_B)
        return [jpki, text, visual]

    def _attributes(self) -> bytes:
        p = self.profile
        body = (
            _tlv(b"\xdf\x22", p.holder.encode("utf-8"))
            + _tlv(b"\xdf\x23", "東京都千代田区試験町1-1（テスト）".encode())
            + _tlv(b"\xdf\x24", p.birth_date.strftime("%Y%m%d").encode())
            + _tlv(b"\xdf\x25", b"3")  # 性別: 3 = 適用不能 (a test card states no sex)
        )
        return _tlv(b"\xff\x20", body)

    def _card_face(self) -> bytes:
        p = self.profile
        body = _tlv(b"\xdf\x22", p.holder.encode()) + _tlv(
            b"\xdf\x2b", p.birth_date.strftime("%Y%m%d").encode()
        )
        if p.photo:
            body += _tlv(b"\x5f\x2e", self.face_image)
        return _tlv(b"\xff\x21", body)

    @property
    def visual_pin_b(self) -> str:
        """照合番号B: birth date YYMMDD + certificate expiry year + a 4-digit security code (test value)."""
        p = self.profile
        assert p.certificate_not_after is not None
        return p.birth_date.strftime("%y%m%d") + f"{p.certificate_not_after.year:04d}" + "0000"

    @cached_property
    def face_image(self) -> bytes:
        return face_png(self.profile.holder) if self.profile.photo else b""

    @property
    def auth_key(self) -> rsa.RSAPrivateKey:
        from mynakiosk_hardware import pki

        return pki.card_key(self.profile.certificate_serial, "auth")

    @property
    def sign_key(self) -> rsa.RSAPrivateKey:
        from mynakiosk_hardware import pki

        return pki.card_key(self.profile.certificate_serial, "sign")

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
        from mynakiosk_hardware import pki

        serial = self.profile.certificate_serial
        return self._certificate(pki.AUTH_OU, self.auth_key, serial, f"{serial:020d}")

    def _make_sign_certificate(self) -> bytes:
        from mynakiosk_hardware import pki

        profile = self.profile
        return self._certificate(
            pki.SIGN_OU, self.sign_key, profile.certificate_serial + 1, profile.holder, signature=True
        )

    def _certificate(
        self, purpose_ou: str, key: rsa.RSAPrivateKey, serial: int, subject: str, *, signature: bool = False
    ) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding

        from mynakiosk_hardware import pki

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
        return certificate.public_bytes(Encoding.DER)

    # -- power ---------------------------------------------------------------------------------

    def atr(self) -> bytes:
        return MYNUMBER_ATR

    def power_on(self) -> None:
        self._powered = True
        self._clear_security_state()

    def power_off(self) -> None:
        self._powered = False
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
            # A prefix of a DF name selects it (JICSAP 4.2(1), as myna-card cites it).
            app = next((a for a in self._apps if c.data and a.aid.startswith(c.data)), None)
            if app is None:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._clear_security_state()  # (re-)selecting an AP clears its verified state
            self._app = app
            if c.p2 == 0x00:
                # FCI content is undocumented (myna-card only): a minimal template with the DF name.
                return iso.response(iso.SW_OK, _tlv(b"\x6f", _tlv(b"\x84", app.aid)))
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
        return iso.response(iso.SW_WRONG_P1P2)  # SELECT MF and others (myna-card)

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
        if ef.read_pin is not None and ef.read_pin not in self._verified:
            return iso.response(iso.SW_SECURITY_NOT_SATISFIED)
        data = _padded(ef.content(), ef.size)
        if offset >= len(data):
            return iso.response(iso.SW_WRONG_OFFSET)
        if c.le is None:
            return iso.response(iso.SW_WRONG_LENGTH)
        return iso.response(
            iso.SW_OK, data[offset : offset + c.le]
        )  # min(Le, remaining): JICSAP 6.4.1 (4), per myna-card

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
        if fid == EF_VISUAL_PIN_B and self._app is not None and self._app.aid == VISUAL_AID:
            return self.visual_pin_b
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
        if reference is None:  # no PIN set (顔認証マイナンバーカード)
            return iso.response(SW_REFERENCE_NOT_FOUND)
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
            return iso.response(SW_WRONG_DATA)
        if not pin.valid(new):
            return iso.response(SW_WRONG_DATA)
        setattr(self.profile, pin.value_attr, new)
        self._set_tries(pin, pin.max_tries)
        self._changed()
        return iso.response(iso.SW_OK)

    # -- signing -------------------------------------------------------------------------------

    def _sign(self, c: CommandApdu) -> bytes:
        """COMPUTE DIGITAL SIGNATURE: PKCS#1 v1.5 (type 1) over the DigestInfo the client sends (OpenSC card-jpki.c)."""
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
        self, label: str = N_("交通系ICカード"), uid: bytes = bytes.fromhex("04A1B2C3D4E5F6")
    ) -> None:
        self.label = label
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
        if (command.cla, command.ins, command.p1, command.p2) == (0xFF, 0xCA, 0x00, 0x00):
            return iso.response(iso.SW_OK, self.uid[: command.le or len(self.uid)])
        if command.ins == 0xA4:
            return iso.response(iso.SW_FILE_NOT_FOUND)
        return iso.response(iso.SW_INS_NOT_SUPPORTED)
