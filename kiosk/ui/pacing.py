"""Pacing: the screens a person should see while the reader works (読み取り中, 確認中, 認証中) stay in sight.

The simulated card, face match and オンライン資格確認 answer in milliseconds, so those screens flashed by
unseen. Which screens they are is the flow's declaration (``Declaration.wait``); how long they stay is
presentation, decided here, never in the flow: the flow goes on at once, and the ``Pacer`` shows its
snapshots in order, holding each waiting screen for its time before the next. Nothing the patient could
press is delayed: a waiting screen has no buttons, and a visit that ends (the card taken away, the reader
lost) is shown at once, dropping what was queued for it.

Qt-free: the pacer is given a timer (``start(ms)``, ``stop()``) and is told when it runs out (``release``),
so tests use a fake timer and never wait. The headless scenario runner does not use it at all, and the
controller's default is ``Pace.OFF`` (the pytest plugin and the tests stay as fast as before).
"""

from __future__ import annotations

import enum
from collections import deque
from typing import TYPE_CHECKING, Protocol

from mynakiosk.flow.machine import STATES, Wait

if TYPE_CHECKING:
    from collections.abc import Callable

    from mynakiosk.flow.reception import Snapshot


class Pace(enum.Enum):
    """``kiosk --pace``: how long the waiting screens stay."""

    OFF = "off"  # as fast as the simulation: what tests and the scenario runner use
    FAST = "fast"  # each waiting screen stays PERCEPTIBLE_SECONDS (the app's default)
    REAL = "real"  # about as long as on a real reader (REAL_SECONDS, approximate)


#: How long a waiting screen stays at the least: about the one second that still feels like one flow of
#: work yet is long enough to register as a step of its own (J. Nielsen, "Response Times: The 3 Important
#: Limits", nngroup.com/articles/response-times-3-important-limits/: 0.1 s feels instantaneous, 1 s keeps
#: the flow of thought). The simulation itself answers within the 0.1 s limit: that is why 読み取り中 and
#: 資格確認中 were never seen.
PERCEPTIBLE_SECONDS = 1.0

#: ``--pace real``: approximate durations of a real reader's waiting screens, in seconds (docs/domain.md,
#: "Pacing"). No manufacturer manual or MHLW page found gives a figure for any single step; what sources
#: give: the whole card and identity step takes "about 30 seconds" (TBS NEWS DIG,
#: newsdig.tbs.co.jp/articles/-/1589295), the reader beeps as soon as the card is placed and goes on to the
#: method choice (ALMEX FAQ 70299), a JPKI read over NFC may take 5 s or more (デジタル庁, via BCN:
#: excite.co.jp/news/article/BcnRetail_445688), a phone is held 1–2 s (digima-labo.com/19210). The rest is
#: the simulator's estimate, marked approximate.
REAL_SECONDS: dict[Wait, float] = {
    Wait.CARD_READ: 2.0,
    Wait.PIN_CHECK: 1.5,
    Wait.FACE_MATCH: 2.0,
    Wait.QUALIFICATION: 3.0,
    Wait.PHONE_READ: 2.0,
}


def hold_seconds(pace: Pace, wait: Wait | None) -> float:
    """How long a screen that waits for ``wait`` stays at ``pace`` (0: no waiting screen, or no pacing)."""
    if wait is None or pace is Pace.OFF:
        return 0.0
    if pace is Pace.REAL:
        return max(PERCEPTIBLE_SECONDS, REAL_SECONDS[wait])
    return PERCEPTIBLE_SECONDS


class Timer(Protocol):
    """The part of a single-shot QTimer the pacer uses (``kiosk.ui.fake_timer.FakeTimer`` in tests)."""

    def start(self, msec: int, /) -> None: ...

    def stop(self) -> None: ...


class Pacer:
    """Shows snapshots in the order they come; a waiting screen stays for its time before the next is shown.

    ``show`` is called with each snapshot when it is shown. The owner connects the timer's running out to
    ``release``.
    """

    def __init__(self, show: Callable[[Snapshot], None], timer: Timer, pace: Pace = Pace.OFF) -> None:
        self._show = show
        self._timer = timer
        self.pace = pace
        self._queue: deque[Snapshot] = deque()
        self._holding = False

    @property
    def behind(self) -> bool:
        """Snapshots are waiting to be shown (the screen is behind the flow, for a moment)."""
        return bool(self._queue)

    def submit(self, snapshot: Snapshot) -> None:
        """The flow's latest snapshot: shown now, or after the waiting screen on show has had its time."""
        if STATES[snapshot.state].forgets_visit:
            # The visit is over (the card taken away, the reader lost): the reader says so at once, and
            # nothing queued for the visit is shown after it.
            self._queue.clear()
            self._stop()
        if self._holding:
            self._queue.append(snapshot)
            return
        self._display(snapshot)

    def release(self) -> None:
        """The waiting screen has had its time: show what came meanwhile, up to the next waiting screen."""
        self._holding = False
        while self._queue and not self._holding:
            self._display(self._queue.popleft())

    def stop(self) -> None:
        """Show what is queued at once and stop holding (the window closes, pacing is switched off)."""
        self._stop()
        queued, self._queue = self._queue, deque()
        for snapshot in queued:
            self._show(snapshot)

    def _stop(self) -> None:
        if self._holding:
            self._timer.stop()
            self._holding = False

    def _display(self, snapshot: Snapshot) -> None:
        seconds = hold_seconds(self.pace, STATES[snapshot.state].wait)
        if seconds > 0:  # held before it is shown: whatever showing it sets off queues behind it
            self._holding = True
            self._timer.start(round(seconds * 1000))
        self._show(snapshot)
