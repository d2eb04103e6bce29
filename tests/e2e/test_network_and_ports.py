"""Nothing the app or the test suite opens listens beyond loopback; a vpcd port already taken is reported.

The suite's own pcscd runs in its own network namespace: vpcd's all-interfaces listener is there, and
the tests reach it through a forwarder on loopback (tests/support/pcscd.py), so even while the tests run
no port is open to the network; the session fixture checks that nothing is left listening when they end.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_default
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.main_window import MainWindow
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.pcsc import PcscReader
from mynakiosk_hardware.vpcd import VpcdBridge
from tests.support.sockets import listening_sockets, listening_sockets_of

pytestmark = pytest.mark.e2e


def test_the_running_kiosk_and_the_test_pcscd_listen_on_nothing_beyond_loopback(
    qtbot, aloop, pcscd, tmp_path
):
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
        ours = listening_sockets_of()
        probe.close()
        assert probe_port in {s.port for s in ours}
        exposed = [s for s in ours if not s.loopback_only]
        assert not exposed, f"listening beyond loopback: {exposed}"
        machine = [s for s in listening_sockets() if s.port == pcscd.port]
        assert machine and all(s.loopback_only for s in machine)  # vpcd's port reaches no network
    finally:
        bridge.remove()
        controller.close()
        pcscd.wait_card(present=False)


def test_a_taken_vpcd_port_is_reported(pcscd):
    """vpcd's port held by another program: the reader never appears, and the kiosk says why."""
    pcscd.stop()
    try:
        pcscd.start(wait_for_reader=False, squat_port=True)
        check = subprocess.run(
            [sys.executable, "-m", "mynakiosk", "--check", "--reader", f"pcsc:{pcscd.reader}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert check.returncode == 3 and "Traceback" not in check.stderr
        assert "no readers" in check.stderr and "35963" in check.stderr and "pcscd" in check.stderr
    finally:
        pcscd.stop()
    pcscd.start()  # the port is free again: the reader is back
    assert pcscd.card_state() is not None
