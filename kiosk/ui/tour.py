"""A walk through every screen of the real app on the virtual reader, stopping at each one.

Used by ``scripts/render_screens.py`` (the docs' screenshots, in each language) and by the tests that look at
every screen (all text translated, nothing clipped). Runs on the asyncio loop of the caller (qasync).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from mynakiosk.domain.desk import PresentedDocument
from mynakiosk.domain.identity import FaceCondition
from mynakiosk.flow.machine import State
from mynakiosk.roster import Roster, uid_key
from mynakiosk.scenarios.loader import load_default, load_scenario, scenarios_dir
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.fake_timer import FakeTimer
from mynakiosk.ui.main_window import MainWindow
from mynakiosk.ui.pacing import Pace
from mynakiosk.ui.screens import (
    ConsentScreen,
    HighCostScreen,
    IdleScreen,
    PhoneKindScreen,
    PhoneNotReadScreen,
    PhonePinScreen,
    Screen,
)
from mynakiosk.ui.staff_console import StaffConsole
from mynakiosk_hardware.card import OtherCard, OtherCardKind
from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER, VirtualReader
from mynakiosk_hardware.records import record

#: A plain NFC card enrolled as さくら's training card.
TRAINING_CARD_UID = bytes.fromhex("04C0FFEE1234")

Stop = Callable[[str, QWidget], None]
ShownScreen = TypeVar("ShownScreen", bound=Screen)


@record(frozen=False)
class TourKiosk:
    """The kiosk the screen tour walks: reader, controller, window and staff console."""

    reader: VirtualReader
    phone_reader: VirtualReader  # the 汎用カードリーダー beside it
    controller: FlowController
    window: MainWindow
    console: StaffConsole
    pace_timer: FakeTimer  # the waiting screens (読み取り中, 確認中, 認証中) stay until the tour moves on

    def close(self) -> None:
        self.controller.close()
        self.window.close()
        self.console.close()


def make_kiosk() -> TourKiosk:
    """A kiosk on a fresh virtual reader with the default household and one enrolled training card."""
    reader = VirtualReader()
    phone_reader = VirtualReader(VIRTUAL_PHONE_READER)
    roster = Roster(None, {uid_key(TRAINING_CARD_UID): "sakura"})
    pace_timer = FakeTimer()
    controller = FlowController(
        reader,
        scenario=load_default(),
        roster=roster,
        phone_reader=phone_reader,
        pace=Pace.FAST,
        pace_timer=pace_timer,
    )
    pace_timer.setParent(controller)  # freed with the controller, on the GUI thread
    window = MainWindow(controller)
    console = StaffConsole(controller)
    console.resize(1100, 700)
    controller.start()
    console.show()  # laid out like on a clinic's second screen
    window.show()
    return TourKiosk(reader, phone_reader, controller, window, console, pace_timer)


def shown(window: MainWindow, kind: type[ShownScreen]) -> ShownScreen:
    """The screen shown now, which the tour expects to be a ``kind``: it presses that screen's buttons."""
    screen = window.current_screen
    assert isinstance(screen, kind), (
        f"the tour expected {kind.__name__}, the window shows {type(screen).__name__}"
    )
    return screen


async def until(
    condition: Callable[[], bool],
    what: str,
    timeout: float = 10.0,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError(f"the tour did not reach: {what}")
        if meanwhile is not None:
            meanwhile()
        await asyncio.sleep(0.01)


async def tour(kiosk: TourKiosk, stop: Stop) -> list[str]:
    """Go through every screen; call ``stop(name, widget)`` at each. Returns the names in order."""
    reader, controller, window, console = kiosk.reader, kiosk.controller, kiosk.window, kiosk.console
    picker = window.card_picker
    assert picker is not None
    names: list[str] = []

    def screen() -> Any:
        """The screen shown now: the tour knows which one it reached, and presses its buttons by name."""
        return window.current_screen

    def at(name: str, widget: QWidget | None = None) -> None:
        # Layout requests post further layout requests up the widget tree: let the chain run out.
        for _ in range(5):
            QApplication.processEvents()
        names.append(name)
        stop(name, widget or window)

    def move_on() -> None:
        """A waiting screen on show has had its time (the tour's pace timer runs out when it says so)."""
        if kiosk.pace_timer.active:
            kiosk.pace_timer.fire()

    async def reach(state: State) -> None:
        await until(
            lambda: controller.snapshot.state is state and not controller.busy, state.name, meanwhile=move_on
        )

    async def on_show(state: State) -> None:
        """A waiting screen is on show (it stays until the tour moves on) and the card work behind it is done
        (``at`` runs Qt's events: card work must not be resumed from inside the tour's own task)."""
        await until(lambda: controller.snapshot.state is state and not controller.working, state.name)

    async def start_visit(scenario_file: str | None, who: str) -> None:
        """Take any card away, switch scenario if asked, place ``who``'s card, wait for the method screen."""
        if reader.card_present():
            reader.remove()
            await reach(State.IDLE)
        if scenario_file is not None:
            controller.load_scenario(load_scenario(scenarios_dir() / scenario_file))
        assert window.card_picker is not None
        window.card_picker.select(who)
        window.card_picker.place.click()
        await reach(State.METHOD_SELECT)

    async def enter(digits: str, then: State) -> None:
        for digit in digits:
            window.pin_screen.keys[digit].click()
        window.pin_screen.confirm.click()
        await reach(then)

    await reach(State.IDLE)
    at("01-idle")
    picker.select("sakura")
    picker.place.click()
    await on_show(State.READING)
    at("01b-reading")
    await reach(State.METHOD_SELECT)
    at("02-method-select")
    screen().pin.click()
    for digit in "12":
        window.pin_screen.keys[digit].click()
    at("03-pin-entry")
    window.pin_screen.clear()
    await enter("0000", State.PIN_ENTRY)
    at("04-wrong-pin")
    for digit in "1234":
        window.pin_screen.keys[digit].click()
    window.pin_screen.confirm.click()
    await on_show(State.VERIFYING)
    at("04b-verifying")
    move_on()
    await on_show(State.QUALIFYING)
    at("04c-qualifying")
    await reach(State.CONSENT)
    at("05-consent")
    screen().buttons["individual"].click()
    detail = screen()
    for index, (yes, no) in enumerate(detail.rows.values()):
        (no if index == 1 else yes).click()  # no to the second topic (手術)
    at("06-consent-individual")
    detail.next.click()
    at("07-high-cost")
    screen().buttons["no"].click()
    at("08-subsidy")
    screen().buttons["yes"].click()
    await reach(State.COMPLETE)
    at("09-complete")
    picker.take.click()
    await reach(State.IDLE)
    picker.place.click()
    await reach(State.METHOD_SELECT)
    screen().pin.click()
    for wrong in ("0000", "1111"):
        await enter(wrong, State.PIN_ENTRY)
    await enter("2222", State.FALLBACK)
    at("10-fallback-pin-locked")
    picker.take.click()
    picker.reset_selected()
    picker.select("other")
    picker.place.click()
    await reach(State.READ_FAILED)
    at("11-read-failed")
    picker.take.click()
    reader.insert(OtherCard(OtherCardKind.NFC_TRAINING, uid=TRAINING_CARD_UID))
    await reach(State.METHOD_SELECT)
    at("12-training-card")
    await start_visit("07_mislinked.toml", "sakura")
    screen().pin.click()
    await enter("1234", State.CONSENT)
    screen().buttons["all"].click()
    screen().buttons["no"].click()
    await reach(State.COMPLETE)
    at("13-staff-console-mislinked", console)
    await start_visit("03_job_change_pending.toml", "sakura")
    screen().pin.click()
    await enter("1234", State.FALLBACK)
    at("14-fallback-not-qualified")
    await start_visit("01_child_normal_visit.toml", "sakura")
    screen().face.click()
    screen().conditions[FaceCondition.MASK].click()
    await reach(State.FACE)
    at("15-face-mask")
    screen().conditions[FaceCondition.FRONT].click()
    await on_show(State.FACE_MATCHING)
    at("15b-face-authenticating")
    await reach(State.FACE)
    at("16-face-child-not-matched")
    screen().staff.click()
    at("17-visual-check")
    controller.inactivity_timer.stop()
    controller._inactive()
    at("18-cancelled")
    await start_visit("13_not_registered.toml", "sakura")
    screen().pin.click()
    await enter("1234", State.REGISTRATION)
    at("19-registration")
    reader.remove()
    await reach(State.IDLE)
    assert window.card_picker is not None
    window.card_picker.select("paper")
    window.card_picker.place.click()
    at("20-paper-card")
    window.card_picker.take.click()
    await reach(State.IDLE)
    # 個別照会 at the desk: the お知らせ alone, today (the 暫定措置 ended on 2026-03-31).
    scenario = load_scenario(scenarios_dir() / "29_desk_notice_alone.toml")
    controller.load_scenario(scenario)
    sakura = next(p.person for p in scenario.people if p.person.id == "sakura")
    desk = console.open_desk_lookup()
    desk.fill(PresentedDocument.NOTICE, "06139991", "3150", "27", "02", sakura.birth_date)
    desk.look_up.click()
    at("21-desk-lookup", desk)
    desk.close()
    console.visual_button.click()  # no card on the reader: the console says why not
    at("21b-staff-console-visual-refused", console)
    await _phone_tour(kiosk, at, reach)
    return names


async def _phone_tour(
    kiosk: TourKiosk, at: Callable[..., None], reach: Callable[[State], Awaitable[None]]
) -> None:
    """The スマホ保険証 screens: Android (PIN here, a wrong one, the lock), iPhone (Face ID on the phone)."""
    controller, window, console = kiosk.controller, kiosk.window, kiosk.console
    controller.load_scenario(load_scenario(scenarios_dir() / "37_phone_pin_locked.toml"))
    await reach(State.IDLE)
    phones = window.phone_picker
    assert phones is not None
    at("22-idle-phone")
    shown(window, IdleScreen).phone.click()
    at("23-phone-kind")
    shown(window, PhoneKindScreen).android.click()
    for digit in "24":  # the card's PIN, not the phone's: a common mistake
        shown(window, PhonePinScreen).keys[digit].click()
    at("24-phone-pin")
    for digit in "68":
        shown(window, PhonePinScreen).keys[digit].click()
    shown(window, PhonePinScreen).confirm.click()
    at("25-phone-hold")
    phones.select("taro")
    for wrong in ("0000", "1111"):
        phones.hold_selected()
        await reach(State.PHONE_PIN)
        phones.take_phone()
        if wrong == "1111":
            at("26-phone-wrong-pin")
        for digit in wrong:
            shown(window, PhonePinScreen).keys[digit].click()
        shown(window, PhonePinScreen).confirm.click()
    phones.hold_selected()
    await reach(State.FALLBACK)
    at("27-fallback-phone-pin-locked")
    phones.take_phone()
    controller._inactive()  # the phone visit's last screen goes back to idle by itself
    await reach(State.IDLE)
    controller.load_scenario(load_scenario(scenarios_dir() / "33_phone_iphone.toml"))
    shown(window, IdleScreen).phone.click()
    shown(window, PhoneKindScreen).iphone.click()
    phones.select("hanako")
    phones.hold_selected()  # before Face ID on the iPhone
    await reach(State.PHONE_NOT_READ)
    at("28-phone-not-read")
    phones.take_phone()
    phones.authenticate_selected()
    shown(window, PhoneNotReadScreen).retry.click()
    at("29-phone-hold-iphone")
    phones.hold_selected()
    await reach(State.CONSENT)
    shown(window, ConsentScreen).buttons["all"].click()
    shown(window, HighCostScreen).buttons["no"].click()
    await reach(State.COMPLETE)
    at("30-complete-phone")  # before the phone is taken away: that ends the finished visit at once
    at("31-staff-console-phone", console)
    phones.take_phone()
    await reach(State.IDLE)
    controller.load_scenario(load_scenario(scenarios_dir() / "36_phone_old_revoked.toml"))
    shown(window, IdleScreen).phone.click()
    shown(window, PhoneKindScreen).iphone.click()
    phones.select("hanako")
    phones.authenticate_selected()
    phones.hold_selected()
    await reach(State.FALLBACK)
    at("32-fallback-phone-revoked")
    phones.take_phone()
    controller._inactive()
    await reach(State.IDLE)
    await _what_if_tour(kiosk, at, reach)


async def _what_if_tour(
    kiosk: TourKiosk, at: Callable[..., None], reach: Callable[[State], Awaitable[None]]
) -> None:
    """家族で練習の「もしも…」: the family with phones, a child's own phone held (it carries no card)."""
    from PySide6.QtWidgets import QScrollArea

    from mynakiosk.domain.practice import WhatIf

    window = kiosk.window
    practice, phones = window.practice, window.phone_picker
    assert practice is not None and phones is not None
    practice.choices.setCurrentIndex(practice.choices.findData(str(scenarios_dir() / "40_phone_family.toml")))
    practice.switch.click()
    practice.choose_what_if(WhatIf.CHILD_PHONE)
    screen: Any = window.current_screen
    screen.phone.click()
    screen = window.current_screen
    screen.iphone.click()
    phones.select("sakura")
    phones.authenticate_selected()
    phones.hold_selected()
    await reach(State.PHONE_NOT_READ)
    scroll = practice.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    holder = scroll.widget() if scroll is not None else None
    assert scroll is not None and holder is not None
    top = practice.mapTo(holder, practice.rect().topLeft()).y()
    scroll.verticalScrollBar().setValue(top)  # 家族で練習: the what-if's explanation, from its title
    at("33-practice-what-if-child-phone")
    phones.take_phone()
