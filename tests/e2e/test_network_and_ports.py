"""Nothing the app opens listens beyond loopback; and a vpcd port already taken is reported clearly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_default
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.main_window import MainWindow
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.pcsc import PcscReader
from mynakiosk_hardware.vpcd import VpcdBridge

pytestmark = pytest.mark.e2e


def listening_sockets_of_this_process() -> list[tuple[str, int]]:
    """(address, port) of every TCP socket in LISTEN state that this process holds."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        lines = Path(table).read_text().splitlines()[1:]
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:
                continue
            address_hex, port_hex = local.split(":")
            raw = bytes.fromhex(address_hex)
            if width == 8:
                address = socket.inet_ntop(socket.AF_INET, raw[::-1])
            else:
                address = socket.inet_ntop(
                    socket.AF_INET6, b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                )
            found.append((address, int(port_hex, 16)))
    return found


def test_the_running_kiosk_listens_on_nothing_beyond_loopback(qtbot, aloop, pcscd, tmp_path):
    reader = PcscReader(pcscd.reader)
    controller = FlowController(reader, scenario=load_default(), result_folder=tmp_path)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    bridge = VpcdBridge(MyNumberCard(CardProfile("x", "1234")), port=pcscd.port)
    try:
        bridge.insert()
        qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=8000)
        probe = socket.socket()  # the check itself must see a listener it is given
        probe.bind(("127.0.0.1", 0))
        probe.listen()
        probe_port = probe.getsockname()[1]
        sockets = listening_sockets_of_this_process()
        probe.close()
        assert ("127.0.0.1", probe_port) in sockets
        exposed = [(a, p) for a, p in sockets if a not in ("127.0.0.1", "::1") and not a.startswith("127.")]
        assert not exposed, f"listening beyond loopback: {exposed}"
    finally:
        bridge.remove()
        controller.close()
        pcscd.wait_card(present=False)


def test_a_taken_vpcd_port_is_reported_and_clears_with_a_pcscd_restart(pcscd):
    pcscd.stop()
    squatter = socket.socket()
    squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the old connections may be in TIME_WAIT
    squatter.bind(("127.0.0.1", pcscd.port))
    squatter.listen()
    try:
        pcscd.start(wait_for_reader=False)
        check = subprocess.run(
            [sys.executable, "-m", "mynakiosk", "--check", "--reader", f"pcsc:{pcscd.reader}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert check.returncode == 3 and "Traceback" not in check.stderr
        assert "no readers" in check.stderr and "35963" in check.stderr and "pcscd" in check.stderr
    finally:
        squatter.close()
        pcscd.stop()
    pcscd.start()  # the port is free again: the reader is back
    assert pcscd.card_state() is not None
