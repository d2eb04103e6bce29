"""Pacing without Qt: the waiting screens (読み取り中, 確認中, 認証中) stay for their time, on a fake timer."""

from __future__ import annotations

import pytest

from mynakiosk.flow.machine import STATES, State, Wait
from mynakiosk.flow.reception import Snapshot
from mynakiosk.ui.pacing import PERCEPTIBLE_SECONDS, REAL_SECONDS, Pace, Pacer, hold_seconds


class Clock:
    """A fake single-shot timer that is also the clock: time moves only when the test says so."""

    def __init__(self) -> None:
        self.now_ms = 0
        self.due_ms: int | None = None
        self.pacer: Pacer | None = None

    def start(self, msec: int) -> None:
        self.due_ms = self.now_ms + msec

    def stop(self) -> None:
        self.due_ms = None

    def advance(self, msec: int) -> None:
        """Let ``msec`` pass; the timer runs out at its due time (and may be started again meanwhile)."""
        end = self.now_ms + msec
        while self.due_ms is not None and self.due_ms <= end:
            self.now_ms, self.due_ms = self.due_ms, None
            assert self.pacer is not None
            self.pacer.release()
        self.now_ms = end


def paced(pace: Pace) -> tuple[Pacer, Clock, list[tuple[int, State]]]:
    clock = Clock()
    shown: list[tuple[int, State]] = []
    pacer = Pacer(lambda s: shown.append((clock.now_ms, s.state)), clock, pace)
    clock.pacer = pacer
    return pacer, clock, shown


def test_every_waiting_screen_has_a_real_duration_and_none_is_shorter_than_perceptible():
    waits = {d.wait for d in STATES.values() if d.wait is not None}
    assert waits == set(Wait) == set(REAL_SECONDS)
    for wait in Wait:
        assert hold_seconds(Pace.OFF, wait) == 0
        assert hold_seconds(Pace.FAST, wait) == PERCEPTIBLE_SECONDS
        assert PERCEPTIBLE_SECONDS <= hold_seconds(Pace.REAL, wait) <= 5
    assert all(hold_seconds(pace, None) == 0 for pace in Pace)
    # Perceptible: well above the 0.1 s that reads as instantaneous, no longer than a short read.
    assert 0.8 <= PERCEPTIBLE_SECONDS <= 1.5


def test_off_shows_every_snapshot_at_once():
    pacer, clock, shown = paced(Pace.OFF)
    for state in (State.READING, State.METHOD_SELECT, State.PIN_ENTRY, State.VERIFYING, State.QUALIFYING):
        pacer.submit(Snapshot(state))
    assert [s for _t, s in shown] == [
        State.READING,
        State.METHOD_SELECT,
        State.PIN_ENTRY,
        State.VERIFYING,
        State.QUALIFYING,
    ]
    assert clock.due_ms is None and not pacer.behind


def test_reading_stays_for_its_time_before_the_method_choice():
    pacer, clock, shown = paced(Pace.FAST)
    pacer.submit(Snapshot(State.READING))
    clock.advance(30)  # the simulated card answers in milliseconds
    pacer.submit(Snapshot(State.METHOD_SELECT))
    assert shown == [(0, State.READING)] and pacer.behind
    clock.advance(round(PERCEPTIBLE_SECONDS * 1000) - 31)
    assert shown == [(0, State.READING)]
    clock.advance(1)
    assert shown == [(0, State.READING), (1000, State.METHOD_SELECT)] and not pacer.behind


def test_each_waiting_screen_in_a_row_gets_its_own_time():
    """確認中, then 資格確認中, then 同意: each waiting screen is seen, the question follows the last."""
    pacer, clock, shown = paced(Pace.REAL)
    for state in (State.VERIFYING, State.QUALIFYING, State.CONSENT):
        pacer.submit(Snapshot(state))
    pin_check = round(REAL_SECONDS[Wait.PIN_CHECK] * 1000)
    qualification = round(REAL_SECONDS[Wait.QUALIFICATION] * 1000)
    clock.advance(pin_check + qualification)
    assert shown == [
        (0, State.VERIFYING),
        (pin_check, State.QUALIFYING),
        (pin_check + qualification, State.CONSENT),
    ]


def test_updates_of_a_question_are_shown_at_once():
    pacer, clock, shown = paced(Pace.FAST)
    pacer.submit(Snapshot(State.METHOD_SELECT))
    pacer.submit(Snapshot(State.METHOD_SELECT, message="x"))
    assert len(shown) == 2 and clock.due_ms is None


def test_a_card_taken_away_is_shown_at_once_and_drops_what_was_queued():
    pacer, clock, shown = paced(Pace.FAST)
    pacer.submit(Snapshot(State.READING))
    pacer.submit(Snapshot(State.METHOD_SELECT))
    clock.advance(200)
    pacer.submit(Snapshot(State.IDLE))
    assert [s for _t, s in shown] == [State.READING, State.IDLE]
    assert clock.due_ms is None and not pacer.behind
    clock.advance(5000)
    assert [s for _t, s in shown] == [State.READING, State.IDLE]  # the method choice never comes back


def test_a_face_capture_shows_authenticating_then_its_prompt():
    """A repeated tap: 認証中 each time, for its time, before the prompt comes back."""
    pacer, clock, shown = paced(Pace.FAST)
    for attempt in (1, 2):
        pacer.submit(Snapshot(State.FACE_MATCHING, face_attempt=attempt))
        pacer.submit(Snapshot(State.FACE, face_attempt=attempt, message="マスクを外してください。"))
        assert shown[-1][1] is State.FACE_MATCHING
        clock.advance(1000)
        assert shown[-1][1] is State.FACE
    assert [s for _t, s in shown] == [State.FACE_MATCHING, State.FACE] * 2


@pytest.mark.parametrize("pace", list(Pace))
def test_stop_shows_what_is_queued(pace):
    pacer, clock, shown = paced(pace)
    pacer.submit(Snapshot(State.QUALIFYING))
    pacer.submit(Snapshot(State.CONSENT))
    pacer.stop()
    assert [s for _t, s in shown] == [State.QUALIFYING, State.CONSENT] and clock.due_ms is None
