"""A private pcscd with the vsmartcard vpcd driver, for end-to-end tests and benchmarks.

It lives beside the machine's own pcscd without touching it, and opens no port to the network:

- **Its own socket.** pcscd takes its listening socket from systemd-style socket activation
  (``LISTEN_FDS``); we hand it one in our work folder, and every PC/SC client of the test run finds it
  through ``PCSCLITE_CSOCK_NAME``, which libpcsclite reads (pcsc-lite ``src/winscard_msg.c``,
  ``getSocketName``). pcscd itself has no option for another socket path, and refuses to start beside a
  running pcscd unless it is socket-activated (``src/pcscdaemon.c``).
- **Its own mount namespace**: pcscd always writes ``/run/pcscd/pcscd.pid``, which would overwrite the
  system pcscd's, and would claim the desktop's USB readers (a real card!) through
  ``/usr/lib/pcsc/drivers``. Both are hidden behind empty tmpfs mounts that only this pcscd sees.
- **Its own network namespace**: vpcd listens on all interfaces and has no option for another address
  (vsmartcard ``vpcd.c``, ``opensock``; its "reversed" mode, which would connect out instead, aborts
  pcscd in vsmartcard 0.8 as Debian 12 ships it). Inside its namespace only its loopback exists; the
  tests' card bridge reaches it through a Unix-socket relay (tests/support/pcscd_netns.py) and a
  forwarder on 127.0.0.1:``port`` (and ``port + 1`` for vpcd's second slot) in the test process, so
  ``VpcdBridge(card, port=pcscd.port)`` works as against a system vpcd, and nothing listens beyond
  loopback.
- **The driver from the package's files**, without the package's system-wide reader configuration
  (``/etc/reader.conf.d/vpcd``, which makes the system pcscd listen on 0.0.0.0:35963): scripts/test
  extracts ``libifdvpcd.so`` into a cache folder and names it in ``KIOSK_VPCD_DRIVER``.

The namespaces need root or unprivileged user namespaces (``unshare --user``, Debian's default).
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


from tests.support.pcscd_netns import VPCD_SLOTS, relay_socket, serve_relay

READER_NAME = "Virtual PCD"  # vsmartcard's own name: the tests see the readers a user sees
SYSTEM_SOCKET = "/run/pcscd/pcscd.comm"
DRIVER_CANDIDATES = (
    "/usr/lib/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so",
)
#: Folders only the private pcscd sees empty: the USB reader drivers (its pid file's folder is added).
DRIVER_FOLDERS = ("/usr/lib/pcsc/drivers", "/usr/local/lib/pcsc/drivers")
NAMESPACE_SCRIPT = Path(__file__).with_name("pcscd_netns.py")


def _connect_unix(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(str(path))
    return sock


class PcscdUnavailable(RuntimeError):
    pass


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait until ``condition()`` holds; pcscd tells nobody when its readers change state, so ask it."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def free_port(count: int = 1) -> int:
    """A port that is free here, with the ``count - 1`` ports after it."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + count <= 65536 and all(_is_free(port + n) for n in range(1, count)):
            return port


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def vpcd_driver() -> str | None:
    """libifdvpcd.so: the one scripts/test extracted (``KIOSK_VPCD_DRIVER``), else an installed one."""
    named = os.environ.get("KIOSK_VPCD_DRIVER")
    for candidate in (named, *DRIVER_CANDIDATES) if named else DRIVER_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@functools.cache
def namespace_command() -> tuple[str, ...] | None:
    """How to give pcscd a private mount namespace here, or None where the machine allows none."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    base = (unshare, "--mount", "--net", "--propagation", "private")
    for command in (base, (unshare, "--user", "--map-root-user", *base[1:])):
        probe = subprocess.run([*command, "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return command
    return None


def use_private_socket(path: Path) -> None:
    """Point every PC/SC client of this process and its children at ``path``.

    libpcsclite reads the variable once, at its first call: set it before anything talks to PC/SC.
    """
    os.environ["PCSCLITE_CSOCK_NAME"] = str(path)


class PcscdProcess:
    """Start, stop and restart one private pcscd; its vpcd slot N is reached on 127.0.0.1:``port + N``."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        binary = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
        driver = vpcd_driver()
        if binary is None or driver is None:
            raise PcscdUnavailable(
                "pcscd and the vsmartcard vpcd driver are needed: scripts/test installs pcscd and extracts"
                " the driver from the vsmartcard-vpcd package (or set KIOSK_VPCD_DRIVER to a libifdvpcd.so)."
            )
        self.binary = binary
        self.port = port or free_port(VPCD_SLOTS)
        self.reader = f"{READER_NAME} 00 00"
        self.workdir = workdir
        self.socket_path = Path(os.environ.get("PCSCLITE_CSOCK_NAME") or SYSTEM_SOCKET)
        if str(self.socket_path) == SYSTEM_SOCKET:
            self.socket_path = workdir / "pcscd.comm"
            use_private_socket(self.socket_path)
        # A copy beside the config: the driver folders are hidden from the private pcscd.
        self.driver = workdir / "libifdvpcd.so"
        shutil.copyfile(driver, self.driver)
        self.config = workdir / "reader.conf"
        self.log = workdir / "pcscd.log"
        self.config.write_text(
            f'FRIENDLYNAME "{READER_NAME}"\n'
            f"DEVICENAME   /dev/null:0x{self.port:X}\n"
            f"LIBPATH      {self.driver}\n"
            f"CHANNELID    0x{self.port:X}\n"
        )
        self._process: subprocess.Popen[bytes] | None = None
        self._forwarders: list[socket.socket] = []

    def start(self, timeout: float = 15, *, wait_for_reader: bool = True, squat_port: bool = False) -> None:
        """``squat_port``: something else holds vpcd's port in the namespace, so the reader never appears."""
        namespace = namespace_command()
        if namespace is None:
            raise PcscdUnavailable(
                "the tests' pcscd needs its own mount and network namespaces (`unshare --user --mount --net`),"
                " which this machine refuses: run the tests as root or allow unprivileged user namespaces."
            )
        hidden = ",".join(self._hidden_folders())
        command = [
            *namespace,
            sys.executable,
            str(NAMESPACE_SCRIPT),
            str(self.port),
            str(self.workdir),
            hidden,
        ]
        command += ["--squat"] if squat_port else []
        command += ["--", self.binary, "--foreground", "--debug", "--config", str(self.config)]
        self.socket_path.unlink(missing_ok=True)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.socket_path))
        listener.listen()
        try:
            with self.log.open("ab") as out:
                self._process = subprocess.Popen(
                    command, stdin=listener, stdout=out, stderr=subprocess.STDOUT
                )
        finally:
            listener.close()  # pcscd holds its own copy
        if wait_for_reader:
            wait_for(self._reader_listed, timeout, f"pcscd to list '{self.reader}'")
        else:
            wait_for(self._service_up, timeout, "pcscd to answer")
        self._start_forwarder()

    def _start_forwarder(self) -> None:
        """127.0.0.1:port+N here leads to vpcd's slot N inside the namespace, through the relay."""
        for slot in range(VPCD_SLOTS):
            forwarder = socket.socket()
            forwarder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # old connections in TIME_WAIT
            forwarder.bind(("127.0.0.1", self.port + slot))
            forwarder.listen()
            self._forwarders.append(forwarder)

            to_relay = functools.partial(_connect_unix, relay_socket(self.workdir, slot))
            threading.Thread(target=serve_relay, args=(forwarder, to_relay), daemon=True).start()

    def _hidden_folders(self) -> list[str]:
        # /run/pcscd where it exists; else pcscd would create it, which only root may do: hide all of /run.
        run = "/run/pcscd" if Path("/run/pcscd").is_dir() else "/run"
        hidden = [run, *DRIVER_FOLDERS]
        if any(self.workdir.resolve().is_relative_to(folder) for folder in hidden):
            raise PcscdUnavailable(f"the work folder {self.workdir} is under {run}: set TMPDIR elsewhere")
        return hidden

    def _check_alive(self) -> None:
        process = self._process
        if process is not None and process.poll() is not None:
            raise PcscdUnavailable(f"pcscd exited with {process.returncode}; see {self.log}")

    def _service_up(self) -> bool:
        from mynakiosk_hardware.readers.base import ServiceUnavailableError
        from mynakiosk_hardware.readers.pcsc import list_readers

        self._check_alive()
        try:
            list_readers()
        except ServiceUnavailableError:
            return False
        return True

    def _reader_listed(self) -> bool:
        from mynakiosk_hardware.readers.base import ServiceUnavailableError
        from mynakiosk_hardware.readers.pcsc import list_readers

        self._check_alive()
        try:
            return any(r.name == self.reader for r in list_readers())
        except ServiceUnavailableError:
            return False

    def stop(self) -> None:
        forwarders, self._forwarders = self._forwarders, []
        for forwarder in forwarders:
            forwarder.shutdown(socket.SHUT_RDWR)  # wakes its accept loop (Linux)
            forwarder.close()
        process, self._process = self._process, None
        if process is None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self.socket_path.unlink(missing_ok=True)  # a socket-activated pcscd leaves it to its owner

    @property
    def pid(self) -> int | None:
        """The namespace's first process (pcscd's parent)."""
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
