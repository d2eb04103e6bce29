"""FlowController: the QObject between the reader, the Qt-free reception session and the screens."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
from collections import deque
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from mynakiosk.cards import CardPolicy
from mynakiosk.flow.card_io import NO_CARD_WORK, run_on
from mynakiosk.flow.machine import State, state_label
from mynakiosk.flow.reception import Reception, Snapshot
from mynakiosk.flow.staff_actions import ScenarioSwitchRefused
from mynakiosk.i18n import N_, Msg
from mynakiosk.reader_messages import describe
from mynakiosk.roster import Roster
from mynakiosk.sessionlog import SessionLog
from mynakiosk.ui.pacing import Pace, Pacer
from mynakiosk_hardware.readers.base import Reader, ReaderEvent, ReaderEventKind
from mynakiosk_hardware.readers.virtual import VirtualReader

if TYPE_CHECKING:
    from collections.abc import Awaitable
    from pathlib import Path

    from mynakiosk.domain.visit import ReceptionRecord
    from mynakiosk.flow.intents import Intent
    from mynakiosk.personas import Persona
    from mynakiosk.resultfile import ResultWriter
    from mynakiosk.scenarios.loader import Scenario

log = logging.getLogger("kiosk.controller")

# The records kept in memory, newest last (the staff console's table): a busy clinic's day. Older ones are in
# the session log and the result files; memory stays flat however long the kiosk runs.
RECENT_RECORDS = 500
RESULT_RETRY_SECONDS = 10  # a result file that could not be written is tried again this often


class FlowController(QObject):
    """Turns reader events and key presses into reception calls, and reception snapshots into a signal.

    Reader events arrive on the reader's threads; ``_reader_event`` carries them to the GUI thread
    (a queued connection), so nothing here runs off the GUI thread.
    """

    snapshot_changed = Signal(object)  # Snapshot
    # Marked texts (N_ literals or Msg), untranslated: whoever shows them translates them. ``object``, not
    # ``str``: a str signal would hand over a plain copy, without the template a Msg remembers.
    reader_status = Signal(object)
    record_added = Signal(object)  # ReceptionRecord, when a visit ends in 受付完了 or the fallback
    scenario_changed = Signal(object)  # Scenario
    log_line = Signal(object)  # a line of the reviewable session log (a Msg, never a PIN): see _write_log
    # Result files not written yet: a marked text for staff (count, reason, folder), "" once all are written.
    results_problem = Signal(object)
    _reader_event = Signal(object)  # ReaderEvent, emitted from any thread
    _phone_reader_event = Signal(object)  # ReaderEvent of the 汎用カードリーダー, from any thread

    def __init__(
        self,
        reader: Reader,
        policy: CardPolicy | None = None,
        parent: QObject | None = None,
        *,
        scenario: Scenario | None = None,
        result_folder: Path | None = None,
        roster: Roster | None = None,
        real_card_verify: bool = False,
        inactivity_timer: Any = None,
        retry_timer: Any = None,
        pace: Pace = Pace.OFF,
        pace_timer: Any = None,
        warm_up: bool = True,
        phone_reader: Reader | None = None,
    ) -> None:
        super().__init__(parent)
        # Injectable so tests never wait for it: anything with start(ms), stop() and a timeout signal.
        self.inactivity_timer = (
            inactivity_timer if inactivity_timer is not None else QTimer(self, singleShot=True)
        )
        self.inactivity_timer.timeout.connect(self._inactive)
        self.retry_timer = retry_timer if retry_timer is not None else QTimer(self, singleShot=True)
        self.retry_timer.timeout.connect(self.retry_results)
        # The waiting screens (読み取り中, 確認中, 認証中) stay in sight for a moment: see kiosk/ui/pacing.py.
        self.pace_timer = pace_timer if pace_timer is not None else QTimer(self, singleShot=True)
        self.pacer = Pacer(self._display, self.pace_timer, pace)
        self.pace_timer.timeout.connect(self.pacer.release)
        self.reader = reader
        self.phone_reader = phone_reader  # the 汎用カードリーダー beside the reader (スマホ保険証), if any
        self._phone_readers: set[str] = set()
        self.warm_up = warm_up
        self.result_folder = result_folder
        self.results: ResultWriter | None = None
        if result_folder is not None:
            from mynakiosk.resultfile import ResultWriter  # XML and the result rules: not at start-up

            self.results = ResultWriter(result_folder, on_written=self._result_written)
        self.results_problem_text = ""  # what results_problem said last
        self.roster = roster or Roster()
        self.real_card_verify = real_card_verify
        self.records: deque[ReceptionRecord] = deque(maxlen=RECENT_RECORDS)
        # The session log, in Japanese (the clinic's record, saved whole); its latest lines, as marked texts
        # the staff console can show in any language, are ``recent_log``.
        self.log = SessionLog()
        self.recent_log: deque[str] = self.log.recent
        self._tasks: set[Any] = set()  # asyncio tasks in flight
        self._watch_cards = True
        self._readers: set[str] = set()
        self.reception = Reception(
            run_on(reader),
            self.pacer.submit,
            policy,
            on_record=self._record,
            clock=dt.datetime.now,
            run_on_phone=run_on(phone_reader) if phone_reader is not None else None,
        )
        self._shown = self.reception.snapshot  # what the screens show (the flow may be a step ahead)
        self.scenario: Scenario | None = None
        self.personas: list[Persona] = list(policy.personas.values()) if policy else []
        if scenario is not None:
            self.load_scenario(scenario)
        self._reader_event.connect(self._on_reader_event)
        self._phone_reader_event.connect(self._on_phone_reader_event)

    def load_scenario(self, scenario: Scenario) -> None:
        """Use ``scenario``'s people, back end and clinic settings from the next visit on.

        Raises ``ScenarioSwitchRefused`` during a visit (its message says why, for the screen).
        """
        if self.reception.state not in (State.IDLE, State.NO_READER):
            raise ScenarioSwitchRefused
        personas = scenario.personas()
        policy = CardPolicy(personas, self.roster, real_card_verify=self.real_card_verify)
        self.reception.use(policy, scenario.service(), scenario.clinic, scenario.card_profiles().get)
        self.scenario, self.personas = scenario, personas
        if self.warm_up:  # keys and certificates take ~0.2 s a card: make them before anyone places a card

            def warm_up() -> None:
                for persona in personas:
                    persona.card.prepare()

            threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        self._write_log(
            N_("シナリオ: {title}（{date:%Y-%m-%d} 時点）", title=scenario.title, date=scenario.as_of)
        )
        self.scenario_changed.emit(scenario)
        if self._readers:
            self.reception.reader_ready()

    def _display(self, snapshot: Snapshot) -> None:
        """Show ``snapshot`` (the pacer calls this once a waiting screen before it has had its time)."""
        self._shown = snapshot
        if snapshot.state in (State.IDLE, State.NO_READER):
            self.inactivity_timer.stop()
        else:
            self.touch()
        screen = state_label(snapshot.state)
        if snapshot.message:
            self._write_log(N_("画面: {screen}（{message}）", screen=screen, message=snapshot.message))
        else:
            self._write_log(N_("画面: {screen}", screen=screen))
        self.snapshot_changed.emit(snapshot)

    def _record(self, record: ReceptionRecord) -> None:
        self.records.append(record)
        result = record.result
        if result and result.validity:
            summary = result.validity.label
        else:
            summary = record.fallback.title if record.fallback else ""
        who = result.person.name if result and result.person else record.card_holder
        method = record.method.label if record.method else ""
        self._write_log(
            N_(
                "受付記録: {outcome} {who} {summary} {method}",
                outcome=record.outcome.label if record.outcome else "",
                who=who,
                summary=summary,
                method=method,
            )
        )
        if self.results is not None and result is not None:
            self.results.submit(record, self.reception.clinic)  # each file written is logged
            self._results_changed()
        self.record_added.emit(record)

    @Slot()
    def retry_results(self) -> None:
        """Try again to write the result files that could not be written (the retry timer calls this)."""
        if self.results is None:
            return
        self.results.retry()
        self._results_changed()

    def _result_written(self, path: Path, late: bool) -> None:
        if late:
            self._write_log(N_("結果ファイル（再試行で書けました）: {path}", path=str(path)))
        else:
            self._write_log(N_("結果ファイル: {path}", path=str(path)))

    def save_pending_results(self, folder: Path) -> list[Path]:
        """Write the result files still pending into ``folder`` (offered at quit); those that failed stay."""
        if self.results is None:
            return []
        written = self.results.save_pending_to(folder)  # each file is logged as written
        self._results_changed()
        return written

    def _results_changed(self) -> None:
        assert self.results is not None
        pending = self.results.pending
        if pending:
            text = N_(
                "結果ファイルを{count}件書けていません（{reason}）。{seconds}秒ごとに書き直します。"
                "書き込み先: {folder}",
                count=len(pending),
                reason=self.results.reason,
                seconds=RESULT_RETRY_SECONDS,
                folder=str(self.results.folder),
            )
            self.retry_timer.start(RESULT_RETRY_SECONDS * 1000)
        else:
            text = ""
            self.retry_timer.stop()
        if text != self.results_problem_text:
            self.results_problem_text = text
            if text:
                self._write_log(text)
            else:
                self._write_log(N_("保存待ちの結果ファイルをすべて書きました"))
            self.results_problem.emit(text)

    def _write_log(self, text: str) -> None:
        """Add a line to the session log: ``text`` is a marked text (N_), the time goes in front.

        The line is a Msg: as a str it is the Japanese line (the saved log file stays Japanese, the clinic's
        record); the staff console shows ``translated(line)``. Its template holds no words, so it is made
        here directly and is not in the .ts (an unknown template is shown as it is).
        """
        line = Msg("{time} {text}", {"time": f"{dt.datetime.now():%H:%M:%S}", "text": text})
        self.log.append(line)
        log.info("%s", text)
        self.log_line.emit(line)

    def start(self, *, watch_cards: bool = True) -> None:
        """Begin watching the reader. ``watch_cards=False`` (kiosk --check) reports readers, reads no card."""
        self._watch_cards = watch_cards
        self.snapshot_changed.emit(self.snapshot)
        self.reader.start(self._reader_event.emit)
        if self.phone_reader is not None:
            self.phone_reader.start(self._phone_reader_event.emit)

    @property
    def snapshot(self) -> Snapshot:
        """What the screens show now. With pacing, the flow may be a step ahead (``reception.snapshot``)."""
        return self._shown

    @property
    def busy(self) -> bool:
        """True while card work is in flight or a waiting screen holds the next ones back (tests and the
        screenshot script wait on this)."""
        return self.pacer.behind or self.working

    @property
    def working(self) -> bool:
        """True while card work is in flight (a waiting screen may still be on show after it ends)."""
        return any(not t.done() for t in self._tasks)

    # -- patient actions -----------------------------------------------------------------------

    @Slot(object)
    def handle(self, intent: Intent) -> None:
        """An intent from a screen: the reception says what it means (an unexpected one is an error)."""
        work = self.reception.handle(intent)
        if work is not NO_CARD_WORK:
            self._spawn(work)

    @Slot(str)
    def paper_card_placed(self, label: str) -> None:
        self.reception.paper_card_placed(label)

    @Slot()
    def paper_card_removed(self) -> None:
        self.reception.card_removed()

    @Slot()
    def touch(self) -> None:
        """The patient did something: restart the inactivity timer."""
        if self.reception.state not in (State.IDLE, State.NO_READER):
            self.inactivity_timer.start(int(self.reception.timeout_seconds() * 1000))

    def _inactive(self) -> None:
        self.reception.inactivity()

    # -- reader --------------------------------------------------------------------------------

    @Slot(object)
    def _on_reader_event(self, event: ReaderEvent) -> None:
        log.info("reader: %s %s", event.kind.value, event.reader)
        kind = event.kind
        if kind is ReaderEventKind.READER_ADDED:
            self._readers.add(event.reader)
            self.reader_status.emit(self._reader_name(event.reader))
            self.reception.reader_ready()
        elif kind is ReaderEventKind.READER_REMOVED:
            self._readers.discard(event.reader)
            if not self._readers:
                self.reader_status.emit(N_("カードリーダーが接続されていません"))
                self.reception.reader_lost(N_("カードリーダーが接続されていません。接続を確認してください。"))
        elif kind is ReaderEventKind.SERVICE_LOST:
            self._readers.clear()
            self.reader_status.emit(N_("スマートカードサービスに接続できません"))
            self.reception.reader_lost(
                describe(event.error) if event.error else N_("スマートカードサービスに接続できません。")
            )
        elif kind is ReaderEventKind.SERVICE_RESTORED:
            self.reader_status.emit(N_("スマートカードサービスに再接続しました"))
        elif kind is ReaderEventKind.CARD_INSERTED:
            if self._watch_cards:
                self._spawn(self.reception.card_placed())
        elif kind is ReaderEventKind.CARD_REMOVED:
            self.reception.card_removed()

    def _reader_name(self, name: str) -> str:
        """The status line's reader: a PC/SC reader's own name (a proper name), the in-process one worded
        in the UI's language (its ``description`` is an English identifier for logs and ``--check``)."""
        if isinstance(self.reader, VirtualReader):
            return N_("カードリーダー: 仮想リーダー（練習用・アプリ内）")
        return N_("カードリーダー: {reader}", reader=name)

    @Slot(object)
    def _on_phone_reader_event(self, event: ReaderEvent) -> None:
        """The 汎用カードリーダー: ready or gone, a phone held over it or taken away (which ends a finished visit)."""
        log.info("phone reader: %s %s", event.kind.value, event.reader)
        kind = event.kind
        if kind is ReaderEventKind.READER_ADDED:
            self._phone_readers.add(event.reader)
        elif kind is ReaderEventKind.READER_REMOVED:
            self._phone_readers.discard(event.reader)
        elif kind is ReaderEventKind.SERVICE_LOST:
            self._phone_readers.clear()
        elif kind is ReaderEventKind.CARD_INSERTED:
            if self._watch_cards:
                self._spawn(self.reception.phone_placed())
            return
        elif kind is ReaderEventKind.CARD_REMOVED:
            if self._watch_cards:
                self.reception.phone_removed()
            return
        else:
            return
        self.reception.phone_reader_ready(bool(self._phone_readers))

    def _spawn(self, coro: Awaitable[None]) -> None:
        import asyncio  # imported when the first card arrives, not at start-up (~40 ms)

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: Any) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:  # surface bugs the way qasync's asyncSlot does: through sys.excepthook
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def close(self) -> None:
        # Stop the timer here, on the GUI thread: if Python's garbage collector later frees this object
        # from another thread (the key warm-up), a running Qt timer would be killed from the wrong thread.
        self.inactivity_timer.stop()
        self.retry_timer.stop()
        self.pace_timer.stop()
        for task in list(self._tasks):
            task.cancel()
        self.reader.close()
        if self.phone_reader is not None:
            self.phone_reader.close()
        self.reception.close()
        self.log.close()
