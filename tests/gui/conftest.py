"""A kiosk window on the in-process virtual reader, driven through its real screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from mynakiosk.scenarios.loader import load_default
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.fake_timer import FakeTimer
from mynakiosk.ui.main_window import MainWindow
from mynakiosk_hardware.readers.virtual import VirtualReader

if TYPE_CHECKING:
    from mynakiosk.flow.machine import State
    from mynakiosk.personas import Persona


@dataclass
class Kiosk:
    window: MainWindow
    controller: FlowController
    reader: VirtualReader
    personas: dict[str, Persona]
    states: list[State]
    timer: FakeTimer

    @property
    def state(self) -> State:
        return self.controller.snapshot.state


@pytest.fixture
def kiosk(qtbot, aloop, tmp_path):
    reader = VirtualReader()
    timer = FakeTimer()
    controller = FlowController(
        reader, scenario=load_default(), result_folder=tmp_path / "results", inactivity_timer=timer
    )
    personas = controller.personas
    window = MainWindow(controller)
    qtbot.addWidget(window)
    states: list[State] = []
    controller.snapshot_changed.connect(lambda s: states.append(s.state))
    controller.start()
    window.show()
    qtbot.waitExposed(window)
    yield Kiosk(window, controller, reader, {p.key: p for p in personas}, states, timer)
    controller.close()
