"""Connection settings through a real pcscd and vpcd: exclusive mode keeps another program away from the
card for as long as it is on the reader, and that program's refusal is the typed sharing violation."""

from __future__ import annotations

import queue

import pytest

from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.errors import CardInUseError
from mynakiosk_hardware.jpki import identify
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import ReaderEvent, ReaderEventKind
from mynakiosk_hardware.readers.pcsc import ConnectSettings, PcscReader, ShareMode, run_once
from mynakiosk_hardware.vpcd import VpcdBridge

pytestmark = pytest.mark.e2e
WAIT = 8.0  # pcscd polls vpcd every 0.4 s


def next_kind(events: queue.Queue[ReaderEvent], kind: ReaderEventKind) -> ReaderEvent:
    while True:
        event = events.get(timeout=WAIT)
        if event.kind is kind:
            return event


def test_exclusive_mode_refuses_another_program_until_the_card_leaves(pcscd):
    events: queue.Queue[ReaderEvent] = queue.Queue()
    reader = PcscReader(pcscd.reader, settings=ConnectSettings(ShareMode.EXCLUSIVE))
    bridge = VpcdBridge(MyNumberCard(CardProfile("山田 さくら", "1234")), port=pcscd.port)
    try:
        reader.start(events.put)
        bridge.insert()
        name = next_kind(events, ReaderEventKind.CARD_INSERTED).reader
        assert reader.submit(identify).result(WAIT).is_mynumber_card  # the kiosk holds the card now

        with pytest.raises(CardInUseError) as raised:  # another program, sharing as most do
            run_once(name, identify)
        assert raised.value.reader == name and not raised.value.exclusive
        assert reader.submit(identify).result(WAIT).is_mynumber_card  # the kiosk's next step still reads

        bridge.remove()
        next_kind(events, ReaderEventKind.CARD_REMOVED)
        pcscd.wait_card(present=False)
        bridge.insert()
        next_kind(events, ReaderEventKind.CARD_INSERTED)
        # The kiosk let go when the card left: the new card is free until the kiosk's first job on it.
        assert run_once(name, identify).is_mynumber_card
    finally:
        bridge.remove()
        reader.close()
        pcscd.wait_card(present=False)


def test_shared_mode_lets_another_program_read_between_the_kiosks_jobs(pcscd):
    events: queue.Queue[ReaderEvent] = queue.Queue()
    reader = PcscReader(pcscd.reader)
    bridge = VpcdBridge(MyNumberCard(CardProfile("山田 さくら", "1234")), port=pcscd.port)
    try:
        reader.start(events.put)
        bridge.insert()
        name = next_kind(events, ReaderEventKind.CARD_INSERTED).reader
        assert reader.submit(identify).result(WAIT).is_mynumber_card
        assert run_once(name, identify).is_mynumber_card  # today's behaviour, the default, unchanged
    finally:
        bridge.remove()
        reader.close()
        pcscd.wait_card(present=False)
