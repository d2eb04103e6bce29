"""Large text, high contrast, spoken guidance that never says a PIN digit, and accessible names."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.flow.machine import State
from kiosk.ui.speech import Speaker
from tests.gui.test_pin_flow import choose_pin, place, type_on_keypad

pytestmark = pytest.mark.gui


class RecordingEngine:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)


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
    assert not kiosk.window.speech.isEnabled() and "PySide6-Addons" in kiosk.window.speech.text()


def test_large_text_and_high_contrast_switch_at_runtime(qtbot, kiosk, qapp):
    title = kiosk.window.current_screen.title
    normal = title.fontInfo().pixelSize()
    kiosk.window.large_text.setChecked(True)
    assert title.fontInfo().pixelSize() > normal
    assert kiosk.window.reader_frame.width() == 720
    kiosk.window.high_contrast.setChecked(True)
    assert "#ffff00" in qapp.styleSheet()
    kiosk.window.large_text.setChecked(False)
    kiosk.window.high_contrast.setChecked(False)
    assert title.fontInfo().pixelSize() == normal and "#ffff00" not in qapp.styleSheet()


def test_every_reader_button_has_an_accessible_name(qtbot, kiosk):
    kiosk.window.build_all_screens()
    assert len(kiosk.window.screens) == len(State)
    for state, screen in kiosk.window.screens.items():
        assert screen.accessibleName() or state is State.FALLBACK, state
        for button in screen.findChildren(QPushButton):
            assert button.accessibleName(), f"{state.name}: {button.text()!r}"
