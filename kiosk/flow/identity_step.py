"""The card placed on the reader: reading it, then the identity step with it: 暗証番号 (VERIFY on the card),
顔認証 (simulated captures) and the staff's 目視確認, on the reception's ``Steps``. The rules (which a card allows, the face policy, the
目視 password) are domain code (``domain/identity.py``); the card work is ``flow/card_io.py``. Once the person
is identified, the reception takes over (``Steps.identified``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mynakiosk.domain.fallback import FallbackReason, guidance_for_identity
from mynakiosk.domain.identity import (
    NO_PHOTO_VISUAL,
    NO_PIN,
    CardFace,
    CardIdentity,
    FacePolicy,
    FaceVerdict,
    PinChoice,
    face_refusal,
    pin_choice,
    visual_confirmation_refusal,
)
from mynakiosk.domain.people import is_child
from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.domain.visit import ReceptionRecord
from mynakiosk.flow.intents import UnexpectedIntent
from mynakiosk.flow.machine import Event

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from mynakiosk.domain.identity import FaceCondition
    from mynakiosk.flow import intents as i
    from mynakiosk.flow.card_io import CardIO
    from mynakiosk.flow.visit import Steps
    from mynakiosk_hardware.pin import Pin

log = logging.getLogger("kiosk.reception")


class IdentityStep:
    """The card on the reader, and how the patient proves who they are with it."""

    def __init__(self, steps: Steps, cards: CardIO, face_failure_limit: int) -> None:
        self._steps, self._cards = steps, cards
        self.face = FacePolicy(face_failure_limit)  # the face failures per card, for the session

    async def read(self, visit_id: int) -> None:
        """読み取り中: what the card is, how this visit uses it (``CardPolicy``), its PIN tries, whose it is."""
        steps, visit = self._steps, self._steps.visit
        found = await self._cards.survey(visit_id)
        plan = steps.policy.plan(found)
        if plan.refusal is not None:
            steps.go(Event.CARD_UNREADABLE, message=plan.refusal)
            return
        visit.card, visit.serial = plan, found.certificate_serial
        profile = steps.card_profile()
        visit.tries = found.tries_left
        if plan.substitute is not None:
            visit.tries = await self._cards.pin_tries(visit_id, plan.substitute)
        visit.record = ReceptionRecord(
            steps.now(),
            card_holder=profile.holder if profile else "",
            card_holder_birth=profile.birth_date if profile else None,
            card_identity=CardIdentity.of(profile, visit.tries),
        )
        log.info("card: %s", plan.kind.value)
        steps.go(Event.CARD_IDENTIFIED)

    def request_visual_check(self, intent: i.RequestVisualCheck) -> None:
        """職員が目視確認を始める (at the reader, with the facility's 目視モード用パスワード: 医療保険部会 2024-10-31 資料)."""
        if not self._steps.snapshot.visual_offered:
            raise UnexpectedIntent(self._steps.state, intent)
        self._steps.go(Event.VISUAL_REQUESTED)

    def choose_pin(self) -> None:
        """「暗証番号」, from the method choice or 「暗証番号に切り替える」 on the face screen."""
        visit = self._steps.visit
        choice = pin_choice(visit.tries, visit.card_identity)
        if choice is PinChoice.NOT_SET:
            self._steps.update(message=NO_PIN)
        elif choice is PinChoice.LOCKED:
            self.failed(FallbackReason.PIN_LOCKED)
        else:
            self._steps.go(Event.PIN_CHOSEN)

    def submit_pin(self, pin: Pin) -> Awaitable[None]:
        """確定 pressed: switch to 確認中 at once (no second submit possible), then VERIFY on the card."""
        self._steps.go(Event.PIN_SUBMITTED)
        return self._steps.while_visit_lasts(self._verify(pin, self._cards.visit))

    async def _verify(self, pin: Pin, visit_id: int) -> None:
        steps, visit = self._steps, self._steps.visit
        challenge = steps.challenge()
        auth = await self._cards.authenticate(visit_id, visit.card, pin, challenge)
        result = auth.verify
        visit.tries = result.tries_left
        if result.blocked:
            visit.tries = 0
            self.failed(FallbackReason.PIN_LOCKED)
        elif not result.verified:
            steps.go(Event.PIN_REJECTED, wrong_pin=True)
        else:
            steps.identified(
                Event.PIN_ACCEPTED, IdentityMethod.PIN, auth.certificate, auth.signature, challenge
            )

    def failed(self, reason: FallbackReason) -> None:
        """The patient cannot prove who they are (PIN lock): the fallback with the card holder's share, the
        申立書 at a first visit, and what staff can do with this card."""
        steps, visit = self._steps, self._steps.visit
        profile = steps.card_profile()
        share = None
        if profile is not None and steps.service is not None and visit.serial is not None:
            share = steps.service.share_of_card(visit.serial, profile.birth_date)
        visit.note(share=share)
        guidance = guidance_for_identity(
            reason,
            steps.as_of(),
            share=share,
            first_visit=steps.clinic.first_visit,
            staff="" if visit.card_identity.visual else NO_PHOTO_VISUAL,
            old_card=steps.old_card(),
            child=is_child(profile.birth_date if profile is not None else None, steps.as_of()),
        )
        steps.go(Event.PIN_BLOCKED, fallback=guidance)

    def choose_face(self) -> None:
        visit = self._steps.visit
        refusal = face_refusal(visit.card_identity, self.face.locked(visit.serial))
        if refusal:
            self._steps.update(message=refusal)
        else:
            self._steps.go(Event.FACE_CHOSEN)

    def try_face(self, condition: FaceCondition) -> Awaitable[None] | None:
        """One simulated capture: 認証中, then the verdict. The prompts are the ones patients report (TBS NEWS
        DIG, newsdig.tbs.co.jp/articles/-/1589295)."""
        steps = self._steps
        steps.visit.face_attempts += 1
        steps.go(Event.FACE_CAPTURED)
        face = CardFace.of(steps.card_profile())
        verdict, message = self.face.attempt(condition, steps.visit.serial, face, steps.as_of())
        if verdict is FaceVerdict.LOCKED:
            steps.go(Event.FACE_LOCKED, message=message)
        elif verdict is FaceVerdict.RETRY:
            steps.go(Event.FACE_NOT_MATCHED, message=message)
        else:
            return steps.while_visit_lasts(
                self._pinless(self._cards.visit, Event.FACE_MATCHED, IdentityMethod.FACE)
            )
        return None

    def submit_visual_check(self, password: str) -> Awaitable[None] | None:
        """The staff member confirmed the face against the card photo and typed the password.

        Never the card PIN, refused for photo-less cards, and it leaves the PIN and face failure counts
        as they are (医療保険部会 2024-10-31 資料).
        """
        steps = self._steps
        face = CardFace.of(steps.card_profile())
        refusal = visual_confirmation_refusal(password, steps.clinic.visual_check_password, face)
        if refusal:
            steps.update(message=refusal)
            return None
        return steps.while_visit_lasts(
            self._pinless(self._cards.visit, Event.VISUAL_CONFIRMED, IdentityMethod.VISUAL)
        )

    async def _pinless(self, visit_id: int, event: Event, method: IdentityMethod) -> None:
        """Face or 目視: the person was recognised at the reader; the certificate (read without a PIN)
        identifies them to the back end, recorded with the method (how the card is used for face
        mode is not public: modelled at the application layer, not as card-side authentication)."""
        certificate = await self._cards.auth_certificate(visit_id, self._steps.visit.card)
        self._steps.identified(event, method, certificate, None, None)
