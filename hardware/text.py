"""Texts a person may read, marked for translation (the kiosk's UI translates them; see kiosk/i18n.py).

Here, at the bottom layer, so that ``hardware`` can mark its messages without knowing the UI.
``N_`` is the name ``pyside6-lupdate`` is told to read as ``QT_TR_NOOP`` (scripts/update_translations).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping


class Msg(str):
    """A Japanese text made from a template and values; the str value is the Japanese, formatted."""

    template: str
    values: Mapping[str, Any]

    def __new__(cls, template: str, values: Mapping[str, Any]) -> Msg:
        msg = super().__new__(cls, template.format(**values))
        msg.template = template
        msg.values = dict(values)
        return msg

    def __reduce__(self) -> tuple[Any, ...]:
        return (Msg, (self.template, self.values))


def N_(text: str, /, **values: Any) -> str:
    """Mark ``text`` (one literal) for translation; with ``values``, format it and keep the template."""
    return Msg(text, values) if values else text


def shown_message(exc: BaseException) -> str:
    """An exception's text for a person: its message as raised, so a marked ``Msg`` keeps its template.

    ``str(exc)`` would give a plain str, which the screen could no longer translate.
    """
    text = exc.args[0] if len(exc.args) == 1 else None
    return text if isinstance(text, str) else str(exc)
