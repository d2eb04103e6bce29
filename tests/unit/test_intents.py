"""Typed intents: the one dispatcher refuses what a state does not accept, and script steps are parsed
into the same intents once, when the file is loaded."""

from __future__ import annotations

import asyncio

import pytest

from mynakiosk.domain.identity import FaceCondition
from mynakiosk.domain.visit import ConsentTopic, Prescription
from mynakiosk.flow.intents import (
    Answer,
    Back,
    ChooseFace,
    ChoosePin,
    ConsentIndividually,
    ConsentToAll,
    DecideConsents,
    RequestVisualCheck,
    ScriptError,
    SubmitPin,
    SubmitVisualCheck,
    TryFace,
    parse_step,
)
from mynakiosk.flow.machine import State
from mynakiosk.flow.reception import Reception, UnexpectedIntent
from mynakiosk.scenarios.loader import ScenarioError, load_default, parse_scenario
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.readers.virtual import VirtualReader


def at_consent():
    """A reception on the consent screen (さくら, PIN 1234, the default scenario)."""
    scenario = load_default()
    reader = VirtualReader()
    personas = {p.key: p for p in scenario.personas()}
    from mynakiosk.cards import CardPolicy
    from mynakiosk.roster import Roster

    async def go():
        reception = Reception(
            lambda job: asyncio.wrap_future(reader.submit(job)),
            policy=CardPolicy(list(personas.values()), Roster()),
            service=scenario.service(),
            clinic=scenario.clinic,
        )
        reception.reader_ready()
        reader.insert(personas["sakura"].card)
        await reception.card_placed()
        await reception.handle(ChoosePin())
        await reception.handle(SubmitPin(Pin("1234")))
        return reception

    try:
        return asyncio.run(go())
    finally:
        reader.close()


@pytest.mark.parametrize(
    "intent", [Answer.YES, Answer.NO, Prescription.PAPER, ChoosePin(), Back(), SubmitVisualCheck("0000")]
)
def test_an_intent_the_state_does_not_accept_is_an_error_not_a_default(intent):
    """The consent screen used to take any unknown answer as 個別に同意する."""
    reception = at_consent()
    assert reception.state is State.CONSENT
    before = reception.snapshot
    with pytest.raises(UnexpectedIntent, match="CONSENT"):
        reception.handle(intent)
    assert reception.snapshot is before


def test_staff_cannot_step_in_after_the_qualification_check():
    reception = at_consent()
    assert not reception.snapshot.visual_offered
    with pytest.raises(UnexpectedIntent):
        reception.handle(RequestVisualCheck())


def test_consents_need_an_answer_for_every_topic():
    reception = at_consent()
    asyncio.run(_await(reception.handle(ConsentIndividually())))
    with pytest.raises(ValueError, match="every consent topic"):
        reception.handle(DecideConsents({ConsentTopic.SURGERY: True}))
    assert reception.state is State.CONSENT_DETAIL


async def _await(awaitable):
    await awaitable


@pytest.mark.parametrize(
    ("step", "intents", "at"),
    [
        ("choose pin", (ChoosePin(),), None),
        ("choose face", (ChooseFace(),), None),
        ("face mask", (TryFace(FaceCondition.MASK),), State.FACE),
        ("register no", (Answer.NO,), State.REGISTRATION),
        ("high-cost yes", (Answer.YES,), State.HIGH_COST),
        ("subsidy no", (Answer.NO,), State.SUBSIDY),
        ("prescription paper", (Prescription.PAPER,), State.PRESCRIPTION),
        ("consent all", (ConsentToAll(),), State.CONSENT),
        (
            "consent individual 手術=yes",
            (
                ConsentIndividually(),
                DecideConsents(
                    {
                        ConsentTopic.MEDICAL: False,
                        ConsentTopic.SURGERY: True,
                        ConsentTopic.HEALTH_CHECKUP: False,
                    }
                ),
            ),
            State.CONSENT,
        ),
        ("visual 7391", (RequestVisualCheck(), SubmitVisualCheck("7391")), None),
    ],
)
def test_script_steps_parse_into_intents(step, intents, at):
    parsed = parse_step(step.split())
    assert parsed.intents == intents and parsed.at is at


def test_a_pin_step_parses_into_a_pin_that_never_shows():
    parsed = parse_step(["pin", "1234"])
    (intent,) = parsed.intents
    assert isinstance(intent, SubmitPin) and "1234" not in repr(intent)


@pytest.mark.parametrize(
    "step",
    [
        "register maybe",
        "consent individual 歯科=yes",
        "consent individual 手術=はい",
        "pin 12",
        "face smile",
        "jump",
    ],
)
def test_script_steps_that_name_no_intent_are_refused(step):
    with pytest.raises(ScriptError):
        parse_step(step.split())


def test_the_loader_names_the_file_and_the_step(tmp_path):
    import tomllib

    base = load_default()
    data = tomllib.loads(base.path.read_text(encoding="utf-8"))
    data["script"] = ["place sakura", "consent individual 歯科=yes"]
    with pytest.raises(ScenarioError, match=r"script\[1\].*歯科"):
        parse_scenario(data, tmp_path / "x.toml")
    data["script"] = ["expect nowhere"]
    with pytest.raises(ScenarioError, match=r"script\[0\].*expect one of"):
        parse_scenario(data, tmp_path / "x.toml")


def test_a_step_meant_for_another_screen_is_a_mismatch_not_an_answer_there(tmp_path):
    """'high-cost yes' on the consent screen must not be taken as some answer there."""
    import tomllib

    from mynakiosk.scenarios.runner import run_scenario

    data = tomllib.loads(load_default().path.read_text(encoding="utf-8"))
    data["script"] = ["place sakura", "choose pin", "pin 1234", "high-cost yes"]
    data.pop("expect", None)
    run = asyncio.run(run_scenario(parse_scenario(data, load_default().path)))
    assert run.final_state is State.CONSENT
    assert run.mismatches and "not possible at consent" in run.mismatches[0]


def test_intents_without_fields_are_values_of_their_own_kind():
    """They share one dataclass's methods (docs/performance.md) and still behave as a dataclass of their own."""
    import dataclasses

    from mynakiosk.flow.intents import Plain
    from mynakiosk.scenarios.loader import RemoveCard, TakePhone

    assert ChoosePin() == ChoosePin() and hash(ChoosePin()) == hash(ChoosePin())
    assert (
        ChoosePin() != ChooseFace()
        and ConsentToAll() != ConsentIndividually()
        and RemoveCard() != TakePhone()
    )
    assert len({ChoosePin(), ChooseFace(), Back(), ChoosePin()}) == 3
    assert repr(Back()) == "Back()" and repr(RequestVisualCheck()) == "RequestVisualCheck()"
    assert dataclasses.is_dataclass(ChoosePin()) and dataclasses.fields(ChoosePin()) == ()
    assert type(dataclasses.replace(TakePhone())) is TakePhone
    for intent in (ChoosePin(), TakePhone(), Plain()):
        with pytest.raises(AttributeError):
            intent.pin = "1234"  # type: ignore[attr-defined]
        assert not hasattr(intent, "__dict__")
