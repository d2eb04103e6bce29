"""pytest plugin for other projects: a running kiosk on the in-process reader, and helpers to drive it.

Installed with the package (entry point ``pytest11``; ``pip install "mynakiosk[pytest]"`` brings pytest-qt,
which the fixtures run on), so a project's tests get these fixtures with no import:

* ``kiosk_app``: a :class:`KioskDriver` around a real FlowController and window, offscreen;
* ``kiosk_reader``: a fresh in-process virtual reader;
* ``kiosk_scenario``: the scenario ``kiosk_app`` starts with (override it: ``return bundled_scenario("08_pin_locked")``);
* ``kiosk_event_loop`` / ``kiosk_aloop``: the one qasync loop of the session, never stopped.

and these helpers: :func:`make_card`, :func:`bundled_scenario`, :func:`bundled_scenario_names`,
:func:`personas`, :class:`State` (the reader's screens) and :meth:`KioskDriver.finish_visit`.

Loading the plugin costs a host's pytest run nothing it does not use: this module imports only pytest;
Qt, qasync and the card emulation are imported by the fixtures that need them. ``kiosk_app`` puts the kiosk's
font and stylesheet on the shared QApplication for its test only, and gives the host's back afterwards.

Example (docs/testing.md has a whole consumer project)::

    from mynakiosk.testing import State

    def test_child_visit(kiosk_app):
        kiosk_app.place("sakura")
        kiosk_app.choose_pin()
        kiosk_app.enter_pin("1234")
        kiosk_app.wait_state(State.CONSENT)
        record = kiosk_app.finish_visit()
        assert record.outcome == "complete"
"""

from __future__ import annotations

import gc
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest

from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot
    from qasync import QEventLoop

    from mynakiosk.domain.visit import ReceptionRecord
    from mynakiosk.flow.machine import State
    from mynakiosk.flow.reception import Snapshot
    from mynakiosk.personas import Persona
    from mynakiosk.scenarios.loader import Scenario
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.main_window import MainWindow
    from mynakiosk_hardware.card import MyNumberCard
    from mynakiosk_hardware.readers.virtual import VirtualReader

__all__ = [
    "KioskDriver",
    "KioskTimeout",
    "State",
    "bundled_scenario",
    "bundled_scenario_names",
    "make_card",
    "personas",
]


def __getattr__(name: str) -> Any:
    """``State`` and ``USUAL_ANSWERS`` without importing the flow when the plugin loads.

    ``USUAL_ANSWERS``: how :meth:`KioskDriver.finish_visit` answers the questions after the identity check
    unless told otherwise, by state name (register the card, consent to everything, no 高額療養費 or
    医療費助成, an electronic prescription). Each question screen declares its own
    (``Declaration.usual_answer``, ``flow/machine.py``), so a new one needs no row here.
    """
    if name == "State":
        from mynakiosk.flow.machine import State

        return State
    if name == "USUAL_ANSWERS":
        return {state.name: key for state, key in _usual_answers().items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_card(holder: str = "テスト 花子", pin: str | None = "1234", **profile: Any) -> MyNumberCard:
    """An emulated My Number card; keyword arguments are CardProfile fields (see docs/hardware.md)."""
    from mynakiosk_hardware.card import MyNumberCard
    from mynakiosk_hardware.profile import CardProfile

    return MyNumberCard(CardProfile(holder, pin, **profile))


def bundled_scenario_names() -> list[str]:
    """The names of the bundled scenarios (``kiosk scenario list``): ``01_child_normal_visit`` …"""
    from mynakiosk.scenarios.loader import library

    return [path.stem for path in library()]


def bundled_scenario(name: str) -> Scenario:
    """A bundled scenario by name (``08_pin_locked``, or ``pin_locked`` when only one name ends so), or a
    scenario file by path."""
    from mynakiosk.scenarios.loader import find_scenario, load_scenario

    return load_scenario(find_scenario(name))


def personas(scenario: Scenario | str | None = None) -> list[Persona]:
    """The people with a card in ``scenario`` (a Scenario, a bundled name; default: the family visit).

    Each has a ``key`` (what :meth:`KioskDriver.place` takes), ``name``, ``relation``, ``age`` and
    ``practice_pin``.
    """
    from mynakiosk.scenarios.loader import load_default

    if scenario is None:
        scenario = load_default()
    elif isinstance(scenario, str):
        scenario = bundled_scenario(scenario)
    return scenario.personas()


class KioskTimeout(AssertionError):
    """The kiosk did not get where a test waited for it; the message says where it is instead."""


def _usual_answers() -> dict[State, str]:
    """Each question screen's declared usual answer (the key of the button :meth:`KioskDriver.answer` presses)."""
    from mynakiosk.flow.machine import STATES

    return {state: declared.usual_answer for state, declared in STATES.items() if declared.usual_answer}


@record(frozen=False)
class KioskDriver:
    """A kiosk on the in-process virtual reader, driven as a person would (for pytest-qt tests).

    Each action waits until the kiosk has finished what it set off (card reads, PIN checks), so a test
    reads :attr:`state` right after it. Waits time out after ``timeout_ms`` with :class:`KioskTimeout`.
    """

    qtbot: QtBot
    reader: VirtualReader
    controller: FlowController
    window: MainWindow
    timeout_ms: int = 5000

    @property
    def state(self) -> State:
        """The screen the reader shows now."""
        return self.controller.snapshot.state

    @property
    def snapshot(self) -> Snapshot:
        """What the screens show now: the state, tries left, the fallback's guidance (``.fallback``) …"""
        return self.controller.snapshot

    @property
    def records(self) -> list[ReceptionRecord]:
        """Each visit that ended (受付完了 or the fallback), oldest first (the last ``RECENT_RECORDS``)."""
        return list(self.controller.records)

    @property
    def personas(self) -> list[Persona]:
        """The people with a card in the current scenario."""
        return self.controller.personas

    def wait_state(self, state: State | str, *, timeout_ms: int | None = None) -> None:
        """Wait until the reader shows ``state`` and no card work is in flight.

        ``state`` is a :class:`State` (or its name or value: ``"METHOD_SELECT"``, ``"method select"``); an
        unknown one fails at once with the list of states.
        """
        wanted = _as_state(state)
        self._wait(
            lambda: self.state is wanted and not self.controller.busy,
            f"the kiosk did not reach {wanted}",
            timeout_ms,
        )

    def place(self, who: str | MyNumberCard) -> None:
        """Place a persona's card (by key: ``"sakura"``) or any emulated card, and wait for the read."""
        from mynakiosk.flow.machine import State

        if isinstance(who, str):
            found = {p.key: p for p in self.personas}
            if who not in found:
                raise ValueError(f"no persona {who!r} in this scenario; there are: {', '.join(found)}")
            card = found[who].card
        else:
            card = who
        self.reader.insert(card)
        self._wait(
            lambda: not self.controller.busy and self.state not in (State.IDLE, State.READING),
            "the card was not read",
        )

    def remove(self) -> None:
        """Take the card off the reader (the reader returns to idle, or says so in the fallback)."""
        self.reader.remove()

    def choose_pin(self) -> None:
        """Choose 暗証番号 on the method screen."""
        from mynakiosk.flow.intents import ChoosePin

        self.controller.handle(ChoosePin())

    def enter_pin(self, digits: str) -> None:
        """Type on the on-screen keypad and press 確定; waits until the card has answered."""
        from PySide6.QtCore import Qt

        from mynakiosk.flow.machine import State

        screen = self.window.pin_screen
        for digit in digits:
            self.qtbot.mouseClick(screen.keys[digit], Qt.MouseButton.LeftButton)
        self.qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
        self._wait(
            lambda: not self.controller.busy and self.state not in (State.VERIFYING, State.QUALIFYING),
            "the PIN was not checked",
        )

    def answer(self, key: str) -> None:
        """Press an answer on a choice screen: ``all``/``individual``, ``yes``/``no``, ``electronic``/``paper``."""
        from PySide6.QtCore import Qt

        buttons = getattr(self.window.current_screen, "buttons", {})
        if key not in buttons:
            raise ValueError(f"no answer {key!r} on the {self.state} screen; it offers: {', '.join(buttons)}")
        self.qtbot.mouseClick(buttons[key], Qt.MouseButton.LeftButton)
        self._wait(lambda: not self.controller.busy, "the answer was not taken")

    def finish_visit(self, answers: Mapping[State, str] | None = None) -> ReceptionRecord | None:
        """Answer the questions left (see :data:`USUAL_ANSWERS`; ``answers`` overrides them by state), take the
        card and wait for the idle screen. Returns the visit's record, or None when the visit ended without
        one (cancelled, a card that could not be read). Call it after the identity check, or at an end screen.
        """
        from mynakiosk.flow.machine import State

        chosen = _usual_answers() | dict(answers or {})
        # The newest record before, by identity: the count stops growing once the controller keeps its maximum.
        previous = self.controller.records[-1] if self.controller.records else None
        while self.state in chosen:
            before = self.state
            self.answer(chosen[before])
            self._wait(partial(self._moved_from, before), f"the answer on {before} was not taken")
        ended = (State.COMPLETE, State.FALLBACK, State.CANCELLED, State.READ_FAILED, State.IDLE)
        if self.state not in ended:
            raise ValueError(
                f"finish_visit goes on after the identity check; the kiosk is at {self.state}"
                " (place a card, choose_pin and enter_pin first)"
            )
        self.remove()
        self.wait_state(State.IDLE)
        newest = self.controller.records[-1] if self.controller.records else None
        return newest if newest is not previous else None

    def _moved_from(self, state: State) -> bool:
        return self.state is not state

    def _wait(self, condition: Callable[[], bool], what: str, timeout_ms: int | None = None) -> None:
        from pytestqt.exceptions import TimeoutError as QtBotTimeout

        timeout = self.timeout_ms if timeout_ms is None else timeout_ms
        try:
            self.qtbot.waitUntil(condition, timeout=timeout)
        except QtBotTimeout:
            busy = " (card work still in flight)" if self.controller.busy else ""
            raise KioskTimeout(f"{what} within {timeout} ms: it is at {self.state}{busy}") from None


def _as_state(state: State | str) -> State:
    from mynakiosk.flow.machine import State

    if isinstance(state, State):
        return state
    for candidate in State:
        if state in (candidate.name, candidate.value) or state.upper() == candidate.name:
            return candidate
    known = ", ".join(f"State.{s.name}" for s in State)
    raise ValueError(f"no kiosk state {state!r}; the states are: {known}")


@pytest.fixture(scope="session")
def kiosk_event_loop(qapp: QApplication) -> QEventLoop:
    """The session's one qasync event loop on pytest-qt's QApplication, for the kiosk's card work.

    Never stop or close it: ``loop.stop()`` calls ``QApplication.exit()`` and silently breaks every later
    ``qtbot`` wait. It is the running asyncio loop only inside ``kiosk_aloop``.
    """
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)  # running only inside kiosk_aloop
    return loop


@pytest.fixture
def kiosk_aloop(kiosk_event_loop: QEventLoop) -> Iterator[QEventLoop]:
    """The session's qasync loop as the running asyncio loop for one test; its tasks are cancelled after the
    test, and an error no task handled fails the test."""
    import asyncio

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
    """A fresh in-process virtual reader (no pcscd); ``kiosk_app`` runs on it. Closed after the test."""
    from mynakiosk_hardware.readers.virtual import VirtualReader

    reader = VirtualReader()
    yield reader
    reader.close()


@pytest.fixture
def kiosk_scenario() -> Scenario:
    """The scenario ``kiosk_app`` starts with: the 山田 family's visit. Override the fixture for another::

    @pytest.fixture
    def kiosk_scenario():
        return bundled_scenario("08_pin_locked")
    """
    from mynakiosk.scenarios.loader import load_default

    return load_default()


@pytest.fixture
def kiosk_app(
    qtbot: QtBot,
    qapp: QApplication,
    kiosk_aloop: QEventLoop,
    kiosk_reader: VirtualReader,
    kiosk_scenario: Scenario,
) -> Iterator[KioskDriver]:
    """A kiosk window on ``kiosk_reader`` with ``kiosk_scenario``, at the idle screen: a :class:`KioskDriver`.

    The kiosk's font and stylesheet are on the QApplication during the test only: the host's are put back
    afterwards, so the host's other tests see their own look.
    """
    from mynakiosk.flow.machine import State
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.main_window import MainWindow
    from mynakiosk.ui.theme import apply_theme

    host_font, host_style = qapp.font(), qapp.styleSheet()
    apply_theme(qapp)
    # The kiosk's threads must not run the garbage collector on its Qt objects (mynakiosk.ui.collector):
    # during the test nothing collects automatically; afterwards this (GUI) thread collects.
    collecting = gc.isenabled()
    gc.disable()
    controller = FlowController(kiosk_reader, scenario=kiosk_scenario)
    try:
        window = MainWindow(controller)
        qtbot.addWidget(window)
        controller.start()
        driver = KioskDriver(qtbot, kiosk_reader, controller, window)
        driver.wait_state(State.IDLE)
        yield driver
    finally:
        controller.close()
        qapp.setStyleSheet(host_style)
        qapp.setFont(host_font)
        gc.collect()
        if collecting:
            gc.enable()
