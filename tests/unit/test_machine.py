"""The flow machine without Qt: every row of the table, that an event with no row is an error, and the
state declarations the table and the screens rely on."""

import logging

import pytest

from mynakiosk.domain.clinic import ClinicSettings
from mynakiosk.domain.visit import Outcome
from mynakiosk.flow.machine import (
    PHONE_STEPS,
    STATES,
    TRANSITIONS,
    Event,
    FlowMachine,
    State,
    UnexpectedEvent,
    Wait,
    next_after,
)


@pytest.mark.parametrize(("source", "event", "target"), [(s, e, t) for (s, e), t in TRANSITIONS.items()])
def test_every_transition(source, event, target):
    machine = FlowMachine(source)
    seen = []
    machine.subscribe(lambda *args: seen.append(args))
    assert machine.fire(event) is target
    assert seen == [(source, event, target)]


MISSING = [(s, e) for s in State for e in Event if (s, e) not in TRANSITIONS]


@pytest.mark.parametrize(("source", "event"), MISSING)
def test_events_without_a_row_raise_and_leave_the_state(source, event, caplog):
    machine = FlowMachine(source)
    with caplog.at_level(logging.ERROR, logger="kiosk.flow"), pytest.raises(UnexpectedEvent):
        machine.fire(event)
    assert machine.state is source
    assert any(event.name in r.getMessage() for r in caplog.records)


def test_card_removed_returns_to_idle_from_every_state_with_a_card():
    for state in State:
        if state in (State.IDLE, State.NO_READER):
            continue
        if state in PHONE_STEPS:  # the phone route puts no card on the face reader
            assert (state, Event.CARD_REMOVED) not in TRANSITIONS
            continue
        assert TRANSITIONS[(state, Event.CARD_REMOVED)] is State.IDLE


def test_complete_is_reached_only_through_a_verified_identity_and_the_qualification_check():
    """Every path from IDLE to COMPLETE passes an identity check (PIN accepted, face, staff 目視, or a phone
    that signed the challenge) first."""
    graph: dict[State, set[tuple[Event, State]]] = {}
    for (source, event), target in TRANSITIONS.items():
        graph.setdefault(source, set()).add((event, target))
    # Remove the edge that proves the identity: COMPLETE must become unreachable.
    cut = {
        (State.VERIFYING, Event.PIN_ACCEPTED),
        (State.VISUAL_CHECK, Event.VISUAL_CONFIRMED),
        (State.FACE_MATCHING, Event.FACE_MATCHED),
        (State.PHONE_READING, Event.PHONE_ACCEPTED),
    }
    seen, todo = {State.IDLE}, [State.IDLE]
    while todo:
        state = todo.pop()
        for event, target in graph.get(state, ()):
            if (state, event) in cut or target in seen:
                continue
            seen.add(target)
            todo.append(target)
    assert State.COMPLETE not in seen and State.CONSENT not in seen
    into_qualifying = {(s, e) for (s, e), t in TRANSITIONS.items() if t is State.QUALIFYING}
    assert into_qualifying == {
        (State.VERIFYING, Event.PIN_ACCEPTED),
        (State.VISUAL_CHECK, Event.VISUAL_CONFIRMED),
        (State.FACE_MATCHING, Event.FACE_MATCHED),
        (State.PHONE_READING, Event.PHONE_ACCEPTED),
        (State.REGISTRATION, Event.REGISTERED),
    }


# -- the declarations --------------------------------------------------------------------------


def test_every_state_is_declared_once_with_a_label_and_a_screen():
    assert list(STATES) == list(State)
    assert all(declared.label and declared.screen for declared in STATES.values())
    assert len({declared.screen for declared in STATES.values()}) == len(State)


def test_every_state_declares_why_staff_cannot_start_a_visual_check_there():
    """No fallback text: one left for "any other screen" told staff 「本人確認はもう済んでいます」 before it was."""
    assert [s for s, declared in STATES.items() if not declared.visual_refusal] == []


def test_the_staff_console_words_a_refusal_as_the_screen_declares_it(monkeypatch):
    from dataclasses import replace

    from mynakiosk.flow.snapshot import Snapshot
    from mynakiosk.flow.staff_actions import visual_check_refusal

    for state in State:
        declared = replace(STATES[state], visual_refusal=f"declared for {state.name}")
        monkeypatch.setitem(STATES, state, declared)
        assert visual_check_refusal(Snapshot(state)) == f"declared for {state.name}"
    assert visual_check_refusal(Snapshot(State.CONSENT, visual_offered=True)) == ""


def test_the_states_that_time_out_are_exactly_those_with_a_timeout_row():
    timing_out = {state: declared.on_timeout for state, declared in STATES.items() if declared.times_out}
    inactive = {s for s, event in timing_out.items() if event is Event.INACTIVITY}
    assert inactive == {s for (s, e) in TRANSITIONS if e is Event.INACTIVITY}
    assert all(TRANSITIONS[(s, Event.INACTIVITY)] is State.CANCELLED for s in inactive)
    # The wait for a phone over the 汎用カードリーダー ends in 「読み取れませんでした」 and a retry, not a cancel.
    assert {s: e for s, e in timing_out.items() if e is not Event.INACTIVITY} == {
        State.PHONE_HOLD: Event.HOLD_TIMEOUT
    }
    assert TRANSITIONS[(State.PHONE_HOLD, Event.HOLD_TIMEOUT)] is State.PHONE_NOT_READ
    assert TRANSITIONS[(State.PHONE_NOT_READ, Event.RETRY)] is State.PHONE_HOLD


def test_each_ending_state_reaches_its_outcome_and_the_idle_states_forget_the_visit():
    endings = {state: declared.ends_visit for state, declared in STATES.items() if declared.ends_visit}
    assert endings == {
        State.COMPLETE: Outcome.COMPLETE,
        State.FALLBACK: Outcome.FALLBACK,
        State.CANCELLED: Outcome.CANCELLED,
    }
    assert {s for s, d in STATES.items() if d.forgets_visit} == {State.IDLE, State.NO_READER}


def test_optional_screens_follow_in_declared_order_when_the_clinic_switched_them_on():
    optional = {s: d for s, d in STATES.items() if d.asked_by is not None or d.shown_if is not None}
    assert all(d.asked_by is not None and d.shown_if is not None for d in optional.values())
    for state, declared in optional.items():
        assert TRANSITIONS[(State.QUALIFYING, declared.asked_by)] is state
    both = ClinicSettings(prescription_screen=True, subsidy_screen=True)
    assert next_after(State.HIGH_COST, both) is Event.ASK_PRESCRIPTION
    assert next_after(State.PRESCRIPTION, both) is Event.ASK_SUBSIDY
    assert next_after(State.SUBSIDY, both) is Event.FINISH
    assert next_after(State.HIGH_COST, ClinicSettings(subsidy_screen=True)) is Event.ASK_SUBSIDY
    assert next_after(State.QUALIFYING, ClinicSettings()) is Event.FINISH


def test_the_waiting_screens_are_declared_and_have_nothing_to_press_or_time_out():
    """読み取り中, 確認中, 認証中, 資格確認中: the screens the presentation keeps in sight (ui/pacing.py)."""
    waiting = {state: declared.wait for state, declared in STATES.items() if declared.wait is not None}
    assert waiting == {
        State.READING: Wait.CARD_READ,
        State.VERIFYING: Wait.PIN_CHECK,
        State.FACE_MATCHING: Wait.FACE_MATCH,
        State.QUALIFYING: Wait.QUALIFICATION,
        State.PHONE_READING: Wait.PHONE_READ,
    }
    assert not any(STATES[state].times_out or STATES[state].forgets_visit for state in waiting)


def test_each_face_capture_passes_through_authenticating_before_its_verdict():
    assert TRANSITIONS[(State.FACE, Event.FACE_CAPTURED)] is State.FACE_MATCHING
    from_matching = {e: t for (s, e), t in TRANSITIONS.items() if s is State.FACE_MATCHING}
    assert from_matching[Event.FACE_MATCHED] is State.QUALIFYING
    assert from_matching[Event.FACE_NOT_MATCHED] is State.FACE
    assert from_matching[Event.FACE_LOCKED] is State.METHOD_SELECT
    # No verdict straight from the face screen: a repeated tap always shows 認証中 first.
    assert not {(State.FACE, e) for e in (Event.FACE_MATCHED, Event.FACE_LOCKED)} & TRANSITIONS.keys()
