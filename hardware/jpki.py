"""Client side of the JPKI AP: the APDU sequences a reception reader sends to a My Number card.

Every function takes a ``CardChannel`` (valid inside a reader job) and speaks only to the JPKI AP: the
券面事項入力補助AP, which holds the 12-digit My Number, is never selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk_hardware import apdu as iso
from mynakiosk_hardware.apdu import ApduError, CommandApdu, ResponseApdu

# The errors this client raises, importable from here too.
from mynakiosk_hardware.errors import CardProtocolError as CardProtocolError
from mynakiosk_hardware.errors import CardUnreadable as CardUnreadable
from mynakiosk_hardware.errors import Device, Protection
from mynakiosk_hardware.errors import NoJpkiApplicationError as NoJpkiApplicationError
from mynakiosk_hardware.errors import RealCardProtected as RealCardProtected
from mynakiosk_hardware.mynumber import (
    AUTH_PIN_MAX_TRIES,
    EF_AUTH_CERT,
    EF_AUTH_KEY,
    EF_AUTH_PIN,
    EF_TOKEN,
    JPKI_AID,
)
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk_hardware.channel import CardChannel
    from mynakiosk_hardware.pin import Pin


def _send(channel: CardChannel, command: CommandApdu) -> ResponseApdu:
    try:
        return ResponseApdu.parse(channel.transmit(command.to_bytes()))
    except ApduError as exc:
        raise CardProtocolError(f"malformed answer from the card: {exc}") from None


def select_jpki_ap(channel: CardChannel) -> bool:
    """SELECT the JPKI AP by DF name without FCI. True when the card has it."""
    return _send(channel, CommandApdu(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)).ok


def select_ef(channel: CardChannel, fid: int) -> int:
    return _send(channel, CommandApdu(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))).sw


TOKEN_PREFIX = b"JPKIAPICCTOKEN"


@record(slots=True)
class CardIdentity:
    """What the reader learns from a card before any PIN: whether it is a My Number card, and its token."""

    is_mynumber_card: bool
    token: str = ""


#: Answers to a SELECT by AID that mean "no such application on this card" (ISO/IEC 7816-4, status words
#: 6A82 file or application not found, 6A81 function not supported, 6A86 incorrect P1-P2, 6D00 / 6E00
#: instruction / class not supported). Only these count as evidence that a card has no JPKI AP; any other
#: failure is evidence of nothing.
NO_SUCH_APPLICATION = frozenset(
    {
        iso.SW_FILE_NOT_FOUND,
        iso.SW_FUNCTION_NOT_SUPPORTED,
        iso.SW_WRONG_P1P2,
        iso.SW_INS_NOT_SUPPORTED,
        iso.SW_CLA_NOT_SUPPORTED,
    }
)


def identify(channel: CardChannel) -> CardIdentity:
    """A My Number card has the JPKI AP and an EF 0006 token naming an IC card (``JPKIAPICCTOKEN2``).

    Fails closed: a card is "not a My Number card" only when it says it has no JPKI AP, or its token
    names something else (a smartphone). A JPKI AP whose token cannot be read raises ``CardUnreadable``.
    """
    sw = _send(channel, CommandApdu(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)).sw
    if sw in NO_SUCH_APPLICATION:
        return CardIdentity(False)
    if sw != iso.SW_OK:
        raise CardUnreadable(f"SELECT of the JPKI AP answered SW {sw:04X}")
    sw = select_ef(channel, EF_TOKEN)
    if sw != iso.SW_OK:
        raise CardUnreadable(f"SELECT of the token EF 0006 answered SW {sw:04X}")
    answer = _send(channel, CommandApdu(0x00, 0xB0, 0x00, 0x00, le=32))
    if not answer.ok or not answer.data:
        raise CardUnreadable(f"READ BINARY of the token EF 0006 answered SW {answer.sw:04X}")
    token = answer.data.rstrip(b" \x00\xff").decode("ascii", errors="replace")
    return CardIdentity(answer.data.startswith(TOKEN_PREFIX), token)


def read_auth_pin_tries(channel: CardChannel) -> int | None:
    """Tries left on the user-authentication PIN, read with an empty VERIFY: no try is spent.

    ``0`` when it is blocked, and on a card with no PIN set (a 顔認証マイナンバーカード answers as a
    blocked PIN does: ``hardware.card``); ``None`` when the card says it has no such PIN (``6A88``).
    """
    if not select_jpki_ap(channel):
        raise NoJpkiApplicationError()
    sw = select_ef(channel, EF_AUTH_PIN)
    if sw != iso.SW_OK:
        raise CardProtocolError(f"cannot select the auth PIN (SW {sw:04X})")
    sw = _send(channel, CommandApdu(0x00, 0x20, 0x00, 0x80)).sw
    if iso.is_retry_counter(sw):
        return iso.retries_left(sw)
    if sw == iso.SW_AUTH_BLOCKED:
        return 0
    if sw == iso.SW_REFERENCE_NOT_FOUND:
        return None
    raise CardProtocolError(f"unexpected answer to an empty VERIFY: SW {sw:04X}")


@record(slots=True)
class VerifyResult:
    """The card's answer to VERIFY: whether the PIN matched and how many tries are left."""

    verified: bool
    tries_left: int

    @property
    def blocked(self) -> bool:
        return not self.verified and self.tries_left == 0


def verify_auth_pin(channel: CardChannel, pin: Pin) -> VerifyResult:
    """VERIFY the user-authentication PIN (EF 0018). 63Cx: wrong, x left; 63C0 / 6984: blocked."""
    if not select_jpki_ap(channel):
        raise NoJpkiApplicationError()
    sw = select_ef(channel, EF_AUTH_PIN)
    if sw != iso.SW_OK:
        raise CardProtocolError(f"cannot select the auth PIN (SW {sw:04X})")
    sw = _send(channel, CommandApdu(0x00, 0x20, 0x00, 0x80, pin.encoded())).sw
    if sw == iso.SW_OK:
        return VerifyResult(True, AUTH_PIN_MAX_TRIES)
    if iso.is_retry_counter(sw):
        return VerifyResult(False, iso.retries_left(sw))
    if sw == iso.SW_AUTH_BLOCKED:
        return VerifyResult(False, 0)
    raise CardProtocolError(f"unexpected answer to VERIFY: SW {sw:04X}")


def read_binary_all(channel: CardChannel, fid: int) -> bytes:
    """Read a DER object from an EF: the header gives the length, FF filler after it is not returned."""
    if select_ef(channel, fid) != iso.SW_OK:
        raise CardProtocolError(f"EF {fid:04X} not found")
    head = _send(channel, CommandApdu(0x00, 0xB0, 0x00, 0x00, le=4))
    if not head.ok or len(head.data) < 2:
        raise CardProtocolError(f"cannot read EF {fid:04X} (SW {head.sw:04X})")
    data = head.data
    if data[1] & 0x80:
        count = data[1] & 0x7F
        total = 2 + count + int.from_bytes(data[2 : 2 + count], "big")
    else:
        total = 2 + data[1]
    while len(data) < total:
        chunk = _send(
            channel, CommandApdu(0x00, 0xB0, len(data) >> 8, len(data) & 0xFF, le=min(256, total - len(data)))
        )
        if not chunk.ok or not chunk.data:
            raise CardProtocolError(f"EF {fid:04X} ended early at {len(data)} bytes (SW {chunk.sw:04X})")
        data += chunk.data
    return bytes(data[:total])


def read_auth_certificate(channel: CardChannel) -> bytes:
    """The 利用者証明用電子証明書 (EF 000A): readable without a PIN."""
    if not select_jpki_ap(channel):
        raise NoJpkiApplicationError()
    return read_binary_all(channel, EF_AUTH_CERT)


def sign_with_auth_key(channel: CardChannel, digest_info: bytes) -> bytes:
    """``80 2A 00 80`` with the user-auth key (EF 0017); the PIN must have been verified in this session."""
    if select_ef(channel, EF_AUTH_KEY) != iso.SW_OK:
        raise CardProtocolError("user-authentication key not found")
    answer = _send(channel, CommandApdu(0x80, 0x2A, 0x00, 0x80, digest_info, le=256))
    if not answer.ok:
        raise CardProtocolError(f"the card refused to sign (SW {answer.sw:04X})")
    return answer.data


def sha256_digest_info(digest: bytes) -> bytes:
    """DER DigestInfo for a SHA-256 digest, what ``80 2A 00 80`` expects (OpenSC card-jpki.c)."""
    return bytes.fromhex("3031300d060960864801650304020105000420") + digest


@record(slots=True)
class Authentication:
    """Result of the PIN-mode identity step: the card's signature over a challenge, and its certificate."""

    verify: VerifyResult
    signature: bytes = b""
    certificate: bytes = b""


def authenticate(
    channel: CardChannel, pin: Pin, challenge: bytes, *, allow_real_card: bool = False
) -> Authentication:
    """What a reader does in PIN mode (the generic JPKI challenge-response, as jpki/myna's mpa host does it): VERIFY, sign the server's challenge, read the auth certificate.

    The VERIFY is guarded: a real card is only asked when ``allow_real_card`` and never at its last try.
    """
    import hashlib

    result = guarded_verify(channel, pin, allow_real_card=allow_real_card)
    if not result.verified:
        return Authentication(result)
    signature = sign_with_auth_key(channel, sha256_digest_info(hashlib.sha256(challenge).digest()))
    return Authentication(result, signature, read_auth_certificate(channel))


def read_uid(channel: CardChannel) -> bytes | None:
    """The contactless UID through the PC/SC GET DATA pseudo-APDU ``FF CA 00 00 00``, if the reader has one."""
    answer = _send(channel, CommandApdu(0xFF, 0xCA, 0x00, 0x00, le=256))
    return answer.data if answer.ok and answer.data else None


@record(slots=True)
class CardSurvey:
    """Everything a reader may learn from a card without a PIN, and without touching the My Number AP.

    Made only from reads that succeeded: ``survey`` raises when one the classing needs fails.
    """

    identity: CardIdentity
    tries_left: int | None = (
        None  # None: no such PIN (6A88), or not a My Number card; 0: blocked or never set
    )
    test_certificate: bool = False  # issued under JPKI-TEST: an emulated or test card, not a real one
    certificate_serial: int | None = None
    uid: bytes | None = None  # contactless UID, for cards that are not My Number cards

    @property
    def is_real_mynumber_card(self) -> bool:
        return self.identity.is_mynumber_card and not self.test_certificate

    @property
    def proven_emulated(self) -> bool:
        """The one positive evidence that a PIN may go to the card: its certificate was read, and is a
        test one. Anything unread, unparsable or issued elsewhere counts as real."""
        return self.identity.is_mynumber_card and self.test_certificate

    @property
    def tries_to_spare(self) -> bool:
        """More than one try is known to be left: a wrong PIN cannot block the card."""
        return self.tries_left is not None and self.tries_left > 1


def survey(channel: CardChannel) -> CardSurvey:
    """Identify the card, read its retry counter (empty VERIFY) and its auth certificate's issuer and serial.

    Any of these reads failing raises (``CardUnreadable``, ``CardProtocolError``, or the reader's error):
    a survey is never made of guesses.
    """
    from mynakiosk_hardware import pki

    identity = identify(channel)
    if not identity.is_mynumber_card:
        return CardSurvey(identity, uid=read_uid(channel))
    tries = read_auth_pin_tries(channel)
    try:
        certificate = read_auth_certificate(channel)
    except CardProtocolError as exc:
        raise CardUnreadable(f"the auth certificate could not be read: {exc}") from exc
    try:
        serial = pki.certificate_serial(certificate)
    except ValueError:
        serial = None
    return CardSurvey(identity, tries, pki.is_test_certificate(certificate), serial)


def guarded_verify(channel: CardChannel, pin: Pin, *, allow_real_card: bool = False) -> VerifyResult:
    """VERIFY only a card proven emulated, or a real one the user opted in for that has tries to spare.

    The check is made on the card itself, just before the VERIFY, so no caller can skip it; it fails
    closed: a read that fails raises before any VERIFY, and whatever is not proven emulated is real.
    """
    found = survey(channel)
    if not found.identity.is_mynumber_card:
        raise CardProtocolError("not a My Number card (no JPKI AP, or another token): no VERIFY sent")
    if found.proven_emulated:
        return verify_auth_pin(channel, pin)
    if not allow_real_card:
        raise RealCardProtected(Device.CARD, Protection.NOT_OPTED_IN, found.tries_left)
    if not found.tries_to_spare:
        raise RealCardProtected(Device.CARD, Protection.for_tries(found.tries_left), found.tries_left)
    return verify_auth_pin(channel, pin)
