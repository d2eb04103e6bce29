"""A private pcscd with the vsmartcard vpcd driver, started and stopped by the fixture itself.

The reader is named "Kiosk Test PCD" on a free port, so it cannot be confused with a developer's own
vpcd set-up. vpcd's listening socket belongs to pcscd (it binds all interfaces, reference §3.1); it
lives only for this test session. Set KIOSK_SKIP_E2E=1 to skip these tests where pcscd cannot run.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

READER_NAME = "Kiosk Test PCD"
PID_FILE = Path("/run/pcscd/pcscd.pid")
DRIVER_CANDIDATES = (
    "/usr/lib/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so",
)


@dataclass(frozen=True)
class Pcscd:
    port: int
    reader: str  # the first slot's PC/SC name
    log: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _running_pcscd() -> int | None:
    try:
        pid = int(PID_FILE.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def wait_for(condition, timeout: float, what: str) -> None:
    """Wait until ``condition()`` holds; pcscd tells nobody when its reader is up, so ask it."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory):
    if os.environ.get("KIOSK_SKIP_E2E") == "1":
        pytest.skip("KIOSK_SKIP_E2E=1")
    binary = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
    driver = next((d for d in DRIVER_CANDIDATES if Path(d).exists()), None)
    if binary is None or driver is None:
        pytest.fail(
            "end-to-end tests need pcscd and vsmartcard-vpcd (apt-get install pcscd vsmartcard-vpcd);"
            " the README test command installs them. Set KIOSK_SKIP_E2E=1 to skip."
        )
    if (pid := _running_pcscd()) is not None:
        pytest.fail(
            f"another pcscd is running (pid {pid}); the e2e tests start their own."
            " Stop it first (e.g. `systemctl stop pcscd.socket pcscd`)."
        )
    port = _free_port()
    workdir = tmp_path_factory.mktemp("pcscd")
    config = workdir / "reader.conf"
    config.write_text(
        f'FRIENDLYNAME "{READER_NAME}"\n'
        f"DEVICENAME   /dev/null:0x{port:X}\n"
        f"LIBPATH      {driver}\n"
        f"CHANNELID    0x{port:X}\n"
    )
    log = workdir / "pcscd.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "--foreground", "--debug", "--config", str(config)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    from hardware.readers.base import ServiceUnavailableError
    from hardware.readers.pcsc import list_readers

    def reader_listed() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"pcscd exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            return any(r.name.startswith(READER_NAME) for r in list_readers())
        except ServiceUnavailableError:
            return False

    try:
        wait_for(reader_listed, 15, f"pcscd to list '{READER_NAME}'")
        first = sorted(r.name for r in list_readers() if r.name.startswith(READER_NAME))[0]
        yield Pcscd(port, first, log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
