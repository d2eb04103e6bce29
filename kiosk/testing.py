"""pytest plugin for other projects: a running kiosk on the in-process reader, and helpers to drive it.

Installed with the package (entry point ``pytest11``), so a project that depends on ``kiosk`` gets these
fixtures with no import:

* ``kiosk_reader``: a fresh :class:`VirtualReader`;
* ``kiosk_scenario``: the default scenario (override the fixture to use another file);
* ``kiosk_app``: a :class:`KioskDriver` around a real FlowController and window, offscreen;
* ``kiosk_event_loop`` / ``kiosk_aloop``: the one qasync loop of the session, never stopped
  (``loop.stop()`` would call ``QApplication.exit()`` and silently break every later ``qtbot`` wait).

Example::

    def test_child_visit(kiosk_app):
        kiosk_app.place("sakura")
        kiosk_app.choose_pin()
        kiosk_app.enter_pin("1234")
        kiosk_app.wait_state("consent")
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.virtual import VirtualReader

if TYPE_CHECKING:
    from collections.abc import Iterator


def make_card(holder: str = "テスト 花子", pin: str | None = "1234", **profile: Any) -> MyNumberCard:
    """An emulated My Number card; keyword arguments are CardProfile fields (see docs/hardware.md)."""
    return MyNumberCard(CardProfile(holder, pin, **profile))


@dataclass
class KioskDriver:
    """A kiosk on the virtual reader, driven as a person would (for other projects' pytest-qt tests)."""

    qtbot: Any
    reader: VirtualReader
    controller: Any  # kiosk.ui.controller.FlowController
    window: Any  # kiosk.ui.main_window.MainWindow
    timeout_ms: int = 5000

    @property
    def state(self) -> str:
        return self.controller.snapshot.state.value

    @property
    def records(self) -> list[Any]:
        return self.controller.records

    def wait_state(self, state: str) -> None:
        self.qtbot.waitUntil(
            lambda: self.state == state and not self.controller.busy, timeout=self.timeout_ms
        )

    def place(self, who: str | MyNumberCard) -> None:
        """Place a persona's card (by id) or any emulated card, and wait for the read to finish."""
        card = who if not isinstance(who, str) else {p.key: p for p in self.controller.personas}[who].card
        self.reader.insert(card)
        self.qtbot.waitUntil(
            lambda: not self.controller.busy and self.state != "reading", timeout=self.timeout_ms
        )

    def remove(self) -> None:
        self.reader.remove()

    def choose_pin(self) -> None:
        self.controller.choose_pin()

    def enter_pin(self, digits: str) -> None:
        """Type on the on-screen keypad and press 確定; waits until the card has answered."""
        from PySide6.QtCore import Qt

        screen = self.window.pin_screen
        for digit in digits:
            self.qtbot.mouseClick(screen.keys[digit], Qt.MouseButton.LeftButton)
        self.qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(
            lambda: not self.controller.busy and self.state != "verifying", timeout=self.timeout_ms
        )

    def answer(self, key: str) -> None:
        """Press an answer on a choice screen: all/individual, yes/no, electronic/paper."""
        from PySide6.QtCore import Qt

        self.qtbot.mouseClick(self.window.current_screen.buttons[key], Qt.MouseButton.LeftButton)


@pytest.fixture(scope="session")
def kiosk_event_loop(qapp: Any) -> Any:
    import qasync

    from mynakiosk.ui.theme import apply_theme

    apply_theme(qapp)
    loop = qasync.QEventLoop(qapp, already_running=True)  # never stop() or close() it
    asyncio.events._set_running_loop(None)  # running only inside kiosk_aloop
    return loop


@pytest.fixture
def kiosk_aloop(kiosk_event_loop: Any) -> Iterator[Any]:
    problems: list[dict[str, Any]] = []
    kiosk_event_loop.set_exception_handler(lambda _loop, context: problems.append(context))
    asyncio.events._set_running_loop(kiosk_event_loop)
    try:
        yield kiosk_event_loop
    finally:
        for task in asyncio.all_tasks(kiosk_event_loop):
            task.cancel()
        asyncio.events._set_running_loop(None)
    assert not problems, f"unhandled asyncio errors: {problems}"


@pytest.fixture
def kiosk_reader() -> Iterator[VirtualReader]:
    reader = VirtualReader()
    yield reader
    reader.close()


@pytest.fixture
def kiosk_scenario() -> Any:
    from mynakiosk.scenarios.loader import load_default

    return load_default()


@pytest.fixture
def kiosk_app(
    qtbot: Any, kiosk_aloop: Any, kiosk_reader: VirtualReader, kiosk_scenario: Any
) -> Iterator[KioskDriver]:
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.main_window import MainWindow

    controller = FlowController(kiosk_reader, scenario=kiosk_scenario)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    driver = KioskDriver(qtbot, kiosk_reader, controller, window)
    driver.wait_state("idle")
    yield driver
    controller.close()
