"""The e2e tests' pcscd: started once for the session by the fixture, stopped after it.

It is private (tests/support/pcscd.py): the machine's own pcscd may run meanwhile. Set KIOSK_SKIP_E2E=1
to skip these tests on a machine where pcscd cannot run.
"""

from __future__ import annotations

import os

import pytest

from tests.support.pcscd import PcscdProcess, PcscdUnavailable
from tests.support.pcscd_netns import VPCD_SLOTS
from tests.support.sockets import listening_sockets, listening_sockets_of


@pytest.fixture(scope="session")
def pcscd_session(tmp_path_factory):
    if os.environ.get("KIOSK_SKIP_E2E") == "1":
        pytest.skip("KIOSK_SKIP_E2E=1")
    before = set(listening_sockets_of())
    try:
        process = PcscdProcess(tmp_path_factory.mktemp("pcscd"))
        process.start()
    except PcscdUnavailable as exc:
        pytest.fail(f"{exc} Set KIOSK_SKIP_E2E=1 to skip the end-to-end tests.")
    try:
        yield process
    finally:
        process.stop()
    # Nothing the tests opened outlives them: no listener of ours, none on the reader's port.
    left = set(listening_sockets_of()) - before
    left |= {s for s in listening_sockets() if s.port - process.port in range(VPCD_SLOTS)}
    assert not left, f"still listening after the end-to-end tests: {sorted(left)}"


@pytest.fixture
def pcscd(pcscd_session):
    """The session's pcscd, started again if a fault test left it stopped."""
    if not pcscd_session.running:
        pcscd_session.start()
    return pcscd_session


@pytest.fixture
def pcsc_kiosk(qtbot, aloop, pcscd):
    """A kiosk window on the private pcscd's first vpcd slot; card practice without a back end."""
    from mynakiosk.flow.machine import State
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.main_window import MainWindow
    from mynakiosk_hardware.readers.pcsc import PcscReader

    reader = PcscReader(pcscd.reader, retry_interval=0.2)
    controller = FlowController(reader)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    states: list[State] = []
    controller.snapshot_changed.connect(lambda s: states.append(s.state))
    controller.start()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE, timeout=8000)
    yield controller, window, states
    controller.close()
