"""Other PC/SC software reads the emulated card as a real My Number card: OpenSC's JPKI driver.

OpenSC recognises the card as "jpki", lists its four certificates and two PINs with their tries, and
signs with the user-authentication key through ``80 2A``; the signature verifies against the certificate.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.vpcd import VpcdBridge

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("pkcs15-tool") is None, reason="OpenSC is not installed (apt-get install opensc)"
    ),
]


@pytest.fixture
def served_adult_card(pcscd):
    card = MyNumberCard(CardProfile("山田 太郎", "2468", sign_password="YAMADA85"))
    card.prepare()
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    pcscd.wait_card(present=True)
    yield card
    bridge.remove()
    pcscd.wait_card(present=False)


def opensc(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def reader_index(name: str) -> str:
    for line in opensc("opensc-tool", "--list-readers").splitlines():
        if line.rstrip().endswith(name):
            return line.split()[0]
    raise AssertionError(f"OpenSC does not list {name}")


def test_opensc_sees_a_jpki_card_with_its_certificates_and_pins(served_adult_card, pcscd):
    index = reader_index(pcscd.reader)
    assert opensc("opensc-tool", "-r", index, "--name").strip() == "jpki"
    certificates = opensc("pkcs15-tool", "-r", index, "--list-certificates")
    for label in ("User Authentication Certificate", "Digital Signature Certificate", "Certificate CA"):
        assert label in certificates
    pins = opensc("pkcs15-tool", "-r", index, "--list-pins")
    assert "User Authentication PIN" in pins and "Tries left     : 3" in pins and "Tries left     : 5" in pins
    pem = opensc("pkcs15-tool", "-r", index, "--read-certificate", "1")
    certificate = x509.load_pem_x509_certificate(pem.encode())
    assert certificate.serial_number == served_adult_card.profile.certificate_serial


def test_opensc_signs_with_the_auth_key(served_adult_card, pcscd, tmp_path):
    index = reader_index(pcscd.reader)
    digest = tmp_path / "digest.bin"
    digest.write_bytes(hashlib.sha256(b"reception challenge").digest())
    signature = tmp_path / "signature.bin"
    opensc(
        "pkcs15-crypt", "-r", index, "-k", "01", "--sign", "--sha-256", "--pkcs1",
        "-p", "2468", "-i", str(digest), "-o", str(signature),
    )  # fmt: skip
    public = x509.load_der_x509_certificate(served_adult_card.auth_certificate_der).public_key()
    public.verify(signature.read_bytes(), b"reception challenge", padding.PKCS1v15(), hashes.SHA256())
    assert served_adult_card.profile.auth_pin_tries == 3
