"""PC/SC readers through pyscard's low-level ``smartcard.scard`` API (real USB readers, vpcd).

Two threads, each with its own PC/SC context (the model pcsc-lite recommends):

* the **monitor** thread blocks in ``SCardGetStatusChange(INFINITE)`` over every reader plus
  ``\\\\?PnP?\\Notification``, so card insert/remove and reader hot-plug wake it; it never polls;
* the **hardware** thread (a one-worker executor) owns every ``SCardConnect``/``SCardTransmit``.

Keeping card I/O off the waiting thread avoids the lost-wake-up race of cancelling a wait to run a job.
When pcscd goes away, both threads report it and come back by themselves when it returns: the monitor
retries ``SCardEstablishContext`` every ``retry_interval`` seconds (pcscd announces its own start to
nobody, so this is the one place a timed retry is needed), the hardware thread on its next job.

How a job connects is ``ConnectSettings``: the share mode and the protocols offered to ``SCardConnect``.
The default is what suits most readers and what other programs expect of us: the card shared, T=0 or T=1 as
the card and the reader agree. Exclusive mode keeps the card to the kiosk from the first job on a card until
that card leaves, so that no other program (a JPKI client, a browser's smart-card module) connects between
the kiosk's commands or between two steps of a visit; pcsc-lite then refuses the other program's
``SCardConnect`` with ``SCARD_E_SHARING_VIOLATION`` (``src/winscard.c``, github.com/LudovicRousseau/PCSC),
as it refuses ours while another program holds the card. Each refusal the settings can bring is a typed
error (``errors.CardInUseError``, ``errors.ProtocolMismatchError``, ``errors.CardResetError``).

The PC/SC layer is injected (``scard``: pyscard's ``smartcard.scard`` module by default), and so is the
retry wait, so that all of this is tested without pcscd (``tests/support/fake_scard.py``). pyscard is
imported lazily so that the in-process reader works where pyscard is not installed; this module itself is
imported only for a PC/SC reader (``kiosk.cli.make_reader``).
"""

from __future__ import annotations

import enum
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from mynakiosk_hardware.channel import reader_channel
from mynakiosk_hardware.errors import (
    CardInUseError,
    CardMuteError,
    CardRemovedError,
    CardResetError,
    NoCardError,
    PcscError,
    PcscNotInstalledError,
    ProtocolMismatchError,
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
from mynakiosk_hardware.records import record

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


@record(slots=True)
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


class ShareMode(enum.Enum):
    """``SCardConnect``'s share mode (``dwShareMode``); the values are the command line's words."""

    SHARED = "shared"  # other programs may connect to the card too (SCARD_SHARE_SHARED)
    EXCLUSIVE = "exclusive"  # no other program may, while the kiosk holds it (SCARD_SHARE_EXCLUSIVE)


class TransmissionProtocol(enum.Enum):
    """The protocols offered to ``SCardConnect`` (``dwPreferredProtocols``); the values are the command
    line's words. With both, pcsc-lite uses the one the card's ATR names first, unless another program's
    connection already set one (ISO/IEC 7816-3 protocol selection; ``PHSetProtocol`` in pcsc-lite)."""

    ANY = "any"  # T=0 or T=1
    T0 = "t0"  # T=0 only: character by character, the card answers 61XX/6CXX (hardware.channel)
    T1 = "t1"  # T=1 only: block transmission; contactless readers report every card as T=1

    @property
    def label(self) -> str:
        """As PC/SC and ISO/IEC 7816-3 write it: ``T=1``, ``T=0/T=1``."""
        return {"any": "T=0/T=1", "t0": "T=0", "t1": "T=1"}[self.value]


@record(slots=True)
class ConnectSettings:
    """How the kiosk connects to the card on a PC/SC reader (the reader quirks a clinic may need).

    The defaults are pcsc-lite's and every PC/SC program's usual ones: the card shared, T=0 or T=1.
    ``EXCLUSIVE`` also holds the connection from a card's first job until the card leaves the reader.
    """

    share: ShareMode = ShareMode.SHARED
    protocol: TransmissionProtocol = TransmissionProtocol.ANY

    @classmethod
    def from_words(cls, share: str | None = None, protocol: str | None = None) -> ConnectSettings:
        """From the command line's words (``--share exclusive``, ``--protocol t1``); None: the default."""
        return cls(
            ShareMode(share) if share else ShareMode.SHARED,
            TransmissionProtocol(protocol) if protocol else TransmissionProtocol.ANY,
        )

    @property
    def exclusive(self) -> bool:
        return self.share is ShareMode.EXCLUSIVE

    def share_flag(self, scard: Any) -> int:
        return int(scard.SCARD_SHARE_EXCLUSIVE if self.exclusive else scard.SCARD_SHARE_SHARED)

    def protocol_flags(self, scard: Any) -> int:
        t0, t1 = scard.SCARD_PROTOCOL_T0, scard.SCARD_PROTOCOL_T1
        flags = {TransmissionProtocol.ANY: t0 | t1, TransmissionProtocol.T0: t0, TransmissionProtocol.T1: t1}
        return int(flags[self.protocol])


#: Today's and most readers' behaviour: shared, T=0 or T=1.
DEFAULT_SETTINGS = ConnectSettings()


def _connect(
    scard: Any, context: Any, reader: str, settings: ConnectSettings = DEFAULT_SETTINGS
) -> tuple[int, Any, int]:
    connected: tuple[int, Any, int] = scard.SCardConnect(
        context, reader, settings.share_flag(scard), settings.protocol_flags(scard)
    )
    return connected


def _connected(
    scard: Any, connected: tuple[int, Any, int], reader: str, settings: ConnectSettings
) -> tuple[Any, int]:
    """SCardConnect's handle and protocol, or its return code as a typed error."""
    hresult, handle, protocol = connected
    if hresult == scard.SCARD_S_SUCCESS:
        return handle, protocol
    detail = _message(hresult, scard)
    if hresult == scard.SCARD_E_NO_SMARTCARD:
        raise NoCardError(reader, detail=detail)
    if hresult == scard.SCARD_W_REMOVED_CARD:
        raise CardRemovedError(reader, detail=detail)
    if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
        raise ReaderUnavailableError(reader, detail, code=hresult)
    if hresult == scard.SCARD_E_SHARING_VIOLATION:
        raise CardInUseError(reader, exclusive=settings.exclusive, detail=detail, code=hresult)
    if hresult == scard.SCARD_E_PROTO_MISMATCH:
        raise ProtocolMismatchError(reader, settings.protocol.label, detail=detail, code=hresult)
    raise PcscError("SCardConnect", detail, code=hresult)


def _disconnect(scard: Any, handle: Any) -> None:
    # SCARD_LEAVE_CARD: the card stays powered as it was; another program finds it as the kiosk left it.
    scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)


def run_once(
    reader: str, job: CardJob[T], *, settings: ConnectSettings = DEFAULT_SETTINGS, scard: Any = None
) -> T:
    """Connect to the card in ``reader`` as ``settings`` say, run ``job(channel)`` on this thread,
    disconnect (CLI use)."""
    layer = _scard() if scard is None else scard
    context = establish_context(layer)
    try:
        handle, protocol = _connected(layer, _connect(layer, context, reader, settings), reader, settings)
        try:
            return job(reader_channel(_PcscWire(layer, handle, protocol, reader)))
        finally:
            _disconnect(layer, handle)
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
        if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD):
            raise CardRemovedError(self._reader, detail=_message(hresult, scard))
        if hresult == scard.SCARD_W_RESET_CARD:
            # Another program reset the card (shared mode): the card is still there, but what this job
            # set up on it (the application selected, the PIN verified) is gone. The job cannot go on;
            # the next one connects afresh, which clears the warning.
            raise CardResetError(self._reader, detail=_message(hresult, scard), code=hresult)
        if hresult == scard.SCARD_E_SHARING_VIOLATION:
            # pcsc-lite's answer while another program holds the card in a transaction (SCardBeginTransaction).
            raise CardInUseError(
                self._reader, operation="SCardTransmit", detail=_message(hresult, scard), code=hresult
            )
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
    ones: ``readers.selection``) for the kiosk's card, and connects to it as ``settings`` say.

    Shared (the default), each job connects and disconnects. Exclusive, the first job on a card connects
    and the connection is kept, so that the card stays the kiosk's between the steps of a visit; it is
    let go when the card leaves the reader (or on ``close()``).
    """

    def __init__(
        self,
        name_filter: str | None = None,
        retry_interval: float = 1.0,
        *,
        settings: ConnectSettings = DEFAULT_SETTINGS,
        scard: Any = None,
        retry_wait: Callable[[float], object] | None = None,
    ) -> None:
        # pyscard's module unless a PC/SC layer is given; fails early, and clearly, when pyscard is missing.
        self._scard = _scard() if scard is None else scard
        self.name_filter = name_filter
        self.retry_interval = retry_interval
        self.settings = settings
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
        self._held: tuple[str, Any, int] | None = (
            None  # exclusive: reader, handle, protocol (hardware thread)
        )

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
        reader = self.active_reader
        if reader is None:
            raise NoCardError(self.name_filter or "")
        if self._held is not None and self._held[0] != reader:
            self._let_go()  # the card was placed on another reader: the held one is not this visit's
        if self._held is not None:
            _, handle, protocol = self._held
        else:
            handle, protocol = self._open(reader)
        try:
            result = job(reader_channel(_PcscWire(self._scard, handle, protocol, reader)))
        except BaseException:
            # Whatever failed (the card left, the service went, a card answer), the next job starts from a
            # new connection rather than one in an unknown state.
            self._held = None
            _disconnect(self._scard, handle)
            raise
        if self.settings.exclusive:
            self._held = (reader, handle, protocol)
        else:
            _disconnect(self._scard, handle)
        return result

    def _open(self, reader: str) -> tuple[Any, int]:
        """A new connection to the card on ``reader`` (handle, protocol), or a typed error."""
        scard = self._scard
        connected = self._connect(reader)
        if connected[0] in _service_errors(scard):
            # pcscd may have restarted since the last job: the old context is dead, a new one may work.
            self._release_hw_context()
            connected = self._connect(reader)
        if connected[0] in _service_errors(scard):
            self._release_hw_context()
            raise ServiceLostError(_message(connected[0], scard), code=connected[0])
        return _connected(scard, connected, reader, self.settings)

    def _connect(self, reader: str) -> tuple[int, Any, int]:
        if self._hw_context is None:
            self._hw_context = establish_context(self._scard)
        return _connect(self._scard, self._hw_context, reader, self.settings)

    def _let_go(self, reader: str | None = None) -> None:
        """Disconnect the held connection (exclusive mode), if any, or only if it is on ``reader``."""
        if self._held is not None and reader in (None, self._held[0]):
            held, self._held = self._held, None
            _disconnect(self._scard, held[1])  # a dead handle (card gone, pcscd restarted) answers an error

    def _release_hw_context(self) -> None:
        self._let_go()
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
            if self.settings.exclusive:
                # The held connection belongs to the hardware thread: it lets go there, before any job
                # for the next card (one worker, first in first out). close() joins this thread before it
                # shuts the executor down, so the executor still takes work here.
                self._executor.submit(self._let_go, name)
            self._emit(ReaderEventKind.CARD_REMOVED, name)

    def _forget_reader(self, name: str) -> None:
        self._forget_card(name)
        self._emit(ReaderEventKind.READER_REMOVED, name)
