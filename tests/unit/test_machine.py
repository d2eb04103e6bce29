"""The flow machine without Qt: every row of the table, and that an event with no row is an error."""

import logging

import pytest

from mynakiosk.flow.machine import TRANSITIONS, Event, FlowMachine, State, UnexpectedEvent


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
        assert TRANSITIONS[(state, Event.CARD_REMOVED)] is State.IDLE


def test_complete_is_reached_only_through_a_verified_identity_and_the_qualification_check():
    """Every path from IDLE to COMPLETE passes an identity check (PIN accepted, or staff 目視) first."""
    graph: dict[State, set[tuple[Event, State]]] = {}
    for (source, event), target in TRANSITIONS.items():
        graph.setdefault(source, set()).add((event, target))
    # Remove the edge that proves the identity: COMPLETE must become unreachable.
    cut = {
        (State.VERIFYING, Event.PIN_ACCEPTED),
        (State.VISUAL_CHECK, Event.VISUAL_CONFIRMED),
        (State.FACE, Event.FACE_MATCHED),
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
        (State.FACE, Event.FACE_MATCHED),
        (State.REGISTRATION, Event.REGISTERED),
    }
