"""Client side of the JPKI AP: the APDU sequences a reception reader sends to a My Number card.

Every function takes a ``CardChannel`` (valid inside a reader job) and speaks only to the JPKI AP: the
券面事項入力補助AP, which holds the 12-digit My Number, is never selected.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware import apdu as iso
from hardware.apdu import CommandApdu, ResponseApdu
from hardware.card import AUTH_PIN_MAX_TRIES, EF_AUTH_PIN, EF_TOKEN, JPKI_AID
from hardware.readers.base import CardChannel, ReaderError


class Pin:
    """A PIN typed by a person. Its ``repr``/``str`` never show the digits, so it cannot leak into logs."""

    __slots__ = ("_digits",)

    def __init__(self, digits: str) -> None:
        if not (len(digits) == 4 and digits.isascii() and digits.isdigit()):
            raise ValueError("暗証番号は数字4桁です (the PIN must be 4 digits)")
        self._digits = digits

    def encoded(self) -> bytes:
        """ASCII digits, as the card expects them (``"1234"`` -> ``31 32 33 34``)."""
        return self._digits.encode("ascii")

    def __repr__(self) -> str:
        return "Pin(****)"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a PIN is never pickled")


class CardProtocolError(ReaderError):
    """The card answered something a My Number card would not."""


def _send(channel: CardChannel, command: CommandApdu) -> ResponseApdu:
    return ResponseApdu.parse(channel.transmit(command.to_bytes()))


def select_jpki_ap(channel: CardChannel) -> bool:
    """SELECT the JPKI AP by DF name without FCI. True when the card has it."""
    return _send(channel, CommandApdu(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)).ok


def select_ef(channel: CardChannel, fid: int) -> int:
    return _send(channel, CommandApdu(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))).sw


TOKEN_PREFIX = b"JPKIAPICCTOKEN"


@dataclass(frozen=True, slots=True)
class CardIdentity:
    """What the reader learns from a card before any PIN: whether it is a My Number card, and its token."""

    is_mynumber_card: bool
    token: str = ""


def identify(channel: CardChannel) -> CardIdentity:
    """A My Number card has the JPKI AP and an EF 0006 token naming an IC card (``JPKIAPICCTOKEN2``)."""
    if not select_jpki_ap(channel):
        return CardIdentity(False)
    if select_ef(channel, EF_TOKEN) != iso.SW_OK:
        return CardIdentity(False)
    answer = _send(channel, CommandApdu(0x00, 0xB0, 0x00, 0x00, le=32))
    if not answer.ok:
        return CardIdentity(False)
    token = answer.data.rstrip(b" \x00\xff").decode("ascii", errors="replace")
    return CardIdentity(answer.data.startswith(TOKEN_PREFIX), token)


def read_auth_pin_tries(channel: CardChannel) -> int:
    """Tries left on the user-authentication PIN, read with an empty VERIFY: no try is spent."""
    if not select_jpki_ap(channel):
        raise CardProtocolError("公的個人認証APがありません (no JPKI AP on this card)")
    sw = select_ef(channel, EF_AUTH_PIN)
    if sw != iso.SW_OK:
        raise CardProtocolError(f"cannot select the auth PIN (SW {sw:04X})")
    sw = _send(channel, CommandApdu(0x00, 0x20, 0x00, 0x80)).sw
    if iso.is_retry_counter(sw):
        return sw & 0x0F
    if sw == iso.SW_AUTH_BLOCKED:
        return 0
    raise CardProtocolError(f"unexpected answer to an empty VERIFY: SW {sw:04X}")


@dataclass(frozen=True, slots=True)
class VerifyResult:
    verified: bool
    tries_left: int

    @property
    def blocked(self) -> bool:
        return not self.verified and self.tries_left == 0


def verify_auth_pin(channel: CardChannel, pin: Pin) -> VerifyResult:
    """VERIFY the user-authentication PIN (EF 0018). 63Cx: wrong, x left; 63C0 / 6984: blocked."""
    if not select_jpki_ap(channel):
        raise CardProtocolError("公的個人認証APがありません (no JPKI AP on this card)")
    sw = select_ef(channel, EF_AUTH_PIN)
    if sw != iso.SW_OK:
        raise CardProtocolError(f"cannot select the auth PIN (SW {sw:04X})")
    sw = _send(channel, CommandApdu(0x00, 0x20, 0x00, 0x80, pin.encoded())).sw
    if sw == iso.SW_OK:
        return VerifyResult(True, AUTH_PIN_MAX_TRIES)
    if iso.is_retry_counter(sw):
        return VerifyResult(False, sw & 0x0F)
    if sw == iso.SW_AUTH_BLOCKED:
        return VerifyResult(False, 0)
    raise CardProtocolError(f"unexpected answer to VERIFY: SW {sw:04X}")
