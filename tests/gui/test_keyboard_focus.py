"""The keyboard rule and a still layout, through the real window: a screen comes up with no button focused
(a leftover Enter or Space answers nothing for the patient), the keypad never takes the focus, and nothing
moves under a finger while a warning appears or a face is being matched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mynakiosk.domain.identity import FaceCondition
from mynakiosk.flow.machine import State
from mynakiosk.ui.screens import FaceMatchingScreen, FaceScreen, PhoneHoldScreen
from tests.gui import test_pacing_and_staff, test_phone
from tests.gui.test_phone import click, start
from tests.gui.test_pin_flow import choose_pin, place, type_on_keypad

pytestmark = pytest.mark.gui

paced = test_pacing_and_staff.paced  # a window whose waiting screens stay until the test fires the timer
kiosks = test_phone.kiosks  # a kiosk with the スマホ保険証 reader beside it


def focused(window: QWidget) -> QWidget:
    """Where a key goes: the window's focus widget (offscreen windows are never active)."""
    widget = window.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, window: QWidget, key: Qt.Key) -> None:
    """A key pressed on the keyboard: sent to what has the focus, and on up to its parents if not taken."""
    qtbot.keyClick(focused(window), key)


def test_leftover_enter_presses_after_the_pin_do_not_answer_the_consent(qtbot, kiosk):
    window = kiosk.window
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    qtbot.keyClicks(focused(window), "1234")
    press(qtbot, window, Qt.Key.Key_Return)
    assert kiosk.state is State.VERIFYING
    press(qtbot, window, Qt.Key.Key_Return)  # while checking
    qtbot.waitUntil(lambda: not kiosk.controller.busy and kiosk.state is State.CONSENT, timeout=3000)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Space):
        press(qtbot, window, key)
    assert kiosk.state is State.CONSENT and not kiosk.controller.records
    assert focused(window) is window.current_screen  # no button: no answer to press, no ring
    # A keyboard user still answers: Tab puts the ring on the first answer, Space presses it.
    press(qtbot, window, Qt.Key.Key_Tab)
    assert focused(window) is window.current_screen.buttons["all"]
    press(qtbot, window, Qt.Key.Key_Space)
    assert kiosk.state is State.HIGH_COST
    assert not isinstance(focused(window), QPushButton)  # the next screen, again with nothing focused
    press(qtbot, window, Qt.Key.Key_Tab)
    assert focused(window) is window.current_screen.buttons["yes"]
    press(qtbot, window, Qt.Key.Key_Return)  # Enter never presses a screen's button
    assert kiosk.state is State.HIGH_COST


def test_enter_after_tapping_the_keypad_confirms_and_no_key_keeps_the_focus(qtbot, kiosk):
    window = kiosk.window
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    pin = window.pin_screen
    type_on_keypad(qtbot, kiosk, "129")
    keypad = [*pin.keys.values(), pin.correct, pin.confirm]
    assert not any(key.hasFocus() for key in keypad) and focused(window) is pin  # no digit given away
    press(qtbot, window, Qt.Key.Key_Backspace)  # 訂正
    assert pin.entered_count == 2
    press(qtbot, window, Qt.Key.Key_Return)  # 2 digits: nothing to confirm, and no digit added
    assert pin.entered_count == 2 and kiosk.state is State.PIN_ENTRY
    type_on_keypad(qtbot, kiosk, "34")
    assert focused(window) is pin
    press(qtbot, window, Qt.Key.Key_Enter)  # 確定
    assert kiosk.state is State.VERIFYING
    qtbot.waitUntil(lambda: not kiosk.controller.busy and kiosk.state is State.CONSENT, timeout=3000)


def test_the_keypad_stays_where_it_is_after_a_wrong_pin(qtbot, kiosk):
    window = kiosk.window
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    pin = window.pin_screen
    parts = [*pin.keys.values(), pin.correct, pin.confirm, pin.back, pin.boxes, pin.tries]

    def where() -> list:
        return [widget.mapTo(window, widget.rect().topLeft()) for widget in parts] + [
            widget.size() for widget in parts
        ]

    before = where()
    type_on_keypad(qtbot, kiosk, "0000")
    qtbot.mouseClick(pin.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not kiosk.controller.busy and kiosk.state is State.PIN_ENTRY, timeout=3000)
    assert pin.warning.isVisibleTo(pin) and "暗証番号が違います" in pin.warning.text()
    assert where() == before


def test_the_face_screen_keeps_its_layout_while_matching(qtbot, paced):
    window, controller, reader, timer = paced
    window.show()
    qtbot.waitExposed(window)
    reader.insert({p.key: p for p in controller.personas}["taro"].card)
    qtbot.waitUntil(lambda: controller.reception.state is State.METHOD_SELECT, timeout=3000)
    timer.fire()
    qtbot.mouseClick(window.current_screen.face, Qt.MouseButton.LeftButton)
    face = window.current_screen
    assert isinstance(face, FaceScreen)

    def layout(screen: FaceScreen) -> list:
        parts = [screen.frame, *screen.conditions.values(), screen.to_pin, screen.back, screen.staff]
        return [(w.isVisibleTo(screen), w.geometry(), w.mapTo(screen, w.rect().topLeft())) for w in parts]

    shown = layout(face)
    qtbot.mouseClick(face.conditions[FaceCondition.MASK], Qt.MouseButton.LeftButton)
    matching = window.current_screen
    assert isinstance(matching, FaceMatchingScreen) and "認証中" in matching.frame.text()
    assert layout(matching) == shown  # nothing disappears, nothing moves
    assert not any(button.isEnabled() for button in matching.findChildren(QPushButton))  # nothing to press
    timer.fire()
    assert window.current_screen is face and face.message.text() == "マスクを外してください。"
    assert layout(face) == shown  # the failure's prompt moved nothing either


def test_a_second_enter_after_the_phone_pin_does_not_press_back(qtbot, kiosks):
    kiosk = kiosks("32_phone_android.toml")
    start(qtbot, kiosk, "android")
    assert kiosk.state is State.PHONE_PIN
    for digit in "1357":
        click(qtbot, kiosk.screen.keys[digit])
    press(qtbot, kiosk.window, Qt.Key.Key_Return)  # 確定
    assert kiosk.state is State.PHONE_HOLD and isinstance(kiosk.screen, PhoneHoldScreen)
    press(qtbot, kiosk.window, Qt.Key.Key_Return)
    press(qtbot, kiosk.window, Qt.Key.Key_Space)
    assert kiosk.state is State.PHONE_HOLD
    assert not kiosk.screen.back.hasFocus()
