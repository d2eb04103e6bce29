"""ISO/IEC 7816-4 APDU codec: parse command APDUs (cases 1–4, short and extended) and build responses.

Pure functions and small value objects; no I/O. Both the emulated card (which parses commands) and the
client side (which builds them) use this module, so the two can never disagree on the encoding.
"""

from __future__ import annotations

from mynakiosk_hardware.records import record

# Status words, defined here once: what the emulated card answers and what the client and the channel test
# (ISO/IEC 7816-4, status bytes; as OpenSC card-jpki.c, jpki/myna and myna-card's error.rs read them).
SW_OK = 0x9000
SW_END_OF_DATA = 0x6282  # end of the file reached before Le bytes were read
SW_WRONG_LENGTH = 0x6700
SW_SM_NOT_SUPPORTED = 0x6882
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_AUTH_BLOCKED = 0x6984
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_WRONG_DATA = 0x6A80
SW_FUNCTION_NOT_SUPPORTED = 0x6A81
SW_FILE_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6A86
SW_REFERENCE_NOT_FOUND = 0x6A88  # referenced data not found (ISO/IEC 7816-4): no such PIN on this card
SW_WRONG_OFFSET = 0x6B00
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CLA_NOT_SUPPORTED = 0x6E00
SW_UNKNOWN = 0x6F00

#: SW1 of ``61XX``: the command worked and XX more bytes wait for GET RESPONSE (``00 C0 00 00 XX``).
SW1_BYTES_REMAINING = 0x61
#: SW1 of ``6CXX``: wrong Le; the same command sent again with Le = XX is answered.
SW1_WRONG_LE = 0x6C
#: SW1 of ``63CX``: a PIN check failed (or was only queried) with X tries left.
SW_RETRIES_MASK, SW_RETRIES = 0xFFF0, 0x63C0


def sw_retries(tries_left: int) -> int:
    """The ``63CX`` status word: a PIN check failed (or was only queried) with ``X`` tries left."""
    return SW_RETRIES | max(0, min(tries_left, 0xF))


def is_retry_counter(sw: int) -> bool:
    return sw & SW_RETRIES_MASK == SW_RETRIES


def retries_left(sw: int) -> int:
    """The X of ``63CX``."""
    return sw & 0x0F


def sw_wrong_le(exact: int) -> int:
    """``6CXX``: the Le to send again with (``00`` for 256)."""
    return (SW1_WRONG_LE << 8) | (exact & 0xFF)


def sw_bytes_remaining(count: int) -> int:
    """``61XX``: ``count`` more bytes wait for GET RESPONSE (``00`` for 256 or more)."""
    return (SW1_BYTES_REMAINING << 8) | (min(count, 256) & 0xFF)


def sw1(sw: int) -> int:
    return sw >> 8


class ApduError(ValueError):
    """A byte string that is not a well-formed command APDU."""


@record(slots=True)
class CommandApdu:
    """A parsed command APDU. ``le`` is the expected length (``None`` when absent; 256/65536 for ``00``)."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None
    extended: bool = False

    @classmethod
    def parse(cls, raw: bytes) -> CommandApdu:
        """Decode the four ISO 7816-4 cases in their short and extended forms."""
        if len(raw) < 4:
            raise ApduError(f"a command APDU has at least 4 bytes, got {len(raw)}")
        cla, ins, p1, p2 = raw[0], raw[1], raw[2], raw[3]
        body = raw[4:]
        if not body:  # case 1
            return cls(cla, ins, p1, p2)
        if len(body) == 1:  # case 2 short
            return cls(cla, ins, p1, p2, le=body[0] or 256)
        if body[0] != 0:  # short case 3 or 4
            lc = body[0]
            if len(body) == 1 + lc:
                return cls(cla, ins, p1, p2, data=bytes(body[1:]))
            if len(body) == 2 + lc:
                return cls(cla, ins, p1, p2, data=bytes(body[1 : 1 + lc]), le=body[-1] or 256)
            raise ApduError(f"Lc={lc} does not match the {len(body) - 1} bytes that follow it")
        # Extended length: a leading 00 then two length bytes.
        if len(body) == 3:  # case 2 extended
            le = int.from_bytes(body[1:3], "big") or 65536
            return cls(cla, ins, p1, p2, le=le, extended=True)
        if len(body) < 3:
            raise ApduError("truncated extended-length field")
        lc = int.from_bytes(body[1:3], "big")
        if lc == 0:
            raise ApduError("extended Lc of 0")
        rest = body[3:]
        if len(rest) == lc:
            return cls(cla, ins, p1, p2, data=bytes(rest), extended=True)
        if len(rest) == lc + 2:
            le = int.from_bytes(rest[-2:], "big") or 65536
            return cls(cla, ins, p1, p2, data=bytes(rest[:lc]), le=le, extended=True)
        raise ApduError(f"extended Lc={lc} does not match the {len(rest)} bytes that follow it")

    def to_bytes(self) -> bytes:
        """Encode, choosing the extended form only when a field needs it (or ``extended`` is set)."""
        header = bytes((self.cla, self.ins, self.p1, self.p2))
        extended = self.extended or len(self.data) > 255 or (self.le is not None and self.le > 256)
        out = bytearray(header)
        if extended:
            if self.data:
                out += b"\x00" + len(self.data).to_bytes(2, "big") + self.data
            if self.le is not None:
                le = b"" if self.data else b"\x00"
                out += le + (self.le % 65536).to_bytes(2, "big")
        else:
            if self.data:
                out += bytes((len(self.data),)) + self.data
            if self.le is not None:
                out += bytes((self.le % 256,))
        return bytes(out)


@record(slots=True)
class ResponseApdu:
    """A card's answer: the data, then the two status bytes SW1 SW2 as one number (``0x9000`` = OK)."""

    data: bytes
    sw: int

    @classmethod
    def parse(cls, raw: bytes) -> ResponseApdu:
        if len(raw) < 2:
            raise ApduError(f"a response APDU has at least 2 bytes (SW1 SW2), got {len(raw)}")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))

    def to_bytes(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK


def response(sw: int, data: bytes = b"") -> bytes:
    """Encode a response APDU (data then SW1 SW2)."""
    return bytes(data) + sw.to_bytes(2, "big")
