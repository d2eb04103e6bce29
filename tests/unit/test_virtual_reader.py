"""The in-process reader: slots, scripted sessions, removal during a command, the hardware thread."""

import logging
import threading

import pytest

from mynakiosk_hardware.card import MyNumberCard, OtherCard
from mynakiosk_hardware.jpki import identify
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import NoCardError, ReaderEventKind
from mynakiosk_hardware.readers.virtual import ReaderStep, VirtualReader


@pytest.fixture
def reader():
    r = VirtualReader(slots=2)
    yield r
    r.close()


def test_slots_are_readers_of_their_own_and_jobs_go_to_the_latest_card(reader):
    events = []
    reader.start(events.append)
    assert [e.reader for e in events] == ["Virtual reader (in-process) 00", "Virtual reader (in-process) 01"]
    reader.insert(MyNumberCard(CardProfile("a", "1234")), slot=0)
    reader.insert(OtherCard(), slot=1)
    assert not reader.submit(identify).result(5).is_mynumber_card
    reader.remove(1)
    assert reader.submit(identify).result(5).is_mynumber_card  # back to the card still in slot 0
    kinds = [(e.kind, e.reader[-2:]) for e in events[2:]]
    assert kinds == [
        (ReaderEventKind.CARD_INSERTED, "00"),
        (ReaderEventKind.CARD_INSERTED, "01"),
        (ReaderEventKind.CARD_REMOVED, "01"),
    ]


def test_a_script_plays_with_an_injected_clock(reader):
    waited, events = [], []
    reader.start(events.append)
    card = MyNumberCard(CardProfile("a", "1234"))
    reader.play([ReaderStep(card, after=1.5), ReaderStep(None, after=3.0)], wait=waited.append)
    assert waited == [1.5, 3.0]
    assert [e.kind for e in events[2:]] == [ReaderEventKind.CARD_INSERTED, ReaderEventKind.CARD_REMOVED]
    assert not reader.card_present()


def test_jobs_run_on_one_hardware_thread_and_fail_cleanly_once_the_card_is_gone(reader):
    reader.insert(MyNumberCard(CardProfile("a", "1234")))
    threads = {reader.submit(lambda ch: threading.current_thread().name).result(5) for _ in range(5)}
    assert len(threads) == 1 and threads.pop().startswith("hardware")
    reader.remove()
    with pytest.raises(NoCardError):
        reader.submit(identify).result(5)


def test_card_io_off_the_hardware_thread_is_refused(reader):
    card = MyNumberCard(CardProfile("a", "1234"))
    reader.insert(card)
    reader.submit(lambda ch: None).result(5)  # start the worker, which claims the guard
    with pytest.raises(RuntimeError, match="hardware thread"):
        reader._transmit(card, bytes.fromhex("00A4040C01D3"))


def test_apdu_traces_show_a_header_and_a_status_word_never_a_pin(reader, caplog):
    caplog.set_level(logging.DEBUG, logger="apdu")
    reader.insert(MyNumberCard(CardProfile("a", "1234")))
    verify = bytes.fromhex("0020008004") + b"1234"  # VERIFY: the body is the PIN
    answer = reader.submit(lambda channel: channel.transmit(verify)).result(5)
    lines = [record.getMessage() for record in caplog.records if record.name == "apdu"]
    assert lines == ["> 00 20 00 80 04", "< " + answer[-2:].hex(" ").upper()]
