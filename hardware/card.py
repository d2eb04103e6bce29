"""An emulated My Number card (マイナンバーカード) answering APDUs like the real card's JPKI AP.

The card is a pure object in the style of vsmartcard's ``SmartcardOS``: ``atr()``, ``power_on()``,
``power_off()``, ``reset()`` and ``execute(apdu) -> response``, with a dispatch table per INS. Transports
(the in-process reader, the vpcd bridge) are separate and only move bytes.

Behaviour follows ``shared/reference/card-and-pcsc.md`` §1 and §6; see ``docs/domain.md`` for the choices
made where the reference marks behaviour as uncertain.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from hardware import apdu as iso
from hardware.apdu import ApduError, CommandApdu

log = logging.getLogger("hardware.card")

#: 公的個人認証AP (JPKI AP), selected by DF name.
JPKI_AID = bytes.fromhex("D392F000260100000001")
#: 券面事項入力補助AP. Holds the 12-digit My Number: the kiosk never selects it on a real card.
TEXT_AID = bytes.fromhex("D3921000310001010408")

#: A contactless My Number ATR listed in pcsc-tools' smartcard_list.txt (reference §1.1).
MYNUMBER_ATR = bytes.fromhex("3B888001000005E0B381A1007F")

EF_TOKEN = 0x0006
EF_CERT_AVAILABILITY = 0x0008
EF_AUTH_PIN = 0x0018

#: Token name of a physical My Number card: ``JPKIAPICCTOKEN2``, space padded to 32 bytes (reference §1.3).
TOKEN_MYNUMBER_CARD = b"JPKIAPICCTOKEN2".ljust(32, b" ")
#: EF 0006 is 160 bytes on the card (myna-card, [single]); bytes after the name are FF filler here.
TOKEN_FILE_SIZE = 160

AUTH_PIN_MAX_TRIES = 3  # 利用者証明用電子証明書 PIN: 3 tries (reference §1.4, [multi])


class BlockedQueryAnswer(Enum):
    """What an empty VERIFY answers on a blocked PIN: not certain on real cards (reference §1.6)."""

    RETRIES_ZERO = 0x63C0
    AUTH_BLOCKED = 0x6984


@dataclass
class CardProfile:
    """A person's card: its PIN and the retry counter that persists across power cycles.

    The counter lives here rather than in the card's volatile state because a real card keeps it in
    EEPROM: taking the card off the reader does not reset it; only a correct PIN (or the 市区町村) does.
    """

    holder: str
    auth_pin: str = field(repr=False)
    auth_pin_tries: int = AUTH_PIN_MAX_TRIES
    blocked_query_answer: BlockedQueryAnswer = BlockedQueryAnswer.RETRIES_ZERO

    def __post_init__(self) -> None:
        if not (len(self.auth_pin) == 4 and self.auth_pin.isascii() and self.auth_pin.isdigit()):
            raise ValueError(f"card profile {self.holder!r}: the user-authentication PIN must be 4 digits")
        if not 0 <= self.auth_pin_tries <= AUTH_PIN_MAX_TRIES:
            raise ValueError(
                f"card profile {self.holder!r}: auth_pin_tries must be 0..{AUTH_PIN_MAX_TRIES},"
                f" got {self.auth_pin_tries}"
            )


@dataclass
class _ElementaryFile:
    data: bytes
    sfi: int


class MyNumberCard:
    """The JPKI AP subset a reception needs: SELECT, READ BINARY, VERIFY (with the 63Cx counter)."""

    def __init__(self, profile: CardProfile) -> None:
        self.profile = profile
        self._files: dict[int, _ElementaryFile] = {
            EF_TOKEN: _ElementaryFile(TOKEN_MYNUMBER_CARD.ljust(TOKEN_FILE_SIZE, b"\xff"), sfi=0x06),
            EF_CERT_AVAILABILITY: _ElementaryFile(bytes.fromhex("8F8F00"), sfi=0x08),
        }
        self._pin_efs = {EF_AUTH_PIN: 0x18}
        self._handlers: dict[int, Callable[[CommandApdu], bytes]] = {
            0xA4: self._select,
            0xB0: self._read_binary,
            0x20: self._verify,
        }
        self._powered = False
        self._clear_security_state()

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
        self._selected_df: bytes | None = None
        self._selected_ef: int | None = None
        self._auth_pin_verified = False

    # -- dispatch ------------------------------------------------------------------------------

    def execute(self, raw: bytes) -> bytes:
        """Answer one command APDU. Never raises: every input ends in a status word."""
        try:
            command = CommandApdu.parse(raw)
        except ApduError:
            return iso.response(iso.SW_WRONG_LENGTH)
        if command.cla & 0x0C:  # secure messaging is not offered on the contactless interface
            return iso.response(iso.SW_SM_NOT_SUPPORTED)
        if command.cla not in (0x00, 0x80):
            return iso.response(iso.SW_CLA_NOT_SUPPORTED)
        handler = self._handlers.get(command.ins)
        if handler is None:
            return iso.response(iso.SW_INS_NOT_SUPPORTED)
        return handler(command)

    # -- SELECT --------------------------------------------------------------------------------

    def _select(self, c: CommandApdu) -> bytes:
        if c.cla != 0x00:
            return iso.response(iso.SW_CLA_NOT_SUPPORTED)
        if c.p2 not in (0x00, 0x0C):
            return iso.response(iso.SW_WRONG_P1P2)
        if c.p1 == 0x04:
            # A prefix of a DF name selects it (JICSAP 4.2(1), reference §1.5).
            if not c.data or not JPKI_AID.startswith(c.data):
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._clear_security_state()  # re-SELECT of the AP clears the verified state
            self._selected_df = JPKI_AID
            if c.p2 == 0x00:
                # FCI content is undocumented (reference §1.5, [single]): a minimal template with the DF name.
                return iso.response(
                    iso.SW_OK, bytes((0x6F, 2 + len(JPKI_AID), 0x84, len(JPKI_AID))) + JPKI_AID
                )
            return iso.response(iso.SW_OK)
        if c.p1 == 0x02:
            if self._selected_df is None or len(c.data) != 2:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            fid = int.from_bytes(c.data, "big")
            if fid not in self._files and fid not in self._pin_efs:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._selected_ef = fid
            return iso.response(iso.SW_OK)
        return iso.response(iso.SW_WRONG_P1P2)

    # -- READ BINARY ---------------------------------------------------------------------------

    def _read_binary(self, c: CommandApdu) -> bytes:
        if c.cla != 0x00:
            return iso.response(iso.SW_CLA_NOT_SUPPORTED)
        if self._selected_df is None:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        if c.p1 & 0x80:  # short EF identifier in P1, 8-bit offset in P2
            sfi = c.p1 & 0x1F
            fid = next((f for f, ef in self._files.items() if ef.sfi == sfi), None)
            if fid is None:
                return iso.response(iso.SW_FILE_NOT_FOUND)
            self._selected_ef = fid
            offset = c.p2
        else:
            fid = self._selected_ef
            offset = ((c.p1 << 8) | c.p2) & 0x7FFF
        if fid is None or fid not in self._files:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        data = self._files[fid].data
        if offset >= len(data):
            return iso.response(iso.SW_WRONG_OFFSET)
        if c.le is None:
            return iso.response(iso.SW_WRONG_LENGTH)
        return iso.response(iso.SW_OK, data[offset : offset + c.le])

    # -- VERIFY --------------------------------------------------------------------------------

    def _verify(self, c: CommandApdu) -> bytes:
        if c.cla != 0x00:
            return iso.response(iso.SW_CLA_NOT_SUPPORTED)
        if c.p1 != 0x00:
            return iso.response(iso.SW_WRONG_P1P2)
        if self._selected_df is None:
            return iso.response(iso.SW_CONDITIONS_NOT_SATISFIED)
        if c.p2 == 0x80:  # the key of the current EF
            fid = self._selected_ef
        elif c.p2 & 0x80:  # short EF identifier form: P2 = 80 | SFI
            fid = next((f for f, sfi in self._pin_efs.items() if sfi == c.p2 & 0x1F), None)
        else:
            return iso.response(iso.SW_WRONG_P1P2)
        if fid != EF_AUTH_PIN:
            return iso.response(iso.SW_FILE_NOT_FOUND)
        self._selected_ef = fid
        profile = self.profile
        blocked = profile.auth_pin_tries == 0
        if not c.data:  # empty VERIFY: report the counter without spending a try (JICSAP 6.4.9 (5))
            if blocked:
                return iso.response(profile.blocked_query_answer.value)
            return iso.response(iso.sw_retries(profile.auth_pin_tries))
        if blocked:
            return iso.response(iso.SW_AUTH_BLOCKED)
        if c.data == profile.auth_pin.encode("ascii"):
            profile.auth_pin_tries = AUTH_PIN_MAX_TRIES
            self._auth_pin_verified = True
            return iso.response(iso.SW_OK)
        profile.auth_pin_tries -= 1
        self._auth_pin_verified = False
        log.info("user-auth verification failed; %d tries left", profile.auth_pin_tries)
        return iso.response(iso.sw_retries(profile.auth_pin_tries))

    @property
    def auth_pin_verified(self) -> bool:
        return self._auth_pin_verified


class OtherCard:
    """A contactless card that is not a My Number card (a transit or loyalty card): no JPKI AP.

    Placing it must end in 「読み取りに失敗しました」, as on a real reader.
    """

    ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")  # PC/SC Part 3 ATR of a FeliCa-like card

    def __init__(self, label: str = "交通系ICカード") -> None:
        self.label = label

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
        if command.ins == 0xA4:
            return iso.response(iso.SW_FILE_NOT_FOUND)
        return iso.response(iso.SW_INS_NOT_SUPPORTED)
