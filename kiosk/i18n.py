"""Japanese by default, English through Qt Linguist: how texts are marked and translated.

Qt-free, so the flow, the domain rules and the back end can mark their texts without importing Qt.
The source language is Japanese: every text is written in Japanese in the code, extracted by
``pyside6-lupdate`` into ``resources/translations/kiosk_en.ts`` and translated there (see docs/translations.md).

- ``N_("…")`` marks a text where it is made (lupdate reads ``N_`` as ``QT_TR_NOOP``, context "").
  With values, ``N_("残り{tries}回", tries=2)`` returns a :class:`Msg`: the formatted Japanese, as a ``str``
  (logs, result files and tests see Japanese), that remembers its template so the screen can translate it.
- ``t("…", **values)`` translates at once (UI code building its widgets).
- ``translated(text)`` translates a text that was made elsewhere (a snapshot's message, a guidance line).
- ``Bilingual(ja, en)`` is a data file's text with its English spelling (a scenario's lesson, a name);
  ``translated`` picks the spelling, ``localized(ja, en)`` does the same for two plain strings.

What ``t`` and ``translated`` return is a :class:`Shown`: the text in the current language, as a ``str``, that
remembers what it was made from, so a widget given it can be worded again after a language switch without
being rebuilt (``kiosk.ui.widgets.show_text`` and ``retranslate``).

Placeholders are Python ``str.format`` fields; a test checks each translation has the same ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mynakiosk_hardware.text import N_, Msg

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "LANGUAGES",
    "N_",
    "Bilingual",
    "Msg",
    "Shown",
    "language",
    "localized",
    "set_language",
    "t",
    "translated",
]

LANGUAGES = {"ja": "日本語", "en": "English"}
DEFAULT_LANGUAGE = "ja"

_state: dict[str, Any] = {"language": DEFAULT_LANGUAGE, "lookup": None}


class Bilingual(str):
    """A text from a data file with its optional English spelling (a scenario's lesson, a person's name).

    The str value is the Japanese; ``translated()`` shows ``en`` when the UI is in English and it is given.
    """

    en: str | None

    def __new__(cls, ja: str, en: str | None = None) -> Bilingual:
        text = super().__new__(cls, ja)
        text.en = en
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Bilingual, (str(self), self.en))


class Shown(str):
    """A text in the language shown now; ``source`` is the marked text it came from (translate it again to
    word it in another language)."""

    source: Any

    def __new__(cls, text: str, source: Any) -> Shown:
        shown = super().__new__(cls, text)
        shown.source = source
        return shown

    def __reduce__(self) -> tuple[Any, ...]:
        return (Shown, (str(self), self.source))


def _lookup(text: str) -> str:
    lookup = _state["lookup"]
    return lookup(text) if lookup is not None else text


def t(text: str, /, **values: Any) -> str:
    """Translate the literal ``text`` now, then fill in ``values`` (themselves translated when texts)."""
    found = _lookup(text)
    shown = found.format(**{k: translated(v) for k, v in values.items()}) if values else found
    return Shown(shown, N_(text, **values))


def translated(text: Any, lookup: Callable[[str], str] | None = None) -> Any:
    """Translate a text marked elsewhere; anything that is not a marked text comes back unchanged.

    ``lookup`` replaces the UI's language for this call (the command line prints English).
    """
    find = lookup or _lookup
    if isinstance(text, Shown):
        return translated(text.source, lookup)
    if lookup is None and isinstance(text, str) and text:
        return Shown(_translated(text, find, lookup), text)
    return _translated(text, find, lookup)


def _translated(text: Any, find: Callable[[str], str], lookup: Callable[[str], str] | None) -> Any:
    if isinstance(text, Bilingual):
        return (text.en or str(text)) if lookup is not None else localized(str(text), text.en)
    if isinstance(text, Msg):
        return find(text.template).format(**{k: translated(v, lookup) for k, v in text.values.items()})
    if isinstance(text, str) and text:
        return find(text)
    return text


def language() -> str:
    """The language shown now: "ja" or "en"."""
    return _state["language"]


def set_language(code: str, lookup: Callable[[str], str] | None) -> None:
    """Switch language (called by ``kiosk.ui.language`` once the Qt translator is installed)."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(LANGUAGES)})")
    _state["language"] = code
    _state["lookup"] = lookup


#: Japanese characters: CJK punctuation, kana, the CJK ideographs, full-width forms. Compared by code point:
#: as a regular expression's character class, these ranges cost ~60 M instructions to compile at start-up
#: (``re`` builds a 64 K-entry map for them).
_JAPANESE_RANGES = ((0x3000, 0x30FF), (0x3400, 0x9FFF), (0xFF01, 0xFF60))


def is_japanese(character: str) -> bool:
    """Whether ``character`` (one) is Japanese: written without spaces, broken between any two of them."""
    return any(low <= ord(character) <= high for low, high in _JAPANESE_RANGES)


def localized(ja: str, en: str | None) -> str:
    """A data file's text in the current language: its English spelling when shown in English and given."""
    return en if language() == "en" and en else ja
