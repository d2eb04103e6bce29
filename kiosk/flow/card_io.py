"""The reception's card I/O: the jobs it runs on the card (survey, PIN tries, VERIFY and signature, the
certificate) and on the phone reader, each for the visit it belongs to.

Qt-free and asyncio-based: a job runs on the reader's hardware thread (``run_on_card``, awaited), or on this
module's own worker when a virtual card stands in for the one on the reader (a training or real card). Work
for a visit that ended meanwhile (card taken away, reader lost) raises ``VisitEnded``, whatever the card
answered; a failure of the current visit's card raises ``CardFailed``, which says what the reader shows.
The reception decides what each failure means for the screens; the phone's outcomes are sorted in
``flow/phone_route.py``.

The JPKI client (``hardware.jpki``) and asyncio are imported by the methods that talk to a card, not with
this module: the idle screen needs neither (docs/performance.md, start-up; asyncio brings ssl, socket and
subprocess, ~80 M instructions). The full window imports both before PySide6 (``kiosk.cli.QT_FREE_GUI``),
so a card placed pays nothing for them.
"""

from __future__ import annotations

import enum
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Never, Protocol, TypeVar

from mynakiosk.i18n import N_
from mynakiosk.reader_messages import describe
from mynakiosk_hardware.errors import CardInUseError, CardResetError, ProtocolMismatchError
from mynakiosk_hardware.readers.base import NoCardError, ReaderError, ServiceUnavailableError

if TYPE_CHECKING:
    from collections.abc import Awaitable, Generator

    from mynakiosk.cards import VisitCard
    from mynakiosk_hardware.emulated import EmulatedCard
    from mynakiosk_hardware.jpki import Authentication, CardSurvey
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.readers.base import CardChannel, CardJob, Reader

log = logging.getLogger("kiosk.reception")

T = TypeVar("T")

CARD_ERROR = N_("カードの読み取り中にエラーが発生しました。カードを置き直してください。")
PHONE_MOVED = N_("読み取りの途中でスマートフォンが離れました。もう一度、1〜2秒かざしてください。")
PHONE_NOT_HELD = N_("スマートフォンを読み取れませんでした。となりの読み取り機に、もう一度かざしてください。")


class RunOnCard(Protocol):
    def __call__(self, job: CardJob[T], /) -> Awaitable[T]: ...


def run_on(reader: Reader) -> RunOnCard:
    """``reader``'s jobs as the reception runs them (its ``run_on_card``, ``run_on_phone``): each submitted to
    the reader's hardware thread, its result awaited in the asyncio loop."""

    async def run(job: CardJob[T], /) -> T:
        import asyncio  # not with this module (see above)

        return await asyncio.wrap_future(reader.submit(job))

    return run


class VisitEnded(Exception):
    """The visit ended (card taken away, reader lost, card error) while work for it was in flight."""


class Failure(enum.Enum):
    """Why the current visit's card work failed."""

    REMOVED = "removed"  # the card left the reader during the command
    SERVICE_LOST = "service lost"  # the PC/SC service went away: no reader any more
    UNREADABLE = "unreadable"  # the card answered nonsense, or it is a real card protected from VERIFY
    PHONE_NOT_READ = "phone not read"  # the phone moved away or answered nonsense: hold it again


class CardFailed(VisitEnded):
    """The current visit's card work failed: the visit cannot go on with it. ``message``: what to show."""

    def __init__(self, failure: Failure, message: str = "") -> None:
        super().__init__(failure.value)
        self.failure = failure
        self.message = message


class _LocalChannel:
    """A channel to a virtual card in this process: the substitute for a training or real card."""

    def __init__(self, card: EmulatedCard) -> None:
        self._card = card

    def transmit(self, apdu: bytes) -> bytes:
        return self._card.execute(apdu)


class _NoCardWork:
    """What the reception returns for an intent without card work: awaiting it returns at once, and unlike a
    coroutine, leaving it unawaited is no mistake (the GUI does not schedule it at all)."""

    def __await__(self) -> Generator[Any, None, None]:
        yield from ()


NO_CARD_WORK = _NoCardWork()


class CardIO:
    """The card and phone readers as one reception uses them, and the visit their work belongs to."""

    def __init__(self, run_on_card: RunOnCard, run_on_phone: RunOnCard | None = None) -> None:
        self._run_on_card = run_on_card
        self._run_on_phone = run_on_phone  # the 汎用カードリーダー's jobs; None: no such reader
        self.visit = 0  # the current visit; work started for an earlier one is dropped
        # Our own worker for virtual cards, not the loop's default executor: under qasync that is a QThread
        # pool that outlives the loop.
        self._virtual_cards = ThreadPoolExecutor(max_workers=1, thread_name_prefix="virtual-card")

    def next_visit(self) -> int:
        """The visit before is over (its work is dropped from now on); returns the new one."""
        self.visit += 1
        return self.visit

    def close(self) -> None:
        self._virtual_cards.shutdown(wait=False, cancel_futures=True)

    # -- the card on the face reader ----------------------------------------------------------

    async def survey(self, visit: int) -> CardSurvey:
        """What kind of card was placed: its UID, certificate serial and PIN tries (``jpki.survey``)."""
        from mynakiosk_hardware import jpki

        return await self._on_card(jpki.survey, visit)

    async def pin_tries(self, visit: int, substitute: EmulatedCard) -> int | None:
        """The PIN tries left on the virtual card standing in for the one on the reader."""
        from mynakiosk_hardware import jpki

        return await self._on_card(jpki.read_auth_pin_tries, visit, on=substitute)

    async def authenticate(
        self, visit: int, card: VisitCard | None, pin: Pin, challenge: bytes
    ) -> Authentication:
        """VERIFY ``pin``, then sign ``challenge`` and read the certificate (on the substitute, if any)."""
        from mynakiosk_hardware import jpki

        allow_real = card is not None and card.verify_on_card

        def job(channel: CardChannel) -> jpki.Authentication:
            return jpki.authenticate(channel, pin, challenge, allow_real_card=allow_real)

        return await self._on_card(job, visit, on=card.substitute if card is not None else None)

    async def auth_certificate(self, visit: int, card: VisitCard | None) -> bytes:
        """The user-auth certificate, which needs no PIN (face or 目視 identified the person)."""
        from mynakiosk_hardware import jpki

        substitute = card.substitute if card is not None else None
        return await self._on_card(jpki.read_auth_certificate, visit, on=substitute)

    async def _on_card(self, job: CardJob[T], visit: int, *, on: EmulatedCard | None = None) -> T:
        """Run ``job`` on the card (or on the virtual card ``on``) for ``visit``."""
        from mynakiosk_hardware import jpki

        try:
            if on is None:
                result = await self._run_on_card(job)
            else:
                import asyncio  # not at module level: see the module's docstring

                result = await asyncio.wrap_future(self._virtual_cards.submit(job, _LocalChannel(on)))
        except NoCardError:
            self._failed(visit, Failure.REMOVED)
        except ServiceUnavailableError as exc:
            self._failed(visit, Failure.SERVICE_LOST, describe(exc))
        except jpki.RealCardProtected as exc:
            log.warning("real card protected: %s", exc)
            self._failed(visit, Failure.UNREADABLE, describe(exc))
        except (CardInUseError, ProtocolMismatchError, CardResetError) as exc:
            # Another program has the card, or --protocol does not suit it: the wording says what to do.
            log.warning("card connection: %s", exc)
            self._failed(visit, Failure.UNREADABLE, describe(exc))
        except ReaderError as exc:
            log.warning("card error: %s", exc)
            self._failed(visit, Failure.UNREADABLE, CARD_ERROR)
        return self._for_visit(result, visit)

    # -- the phone on the 汎用カードリーダー ---------------------------------------------------------

    async def on_phone(self, job: CardJob[T], visit: int) -> T:
        """Run ``job`` on the phone held over the phone reader (``flow/phone_route.py`` makes the job)."""
        from mynakiosk_hardware import jpki

        assert self._run_on_phone is not None
        try:
            result = await self._run_on_phone(job)
        except NoCardError:
            self._failed(visit, Failure.PHONE_NOT_READ, PHONE_MOVED)
        except jpki.RealCardProtected as exc:
            self._failed(visit, Failure.PHONE_NOT_READ, describe(exc))
        except ReaderError as exc:  # the phone reader's service went away, or the phone answered nonsense
            log.warning("phone reader: %s", exc)
            self._failed(visit, Failure.PHONE_NOT_READ, PHONE_NOT_HELD)
        return self._for_visit(result, visit)

    def _for_visit(self, result: T, visit: int) -> T:
        if visit != self.visit:
            raise VisitEnded
        return result

    def _failed(self, visit: int, failure: Failure, message: str = "") -> Never:
        """The work for ``visit`` failed: the reception hears of it only if that visit is still on."""
        if visit != self.visit:
            raise VisitEnded from None
        raise CardFailed(failure, message) from None
