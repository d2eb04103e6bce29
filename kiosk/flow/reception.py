"""One reception visit at a time: orchestrates reader events, intents and card I/O into snapshots and records.

Qt-free and asyncio-based. Card work goes through ``flow/card_io.py`` (the reader's hardware thread, awaited),
so this class can run under qasync in the GUI, under plain asyncio in a headless runner, or in tests.
A result that comes back after the card was taken away belongs to a finished visit and is dropped.

What the screens are and what entering each does is declared in ``flow/machine.py``; what each intent
means is the table in ``_dispatch_table``. The steps of a visit are their own modules, on this class's
``Steps`` side (``flow/visit.py``): the card placed and the identity step with it
(``flow/identity_step.py``), the スマホ保険証 route (``flow/phone_route.py``) and what follows the identity (``flow/questions.py``). The rules
and the fallback guidance are domain code (``domain/identity.py``, ``domain/fallback.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mynakiosk.cards import CardPolicy, VisitCard
from mynakiosk.domain.clinic import ClinicSettings
from mynakiosk.domain.fallback import (
    FallbackGuidance,
    certificate_alert,
    out_of_order_guidance,
    with_transitional,
)
from mynakiosk.domain.identity import (
    FacePolicy,
    visual_check_allowed,
)
from mynakiosk.domain.visit import ConsentTopic, Prescription, ReceptionRecord
from mynakiosk.flow import intents as i
from mynakiosk.flow.card_io import (
    NO_CARD_WORK,
    PHONE_NOT_HELD,
    CardFailed,
    CardIO,
    Failure,
    RunOnCard,
    VisitEnded,
)
from mynakiosk.flow.identity_step import IdentityStep
from mynakiosk.flow.intents import UnexpectedIntent
from mynakiosk.flow.machine import PHONE_STEPS, STATES, Event, FlowMachine, State
from mynakiosk.flow.phone_route import PhoneRoute
from mynakiosk.flow.questions import Questions
from mynakiosk.flow.snapshot import Snapshot
from mynakiosk.flow.visit import Visit
from mynakiosk.i18n import N_
from mynakiosk.roster import Roster

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from mynakiosk.backend.service import QualificationService
    from mynakiosk.domain.qualification import IdentityMethod
    from mynakiosk_hardware.profile import CardProfile

log = logging.getLogger("kiosk.reception")

# Snapshot and UnexpectedIntent are the reception's answers; importers may take them from here.
__all__ = ["OUT_OF_ORDER", "Reception", "Snapshot", "UnexpectedIntent"]

OUT_OF_ORDER = N_("カードリーダーが故障しています。次のいずれかを受付窓口で提示してください。")
CARD_LEFT = N_("カードの取り忘れにご注意ください。カードをお取りください。")
PHONE_READER_LOST = N_("スマートフォン用の読み取り機が使えません。マイナンバーカードを置いてください。")
#: The states in which the patient is choosing or performing the identity step.
IDENTITY_STEP = frozenset({State.METHOD_SELECT, State.PIN_ENTRY, State.FACE})


#: 受付完了 after a スマホ保険証 visit: the phone was taken away during the consents and nothing is left on
#: the face reader, so the screen gives way to the next patient after a short read instead of the inactivity
#: time. A design choice [unverified]: no public source gives the real readers' time for this screen.
PHONE_COMPLETE_SECONDS = 10.0


class Reception:
    """The visit's lifecycle (a card or phone arrives, the visit ends, the reader comes and goes), the
    snapshots and records it publishes, and the ``Steps`` its routes use."""

    def __init__(
        self,
        run_on_card: RunOnCard,
        on_change: Callable[[Snapshot], None] | None = None,
        policy: CardPolicy | None = None,
        *,
        service: QualificationService | None = None,
        clinic: ClinicSettings | None = None,
        profiles: Callable[[int], CardProfile | None] | None = None,
        on_record: Callable[[ReceptionRecord], None] | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        run_on_phone: RunOnCard | None = None,
    ) -> None:
        self._cards = CardIO(run_on_card, run_on_phone)
        self._phone = PhoneRoute(self, self._cards)
        self._on_change = on_change or (lambda _s: None)
        self._on_record = on_record or (lambda _r: None)
        self._clock = clock
        self.policy = policy or CardPolicy([], Roster())
        self.service = service
        self.clinic = clinic or ClinicSettings()
        self._profiles = profiles or (lambda _serial: None)
        self._identity_step = IdentityStep(self, self._cards, self.clinic.face_failure_limit)
        self._questions = Questions(self)
        self.machine = FlowMachine()
        self.visit = Visit()  # the visit going on
        self._snapshot = Snapshot(State.NO_READER, message=N_("カードリーダーを準備しています"))
        self._dispatch = self._dispatch_table()

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def state(self) -> State:
        return self.machine.state

    def now(self) -> dt.datetime:
        return self._clock()

    @property
    def visit_card(self) -> VisitCard | None:
        return self.visit.card

    @property
    def record(self) -> ReceptionRecord | None:
        """The current visit's record so far (the published ones are the ``on_record`` calls)."""
        return self.visit.record

    def use(
        self,
        policy: CardPolicy,
        service: QualificationService | None,
        clinic: ClinicSettings,
        profiles: Callable[[int], CardProfile | None] | None = None,
    ) -> None:
        """Switch scenario (its people, back end and clinic) between visits."""
        if self.state not in (State.IDLE, State.NO_READER):
            raise RuntimeError("a scenario can only be switched while no card is on the reader")
        self.policy, self.service, self.clinic = policy, service, clinic
        self._profiles = profiles or (lambda _serial: None)
        self._identity_step.face = FacePolicy(clinic.face_failure_limit)
        if clinic.reader_out_of_order and self.state is State.IDLE:
            self.go(Event.READER_LOST, message=OUT_OF_ORDER, fallback=self._out_of_order())
        elif self.state is State.IDLE:
            self.update()  # the idle screen offers 「スマートフォン」 only in a clinic with a 汎用カードリーダー

    # -- intents -------------------------------------------------------------------------------

    def handle(self, intent: i.Intent) -> Awaitable[None]:
        """Do what ``intent`` means in the current state; await the result to follow any card work.

        Raises ``UnexpectedIntent`` if the current state does not accept it.
        """
        handler = self._dispatch.get((self.state, type(intent)))
        if handler is None:
            raise UnexpectedIntent(self.state, intent)
        return handler(intent) or NO_CARD_WORK

    def _dispatch_table(self) -> dict[tuple[State, type], Callable[[Any], Awaitable[None] | None]]:
        """(state, intent type) -> what it does: the one place that maps intents to the reception."""
        s = State
        table: dict[tuple[State, type], Callable[[Any], Awaitable[None] | None]] = {
            (s.METHOD_SELECT, i.ChooseFace): lambda _: self._identity_step.choose_face(),
            (s.FACE, i.TryFace): lambda intent: self._identity_step.try_face(intent.condition),
            (s.PIN_ENTRY, i.SubmitPin): lambda intent: self._identity_step.submit_pin(intent.pin),
            (s.VISUAL_CHECK, i.SubmitVisualCheck): lambda intent: self._identity_step.submit_visual_check(
                intent.password
            ),
            (s.REGISTRATION, i.Answer): lambda answer: self._questions.register(answer is i.Answer.YES),
            (s.CONSENT, i.ConsentToAll): lambda _: self._questions.consent(dict.fromkeys(ConsentTopic, True)),
            (s.CONSENT, i.ConsentIndividually): lambda _: self.go(Event.CONSENT_INDIVIDUAL),
            (s.CONSENT_DETAIL, i.DecideConsents): lambda intent: self._questions.consent(intent.choices),
            (s.HIGH_COST, i.Answer): lambda answer: self._questions.answer(high_cost=answer is i.Answer.YES),
            (s.PRESCRIPTION, Prescription): lambda choice: self._questions.answer(prescription=choice),
            (s.SUBSIDY, i.Answer): lambda answer: self._questions.answer(subsidy=answer is i.Answer.YES),
            (s.IDLE, i.ChooseSmartphone): lambda intent: self._phone.start(intent),
            (s.PHONE_KIND, i.ChoosePhoneKind): lambda intent: self._phone.choose_kind(intent.kind),
            (s.PHONE_PIN, i.SubmitPin): lambda intent: self._phone.pin_typed(intent.pin),
            (s.PHONE_NOT_READ, i.RetryPhone): lambda _: self.go(Event.RETRY),
        }
        for state in (s.METHOD_SELECT, s.FACE):
            table[state, i.ChoosePin] = lambda _: self._identity_step.choose_pin()
        for state in (
            s.PIN_ENTRY,
            s.FACE,
            s.VISUAL_CHECK,
            s.CONSENT_DETAIL,
            *PHONE_STEPS - {s.PHONE_READING},
        ):
            table[state, i.Back] = lambda _: self.go(Event.BACK)
        for state in (*IDENTITY_STEP, s.FALLBACK):
            table[state, i.RequestVisualCheck] = lambda intent: self._identity_step.request_visual_check(
                intent
            )
        return table

    # -- what the screens show -----------------------------------------------------------------

    def go(self, event: Event, **fields: Any) -> None:
        """Fire ``event``, do what entering the new state does (STATES), and show it."""
        state = self.machine.fire(event)
        declared = STATES[state]
        if declared.forgets_visit:
            self.visit = Visit()
        if declared.ends_visit is not None and self.visit.record is not None:
            self.visit.record = self.visit.record.ended(declared.ends_visit, fields.get("fallback"))
            self._on_record(self.visit.record)
        fields.setdefault("message", declared.prompt)
        self._show(Snapshot(state), **fields)

    def update(self, **fields: Any) -> None:
        """Change what the current screen shows without changing screen."""
        self._show(self._snapshot, **fields)

    def _show(self, base: Snapshot, **fields: Any) -> None:
        fields.setdefault("tries_left", self.visit.tries)
        if self.visit.card is not None:
            fields.setdefault("notice", self.visit.card.notice)
        if self.visit.record is not None and self.visit.record.result is not None:
            fields.setdefault("alert", certificate_alert(self.visit.record.result))
        face = self._identity_step.face
        fields.setdefault("face_locked", face.locked(self.visit.serial))
        fields.setdefault("face_attempt", self.visit.face_attempts)
        fields.setdefault("face_tries_left", face.left(self.visit.serial) if self.visit.record else None)
        fields.setdefault("face_failures", face.failures(self.visit.serial) if self.visit.record else 0)
        card = self.visit.card_identity
        fields.setdefault("face_offered", card.face)
        fields.setdefault("pin_offered", card.pin)
        fields.setdefault("phone_offered", self.clinic.phone_reader and self._phone.ready)
        fields.setdefault("phone_kind", self.visit.phone_kind)
        fields.setdefault("by_phone", self.visit.by_phone)
        fallback = fields.get("fallback", base.fallback)
        known = card if self.visit.card is not None else None
        fields["visual_offered"] = visual_check_allowed(base.state in IDENTITY_STEP, fallback, known)
        self._snapshot = replace(base, **fields)
        self._on_change(self._snapshot)

    def as_of(self) -> dt.date:
        return self.service.as_of if self.service else dt.date.today()

    def old_card(self) -> bool:
        """Whether this patient's old 保険証 is still usable (the fallback then lists it)."""
        return (
            self.service is not None
            and self.visit.serial is not None
            and self.service.old_card_usable(self.visit.serial)
        )

    def _out_of_order(self) -> FallbackGuidance:
        return with_transitional(out_of_order_guidance(first_visit=self.clinic.first_visit), self.as_of())

    # -- reader events -------------------------------------------------------------------------

    def reader_ready(self) -> None:
        if self.clinic.reader_out_of_order:
            self._snapshot = Snapshot(State.NO_READER, message=OUT_OF_ORDER, fallback=self._out_of_order())
            self._on_change(self._snapshot)
            return
        if self.state is State.NO_READER:
            self.go(Event.READER_READY)

    def reader_lost(self, detail: str) -> None:
        self._cards.next_visit()
        if self.state is not State.NO_READER:
            self.go(Event.READER_LOST, message=detail)

    def card_removed(self) -> None:
        """The card left the reader. Idempotent: a failed command may have noticed first."""
        self._cards.next_visit()
        if self.machine.can_fire(Event.CARD_REMOVED):
            self.go(Event.CARD_REMOVED)

    def card_placed(self) -> Awaitable[None]:
        """A card arrived: show 読み取り中 at once, then read it. Await the result to follow the read."""
        if self.visit.by_phone and STATES[self.state].ends_visit is not None:
            self.go(Event.VISIT_OVER)  # a スマホ保険証 visit is over; the card starts the next one
        if self.state is not State.IDLE:
            log.info("a card was placed while %s; ignored until the reader is idle", self.state.name)
            return NO_CARD_WORK
        self.go(Event.CARD_PLACED)
        return self.while_visit_lasts(self._identity_step.read(self._cards.next_visit()))

    def paper_card_placed(self, label: str) -> None:
        """A card without an IC chip (an old 健康保険証, a 資格確認書) on the reader.

        Readers detect it and show 「健康保険証の読取確認」 (ALMEX FAQ, faq.usen-almex.jp/faq/show/70299); the
        simulator sends the patient to the counter, where staff check the numbers.
        """
        if self.state is not State.IDLE:
            log.info("a paper card was placed while %s; ignored", self.state.name)
            return
        self._cards.next_visit()
        self.go(Event.PAPER_CARD_PLACED, message=label)

    def timeout_seconds(self) -> float:
        """How long the current screen waits for the patient (the phone's hold has a wait of its own)."""
        if STATES[self.state].on_timeout is Event.HOLD_TIMEOUT:
            return self.clinic.phone_hold_seconds
        if self.state is State.COMPLETE and self.visit.by_phone:
            return min(self.clinic.inactivity_seconds, PHONE_COMPLETE_SECONDS)
        return self.clinic.inactivity_seconds

    def inactivity(self) -> None:
        """Nobody touched the reader for ``timeout_seconds``."""
        declared = STATES[self.state]
        if declared.times_out:
            self.go(
                declared.on_timeout,
                message=PHONE_NOT_HELD if declared.on_timeout is Event.HOLD_TIMEOUT else "",
            )
        elif declared.card_left and self.visit.by_phone:
            self.go(Event.VISIT_OVER)  # nothing was left on the face reader: ready for the next patient
        elif declared.card_left:
            log.warning("card left on the reader after the visit")
            self.update(alert=CARD_LEFT)

    # -- identity ------------------------------------------------------------------------------

    def identified(
        self,
        event: Event,
        method: IdentityMethod,
        certificate: bytes,
        signature: bytes | None,
        challenge: bytes | None,
    ) -> None:
        """The person is identified at the reader (``event``); the back end checks the certificate (and the
        signature over ``challenge``), then the qualification follows."""
        self.go(event)
        if self.service is None:  # card practice without a back end
            self._questions.advance()
            return
        identity = self.visit.identity = self.service.check_identity(certificate, signature, challenge)
        if self.visit.by_phone:  # the phone stands for a card: its certificate says whose
            self.visit.serial = identity.serial
            profile = self.card_profile()
            self.visit.note(card_holder=profile.holder if profile else "")
        self._questions.qualify(method)

    # -- スマホ保険証 ---------------------------------------------------------------------------

    def phone_reader_ready(self, ready: bool) -> None:
        """The 汎用カードリーダー came or went. Gone during a phone step: back to idle, the card still works."""
        self._phone.ready = ready
        if not ready and self.state in PHONE_STEPS:
            self._cards.next_visit()
            self.go(Event.PHONE_READER_LOST, message=PHONE_READER_LOST)
        elif self.state is State.IDLE:
            self.update()

    def phone_removed(self) -> None:
        """The phone left the 汎用カードリーダー. It is held for 1–2 s and taken away while the consents go on
        on the face reader, so only 受付完了 ends here, as taking the card away ends a card visit. The guidance
        after a refused or locked phone (代わりの書類) stays: it comes up just as the phone is taken away, and the
        patient has yet to read it (it goes after the inactivity time, or when a card is placed)."""
        if self.visit.by_phone and self.state is State.COMPLETE:
            self.go(Event.VISIT_OVER)

    def phone_placed(self) -> Awaitable[None]:
        """Something arrived on the 汎用カードリーダー: read it if the reader is waiting for a phone."""
        if self.state not in (State.PHONE_HOLD, State.PHONE_NOT_READ):
            log.info("something was held over the phone reader while %s; ignored", self.state.name)
            return NO_CARD_WORK
        self.go(Event.PHONE_HELD)
        return self.while_visit_lasts(self._phone.read(self._cards.visit))

    # -- for the steps: the card, the challenge, card work ---------------------------------------

    def card_profile(self) -> CardProfile | None:
        """What the simulation knows of the card on the reader (its holder, photo, dates)."""
        card = self.visit.card
        if card is not None and card.persona is not None:
            return card.persona.initial_profile
        return self._profiles(self.visit.serial) if self.visit.serial is not None else None

    def close(self) -> None:
        self._cards.close()

    def challenge(self) -> bytes:
        """What the card or phone signs: the back end's challenge, or any without one (card practice)."""
        return self.service.new_challenge() if self.service else os.urandom(32)

    async def while_visit_lasts(self, work: Awaitable[None]) -> None:
        """Await card work for a visit; if it failed, show why; if the visit ended, drop it quietly."""
        try:
            await work
        except CardFailed as failed:
            self._card_failed(failed)
        except VisitEnded:
            log.info("result of an ended visit dropped")

    def _card_failed(self, failed: CardFailed) -> None:
        if failed.failure is Failure.REMOVED:
            self.card_removed()
        elif failed.failure is Failure.SERVICE_LOST:
            self.reader_lost(failed.message)
        elif failed.failure is Failure.UNREADABLE:
            self.go(Event.CARD_UNREADABLE, message=failed.message)
        elif self.state is State.PHONE_READING:  # Failure.PHONE_NOT_READ: hold the phone again
            self.go(Event.PHONE_NOT_READ, message=failed.message)
