"""顔認証 (simulated capture), the inactivity timeout and the card left behind, through the screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mynakiosk.domain.identity import FaceCondition
from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.domain.visit import Outcome
from mynakiosk.flow.intents import ChooseFace
from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.ui.screens import FaceScreen, MethodSelectScreen
from tests.gui.test_pin_flow import answer, choose_pin, place, visible_text

pytestmark = pytest.mark.gui


def choose_face(qtbot, kiosk) -> FaceScreen:
    screen = kiosk.window.current_screen
    assert isinstance(screen, MethodSelectScreen)
    qtbot.mouseClick(screen.face, Qt.MouseButton.LeftButton)
    face = kiosk.window.current_screen
    assert isinstance(face, FaceScreen)
    return face


def attempt(qtbot, kiosk, face: FaceScreen, condition: FaceCondition) -> None:
    qtbot.mouseClick(face.conditions[condition], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not kiosk.controller.busy, timeout=3000)


def test_an_adult_passes_face_authentication_after_the_prompts(qtbot, kiosk):
    place(qtbot, kiosk, "taro")
    face = choose_face(qtbot, kiosk)
    attempt(qtbot, kiosk, face, FaceCondition.MASK)
    assert face.message.text() == "マスクを外してください。"
    attempt(qtbot, kiosk, face, FaceCondition.MOVED)
    assert "最初からやり直します" in face.message.text()
    attempt(qtbot, kiosk, face, FaceCondition.TOO_FAR)
    assert "枠に顔の大きさ" in face.message.text()
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=3000)
    assert kiosk.personas["taro"].card.profile.auth_pin_tries == 3


def test_a_childs_old_photo_fails_and_the_parent_switches_to_the_pin(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    face = choose_face(qtbot, kiosk)
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    assert kiosk.state is State.FACE and "顔認証できませんでした" in face.message.text()
    qtbot.mouseClick(face.to_pin, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.PIN_ENTRY


def test_repeated_face_failures_disable_face_for_the_card(qtbot, kiosk):
    from dataclasses import replace

    scenario = load_scenario(scenarios_dir() / "01_child_normal_visit.toml")
    kiosk.controller.load_scenario(replace(scenario, clinic=replace(scenario.clinic, face_failure_limit=2)))
    place(qtbot, kiosk, "sakura")
    face = choose_face(qtbot, kiosk)
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    assert kiosk.state is State.METHOD_SELECT
    method = kiosk.window.current_screen
    assert not method.face.isEnabled() and "顔認証を続けて失敗" in visible_text(method)


def test_photo_less_card_cannot_use_face_authentication(qtbot, kiosk):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "14_infant_photoless_card.toml"))
    place(qtbot, kiosk, "hana")
    screen = kiosk.window.current_screen
    # An infant's card has no photo: the reader offers the PIN only, and staff cannot do a 目視確認.
    assert kiosk.state is State.METHOD_SELECT
    assert not screen.face.isVisibleTo(screen) and screen.pin.isVisibleTo(screen)
    assert not screen.staff.isVisibleTo(screen)
    kiosk.controller.reception.handle(ChooseFace())
    assert kiosk.state is State.METHOD_SELECT and "顔写真がない" in screen.message.text()


def test_inactivity_cancels_the_visit_and_nothing_is_recorded_as_done(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    assert kiosk.timer.active and kiosk.timer.interval_ms == 60_000
    kiosk.timer.fire()
    assert kiosk.state is State.CANCELLED
    assert "操作がなかった" in visible_text(kiosk.window.current_screen)
    assert kiosk.controller.records[-1].outcome is Outcome.CANCELLED
    kiosk.timer.fire()  # and then the card is still there
    assert "取り忘れ" in kiosk.window.alert.text() and kiosk.window.alert.isVisibleTo(kiosk.window)
    qtbot.mouseClick(kiosk.window.card_picker.take, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.IDLE and not kiosk.timer.active


def test_a_card_left_behind_after_completion_is_noticed(qtbot, kiosk):
    place(qtbot, kiosk, "taro")
    face = choose_face(qtbot, kiosk)
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=3000)
    for key in ("all", "no", "no"):
        answer(qtbot, kiosk, key)
    assert kiosk.state is State.COMPLETE and kiosk.controller.records[-1].method is IdentityMethod.FACE
    kiosk.timer.fire()
    assert kiosk.state is State.COMPLETE and "取り忘れ" in kiosk.window.alert.text()
    assert any("受付記録: 受付完了" in line for line in kiosk.controller.log)


def test_a_card_without_ic_goes_to_the_paper_card_screen(qtbot, kiosk):
    picker = kiosk.window.card_picker
    picker.select("paper")
    qtbot.mouseClick(picker.place, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.PAPER_CARD
    assert "健康保険証の読取確認" in visible_text(kiosk.window.current_screen)
    assert not kiosk.reader.card_present()  # nothing a PC/SC reader could see
    qtbot.mouseClick(picker.take, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.IDLE


def test_a_whole_visit_by_keyboard_alone(qtbot, kiosk):
    """A screen comes up with nothing focused; Tab moves the ring, Space presses, digits and Enter type."""
    place(qtbot, kiosk, "sakura")
    method = kiosk.window.current_screen
    kiosk.window.activateWindow()
    method.setFocus()  # Tab from the side column reaches the reader; offscreen windows need it set explicitly
    qtbot.keyClick(method, Qt.Key.Key_Tab)
    assert method.face.hasFocus()
    qtbot.keyClick(method.face, Qt.Key.Key_Tab)
    assert method.pin.hasFocus()
    qtbot.keyClick(method.pin, Qt.Key.Key_Space)
    assert kiosk.state is State.PIN_ENTRY
    pin_screen = kiosk.window.pin_screen
    qtbot.keyClicks(pin_screen, "1234")
    qtbot.keyClick(pin_screen, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=3000)
    for _ in range(3):
        screen = kiosk.window.current_screen
        assert kiosk.window.focusWidget() is screen  # no answer focused: Enter or Space alone presses none
        qtbot.keyClick(screen, Qt.Key.Key_Tab)
        first = next(iter(screen.buttons.values()))
        assert first.hasFocus()
        qtbot.keyClick(first, Qt.Key.Key_Space)
    assert kiosk.state is State.COMPLETE
