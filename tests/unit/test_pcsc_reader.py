"""The PC/SC reader without pcscd: an injected scard layer (tests/support/fake_scard.py) and retry wait.

Service loss and return, a card or a reader leaving while the monitor waits or while a job runs, hot-plug
through ``\\\\?PnP?\\Notification``, a listener that raises, and the typed errors each PC/SC code becomes;
the connection settings (share mode, protocols) and the refusals another program can bring.
Every wait is on an event or a condition, with a timeout only so that a failure cannot hang the suite.
"""

from __future__ import annotations

import logging
import queue
import threading

import pytest

from mynakiosk.cli import in_english
from mynakiosk.reader_messages import describe
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.errors import (
    CardInUseError,
    CardMuteError,
    CardRemovedError,
    CardResetError,
    NoCardError,
    ProtocolMismatchError,
    ReaderUnavailableError,
    ServiceLostError,
    ServiceUnavailableError,
)
from mynakiosk_hardware.jpki import identify
from mynakiosk_hardware.mynumber import MYNUMBER_ATR
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import ReaderEvent, ReaderEventKind
from mynakiosk_hardware.readers.pcsc import (
    ConnectSettings,
    PcscReader,
    ShareMode,
    TransmissionProtocol,
    run_once,
)
from tests.support.fake_scard import FakeScard
from tests.support.scripted_card import ScriptedCard

K = ReaderEventKind
WAIT = 5.0
READER = "ACS ACR1252 Dual Reader PICC 00 00"


class RetryTimer:
    """The monitor's wait before it tries pcscd again, run by the test: a wait lasts until ``tick()``."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.asked: list[float] = []
        self._ticks = 0
        self._closed = False

    def __call__(self, seconds: float) -> None:
        with self._cond:
            self.asked.append(seconds)
            seen = self._ticks
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._ticks > seen or self._closed)

    def wait_for_waits(self, count: int) -> None:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.asked) >= count, WAIT), "the monitor never waited"

    def tick(self) -> None:
        with self._cond:
            self._ticks += 1
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class Events:
    """The listener: events in the order the monitor reported them."""

    def __init__(self) -> None:
        self._queue: queue.Queue[ReaderEvent] = queue.Queue()

    def __call__(self, event: ReaderEvent) -> None:
        self._queue.put(event)

    def next(self) -> ReaderEvent:
        try:
            return self._queue.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError("no reader event came") from None

    def expect(self, *kinds: ReaderEventKind) -> list[ReaderEvent]:
        got = [self.next() for _ in kinds]
        assert [e.kind for e in got] == list(kinds)
        return got

    def empty(self) -> bool:
        return self._queue.empty()


class GatedCard(MyNumberCard):
    """Holds its first command until released, so the test can act while a job is in the middle."""

    def __init__(self) -> None:
        super().__init__(CardProfile("山田 さくら", "1234"))
        self.entered = threading.Event()
        self.release = threading.Event()

    def execute(self, raw: bytes) -> bytes:
        if not self.entered.is_set():
            self.entered.set()
            assert self.release.wait(WAIT)
        return super().execute(raw)


@pytest.fixture
def fake():
    return FakeScard()


@pytest.fixture
def timer():
    timer = RetryTimer()
    yield timer
    timer.close()


@pytest.fixture
def make(fake, timer):
    made: list[PcscReader] = []

    def make_reader(name_filter: str | None = None) -> tuple[PcscReader, Events]:
        reader = PcscReader(name_filter, scard=fake, retry_wait=timer)
        events = Events()
        made.append(reader)
        reader.start(events)
        return reader, events

    yield make_reader
    timer.close()
    for reader in made:
        reader.close()


def card() -> MyNumberCard:
    return MyNumberCard(CardProfile("山田 さくら", "1234"))


def test_a_card_on_a_reader_at_start_is_reported_and_read(fake, make):
    fake.plug(READER)
    fake.insert(READER, card())
    reader, events = make()
    added, inserted = events.expect(K.READER_ADDED, K.CARD_INSERTED)
    assert added.reader == inserted.reader == READER and inserted.atr == MYNUMBER_ATR
    assert reader.submit(identify).result(WAIT).is_mynumber_card
    assert fake.transmitted[0][:4] == bytes.fromhex("00A4040C")  # SELECT the JPKI AP, over SCardTransmit


def test_a_reader_plugged_while_the_monitor_waits_is_seen_through_pnp_without_polling(fake, make):
    reader, events = make()
    fake.wait_for_waiter()  # blocked in SCardGetStatusChange(INFINITE) with no reader but PnP
    calls = fake.status_calls
    fake.plug(READER)
    assert events.expect(K.READER_ADDED)[0].reader == READER
    fake.insert(READER, card())
    events.expect(K.CARD_INSERTED)
    fake.unplug(READER)  # pulled out with the card on it
    removed = events.expect(K.CARD_REMOVED, K.READER_REMOVED)
    assert {e.reader for e in removed} == {READER}
    assert not reader.card_present()
    fake.wait_for_waiter()
    # Each change woke one wait and a relist or two: no loop of timed waits in between.
    assert fake.status_calls - calls <= 8


def test_a_card_taken_away_while_waiting_is_reported_and_the_next_job_finds_none(fake, make):
    fake.plug(READER)
    fake.insert(READER, card())
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    fake.remove(READER)
    events.expect(K.CARD_REMOVED)
    with pytest.raises(NoCardError) as raised:
        reader.submit(identify).result(WAIT)
    assert not isinstance(raised.value, CardRemovedError)


def test_a_card_swapped_between_two_waits_is_a_removal_then_an_insertion(fake, make):
    """pcsc-lite reports present, then present again with its event counter moved on by two."""
    fake.plug(READER)
    fake.insert(READER, card())
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    fake.wait_for_waiter()
    other = ScriptedCard()
    fake.swap(READER, other)
    _, inserted = events.expect(K.CARD_REMOVED, K.CARD_INSERTED)
    assert inserted.atr == other.atr() != MYNUMBER_ATR
    assert reader.card_present()


def test_a_card_taken_away_during_a_job_fails_its_next_command(fake, make):
    gated = GatedCard()
    fake.plug(READER)
    fake.insert(READER, gated)
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    job = reader.submit(identify)
    assert gated.entered.wait(WAIT)
    fake.remove(READER)  # pcsc-lite answers the next SCardTransmit SCARD_W_REMOVED_CARD
    gated.release.set()
    with pytest.raises(CardRemovedError) as raised:
        job.result(WAIT)
    assert raised.value.reader == READER
    events.expect(K.CARD_REMOVED)


@pytest.mark.parametrize("code", ["SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_F_COMM_ERROR"])
def test_the_service_lost_while_watching_is_reported_then_restored(fake, timer, make, code):
    fake.plug(READER)
    fake.insert(READER, card())
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    reader.submit(identify).result(WAIT)  # the hardware thread has a context now

    fake.stop_service(getattr(fake, code))
    lost, *_ = events.expect(K.SERVICE_LOST, K.CARD_REMOVED, K.READER_REMOVED)
    assert isinstance(lost.error, ServiceLostError) and lost.error.code == getattr(fake, code)
    timer.wait_for_waits(1)
    assert timer.asked == [1.0]  # the retry interval, through the injected wait
    assert events.empty()  # one SERVICE_LOST, however often the retry fails

    fake.start_service()
    timer.tick()
    events.expect(K.SERVICE_RESTORED, K.READER_ADDED, K.CARD_INSERTED)
    # The hardware thread's context died with the old pcscd: it makes a new one by itself.
    assert reader.submit(identify).result(WAIT).is_mynumber_card


def test_a_service_down_at_start_is_reported_and_waited_for(fake, timer, make):
    fake.stop_service()
    fake.plug(READER)
    reader, events = make()
    (lost,) = events.expect(K.SERVICE_LOST)
    assert type(lost.error) is ServiceUnavailableError and lost.error.code == fake.SCARD_E_NO_SERVICE
    with pytest.raises(NoCardError):
        reader.submit(identify).result(WAIT)
    timer.wait_for_waits(1)
    timer.tick()
    timer.wait_for_waits(2)  # still down: it waits again, and says nothing new
    assert events.empty()
    fake.start_service()
    timer.tick()
    events.expect(K.SERVICE_RESTORED, K.READER_ADDED)


def test_the_service_stopping_during_a_job_raises_service_lost(fake, make):
    gated = GatedCard()
    fake.plug(READER)
    fake.insert(READER, gated)
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    job = reader.submit(identify)
    assert gated.entered.wait(WAIT)
    fake.stop_service()
    gated.release.set()
    with pytest.raises(ServiceLostError) as raised:
        job.result(WAIT)
    assert raised.value.code == fake.SCARD_E_NO_SERVICE
    events.expect(K.SERVICE_LOST, K.CARD_REMOVED, K.READER_REMOVED)


def test_a_listener_that_raises_does_not_stop_the_monitor(fake, make, caplog):
    fake.plug(READER)
    seen: list[ReaderEventKind] = []
    inserted = threading.Event()

    def listener(event: ReaderEvent) -> None:
        seen.append(event.kind)
        if event.kind is K.CARD_INSERTED:
            inserted.set()
        raise RuntimeError("listener bug")

    reader = PcscReader(scard=fake, retry_wait=lambda seconds: None)
    reader.start(listener)
    try:
        fake.wait_for_waiter()
        fake.insert(READER, card())
        assert inserted.wait(WAIT)
    finally:
        reader.close()
    assert seen == [K.READER_ADDED, K.CARD_INSERTED]
    assert "reader event listener failed" in caplog.text


def test_close_cuts_the_infinite_wait_short(fake):
    reader = PcscReader(scard=fake, retry_wait=lambda seconds: None)
    reader.start(Events())
    fake.wait_for_waiter()
    reader.close()
    assert not reader._monitor.is_alive()
    assert fake.SCardReleaseContext(0) == fake.SCARD_E_INVALID_HANDLE  # and every context was released
    assert fake._contexts == {}


def test_the_name_filter_ignores_other_readers(fake, make):
    fake.plug("Other reader 00 00")
    fake.plug(READER)
    _, events = make("ACR1252")
    assert events.expect(K.READER_ADDED)[0].reader == READER
    fake.insert("Other reader 00 00", card())
    fake.wait_for_waiter()
    assert events.empty()


def test_run_once_connects_through_the_given_layer_with_the_decorated_channel(fake):
    fake.plug(READER)
    fake.insert(READER, ScriptedCard(("00B0000000", "0102 6101"), ("00C0000001", "03 9000")))
    answer = run_once(READER, lambda channel: channel.transmit(bytes.fromhex("00B0000000")), scard=fake)
    assert answer == bytes.fromhex("010203 9000")
    assert fake.transmitted == [bytes.fromhex("00B0000000"), bytes.fromhex("00C0000001")]


def test_connect_and_transmit_codes_become_typed_errors(fake):
    def read(channel):
        return channel.transmit(bytes.fromhex("00B0000000"))

    with pytest.raises(ReaderUnavailableError) as raised:
        run_once(READER, read, scard=fake)  # SCARD_E_UNKNOWN_READER
    assert raised.value.reader == READER and raised.value.code == fake.SCARD_E_UNKNOWN_READER
    fake.plug(READER)
    with pytest.raises(NoCardError):
        run_once(READER, read, scard=fake)  # SCARD_E_NO_SMARTCARD
    fake.insert(READER, ScriptedCard(("00B0000000", "90")))  # one byte: no status word
    with pytest.raises(CardMuteError):
        run_once(READER, read, scard=fake)
    fake.stop_service()
    with pytest.raises(ServiceUnavailableError) as raised:
        run_once(READER, read, scard=fake)
    assert raised.value.code == fake.SCARD_E_NO_SERVICE


def test_pcsc_traces_go_to_the_apdu_log_like_every_reader(fake, make, caplog):
    caplog.set_level(logging.DEBUG, logger="apdu")
    fake.plug(READER)
    fake.insert(READER, card())
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    verify = bytes.fromhex("0020008004") + b"1234"
    reader.submit(lambda channel: channel.transmit(verify)).result(WAIT)
    assert next(r.getMessage() for r in caplog.records if r.name == "apdu") == "> 00 20 00 80 04"
    assert "31 32 33 34" not in caplog.text


# -- connection settings (share mode, protocols) and the refusals they can bring ----------------------


def read_binary(channel):
    return channel.transmit(bytes.fromhex("00B0000000"))


def another_program(fake, reader: str = READER, share: str = "SCARD_SHARE_SHARED", protocols: int = 3) -> int:
    """Another PC/SC program (a JPKI client) connects to the card; returns its handle, or fails the test."""
    _, context = fake.SCardEstablishContext(fake.SCARD_SCOPE_USER)
    hresult, handle, _ = fake.SCardConnect(context, reader, getattr(fake, share), protocols)
    assert hresult == fake.SCARD_S_SUCCESS, fake.SCardGetErrorMessage(hresult)
    return handle


def test_the_default_settings_connect_shared_offering_t0_and_t1(fake, make):
    fake.plug(READER)
    fake.insert(READER, card())
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    assert reader.settings == ConnectSettings() == ConnectSettings.from_words(None, None)
    reader.submit(identify).result(WAIT)
    run_once(READER, identify, scard=fake)
    both = fake.SCARD_PROTOCOL_T0 | fake.SCARD_PROTOCOL_T1
    assert fake.connects == [(READER, fake.SCARD_SHARE_SHARED, both)] * 2
    assert fake.open_connections(READER) == 0  # each job disconnected, as before


@pytest.mark.parametrize(
    ("share", "protocol", "flags"),
    [
        ("exclusive", "any", ("SCARD_SHARE_EXCLUSIVE", ("SCARD_PROTOCOL_T0", "SCARD_PROTOCOL_T1"))),
        ("shared", "t1", ("SCARD_SHARE_SHARED", ("SCARD_PROTOCOL_T1",))),
        ("exclusive", "t0", ("SCARD_SHARE_EXCLUSIVE", ("SCARD_PROTOCOL_T0",))),
    ],
)
def test_the_settings_chosen_reach_scardconnect(fake, timer, share, protocol, flags):
    fake.plug(READER)
    fake.insert(READER, card())
    settings = ConnectSettings.from_words(share, protocol)
    reader = PcscReader(scard=fake, retry_wait=timer, settings=settings)
    events = Events()
    reader.start(events)
    try:
        events.expect(K.READER_ADDED, K.CARD_INSERTED)
        assert reader.submit(identify).result(WAIT).is_mynumber_card
    finally:
        reader.close()
    run_once(READER, identify, settings=settings, scard=fake)
    share_flag, protocols = flags
    expected = (READER, getattr(fake, share_flag), sum(getattr(fake, p) for p in protocols))
    assert fake.connects == [expected, expected]


def test_a_card_held_exclusively_by_another_program_is_card_in_use(fake, make):
    fake.plug(READER)
    fake.insert(READER, card())
    other = another_program(fake, share="SCARD_SHARE_EXCLUSIVE")
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    with pytest.raises(CardInUseError) as raised:
        reader.submit(identify).result(WAIT)
    error = raised.value
    assert error.reader == READER and not error.exclusive and error.code == fake.SCARD_E_SHARING_VIOLATION
    assert not isinstance(error, NoCardError)  # the card is there: the visit must not end as if taken away
    assert "ほかのプログラム" in describe(error) and "Another program is using the card" in in_english(error)
    assert "JPKI" in in_english(error)  # the program a clinic most likely has open, named
    fake.SCardDisconnect(other, fake.SCARD_LEAVE_CARD)  # the other program is done: the kiosk reads
    assert reader.submit(identify).result(WAIT).is_mynumber_card


def test_asking_for_the_card_exclusively_while_another_program_shares_it_says_so(fake):
    fake.plug(READER)
    fake.insert(READER, card())
    another_program(fake)
    exclusive = ConnectSettings(ShareMode.EXCLUSIVE)
    with pytest.raises(CardInUseError) as raised:
        run_once(READER, read_binary, settings=exclusive, scard=fake)
    assert raised.value.exclusive
    assert "--share exclusive" in describe(raised.value) and "exclusive mode" in in_english(raised.value)
    assert describe(raised.value) != describe(CardInUseError(READER))


def test_exclusive_mode_keeps_the_card_from_other_programs_until_it_leaves(fake, make, timer):
    fake.plug(READER)
    fake.insert(READER, card())
    reader = PcscReader(scard=fake, retry_wait=timer, settings=ConnectSettings(ShareMode.EXCLUSIVE))
    events = Events()
    reader.start(events)
    try:
        events.expect(K.READER_ADDED, K.CARD_INSERTED)
        reader.submit(identify).result(WAIT)
        # Between two steps of the visit the card stays the kiosk's: another program is refused ...
        _, context = fake.SCardEstablishContext(fake.SCARD_SCOPE_USER)
        refused, _, _ = fake.SCardConnect(context, READER, fake.SCARD_SHARE_SHARED, 3)
        assert refused == fake.SCARD_E_SHARING_VIOLATION
        reader.submit(identify).result(WAIT)
        assert len(fake.connects) == 2  # ... and the kiosk's second step used the connection it kept
        fake.remove(READER)
        events.expect(K.CARD_REMOVED)
        with pytest.raises(NoCardError):  # queued after the let-go: it has run when this fails
            reader.submit(identify).result(WAIT)
        assert fake.open_connections(READER) == 0
        fake.insert(READER, card())
        events.expect(K.CARD_INSERTED)
        another_program(fake)  # the reader is free again until the kiosk's next job
    finally:
        reader.close()


def test_an_exclusive_connection_is_let_go_on_close(fake, timer):
    fake.plug(READER)
    fake.insert(READER, card())
    reader = PcscReader(scard=fake, retry_wait=timer, settings=ConnectSettings(ShareMode.EXCLUSIVE))
    events = Events()
    reader.start(events)
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    reader.submit(identify).result(WAIT)
    assert fake.open_connections(READER) == 1
    reader.close()
    assert fake.open_connections(READER) == 0


def test_a_protocol_the_card_does_not_offer_is_a_protocol_mismatch(fake):
    fake.plug(READER)
    fake.insert(READER, ScriptedCard(("00B0000000", "01 9000")), protocols=fake.SCARD_PROTOCOL_T0)
    t1 = ConnectSettings(protocol=TransmissionProtocol.T1)
    with pytest.raises(ProtocolMismatchError) as raised:
        run_once(READER, read_binary, settings=t1, scard=fake)
    error = raised.value
    assert (error.reader, error.protocols, error.code) == (READER, "T=1", fake.SCARD_E_PROTO_MISMATCH)
    assert "T=1" in describe(error) and "--protocol any" in in_english(error)
    # The default offers both, and the card's T=0 is used for the commands too.
    assert run_once(READER, read_binary, scard=fake) == bytes.fromhex("01 9000")


def test_a_protocol_another_program_already_set_is_a_protocol_mismatch(fake):
    fake.plug(READER)
    fake.insert(READER, card())
    another_program(fake, protocols=fake.SCARD_PROTOCOL_T0)
    with pytest.raises(ProtocolMismatchError):
        run_once(READER, identify, settings=ConnectSettings(protocol=TransmissionProtocol.T1), scard=fake)
    assert run_once(READER, identify, scard=fake).is_mynumber_card  # T=0 or T=1: joins on T=0


def test_a_card_reset_by_another_program_during_a_job_is_card_reset_not_removed(fake, make):
    gated = GatedCard()
    fake.plug(READER)
    fake.insert(READER, gated)
    reader, events = make()
    events.expect(K.READER_ADDED, K.CARD_INSERTED)
    job = reader.submit(identify)
    assert gated.entered.wait(WAIT)
    fake.reset(READER)  # another program, sharing the card, resets it under the job
    gated.release.set()
    with pytest.raises(CardResetError) as raised:
        job.result(WAIT)
    error = raised.value
    assert not isinstance(error, NoCardError) and error.code == fake.SCARD_W_RESET_CARD
    assert "--share exclusive" in describe(error) and "reset the card" in in_english(error)
    assert reader.card_present()  # no removal: the card is still on the reader ...
    assert reader.submit(identify).result(WAIT).is_mynumber_card  # ... and the next job reads it afresh
    assert events.empty()
