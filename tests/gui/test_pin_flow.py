"""The walking skeleton through the real screens: a parent enters a child's PIN on the virtual reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mynakiosk.domain.visit import ConsentTopic
from mynakiosk.flow.machine import State
from mynakiosk.ui.screens import MethodSelectScreen

pytestmark = pytest.mark.gui


def visible_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def place(qtbot, kiosk, key: str) -> None:
    picker = kiosk.window.card_picker
    picker.select(key)
    qtbot.mouseClick(picker.place, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.state is State.METHOD_SELECT, timeout=3000)


def choose_pin(qtbot, kiosk) -> None:
    screen = kiosk.window.current_screen
    assert isinstance(screen, MethodSelectScreen)
    qtbot.mouseClick(screen.pin, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.PIN_ENTRY


def type_on_keypad(qtbot, kiosk, digits: str) -> None:
    pin = kiosk.window.pin_screen
    for digit in digits:
        qtbot.mouseClick(pin.keys[digit], Qt.MouseButton.LeftButton)


def answer(qtbot, kiosk, key: str) -> None:
    screen = kiosk.window.current_screen
    qtbot.mouseClick(screen.buttons[key], Qt.MouseButton.LeftButton)


def finish_visit(qtbot, kiosk) -> None:
    """The default clinic's screens after a valid result: 同意, 高額療養費, 医療費助成."""
    assert kiosk.state is State.CONSENT
    answer(qtbot, kiosk, "all")
    answer(qtbot, kiosk, "no")  # 高額療養費: 利用しない
    answer(qtbot, kiosk, "yes")  # 医療費助成: 利用する
    assert kiosk.state is State.COMPLETE


def confirm(qtbot, kiosk, expected: State) -> None:
    qtbot.mouseClick(kiosk.window.pin_screen.confirm, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.VERIFYING
    qtbot.waitUntil(lambda: not kiosk.controller.busy and kiosk.state is expected, timeout=3000)


def lock_the_card(qtbot, kiosk) -> None:
    """Three wrong PINs on the PIN screen: the card answers 63C2, 63C1, 63C0 and the fallback shows."""
    for wrong, expected in (("0000", State.PIN_ENTRY), ("1111", State.PIN_ENTRY), ("2222", State.FALLBACK)):
        type_on_keypad(qtbot, kiosk, wrong)
        confirm(qtbot, kiosk, expected)


def test_starts_on_the_idle_screen_in_the_bundled_font(kiosk, qapp):
    assert kiosk.state is State.IDLE
    assert "マイナンバーカードを" in kiosk.window.current_screen.title.text()
    assert qapp.font().family() == "BIZ UDGothic"


def test_parent_enters_childs_pin_and_reception_completes(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    pin_screen = kiosk.window.pin_screen
    assert "残り入力回数：3回" in visible_text(pin_screen)
    type_on_keypad(qtbot, kiosk, "12")
    assert pin_screen.boxes.text() == "●●○○"
    assert not pin_screen.confirm.isEnabled()
    type_on_keypad(qtbot, kiosk, "34")
    assert pin_screen.boxes.text() == "●●●●"
    assert "1234" not in visible_text(pin_screen)
    assert not any(ch.isdigit() for ch in pin_screen.boxes.text() + pin_screen.boxes.accessibleName())
    confirm(qtbot, kiosk, State.CONSENT)
    assert kiosk.states[-4:] == [State.PIN_ENTRY, State.VERIFYING, State.QUALIFYING, State.CONSENT]
    finish_visit(qtbot, kiosk)
    text = visible_text(kiosk.window.current_screen)
    assert "受付が完了しました" in text and "カードをお取りください" in text
    record = kiosk.controller.records[-1]
    assert record.result.person.name == "山田 さくら" and record.consents == dict.fromkeys(ConsentTopic, True)
    qtbot.mouseClick(kiosk.window.card_picker.take, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.IDLE


def test_physical_keyboard_types_corrects_and_confirms(qtbot, kiosk):
    place(qtbot, kiosk, "yuto")
    choose_pin(qtbot, kiosk)
    pin_screen = kiosk.window.pin_screen
    qtbot.keyClicks(pin_screen, "569")
    qtbot.keyClick(pin_screen, Qt.Key.Key_Backspace)  # 訂正
    assert pin_screen.entered_count == 2
    qtbot.keyClicks(pin_screen, "78")
    qtbot.keyClick(pin_screen, Qt.Key.Key_Return)  # 確定
    assert kiosk.state is State.VERIFYING
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=3000)


def test_correct_key_deletes_one_digit(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    pin_screen = kiosk.window.pin_screen
    type_on_keypad(qtbot, kiosk, "129")
    qtbot.mouseClick(pin_screen.correct, Qt.MouseButton.LeftButton)
    type_on_keypad(qtbot, kiosk, "34")
    confirm(qtbot, kiosk, State.CONSENT)


def test_wrong_pin_shows_the_cards_real_counter(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "0000")
    confirm(qtbot, kiosk, State.PIN_ENTRY)
    qtbot.waitUntil(lambda: kiosk.controller.snapshot.wrong_pin)
    text = visible_text(kiosk.window.pin_screen)
    assert "暗証番号が違います" in text and "あと2回" in text and "残り入力回数：2回" in text
    assert kiosk.personas["sakura"].card.profile.auth_pin_tries == 2
    assert kiosk.window.pin_screen.entered_count == 0


def test_third_wrong_pin_locks_the_card_and_shows_the_fallback(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    lock_the_card(qtbot, kiosk)
    text = visible_text(kiosk.window.current_screen)
    assert "暗証番号がロックされています" in text
    assert "資格確認書" in text and "資格情報のお知らせ ＋ マイナンバーカード" in text
    assert "市区町村" in text and "医療証" in text and "3割" in text
    card = kiosk.personas["sakura"].card
    assert card.profile.auth_pin_tries == 0
    assert card.execute(bytes.fromhex("0020008004") + b"1234") == bytes.fromhex("6984")

    # The lock persists on the card: placing it again leads straight to the fallback.
    qtbot.mouseClick(kiosk.window.card_picker.take, Qt.MouseButton.LeftButton)
    place(qtbot, kiosk, "sakura")
    qtbot.mouseClick(kiosk.window.current_screen.pin, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.FALLBACK


def test_back_returns_to_method_selection_and_forgets_digits(qtbot, kiosk):
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "12")
    qtbot.mouseClick(kiosk.window.pin_screen.back, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.METHOD_SELECT
    assert kiosk.window.pin_screen.entered_count == 0


def test_a_card_that_is_not_a_my_number_card_fails_to_read(qtbot, kiosk):
    picker = kiosk.window.card_picker
    picker.select("other")
    qtbot.mouseClick(picker.place, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.state is State.READ_FAILED, timeout=3000)
    assert "読み取りに失敗しました" in visible_text(kiosk.window.current_screen)


@pytest.mark.parametrize("step", ["method", "pin", "consent", "complete", "fallback"])
def test_taking_the_card_away_at_any_step_returns_to_idle(qtbot, kiosk, step):
    place(qtbot, kiosk, "sakura")
    if step != "method":
        choose_pin(qtbot, kiosk)
        type_on_keypad(qtbot, kiosk, "12")
    if step == "consent":
        type_on_keypad(qtbot, kiosk, "34")
        confirm(qtbot, kiosk, State.CONSENT)
    if step == "complete":
        type_on_keypad(qtbot, kiosk, "34")
        confirm(qtbot, kiosk, State.CONSENT)
        finish_visit(qtbot, kiosk)
    if step == "fallback":
        kiosk.personas["sakura"].card.profile.auth_pin_tries = 1
        type_on_keypad(qtbot, kiosk, "99")
        confirm(qtbot, kiosk, State.FALLBACK)
    qtbot.mouseClick(kiosk.window.card_picker.take, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.IDLE
    assert kiosk.window.pin_screen.entered_count == 0
    assert "マイナンバーカードを" in kiosk.window.current_screen.title.text()


def test_card_pulled_while_the_pin_is_checked_is_not_reported_done(qtbot, kiosk):
    kiosk.reader.latency = 0.05  # a slow reader, so the card can leave mid-command
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    qtbot.mouseClick(kiosk.window.pin_screen.confirm, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.VERIFYING
    kiosk.reader.remove()
    assert kiosk.state is State.IDLE
    qtbot.waitUntil(lambda: not kiosk.controller.busy, timeout=3000)
    assert kiosk.state is State.IDLE
    assert State.COMPLETE not in kiosk.states
