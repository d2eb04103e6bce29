"""Render the kiosk's screens to PNG (docs/screens/) by driving the real app on the virtual reader.

    .venv/bin/python scripts/render_screens.py [OUTPUT_DIR]

Runs offscreen; the images show exactly what a person sees, in the bundled font.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from hardware.card import OtherCard
from hardware.readers.virtual import VirtualReader
from kiosk.app import application
from kiosk.flow.machine import State
from kiosk.flow.reception import FaceCondition
from kiosk.roster import Roster, uid_key
from kiosk.scenarios.loader import load_default, load_scenario, scenarios_dir
from kiosk.ui.controller import FlowController
from kiosk.ui.main_window import MainWindow
from kiosk.ui.staff_console import StaffConsole


async def until(condition, what: str, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.01)


async def render(out: Path) -> None:
    reader = VirtualReader()
    training = OtherCard("練習用NFCカード", uid=bytes.fromhex("04C0FFEE1234"))
    roster = Roster(None, {uid_key(training.uid): "sakura"})
    controller = FlowController(reader, scenario=load_default(), roster=roster)
    window = MainWindow(controller)
    console = StaffConsole(controller)
    console.resize(1100, 700)
    controller.start()
    window.show()
    QApplication.processEvents()
    picker = window.card_picker
    assert picker is not None

    def shot(name: str) -> None:
        QApplication.processEvents()
        path = out / f"{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        print(path)

    async def reach(state: State) -> None:
        await until(lambda: controller.snapshot.state is state and not controller.busy, state.name)

    async def start_visit(scenario_file: str | None, who: str) -> None:
        """Take any card away, switch scenario if asked, place ``who``'s card, wait for the method screen."""
        if reader.card_present():
            reader.remove()
            await reach(State.IDLE)
        if scenario_file is not None:
            controller.load_scenario(load_scenario(scenarios_dir() / scenario_file))
        picker.select(who)
        picker.place.click()
        await reach(State.METHOD_SELECT)

    async def enter(digits: str, then: State) -> None:
        for digit in digits:
            window.pin_screen.keys[digit].click()
        window.pin_screen.confirm.click()
        await reach(then)

    await reach(State.IDLE)
    shot("01-idle")
    picker.select("sakura")
    picker.place.click()
    await reach(State.METHOD_SELECT)
    shot("02-method-select")
    window.current_screen.pin.click()
    for digit in "12":
        window.pin_screen.keys[digit].click()
    shot("03-pin-entry")
    window.pin_screen.clear()
    await enter("0000", State.PIN_ENTRY)
    shot("04-wrong-pin")
    await enter("1234", State.CONSENT)
    shot("05-consent")
    window.current_screen.buttons["individual"].click()
    detail = window.current_screen
    for topic, (yes, no) in detail.rows.items():
        (no if topic == "手術" else yes).click()
    shot("06-consent-individual")
    detail.next.click()
    shot("07-high-cost")
    window.current_screen.buttons["no"].click()
    shot("08-subsidy")
    window.current_screen.buttons["yes"].click()
    await reach(State.COMPLETE)
    shot("09-complete")
    picker.take.click()
    await reach(State.IDLE)
    picker.place.click()
    await reach(State.METHOD_SELECT)
    window.current_screen.pin.click()
    for wrong in ("0000", "1111"):
        await enter(wrong, State.PIN_ENTRY)
    await enter("2222", State.FALLBACK)
    shot("10-fallback-pin-locked")
    picker.take.click()
    picker.reset_selected()
    picker.select("other")
    picker.place.click()
    await reach(State.READ_FAILED)
    shot("11-read-failed")
    picker.take.click()
    reader.insert(training)
    await reach(State.METHOD_SELECT)
    shot("12-training-card")
    await start_visit("07_mislinked.toml", "sakura")
    window.current_screen.pin.click()
    await enter("1234", State.CONSENT)
    window.current_screen.buttons["all"].click()
    window.current_screen.buttons["no"].click()
    await reach(State.COMPLETE)
    QApplication.processEvents()
    path = out / "13-staff-console-mislinked.png"
    console.grab().save(str(path))
    print(path)
    await start_visit("03_job_change_pending.toml", "sakura")
    window.current_screen.pin.click()
    await enter("1234", State.FALLBACK)
    shot("14-fallback-not-qualified")
    await start_visit("01_child_normal_visit.toml", "sakura")
    window.current_screen.face.click()
    window.current_screen.conditions[FaceCondition.MASK].click()
    await reach(State.FACE)
    shot("15-face-mask")
    window.current_screen.conditions[FaceCondition.FRONT].click()
    await reach(State.FACE)
    shot("16-face-child-not-matched")
    window.current_screen.staff.click()
    shot("17-visual-check")
    controller.inactivity_timer.stop()
    controller._inactive()
    shot("18-cancelled")
    await start_visit("13_not_registered.toml", "sakura")
    window.current_screen.pin.click()
    await enter("1234", State.REGISTRATION)
    shot("19-registration")
    reader.remove()
    await reach(State.IDLE)
    picker.select("paper")
    picker.place.click()
    shot("20-paper-card")
    picker.take.click()
    controller.close()
    window.close()
    console.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screens")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(render(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
