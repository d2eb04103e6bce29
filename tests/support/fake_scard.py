"""A PC/SC layer without pcscd: the functions of pyscard's ``smartcard.scard`` that the kiosk calls, over a
simulated resource manager whose readers, cards and service the test drives.

Return codes and constants are pyscard's own (copied from the real module), and the behaviour follows
pcsc-lite's ``src/winscard_clnt.c`` (github.com/LudovicRousseau/PCSC):

* ``SCardEstablishContext`` answers ``SCARD_E_NO_SERVICE`` while the service is down;
* ``SCardGetStatusChange`` returns at once for a reader whose current state is ``SCARD_STATE_UNAWARE``,
  ``SCARD_E_UNKNOWN_READER`` for a name it does not know, keeps an event counter in the high word of
  each state, and for ``\\\\?PnP?\\Notification`` returns when the number of readers changes during
  the call, or at once when the reader-events count given in the high word is non-zero and stale;
* a reader unplugged during the wait reads ``SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE``;
* when the service stops under a call, the call answers ``SCARD_F_COMM_ERROR`` (``winscard_msg.c``: the
  daemon closed the socket), or the code the test gives; a context from before a restart is dead
  (``SCARD_E_INVALID_HANDLE``), and ``SCardCancel`` only wakes a call that is waiting;
* ``SCardConnect`` (``winscard.c``) answers ``SCARD_E_SHARING_VIOLATION`` to anyone while one connection
  holds the card exclusively, and to an exclusive request while any connection is open; the first
  connection to a card sets its protocol (T=1 if asked for and offered, else T=0), and a request that
  does not include the card's protocol is ``SCARD_E_PROTO_MISMATCH``; after ``reset()`` (another program
  reset the card) each connection open before it answers its next ``SCardTransmit`` with
  ``SCARD_W_RESET_CARD``, once.

Every wait is on one condition variable: nothing here sleeps.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from smartcard import scard as _real

PNP = "\\\\?PnP?\\Notification"


@dataclass
class _Slot:
    card: Any = None  # an EmulatedCard, or None
    counter: int = 0  # pcsc-lite's event counter: +1 on each insertion and removal
    insertion: int = 0  # which insertion the card on it is (a handle is good for one)
    offers: int = 0  # the protocols the card's ATR offers (SCARD_PROTOCOL_T0 | _T1)
    protocol: int = 0  # the protocol the first connection set; 0: none yet


@dataclass
class _Handle:
    reader: str
    insertion: int
    generation: int
    exclusive: bool
    reset: bool = False  # the card was reset since: the next SCardTransmit says so


@dataclass
class _Context:
    generation: int
    waiting: bool = False
    cancelled: bool = False
    calls: list[str] = field(default_factory=list)


class FakeScard:
    """``smartcard.scard`` as a PcscReader uses it, over readers, cards and a service the test controls."""

    def __init__(self) -> None:
        for name in dir(_real):
            if name.startswith(("SCARD_", "INFINITE")):
                setattr(self, name, getattr(_real, name))
        self._cond = threading.Condition(threading.RLock())
        self._up = True
        self._generation = 1
        self._stop_code = self.SCARD_F_COMM_ERROR
        self._slots: dict[str, _Slot] = {}
        self._reader_events = 1  # pcsc-lite's count starts non-zero
        self._contexts: dict[int, _Context] = {}
        self._handles: dict[int, _Handle] = {}
        self.connects: list[tuple[str, int, int]] = []  # SCardConnect calls: reader, share mode, protocols
        self._ids = itertools.count(0x1000)
        self.status_calls = 0  # SCardGetStatusChange calls, to show the monitor does not poll
        self.transmitted: list[bytes] = []

    # -- what the test does -----------------------------------------------------------------------

    def plug(self, reader: str) -> None:
        with self._cond:
            self._slots[reader] = _Slot()
            self._reader_events += 1
            self._cond.notify_all()

    def unplug(self, reader: str) -> None:
        with self._cond:
            del self._slots[reader]
            self._reader_events += 1
            self._cond.notify_all()

    def insert(self, reader: str, card: Any, *, protocols: int | None = None) -> None:
        """Place ``card``, whose ATR offers ``protocols`` (T=0 and T=1 unless given)."""
        with self._cond:
            slot = self._slots[reader]
            card.power_on()
            slot.card, slot.counter, slot.insertion = card, slot.counter + 1, slot.insertion + 1
            slot.offers = self.SCARD_PROTOCOL_T0 | self.SCARD_PROTOCOL_T1 if protocols is None else protocols
            slot.protocol = 0
            self._cond.notify_all()

    def reset(self, reader: str) -> None:
        """Another program resets the card (``SCardReconnect`` with ``SCARD_RESET_CARD``): every
        connection open now is told so at its next command."""
        with self._cond:
            for handle in self._handles.values():
                if handle.reader == reader:
                    handle.reset = True

    def open_connections(self, reader: str) -> int:
        with self._cond:
            return sum(1 for handle in self._handles.values() if handle.reader == reader)

    def remove(self, reader: str) -> None:
        with self._cond:
            slot = self._slots[reader]
            if slot.card is not None:
                slot.card.power_off()
            slot.card, slot.counter = None, slot.counter + 1
            self._cond.notify_all()

    def swap(self, reader: str, card: Any) -> None:
        """Take the card away and place ``card`` at once: between two waits, as a quick hand does."""
        with self._cond:
            self.remove(reader)
            self.insert(reader, card)

    def stop_service(self, code: int | None = None) -> None:
        """pcscd stops: calls under way answer ``code`` (``SCARD_F_COMM_ERROR`` by default), new ones
        ``SCARD_E_NO_SERVICE``; every context and card handle dies with it."""
        with self._cond:
            self._up = False
            self._stop_code = self.SCARD_F_COMM_ERROR if code is None else code
            self._generation += 1
            self._cond.notify_all()

    def start_service(self) -> None:
        with self._cond:
            self._up = True
            self._cond.notify_all()

    def wait_for_waiter(self, timeout: float = 5.0) -> None:
        """Block until a thread is waiting in ``SCardGetStatusChange`` (the monitor is idle and watching)."""
        with self._cond:
            if not self._cond.wait_for(lambda: any(c.waiting for c in self._contexts.values()), timeout):
                raise TimeoutError("nobody waits in SCardGetStatusChange")

    # -- smartcard.scard ------------------------------------------------------------------------

    def SCardGetErrorMessage(self, hresult: int) -> str:
        return str(_real.SCardGetErrorMessage(hresult))

    def SCardEstablishContext(self, scope: int) -> tuple[int, int]:
        with self._cond:
            if not self._up:
                return self.SCARD_E_NO_SERVICE, 0
            handle = next(self._ids)
            self._contexts[handle] = _Context(self._generation)
            return self.SCARD_S_SUCCESS, handle

    def SCardReleaseContext(self, context: int) -> int:
        with self._cond:
            return self.SCARD_S_SUCCESS if self._contexts.pop(context, None) else self.SCARD_E_INVALID_HANDLE

    def _dead(self, context: int) -> int | None:
        """Why calls on ``context`` fail now, or None while it is good."""
        known = self._contexts.get(context)
        if not self._up:
            return self.SCARD_E_NO_SERVICE
        if known is None or known.generation != self._generation:
            return self.SCARD_E_INVALID_HANDLE
        return None

    def SCardListReaders(self, context: int, groups: list[str]) -> tuple[int, list[str]]:
        with self._cond:
            dead = self._dead(context)
            if dead is not None:
                return dead, []
            if not self._slots:
                return self.SCARD_E_NO_READERS_AVAILABLE, []
            return self.SCARD_S_SUCCESS, list(self._slots)

    def SCardCancel(self, context: int) -> int:
        with self._cond:
            known = self._contexts.get(context)
            if known is not None and known.waiting:  # a cancel before the wait is lost, as in pcsc-lite
                known.cancelled = True
                self._cond.notify_all()
            return self.SCARD_S_SUCCESS

    def _state(self, name: str, current: int, readers_at_start: int) -> tuple[int, bytes, bool]:
        """(event state, ATR, changed) of one entry, as pcsc-lite computes them."""
        if name == PNP:
            previous = current >> 16
            state = (current & 0xFFFF & ~self.SCARD_STATE_CHANGED) | (self._reader_events << 16)
            changed = (previous != 0 and previous != self._reader_events) or len(
                self._slots
            ) != readers_at_start
            return state, b"", changed
        slot = self._slots.get(name)
        if slot is None:
            state = self.SCARD_STATE_UNKNOWN | self.SCARD_STATE_UNAVAILABLE
            return state, b"", not current & self.SCARD_STATE_UNKNOWN
        present = slot.card is not None
        state = (self.SCARD_STATE_PRESENT if present else self.SCARD_STATE_EMPTY) | (slot.counter << 16)
        changed = (
            current == self.SCARD_STATE_UNAWARE
            or bool(current & self.SCARD_STATE_UNKNOWN)
            or (current >> 16 != 0 and current >> 16 != slot.counter)
            or (present and bool(current & self.SCARD_STATE_EMPTY))
            or (not present and bool(current & self.SCARD_STATE_PRESENT))
        )
        return state, slot.card.atr() if present else b"", changed

    def SCardGetStatusChange(
        self, context: int, timeout: int, states: list[tuple[str, int]]
    ) -> tuple[int, list[tuple[str, int, list[int]]]]:
        with self._cond:
            self.status_calls += 1
            dead = self._dead(context)
            if dead is not None:
                return dead, []
            for name, _ in states:
                if name != PNP and name not in self._slots:
                    return self.SCARD_E_UNKNOWN_READER, []
            me = self._contexts[context]
            generation = self._generation
            readers_at_start = len(self._slots)
            me.waiting, me.cancelled = True, False
            self._cond.notify_all()
            try:
                while True:
                    if self._generation != generation:
                        return self._stop_code, []
                    if me.cancelled:
                        return self.SCARD_E_CANCELLED, []
                    answers = [
                        (name, *self._state(name, current, readers_at_start)) for name, current in states
                    ]
                    if any(changed for *_, changed in answers):
                        return self.SCARD_S_SUCCESS, [
                            (name, state | (self.SCARD_STATE_CHANGED if changed else 0), list(atr))
                            for name, state, atr, changed in answers
                        ]
                    if timeout != self.INFINITE and not self._cond.wait(timeout / 1000):
                        return self.SCARD_E_TIMEOUT, []
                    if timeout == self.INFINITE:
                        self._cond.wait()
            finally:
                me.waiting = False

    def SCardConnect(self, context: int, reader: str, share: int, protocols: int) -> tuple[int, int, int]:
        with self._cond:
            self.connects.append((reader, share, protocols))
            dead = self._dead(context)
            if dead is not None:
                return dead, 0, 0
            slot = self._slots.get(reader)
            if slot is None:
                return self.SCARD_E_UNKNOWN_READER, 0, 0
            if slot.card is None:
                return self.SCARD_E_NO_SMARTCARD, 0, 0
            # pcsc-lite counts connections per reader until SCardDisconnect: one left open on a card that was
            # taken away still holds the reader (an exclusive one, against everybody).
            held = [
                h for h in self._handles.values() if h.reader == reader and h.generation == self._generation
            ]
            exclusive = share == self.SCARD_SHARE_EXCLUSIVE
            if any(h.exclusive for h in held) or (exclusive and held):
                return self.SCARD_E_SHARING_VIOLATION, 0, 0
            if not any(h.insertion == slot.insertion for h in held):
                slot.protocol = 0  # no connection to this card: the next one negotiates again
            if slot.protocol == 0:
                usable = protocols & slot.offers
                if not usable:
                    return self.SCARD_E_PROTO_MISMATCH, 0, 0
                t1 = usable & self.SCARD_PROTOCOL_T1
                slot.protocol = self.SCARD_PROTOCOL_T1 if t1 else self.SCARD_PROTOCOL_T0
            elif not protocols & slot.protocol:
                return self.SCARD_E_PROTO_MISMATCH, 0, 0
            handle = next(self._ids)
            self._handles[handle] = _Handle(reader, slot.insertion, self._generation, exclusive)
            return self.SCARD_S_SUCCESS, handle, slot.protocol

    def SCardDisconnect(self, handle: int, disposition: int) -> int:
        with self._cond:
            return self.SCARD_S_SUCCESS if self._handles.pop(handle, None) else self.SCARD_E_INVALID_HANDLE

    def SCardTransmit(self, handle: int, protocol: int, command: list[int]) -> tuple[int, list[int]]:
        with self._cond:
            if not self._up:
                return self.SCARD_E_NO_SERVICE, []
            known = self._handles.get(handle)
            if known is None or known.generation != self._generation:
                return self.SCARD_E_INVALID_HANDLE, []
            slot = self._slots.get(known.reader)
            if slot is None:
                return self.SCARD_E_READER_UNAVAILABLE, []
            if slot.card is None or slot.insertion != known.insertion:
                return self.SCARD_W_REMOVED_CARD, []
            if known.reset:
                known.reset = False
                return self.SCARD_W_RESET_CARD, []
            if protocol != slot.protocol:
                return self.SCARD_E_PROTO_MISMATCH, []  # sent as another protocol than the connection's
            card = slot.card
            self.transmitted.append(bytes(command))
        # The card answers outside the lock, as a real one takes its time: the test may act meanwhile.
        return self.SCARD_S_SUCCESS, list(card.execute(bytes(command)))
