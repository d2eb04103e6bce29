"""Faults through a real pcscd: it stops and comes back, a card leaves during a command, a listener fails.

Each must end in a clear state, never a crash or a hang, and recover by itself when the fault clears.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from mynakiosk.flow.machine import State
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import ReaderEventKind
from mynakiosk_hardware.readers.pcsc import PcscReader
from mynakiosk_hardware.vpcd import VpcdBridge
from tests.e2e.test_pcsc_pin_flow import enter

pytestmark = pytest.mark.e2e
WAIT_MS = 8000


def test_pcscd_stopping_and_restarting_is_reported_and_recovered(qtbot, pcsc_kiosk, pcscd):
    controller, window, _ = pcsc_kiosk
    card = MyNumberCard(CardProfile("山田 さくら", "1234"))
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=WAIT_MS)

    pcscd.stop()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.NO_READER, timeout=WAIT_MS)
    assert "スマートカードサービス" in controller.snapshot.message
    qtbot.waitUntil(lambda: not bridge.inserted, timeout=WAIT_MS)  # vpcd went away with pcscd

    pcscd.start()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE, timeout=WAIT_MS)
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    try:
        qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=WAIT_MS)
        qtbot.mouseClick(window.current_screen.pin, Qt.MouseButton.LeftButton)
        enter(qtbot, window, "1234")
        qtbot.waitUntil(lambda: controller.snapshot.state is State.COMPLETE, timeout=WAIT_MS)
    finally:
        bridge.remove()
        pcscd.wait_card(present=False)


class GatedCard(MyNumberCard):
    """Holds the first VERIFY with data until released, so the card can be pulled mid-command."""

    def __init__(self, profile: CardProfile) -> None:
        super().__init__(profile)
        self.entered = threading.Event()
        self.release = threading.Event()

    def execute(self, raw: bytes) -> bytes:
        if raw[1] == 0x20 and len(raw) > 5 and not self.entered.is_set():
            self.entered.set()
            self.release.wait(10)
        return super().execute(raw)


def test_card_pulled_during_verify_is_not_reported_done(qtbot, pcsc_kiosk, pcscd):
    controller, window, states = pcsc_kiosk
    card = GatedCard(CardProfile("山田 さくら", "1234"))
    bridge = VpcdBridge(card, port=pcscd.port)
    bridge.insert()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.METHOD_SELECT, timeout=WAIT_MS)
    qtbot.mouseClick(window.current_screen.pin, Qt.MouseButton.LeftButton)
    enter(qtbot, window, "1234")
    qtbot.waitUntil(card.entered.is_set, timeout=WAIT_MS)

    remover = threading.Thread(target=bridge.remove)
    remover.start()
    qtbot.waitUntil(lambda: not bridge.inserted, timeout=WAIT_MS)
    card.release.set()  # the answer now has nowhere to go
    remover.join(10)
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE and not controller.busy, timeout=WAIT_MS)
    assert State.COMPLETE not in states
    pcscd.wait_card(present=False)


def test_a_failing_listener_does_not_stop_the_monitor(qtbot, pcscd):
    seen: list[ReaderEventKind] = []
    first = threading.Event()

    def listener(event):
        seen.append(event.kind)
        if not first.is_set():
            first.set()
            raise RuntimeError("listener bug")

    reader = PcscReader(pcscd.reader)
    bridge = VpcdBridge(MyNumberCard(CardProfile("x", "1234")), port=pcscd.port)
    try:
        reader.start(listener)
        qtbot.waitUntil(first.is_set, timeout=WAIT_MS)
        bridge.insert()
        qtbot.waitUntil(lambda: ReaderEventKind.CARD_INSERTED in seen, timeout=WAIT_MS)
    finally:
        bridge.remove()
        reader.close()
        pcscd.wait_card(present=False)
