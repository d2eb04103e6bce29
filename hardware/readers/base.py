"""The one reader interface every backend implements and its events (errors: ``hardware/errors.py``)."""

from __future__ import annotations

import enum
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING

# The channel and the errors, here too because every job and every catcher of a reader error starts here.
from mynakiosk_hardware.channel import CardChannel, CardJob, T
from mynakiosk_hardware.errors import NoCardError, ReaderError, ServiceUnavailableError
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "CardChannel",
    "CardJob",
    "HardwareThreadGuard",
    "NoCardError",
    "Reader",
    "ReaderError",
    "ReaderEvent",
    "ReaderEventKind",
    "ReaderListener",
    "ServiceUnavailableError",
    "T",
]


class ReaderEventKind(enum.Enum):
    READER_ADDED = "reader added"
    READER_REMOVED = "reader removed"
    CARD_INSERTED = "card inserted"
    CARD_REMOVED = "card removed"
    SERVICE_LOST = "service lost"
    SERVICE_RESTORED = "service restored"


@record(slots=True)
class ReaderEvent:
    """Something a reader reports: ready, gone, a card placed or taken (with its ATR), or the service lost
    (with the error that says why; the UI words it)."""

    kind: ReaderEventKind
    reader: str
    atr: bytes = b""
    error: ReaderError | None = None


ReaderListener = Callable[[ReaderEvent], None]


class Reader(ABC):
    """A card slot the kiosk watches, with all card I/O on one hardware thread.

    ``start(listener)`` begins watching: events arrive on a background thread, so the listener must only
    hand them over (a Qt signal, ``loop.call_soon_threadsafe``). ``submit(job)`` runs ``job(channel)`` on
    the hardware thread with a channel to the present card and returns a ``Future``; the job raises
    ``NoCardError`` when the card is gone. The channel is ``channel.reader_channel`` over the backend's
    wire: traced, with ``61XX`` and ``6CXX`` handled.
    """

    #: Human-readable name shown in the UI and in ``kiosk --check``.
    description: str = "reader"

    @abstractmethod
    def start(self, listener: ReaderListener) -> None: ...

    @abstractmethod
    def submit(self, job: CardJob[T]) -> Future[T]: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def card_present(self) -> bool: ...


class HardwareThreadGuard:
    """Remembers which thread owns the hardware and checks that calls come from it (Electrum's guard)."""

    def __init__(self) -> None:
        self._owner: int | None = None

    def claim(self) -> None:
        self._owner = threading.get_ident()

    def check(self) -> None:
        if self._owner is not None and threading.get_ident() != self._owner:
            raise RuntimeError("card I/O outside the hardware thread")
