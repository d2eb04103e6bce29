"""The card channel a job receives, and the decorators every reader puts around it (the reader quirks' home).

A *channel* is anything with ``transmit(command) -> answer`` (whole APDUs as bytes). Each backend makes a
raw one (its wire: PC/SC's ``SCardTransmit``, the in-process reader's call into the emulated card) and
hands jobs ``reader_channel(raw)``, which stacks, from the job down to the wire:

* ``GetResponseChannel``: ``61XX`` means XX more bytes wait; it fetches them with GET RESPONSE
  (``00 C0 00 00 XX``) and returns the data joined, with the last status word;
* ``LeRetryChannel``: ``6CXX`` means the Le was wrong and XX is right; it sends the same command again,
  once, with Le = XX;
* ``TracingChannel``: one ``apdu`` log line per command and answer that cross the wire (``kiosk -vv``):
  a command's header and an answer's status word, never a body (a VERIFY's body is the PIN).

Both quirks are the transport's business (ISO/IEC 7816-4, status bytes ``61XX`` and ``6CXX`` and the GET
RESPONSE command; ISO/IEC 7816-3, cases 2 and 4 over T=0) and pcsc-lite leaves them to the application,
as OpenSC's ``sc_transmit`` in ``src/libopensc/apdu.c`` does them itself. Doing them here, below the
JPKI client, keeps one client for a T=1 card that never says ``61XX`` and a T=0 reader that does. The
shape is pyscard's ``CardConnectionDecorator`` (``smartcard/CardConnectionDecorator.py``): each
decorator wraps a channel and is one.

The APDU classes (``apdu``) are imported by the decorators when a command crosses them, not with this
module: every reader imports it, and the kiosk's idle screen sends no command (docs/performance.md,
start-up: ~9 M instructions, two slotted dataclasses).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol, TypeVar

from mynakiosk_hardware.errors import CardProtocolError

T = TypeVar("T")

#: APDU traces (``kiosk -vv``): a command's header and an answer's status word, never a body.
apdu_log = logging.getLogger("apdu")

#: GET RESPONSE rounds before a card that keeps saying ``61XX`` is given up on (65536 bytes at 256 a round:
#: more than any extended-length answer).
MAX_GET_RESPONSE_ROUNDS = 256


class CardChannel(Protocol):
    """A connection to the card on the reader, valid only inside a job on the hardware thread."""

    def transmit(self, apdu: bytes) -> bytes: ...


CardJob = Callable[[CardChannel], T]


class ChannelDecorator:
    """A channel around another (``inner``) that passes every command through; subclasses add one behaviour."""

    def __init__(self, inner: CardChannel) -> None:
        self.inner = inner

    def transmit(self, apdu: bytes) -> bytes:
        return self.inner.transmit(apdu)


class TracingChannel(ChannelDecorator):
    """Logs each command's header (CLA INS P1 P2 and Lc or Le) and each answer's status word, never a body."""

    def __init__(self, inner: CardChannel, log: logging.Logger = apdu_log) -> None:
        super().__init__(inner)
        self.log = log

    def transmit(self, apdu: bytes) -> bytes:
        if not self.log.isEnabledFor(logging.DEBUG):
            return self.inner.transmit(apdu)
        self.log.debug("> %s", apdu[:5].hex(" ").upper())
        answer = self.inner.transmit(apdu)
        self.log.debug("< %s", answer[-2:].hex(" ").upper())
        return answer


class LeRetryChannel(ChannelDecorator):
    """On ``6CXX`` (wrong Le, XX the right one), sends the same command again once with Le = XX."""

    def transmit(self, apdu: bytes) -> bytes:
        from mynakiosk_hardware import apdu as iso  # not at module level: see the module's docstring

        answer = self.inner.transmit(apdu)
        if len(answer) != 2 or answer[0] != iso.SW1_WRONG_LE:
            return answer
        try:
            command = iso.CommandApdu.parse(apdu)
        except iso.ApduError:
            return answer  # not ours to repair: the card already said what it thinks of it
        le = answer[1] or 256
        retry = iso.CommandApdu(
            command.cla, command.ins, command.p1, command.p2, command.data, le, command.extended
        )
        return self.inner.transmit(retry.to_bytes())


class GetResponseChannel(ChannelDecorator):
    """On ``61XX``, sends GET RESPONSE (``00 C0 00 00 XX``) until the card stops saying ``61XX``, and returns
    all the data with the last status word."""

    def transmit(self, apdu: bytes) -> bytes:
        from mynakiosk_hardware import apdu as iso  # not at module level: see the module's docstring

        answer = self.inner.transmit(apdu)
        data = bytearray()
        for _ in range(MAX_GET_RESPONSE_ROUNDS):
            if len(answer) < 2 or answer[-2] != iso.SW1_BYTES_REMAINING:
                return bytes(data) + answer
            data += answer[:-2]
            answer = self.inner.transmit(get_response(answer[-1] or 256))
        raise CardProtocolError(f"the card still said 61XX after {MAX_GET_RESPONSE_ROUNDS} GET RESPONSE")


def get_response(le: int) -> bytes:
    """GET RESPONSE for ``le`` bytes (ISO/IEC 7816-4): ``00 C0 00 00 Le``."""
    from mynakiosk_hardware.apdu import CommandApdu

    return CommandApdu(0x00, 0xC0, 0x00, 0x00, le=le).to_bytes()


def reader_channel(wire: CardChannel, log: logging.Logger = apdu_log) -> CardChannel:
    """What every reader hands a job: the quirks handled over the traced wire (module docstring)."""
    return GetResponseChannel(LeRetryChannel(TracingChannel(wire, log)))
