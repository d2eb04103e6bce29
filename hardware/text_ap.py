"""The 券面事項入力補助AP's files in the layout real cards have, filled with test values.

Layouts as soltia48/myna-card (``src/ap/text.rs``, ``src/data.rs``) read them from a J-LIS test card and
AokiApp/jsapdu's schemas (``packages/mynacard/src/schema.ts``) parse them:

* EF 0001, the 個人番号: ``FF 10 0C`` + 12 ASCII digits, then two ``FF`` filler bytes (17 bytes).
* EF 0002, the 基本4情報: ``FF 20 …`` holding first ``DF 21``, a table of four 2-byte offsets (from the
  start of the file) of the objects that follow, then ``DF 22`` 氏名 (family and given name separated by
  U+3000), ``DF 23`` 住所 (full-width digits), ``DF 24`` 生年月日 ``YYYYMMDD``, ``DF 25`` 性別 (JIS X 0303).
* EF 0003: ``FF 30`` with the SHA-256 of EF 0001 as stored (filler included, ``DF 31``), the SHA-256 of
  EF 0002's value after the offset table (``DF 32``) and an RSA signature over the two (``DF 33``).
* EF 0004: a card-verifiable certificate ``7F 21`` of the key that signs 0003 and 0007.
* EF 0005: basic information ``FF 40`` (``DF 41`` version bytes, ``DF 42`` a key identifier, ``DF 43``).
* EF 0006: an RSA public key ``A1`` (exponent ``90``, modulus ``91``) for delivering a session key.
* EF 0007: ``FF 50``, the AP's own public key (``DF 51``) with the issuer's signature (``DF 52``).

Everything is signed by keys of this simulator (key identifiers starting ``9``, where production ones
start ``5`` and J-LIS's test hierarchy ``6``), so no verifier holding real or J-LIS test keys accepts it.
The 12-digit number is a test value whose check digit is deliberately wrong (``fake_my_number``).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from cryptography.hazmat.primitives.asymmetric import rsa

TEST_ADDRESS = "東京都千代田区試験町１－１（テスト）"
#: JIS X 0303 "not applicable": profiles say nothing about sex, and a test card should not invent one.
SEX_NOT_APPLICABLE = "9"


def tlv(tag: bytes, value: bytes) -> bytes:
    """One BER-TLV object with a definite length (one, two or three length bytes)."""
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


def my_number_file(number: str) -> bytes:
    """EF 0001 as stored: the 15-byte object and its two filler bytes."""
    return tlv(b"\xff\x10", number.encode("ascii")) + b"\xff\xff"


def _attribute_objects(name: str, address: str, birth_date: dt.date, sex: str) -> list[bytes]:
    return [
        tlv(b"\xdf\x22", name.replace(" ", "\u3000").encode("utf-8")),
        tlv(b"\xdf\x23", address.encode("utf-8")),
        tlv(b"\xdf\x24", birth_date.strftime("%Y%m%d").encode("ascii")),
        tlv(b"\xdf\x25", sex.encode("ascii")),
    ]


def attributes_file(
    name: str, birth_date: dt.date, address: str = TEST_ADDRESS, sex: str = SEX_NOT_APPLICABLE
) -> bytes:
    """EF 0002: the offset table first (clients read it to jump to one field), then the four fields."""
    objects = _attribute_objects(name, address, birth_date, sex)
    table_size = 3 + 2 * len(objects)  # DF 21 08 + four offsets
    value_size = table_size + sum(map(len, objects))
    header_size = len(tlv(b"\xff\x20", bytes(value_size))) - value_size
    offsets, position = b"", header_size + table_size
    for obj in objects:
        offsets += position.to_bytes(2, "big")
        position += len(obj)
    return tlv(b"\xff\x20", tlv(b"\xdf\x21", offsets) + b"".join(objects))


def _attributes_digest_source(attributes: bytes) -> bytes:
    """What DF 32 hashes: EF 0002's value after the offset table (myna-card ``digest_source``)."""
    header = 3 if attributes[2] < 0x80 else 3 + (attributes[2] & 0x7F)
    table_end = header + 2 + 1 + attributes[header + 2]
    return attributes[table_end:]


def _sign(key: rsa.RSAPrivateKey, data: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def integrity_record(my_number_physical: bytes, attributes: bytes, issuer: rsa.RSAPrivateKey) -> bytes:
    """EF 0003: both files' digests, signed by the key EF 0004 certifies."""
    digests = tlv(b"\xdf\x31", hashlib.sha256(my_number_physical).digest()) + tlv(
        b"\xdf\x32", hashlib.sha256(_attributes_digest_source(attributes)).digest()
    )
    return tlv(b"\xff\x30", digests + tlv(b"\xdf\x33", _sign(issuer, digests)))


def rsa_public_key_objects(key: rsa.RSAPublicKey) -> bytes:
    """The card's own RSA public key encoding: exponent under ``90``, modulus under ``91``."""
    numbers = key.public_numbers()
    size = (key.key_size + 7) // 8
    exponent = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
    return tlv(b"\x90", exponent) + tlv(b"\x91", numbers.n.to_bytes(size, "big"))


def key_id(number: str, group: str = "001") -> bytes:
    """A 16-byte key identifier: 7 digits, ``08 05``, 3 digits, 4 padding bytes (myna-card ``KeyId``)."""
    return number.encode("ascii") + b"\x08\x05" + group.encode("ascii") + bytes(4)


CVCA_KEY_ID = key_id("9000033")  # signs the certificate in EF 0004 (production: 5000033)
ISSUER_KEY_ID = key_id("9139999")  # the key EF 0004 certifies (on real cards, the issuing municipality's)
AP_INFO_KEY_ID = key_id("9000034")


def ap_certificate(cvca: rsa.RSAPrivateKey, issuer: rsa.RSAPublicKey) -> bytes:
    """EF 0004: ``7F 21`` { ``5F 4E`` issuer id, subject id, public key; ``5F 37`` signature }."""
    body = CVCA_KEY_ID + ISSUER_KEY_ID + rsa_public_key_objects(issuer)
    return tlv(b"\x7f\x21", tlv(b"\x5f\x4e", body) + tlv(b"\x5f\x37", _sign(cvca, body)))


def ap_basic_info(issuer: rsa.RSAPublicKey) -> bytes:
    """EF 0005: version bytes as seen on cards (``01 03 0E 01``), a key id, 32 bytes + 96 FF (unknown)."""
    marker = hashlib.sha256(rsa_public_key_objects(issuer)).digest()
    return tlv(
        b"\xff\x40",
        tlv(b"\xdf\x41", bytes.fromhex("01030E01"))
        + tlv(b"\xdf\x42", AP_INFO_KEY_ID)
        + tlv(b"\xdf\x43", marker + b"\xff" * 96),
    )


def session_key_file(session: rsa.RSAPublicKey) -> bytes:
    """EF 0006: the public key a terminal would encrypt a session key to (not offered here)."""
    return tlv(b"\xa1", rsa_public_key_objects(session))


def signed_key_file(ap_key: rsa.RSAPublicKey, issuer: rsa.RSAPrivateKey) -> bytes:
    """EF 0007: the AP's own public key and the issuer's signature over its object."""
    key_object = tlv(b"\xdf\x51", rsa_public_key_objects(ap_key))
    return tlv(b"\xff\x50", key_object + tlv(b"\xdf\x52", _sign(issuer, key_object)))
