"""The PIN a person types, in a wrapper that never shows its digits.

Its own module, apart from the JPKI client: the keypad makes one as soon as 確定 is pressed, and the
screens that hold it should not need the card protocol loaded.
"""

from __future__ import annotations


class Pin:
    """A PIN typed by a person. Its ``repr``/``str`` never show the digits, so it cannot leak into logs."""

    __slots__ = ("_digits",)

    def __init__(self, digits: str) -> None:
        if not (len(digits) == 4 and digits.isascii() and digits.isdigit()):
            raise ValueError(
                "the PIN must be 4 digits"
            )  # for programmers: the keypad only makes 4-digit PINs
        self._digits = digits

    def encoded(self) -> bytes:
        """ASCII digits, as the card expects them (``"1234"`` -> ``31 32 33 34``)."""
        return self._digits.encode("ascii")

    def __repr__(self) -> str:
        return "Pin(****)"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a PIN is never pickled")
