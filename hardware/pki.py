"""Test keys and certificates for emulated cards: a "JPKI-TEST"-like CA, never real data.

Real user-authentication certificates are issued by
``OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems, O=JPKI, C=JP``
with the subject ``CN=<20-digit number>, C=JP`` (OpenSC issue #3021 shows one). Ours use ``O=JPKI-TEST``
like J-LIS test cards (myna-card ``certs/README.md``), so nobody can mistake them for real ones, and so the
kiosk can tell an emulated/test card from a real one by the issuer alone.

**A stable identity.** A card is the same card every time it is served: its keys, and so its certificates
(which are deterministic given the key, the profile's dates and serial), are kept under a name derived
from the profile (``card-<serial>-auth``), and the test CAs' keys under fixed names. Keys are made once
by OpenSSL (through ``cryptography``) and kept in the user's cache folder (``KIOSK_KEY_CACHE`` overrides
it; an empty value keeps them in memory only), so a second ``kiosk card serve`` of the same profile, or
NSS, p11tool and a browser that saw the card last week, see the same keys and certificates. Deriving
the keys from a seed instead would need a hand-made prime search: ``cryptography`` offers no seeded RSA
key generation, and a pure-Python search measured 1.7 s a key here against OpenSSL's 0.3 s.

Key generation is the slow part, so nothing here runs at start-up: cards make their keys when first
read or on the kiosk's warm-up thread, and each key is made or loaded once per process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from mynakiosk_hardware.records import record

TEST_ORGANIZATION = "JPKI-TEST"
REAL_ORGANIZATION = "JPKI"
AUTH_OU = "JPKI for user authentication"
SIGN_OU = "JPKI for digital signature"
AGENCY_OU = "Japan Agency for Local Authority Information Systems"
#: Names the folder keys are kept in; empty: keep them in memory only (a fresh identity each process).
KEY_CACHE_ENV = "KIOSK_KEY_CACHE"

log = logging.getLogger("hardware.pki")
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]+")


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def key_cache_folder() -> Path | None:
    """Where kept keys live: ``$KIOSK_KEY_CACHE``, else the user's cache folder; ``None``: memory only."""
    value = os.environ.get(KEY_CACHE_ENV)
    if value is not None:
        return Path(value) if value else None
    import platformdirs

    return platformdirs.user_cache_path("mynakiosk") / "test-keys"


_keys: dict[str, rsa.RSAPrivateKey] = {}
_keys_lock = threading.Lock()


def kept_key(name: str) -> rsa.RSAPrivateKey:
    """The RSA-2048 key called ``name``: the same in every process on this machine.

    The lock matters: the start-up warm-up thread and the hardware thread may ask at the same moment,
    and two different keys would leave a certificate that does not match the key that signs.
    """
    if not _SAFE_NAME.fullmatch(name):
        raise ValueError(f"not a key name: {name!r}")
    with _keys_lock:
        key = _keys.get(name)
        if key is None:
            key = _keys[name] = _load_or_make(name)
        return key


def _load_or_make(name: str) -> rsa.RSAPrivateKey:
    folder = key_cache_folder()
    if folder is None:
        return new_rsa_key()
    path = folder / f"{name}.der"
    kept = _load(path)
    if kept is not None:
        return kept
    key = new_rsa_key()
    try:
        return _publish(path, key)
    except OSError as exc:  # a read-only home: the card still works, with a new identity each run
        log.warning("cannot keep test key %s in %s (%s); using it for this run only", name, folder, exc)
        return key


def _load(path: Path) -> rsa.RSAPrivateKey | None:
    try:
        key = serialization.load_der_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        log.warning("ignoring unreadable test key %s (%s)", path, exc)
        return None
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size != 2048:
        log.warning("ignoring %s: not an RSA-2048 key", path)
        return None
    return key


def _publish(path: Path, key: rsa.RSAPrivateKey) -> rsa.RSAPrivateKey:
    """Keep ``key`` at ``path`` unless another process got there first: then use that one.

    Written to a private temporary file and linked into place, which fails when the name exists, so
    two processes making the same card's key at once end up with one key between them.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            winner = _load(path)
            if winner is not None:
                return winner
            os.replace(tmp, path)  # what was there is unreadable: ours replaces it
    finally:
        tmp.unlink(missing_ok=True)
    return key


def card_key(serial: int, purpose: str) -> rsa.RSAPrivateKey:
    """The key of the card whose certificate has ``serial``, for ``purpose`` ("auth", "sign", …).

    Two cards with one serial share their keys: to every PKI client they are one card (the scenario
    loader refuses two cards with one serial, and the default serial differs with the certificate).
    """
    return kept_key(f"card-{serial}-{purpose}")


@record
class CertificateAuthority:
    """A test CA (never a real JPKI one) that issues the emulated cards' certificates."""

    name: x509.Name
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    @property
    def der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)


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
_cas_lock = threading.Lock()


def test_ca(purpose_ou: str = AUTH_OU, organization: str = TEST_ORGANIZATION) -> CertificateAuthority:
    """The test CA for ``purpose_ou`` (user authentication or digital signature): the same in every process.

    Made once under a lock: two threads asking first must get the same CA.
    """
    with _cas_lock:
        ca = _cas.get((purpose_ou, organization))
        if ca is None:
            ca = _cas[(purpose_ou, organization)] = _make_ca(purpose_ou, organization)
        return ca


def _make_ca(purpose_ou: str, organization: str) -> CertificateAuthority:
    purpose = "sign" if purpose_ou == SIGN_OU else "auth"
    key = kept_key(f"ca-{organization.lower()}-{purpose}")
    name = _ca_name(purpose_ou, organization)
    public = key.public_key()
    start = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        # From the key: should the kept key ever be lost, the new CA's certificate never repeats the old
        # one's issuer and serial (NSS refuses a second certificate with both the same).
        .serial_number(_key_serial(public))
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365 * 30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return CertificateAuthority(name, key, certificate)


def _key_serial(public: rsa.RSAPublicKey) -> int:
    """A positive serial of at most 20 octets (RFC 5280 4.1.2.2) taken from the key."""
    spki = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return int.from_bytes(hashlib.sha256(spki).digest()[:19], "big") | 1


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
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
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
