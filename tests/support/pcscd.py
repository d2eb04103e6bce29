"""A private pcscd with the vsmartcard vpcd driver, for end-to-end tests and benchmarks.

The reader is named "Kiosk Test PCD" on a free port, so it cannot be confused with a developer's own
vpcd set-up. vpcd's listening socket belongs to pcscd (it binds all interfaces: vsmartcard vpcd.c opensock()); it
lives only while the tests or benchmarks run.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

READER_NAME = "Kiosk Test PCD"
PID_FILE = Path("/run/pcscd/pcscd.pid")
DRIVER_CANDIDATES = (
    "/usr/lib/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so",
)


class PcscdUnavailable(RuntimeError):
    pass


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait until ``condition()`` holds; pcscd tells nobody when its readers change state, so ask it."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def running_pcscd() -> int | None:
    try:
        pid = int(PID_FILE.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


class PcscdProcess:
    """Start, stop and restart one pcscd whose vpcd slot 0 listens on ``port``."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        binary = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
        driver = next((d for d in DRIVER_CANDIDATES if Path(d).exists()), None)
        if binary is None or driver is None:
            raise PcscdUnavailable(
                "pcscd and vsmartcard-vpcd are needed (apt-get install pcscd vsmartcard-vpcd);"
                " the README test command installs them."
            )
        self.binary = binary
        self.port = port or free_port()
        self.reader = f"{READER_NAME} 00 00"
        self.workdir = workdir
        self.config = workdir / "reader.conf"
        self.log = workdir / "pcscd.log"
        self.config.write_text(
            f'FRIENDLYNAME "{READER_NAME}"\n'
            f"DEVICENAME   /dev/null:0x{self.port:X}\n"
            f"LIBPATH      {driver}\n"
            f"CHANNELID    0x{self.port:X}\n"
        )
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 15, *, wait_for_reader: bool = True) -> None:
        if (pid := running_pcscd()) is not None:
            raise PcscdUnavailable(
                f"another pcscd is running (pid {pid}); these tests start their own."
                " Stop it first (e.g. `systemctl stop pcscd.socket pcscd`)."
            )
        with self.log.open("ab") as out:
            self._process = subprocess.Popen(
                [self.binary, "--foreground", "--debug", "--config", str(self.config)],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        if wait_for_reader:
            wait_for(self._reader_listed, timeout, f"pcscd to list '{self.reader}'")
        else:
            wait_for(self._service_up, timeout, "pcscd to answer")

    def _service_up(self) -> bool:
        from mynakiosk_hardware.readers.base import ServiceUnavailableError
        from mynakiosk_hardware.readers.pcsc import list_readers

        try:
            list_readers()
        except ServiceUnavailableError:
            return False
        return True

    def _reader_listed(self) -> bool:
        from mynakiosk_hardware.readers.base import ServiceUnavailableError
        from mynakiosk_hardware.readers.pcsc import list_readers

        process = self._process
        if process is not None and process.poll() is not None:
            raise PcscdUnavailable(f"pcscd exited with {process.returncode}; see {self.log}")
        try:
            return any(r.name == self.reader for r in list_readers())
        except ServiceUnavailableError:
            return False

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        wait_for(lambda: running_pcscd() is None, 5, "pcscd to remove its pid file")

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def restart(self) -> None:
        self.stop()
        self.start()

    def card_state(self):
        from mynakiosk_hardware.readers.pcsc import list_readers

        return {r.name: r for r in list_readers()}.get(self.reader)

    def wait_card(self, present: bool, timeout: float = 5) -> None:
        def settled() -> bool:
            state = self.card_state()
            return state is not None and state.card_present == present and (bool(state.atr) or not present)

        wait_for(settled, timeout, f"the card to be {'present' if present else 'gone'}")
