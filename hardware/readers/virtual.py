"""The in-process virtual reader: the embedded default, no system service needed."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from mynakiosk_hardware.channel import reader_channel
from mynakiosk_hardware.errors import CardRemovedError, NoCardError
from mynakiosk_hardware.readers.base import (
    CardJob,
    HardwareThreadGuard,
    Reader,
    ReaderEvent,
    ReaderEventKind,
    ReaderListener,
    T,
)
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from mynakiosk_hardware.emulated import EmulatedCard


@record
class ReaderStep:
    """One step of a scripted session: after ``after`` seconds, put ``card`` in ``slot`` (None: remove)."""

    card: EmulatedCard | None
    slot: int | None = None
    after: float = 0.0


class _VirtualWire:
    """The in-process reader's wire: into the card, while it is still in its slot."""

    def __init__(self, reader: VirtualReader, card: EmulatedCard, slot: str) -> None:
        self._reader = reader
        self._card = card
        self._slot = slot

    def transmit(self, command: bytes) -> bytes:
        return self._reader._transmit(self._card, command, self._slot)


#: The name of an in-process 汎用カードリーダー (the second reader, for phones), as a PC/SC one shows its own.
VIRTUAL_PHONE_READER = "Phone reader (in-process)"


class VirtualReader(Reader):
    """Card slots filled and emptied by ``insert(card, slot)`` / ``remove(slot)`` (the card picker, tests).

    With several slots, each is a reader of its own name (``"<name> 01"``…), like a PC/SC reader with
    several slots; jobs go to the card placed most recently. ``latency`` adds a delay to each APDU on the
    hardware thread, to rehearse a slow reader.
    """

    def __init__(
        self, name: str = "Virtual reader (in-process)", latency: float = 0.0, slots: int = 1
    ) -> None:
        if slots < 1:
            raise ValueError("a reader has at least one slot")
        self.description = name
        self.slot_names = [name] if slots == 1 else [f"{name} {i:02d}" for i in range(slots)]
        self.latency = latency
        self._lock = threading.Lock()
        self._cards: list[EmulatedCard | None] = [None] * slots
        self._active: int | None = None
        self._listener: ReaderListener | None = None
        self._guard = HardwareThreadGuard()
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="hardware", initializer=self._guard.claim
        )

    def start(self, listener: ReaderListener) -> None:
        self._listener = listener
        for slot, name in enumerate(self.slot_names):
            listener(ReaderEvent(ReaderEventKind.READER_ADDED, name))
            card = self._cards[slot]
            if card is not None:
                listener(ReaderEvent(ReaderEventKind.CARD_INSERTED, name, card.atr()))

    def insert(self, card: EmulatedCard, slot: int = 0) -> None:
        """Place a card in ``slot`` (taking away any card already there first)."""
        if self._cards[slot] is not None:
            self.remove(slot)
        with self._lock:
            card.power_on()
            self._cards[slot] = card
            self._active = slot
        self._emit(ReaderEvent(ReaderEventKind.CARD_INSERTED, self.slot_names[slot], card.atr()))

    def remove(self, slot: int | None = None) -> None:
        """Take the card away (from ``slot``, or the most recent one); a command in flight fails."""
        with self._lock:
            slot = self._active if slot is None else slot
            if slot is None:
                return
            card = self._cards[slot]
            if card is None:
                return
            self._cards[slot] = None
            if self._active == slot:
                self._active = next((i for i, c in enumerate(self._cards) if c is not None), None)
            card.power_off()
        self._emit(ReaderEvent(ReaderEventKind.CARD_REMOVED, self.slot_names[slot]))

    def play(self, steps: Iterable[ReaderStep], wait: Callable[[float], None] = time.sleep) -> None:
        """Run a script of insertions and removals, ``wait`` (injectable) pausing before each step."""
        for step in steps:
            if step.after:
                wait(step.after)
            if step.card is None:
                self.remove(step.slot)
            else:
                self.insert(step.card, 0 if step.slot is None else step.slot)

    @property
    def card(self) -> EmulatedCard | None:
        """The card placed most recently, if it is still there."""
        with self._lock:
            return None if self._active is None else self._cards[self._active]

    def card_present(self) -> bool:
        return self.card is not None

    def submit(self, job: CardJob[T]) -> Future[T]:
        def run() -> T:
            with self._lock:
                slot = self._active
                card = None if slot is None else self._cards[slot]
            if slot is None or card is None:
                raise NoCardError(self.description)
            return job(reader_channel(_VirtualWire(self, card, self.slot_names[slot])))

        return self._executor.submit(run)

    def _transmit(self, card: EmulatedCard, command: bytes, slot: str = "") -> bytes:
        self._guard.check()
        if self.latency:
            time.sleep(self.latency)  # simulated reader speed, on the hardware thread only
        with self._lock:
            if card not in self._cards:
                raise CardRemovedError(slot)
            return card.execute(bytes(command))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._listener = None

    def _emit(self, event: ReaderEvent) -> None:
        if self._listener is not None:
            self._listener(event)
