"""One reception visit at a time: drives the flow machine with reader events, key presses and card I/O.

Qt-free and asyncio-based. Card work goes through ``run_on_card`` (the reader's hardware thread, awaited),
so this class can run under qasync in the GUI, under plain asyncio in a headless runner, or in tests.
A result that comes back after the card was taken away belongs to a finished visit and is dropped.

After the PIN, the card signs a fresh challenge from the simulated オンライン資格確認 (``service``), which
checks the signature and the certificate before it looks the person up; the result decides between the
consent screens and the fallback.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mynakiosk.cards import CardPolicy, VisitCard
from mynakiosk.domain.clinic import ClinicSettings
from mynakiosk.domain.fallback import (
    FallbackGuidance,
    FallbackReason,
    guidance_for,
    out_of_order_guidance,
    qualification_guidance,
    with_transitional,
)
from mynakiosk.domain.identity import NO_PHOTO_FACE, NO_PHOTO_VISUAL, NO_PIN, CardIdentity
from mynakiosk.domain.people import age_on
from mynakiosk.domain.qualification import IdentityCheck, IdentityMethod, QualificationResult, Validity
from mynakiosk.domain.visit import ReceptionRecord
from mynakiosk.flow.machine import Event, FlowMachine, State
from mynakiosk.i18n import N_
from mynakiosk.roster import Roster
from mynakiosk_hardware.readers.base import CardChannel, NoCardError, ReaderError, ServiceUnavailableError
from mynakiosk_hardware.text import shown_message

if TYPE_CHECKING:
    from mynakiosk.backend.service import QualificationService
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.profile import CardProfile
    from mynakiosk_hardware.readers.virtual import EmulatedCard

log = logging.getLogger("kiosk.reception")

RunOnCard = Callable[[Callable[[CardChannel], Any]], Awaitable[Any]]

CONSENT_TOPICS = (N_("診療・薬剤"), N_("手術"), N_("特定健診"))  # city.kagoshima.lg.jp 「マイナ保険証」 page


class FaceCondition(enum.Enum):
    """What the simulated camera sees (the practice controls beside the frame)."""

    NONE = "none"
    FRONT = N_("正面を向いて静止")
    MASK = N_("マスクをしている")
    MOVED = N_("途中で動いた")
    TOO_FAR = N_("離れすぎ")
    TOO_NEAR = N_("近すぎ")


FACE_PROMPTS = {
    FaceCondition.NONE: N_("画面の枠に顔を合わせてください。"),
    # 「画面のサイズに顔を合わせるように指示が出る。前後に動いてサイズが合うと認証」(kumano-express.com/hibizakkan/mynacard)
    FaceCondition.TOO_FAR: N_("もう少し近づいて、画面の枠に顔の大きさを合わせてください。"),
    FaceCondition.TOO_NEAR: N_("少し離れて、画面の枠に顔の大きさを合わせてください。"),
    # 「マスクをしていたら『マスクを外してください』」(TBS, newsdig.tbs.co.jp/articles/-/1589295)
    FaceCondition.MASK: N_("マスクを外してください。"),
    # Moving the head causes an error and a restart from the beginning (TBS, newsdig.tbs.co.jp/articles/-/1589295).
    FaceCondition.MOVED: N_("動かないでください。最初からやり直します。"),
}
FACE_LOCKED_MESSAGE = N_(
    "顔認証を続けて失敗したため、このカードでは顔認証を使えません。暗証番号を選ぶか、職員にお声がけください。"
)
OUT_OF_ORDER = N_("カードリーダーが故障しています。次のいずれかを受付窓口で提示してください。")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the screens show. Never holds a PIN."""

    state: State
    tries_left: int | None = None
    wrong_pin: bool = False
    fallback: FallbackGuidance | None = None
    message: str = ""
    notice: str = ""  # how this card is used (training card, real card protected), shown on every screen
    alert: str = ""  # 更新アラート, 資格情報の提供のみ, カードの取り忘れ
    face_locked: bool = False  # too many face failures with this card: 顔認証 is not offered
    face_offered: bool = True  # the card has a photo (infants' cards have none: PIN only)
    pin_offered: bool = True  # the card has a PIN (a 顔認証マイナンバーカード has none: face or 目視 only)
    visual_offered: bool = False  # staff may start a 目視確認 now


class _LocalChannel:
    """A channel to a virtual card in this process: the substitute for a training or real card."""

    def __init__(self, card: EmulatedCard) -> None:
        self._card = card

    def transmit(self, apdu: bytes) -> bytes:
        return self._card.execute(apdu)


async def _done() -> None:
    return None


class Reception:
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
    ) -> None:
        self._run_on_card = run_on_card
        self._on_change = on_change or (lambda _s: None)
        self.policy = policy or CardPolicy([], Roster())
        self.service = service
        self.clinic = clinic or ClinicSettings()
        self._profiles = profiles or (lambda _serial: None)
        self._serial: int | None = None
        self._face_failures: dict[int, int] = {}  # per card, for the session (the reader's count)
        self._identity_fallback = False  # the fallback came from the identity step: 目視 may help
        self._on_record = on_record or (lambda _r: None)
        self._clock = clock
        self.machine = FlowMachine()
        self._visit = 0
        self._card: VisitCard | None = None
        self._record: ReceptionRecord | None = None
        self._identity: IdentityCheck | None = None
        self._virtual_cards = ThreadPoolExecutor(max_workers=1, thread_name_prefix="virtual-card")
        self._snapshot = Snapshot(State.NO_READER, message=N_("カードリーダーを準備しています"))

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def state(self) -> State:
        return self.machine.state

    @property
    def visit_card(self) -> VisitCard | None:
        return self._card

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
        self._face_failures.clear()
        if clinic.reader_out_of_order and self.state is State.IDLE:
            self._go(Event.READER_LOST, message=OUT_OF_ORDER, fallback=self._out_of_order())

    @property
    def record(self) -> ReceptionRecord | None:
        """The current visit's record so far (complete once the visit reaches 受付完了 or the fallback)."""
        return self._record

    def _go(self, event: Event, **fields: Any) -> None:
        state = self.machine.fire(event)
        if state in (State.IDLE, State.NO_READER):
            self._card = None
            self._record = None
            self._identity = None
            self._serial = None
            self._identity_fallback = False
        if self._card is not None:
            fields.setdefault("notice", self._card.notice)
        if self._record is not None and self._record.result is not None:
            fields.setdefault("alert", _alert(self._record.result))
        fields.setdefault("face_locked", self._face_locked())
        identity = self._card_identity()
        fields.setdefault("face_offered", identity.face)
        fields.setdefault("pin_offered", identity.pin)
        fields.setdefault("visual_offered", self._visual_possible_in(state))
        self._snapshot = replace(Snapshot(state), **fields)
        self._on_change(self._snapshot)

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
        if self.state is not State.IDLE:
            log.info("a card was placed while %s; ignored until the reader is idle", self.state.name)
            return _done()
        self._visit += 1
        self._go(Event.CARD_PLACED)
        return self._read(self._visit)

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

    async def _read(self, visit: int) -> None:
        from mynakiosk_hardware import jpki  # the card protocol, loaded with the first card: see _card_work

        found = await self._card_work(jpki.survey, visit)
        if found is None:
            return
        plan = self.policy.plan(found)
        if plan.refusal is not None:
            self._go(Event.CARD_UNREADABLE, message=plan.refusal)
            return
        self._card = plan
        self._serial = found.certificate_serial
        profile = self._card_profile()
        holder = profile.holder if profile else ""
        self._record = ReceptionRecord(
            self._clock(),
            "",
            card_holder=holder,
            card_holder_birth=profile.birth_date if profile else None,
            card_kind=plan.kind.value,
        )
        tries = found.tries_left
        if plan.substitute is not None:
            tries = await self._card_work(jpki.read_auth_pin_tries, visit, on=plan.substitute)
            if visit != self._visit:
                return
        # No retry counter: a 顔認証マイナンバーカード, no PIN ever set (the card answers 6A88).
        self._record.card_identity = CardIdentity(
            has_photo=profile.photo if profile else True,
            has_pin=tries is not None and (profile.has_pin if profile else True),
        )
        log.info("card: %s", plan.kind.value)
        self._go(Event.CARD_IDENTIFIED, tries_left=tries)

    # -- identity ------------------------------------------------------------------------------

    def choose_pin(self) -> None:
        tries = self._snapshot.tries_left
        if tries is None or not self._card_identity().pin:  # a 顔認証マイナンバーカード: no PIN was ever set
            self._update(message=NO_PIN)
        elif tries == 0:
            self._identity_failed(FallbackReason.PIN_LOCKED, tries_left=0)
        else:
            self._go(Event.PIN_CHOSEN, tries_left=tries)

    def _card_identity(self) -> CardIdentity:
        """What the card on the reader allows (photo, PIN); everything when no card is known."""
        return self._record.card_identity if self._record is not None else CardIdentity()

    def _identity_failed(self, reason: FallbackReason, **fields: Any) -> None:
        """The patient cannot prove who they are (PIN lock): the fallback with the card holder's share, the
        申立書 at a first visit, and what staff can do with this card."""
        profile = self._card_profile()
        share = None
        if profile is not None and self.service is not None and self._serial is not None:
            share = self.service.share_of_card(self._serial, profile.birth_date)
        if self._record is not None:
            self._record.share = share
        guidance = guidance_for(
            reason,
            share_label=share.label if share else None,
            share_reason=share.reason if share else "",
            first_visit=self.clinic.first_visit,
            staff="" if self._card_identity().visual else NO_PHOTO_VISUAL,
        )
        self._fallback(Event.PIN_BLOCKED, guidance, **fields)

    def _out_of_order(self) -> FallbackGuidance:
        return with_transitional(out_of_order_guidance(first_visit=self.clinic.first_visit), self._as_of())

    def _as_of(self) -> dt.date:
        return self.service.as_of if self.service else dt.date.today()

    def back(self) -> None:
        self._go(Event.BACK, tries_left=self._snapshot.tries_left)

    def _update(self, **fields: Any) -> None:
        """Change what the current screen shows without changing screen."""
        self._snapshot = replace(self._snapshot, **fields)
        self._on_change(self._snapshot)

    @property
    def visual_check_possible(self) -> bool:
        """Staff may step in before the PIN, during it, or after an identity failure (PIN lock), unless the
        card has no photo to compare with (an infant's card)."""
        return self._visual_possible_in(self.state)

    def _visual_possible_in(self, state: State) -> bool:
        if self._card is None or not self._card_identity().visual:
            return False
        if state in (State.METHOD_SELECT, State.PIN_ENTRY, State.FACE):
            return True
        return state is State.FALLBACK and self._identity_fallback

    def request_visual_check(self) -> None:
        """職員が目視確認を始める (at the reader, with the facility's 目視モード用パスワード: 医療保険部会 2024-10-31 資料)."""
        if not self.visual_check_possible:
            raise RuntimeError(f"a visual check is not possible in state {self.state.name}")
        self._go(Event.VISUAL_REQUESTED, tries_left=self._snapshot.tries_left)

    # -- 顔認証 ----------------------------------------------------------------------------------

    def _face_locked(self) -> bool:
        return (
            self._serial is not None
            and self._face_failures.get(self._serial, 0) >= self.clinic.face_failure_limit
        )

    def choose_face(self) -> None:
        if not self._card_identity().face:
            self._update(message=NO_PHOTO_FACE)
            return
        if self._face_locked():
            self._update(message=FACE_LOCKED_MESSAGE)
            return
        self._go(
            Event.FACE_CHOSEN, tries_left=self._snapshot.tries_left, message=FACE_PROMPTS[FaceCondition.NONE]
        )

    def switch_to_pin(self) -> None:
        """顔認証から暗証番号へ (the reader offers it when face authentication fails)."""
        tries = self._snapshot.tries_left
        if tries is None or not self._card_identity().pin:
            self._update(message=NO_PIN)
        elif tries == 0:
            self._identity_failed(FallbackReason.PIN_LOCKED, tries_left=0)
        else:
            self._go(Event.PIN_CHOSEN, tries_left=tries)

    def face_attempt(self, condition: FaceCondition) -> Awaitable[None]:
        """One simulated capture. The prompts are the ones patients report (kumano-express.com, TBS)."""
        if condition is not FaceCondition.FRONT:
            self._update(message=FACE_PROMPTS[condition])
            return _done()
        if not self._has_photo():
            self._update(
                message=N_(
                    "このカードには顔写真がないため、顔認証はできません。「暗証番号に切り替える」を押してください。"
                )
            )
            return _done()
        if self._face_mismatch():
            serial = self._serial or 0
            self._face_failures[serial] = self._face_failures.get(serial, 0) + 1
            if self._face_locked():
                self._go(Event.FACE_LOCKED, tries_left=self._snapshot.tries_left, message=FACE_LOCKED_MESSAGE)
            else:
                self._update(
                    message=N_(
                        "顔認証できませんでした。もう一度、枠に顔を合わせてください。"
                        "「暗証番号に切り替える」こともできます。"
                    )
                )
            return _done()
        if self._serial is not None:
            self._face_failures.pop(self._serial, None)
        return self._pinless_identity(self._visit, Event.FACE_MATCHED, IdentityMethod.FACE)

    def _face_mismatch(self) -> bool:
        """Children's faces change faster than their card photo: a simulator rule (docs/domain.md).

        A child under 15 whose card photo is 2 or more years old is not matched, as parents report
        (itmedia.co.jp/news/articles/2512/09/news062.html: 「顔認証は"届かない"」, baby photo vs. now).
        """
        profile = self._card_profile()
        if profile is None or profile.certificate_not_before is None:
            return False
        as_of = self.service.as_of if self.service else dt.date.today()
        young = age_on(profile.birth_date, as_of) < 15
        return young and (as_of - profile.certificate_not_before).days >= 730

    async def _pinless_identity(self, visit: int, event: Event, method: IdentityMethod) -> None:
        """Face or 目視: the person was recognised at the reader; the certificate (read without a PIN)
        identifies them to the back end, recorded with the method (how the card is used for face
        mode is not public: modelled at the application layer, not as card-side authentication)."""
        from mynakiosk_hardware import jpki

        card = self._card
        substitute = card.substitute if card is not None else None
        certificate = await self._card_work(jpki.read_auth_certificate, visit, on=substitute)
        if certificate is None:
            return
        self._go(event)
        if self.service is None:
            self._advance()
            return
        self._identity = self.service.check_identity(certificate, None, None)
        self._qualify(method)

    # -- inactivity ----------------------------------------------------------------------------

    def inactivity(self) -> None:
        """Nobody touched the reader for the clinic's inactivity time."""
        if self.machine.can_fire(Event.INACTIVITY):
            self._finish("cancelled")
            self._go(Event.INACTIVITY)
        elif self.state in (State.COMPLETE, State.FALLBACK, State.READ_FAILED, State.CANCELLED):
            log.warning("card left on the reader after the visit")
            self._update(alert=N_("カードの取り忘れにご注意ください。カードをお取りください。"))

    def _card_profile(self) -> CardProfile | None:
        """What the simulation knows of the card on the reader (its holder, photo, dates)."""
        card = self._card
        if card is not None and card.persona is not None:
            return card.persona.initial_profile
        return self._profiles(self._serial) if self._serial is not None else None

    def _has_photo(self) -> bool:
        profile = self._card_profile()
        return profile.photo if profile is not None else True

    def submit_visual_check(self, password: str) -> Awaitable[None]:
        """The staff member confirmed the face against the card photo and typed the password.

        Never the card PIN, refused for photo-less cards, and it leaves the PIN and face failure counts
        as they are (MHLW via TBS).
        """
        if password != self.clinic.visual_check_password:
            self._update(message=N_("目視モード用パスワードが違います。"))
            return _done()
        if not self._has_photo():
            self._update(message=NO_PHOTO_VISUAL)
            return _done()
        return self._pinless_identity(self._visit, Event.VISUAL_CONFIRMED, IdentityMethod.VISUAL)

    def submit_pin(self, pin: Pin) -> Awaitable[None]:
        """確定 pressed: switch to 確認中 at once (no second submit possible), then VERIFY on the card."""
        self._go(Event.PIN_SUBMITTED, tries_left=self._snapshot.tries_left)
        return self._verify(pin, self._visit)

    async def _verify(self, pin: Pin, visit: int) -> None:
        from mynakiosk_hardware import jpki

        card = self._card
        challenge = self.service.new_challenge() if self.service else os.urandom(32)
        allow_real = card is not None and card.verify_on_card

        def authenticate(channel: CardChannel) -> jpki.Authentication:
            return jpki.authenticate(channel, pin, challenge, allow_real_card=allow_real)

        substitute = card.substitute if card is not None else None
        auth = await self._card_work(authenticate, visit, on=substitute)
        if auth is None:
            return
        result = auth.verify
        if result.blocked:
            self._identity_failed(FallbackReason.PIN_LOCKED, tries_left=0)
            return
        if not result.verified:
            self._go(Event.PIN_REJECTED, tries_left=result.tries_left, wrong_pin=True)
            return
        self._go(Event.PIN_ACCEPTED, tries_left=result.tries_left)
        if self.service is None:  # card practice without a back end
            self._advance()
            return
        self._identity = self.service.check_identity(auth.certificate, auth.signature, challenge)
        self._qualify(IdentityMethod.PIN)

    def _qualify(self, method: IdentityMethod) -> None:
        assert self.service is not None and self._identity is not None
        result = self.service.confirm(self._identity, method)
        if self._record is not None:
            self._record.method = method
            self._record.result = result
        if result.needs_registration:
            self._go(Event.NEEDS_REGISTRATION)
        elif result.usable:
            if result.qualification_only:
                self._advance()  # 資格情報の提供のみ: no consent to share medical information
            else:
                self._go(Event.QUALIFIED)
        else:
            self._fallback(Event.NOT_QUALIFIED, self._guidance(result))

    def register(self, accept: bool) -> None:
        """保険証利用登録 (初回): 登録する / 登録しない."""
        assert self.service is not None and self._identity is not None
        if not accept:
            guidance = qualification_guidance(
                FallbackReason.NOT_REGISTERED,
                title=N_("マイナ保険証の利用登録をしませんでした"),
                cause=N_("このカードは健康保険証としての利用登録がされていません。"),
                first_visit=self.clinic.first_visit,
                remedy=N_("利用登録は、このカードリーダーやマイナポータルでいつでもできます。"),
            )
            self._fallback(Event.NOT_QUALIFIED, guidance)
            return
        assert self._identity.serial is not None
        self.service.register(self._identity.serial)
        self._go(Event.REGISTERED)
        method = self._record.method if self._record and self._record.method else IdentityMethod.PIN
        self._qualify(method)

    # -- consent and the optional screens -------------------------------------------------------

    def consent_all(self) -> None:
        """全て同意する."""
        self._set_consents(dict.fromkeys(CONSENT_TOPICS, True))
        self._go(Event.CONSENTED)

    def consent_individually(self) -> None:
        """個別に同意する: one screen with each topic."""
        self._go(Event.CONSENT_INDIVIDUAL)

    def consent_detail(self, choices: dict[str, bool]) -> None:
        unknown = set(choices) - set(CONSENT_TOPICS)
        if unknown:
            raise ValueError(f"unknown consent topics: {sorted(unknown)}")
        self._set_consents({topic: choices.get(topic, False) for topic in CONSENT_TOPICS})
        self._go(Event.CONSENTED)

    def back_to_consent(self) -> None:
        self._go(Event.BACK)

    def high_cost(self, use: bool) -> None:
        """高額療養費制度を利用する: consent to share 限度額情報 (ainj.co.jp/pharmacy/online-e-checks.html)."""
        if self._record is not None:
            self._record.high_cost = use
        self._advance()

    def prescription(self, electronic: bool) -> None:
        if self._record is not None:
            self._record.prescription = N_("電子処方箋") if electronic else N_("紙の処方箋")
        self._advance()

    def subsidy(self, use: bool) -> None:
        if self._record is not None:
            self._record.subsidy = use
        self._advance()

    def _set_consents(self, consents: dict[str, bool]) -> None:
        if self._record is not None:
            self._record.consents = consents

    def _advance(self) -> None:
        """The next optional screen the clinic switched on after the current one, or 受付完了."""
        order = [
            (State.PRESCRIPTION, Event.ASK_PRESCRIPTION, self.clinic.prescription_screen),
            (State.SUBSIDY, Event.ASK_SUBSIDY, self.clinic.subsidy_screen),
        ]
        current = self.state
        passed = current not in (State.PRESCRIPTION, State.SUBSIDY)
        for state, event, enabled in order:
            if passed and enabled:
                self._go(event)
                return
            if state is current:
                passed = True
        # 誤紐づけ: the patient's screen completes as on a real reader; the record tells the desk to stop.
        self._finish("mislinked" if self._record is not None and self._record.mislinked else "complete")
        self._go(Event.FINISH)

    # -- endings -------------------------------------------------------------------------------

    def _finish(self, outcome: str, guidance: FallbackGuidance | None = None) -> None:
        if self._record is not None:
            self._record.outcome = outcome
            self._record.fallback = guidance
            self._on_record(self._record)

    def _fallback(self, event: Event, guidance: FallbackGuidance, **fields: Any) -> None:
        old_card = (
            self.service is not None
            and self._serial is not None
            and self.service.old_card_usable(self._serial)
        )
        guidance = with_transitional(guidance, self._as_of(), old_card=old_card)
        self._finish("fallback", guidance)
        self._identity_fallback = event is Event.PIN_BLOCKED
        self._go(event, fallback=guidance, **fields)

    def _guidance(self, result: QualificationResult) -> FallbackGuidance:
        person = result.person
        child = (
            person is None
            or age_on(person.birth_date, self.service.as_of if self.service else dt.date.today()) < 18
        )
        share = result.share
        if not result.processing_ok:
            return qualification_guidance(
                FallbackReason.CERTIFICATE,
                title=N_("電子証明書が使えません"),
                cause=result.error_message or result.cause,
                share_label=share.label if share else None,
                first_visit=self.clinic.first_visit,
                child=child,
                remedy=N_("電子証明書の更新・再発行は、住民票のある市区町村の窓口で行えます。"),
            )
        titles = {
            Validity.MULTIPLE: N_("資格が複数見つかりました"),
            Validity.NONE: N_("資格情報が見つかりませんでした"),
        }
        assert result.validity is not None
        # 無効・該当資格なし by card: the current record is not in the system (not reflected, My Number not
        # submitted), so the お知らせ and マイナポータル, which show what the system has, do not help.
        not_in_system = result.validity in (Validity.INVALID, Validity.NONE)
        return qualification_guidance(
            FallbackReason.NOT_QUALIFIED,
            title=titles.get(result.validity, N_("資格が確認できませんでした")),
            cause=N_("（{validity}）{cause}", validity=result.validity.label, cause=result.cause),
            share_label=share.label if share else None,
            share_reason=share.reason if share else "",
            first_visit=self.clinic.first_visit,
            child=child,
            not_in_system=not_in_system,
            remedy=N_(
                "加入している保険者（勤務先）に、マイナンバーの登録状況を確認してください。"
                "反映されるまでは、マイナポータルの資格情報画面にも表示されません。"
            )
            if not_in_system
            else N_("加入している保険者（勤務先）に、どの保険で受診するかを確認してください。"),
        )

    # -- card I/O ------------------------------------------------------------------------------

    def close(self) -> None:
        self._virtual_cards.shutdown(wait=False, cancel_futures=True)

    async def _card_work(
        self, job: Callable[[CardChannel], Any], visit: int, *, on: EmulatedCard | None = None
    ) -> Any:
        """Run ``job`` on the card (or on the virtual card ``on``); ``None`` if the visit ended meanwhile.

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
                future = self._virtual_cards.submit(job, _LocalChannel(on))
                import asyncio

                result = await asyncio.wrap_future(future)
        except NoCardError:
            if visit == self._visit:
                self.card_removed()
            return None
        except ServiceUnavailableError as exc:
            if visit == self._visit:
                self.reader_lost(shown_message(exc))
            return None
        except jpki.RealCardProtected as exc:
            if visit == self._visit:
                log.warning("real card protected: %s", exc)
                self._go(Event.CARD_UNREADABLE, message=shown_message(exc))
            return None
        except ReaderError as exc:
            if visit != self._visit:
                return None
            log.warning("card error: %s", exc)
            self._go(
                Event.CARD_UNREADABLE,
                message=N_("カードの読み取り中にエラーが発生しました。カードを置き直してください。"),
            )
            return None
        if visit != self._visit:
            log.info("result of an ended visit dropped")
            return None
        return result


def _alert(result: QualificationResult) -> str:
    if result.qualification_only:
        return N_(
            "電子証明書の有効期限が切れています。資格情報の提供のみ行います。市区町村で更新してください。"
        )
    if result.renewal_alert:
        return N_("電子証明書の有効期限が近づいています。市区町村で更新手続きをしてください。")
    return ""
