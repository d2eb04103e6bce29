"""Large text, high contrast, spoken guidance that never says a PIN digit, and accessible names."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QPushButton

from mynakiosk.flow.machine import State
from mynakiosk.ui.speech import Speaker
from tests.gui.test_pin_flow import choose_pin, place, type_on_keypad

pytestmark = pytest.mark.gui


class RecordingEngine:
    """QTextToSpeech's shape: it has a Japanese and an English voice."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.voices = [QLocale("ja_JP"), QLocale("en_US")]
        self.current = self.voices[0]

    def say(self, text: str) -> None:
        self.said.append(text)

    def locale(self) -> QLocale:
        return self.current

    def availableLocales(self) -> list[QLocale]:
        return self.voices

    def setLocale(self, locale: QLocale) -> None:
        self.current = locale


def test_spoken_guidance_reads_screens_and_never_a_pin_digit(qtbot, kiosk):
    engine = RecordingEngine()
    kiosk.window.speaker = Speaker(engine)
    kiosk.window.speech.setEnabled(True)
    kiosk.window.speech.setChecked(True)
    place(qtbot, kiosk, "sakura")
    assert any("本人確認の方法" in s for s in engine.said)
    choose_pin(qtbot, kiosk)
    engine.said.clear()
    type_on_keypad(qtbot, kiosk, "1234")
    assert engine.said[-1].startswith("四桁入力しました")
    assert not any(re.search(r"[0-9０-９]", s) for s in engine.said), engine.said


def test_speech_without_the_addons_module_is_offered_honestly(qtbot, kiosk):
    speaker = Speaker()
    if speaker.available:
        pytest.skip("QtTextToSpeech is installed here")
    speech = kiosk.window.speech
    assert not speech.isEnabled() and "このパソコンでは使えません" in speech.text()
    assert "PySide6" not in speech.text() and "PySide6-Addons" in speech.toolTip()  # the detail, for staff
    assert kiosk.window.view_menu.toolTipsVisible()


def test_large_text_and_high_contrast_switch_at_runtime(qtbot, kiosk, qapp):
    title = kiosk.window.current_screen.title
    normal = title.fontInfo().pixelSize()
    kiosk.window.large_text.setChecked(True)
    assert title.fontInfo().pixelSize() > normal
    assert kiosk.window.reader_frame.width() == 750
    assert kiosk.window.side_column.height() == kiosk.window.reader_frame.height() == 1075  # side by side
    kiosk.window.high_contrast.setChecked(True)
    assert "#ffff00" in qapp.styleSheet()
    kiosk.window.large_text.setChecked(False)
    kiosk.window.high_contrast.setChecked(False)
    assert title.fontInfo().pixelSize() == normal and "#ffff00" not in qapp.styleSheet()
    assert kiosk.window.side_column.height() == kiosk.window.reader_frame.height() == 860


def test_every_reader_button_has_an_accessible_name(qtbot, kiosk):
    kiosk.window.build_all_screens()
    assert len(kiosk.window.screens) == len(State)
    for state, screen in kiosk.window.screens.items():
        assert screen.accessibleName() or state is State.FALLBACK, state
        for button in screen.findChildren(QPushButton):
            assert button.accessibleName(), f"{state.name}: {button.text()!r}"


def test_spoken_guidance_follows_the_ui_language(qtbot, kiosk):
    from mynakiosk.ui import language

    engine = RecordingEngine()
    kiosk.window.speaker = Speaker(engine)
    kiosk.window.speech.setEnabled(True)
    kiosk.window.speech.setChecked(True)
    try:
        language.switch("en")
        qtbot.waitUntil(lambda: kiosk.window.windowTitle() == "My Number Reception Simulator")
        place(qtbot, kiosk, "sakura")
        assert engine.current.language() == QLocale.Language.English
        assert any("confirm your identity" in s for s in engine.said), engine.said
    finally:
        language.switch("ja")
    engine.said.clear()
    # The screen in front is read again in the new language, then the next one.
    qtbot.waitUntil(lambda: any("本人確認の方法" in s for s in engine.said))
    kiosk.reader.remove()
    qtbot.waitUntil(lambda: any("マイナンバーカード" in s for s in engine.said))
    assert engine.current.language() == QLocale.Language.Japanese


def test_a_focused_card_choice_shows_its_focus(qtbot, kiosk):
    """The picker's radio buttons carry no text of their own (their label wraps beside them), so the
    row draws the focus frame: keyboard users must see where they are."""
    button = kiosk.window.card_picker.choices["yuto"]
    row = button.parentWidget()
    button.setFocus()
    qtbot.waitUntil(lambda: row.property("focused") is True)
    kiosk.window.card_picker.place.setFocus()
    qtbot.waitUntil(lambda: row.property("focused") is False)
    # The 3px frame (theme.py #choiceRow) goes round the button and its text, never over them.
    inside = row.rect().adjusted(3, 3, -3, -3)
    assert inside.contains(button.geometry()) and inside.contains(row.label.geometry())


def test_keyboard_focus_starts_in_the_side_columns_scrolling_part(qtbot, kiosk):
    """The hint sits above the scrolling part of the side column, but focus does not start on its check box."""
    from PySide6.QtWidgets import QApplication

    from mynakiosk.ui.widgets import FittingScrollArea

    kiosk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert isinstance(QApplication.focusWidget(), FittingScrollArea)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is kiosk.window.practice.show_hints  # Tab: the hint's check box
