"""The スマホ保険証 through the real screens: a second in-process reader (the 汎用カードリーダー) beside the
face reader, the family's phones in the phone picker, the clinic's setting deciding whether it is offered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from mynakiosk.domain.fallback import FallbackReason
from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.fake_timer import FakeTimer
from mynakiosk.ui.main_window import MainWindow
from mynakiosk.ui.screens import PhoneHoldScreen, PhonePinScreen
from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER, VirtualReader

pytestmark = pytest.mark.gui
WAIT = 3000


class PhoneKiosk:
    def __init__(self, window: MainWindow, controller: FlowController, reader, phone_reader, timer) -> None:
        self.window, self.controller, self.reader, self.phone_reader, self.timer = (
            window,
            controller,
            reader,
            phone_reader,
            timer,
        )

    @property
    def state(self) -> State:
        return self.controller.snapshot.state

    @property
    def screen(self):
        return self.window.current_screen

    @property
    def phones(self):
        assert self.window.phone_picker is not None
        return self.window.phone_picker


def make_kiosk(qtbot, tmp_path, scenario: str) -> PhoneKiosk:
    reader, phone_reader, timer = VirtualReader(), VirtualReader(VIRTUAL_PHONE_READER), FakeTimer()
    controller = FlowController(
        reader,
        scenario=load_scenario(scenarios_dir() / scenario),
        result_folder=tmp_path / "results",
        inactivity_timer=timer,
        phone_reader=phone_reader,
    )
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    window.show()
    qtbot.waitUntil(lambda: controller.snapshot.state is State.IDLE, timeout=WAIT)
    return PhoneKiosk(window, controller, reader, phone_reader, timer)


@pytest.fixture
def kiosks(qtbot, aloop, tmp_path):
    made: list[PhoneKiosk] = []

    def make(scenario: str) -> PhoneKiosk:
        kiosk = make_kiosk(qtbot, tmp_path, scenario)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.controller.close()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def settle(qtbot, kiosk: PhoneKiosk, state: State) -> None:
    qtbot.waitUntil(lambda: kiosk.state is state and not kiosk.controller.busy, timeout=WAIT)


def type_pin(qtbot, kiosk: PhoneKiosk, digits: str) -> None:
    screen = kiosk.screen
    assert isinstance(screen, PhonePinScreen)
    for digit in digits:
        click(qtbot, screen.keys[digit])
    click(qtbot, screen.confirm)


def start(qtbot, kiosk: PhoneKiosk, kind: str) -> None:
    click(qtbot, kiosk.screen.phone)
    assert kiosk.state is State.PHONE_KIND
    click(qtbot, getattr(kiosk.screen, kind))


def visible_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def test_android_pin_on_the_reader_then_the_phone_over_the_phone_reader(qtbot, kiosks):
    kiosk = kiosks("32_phone_android.toml")
    assert kiosk.screen.phone.isVisible()  # the clinic has a 汎用カードリーダー
    start(qtbot, kiosk, "android")
    assert kiosk.state is State.PHONE_PIN
    assert "●" not in kiosk.screen.boxes.text()
    for digit in "135":
        click(qtbot, kiosk.screen.keys[digit])
    assert kiosk.screen.boxes.text() == "●●●○"  # masked
    click(qtbot, kiosk.screen.keys["7"])
    click(qtbot, kiosk.screen.confirm)
    assert kiosk.state is State.PHONE_HOLD and isinstance(kiosk.screen, PhoneHoldScreen)
    kiosk.phones.select("taro")
    click(qtbot, kiosk.phones.hold)
    settle(qtbot, kiosk, State.CONSENT)
    click(qtbot, kiosk.screen.buttons["all"])
    click(qtbot, kiosk.screen.buttons["no"])
    assert kiosk.state is State.COMPLETE
    assert not kiosk.screen.take.isVisibleTo(kiosk.screen)  # no card to take: it was a phone
    record = kiosk.controller.records[-1]
    assert record.method is IdentityMethod.PHONE_PIN and record.result.person.name == "山田 太郎"
    written = list(kiosk.controller.result_folder.glob("*.xml"))
    assert len(written) == 1 and "スマートフォン（暗証番号）" in written[0].read_text(encoding="utf-8")
    kiosk.timer.fire()  # the last screen of a phone visit goes back to idle by itself
    assert kiosk.state is State.IDLE


def test_a_wrong_phone_pin_counts_on_the_phone_and_the_lock_sends_to_the_card(qtbot, kiosks):
    kiosk = kiosks("37_phone_pin_locked.toml")
    phone = kiosk.controller.personas[0].phone
    card = kiosk.controller.personas[0].card
    start(qtbot, kiosk, "android")
    kiosk.phones.select("taro")
    for wrong, left in (("2468", 2), ("0000", 1)):
        type_pin(qtbot, kiosk, wrong)
        click(qtbot, kiosk.phones.hold)
        settle(qtbot, kiosk, State.PHONE_PIN)
        click(qtbot, kiosk.phones.take)
        assert kiosk.controller.snapshot.tries_left == left == phone.profile.auth_pin_tries
        assert kiosk.screen.warning.isVisibleTo(kiosk.screen)  # 暗証番号が違います
    type_pin(qtbot, kiosk, "1111")
    click(qtbot, kiosk.phones.hold)
    settle(qtbot, kiosk, State.FALLBACK)
    guidance = kiosk.controller.snapshot.fallback
    assert guidance.reason is FallbackReason.PHONE and "マイナンバーカード" in guidance.documents[0]
    assert not kiosk.controller.snapshot.visual_offered  # 目視 needs the card's photo
    assert card.profile.auth_pin_tries == 3  # the card's own PIN was never touched
    # The card still works: placed on the face reader, it starts the next visit.
    click(qtbot, kiosk.phones.take)
    kiosk.window.card_picker.select("taro")
    click(qtbot, kiosk.window.card_picker.place)
    settle(qtbot, kiosk, State.METHOD_SELECT)


def test_an_iphone_needs_face_id_on_the_phone_first_then_a_retry(qtbot, kiosks):
    kiosk = kiosks("33_phone_iphone.toml")
    start(qtbot, kiosk, "iphone")
    assert kiosk.state is State.PHONE_HOLD and "Face ID" in visible_text(kiosk.screen)
    kiosk.phones.select("hanako")
    click(qtbot, kiosk.phones.hold)
    settle(qtbot, kiosk, State.PHONE_NOT_READ)
    assert "Face ID" in kiosk.controller.snapshot.message
    click(qtbot, kiosk.phones.take)
    click(qtbot, kiosk.phones.biometric)  # the simulated prompt on the phone's own screen
    assert "確認済み" in kiosk.phones.phone_screen.text()
    click(qtbot, kiosk.screen.retry)
    assert kiosk.state is State.PHONE_HOLD
    click(qtbot, kiosk.phones.hold)
    settle(qtbot, kiosk, State.CONSENT)
    assert kiosk.controller.reception.record.method is IdentityMethod.PHONE_BIOMETRIC
    assert "確認済み" not in kiosk.phones.phone_screen.text()  # spent on this reading


def test_nothing_held_in_time_asks_to_hold_again(qtbot, kiosks):
    kiosk = kiosks("33_phone_iphone.toml")
    start(qtbot, kiosk, "iphone")
    assert kiosk.timer.interval_ms == kiosk.controller.reception.clinic.phone_hold_seconds * 1000
    kiosk.timer.fire()
    assert kiosk.state is State.PHONE_NOT_READ and kiosk.controller.snapshot.message
    click(qtbot, kiosk.screen.back)
    assert kiosk.state is State.PHONE_KIND
    click(qtbot, kiosk.screen.back)
    assert kiosk.state is State.IDLE and kiosk.controller.reception.record is None


def test_a_revoked_phone_after_a_change_is_refused_with_what_to_do(qtbot, kiosks):
    kiosk = kiosks("36_phone_old_revoked.toml")
    start(qtbot, kiosk, "iphone")
    kiosk.phones.select("hanako")
    click(qtbot, kiosk.phones.biometric)
    click(qtbot, kiosk.phones.hold)
    settle(qtbot, kiosk, State.FALLBACK)
    assert "機種変更" in kiosk.controller.snapshot.fallback.cause
    assert "機種変更" in visible_text(kiosk.screen)


def test_a_phone_on_the_face_reader_is_not_read_as_a_card(qtbot, kiosks):
    kiosk = kiosks("32_phone_android.toml")
    kiosk.phones.select("taro")
    click(qtbot, kiosk.phones.on_face_reader)
    settle(qtbot, kiosk, State.READ_FAILED)
    click(qtbot, kiosk.phones.take)
    settle(qtbot, kiosk, State.IDLE)


def test_a_clinic_without_a_phone_reader_offers_no_smartphone(qtbot, kiosks):
    kiosk = kiosks("34_phone_no_reader.toml")
    assert not kiosk.screen.phone.isVisibleTo(kiosk.screen)
    assert not kiosk.controller.snapshot.phone_offered
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "32_phone_android.toml"))
    assert kiosk.screen.phone.isVisibleTo(kiosk.screen)  # the next clinic has one


def test_the_phone_picker_lists_only_people_with_a_phone(qtbot, kiosks):
    kiosk = kiosks("39_phone_child.toml")
    assert list(kiosk.phones.choices) == ["hanako"]  # さくら (7) cannot have one
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "01_child_normal_visit.toml"))
    phones = kiosk.phones
    assert phones.choices == {} and phones.none_label.isVisibleTo(phones)
    # Nothing to do without a phone: no empty phone screen, no greyed-out buttons.
    controls = (
        phones.phone_screen,
        phones.biometric,
        phones.hold,
        phones.take,
        phones.on_face_reader,
        phones.reset,
    )
    assert not any(widget.isVisibleTo(phones) for widget in controls)
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "39_phone_child.toml"))
    assert all(widget.isVisibleTo(phones) for widget in controls)


def test_a_scenario_with_phones_leaves_no_phone_button_focused(qtbot, aloop, tmp_path) -> None:
    """The card page's focused 「カードを取る」 hidden by a scenario with phones: the focus went to 「かざす」, where
    a stray Space held the phone over the reader; it goes to the switch's 「スマートフォン」."""
    kiosk = make_kiosk(qtbot, tmp_path, "01_child_normal_visit.toml")
    try:
        window = kiosk.window
        window.activateWindow()
        window.card_picker.take.setFocus()
        kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "40_phone_family.toml"))
        QApplication.processEvents()
        assert window.pickers.stack.currentWidget() is kiosk.phones
        focus = window.focusWidget()
        assert focus is window.pickers.buttons[1], focus.text() if focus is not None else None
    finally:
        kiosk.controller.close()
