"""Through the real window: the waiting screens stay in sight (on a fake timer), the face step shows its
attempts and 認証中, practice shows the 目視 password, and a staff action that cannot happen says why."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from mynakiosk.domain.identity import FaceCondition
from mynakiosk.flow.machine import State
from mynakiosk.i18n import translated
from mynakiosk.scenarios.loader import load_default, load_scenario, scenarios_dir
from mynakiosk.ui import language
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.fake_timer import FakeTimer
from mynakiosk.ui.main_window import MainWindow
from mynakiosk.ui.pacing import Pace
from mynakiosk.ui.screens import (
    FaceMatchingScreen,
    FaceScreen,
    MethodSelectScreen,
    QualifyingScreen,
    ReadingScreen,
    VerifyingScreen,
    VisualCheckScreen,
)
from mynakiosk.ui.staff_console import StaffConsole
from mynakiosk_hardware.readers.virtual import VirtualReader
from tests.gui.test_face_and_timeouts import attempt, choose_face
from tests.gui.test_language import japanese_in
from tests.gui.test_pin_flow import choose_pin, place, type_on_keypad, visible_text

pytestmark = pytest.mark.gui


@pytest.fixture
def paced(qtbot, aloop):
    """A practice window whose waiting screens stay until the test fires the pace timer."""
    reader, timer = VirtualReader(), FakeTimer()
    controller = FlowController(reader, scenario=load_default(), pace=Pace.FAST, pace_timer=timer)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    yield window, controller, reader, timer
    controller.close()


@pytest.fixture
def english(qapp):
    language.switch("en")
    yield
    language.switch("ja")
    QCoreApplication.processEvents()


def test_reading_and_the_checks_stay_on_screen_until_their_time_is_up(qtbot, paced):
    window, controller, reader, timer = paced
    sakura = {p.key: p for p in controller.personas}["sakura"]
    reader.insert(sakura.card)
    qtbot.waitUntil(lambda: controller.reception.state is State.METHOD_SELECT, timeout=3000)
    # The card was read long ago (for the simulation): 読み取り中 is still what the patient sees.
    assert isinstance(window.current_screen, ReadingScreen) and controller.snapshot.state is State.READING
    assert timer.active and timer.interval_ms == 1000 and controller.busy
    timer.fire()
    assert isinstance(window.current_screen, MethodSelectScreen) and not controller.busy
    qtbot.mouseClick(window.current_screen.pin, Qt.MouseButton.LeftButton)
    type_on_keypad(qtbot, _Kiosk(window), "1234")
    qtbot.mouseClick(window.pin_screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.reception.state is State.CONSENT, timeout=3000)
    assert isinstance(window.current_screen, VerifyingScreen)  # 確認中, then 資格確認中, then 同意
    timer.fire()
    assert isinstance(window.current_screen, QualifyingScreen)
    timer.fire()
    assert controller.snapshot.state is State.CONSENT and not timer.active


def test_taking_the_card_away_while_reading_shows_idle_at_once(qtbot, paced):
    window, controller, reader, timer = paced
    reader.insert({p.key: p for p in controller.personas}["taro"].card)
    qtbot.waitUntil(lambda: controller.reception.state is State.METHOD_SELECT, timeout=3000)
    reader.remove()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE, timeout=3000)
    assert not timer.active and not controller.busy
    assert "置いてください" in window.current_screen.title.text()


def test_a_repeated_face_tap_shows_authenticating_and_its_attempt_number(qtbot, paced):
    window, controller, reader, timer = paced
    reader.insert({p.key: p for p in controller.personas}["taro"].card)
    qtbot.waitUntil(lambda: controller.reception.state is State.METHOD_SELECT, timeout=3000)
    timer.fire()
    qtbot.mouseClick(window.current_screen.face, Qt.MouseButton.LeftButton)
    face = window.current_screen
    assert isinstance(face, FaceScreen) and "顔認証の残り回数：10回" in face.tries.text()
    seen = []
    for number in (1, 2):
        qtbot.mouseClick(face.conditions[FaceCondition.MASK], Qt.MouseButton.LeftButton)
        matching = window.current_screen
        assert isinstance(matching, FaceMatchingScreen)  # 認証中, each time
        assert (
            f"{number}回目の撮影を確認しています" in visible_text(matching)
            and "認証中" in matching.frame.text()
        )
        timer.fire()
        assert window.current_screen is face and face.message.text() == "マスクを外してください。"
        seen.append(face.tries.text())
    assert seen == ["顔認証の残り回数：10回"] * 2  # a prompt is not a failed match: nothing counted
    # A match: 認証中, then 資格確認中, then 同意 — never straight to 同意.
    qtbot.mouseClick(face.conditions[FaceCondition.FRONT], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.reception.state is State.CONSENT, timeout=3000)
    assert isinstance(window.current_screen, FaceMatchingScreen)
    timer.fire()
    assert isinstance(window.current_screen, QualifyingScreen)
    timer.fire()
    assert controller.snapshot.state is State.CONSENT


def test_face_failures_count_down_the_tries_left(qtbot, kiosk):
    scenario = load_scenario(scenarios_dir() / "01_child_normal_visit.toml")
    kiosk.controller.load_scenario(replace(scenario, clinic=replace(scenario.clinic, face_failure_limit=3)))
    place(qtbot, kiosk, "sakura")  # a child's old photo: never matched
    face = choose_face(qtbot, kiosk)
    assert face.tries.text() == "顔認証の残り回数：3回"
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    attempt(qtbot, kiosk, face, FaceCondition.MASK)  # a prompt, not a failure: counted by neither number
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    # Failed matches and the tries left count the same thing: they add up to the limit.
    assert face.tries.text() == "顔が一致しなかった回数：2回　顔認証の残り回数：1回"
    assert kiosk.states.count(State.FACE_MATCHING) == 3


def test_english_face_screens_show_no_japanese(qtbot, kiosk, english):
    place(qtbot, kiosk, "taro")
    face = choose_face(qtbot, kiosk)
    attempt(qtbot, kiosk, face, FaceCondition.MASK)
    assert "tries left: 10" in face.tries.text() and not japanese_in(face)
    face.show_snapshot(replace(kiosk.controller.snapshot, face_failures=3, face_tries_left=7))
    assert face.tries.text() == "Not matched: 3. Face recognition tries left: 7"
    assert not japanese_in(face) and "・" not in face.tries.text()
    matching = kiosk.window.screens[State.FACE_MATCHING]
    matching.show_snapshot(replace(kiosk.controller.snapshot, state=State.FACE_MATCHING, face_attempt=2))
    assert not japanese_in(matching) and "2" in matching.tries.text()


# -- the 目視 password in practice ----------------------------------------------------------------


def test_practice_shows_the_visual_check_password_at_its_prompt_and_in_the_hint(qtbot, kiosk):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "19_pin_locked_visual_check.toml"))
    place(qtbot, kiosk, next(iter(kiosk.controller.personas)).key)
    qtbot.mouseClick(kiosk.window.current_screen.staff, Qt.MouseButton.LeftButton)
    screen = kiosk.window.current_screen
    assert isinstance(screen, VisualCheckScreen)
    assert "「7391」" in screen.practice_password.text() and screen.practice_password.isVisibleTo(screen)
    assert "7391" in kiosk.window.practice.hint.text()
    qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)
    kiosk.reader.remove()
    qtbot.waitUntil(lambda: kiosk.state is State.IDLE, timeout=3000)
    kiosk.controller.load_scenario(load_default())
    assert "「0000」" in screen.practice_password.text()


def test_a_clinic_reader_never_shows_the_visual_check_password(qtbot, aloop):
    controller = FlowController(VirtualReader(), scenario=load_default())
    window = MainWindow(controller, side_panels=False)  # the reader alone, as at a clinic
    qtbot.addWidget(window)
    try:
        screen = window.screens[State.VISUAL_CHECK]
        assert not screen.practice_password.isVisibleTo(screen) and "0000" not in visible_text(screen)
    finally:
        controller.close()


# -- staff actions that cannot happen now -------------------------------------------------------


@pytest.fixture
def console(qtbot, kiosk, tmp_path):
    console = StaffConsole(kiosk.controller, log_folder=tmp_path)
    qtbot.addWidget(console)
    return console


def test_visual_check_with_no_card_says_why_on_the_console(qtbot, kiosk, console):
    assert console.visual_button.isEnabled()  # pressable, so that it can answer
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.IDLE
    assert "目視確認を始められません" in console.status.text()
    assert "カードが置かれていません" in console.status.text()


def test_visual_check_after_the_identity_step_says_why(qtbot, kiosk, console):
    place(qtbot, kiosk, "taro")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "2468")
    qtbot.mouseClick(kiosk.window.pin_screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT and not kiosk.controller.busy, timeout=3000)
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.CONSENT and "本人確認はもう済んでいます" in console.status.text()


def test_visual_check_when_allowed_starts_it_and_clears_the_reason(qtbot, kiosk, console):
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert console.status.text()
    place(qtbot, kiosk, "taro")
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.VISUAL_CHECK and console.status.text() == ""


def test_visual_check_for_a_photoless_card_says_why(qtbot, kiosk, console):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "14_infant_photoless_card.toml"))
    place(qtbot, kiosk, "hana")
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.METHOD_SELECT and "顔写真のないカード" in console.status.text()


def test_a_scenario_switch_during_a_visit_says_why_in_both_windows(qtbot, kiosk, console):
    place(qtbot, kiosk, "taro")
    console.load_selected()
    assert "シナリオを切り替えられません" in console.status.text()
    assert "カードを取り、待機画面に戻ってから" in console.status.text()
    kiosk.window.practice.switch_scenario()
    assert "待機画面に戻ってから" in kiosk.window.practice.status.text()
    assert "a scenario can only" not in kiosk.window.practice.status.text()


def test_the_reasons_are_in_english_in_the_english_ui(qtbot, kiosk, console, english):
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert console.status.text() and not japanese_in(console.status)
    place(qtbot, kiosk, "taro")
    console.load_selected()
    kiosk.window.practice.switch_scenario()
    assert not japanese_in(console.status) and not japanese_in(kiosk.window.practice.status)
    language.switch("ja")  # worded again in place
    QCoreApplication.processEvents()
    assert "シナリオを切り替えられません" in console.status.text()


def test_unlocking_a_card_that_is_not_a_practice_my_number_card_says_why(qtbot, kiosk):
    picker = kiosk.window.card_picker
    picker.select("other")
    qtbot.mouseClick(picker.reset, Qt.MouseButton.LeftButton)
    assert "練習用のマイナンバーカードだけ" in picker.status.text()


class _Kiosk:
    """Enough of tests.gui.conftest.Kiosk for the keypad helper."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stacking to change
def test_visual_check_from_the_console_brings_the_reader_to_the_password(qtbot, kiosk, console):
    """At 1366×768 the console covers the reader: starting 目視確認 there put the password prompt behind it,
    with the keys still in the console. The reader comes to the front with its password field focused."""
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "19_pin_locked_visual_check.toml"))
    place(qtbot, kiosk, "taro")
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=3000)
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.VISUAL_CHECK
    screen = kiosk.window.current_screen
    assert isinstance(screen, VisualCheckScreen)
    qtbot.waitUntil(kiosk.window.isActiveWindow, timeout=3000)
    assert kiosk.window.focusWidget() is screen.password


def test_the_practice_explanation_follows_a_visit_rescued_by_visual_check(qtbot, kiosk, console):
    """PIN locked, the fallback explained; then staff's 目視確認 carries the visit on: the column no longer
    explains an outcome the visit has left (it said 「暗証番号がロックされています」 through the consents)."""
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "19_pin_locked_visual_check.toml"))
    practice = kiosk.window.practice
    place(qtbot, kiosk, "taro")
    choose_pin(qtbot, kiosk)
    for _ in range(3):
        type_on_keypad(qtbot, kiosk, "0000")
        qtbot.mouseClick(kiosk.window.pin_screen.confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not kiosk.controller.busy, timeout=3000)
    qtbot.waitUntil(lambda: kiosk.state is State.FALLBACK, timeout=3000)
    assert practice.explained is not None  # the fallback's explanation
    qtbot.mouseClick(console.visual_button, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.VISUAL_CHECK
    assert practice.explained is None
    assert kiosk.controller.scenario is not None
    assert translated(kiosk.controller.scenario.title) in practice.explanation.text()
