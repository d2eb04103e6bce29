"""Client software nobody here wrote reads every emulated card as a real My Number card.

Through pcscd + vpcd, for a child's, an infant's, an adult's, a locked, an expired card and one with no PIN
set (顔認証マイナンバーカード, which answers as a blocked PIN: hardware/card.py): OpenSC's JPKI
driver (``opensc-tool``, ``pkcs15-tool``, ``pkcs11-tool`` with its own token self-test on every token the
card has), GnuTLS ``p11tool`` and OpenSSL through the libp11 engine. Where the card's PIN can be used,
each signs with the user-authentication key and the signature verifies against the card's certificate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

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

AUTH_TOKEN = "JPKI (User Authentication PIN)"
SIGN_TOKEN = "JPKI (Digital Signature PIN)"
MODULE_CANDIDATES = (
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
    "/usr/lib64/opensc-pkcs11.so",
)
MESSAGE = b"reception challenge"


@dataclass(frozen=True)
class Kind:
    name: str
    profile: CardProfile
    pin: str | None  # the PIN a client may use, None when it cannot (locked, or none set)

    @property
    def tries(self) -> int:
        """What the card says is left: a PIN never set answers as a blocked one."""
        return self.profile.auth_pin_tries if self.profile.has_pin else 0


KINDS = [
    Kind(
        "child",
        CardProfile(
            "山田 さくら", "1234", birth_date=dt.date(2018, 5, 14), certificate_not_before=dt.date(2023, 6, 1)
        ),
        "1234",
    ),
    Kind(
        "infant",
        CardProfile(
            "山田 ひなた",
            "5678",
            birth_date=dt.date(2025, 10, 1),
            photo=False,
            certificate_not_before=dt.date(2026, 1, 10),
        ),
        "5678",
    ),
    Kind(
        "adult",
        CardProfile("山田 太郎", "2468", sign_password="YAMADA85", birth_date=dt.date(1985, 3, 3)),
        "2468",
    ),
    Kind("locked", CardProfile("山田 ロック", "1234", auth_pin_tries=0), None),
    Kind("no-pin", CardProfile("山田 顔認証", None, birth_date=dt.date(1950, 4, 1)), None),
    Kind(
        "expired",
        CardProfile(
            "山田 期限切れ",
            "1357",
            certificate_not_before=dt.date(2021, 6, 1),
            certificate_not_after=dt.date(2026, 5, 14),
        ),
        "1357",
    ),
]


def opensc_module() -> str:
    found = next((m for m in MODULE_CANDIDATES if Path(m).exists()), None)
    if found is None:
        pytest.skip("opensc-pkcs11.so not found (apt-get install opensc-pkcs11)")
    return found


def tool(*args: str, env: dict[str, str] | None = None, ok: bool = True) -> subprocess.CompletedProcess[str]:
    if shutil.which(args[0]) is None:
        pytest.skip(f"{args[0]} is not installed (scripts/test installs it)")
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
    if ok:
        assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def reader_index(name: str) -> str:
    for line in tool("opensc-tool", "--list-readers").stdout.splitlines():
        if line.rstrip().endswith(name):
            return line.split()[0]
    raise AssertionError(f"OpenSC does not list {name}")


@pytest.fixture(params=KINDS, ids=[k.name for k in KINDS])
def served(request, pcscd):
    kind: Kind = request.param
    card = MyNumberCard(replace(kind.profile))  # a fresh copy: the tests may spend tries
    card.prepare()
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    pcscd.wait_card(present=True)
    yield kind, card, reader_index(pcscd.reader)
    bridge.remove()
    pcscd.wait_card(present=False)


def verify_auth_signature(card: MyNumberCard, signature: bytes) -> None:
    public = x509.load_der_x509_certificate(card.auth_certificate_der).public_key()
    public.verify(signature, MESSAGE, padding.PKCS1v15(), hashes.SHA256())


def test_opensc_lists_the_user_authentication_certificate_and_pin(served):
    kind, card, index = served
    assert tool("opensc-tool", "-r", index, "--name").stdout.strip() == "jpki"
    certificates = tool("pkcs15-tool", "-r", index, "--list-certificates").stdout
    assert "X.509 Certificate [User Authentication Certificate]" in certificates
    pem = tool("pkcs15-tool", "-r", index, "--read-certificate", "1").stdout
    assert x509.load_pem_x509_certificate(pem.encode()).serial_number == card.profile.certificate_serial
    pins = tool("pkcs15-tool", "-r", index, "--list-pins").stdout
    auth_pin = pins.split("PIN [Digital Signature PIN]")[0]
    assert "PIN [User Authentication PIN]" in auth_pin and f"Tries left     : {kind.tries}" in auth_pin
    sign_tries = 5 if card.profile.has_signature_certificate else 0  # unissued: answers as never set
    assert f"Tries left     : {sign_tries}" in pins.split("PIN [Digital Signature PIN]")[1]


def test_pkcs11_tool_self_test_passes_on_every_token(served, pcscd):
    kind, card, _ = served
    listing = tool("pkcs11-tool", "--module", opensc_module(), "--list-slots").stdout
    ours = [block for block in re.split(r"\n(?=Slot )", listing) if pcscd.reader in block.splitlines()[0]]
    labels = sorted(
        re.search(r"token label\s*:\s*(.+)", b).group(1).strip() for b in ours if "token label" in b
    )
    assert labels == [SIGN_TOKEN, AUTH_TOKEN]
    for label in labels:
        login = ["--login", "--pin", kind.pin] if label == AUTH_TOKEN and kind.pin else []
        result = tool("pkcs11-tool", "--module", opensc_module(), "--token-label", label, *login, "--test")
        assert "No errors" in result.stdout, result.stdout
        if login:
            assert "SHA256-RSA-PKCS: OK" in result.stdout  # it did sign with the card's key
    assert card.profile.auth_pin_tries == kind.profile.auth_pin_tries  # a self-test never costs a try


def test_pkcs11_tool_signs_with_the_user_authentication_key(served, tmp_path):
    kind, card, _ = served
    if kind.pin is None:
        pytest.skip("the PIN is blocked, or none is set: nothing can sign")
    message, signature = tmp_path / "message", tmp_path / "signature"
    message.write_bytes(MESSAGE)
    tool(
        "pkcs11-tool", "--module", opensc_module(), "--token-label", AUTH_TOKEN, "--login", "--pin", kind.pin,
        "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01",
        "--input-file", str(message), "--output-file", str(signature),
    )  # fmt: skip
    verify_auth_signature(card, signature.read_bytes())


def test_p11tool_lists_the_certificates_and_test_signs(served):
    kind, _card, _ = served
    token = "pkcs11:token=" + AUTH_TOKEN.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    listing = tool("p11tool", "--provider", opensc_module(), "--list-all-certs", token).stdout
    assert "Label: User Authentication Certificate\n" in listing
    assert "Label: User Authentication Certificate CA" in listing
    if kind.pin is None:
        return
    key = token + ";object=User%20Authentication%20Key;type=private"
    result = tool(
        "p11tool", "--provider", opensc_module(), "--login", f"--set-pin={kind.pin}", "--test-sign", key
    )
    assert "Verifying against private key parameters... ok" in result.stdout + result.stderr


def test_openssl_signs_through_the_libp11_engine(served, tmp_path):
    kind, card, _ = served
    if kind.pin is None:
        pytest.skip("the PIN is blocked, or none is set: nothing can sign")
    if not any(
        Path(d).glob("pkcs11.so")
        for d in ("/usr/lib/x86_64-linux-gnu/engines-3", "/usr/lib/aarch64-linux-gnu/engines-3")
    ):
        pytest.skip("the libp11 engine is not installed (apt-get install libengine-pkcs11-openssl)")
    config = tmp_path / "openssl.cnf"
    config.write_text(
        "openssl_conf = init\n[init]\nengines = engines\n[engines]\npkcs11 = pkcs11\n"
        f"[pkcs11]\nengine_id = pkcs11\nMODULE_PATH = {opensc_module()}\ninit = 0\n"
    )
    digest, signature = tmp_path / "digest", tmp_path / "signature"
    digest.write_bytes(hashlib.sha256(MESSAGE).digest())
    key = "pkcs11:token=JPKI%20%28User%20Authentication%20PIN%29;object=User%20Authentication%20Key;type=private"
    tool(
        "openssl", "pkeyutl", "-engine", "pkcs11", "-keyform", "engine", "-sign",
        "-inkey", f"{key};pin-value={kind.pin}", "-pkeyopt", "digest:sha256",
        "-in", str(digest), "-out", str(signature),
        env=dict(os.environ, OPENSSL_CONF=str(config)),
    )  # fmt: skip
    verify_auth_signature(card, signature.read_bytes())


def test_opensc_signs_with_the_signature_key_after_the_password(pcscd, tmp_path):
    """An adult's card: the signature certificate opens with the password, and the key signs."""
    card = MyNumberCard(
        CardProfile("山田 太郎", "2468", sign_password="YAMADA85", birth_date=dt.date(1985, 3, 3))
    )
    card.prepare()
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    pcscd.wait_card(present=True)
    try:
        digest, signature = tmp_path / "digest", tmp_path / "signature"
        digest.write_bytes(hashlib.sha256(MESSAGE).digest())
        tool(
            "pkcs15-crypt", "-r", reader_index(pcscd.reader), "-k", "02", "--sign", "--sha-256", "--pkcs1",
            "-p", "YAMADA85", "-i", str(digest), "-o", str(signature),
        )  # fmt: skip
    finally:
        bridge.remove()
        pcscd.wait_card(present=False)
    public = x509.load_der_x509_certificate(card.sign_certificate_der).public_key()
    public.verify(signature.read_bytes(), MESSAGE, padding.PKCS1v15(), hashes.SHA256())
    assert card.profile.sign_password_tries == 5


def test_the_reader_get_data_uid_reaches_the_card(pcscd):
    card = MyNumberCard(CardProfile("山田 太郎", "2468"))
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    pcscd.wait_card(present=True)
    try:
        out = tool("opensc-tool", "-r", reader_index(pcscd.reader), "-s", "FF:CA:00:00:00").stdout
    finally:
        bridge.remove()
        pcscd.wait_card(present=False)
    assert card.uid.hex(" ").upper() in out.upper() and "SW1=0x90, SW2=0x00" in out
