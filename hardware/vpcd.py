"""Serve an emulated card to pcscd through vsmartcard's vpcd driver, so every PC/SC program sees it.

vpcd (inside pcscd) listens on TCP 35963 for "Virtual PCD 00 00"; a card emulator connects to it.
Inserting the card is connecting, removing it is closing the socket (vsmartcard vpcd.c, VirtualSmartcard.py). Each message is a
2-byte big-endian length and a payload; a 1-byte payload is a control byte (00 power off, 01 power on,
02 reset, 04 get ATR; only the last is answered), anything longer is a C-APDU.

This is our own ~100-line implementation of that protocol (no GPL vsmartcard code), and it only ever
talks to a loopback address: the bridge refuses any other host.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import struct
import threading

from mynakiosk_hardware.channel import TracingChannel
from mynakiosk_hardware.emulated import EmulatedCard, EmulatedCardChannel
from mynakiosk_hardware.errors import NotLoopbackError
from mynakiosk_hardware.errors import VpcdError as VpcdError  # raised here, importable from here too

log = logging.getLogger("hardware.vpcd")

VPCD_DEFAULT_PORT = 35963  # 0x8C7B; slot 1 is 35964
CTRL_OFF, CTRL_ON, CTRL_RESET, CTRL_ATR = 0, 1, 2, 4


def require_loopback(host: str) -> str:
    """Return ``host`` if it is a loopback name or address; refuse anything else (``NotLoopbackError``)."""
    if host == "localhost":
        return host
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise NotLoopbackError(host)


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only


def _recv_exact(sock: socket.socket, count: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < count:
        if _QUICKACK is not None:
            # vpcd writes the 2-byte length and the payload as two segments without TCP_NODELAY, so Nagle
            # holds the payload until the length is ACKed; a delayed ACK makes that 40 ms per APDU.
            # Linux clears QUICKACK after use, hence before every read.
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        chunk = sock.recv(count - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


class VpcdBridge:
    """Puts ``card`` into the vpcd slot at ``host:port`` on ``insert()``, takes it out on ``remove()``."""

    def __init__(self, card: EmulatedCard, host: str = "127.0.0.1", port: int = VPCD_DEFAULT_PORT) -> None:
        self.card = card
        # The card's side of the wire, traced apart from the reader's "apdu" log.
        self._wire = TracingChannel(EmulatedCardChannel(card), log)
        self.host = require_loopback(host)
        self.port = port
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.apdu_count = 0

    @property
    def inserted(self) -> bool:
        return self._sock is not None

    def insert(self, timeout: float = 5.0) -> None:
        """Connect to vpcd: pcscd then reports the card as present (within its ~0.4 s poll)."""
        if self._sock is not None:
            return
        try:
            sock = socket.create_connection((self.host, self.port), timeout=timeout)
        except OSError as exc:
            raise VpcdError(f"{self.host}:{self.port}", str(exc)) from exc
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._sock = sock
        self._thread = threading.Thread(target=self._serve, args=(sock,), name="vpcd-bridge", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        """Close the socket: the card leaves the virtual reader and loses power."""
        with self._lock:
            sock, self._sock = self._sock, None
        if sock is None:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self.card.power_off()

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _recv_exact(sock, 2)
                if header is None:
                    break
                (length,) = struct.unpack("!H", header)
                payload = _recv_exact(sock, length)
                if payload is None:
                    break
                if length == 1:
                    self._control(sock, payload[0])
                    continue
                self.apdu_count += 1
                answer = self._wire.transmit(payload)
                sock.sendall(struct.pack("!H", len(answer)) + answer)
        except OSError as exc:
            if self._sock is sock:  # not a remove() we asked for
                log.warning("vpcd connection lost: %s", exc)
        finally:
            with self._lock:
                if self._sock is sock:
                    self._sock = None
                    sock.close()

    def _control(self, sock: socket.socket, code: int) -> None:
        if code == CTRL_ATR:
            atr = self.card.atr()
            sock.sendall(struct.pack("!H", len(atr)) + atr)
        elif code == CTRL_ON:
            self.card.power_on()
        elif code == CTRL_OFF:
            self.card.power_off()
        elif code == CTRL_RESET:
            self.card.reset()
        else:
            log.warning("unknown vpcd control byte %02X ignored", code)
