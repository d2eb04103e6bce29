"""The fallback screen's guidance (what to present at the desk) on a small screen: a patient does not scroll.

It fits whole in every mode, English in large text included (scenario 08 at 1366×768, seen cut by a reviewer;
English in large text scrolled in a user trial until its wording was tightened). Should a longer guidance ever
not fit, the first page ends after a whole line and the scroll bar is shown (the last test).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from mynakiosk.domain.fallback import FallbackReason, guidance_for, with_transitional
from mynakiosk.flow.machine import State
from mynakiosk.flow.snapshot import Snapshot
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from tests.gui import test_window_fit
from tests.gui.test_window_fit import MODES, SCREENS, on_screen, set_mode

pytestmark = pytest.mark.gui
restore_look = test_window_fit.restore_look  # the fixture: Japanese and the normal look again after each


def show_fallback(kiosk, mode: str, screen_name: str, reason: FallbackReason) -> QScrollArea:
    # Scenario 08's practice date line takes a line (two in large text) from the reader, as in the review.
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "08_pin_locked.toml"))
    set_mode(kiosk, *MODES[mode])
    on_screen(kiosk, SCREENS[screen_name])
    window = kiosk.window
    window.build_all_screens()
    screen = window.screens[State.FALLBACK]
    guidance = with_transitional(guidance_for(reason), dt.date(2026, 1, 15))  # the longest document list
    screen.show_snapshot(Snapshot(State.FALLBACK, tries_left=0, fallback=guidance, visual_offered=True))
    window.stack.setCurrentWidget(screen)
    QApplication.processEvents()
    area = screen.findChild(QScrollArea)
    assert area is not None and guidance.child_note  # the child's note too: the fullest guidance
    return area


@pytest.mark.parametrize("reason", [FallbackReason.PIN_LOCKED, FallbackReason.NO_PIN_SET])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("screen_name", SCREENS)
def test_the_fallback_guidance_fits_without_scrolling(
    qtbot, kiosk, restore_look, screen_name, mode, reason
) -> None:
    area = show_fallback(kiosk, mode, screen_name, reason)
    body, shown = area.widget(), area.viewport().height()
    assert body.minimumHeight() <= shown, f"{body.minimumHeight()} px of guidance in {shown} px"
    assert not area.verticalScrollBar().isVisible()


def test_guidance_too_long_to_fit_shows_whole_lines_and_a_scroll_bar(qtbot, kiosk, restore_look) -> None:
    area = show_fallback(kiosk, "English, large text", "1366x768", FallbackReason.PIN_LOCKED)
    screen = kiosk.window.screens[State.FALLBACK]
    screen.child_note.setText("\n".join(["A note much longer than any guidance has."] * 12))
    QApplication.processEvents()
    body, shown = area.widget(), area.viewport().height()
    assert body.minimumHeight() > shown
    assert area.verticalScrollBar().isVisible()
    for label in body.findChildren(QLabel):
        top = label.y() + label.contentsRect().top()
        if label.text() and top < shown < label.y() + label.height():
            line = label.fontMetrics().lineSpacing()
            assert (shown - top) % line == 0, f"a line of {label.text()[:30]!r} cut at the bottom"
