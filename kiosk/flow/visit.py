"""The visit going on at the reader: what was read from the card or phone, what the patient chose, the record
so far. The reception starts a new ``Visit`` when one is forgotten (nothing half-done is kept); the routes of
a visit (``flow/phone_route.py``) read and fill it in through ``Steps``, the reception's side of it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from mynakiosk.domain.identity import CardIdentity
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Awaitable

    from mynakiosk.backend.service import QualificationService
    from mynakiosk.cards import CardPolicy, VisitCard
    from mynakiosk.domain.clinic import ClinicSettings
    from mynakiosk.domain.qualification import IdentityCheck, IdentityMethod
    from mynakiosk.domain.visit import ReceptionRecord
    from mynakiosk.flow.machine import Event, State
    from mynakiosk.flow.snapshot import Snapshot
    from mynakiosk_hardware.phone import PhoneKind
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.profile import CardProfile


@record(frozen=False)
class Visit:
    """One visit's facts so far. Never shown as is: the reception makes snapshots from it."""

    card: VisitCard | None = None  # how this visit uses the card on the reader
    record: ReceptionRecord | None = None  # None until a card or phone says whose visit it is
    identity: IdentityCheck | None = None  # the back end's check of the certificate
    serial: int | None = None  # the certificate's serial: the card the face failures are counted for
    tries: int | None = None  # the card's PIN tries left, or the phone's on a スマホ保険証 visit
    phone_kind: PhoneKind | None = None  # the phone chosen
    phone_pin: Pin | None = None  # Android: typed here, verified on the phone when it is held
    by_phone: bool = False  # a スマホ保険証 visit: no card to take away at the end
    face_attempts: int = 0  # the face captures taken (「n回目」)

    @property
    def card_identity(self) -> CardIdentity:
        """What the card on the reader allows (photo, PIN); everything when no card is known."""
        return self.record.card_identity if self.record is not None else CardIdentity()

    def note(self, **answers: Any) -> None:
        """Keep ``answers`` (the patient's, or what the visit established) in the record, if there is one."""
        if self.record is not None:
            self.record = replace(self.record, **answers)


class Steps(Protocol):
    """The reception as a route of the visit sees it: the visit, the clinic and back end, the moves between
    screens. Only ``flow/`` modules use it."""

    visit: Visit
    clinic: ClinicSettings
    service: QualificationService | None
    policy: CardPolicy

    @property
    def state(self) -> State: ...

    @property
    def snapshot(self) -> Snapshot:
        """What the screens show now."""

    def now(self) -> dt.datetime:
        """The time a record is stamped with."""

    def go(self, event: Event, **fields: Any) -> None:
        """Fire ``event`` and show the screen it leads to (``fields``: what else the snapshot shows)."""

    def update(self, **fields: Any) -> None:
        """Change what the current screen shows without changing screen."""

    def while_visit_lasts(self, work: Awaitable[None]) -> Awaitable[None]:
        """``work`` for the current visit: dropped if the visit ends, a card failure shown."""

    def card_profile(self) -> CardProfile | None:
        """What the simulation knows of the card the visit is with."""

    def as_of(self) -> dt.date:
        """Today, as the scenario sets it."""

    def old_card(self) -> bool:
        """Whether this patient's old 保険証 is still usable."""

    def identified(
        self,
        event: Event,
        method: IdentityMethod,
        certificate: bytes,
        signature: bytes | None,
        challenge: bytes | None,
    ) -> None:
        """The person is identified (``event``); the back end checks the certificate, then qualifies them."""

    def challenge(self) -> bytes:
        """A fresh challenge for the card or phone to sign."""
