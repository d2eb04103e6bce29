"""A served card keeps its identity across processes, and NSS takes the certificates of several cards.

``kiosk card serve`` runs twice for the same persona in two processes: OpenSC reads the same certificate
and the same test CA both times. NSS's ``certutil -A`` (as Firefox and Chromium on Linux keep them)
then accepts both reads, another card's certificate and the CA into one database, and refuses a
certificate that repeats a kept one's issuer and serial with another key: the failure the stable
identity prevents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from mynakiosk_hardware import pki

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("pkcs15-tool") is None, reason="OpenSC is not installed"),
    pytest.mark.skipif(
        shutil.which("certutil") is None, reason="NSS tools are not installed (libnss3-tools)"
    ),
]


def run(*args: str, ok: bool = True, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)
    if ok:
        assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def reader_index(name: str) -> str:
    for line in run("opensc-tool", "--list-readers").stdout.splitlines():
        if line.rstrip().endswith(name):
            return line.split()[0]
    raise AssertionError(f"OpenSC does not list {name}")


def served_certificates(persona: str, pcscd, keys) -> tuple[str, str]:
    """The user-authentication and CA certificates (PEM) of ``kiosk card serve persona``, a new process."""
    env = dict(os.environ, **{pki.KEY_CACHE_ENV: str(keys)})
    server = subprocess.Popen(
        [sys.executable, "-m", "mynakiosk", "card", "serve", persona, "--port", str(pcscd.port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # printed once the card is in the reader
        assert line.startswith("serving"), line + server.stderr.read()
        pcscd.wait_card(present=True)
        index = reader_index(pcscd.reader)
        auth = run("pkcs15-tool", "-r", index, "--read-certificate", "1").stdout
        ca = run("pkcs15-tool", "-r", index, "--read-certificate", "3").stdout
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert server.returncode == 0
    pcscd.wait_card(present=False)
    return auth, ca


def test_served_cards_keep_their_identity_and_nss_accepts_several(pcscd, tmp_path):
    keys = tmp_path / "keys"
    taro_first, ca_first = served_certificates("taro", pcscd, keys)
    taro_again, ca_again = served_certificates("taro", pcscd, keys)
    sakura, ca_sakura = served_certificates("sakura", pcscd, keys)
    assert taro_again == taro_first and ca_again == ca_first == ca_sakura
    assert taro_first != sakura

    db = tmp_path / "nssdb"
    db.mkdir()
    run("certutil", "-N", "-d", f"sql:{db}", "--empty-password")

    def add(nickname: str, pem: str, trust: str = ",,", ok: bool = True) -> subprocess.CompletedProcess[str]:
        path = tmp_path / f"{nickname}.pem"
        path.write_text(pem)
        return run(
            "certutil", "-A", "-d", f"sql:{db}", "-n", nickname, "-t", trust, "-a", "-i", str(path), ok=ok
        )

    add("JPKI-TEST user authentication CA", ca_first, "C,,")
    add("taro", taro_first)
    add("taro", taro_again)
    add("sakura", sakura)
    listing = run("certutil", "-L", "-d", f"sql:{db}").stdout
    assert all(name in listing for name in ("taro", "sakura", "JPKI-TEST user authentication CA"))

    # What NSS said before keys were kept: same issuer and serial, another key.
    original = x509.load_pem_x509_certificate(taro_first.encode())
    ca = pki.test_ca()
    impostor = pki.issue_certificate(
        ca,
        pki.new_rsa_key(),
        original.serial_number,
        original.subject.rfc4514_string().split("CN=")[1].split(",")[0],
        original.not_valid_before_utc.date(),
        original.not_valid_after_utc.date(),
    )
    refused = add("taro-new-key", impostor.public_bytes(Encoding.PEM).decode(), ok=False)
    assert refused.returncode != 0 and "SEC_ERROR_REUSED_ISSUER_AND_SERIAL" in refused.stdout + refused.stderr
