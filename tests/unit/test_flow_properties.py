"""Stateful property test: any sequence of reader events, key presses, timeouts and staff actions keeps
the reception in a valid state, and 受付完了 is reached only after a verified identity and a valid
qualification (hypothesis drives the real Reception with the in-process reader and back end)."""

from __future__ import annotations

import asyncio

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from mynakiosk.cards import CardPolicy
from mynakiosk.domain.identity import FaceCondition
from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.domain.visit import ConsentTopic, Outcome, Prescription
from mynakiosk.flow.intents import (
    Answer,
    Back,
    ChooseFace,
    ChoosePin,
    ConsentIndividually,
    ConsentToAll,
    DecideConsents,
    RequestVisualCheck,
    SubmitPin,
    SubmitVisualCheck,
    TryFace,
)
from mynakiosk.flow.machine import State
from mynakiosk.flow.reception import Reception, UnexpectedIntent
from mynakiosk.roster import Roster
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.readers.virtual import VirtualReader

#: The screens after the identity step, up to 受付完了: each needs an identity proven in this visit.
AFTER_IDENTITY = frozenset(
    {
        State.QUALIFYING,
        State.REGISTRATION,
        State.CONSENT,
        State.CONSENT_DETAIL,
        State.HIGH_COST,
        State.PRESCRIPTION,
        State.SUBSIDY,
        State.COMPLETE,
    }
)
SCENARIOS = ["01_child_normal_visit.toml", "03_job_change_pending.toml", "19_pin_locked_visual_check.toml"]


class ReceptionModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.scenario = load_scenario(scenarios_dir() / SCENARIOS[0])
        self.reader = VirtualReader()
        self.personas = self.scenario.personas()
        self.records = []
        self.snapshots = []
        self.reception = Reception(
            self._run_on_card,
            self.snapshots.append,
            CardPolicy(self.personas, Roster()),
            service=self.scenario.service(),
            clinic=self.scenario.clinic,
            profiles=self.scenario.card_profiles().get,
            on_record=self.records.append,
        )
        self.reception.reader_ready()
        self.card = None  # the card the model placed
        # The model's own view, from what was entered (never from the reception's state): an identity was
        # proven in this visit by a correct PIN on an unlocked card, a face seen from the front, or staff's
        # password. Generous (a child's old photo still fails at the reader), so never a false alarm.
        self.verified = False

    async def _run_on_card(self, job):
        return await asyncio.wrap_future(self.reader.submit(job))

    def run(self, awaitable) -> None:
        self.loop.run_until_complete(awaitable)

    def teardown(self) -> None:
        self.reception.close()
        self.reader.close()
        self.loop.close()

    def act(self, intent) -> None:
        """Any intent, in any state: one the state does not accept is refused loudly and changes nothing.

        Only ``UnexpectedIntent`` for this intent in this state is expected; any other error fails the test.
        """
        before, state, published = self.reception.snapshot, self.reception.state, len(self.records)
        try:
            awaitable = self.reception.handle(intent)
        except UnexpectedIntent as refused:
            assert refused.intent is intent and refused.state is state
            assert self.reception.snapshot is before and len(self.records) == published
            return
        self.run(awaitable)

    @precondition(lambda self: self.reception.state is State.IDLE and not self.reader.card_present())
    @rule(who=st.sampled_from(["sakura", "yuto", "taro", "taro", "other"]))
    def place(self, who):
        if self.reader.card_present():
            return
        card = next((p.card for p in self.personas if p.key == who), None)
        if card is None:
            from mynakiosk_hardware.card import OtherCard

            card = OtherCard()
        self.card = card
        self.reader.insert(card)
        self.verified = False
        self.run(self.reception.card_placed())

    @precondition(lambda self: self.reception.state is not State.IDLE)
    @rule(kind=st.sampled_from(["remove", "remove", "reader", "timeout"]))
    def disturb(self, kind):
        """Card taken away, reader unplugged and back, or nobody touching the screen."""
        if kind == "remove":
            self.reader.remove()
            self.reception.card_removed()
            self.verified = False
        elif kind == "reader":
            self.reception.reader_lost("unplugged")
            self.reception.reader_ready()
            self.verified = False
        else:
            self.reception.inactivity()

    @precondition(lambda self: self.reception.state is not State.IDLE)
    @rule(
        intent=st.sampled_from(
            [
                ChoosePin(),
                ChooseFace(),
                Back(),
                RequestVisualCheck(),
                ConsentToAll(),
                ConsentIndividually(),
                DecideConsents(dict.fromkeys(ConsentTopic, False)),
                DecideConsents({ConsentTopic.SURGERY: True, **dict.fromkeys(ConsentTopic, True)}),
                *Answer,
                *Prescription,
            ]
        )
    )
    def press(self, intent):
        """A key press on whatever screen is shown (or on one that is not)."""
        self.act(intent)

    @precondition(lambda self: self.reception.state is State.PIN_ENTRY)
    @rule(pin=st.sampled_from(["1234", "5678", "2468", "0000"]))
    def pin(self, pin):
        profile = getattr(self.card, "profile", None)
        correct = profile is not None and profile.auth_pin == pin and profile.auth_pin_tries > 0
        self.act(SubmitPin(Pin(pin)))
        self.verified = self.verified or correct

    @precondition(lambda self: self.reception.state in (State.METHOD_SELECT, State.FACE))
    @rule(condition=st.sampled_from(list(FaceCondition)))
    def face(self, condition):
        if self.reception.state is State.METHOD_SELECT:
            self.act(ChooseFace())
        if self.reception.state is State.FACE:
            self.act(TryFace(condition))
            self.verified = self.verified or condition is FaceCondition.FRONT

    @precondition(lambda self: self.reception.snapshot.visual_offered)
    @rule(password=st.sampled_from(["0000", "7391", "1234"]))
    def visual(self, password):
        self.act(RequestVisualCheck())
        self.act(SubmitVisualCheck(password))
        self.verified = self.verified or password == self.scenario.clinic.visual_check_password

    @precondition(lambda self: self.reception.state is State.IDLE)
    @rule(name=st.sampled_from(SCENARIOS))
    def switch_scenario(self, name):
        self.scenario = load_scenario(scenarios_dir() / name)
        self.personas = self.scenario.personas()
        self.reception.use(
            CardPolicy(self.personas, Roster()),
            self.scenario.service(),
            self.scenario.clinic,
            self.scenario.card_profiles().get,
        )

    @invariant()
    def the_screen_shows_the_state_and_idle_holds_no_visit(self):
        snapshot = self.reception.snapshot
        assert self.snapshots and self.snapshots[-1] is snapshot  # the screen was sent the latest
        assert snapshot.state is self.reception.state
        if snapshot.state is State.IDLE:  # no visit goes on holding a card or a record
            assert self.reception.visit_card is None and self.reception.record is None
        if snapshot.state is State.PIN_ENTRY:
            assert snapshot.tries_left is not None and 1 <= snapshot.tries_left <= 3

    @invariant()
    def completion_needs_identity_and_qualification(self):
        for record in self.records:
            if record.outcome is Outcome.COMPLETE:
                assert record.method in (IdentityMethod.PIN, IdentityMethod.FACE, IdentityMethod.VISUAL)
                assert record.result is not None and record.result.usable
        if self.reception.state in AFTER_IDENTITY:
            assert self.verified, (
                f"{self.reception.state} without a PIN, face or 目視確認 the model saw succeed"
            )


ReceptionModel.TestCase.settings = settings(max_examples=120, stateful_step_count=40, deadline=None)
TestReception = ReceptionModel.TestCase
