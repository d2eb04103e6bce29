"""Client side of a phone held over the 汎用カードリーダー: what the reception sends to a スマホ保険証.

The same JPKI AP commands as for the card (``hardware.jpki``), in the order a phone needs them: the token
says iPhone or Android; Android's PIN (typed earlier on the face reader) is verified on the phone, then the
phone signs the server's challenge and gives its user-authentication certificate. The real protocol is not
public: docs/hardware.md says what is modelled and why.
"""

from __future__ import annotations

import enum
import hashlib
from typing import TYPE_CHECKING

# The errors this client raises, importable from here too.
from mynakiosk_hardware.errors import BiometricNeeded as BiometricNeeded
from mynakiosk_hardware.errors import CardProtocolError, Device, Protection, RealCardProtected
from mynakiosk_hardware.errors import PhoneNotPresented as PhoneNotPresented
from mynakiosk_hardware.jpki import (
    VerifyResult,
    identify,
    read_auth_pin_tries,
    read_binary_all,
    sha256_digest_info,
    sign_with_auth_key,
    verify_auth_pin,
)
from mynakiosk_hardware.mynumber import EF_AUTH_CA_CERT, EF_AUTH_CERT
from mynakiosk_hardware.phone import PhoneKind
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.readers.base import CardChannel


class HeldToken(enum.Enum):
    """What answered on the 汎用カードリーダー."""

    IPHONE = "iphone"
    ANDROID = "android"
    CARD = "card"  # a plastic My Number card: it belongs on the face reader
    OTHER = "other"

    @property
    def phone_kind(self) -> PhoneKind | None:
        return {HeldToken.IPHONE: PhoneKind.IPHONE, HeldToken.ANDROID: PhoneKind.ANDROID}.get(self)


_TOKENS = {
    PhoneKind.IPHONE.token.decode().rstrip(): HeldToken.IPHONE,
    PhoneKind.ANDROID.token.decode().rstrip(): HeldToken.ANDROID,
    "JPKIAPICCTOKEN2": HeldToken.CARD,
}


def held_token(channel: CardChannel) -> HeldToken:
    """What answers as a JPKI token; ``PhoneNotPresented`` when nothing does (no JPKI AP, no token)."""
    token = identify(channel).token
    if not token:
        raise PhoneNotPresented("no JPKI token answered: the card was never added to this phone")
    return _TOKENS.get(token, HeldToken.OTHER)


def _is_test_phone(channel: CardChannel) -> bool:
    """A phone whose CA certificate (readable without a PIN) is a test one: emulated, never a person's."""
    from mynakiosk_hardware import pki

    return pki.is_test_certificate(read_binary_all(channel, EF_AUTH_CA_CERT))


def verify_phone_pin(channel: CardChannel, pin: Pin, *, allow_real_phone: bool = False) -> VerifyResult:
    """VERIFY an Android phone's own PIN (its counter, not the card's), guarded as the card's is.

    A real phone is never sent a PIN without ``allow_real_phone``, nor at its last try.
    """
    real = not _is_test_phone(channel)
    if real and not allow_real_phone:
        raise RealCardProtected(Device.PHONE, Protection.NOT_OPTED_IN)
    tries = read_auth_pin_tries(channel)
    if real and (tries is None or tries <= 1):
        raise RealCardProtected(Device.PHONE, Protection.for_tries(tries), tries)
    return verify_auth_pin(channel, pin)  # the phone's own PIN EF 0018 and counter


@record(slots=True)
class PhoneAuthentication:
    """What the 汎用カードリーダー learned from the phone held over it.

    ``verify`` is the Android PIN check (None for an iPhone, or when the PIN was never sent); a signature
    and certificate are present only when the phone unlocked its key.
    """

    token: HeldToken
    verify: VerifyResult | None = None
    signature: bytes = b""
    certificate: bytes = b""

    @property
    def authenticated(self) -> bool:
        return bool(self.signature and self.certificate)


def authenticate_phone(
    channel: CardChannel, challenge: bytes, pin: Pin | None = None, *, allow_real_phone: bool = False
) -> PhoneAuthentication:
    """The reception's exchange with a held phone: token, (Android) PIN, signature over ``challenge``,
    certificate. A card held there is reported as ``HeldToken.CARD`` and left alone.
    """
    token = held_token(channel)
    if token.phone_kind is None:
        return PhoneAuthentication(token)
    result: VerifyResult | None = None
    if token is HeldToken.ANDROID:
        if pin is None:
            return PhoneAuthentication(token)
        result = verify_phone_pin(channel, pin, allow_real_phone=allow_real_phone)
        if not result.verified:
            return PhoneAuthentication(token, result)
    digest_info = sha256_digest_info(hashlib.sha256(challenge).digest())
    try:
        certificate = read_binary_all(channel, EF_AUTH_CERT)
        signature = sign_with_auth_key(channel, digest_info)
    except CardProtocolError:
        if token is HeldToken.IPHONE:  # certificate and key stay shut until Face ID / Touch ID on the phone
            raise BiometricNeeded(
                "the iPhone's certificate and key are shut until Face ID / Touch ID"
            ) from None
        raise
    return PhoneAuthentication(token, result, signature, certificate)
