"""A card that answers a fixed script, for tests of what goes over the wire."""

from __future__ import annotations


class ScriptedCard:
    """A wire (and an emulated card) answering a fixed script of (command, answer) pairs, in order."""

    def __init__(self, *script: tuple[str, str]) -> None:
        self.script = [(bytes.fromhex(c), bytes.fromhex(a)) for c, a in script]
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        assert self.script, f"unexpected command {apdu.hex(' ').upper()}"
        expected, answer = self.script.pop(0)
        assert apdu == expected, f"sent {apdu.hex(' ').upper()}, script expected {expected.hex(' ').upper()}"
        return answer

    # EmulatedCard, so a reader can hold it
    def execute(self, apdu: bytes) -> bytes:
        return self.transmit(apdu)

    def atr(self) -> bytes:
        return bytes.fromhex("3B00")

    def power_on(self) -> None: ...
    def power_off(self) -> None: ...
    def reset(self) -> None: ...
