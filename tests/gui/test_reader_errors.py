"""A hardware error that reaches the screen is worded there, in Japanese and, after a switch, in English.

The error comes from the card on the in-process reader, through the reader's job and the reception, as
one from pcscd would; what the screen shows is the UI's wording of its kind (``kiosk/reader_messages.py``).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from mynakiosk.flow.machine import State
from mynakiosk.ui import language
from mynakiosk_hardware.errors import (
    CardInUseError,
    CardResetError,
    Device,
    NoReaderError,
    PcscNotInstalledError,
    Protection,
    ProtocolMismatchError,
    ReaderUnavailableError,
    RealCardProtected,
    ServiceLostError,
    ServiceUnavailableError,
)
from mynakiosk_hardware.mynumber import MYNUMBER_ATR
from mynakiosk_hardware.readers.base import ReaderEvent, ReaderEventKind

pytestmark = pytest.mark.gui

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")


class FaultyCard:
    """A card whose every command fails with ``error``, as the reader under it would raise it."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def atr(self) -> bytes:
        return MYNUMBER_ATR

    def power_on(self) -> None: ...
    def power_off(self) -> None: ...
    def reset(self) -> None: ...

    def execute(self, apdu: bytes) -> bytes:
        raise self.error


@pytest.fixture
def switch_language(qapp):
    yield language.switch
    language.switch("ja")
    QCoreApplication.processEvents()


CASES = [
    (ServiceUnavailableError("Service not available.", code=0x8010001D), State.NO_READER),
    (ServiceLostError("RPC transport error.", code=0x80100013), State.NO_READER),
    (ReaderUnavailableError("ACS ACR1252 00 00", "Reader unavailable.", code=0x80100017), State.NO_READER),
    (NoReaderError("ACR1252", ("Virtual PCD 00 00",)), State.NO_READER),
    (PcscNotInstalledError(), State.NO_READER),
    *((RealCardProtected(d, r, 1), State.READ_FAILED) for d in Device for r in Protection),
    # Another program has the card, or --protocol does not suit it: the reader's screen says so.
    (CardInUseError("ACS ACR1252 00 00", code=0x8010000B), State.READ_FAILED),
    (CardInUseError("ACS ACR1252 00 00", exclusive=True, code=0x8010000B), State.READ_FAILED),
    (ProtocolMismatchError("ACS ACR1252 00 00", "T=1", code=0x8010000F), State.READ_FAILED),
    (CardResetError("ACS ACR1252 00 00", code=0x80100068), State.READ_FAILED),
]


@pytest.mark.parametrize(("error", "state"), CASES, ids=lambda v: type(v).__name__)
def test_the_screen_words_the_error_in_both_languages(qtbot, kiosk, switch_language, error, state):
    kiosk.reader.insert(FaultyCard(error))
    qtbot.waitUntil(lambda: kiosk.state is state, timeout=3000)
    detail = kiosk.window.current_screen.detail
    japanese = detail.text()
    assert JAPANESE.search(japanese) and str(error) not in japanese
    switch_language("en")
    qtbot.waitUntil(lambda: detail.text() != japanese)
    english = detail.text()
    assert english and not JAPANESE.search(english), english
    for fact in ("reader", "wanted"):
        value = getattr(error, fact, None)
        if value:
            assert value in japanese and value in english


def test_the_in_process_reader_is_worded_in_the_ui_language(qtbot, kiosk, switch_language):
    """The status line words the in-process reader itself: its ``description`` is English, for logs."""
    status = kiosk.window.status_bar
    qtbot.waitUntil(lambda: "仮想リーダー（練習用・アプリ内）" in status.text())
    assert kiosk.reader.description not in status.text()
    switch_language("en")
    qtbot.waitUntil(lambda: "Card reader: virtual reader (practice, in the app)" in status.text())
    assert not JAPANESE.search(status.text()), status.text()


def test_a_pcsc_readers_own_name_stays_in_both_languages(qtbot, kiosk, switch_language, monkeypatch):
    """A PC/SC reader's name is a proper name: shown as it is, in either language."""
    name = "ACS ACR1252 1S CL Reader PICC 0"
    monkeypatch.setattr(kiosk.controller, "reader", object())  # not the in-process reader
    kiosk.controller._on_reader_event(ReaderEvent(ReaderEventKind.READER_ADDED, name))
    status = kiosk.window.status_bar
    assert name in status.text() and "カードリーダー" in status.text()
    switch_language("en")
    qtbot.waitUntil(lambda: "カードリーダー" not in status.text())
    assert name in status.text() and not JAPANESE.search(status.text())
