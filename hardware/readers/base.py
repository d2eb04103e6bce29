"""The one reader interface every backend implements, its events and its errors."""

from __future__ import annotations

import enum
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")

#: APDU traces (``kiosk -vv``): a command's header and an answer's status word, never a body (a VERIFY's
#: body is the PIN, a READ BINARY's answer a certificate).
apdu_log = logging.getLogger("apdu")


def trace_command(command: bytes, log: logging.Logger = apdu_log) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("> %s", command[:5].hex(" ").upper())


def trace_answer(answer: bytes, log: logging.Logger = apdu_log) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("< %s", answer[-2:].hex(" ").upper())


class ReaderEventKind(enum.Enum):
    READER_ADDED = "reader added"
    READER_REMOVED = "reader removed"
    CARD_INSERTED = "card inserted"
    CARD_REMOVED = "card removed"
    SERVICE_LOST = "service lost"
    SERVICE_RESTORED = "service restored"


@dataclass(frozen=True, slots=True)
class ReaderEvent:
    """Something a reader reports: ready, gone, a card placed or taken (with its ATR), or an error."""

    kind: ReaderEventKind
    reader: str
    atr: bytes = b""
    detail: str = ""


ReaderListener = Callable[[ReaderEvent], None]


class ReaderError(Exception):
    """A reader problem worth telling the user about; the message is written for people."""


class NoCardError(ReaderError):
    """No card on the reader, or the card was taken away during a command."""


class ServiceUnavailableError(ReaderError):
    """The smart-card service (pcscd) or the reader itself is not there."""


class CardChannel(Protocol):
    """A connection to the card on the reader, valid only inside a job on the hardware thread."""

    def transmit(self, apdu: bytes) -> bytes: ...


CardJob = Callable[[CardChannel], T]


class Reader(ABC):
    """A card slot the kiosk watches, with all card I/O on one hardware thread.

    ``start(listener)`` begins watching: events arrive on a background thread, so the listener must only
    hand them over (a Qt signal, ``loop.call_soon_threadsafe``). ``submit(job)`` runs ``job(channel)`` on
    the hardware thread with a channel to the present card and returns a ``Future``; the job raises
    ``NoCardError`` when the card is gone.
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
