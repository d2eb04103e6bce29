"""One reception visit at a time: drives the flow machine with reader events, key presses and card I/O.

Qt-free and asyncio-based. Card work goes through ``run_on_card`` (the reader's hardware thread, awaited),
so this class can run under qasync in the GUI, under plain asyncio in a headless runner, or in tests.
A result that comes back after the card was taken away belongs to a finished visit and is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from hardware import jpki
from hardware.jpki import Pin
from hardware.readers.base import CardChannel, NoCardError, ReaderError, ServiceUnavailableError
from hardware.readers.virtual import EmulatedCard
from kiosk.cards import CardPolicy, VisitCard
from kiosk.domain.fallback import FallbackGuidance, FallbackReason, guidance_for
from kiosk.flow.machine import Event, FlowMachine, State
from kiosk.roster import Roster

log = logging.getLogger("kiosk.reception")

RunOnCard = Callable[[Callable[[CardChannel], Any]], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the screens show. Never holds a PIN."""

    state: State
    tries_left: int | None = None
    wrong_pin: bool = False
    fallback: FallbackGuidance | None = None
    message: str = ""
    notice: str = ""  # how this card is used (training card, real card protected), shown on every screen


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
    ) -> None:
        self._run_on_card = run_on_card
        self._on_change = on_change or (lambda _s: None)
        self.policy = policy or CardPolicy([], Roster())
        self.machine = FlowMachine()
        self._visit = 0
        self._card: VisitCard | None = None
        self._virtual_cards = ThreadPoolExecutor(max_workers=1, thread_name_prefix="virtual-card")
        self._snapshot = Snapshot(State.NO_READER, message="カードリーダーを準備しています")

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def state(self) -> State:
        return self.machine.state

    @property
    def visit_card(self) -> VisitCard | None:
        return self._card

    def _go(self, event: Event, **fields: Any) -> None:
        state = self.machine.fire(event)
        if state in (State.IDLE, State.NO_READER):
            self._card = None
        if self._card is not None:
            fields.setdefault("notice", self._card.notice)
        self._snapshot = replace(Snapshot(state), **fields)
        self._on_change(self._snapshot)

    # -- reader events -------------------------------------------------------------------------

    def reader_ready(self) -> None:
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
            log.warning("a card was placed while %s; ignored until the reader is idle", self.state.name)
            return _done()
        self._visit += 1
        self._go(Event.CARD_PLACED)
        return self._read(self._visit)

    async def _read(self, visit: int) -> None:
        found = await self._card_work(jpki.survey, visit)
        if found is None:
            return
        plan = self.policy.plan(found)
        if plan.refusal is not None:
            self._go(Event.CARD_UNREADABLE, message=plan.refusal)
            return
        self._card = plan
        tries = found.tries_left
        if plan.substitute is not None:
            tries = await self._card_work(jpki.read_auth_pin_tries, visit, on=plan.substitute)
            if visit != self._visit:
                return
        log.info("card: %s", plan.kind.value)
        self._go(Event.CARD_IDENTIFIED, tries_left=tries)

    # -- patient input -------------------------------------------------------------------------

    def choose_pin(self) -> None:
        tries = self._snapshot.tries_left
        if tries is None:  # a 顔認証マイナンバーカード: no PIN was ever set
            self._go(Event.PIN_BLOCKED, fallback=guidance_for(FallbackReason.NO_PIN_SET))
        elif tries == 0:
            self._go(Event.PIN_BLOCKED, tries_left=0, fallback=guidance_for(FallbackReason.PIN_LOCKED))
        else:
            self._go(Event.PIN_CHOSEN, tries_left=tries)

    def back(self) -> None:
        self._go(Event.BACK, tries_left=self._snapshot.tries_left)

    def submit_pin(self, pin: Pin) -> Awaitable[None]:
        """確定 pressed: switch to 確認中 at once (no second submit possible), then VERIFY on the card."""
        self._go(Event.PIN_SUBMITTED, tries_left=self._snapshot.tries_left)
        return self._verify(pin, self._visit)

    async def _verify(self, pin: Pin, visit: int) -> None:
        card = self._card
        if card is not None and card.substitute is not None:
            result = await self._card_work(
                lambda ch: jpki.verify_auth_pin(ch, pin), visit, on=card.substitute
            )
        else:
            allow_real = card is not None and card.verify_on_card
            result = await self._card_work(
                lambda ch: jpki.guarded_verify(ch, pin, allow_real_card=allow_real), visit
            )
        if result is None:
            return
        if result.verified:
            self._go(Event.PIN_ACCEPTED, tries_left=result.tries_left)
        elif result.blocked:
            self._go(Event.PIN_BLOCKED, tries_left=0, fallback=guidance_for(FallbackReason.PIN_LOCKED))
        else:
            self._go(Event.PIN_REJECTED, tries_left=result.tries_left, wrong_pin=True)

    def close(self) -> None:
        self._virtual_cards.shutdown(wait=False, cancel_futures=True)

    # -- card I/O ------------------------------------------------------------------------------

    async def _card_work(
        self, job: Callable[[CardChannel], Any], visit: int, *, on: EmulatedCard | None = None
    ) -> Any:
        """Run ``job`` on the card (or on the virtual card ``on``); ``None`` if the visit ended meanwhile."""
        try:
            if on is None:
                result = await self._run_on_card(job)
            else:
                # Our own worker, not the loop's default executor: under qasync that is a QThread pool
                # that outlives the loop.
                future = self._virtual_cards.submit(job, _LocalChannel(on))
                result = await asyncio.wrap_future(future)
        except NoCardError:
            if visit == self._visit:
                self.card_removed()
            return None
        except ServiceUnavailableError as exc:
            if visit == self._visit:
                self.reader_lost(str(exc))
            return None
        except jpki.RealCardProtected as exc:
            if visit == self._visit:
                log.warning("real card protected: %s", exc)
                self._go(Event.CARD_UNREADABLE, message=str(exc))
            return None
        except ReaderError as exc:
            if visit != self._visit:
                return None
            log.warning("card error: %s", exc)
            self._go(
                Event.CARD_UNREADABLE,
                message="カードの読み取り中にエラーが発生しました。カードを置き直してください。",
            )
            return None
        if visit != self._visit:
            log.info("result of an ended visit dropped")
            return None
        return result
