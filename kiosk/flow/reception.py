"""One reception visit at a time: turns reader events, intents and card I/O into snapshots and records.

Qt-free and asyncio-based. Card work goes through ``run_on_card`` (the reader's hardware thread, awaited),
so this class can run under qasync in the GUI, under plain asyncio in a headless runner, or in tests.
A result that comes back after the card was taken away belongs to a finished visit and is dropped.

What the screens are and what entering each does is declared in ``flow/machine.py``; what each intent
means is the table in ``_dispatch_table``; the identity rules and the fallback guidance are domain code
(``domain/identity.py``, ``domain/fallback.py``). This class only orchestrates them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from mynakiosk.cards import CardPolicy, VisitCard
from mynakiosk.domain.clinic import ClinicSettings
from mynakiosk.domain.fallback import (
    FallbackGuidance,
    FallbackReason,
    certificate_alert,
    guidance_for_declined_registration,
    guidance_for_identity,
    guidance_for_result,
    out_of_order_guidance,
    with_transitional,
)
from mynakiosk.domain.identity import (
    FACE_LOCKED_MESSAGE,
    NO_PHOTO_FACE,
    NO_PHOTO_VISUAL,
    NO_PIN,
    WRONG_VISUAL_PASSWORD,
    CardFace,
    CardIdentity,
    FaceCondition,
    FacePolicy,
    FaceVerdict,
    visual_check_allowed,
)
from mynakiosk.domain.people import is_child
from mynakiosk.domain.qualification import IdentityCheck, IdentityMethod
from mynakiosk.domain.smartphone import guidance_for_phone_lock, guidance_for_phone_refusal
from mynakiosk.domain.visit import ConsentTopic, Outcome, Prescription, ReceptionRecord
from mynakiosk.flow import intents as i
from mynakiosk.flow.machine import PHONE_STEPS, STATES, Event, FlowMachine, State, next_after
from mynakiosk.i18n import N_
from mynakiosk.reader_messages import describe
from mynakiosk.roster import Roster
from mynakiosk_hardware.readers.base import (
    CardChannel,
    CardJob,
    NoCardError,
    ReaderError,
    ServiceUnavailableError,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Generator, Mapping

    from mynakiosk.backend.service import QualificationService
    from mynakiosk.flow.phone_route import PhoneReading
    from mynakiosk_hardware.emulated import EmulatedCard
    from mynakiosk_hardware.phone import PhoneKind
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.profile import CardProfile

log = logging.getLogger("kiosk.reception")

T = TypeVar("T")


class RunOnCard(Protocol):
    def __call__(self, job: CardJob[T], /) -> Awaitable[T]: ...


OUT_OF_ORDER = N_("カードリーダーが故障しています。次のいずれかを受付窓口で提示してください。")
CARD_LEFT = N_("カードの取り忘れにご注意ください。カードをお取りください。")
CARD_ERROR = N_("カードの読み取り中にエラーが発生しました。カードを置き直してください。")
PHONE_MOVED = N_("読み取りの途中でスマートフォンが離れました。もう一度、1〜2秒かざしてください。")
PHONE_NOT_HELD = N_("スマートフォンを読み取れませんでした。となりの読み取り機に、もう一度かざしてください。")
PHONE_READER_LOST = N_("スマートフォン用の読み取り機が使えません。マイナンバーカードを置いてください。")
#: The states in which the patient is choosing or performing the identity step.
IDENTITY_STEP = frozenset({State.METHOD_SELECT, State.PIN_ENTRY, State.FACE})


class UnexpectedIntent(RuntimeError):
    """An intent the current state does not accept: a bug in a screen or a script, never ignored."""

    def __init__(self, state: State, intent: object) -> None:
        super().__init__(f"{type(intent).__name__} is not accepted in state {state.name}")
        self.state = state
        self.intent = intent


class VisitEnded(Exception):
    """The visit ended (card taken away, reader lost, card error) while work for it was in flight."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the screens show. Never holds a PIN. Screens render it; they decide nothing."""

    state: State
    tries_left: int | None = None
    wrong_pin: bool = False
    fallback: FallbackGuidance | None = None
    message: str = ""
    notice: str = ""  # how this card is used (training card, real card protected), shown on every screen
    alert: str = ""  # 更新アラート, 資格情報の提供のみ, カードの取り忘れ
    face_locked: bool = False  # too many face failures with this card: 顔認証 is not offered
    face_offered: bool = True  # the card has a photo (infants' cards have none: PIN only)
    face_attempt: int = 0  # the captures taken in this visit (「2回目」: a repeated tap visibly differs)
    face_tries_left: int | None = None  # face failures left before 顔認証 is off for this card
    pin_offered: bool = True  # the card has a PIN (a 顔認証マイナンバーカード has none: face or 目視 only)
    visual_offered: bool = False  # staff may start a 目視確認 now
    phone_offered: bool = (
        False  # a 汎用カードリーダー is installed and ready: 「スマートフォン」 on the idle screen
    )
    phone_kind: PhoneKind | None = None  # the phone chosen (iPhone: Face ID on it; Android: its PIN here)
    by_phone: bool = False  # this visit is a スマホ保険証 one: no card to take away at the end


class _LocalChannel:
    """A channel to a virtual card in this process: the substitute for a training or real card."""

    def __init__(self, card: EmulatedCard) -> None:
        self._card = card

    def transmit(self, apdu: bytes) -> bytes:
        return self._card.execute(apdu)


class _NoCardWork:
    """What ``handle`` returns for an intent without card work: awaiting it returns at once, and unlike a
    coroutine, leaving it unawaited is no mistake (the GUI does not schedule it at all)."""

    def __await__(self) -> Generator[Any, None, None]:
        yield from ()


NO_CARD_WORK = _NoCardWork()


class Reception:
    # The current visit: ``_forget_visit`` clears them.
    _card: VisitCard | None
    _record: ReceptionRecord | None
    _identity: IdentityCheck | None
    _serial: int | None
    _tries: int | None  # the card's PIN tries left, or the phone's on a スマホ保険証 visit
    _phone_kind: PhoneKind | None  # the phone chosen
    _phone_pin: Pin | None  # Android: typed here, verified on the phone when it is held
    _by_phone: bool
    _face_attempts: int  # the face captures taken (「n回目」)

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
        self._run_on_card = run_on_card
        self._run_on_phone = run_on_phone  # the 汎用カードリーダー's jobs; None: no such reader
        self._phone_ready = False
        self._on_change = on_change or (lambda _s: None)
        self._on_record = on_record or (lambda _r: None)
        self._clock = clock
        self.policy = policy or CardPolicy([], Roster())
        self.service = service
        self.clinic = clinic or ClinicSettings()
        self._profiles = profiles or (lambda _serial: None)
        self._face = FacePolicy(self.clinic.face_failure_limit)
        self.machine = FlowMachine()
        self._visit = 0
        self._forget_visit()
        self._virtual_cards = ThreadPoolExecutor(max_workers=1, thread_name_prefix="virtual-card")
        self._snapshot = Snapshot(State.NO_READER, message=N_("カードリーダーを準備しています"))
        self._dispatch = self._dispatch_table()

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def state(self) -> State:
        return self.machine.state

    @property
    def visit_card(self) -> VisitCard | None:
        return self._card

    @property
    def record(self) -> ReceptionRecord | None:
        """The current visit's record so far (the published ones are the ``on_record`` calls)."""
        return self._record

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
        self._face = FacePolicy(clinic.face_failure_limit)
        if clinic.reader_out_of_order and self.state is State.IDLE:
            self._go(Event.READER_LOST, message=OUT_OF_ORDER, fallback=self._out_of_order())
        elif self.state is State.IDLE:
            self._update()  # the idle screen offers 「スマートフォン」 only in a clinic with a 汎用カードリーダー

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
            (s.METHOD_SELECT, i.ChooseFace): lambda _: self._choose_face(),
            (s.FACE, i.TryFace): lambda intent: self._try_face(intent.condition),
            (s.PIN_ENTRY, i.SubmitPin): lambda intent: self._submit_pin(intent.pin),
            (s.VISUAL_CHECK, i.SubmitVisualCheck): lambda intent: self._submit_visual_check(intent.password),
            (s.REGISTRATION, i.Answer): lambda answer: self._register(answer is i.Answer.YES),
            (s.CONSENT, i.ConsentToAll): lambda _: self._consent(dict.fromkeys(ConsentTopic, True)),
            (s.CONSENT, i.ConsentIndividually): lambda _: self._go(Event.CONSENT_INDIVIDUAL),
            (s.CONSENT_DETAIL, i.DecideConsents): lambda intent: self._consent(intent.choices),
            (s.HIGH_COST, i.Answer): lambda answer: self._answer(high_cost=answer is i.Answer.YES),
            (s.PRESCRIPTION, Prescription): lambda choice: self._answer(prescription=choice),
            (s.SUBSIDY, i.Answer): lambda answer: self._answer(subsidy=answer is i.Answer.YES),
            (s.IDLE, i.ChooseSmartphone): lambda intent: self._choose_phone(intent),
            (s.PHONE_KIND, i.ChoosePhoneKind): lambda intent: self._choose_phone_kind(intent.kind),
            (s.PHONE_PIN, i.SubmitPin): lambda intent: self._phone_pin_typed(intent.pin),
            (s.PHONE_NOT_READ, i.RetryPhone): lambda _: self._go(Event.RETRY),
        }
        for state in (s.METHOD_SELECT, s.FACE):
            table[state, i.ChoosePin] = lambda _: self._choose_pin()
        for state in (
            s.PIN_ENTRY,
            s.FACE,
            s.VISUAL_CHECK,
            s.CONSENT_DETAIL,
            *PHONE_STEPS - {s.PHONE_READING},
        ):
            table[state, i.Back] = lambda _: self._go(Event.BACK)
        for state in (*IDENTITY_STEP, s.FALLBACK):
            table[state, i.RequestVisualCheck] = lambda intent: self._request_visual_check(intent)
        return table

    # -- what the screens show -----------------------------------------------------------------

    def _go(self, event: Event, **fields: Any) -> None:
        """Fire ``event``, do what entering the new state does (STATES), and show it."""
        state = self.machine.fire(event)
        declared = STATES[state]
        if declared.forgets_visit:
            self._forget_visit()
        if declared.ends_visit is not None and self._record is not None:
            # A new record at each ending: one published before stays as it was shown. 誤紐づけ: the
            # patient's screen completes as on a real reader; the record tells the desk to stop.
            outcome = declared.ends_visit
            if outcome is Outcome.COMPLETE and self._record.mislinked:
                outcome = Outcome.MISLINKED
            self._record = replace(self._record, outcome=outcome, fallback=fields.get("fallback"))
            self._on_record(self._record)
        fields.setdefault("message", declared.prompt)
        self._show(Snapshot(state), **fields)

    def _update(self, **fields: Any) -> None:
        """Change what the current screen shows without changing screen."""
        self._show(self._snapshot, **fields)

    def _show(self, base: Snapshot, **fields: Any) -> None:
        fields.setdefault("tries_left", self._tries)
        if self._card is not None:
            fields.setdefault("notice", self._card.notice)
        if self._record is not None and self._record.result is not None:
            fields.setdefault("alert", certificate_alert(self._record.result))
        fields.setdefault("face_locked", self._face.locked(self._serial))
        fields.setdefault("face_attempt", self._face_attempts)
        fields.setdefault("face_tries_left", self._face.left(self._serial) if self._record else None)
        card = self._card_identity()
        fields.setdefault("face_offered", card.face)
        fields.setdefault("pin_offered", card.pin)
        fields.setdefault("phone_offered", self.clinic.phone_reader and self._phone_ready)
        fields.setdefault("phone_kind", self._phone_kind)
        fields.setdefault("by_phone", self._by_phone)
        fallback = fields.get("fallback", base.fallback)
        known = card if self._card is not None else None
        fields["visual_offered"] = visual_check_allowed(base.state in IDENTITY_STEP, fallback, known)
        self._snapshot = replace(base, **fields)
        self._on_change(self._snapshot)

    def _forget_visit(self) -> None:
        self._card = None
        self._record = None
        self._identity = None
        self._serial = None
        self._tries = None
        self._phone_kind = None
        self._phone_pin = None
        self._by_phone = False
        self._face_attempts = 0

    def _as_of(self) -> dt.date:
        return self.service.as_of if self.service else dt.date.today()

    def _card_identity(self) -> CardIdentity:
        """What the card on the reader allows (photo, PIN); everything when no card is known."""
        return self._record.card_identity if self._record is not None else CardIdentity()

    def _old_card(self) -> bool:
        """Whether this patient's old 保険証 is still usable (the fallback then lists it)."""
        return (
            self.service is not None
            and self._serial is not None
            and self.service.old_card_usable(self._serial)
        )

    def _out_of_order(self) -> FallbackGuidance:
        return with_transitional(out_of_order_guidance(first_visit=self.clinic.first_visit), self._as_of())

    # -- reader events -------------------------------------------------------------------------

    def reader_ready(self) -> None:
        if self.clinic.reader_out_of_order:
            self._snapshot = Snapshot(State.NO_READER, message=OUT_OF_ORDER, fallback=self._out_of_order())
            self._on_change(self._snapshot)
            return
        if self.state is State.NO_READER:
            self._go(Event.READER_READY)

    def reader_lost(self, detail: str) -> None:
        self._visit += 1
        if self.state is not State.NO_READER:
            self._go(Event.READER_LOST, message=detail)

    def card_removed(self) -> None:
        """The card left the reader. Idempotent: a failed command may have noticed first."""
        self._visit += 1
        if self.machine.can_fire(Event.CARD_REMOVED):
            self._go(Event.CARD_REMOVED)

    def card_placed(self) -> Awaitable[None]:
        """A card arrived: show 読み取り中 at once, then read it. Await the result to follow the read."""
        if self._by_phone and STATES[self.state].ends_visit is not None:
            self._go(Event.VISIT_OVER)  # a スマホ保険証 visit is over; the card starts the next one
        if self.state is not State.IDLE:
            log.info("a card was placed while %s; ignored until the reader is idle", self.state.name)
            return NO_CARD_WORK
        self._visit += 1
        self._go(Event.CARD_PLACED)
        return self._while_visit_lasts(self._read(self._visit))

    def paper_card_placed(self, label: str) -> None:
        """A card without an IC chip (an old 健康保険証, a 資格確認書) on the reader.

        Readers detect it and show 「健康保険証の読取確認」 (ALMEX FAQ, faq.usen-almex.jp/faq/show/70299); the
        simulator sends the patient to the counter, where staff check the numbers.
        """
        if self.state is not State.IDLE:
            log.info("a paper card was placed while %s; ignored", self.state.name)
            return
        self._visit += 1
        self._go(Event.PAPER_CARD_PLACED, message=label)

    def timeout_seconds(self) -> float:
        """How long the current screen waits for the patient (the phone's hold has a wait of its own)."""
        if STATES[self.state].on_timeout is Event.HOLD_TIMEOUT:
            return self.clinic.phone_hold_seconds
        return self.clinic.inactivity_seconds

    def inactivity(self) -> None:
        """Nobody touched the reader for ``timeout_seconds``."""
        declared = STATES[self.state]
        if declared.times_out:
            self._go(
                declared.on_timeout,
                message=PHONE_NOT_HELD if declared.on_timeout is Event.HOLD_TIMEOUT else "",
            )
        elif declared.card_left and self._by_phone:
            self._go(Event.VISIT_OVER)  # nothing was left on the face reader: ready for the next patient
        elif declared.card_left:
            log.warning("card left on the reader after the visit")
            self._update(alert=CARD_LEFT)

    async def _read(self, visit: int) -> None:
        from mynakiosk_hardware import jpki  # the card protocol, loaded with the first card: see _card_work

        found = await self._card_work(jpki.survey, visit)
        plan = self.policy.plan(found)
        if plan.refusal is not None:
            self._go(Event.CARD_UNREADABLE, message=plan.refusal)
            return
        self._card, self._serial = plan, found.certificate_serial
        profile = self._card_profile()
        self._tries = found.tries_left
        if plan.substitute is not None:
            self._tries = await self._card_work(jpki.read_auth_pin_tries, visit, on=plan.substitute)
        self._record = ReceptionRecord(
            self._clock(),
            card_holder=profile.holder if profile else "",
            card_holder_birth=profile.birth_date if profile else None,
            # A 顔認証マイナンバーカード answers as a blocked PIN (hardware.card): that it has none set is known
            # from its profile, as its photo is; a card saying it has no such PIN (6A88) has none either.
            card_identity=CardIdentity(
                has_photo=profile.photo if profile else True,
                has_pin=self._tries is not None and (profile.has_pin if profile else True),
            ),
        )
        log.info("card: %s", plan.kind.value)
        self._go(Event.CARD_IDENTIFIED)

    # -- identity ------------------------------------------------------------------------------

    def _choose_pin(self) -> None:
        """「暗証番号」, from the method choice or 「暗証番号に切り替える」 on the face screen."""
        if self._tries is None or not self._card_identity().pin:  # a 顔認証マイナンバーカード: no PIN set
            self._update(message=NO_PIN)
        elif self._tries == 0:
            self._identity_failed(FallbackReason.PIN_LOCKED)
        else:
            self._go(Event.PIN_CHOSEN)

    def _identity_failed(self, reason: FallbackReason) -> None:
        """The patient cannot prove who they are (PIN lock): the fallback with the card holder's share, the
        申立書 at a first visit, and what staff can do with this card."""
        profile = self._card_profile()
        share = None
        if profile is not None and self.service is not None and self._serial is not None:
            share = self.service.share_of_card(self._serial, profile.birth_date)
        if self._record is not None:
            self._record = replace(self._record, share=share)
        guidance = guidance_for_identity(
            reason,
            self._as_of(),
            share=share,
            first_visit=self.clinic.first_visit,
            staff="" if self._card_identity().visual else NO_PHOTO_VISUAL,
            old_card=self._old_card(),
        )
        self._fallback(Event.PIN_BLOCKED, guidance)

    def _request_visual_check(self, intent: i.RequestVisualCheck) -> None:
        """職員が目視確認を始める (at the reader, with the facility's 目視モード用パスワード: 医療保険部会 2024-10-31 資料)."""
        if not self._snapshot.visual_offered:
            raise UnexpectedIntent(self.state, intent)
        self._go(Event.VISUAL_REQUESTED)

    def _choose_face(self) -> None:
        if not self._card_identity().face:
            self._update(message=NO_PHOTO_FACE)
            return
        if self._face.locked(self._serial):
            self._update(message=FACE_LOCKED_MESSAGE)
            return
        self._go(Event.FACE_CHOSEN)

    def _card_face(self) -> CardFace:
        profile = self._card_profile()
        if profile is None:
            return CardFace()
        return CardFace(profile.photo, profile.birth_date, profile.certificate_not_before)

    def _try_face(self, condition: FaceCondition) -> Awaitable[None] | None:
        """One simulated capture: 認証中, then the verdict. The prompts are the ones patients report (TBS NEWS
        DIG, newsdig.tbs.co.jp/articles/-/1589295)."""
        self._face_attempts += 1
        self._go(Event.FACE_CAPTURED)
        verdict, message = self._face.attempt(condition, self._serial, self._card_face(), self._as_of())
        if verdict is FaceVerdict.LOCKED:
            self._go(Event.FACE_LOCKED, message=message)
        elif verdict is FaceVerdict.RETRY:
            self._go(Event.FACE_NOT_MATCHED, message=message)
        else:
            return self._while_visit_lasts(
                self._pinless_identity(self._visit, Event.FACE_MATCHED, IdentityMethod.FACE)
            )
        return None

    def _submit_visual_check(self, password: str) -> Awaitable[None] | None:
        """The staff member confirmed the face against the card photo and typed the password.

        Never the card PIN, refused for photo-less cards, and it leaves the PIN and face failure counts
        as they are (医療保険部会 2024-10-31 資料).
        """
        if password != self.clinic.visual_check_password:
            self._update(message=WRONG_VISUAL_PASSWORD)
        elif not self._card_face().has_photo:
            self._update(message=NO_PHOTO_VISUAL)
        else:
            visit = self._visit
            return self._while_visit_lasts(
                self._pinless_identity(visit, Event.VISUAL_CONFIRMED, IdentityMethod.VISUAL)
            )
        return None

    async def _pinless_identity(self, visit: int, event: Event, method: IdentityMethod) -> None:
        """Face or 目視: the person was recognised at the reader; the certificate (read without a PIN)
        identifies them to the back end, recorded with the method (how the card is used for face
        mode is not public: modelled at the application layer, not as card-side authentication)."""
        from mynakiosk_hardware import jpki

        substitute = self._card.substitute if self._card is not None else None
        certificate = await self._card_work(jpki.read_auth_certificate, visit, on=substitute)
        self._go(event)
        if self.service is None:
            self._advance()
            return
        self._identity = self.service.check_identity(certificate, None, None)
        self._qualify(method)

    def _submit_pin(self, pin: Pin) -> Awaitable[None]:
        """確定 pressed: switch to 確認中 at once (no second submit possible), then VERIFY on the card."""
        self._go(Event.PIN_SUBMITTED)
        return self._while_visit_lasts(self._verify(pin, self._visit))

    async def _verify(self, pin: Pin, visit: int) -> None:
        from mynakiosk_hardware import jpki

        card = self._card
        challenge = self.service.new_challenge() if self.service else os.urandom(32)
        allow_real = card is not None and card.verify_on_card

        def authenticate(channel: CardChannel) -> jpki.Authentication:
            return jpki.authenticate(channel, pin, challenge, allow_real_card=allow_real)

        auth = await self._card_work(authenticate, visit, on=card.substitute if card is not None else None)
        result = auth.verify
        self._tries = result.tries_left
        if result.blocked:
            self._tries = 0
            self._identity_failed(FallbackReason.PIN_LOCKED)
            return
        if not result.verified:
            self._go(Event.PIN_REJECTED, wrong_pin=True)
            return
        self._go(Event.PIN_ACCEPTED)
        if self.service is None:  # card practice without a back end
            self._advance()
            return
        self._identity = self.service.check_identity(auth.certificate, auth.signature, challenge)
        self._qualify(IdentityMethod.PIN)

    # -- qualification, consent and the optional screens ---------------------------------------

    def _qualify(self, method: IdentityMethod) -> None:
        assert self.service is not None and self._identity is not None and self._record is not None
        result = self.service.confirm(self._identity, method)
        person = result.person
        child = person is None or is_child(person.birth_date, self._as_of())
        self._record = replace(self._record, method=method, result=result, child=child)
        if self._identity.phone_refusal is not None:
            self._fallback(Event.NOT_QUALIFIED, guidance_for_phone_refusal(self._identity.phone_refusal))
        elif result.needs_registration:
            self._go(Event.NEEDS_REGISTRATION)
        elif not result.usable:
            guidance = guidance_for_result(
                result,
                first_visit=self.clinic.first_visit,
                child=child,
                as_of=self._as_of(),
                old_card=self._old_card(),
            )
            self._fallback(Event.NOT_QUALIFIED, guidance)
        elif result.qualification_only:
            self._advance()  # 資格情報の提供のみ: no consent to share medical information
        else:
            self._go(Event.QUALIFIED)

    def _register(self, accept: bool) -> None:
        """保険証利用登録 (初回): 登録する / 登録しない."""
        assert self.service is not None and self._identity is not None and self._record is not None
        if not accept:
            guidance = guidance_for_declined_registration(
                self.clinic.first_visit, self._as_of(), old_card=self._old_card()
            )
            self._fallback(Event.NOT_QUALIFIED, guidance)
            return
        assert self._identity.serial is not None
        self.service.register(self._identity.serial)
        self._go(Event.REGISTERED)
        self._qualify(self._record.method or IdentityMethod.PIN)

    def _consent(self, choices: Mapping[ConsentTopic, bool]) -> None:
        if set(choices) != set(ConsentTopic):
            raise ValueError(f"every consent topic needs an answer, got {sorted(t.name for t in choices)}")
        self._answer(consents={topic: choices[topic] for topic in ConsentTopic}, event=Event.CONSENTED)

    def _answer(self, event: Event | None = None, **answers: Any) -> None:
        """Keep the patient's answer in the record, then go on (to ``event``, or the next screen)."""
        if self._record is not None:
            self._record = replace(self._record, **answers)
        if event is not None:
            self._go(event)
        else:
            self._advance()

    def _advance(self) -> None:
        """The next optional screen the clinic switched on after the current one, or 受付完了."""
        self._go(next_after(self.state, self.clinic))

    def _fallback(self, event: Event, guidance: FallbackGuidance, **fields: Any) -> None:
        self._go(event, fallback=guidance, **fields)

    # -- スマホ保険証 ---------------------------------------------------------------------------

    def phone_reader_ready(self, ready: bool) -> None:
        """The 汎用カードリーダー came or went. Gone during a phone step: back to idle, the card still works."""
        self._phone_ready = ready
        if not ready and self.state in PHONE_STEPS:
            self._visit += 1
            self._go(Event.PHONE_READER_LOST, message=PHONE_READER_LOST)
        elif self.state is State.IDLE:
            self._update()

    def _choose_phone(self, intent: i.ChooseSmartphone) -> None:
        if (
            not self._snapshot.phone_offered
        ):  # no 汎用カードリーダー here: the screen offers no 「スマートフォン」
            raise UnexpectedIntent(self.state, intent)
        self._visit += 1
        self._by_phone = True
        self._record = ReceptionRecord(self._clock())  # whose it is, the phone's certificate will say
        self._go(Event.PHONE_CHOSEN)

    def _choose_phone_kind(self, kind: PhoneKind) -> None:
        from mynakiosk_hardware.phone import PhoneKind

        android = kind is PhoneKind.ANDROID
        self._phone_kind, self._phone_pin = kind, None
        if self._record is not None:  # the staff console and the result file say the visit was by phone
            method = IdentityMethod.PHONE_PIN if android else IdentityMethod.PHONE_BIOMETRIC
            self._record = replace(self._record, method=method)
        self._go(Event.ANDROID_CHOSEN if android else Event.IPHONE_CHOSEN)

    def _phone_pin_typed(self, pin: Pin) -> None:
        """Android: the PIN waits here until the phone is held (it is checked on the phone, not here)."""
        self._phone_pin = pin
        self._go(Event.PIN_SUBMITTED)

    def phone_placed(self) -> Awaitable[None]:
        """Something arrived on the 汎用カードリーダー: read it if the reader is waiting for a phone."""
        if self.state not in (State.PHONE_HOLD, State.PHONE_NOT_READ):
            log.info("something was held over the phone reader while %s; ignored", self.state.name)
            return NO_CARD_WORK
        self._go(Event.PHONE_HELD)
        return self._while_visit_lasts(self._read_phone(self._visit))

    async def _read_phone(self, visit: int) -> None:
        from mynakiosk.flow.phone_route import Held, read_held_phone

        assert self._phone_kind is not None and self._run_on_phone is not None
        challenge = self.service.new_challenge() if self.service else os.urandom(32)
        job = read_held_phone(self._phone_kind, challenge, self._phone_pin)
        reading = await self._phone_work(job, visit)
        held = reading.held
        if held in (Held.WRONG_PIN, Held.LOCKED, Held.AUTHENTICATED, Held.OTHER_KIND):
            self._phone_pin = None  # used once, or for the wrong phone: never kept
        if reading.tries_left is not None:
            self._tries = reading.tries_left
        if held is Held.WRONG_PIN:
            self._go(Event.PIN_REJECTED, wrong_pin=True)
        elif held is Held.LOCKED:
            self._fallback(Event.PIN_BLOCKED, guidance_for_phone_lock())
        elif held is Held.OTHER_KIND:
            self._go(Event.BACK, message=held.message)
        elif held is not Held.AUTHENTICATED:
            self._go(Event.PHONE_NOT_READ, message=held.message)
        else:
            await self._phone_identity(reading, challenge)

    async def _phone_identity(self, reading: PhoneReading, challenge: bytes) -> None:
        assert self._record is not None and self._record.method is not None
        method = self._record.method
        self._go(Event.PHONE_ACCEPTED)
        if self.service is None:
            self._advance()
            return
        self._identity = self.service.check_identity(reading.certificate, reading.signature, challenge)
        self._serial = self._identity.serial
        profile = self._card_profile()  # the holder of the card the phone stands for
        self._record = replace(self._record, card_holder=profile.holder if profile else "")
        self._qualify(method)

    async def _phone_work(self, job: CardJob[T], visit: int) -> T:
        """``_card_work`` for the 汎用カードリーダー: a problem there sends the patient back to hold again."""
        from mynakiosk_hardware import jpki

        assert self._run_on_phone is not None
        try:
            result = await self._run_on_phone(job)
        except NoCardError:
            message = PHONE_MOVED
        except jpki.RealCardProtected as exc:
            message = describe(exc)
        except ReaderError as exc:  # the phone reader's service went away, or the phone answered nonsense
            log.warning("phone reader: %s", exc)
            message = PHONE_NOT_HELD
        else:
            if visit != self._visit:
                raise VisitEnded
            return result
        if visit == self._visit and self.state is State.PHONE_READING:
            self._go(Event.PHONE_NOT_READ, message=message)
        raise VisitEnded

    # -- card I/O ------------------------------------------------------------------------------

    def _card_profile(self) -> CardProfile | None:
        """What the simulation knows of the card on the reader (its holder, photo, dates)."""
        card = self._card
        if card is not None and card.persona is not None:
            return card.persona.initial_profile
        return self._profiles(self._serial) if self._serial is not None else None

    def close(self) -> None:
        self._virtual_cards.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    async def _while_visit_lasts(work: Awaitable[None]) -> None:
        """Await card work for a visit; if the visit ended meanwhile, its work stops there, quietly."""
        try:
            await work
        except VisitEnded:
            log.info("result of an ended visit dropped")

    async def _card_work(self, job: CardJob[T], visit: int, *, on: EmulatedCard | None = None) -> T:
        """Run ``job`` on the card (or on the virtual card ``on``); raise ``VisitEnded`` if the visit ended.

        The JPKI client (``hardware.jpki``) is imported by the methods that talk to a card, not with this
        module: the idle screen needs none of it (docs/performance.md, start-up). The full window
        imports it before PySide6 (``kiosk.cli.QT_FREE_GUI``), so a card placed pays nothing for it.
        """
        from mynakiosk_hardware import jpki

        try:
            if on is None:
                result = await self._run_on_card(job)
            else:
                # Our own worker, not the loop's default executor: under qasync that is a QThread pool
                # that outlives the loop.
                import asyncio

                result = await asyncio.wrap_future(self._virtual_cards.submit(job, _LocalChannel(on)))
        except NoCardError:
            if visit == self._visit:
                self.card_removed()
            raise VisitEnded from None
        except ServiceUnavailableError as exc:
            if visit == self._visit:
                self.reader_lost(describe(exc))
            raise VisitEnded from None
        except jpki.RealCardProtected as exc:
            if visit == self._visit:
                log.warning("real card protected: %s", exc)
                self._go(Event.CARD_UNREADABLE, message=describe(exc))
            raise VisitEnded from None
        except ReaderError as exc:
            if visit == self._visit:
                log.warning("card error: %s", exc)
                self._go(Event.CARD_UNREADABLE, message=CARD_ERROR)
            raise VisitEnded from None
        if visit != self._visit:
            raise VisitEnded
        return result
