"""What an emulated card is, declared once: the in-process reader, the vpcd bridge and the reception's
virtual cards are typed against it, and ``MyNumberCard``, ``OtherCard`` and ``EmulatedPhone`` implement it.

The shape is vsmartcard's ``SmartcardOS`` (virtualsmartcard/VirtualSmartcard.py): the ATR, power and reset
as a reader drives them, and ``execute(command) -> answer``, which answers every input with a status word.
"""

from __future__ import annotations

import enum
from typing import Protocol, runtime_checkable


@runtime_checkable
class EmulatedCard(Protocol):
    def atr(self) -> bytes: ...
    def power_on(self) -> None: ...
    def power_off(self) -> None: ...
    def reset(self) -> None: ...
    def execute(self, apdu: bytes) -> bytes: ...


class EmulatedCardChannel:
    """A channel straight into an emulated card in this process (the wire of the in-process reader)."""

    def __init__(self, card: EmulatedCard) -> None:
        self.card = card

    def transmit(self, apdu: bytes) -> bytes:
        return self.card.execute(bytes(apdu))


class OtherCardKind(enum.Enum):
    """What a card that is not a My Number card is (``card.OtherCard``); the kiosk words it
    (``kiosk/reader_messages.py``). Here, with the protocol, so the wording need not load the card emulation."""

    TRANSIT = "transit"  # 交通系ICカード: a transit card (Suica, PASMO, …) placed by mistake
    NFC_TRAINING = "nfc-training"  # a plain NFC card a clinic enrols as a practice card
