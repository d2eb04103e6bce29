"""Test keys and certificates for emulated cards: a "JPKI-TEST"-like CA, never real data.

Real user-authentication certificates are issued by
``OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems, O=JPKI, C=JP``
with the subject ``CN=<20-digit number>, C=JP`` (a real card's dump in OpenSC issue #3021). Ours use ``O=JPKI-TEST`` like J-LIS test
cards (myna-card certs/README), so nobody can mistake them for real ones, and so the kiosk can tell an
emulated/test card from a real one by the issuer alone.

RSA key generation is the slow part (~0.1 s per key), so CA keys are made once per process and card keys
only when a card first needs them.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

TEST_ORGANIZATION = "JPKI-TEST"
REAL_ORGANIZATION = "JPKI"
AUTH_OU = "JPKI for user authentication"
SIGN_OU = "JPKI for digital signature"
AGENCY_OU = "Japan Agency for Local Authority Information Systems"

_lock = threading.Lock()


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


_card_keys: dict[tuple[int, str], rsa.RSAPrivateKey] = {}
_card_keys_lock = threading.Lock()


def card_key(serial: int, purpose: str) -> rsa.RSAPrivateKey:
    """The key of the card whose certificate has ``serial``: made once per process, then reused.

    Two cards of the same holder in one process (a test suite, the card picker's reset) share a key, which
    is what a re-read of the same physical card would show. The lock matters: the start-up warm-up thread
    and the hardware thread may ask at the same moment, and two different keys would leave a certificate
    that does not match the key that signs.
    """
    with _card_keys_lock:
        key = _card_keys.get((serial, purpose))
        if key is None:
            key = _card_keys[(serial, purpose)] = new_rsa_key()
        return key


@dataclass(frozen=True)
class CertificateAuthority:
    """A test CA (never a real JPKI one) that issues the emulated cards' certificates."""

    name: x509.Name
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    @property
    def der(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding

        return self.certificate.public_bytes(Encoding.DER)


def _ca_name(purpose_ou: str, organization: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, purpose_ou),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, AGENCY_OU),
        ]
    )


_cas: dict[tuple[str, str], CertificateAuthority] = {}


def test_ca(purpose_ou: str = AUTH_OU, organization: str = TEST_ORGANIZATION) -> CertificateAuthority:
    """The process-wide test CA for ``purpose_ou`` (user authentication or digital signature).

    Made once under a lock: two threads asking first must get the same CA.
    """
    with _lock:
        ca = _cas.get((purpose_ou, organization))
        if ca is None:
            ca = _cas[(purpose_ou, organization)] = _make_ca(purpose_ou, organization)
        return ca


def _make_ca(purpose_ou: str, organization: str) -> CertificateAuthority:
    key = new_rsa_key()
    name = _ca_name(purpose_ou, organization)
    now = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=365 * 30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(key, hashes.SHA256())
    )
    return CertificateAuthority(name, key, certificate)


def issue_certificate(
    ca: CertificateAuthority,
    key: rsa.RSAPrivateKey,
    serial: int,
    subject_cn: str,
    not_before: dt.date,
    not_after: dt.date,
    *,
    signature: bool = False,
) -> x509.Certificate:
    """An end-entity certificate like the card's: CN and C only, validity to the day."""
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"), x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)]
    )
    start = dt.datetime.combine(not_before, dt.time(0, 0), tzinfo=dt.UTC)
    end = dt.datetime.combine(not_after, dt.time(23, 59, 59), tzinfo=dt.UTC)
    usage = (
        x509.KeyUsage(True, True, False, False, False, False, False, False, False)
        if signature
        else x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.name)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(usage, critical=True)
        .sign(ca.key, hashes.SHA256())
    )


def is_test_certificate(der: bytes) -> bool:
    """True when the certificate was issued under a test hierarchy (``O=JPKI-TEST``), not the real JPKI."""
    try:
        certificate = x509.load_der_x509_certificate(der)
    except ValueError:
        return False
    organizations = certificate.issuer.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return any(attr.value == TEST_ORGANIZATION for attr in organizations)


def certificate_serial(der: bytes) -> int:
    return x509.load_der_x509_certificate(der).serial_number
