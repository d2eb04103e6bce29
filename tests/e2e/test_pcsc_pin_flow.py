"""The same PIN flow through a real pcscd + vsmartcard-vpcd, pyscard, and the emulated card over vpcd."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from mynakiosk.cards import CardPolicy
from mynakiosk.flow.machine import State
from mynakiosk.roster import Roster
from mynakiosk.scenarios.loader import default_household
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.main_window import MainWindow
from mynakiosk_hardware.card import CardProfile, MyNumberCard, OtherCard, OtherCardKind
from mynakiosk_hardware.readers.exposure import vpcd_exposure
from mynakiosk_hardware.readers.pcsc import PcscReader, list_readers
from mynakiosk_hardware.vpcd import VpcdBridge

pytestmark = pytest.mark.e2e
PCSC_WAIT_MS = 5000  # pcscd polls vpcd every 0.4 s


@pytest.fixture
def child_card_on_vpcd(pcscd):
    card = MyNumberCard(CardProfile("山田 さくら", "1234"))
    bridge = VpcdBridge(card, port=pcscd.port)
    yield card, bridge
    bridge.remove()
    # Let pcscd notice the removal before the next test inserts a card: a card swapped within one
    # 0.4 s poll, while pcscd powers it up, leaves the slot "present but unpowered" (a vpcd quirk).
    pcscd.wait_card(present=False)


def enter(qtbot, window, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(window.pin_screen.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pin_screen.confirm, Qt.MouseButton.LeftButton)


def test_parent_pin_flow_through_pcscd(qtbot, pcsc_kiosk, child_card_on_vpcd):
    controller, window, states = pcsc_kiosk
    card, bridge = child_card_on_vpcd
    assert window.card_picker is None  # a real PC/SC reader: cards arrive from the reader, not a picker
    bridge.insert()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=PCSC_WAIT_MS)
    assert controller.snapshot.tries_left == 3  # read from the card over PC/SC with an empty VERIFY
    qtbot.mouseClick(window.current_screen.pin, Qt.MouseButton.LeftButton)

    enter(qtbot, window, "0000")
    qtbot.waitUntil(lambda: controller.snapshot.wrong_pin, timeout=PCSC_WAIT_MS)
    assert controller.snapshot.tries_left == 2 and card.profile.auth_pin_tries == 2

    enter(qtbot, window, "1234")
    qtbot.waitUntil(lambda: controller.snapshot.state is State.COMPLETE, timeout=PCSC_WAIT_MS)
    assert card.profile.auth_pin_tries == 3
    assert states[-4:] == [State.PIN_ENTRY, State.VERIFYING, State.QUALIFYING, State.COMPLETE]
    assert bridge.apdu_count >= 9

    bridge.remove()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE, timeout=PCSC_WAIT_MS)


def test_lock_through_pcscd_shows_the_fallback(qtbot, pcsc_kiosk, child_card_on_vpcd):
    controller, window, _ = pcsc_kiosk
    card, bridge = child_card_on_vpcd
    bridge.insert()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=PCSC_WAIT_MS)
    qtbot.mouseClick(window.current_screen.pin, Qt.MouseButton.LeftButton)
    for wrong in ("0000", "1111", "2222"):
        enter(qtbot, window, wrong)
        qtbot.waitUntil(lambda: not controller.busy, timeout=PCSC_WAIT_MS)
    assert controller.snapshot.state is State.FALLBACK
    assert "資格確認書" in controller.snapshot.fallback.documents
    assert card.profile.auth_pin_tries == 0
    bridge.remove()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE, timeout=PCSC_WAIT_MS)


def test_cli_readers_and_check_see_the_virtual_reader(pcscd, child_card_on_vpcd):
    _, bridge = child_card_on_vpcd
    bridge.insert()
    pcscd.wait_card(present=True)
    listed = {r.name: r for r in list_readers()}
    kiosk = [sys.executable, "-m", "mynakiosk"]
    out = subprocess.run([*kiosk, "readers"], capture_output=True, text=True, timeout=60, check=True).stdout
    assert f"{pcscd.reader}\t[virtual] My Number card (test certificate), 3 PIN tries left" in out
    check = subprocess.run(
        [*kiosk, "--check", "--reader", f"pcsc:{pcscd.reader}"], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("ok: reader 'PC/SC (") and pcscd.reader in check.stdout
    assert pcscd.reader in listed


def test_without_a_name_the_kiosk_never_takes_a_virtual_reader(pcscd, child_card_on_vpcd, tmp_path):
    """vpcd's readers are the only ones: `--reader pcsc` stops, names them and says how to choose one;
    no card is read, even with one waiting in the reader."""
    _, bridge = child_card_on_vpcd
    bridge.insert()
    pcscd.wait_card(present=True)
    kiosk = [sys.executable, "-m", "mynakiosk"]
    check = subprocess.run(
        [*kiosk, "--check", "--reader", "pcsc"], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 3 and check.stdout == ""
    assert "Only virtual card readers are present: 'Virtual PCD 00 00', 'Virtual PCD 00 01'" in check.stderr
    assert "--reader 'pcsc:Virtual PCD 00 00'" in check.stderr and "Traceback" not in check.stderr
    # The tests' own vpcd is reached from loopback only; a machine's system-wide vpcd may be open, and is told.
    assert ("WARNING: vsmartcard's virtual card reader (vpcd) is open" in check.stderr) == (
        vpcd_exposure() is not None
    )
    enroll = subprocess.run(
        [*kiosk, "card", "enroll", "sakura", "--timeout", "1", "--roster", str(tmp_path / "roster.toml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert enroll.returncode == 3 and "Only virtual card readers are present" in enroll.stderr
    assert not (tmp_path / "roster.toml").exists()


def test_check_fails_clearly_when_pcscd_is_unreachable(tmp_path):
    env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm"))
    result = subprocess.run(
        [sys.executable, "-m", "mynakiosk", "--check", "--reader", "pcsc"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 3
    assert "pcscd" in result.stderr and "Traceback" not in result.stderr


def test_card_serve_puts_a_my_number_card_in_the_virtual_reader_until_ctrl_c(pcscd):
    import signal as signals

    from mynakiosk_hardware.card import MYNUMBER_ATR

    server = subprocess.Popen(
        [sys.executable, "-m", "mynakiosk", "card", "serve", "--port", str(pcscd.port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert "serving" in server.stdout.readline()  # printed once connected to vpcd

        pcscd.wait_card(present=True)  # pcscd polls vpcd every 0.4 s
        assert pcscd.card_state().atr == MYNUMBER_ATR
        server.send_signal(signals.SIGINT)
        out, err = server.communicate(timeout=10)
        assert server.returncode == 0, err
        assert "card removed" in out
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
        pcscd.wait_card(present=False)


class RecordingNfcCard(OtherCard):
    def __init__(self, uid: bytes) -> None:
        super().__init__(OtherCardKind.NFC_TRAINING, uid)
        self.commands: list[bytes] = []

    def execute(self, raw: bytes) -> bytes:
        self.commands.append(bytes(raw))
        return super().execute(raw)


def test_enrolled_nfc_training_card_plays_its_persona_through_pcscd(qtbot, aloop, pcscd, tmp_path):
    roster_path = tmp_path / "roster.toml"
    nfc = RecordingNfcCard(bytes.fromhex("04C0FFEE1234"))
    enroll = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "card",
            "enroll",
            "sakura",
            "--reader",
            f"pcsc:{pcscd.reader}",
            "--roster",
            str(roster_path),
            "--timeout",
            "20",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert "place the card" in enroll.stdout.readline()
    bridge = VpcdBridge(nfc, port=pcscd.port)
    bridge.insert()
    out, err = enroll.communicate(timeout=30)
    assert enroll.returncode == 0, err
    assert "UID 04C0FFEE1234" in out and Roster.load(roster_path).persona_for_uid(nfc.uid) == "sakura"

    personas = default_household()
    reader = PcscReader(pcscd.reader)
    controller = FlowController(reader, CardPolicy(personas, Roster.load(roster_path)))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    try:
        # The card is already on the reader: the kiosk sees it as soon as it starts watching.
        qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=PCSC_WAIT_MS)
        assert "山田 さくら" in window.notice.text() and window.notice.isVisibleTo(window)
        qtbot.mouseClick(window.current_screen.pin, Qt.MouseButton.LeftButton)
        enter(qtbot, window, "1234")
        qtbot.waitUntil(lambda: controller.snapshot.state is State.COMPLETE, timeout=PCSC_WAIT_MS)
        assert not any(c[1] == 0x20 for c in nfc.commands)  # the PIN never went to the NFC card
    finally:
        controller.close()
        bridge.remove()
        pcscd.wait_card(present=False)
