"""Spoken guidance: the real readers have none (miyashishou.jp/4154: 「タッチパネル操作で音声が出ません」); ours reads each screen and PIN key press.

Uses Qt's text-to-speech when the QtTextToSpeech module is installed (PySide6-Addons); otherwise it is
unavailable and says so. It never speaks a PIN digit: key presses are announced by count, in words.
"""

from __future__ import annotations

import logging
from typing import Any

from mynakiosk import i18n
from mynakiosk.i18n import N_, translated

log = logging.getLogger("kiosk.speech")

#: What is said after 0, 1, 2, 3 and 4 digits: counts in words, one whole text each (never a digit).
PIN_PROGRESS = (
    N_("入力がありません"),
    N_("一桁入力しました"),
    N_("二桁入力しました"),
    N_("三桁入力しました"),
    N_("四桁入力しました。確定を押してください"),
)


def pin_progress(count: int) -> str:
    """What is said after a key on the PIN pad: how many digits are in, never which (in the UI's language)."""
    return translated(PIN_PROGRESS[count])


class Speaker:
    """Speaks through QTextToSpeech when available; ``spoken`` keeps what was said (for tests)."""

    def __init__(self, engine: object | None = None) -> None:
        self.enabled = False
        self.spoken: list[str] = []
        self._missing_voices: set[object] = set()
        self._engine = engine if engine is not None else self._make_engine()

    @staticmethod
    def _make_engine() -> object | None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # PySide6-Addons
        except ImportError:
            log.info("spoken guidance is not available: QtTextToSpeech (PySide6-Addons) is not installed")
            return None
        engine = QTextToSpeech()
        return engine

    @property
    def available(self) -> bool:
        return self._engine is not None

    def say(self, text: str) -> None:
        if not self.enabled or not text:
            return
        self.spoken.append(text)
        if self._engine is not None:
            self._follow_language()
            self._engine.say(text)  # type: ignore[attr-defined]

    def _follow_language(self) -> None:
        """Speak in the UI's language: a voice of that language if the engine has one."""
        from PySide6.QtCore import QLocale

        engine: Any = self._engine
        wanted = QLocale(i18n.language()).language()
        if engine.locale().language() == wanted:
            return
        for locale in engine.availableLocales():
            if locale.language() == wanted:
                engine.setLocale(locale)
                return
        if wanted not in self._missing_voices:  # once, not at every key press
            self._missing_voices.add(wanted)
            log.warning("no %s voice for spoken guidance", QLocale.languageToString(wanted))
