"""PC/SC readers through pyscard's low-level ``smartcard.scard`` API (real USB readers, vpcd).

Two threads, each with its own PC/SC context (the model pcsc-lite recommends):

* the **monitor** thread blocks in ``SCardGetStatusChange(INFINITE)`` over every reader plus
  ``\\\\?PnP?\\Notification``, so card insert/remove and reader hot-plug wake it; it never polls;
* the **hardware** thread (a one-worker executor) owns every ``SCardConnect``/``SCardTransmit``.

Keeping card I/O off the waiting thread avoids the lost-wake-up race of cancelling a wait to run a job.
When pcscd goes away, both threads report it and come back by themselves when it returns: the monitor
retries ``SCardEstablishContext`` every ``retry_interval`` seconds (pcscd announces its own start to
nobody, so this is the one place a timed retry is needed), the hardware thread on its next job.

The PC/SC layer is injected (``scard``: pyscard's ``smartcard.scard`` module by default), and so is the
retry wait, so that all of this is tested without pcscd (``tests/support/fake_scard.py``). pyscard is
imported lazily so that the in-process reader works where pyscard is not installed.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mynakiosk_hardware.channel import reader_channel
from mynakiosk_hardware.errors import (
    CardMuteError,
    CardRemovedError,
    NoCardError,
    PcscError,
    PcscNotInstalledError,
    ReaderUnavailableError,
    ServiceLostError,
    ServiceUnavailableError,
)
from mynakiosk_hardware.readers.base import (
    CardJob,
    HardwareThreadGuard,
    Reader,
    ReaderEvent,
    ReaderEventKind,
    ReaderListener,
    T,
)
from mynakiosk_hardware.readers.selection import watched

if TYPE_CHECKING:
    from collections.abc import Callable

    from mynakiosk_hardware.errors import ReaderError

log = logging.getLogger("hardware.pcsc")

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"


def _scard() -> Any:
    """pyscard's ``smartcard.scard`` module: the PC/SC layer unless one is injected."""
    try:
        from smartcard import scard
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise PcscNotInstalledError() from exc
    return scard


def _message(hresult: int, scard: Any = None) -> str:
    """The PC/SC layer's text for a return code (English, for developers)."""
    layer = _scard() if scard is None else scard
    try:
        return str(layer.SCardGetErrorMessage(hresult))
    except Exception:
        return "unknown error"


def _service_errors(scard: Any) -> tuple[int, ...]:
    """Return codes that mean the service (not the card or the reader) is gone. pcsc-lite answers
    ``SCARD_F_COMM_ERROR`` when pcscd closes the socket under a call (``winscard_msg.c``), and a context
    made before pcscd restarted is ``SCARD_E_INVALID_HANDLE`` to the new one."""
    return (
        scard.SCARD_E_NO_SERVICE,
        scard.SCARD_E_SERVICE_STOPPED,
        scard.SCARD_E_INVALID_HANDLE,
        scard.SCARD_F_COMM_ERROR,
    )


def establish_context(scard: Any = None) -> Any:
    """A PC/SC context, or ``ServiceUnavailableError`` (with the return code)."""
    layer = _scard() if scard is None else scard
    hresult, context = layer.SCardEstablishContext(layer.SCARD_SCOPE_USER)
    if hresult != layer.SCARD_S_SUCCESS:
        raise ServiceUnavailableError(_message(hresult, layer), code=hresult)
    return context


@dataclass(frozen=True, slots=True)
class ReaderStatus:
    """A PC/SC reader by name, and the card on it if any (``kiosk readers``)."""

    name: str
    card_present: bool
    atr: bytes


def list_readers() -> list[ReaderStatus]:
    """Every PC/SC reader and whether a card is on it (for ``kiosk readers``)."""
    scard = _scard()
    context = establish_context()
    try:
        hresult, names = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hresult != scard.SCARD_S_SUCCESS:
            raise ServiceUnavailableError(f"cannot list PC/SC readers: {_message(hresult)}")
        states = [(name, scard.SCARD_STATE_UNAWARE) for name in names]
        hresult, found = scard.SCardGetStatusChange(context, 0, states)
        if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
            raise ServiceUnavailableError(f"cannot read reader states: {_message(hresult)}")
        return [
            ReaderStatus(name, bool(state & scard.SCARD_STATE_PRESENT), bytes(atr))
            for name, state, atr in found
        ]
    finally:
        scard.SCardReleaseContext(context)


def _connect(scard: Any, context: Any, reader: str) -> tuple[int, Any, int]:
    connected: tuple[int, Any, int] = scard.SCardConnect(
        context, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
    )
    return connected


def _run_connected(scard: Any, connected: tuple[int, Any, int], reader: str, job: CardJob[T]) -> T:
    """Turn SCardConnect's answer into a typed error, or run ``job`` on the reader's channel and disconnect."""
    hresult, handle, protocol = connected
    if hresult == scard.SCARD_E_NO_SMARTCARD:
        raise NoCardError(reader, detail=_message(hresult, scard))
    if hresult == scard.SCARD_W_REMOVED_CARD:
        raise CardRemovedError(reader, detail=_message(hresult, scard))
    if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
        raise ReaderUnavailableError(reader, _message(hresult, scard), code=hresult)
    if hresult != scard.SCARD_S_SUCCESS:
        raise PcscError("SCardConnect", _message(hresult, scard), code=hresult)
    try:
        return job(reader_channel(_PcscWire(scard, handle, protocol, reader)))
    finally:
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)


def run_once(reader: str, job: CardJob[T], *, scard: Any = None) -> T:
    """Connect to the card in ``reader``, run ``job(channel)`` on this thread, disconnect (CLI use)."""
    layer = _scard() if scard is None else scard
    context = establish_context(layer)
    try:
        return _run_connected(layer, _connect(layer, context, reader), reader, job)
    finally:
        layer.SCardReleaseContext(context)


class _PcscWire:
    """``SCardTransmit`` on one connection; its return codes become typed errors."""

    def __init__(self, scard: Any, handle: Any, protocol: int, reader: str) -> None:
        self._scard = scard
        self._handle = handle
        self._protocol = protocol
        self._reader = reader

    def transmit(self, command: bytes) -> bytes:
        scard = self._scard
        hresult, answer = scard.SCardTransmit(self._handle, self._protocol, list(command))
        if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_RESET_CARD):
            raise CardRemovedError(self._reader, detail=_message(hresult, scard))
        if hresult in _service_errors(scard):
            raise ServiceLostError(_message(hresult, scard), code=hresult)
        if hresult == scard.SCARD_E_READER_UNAVAILABLE:
            raise ReaderUnavailableError(self._reader, _message(hresult, scard), code=hresult)
        if hresult != scard.SCARD_S_SUCCESS:
            raise PcscError("SCardTransmit", _message(hresult, scard), code=hresult)
        answer = bytes(answer)
        if len(answer) < 2:  # seen when the card leaves during the command: no status word came back
            raise CardMuteError(len(answer))
        return answer


class PcscReader(Reader):
    """Watches PC/SC readers (those whose name contains ``name_filter``; without one, all but the virtual
    ones: ``readers.selection``) for the kiosk's card."""

    def __init__(
        self,
        name_filter: str | None = None,
        retry_interval: float = 1.0,
        *,
        scard: Any = None,
        retry_wait: Callable[[float], object] | None = None,
    ) -> None:
        # pyscard's module unless a PC/SC layer is given; fails early, and clearly, when pyscard is missing.
        self._scard = _scard() if scard is None else scard
        self.name_filter = name_filter
        self.retry_interval = retry_interval
        self.description = f"PC/SC ({name_filter})" if name_filter else "PC/SC (any reader but virtual ones)"
        self._listener: ReaderListener | None = None
        self._stop = threading.Event()
        # How the monitor waits before trying pcscd again: the stop event's wait, so close() cuts it short.
        self._retry_wait = self._stop.wait if retry_wait is None else retry_wait
        self._lock = threading.Lock()
        self._monitor_context: Any = None
        self._monitor = threading.Thread(target=self._watch, name="pcsc-monitor", daemon=True)
        self._cards: dict[str, bytes] = {}  # reader name -> ATR of the card on it
        self._active: str | None = None  # the reader the latest card was placed on
        self._guard = HardwareThreadGuard()
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="hardware", initializer=self._guard.claim
        )
        self._hw_context: Any = None

    # -- public --------------------------------------------------------------------------------

    def start(self, listener: ReaderListener) -> None:
        self._listener = listener
        self._monitor.start()

    def card_present(self) -> bool:
        with self._lock:
            return self._active is not None

    @property
    def active_reader(self) -> str | None:
        with self._lock:
            return self._active

    def submit(self, job: CardJob[T]) -> Future[T]:
        return self._executor.submit(self._run_job, job)

    def close(self) -> None:
        self._stop.set()
        scard = self._scard
        while self._monitor.is_alive():
            with self._lock:
                if self._monitor_context is not None:
                    scard.SCardCancel(self._monitor_context)
            self._monitor.join(timeout=0.2)
        self._executor.submit(self._release_hw_context).result()
        self._executor.shutdown(wait=True)
        self._listener = None

    # -- hardware thread -----------------------------------------------------------------------

    def _run_job(self, job: CardJob[T]) -> T:
        self._guard.check()
        scard = self._scard
        reader = self.active_reader
        if reader is None:
            raise NoCardError(self.name_filter or "")
        connected = self._connect(reader)
        if connected[0] in _service_errors(scard):
            # pcscd may have restarted since the last job: the old context is dead, a new one may work.
            self._release_hw_context()
            connected = self._connect(reader)
        if connected[0] in _service_errors(scard):
            self._release_hw_context()
            raise ServiceLostError(_message(connected[0], scard), code=connected[0])
        return _run_connected(scard, connected, reader, job)

    def _connect(self, reader: str) -> tuple[int, Any, int]:
        if self._hw_context is None:
            self._hw_context = establish_context(self._scard)
        return _connect(self._scard, self._hw_context, reader)

    def _release_hw_context(self) -> None:
        if self._hw_context is not None:
            self._scard.SCardReleaseContext(self._hw_context)
            self._hw_context = None

    # -- monitor thread ------------------------------------------------------------------------

    def _emit(
        self, kind: ReaderEventKind, reader: str = "", atr: bytes = b"", error: ReaderError | None = None
    ) -> None:
        listener = self._listener
        if listener is None:
            return
        try:
            listener(ReaderEvent(kind, reader, atr, error))
        except Exception:  # a listener bug must not kill the monitor (pyscard's CardMonitor pitfall)
            log.exception("reader event listener failed")

    def _watch(self) -> None:
        scard = self._scard
        service_lost = False
        known: dict[str, int] = {}  # reader -> last event state we saw
        pnp_state = scard.SCARD_STATE_UNAWARE
        while not self._stop.is_set():
            if self._monitor_context is None:
                try:
                    context = establish_context(scard)
                except ServiceUnavailableError as exc:
                    if not service_lost:
                        service_lost = True
                        self._emit(ReaderEventKind.SERVICE_LOST, error=exc)
                    self._retry_wait(self.retry_interval)
                    continue
                with self._lock:
                    self._monitor_context = context
                if service_lost:
                    service_lost = False
                    self._emit(ReaderEventKind.SERVICE_RESTORED)
                known, pnp_state = {}, scard.SCARD_STATE_UNAWARE

            hresult, names = scard.SCardListReaders(self._monitor_context, [])
            if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
                names = []
            elif hresult != scard.SCARD_S_SUCCESS:
                self._lose_service(known, hresult)
                service_lost = True
                continue
            names = watched(names, self.name_filter)  # never a virtual reader unless named (selection.py)
            for gone in [n for n in known if n not in names]:
                self._forget_reader(gone)
                del known[gone]
            for new in [n for n in names if n not in known]:
                known[new] = scard.SCARD_STATE_UNAWARE
                self._emit(ReaderEventKind.READER_ADDED, new)

            states = [(n, s) for n, s in known.items()] + [(PNP_NOTIFICATION, pnp_state)]
            hresult, changed = scard.SCardGetStatusChange(self._monitor_context, scard.INFINITE, states)
            if self._stop.is_set():
                break
            if hresult in (scard.SCARD_E_CANCELLED, scard.SCARD_E_TIMEOUT, scard.SCARD_E_UNKNOWN_READER):
                continue  # relist: a reader came or went while we were asking
            if hresult != scard.SCARD_S_SUCCESS:
                self._lose_service(known, hresult)
                service_lost = True
                continue
            for name, state, atr in changed:
                if name == PNP_NOTIFICATION:
                    pnp_state = state & ~scard.SCARD_STATE_CHANGED
                    continue
                if name not in known:
                    continue
                was_present = bool(known[name] & scard.SCARD_STATE_PRESENT)
                present = bool(state & scard.SCARD_STATE_PRESENT) and not state & scard.SCARD_STATE_MUTE
                # pcsc-lite counts insertions and removals in the high word (eventhandler.c): present before
                # and now with another count means the card was taken and one placed between two waits.
                counted, count = known[name] >> 16, state >> 16
                if was_present and present and counted and count != counted:
                    log.info("card swapped on %s between two waits", name)
                    self._forget_card(name)
                    was_present = False
                known[name] = state & ~scard.SCARD_STATE_CHANGED
                if present and not was_present:
                    with self._lock:
                        self._cards[name] = bytes(atr)
                        self._active = name
                    self._emit(ReaderEventKind.CARD_INSERTED, name, bytes(atr))
                elif was_present and not present:
                    self._forget_card(name)
        with self._lock:
            context, self._monitor_context = self._monitor_context, None
        if context is not None:
            scard.SCardReleaseContext(context)

    def _lose_service(self, known: dict[str, int], hresult: int) -> None:
        with self._lock:
            context, self._monitor_context = self._monitor_context, None
        if context is not None:
            self._scard.SCardReleaseContext(context)
        error = ServiceLostError(_message(hresult, self._scard), code=hresult)
        log.warning("PC/SC service lost: %s", error)
        # The cause first, so the UI names the service rather than the readers that went with it.
        self._emit(ReaderEventKind.SERVICE_LOST, error=error)
        for name in list(known):
            self._forget_reader(name)
        known.clear()

    def _forget_card(self, name: str) -> None:
        with self._lock:
            had_card = self._cards.pop(name, None) is not None
            if self._active == name:
                self._active = next(iter(self._cards), None)
        if had_card:
            self._emit(ReaderEventKind.CARD_REMOVED, name)

    def _forget_reader(self, name: str) -> None:
        self._forget_card(name)
        self._emit(ReaderEventKind.READER_REMOVED, name)
