"""PC/SC readers through pyscard's low-level ``smartcard.scard`` API (real USB readers, vpcd).

Two threads, each with its own PC/SC context (the model pcsc-lite recommends):

* the **monitor** thread blocks in ``SCardGetStatusChange(INFINITE)`` over every reader plus
  ``\\\\?PnP?\\Notification``, so card insert/remove and reader hot-plug wake it; it never polls;
* the **hardware** thread (a one-worker executor) owns every ``SCardConnect``/``SCardTransmit``.

Keeping card I/O off the waiting thread avoids the lost-wake-up race of cancelling a wait to run a job.
When pcscd goes away, both threads report it and come back by themselves when it returns: the monitor
retries ``SCardEstablishContext`` every ``retry_interval`` seconds (pcscd announces its own start to
nobody, so this is the one place a timed retry is needed), the hardware thread on its next job.

pyscard is imported lazily so that the in-process reader works where pyscard is not installed.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from mynakiosk_hardware.readers.base import (
    CardJob,
    HardwareThreadGuard,
    NoCardError,
    Reader,
    ReaderError,
    ReaderEvent,
    ReaderEventKind,
    ReaderListener,
    ServiceUnavailableError,
    T,
    trace_answer,
    trace_command,
)
from mynakiosk_hardware.text import N_, shown_message

log = logging.getLogger("hardware.pcsc")

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"


def _scard() -> Any:
    try:
        from smartcard import scard
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ServiceUnavailableError(
            N_(
                "pyscard が入っていません。PC/SC を使うには {command} を実行してください",
                command="`pip install 'kiosk[pcsc]'`",
            )
        ) from exc
    return scard


def _message(hresult: int) -> str:
    scard = _scard()
    try:
        text = scard.SCardGetErrorMessage(hresult)
    except Exception:
        text = "unknown error"
    return f"{text} (0x{hresult & 0xFFFFFFFF:08X})"


def _service_errors() -> tuple[int, ...]:
    scard = _scard()
    return (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_INVALID_HANDLE)


def establish_context() -> Any:
    """A PC/SC context, or ``ServiceUnavailableError`` with a message saying what to do."""
    scard = _scard()
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        raise ServiceUnavailableError(
            N_(
                "スマートカードサービス (pcscd) に接続できません。pcscd が動いているか確認してください（{detail}）",
                detail=_message(hresult),
            )
        )
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


def _connect(context: Any, reader: str) -> tuple[int, Any, int]:
    scard = _scard()
    connected: tuple[int, Any, int] = scard.SCardConnect(
        context, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
    )
    return connected


def _run_connected(hresult: int, handle: Any, protocol: int, reader: str, job: CardJob[T]) -> T:
    """Turn SCardConnect's answer into an error people can act on, or run ``job`` and disconnect."""
    scard = _scard()
    if hresult in (scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_REMOVED_CARD):
        raise NoCardError(N_("カードが取り外されました（{detail}）", detail=_message(hresult)))
    if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
        raise ServiceUnavailableError(
            N_(
                "カードリーダーが見つかりません: {reader}（{detail}）",
                reader=reader,
                detail=_message(hresult),
            )
        )
    if hresult != scard.SCARD_S_SUCCESS:
        raise ReaderError(f"cannot connect to the card in {reader}: {_message(hresult)}")
    try:
        return job(_PcscChannel(handle, protocol))
    finally:
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)


def run_once(reader: str, job: CardJob[T]) -> T:
    """Connect to the card in ``reader``, run ``job(channel)`` on this thread, disconnect (CLI use)."""
    context = establish_context()
    try:
        return _run_connected(*_connect(context, reader), reader, job)
    finally:
        _scard().SCardReleaseContext(context)


class _PcscChannel:
    def __init__(self, handle: Any, protocol: int) -> None:
        self._handle = handle
        self._protocol = protocol

    def transmit(self, command: bytes) -> bytes:
        scard = _scard()
        trace_command(command)
        hresult, answer = scard.SCardTransmit(self._handle, self._protocol, list(command))
        if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_RESET_CARD):
            raise NoCardError(N_("カードが取り外されました（{detail}）", detail=_message(hresult)))
        if hresult in _service_errors() or hresult == scard.SCARD_E_READER_UNAVAILABLE:
            raise ServiceUnavailableError(
                N_("コマンドの途中でカードリーダーとの接続が切れました（{detail}）", detail=_message(hresult))
            )
        if hresult != scard.SCARD_S_SUCCESS:
            raise ReaderError(f"transmit failed: {_message(hresult)}")
        answer = bytes(answer)
        if len(answer) < 2:  # seen when the card leaves during the command: no status word came back
            raise ReaderError(N_("カードから応答がありません"))
        trace_answer(answer)
        return answer


class PcscReader(Reader):
    """Watches PC/SC readers (all, or those whose name contains ``name_filter``) for the kiosk's card."""

    def __init__(self, name_filter: str | None = None, retry_interval: float = 1.0) -> None:
        _scard()  # fail early, with a clear message, when pyscard is missing
        self.name_filter = name_filter
        self.retry_interval = retry_interval
        self.description = f"PC/SC ({name_filter})" if name_filter else "PC/SC (any reader)"
        self._listener: ReaderListener | None = None
        self._stop = threading.Event()
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
        scard = _scard()
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
            raise NoCardError(N_("カードが置かれていません"))
        hresult, handle, protocol = self._connect(reader)
        if hresult in _service_errors():
            # pcscd may have restarted since the last job: the old context is dead, a new one may work.
            self._release_hw_context()
            hresult, handle, protocol = self._connect(reader)
        if hresult in _service_errors():
            self._release_hw_context()
            raise ServiceUnavailableError(
                N_("スマートカードサービスが止まりました（{detail}）", detail=_message(hresult))
            )
        return _run_connected(hresult, handle, protocol, reader, job)

    def _connect(self, reader: str) -> tuple[int, Any, int]:
        if self._hw_context is None:
            self._hw_context = establish_context()
        return _connect(self._hw_context, reader)

    def _release_hw_context(self) -> None:
        if self._hw_context is not None:
            _scard().SCardReleaseContext(self._hw_context)
            self._hw_context = None

    # -- monitor thread ------------------------------------------------------------------------

    def _emit(self, kind: ReaderEventKind, reader: str = "", atr: bytes = b"", detail: str = "") -> None:
        listener = self._listener
        if listener is None:
            return
        try:
            listener(ReaderEvent(kind, reader, atr, detail))
        except Exception:  # a listener bug must not kill the monitor (pyscard's CardMonitor pitfall)
            log.exception("reader event listener failed")

    def _watch(self) -> None:
        scard = _scard()
        service_lost = False
        known: dict[str, int] = {}  # reader -> last event state we saw
        pnp_state = scard.SCARD_STATE_UNAWARE
        while not self._stop.is_set():
            if self._monitor_context is None:
                try:
                    context = establish_context()
                except ServiceUnavailableError as exc:
                    if not service_lost:
                        service_lost = True
                        self._emit(ReaderEventKind.SERVICE_LOST, detail=shown_message(exc))
                    self._stop.wait(self.retry_interval)
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
                self._lose_service(known, _message(hresult))
                service_lost = True
                continue
            names = [n for n in names if not self.name_filter or self.name_filter in n]
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
                self._lose_service(known, _message(hresult))
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

    def _lose_service(self, known: dict[str, int], why: str) -> None:
        with self._lock:
            context, self._monitor_context = self._monitor_context, None
        if context is not None:
            _scard().SCardReleaseContext(context)
        log.warning("PC/SC service lost: %s", why)
        # The cause first, so the UI names the service rather than the readers that went with it.
        self._emit(
            ReaderEventKind.SERVICE_LOST,
            detail=N_("スマートカードサービスとの接続が切れました（{detail}）", detail=why),
        )
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
