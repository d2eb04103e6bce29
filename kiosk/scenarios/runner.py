"""Run a scenario's script headless: the real flow machine, back end and emulated cards, no Qt.

Each run gets a fresh back end and fresh cards, places cards in an in-process reader, performs the
scripted actions, and compares the outcome with the scenario's expectation.

The report's own words (``state:``, ``result:``, ``expected … got``) are English in every language, as a
scenario file's step and state names are; what the reader and the back end say (a screen's message, a
document, a label) is kept as the marked text it was made as, so :func:`format_run` words it in the command
line's language (docs/scenarios.md, "Languages").
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import field
from typing import TYPE_CHECKING, Any

from mynakiosk.cards import CardPolicy
from mynakiosk.domain.desk import DeskVerdict, PresentedDocument, desk_verdict
from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.flow.card_io import run_on
from mynakiosk.flow.intents import CONSENT_WORDS, ChoosePin, RequestVisualCheck, ScriptStep, SubmitVisualCheck
from mynakiosk.flow.machine import State, UnexpectedEvent
from mynakiosk.flow.reception import Reception, Snapshot, UnexpectedIntent
from mynakiosk.i18n import N_, Msg
from mynakiosk.roster import Roster
from mynakiosk.scenarios.loader import (
    DeskLookup,
    ExpectState,
    FaceIdOnPhone,
    HoldPhone,
    PlaceCard,
    RemoveCard,
    TakePhone,
)
from mynakiosk_hardware.card import OtherCard
from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER, VirtualReader
from mynakiosk_hardware.records import record
from mynakiosk_hardware.text import shown_message

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mynakiosk.domain.fallback import FallbackGuidance
    from mynakiosk.domain.qualification import QualificationResult, Share
    from mynakiosk.domain.visit import ReceptionRecord
    from mynakiosk.scenarios.loader import Scenario, ScriptLine

log = logging.getLogger("kiosk.scenario")


# The identity method as the run's JSON writes it: fixed words, apart from the method's ``label`` on screen
# and in the staff console (N_()-marked), so rewording a label changes no tool reading the JSON.
METHOD_WORDS: dict[IdentityMethod, str] = {
    IdentityMethod.FACE: "顔認証",
    IdentityMethod.PIN: "暗証番号",
    IdentityMethod.VISUAL: "目視",
    IdentityMethod.PHONE_BIOMETRIC: "スマートフォン（生体認証）",
    IdentityMethod.PHONE_PIN: "スマートフォン（暗証番号）",
}


def share_word(share: Share) -> str:
    """窓口負担割合 as a scenario's ``[expect] share`` and the run's JSON write it ("3割"), apart from its label."""
    return f"{share.tenths}割"


class StepNotPossible(Exception):
    """A script step the reader does not offer at that point (its message, a report line, says why)."""


def line(template: str, /, **values: Any) -> str:
    """A line of a run's report: English words around ``values`` (marked texts, data), the Japanese line as
    a str. Its template has no Japanese, so no translation: translating the line words only its values."""
    return Msg(template, values)


def joined(parts: Sequence[Any], separator: str) -> str:
    """``separator.join(parts)``, each part still translatable (a :func:`line`)."""
    escaped = separator.replace("{", "{{").replace("}", "}}")
    return line(
        escaped.join(f"{{p{i}}}" for i in range(len(parts))), **{f"p{i}": p for i, p in enumerate(parts)}
    )


@record(frozen=False)
class RunResult:
    """One headless scenario run: what was shown, where it ended, and how that differs from [expect]."""

    scenario: Scenario
    transcript: list[str] = field(default_factory=list)  # report lines (:func:`line`)
    final_state: State | None = None
    record: ReceptionRecord | None = None  # the last one published, or the visit's so far
    records: list[ReceptionRecord] = field(default_factory=list)  # every record published, in order
    mismatches: list[str] = field(default_factory=list)
    #: Steps that could not be performed (a subset of the mismatches): what `kiosk scenario check` rejects.
    impossible: list[str] = field(default_factory=list)
    desk: list[DeskVerdict] = field(default_factory=list)  # the 個別照会 made by `desk` steps
    #: What the reader told the patient to present when no visit was recorded (the reader is out of order).
    shown_fallback: FallbackGuidance | None = None

    @property
    def result(self) -> QualificationResult | None:
        """The last result: the visit's, or (without one) the last 個別照会's."""
        if self.record is not None and self.record.result is not None:
            return self.record.result
        return self.desk[-1].result if self.desk else None

    @property
    def fallback(self) -> FallbackGuidance | None:
        return (
            self.record.fallback if self.record is not None and self.record.fallback else self.shown_fallback
        )

    @property
    def ok(self) -> bool:
        return not self.mismatches

    def to_json(self) -> dict[str, Any]:
        record = self.record
        result = self.result
        share = record.patient_share if record else (result.share if result else None)
        return {
            "scenario": self.scenario.key,
            "title": self.scenario.title,
            "ok": self.ok,
            "mismatches": self.mismatches,
            "final_state": self.final_state.value if self.final_state else None,
            "transcript": self.transcript,
            "outcome": record.outcome.value if record and record.outcome else None,
            "method": METHOD_WORDS[record.method] if record and record.method else None,
            "validity": int(result.validity) if result and result.validity else None,
            "share": share_word(share) if share else None,
            "error_code": result.error_code if result else None,
            "person": result.person.name if result and result.person else None,
            "card_holder": record.card_holder if record else None,
            "mislinked": mislinked(record),
            "consents": {CONSENT_WORDS[topic]: given for topic, given in record.consents.items()}
            if record
            else {},
            "documents": list(self.fallback.documents) if self.fallback else [],
            "desk": [
                {"document": v.document.value, "accepted": v.accepted, "action": str(v.action)}
                for v in self.desk
            ],
        }


def mislinked(record: ReceptionRecord | None) -> bool:
    """誤紐づけ: the system returned someone other than the person holding the card (name or birth date)."""
    return record is not None and record.mislinked


def describe(snapshot: Snapshot) -> str:
    extra = []
    if snapshot.tries_left is not None and snapshot.state in (
        State.METHOD_SELECT,
        State.PIN_ENTRY,
        State.PHONE_PIN,
    ):
        extra.append(N_("残り{tries}回", tries=snapshot.tries_left))
    if snapshot.wrong_pin:
        extra.append(N_("暗証番号が違います"))
    if snapshot.fallback is not None:
        extra.append(snapshot.fallback.title)
    if snapshot.message:
        extra.append(snapshot.message)
    if snapshot.alert:
        extra.append(snapshot.alert)
    if not extra:
        return line("state: {state}", state=snapshot.state.value)
    return line("state: {state} ({extra})", state=snapshot.state.value, extra=joined(extra, "; "))


async def run_scenario(scenario: Scenario) -> RunResult:
    """Run the script; never raises: whatever goes wrong is a mismatch with a message (the batch goes on)."""
    run = RunResult(scenario)
    try:
        await _run(scenario, run)
    except Exception as exc:  # reported as a mismatch; the traceback goes to the debug log
        log.debug("scenario run failed", exc_info=True)
        problem = line("the run failed: {error}", error=f"{type(exc).__name__}: {exc}")
        run.mismatches.append(problem)
        run.impossible.append(problem)
    return run


async def _run(scenario: Scenario, run: RunResult) -> None:
    if not scenario.script:
        run.mismatches.append(line("the scenario has no script to run"))
        return
    reader = VirtualReader()
    phone_reader = VirtualReader(VIRTUAL_PHONE_READER)
    personas = {p.key: p for p in scenario.personas()}
    records = run.records

    reception = Reception(
        run_on(reader),
        lambda s: run.transcript.append(line("  {state}", state=describe(s))),
        CardPolicy(list(personas.values()), Roster()),
        service=scenario.service(),
        clinic=scenario.clinic,
        profiles=scenario.card_profiles().get,
        on_record=records.append,
        clock=lambda: dt.datetime.combine(scenario.as_of, dt.time(9, 0)),
        run_on_phone=run_on(phone_reader),
    )
    reader.start(lambda _event: None)
    phone_reader.start(lambda _event: None)
    reception.reader_ready()
    reception.phone_reader_ready(True)
    try:
        for index, step in enumerate(scenario.script):
            run.transcript.append(line("> {step}", step=step.shown))
            state = reception.state
            where = {"index": index, "step": repr(step.shown), "state": state.value}
            try:
                await _perform(step, reception, (reader, phone_reader), personas, run)
            except StepNotPossible as exc:
                why = shown_message(exc)
                problem = line("script[{index}] {step} is not possible at {state}: {why}", **where, why=why)
            except (UnexpectedEvent, UnexpectedIntent):
                problem = line("script[{index}] {step} is not possible at {state}", **where)
            except Exception as exc:  # a script ends in a message, never a traceback
                log.debug("script step failed", exc_info=True)
                error = f"{type(exc).__name__}: {exc}"
                problem = line("script[{index}] {step} failed at {state}: {error}", **where, error=error)
            else:
                continue
            run.mismatches.append(problem)
            run.impossible.append(problem)
            break
    finally:
        reception.close()
        reader.close()
        phone_reader.close()
    run.final_state = reception.state
    run.record = records[-1] if records else reception.record  # a visit that stopped half-way
    run.shown_fallback = reception.snapshot.fallback
    _compare(run)


async def _perform(
    step: ScriptLine,
    reception: Reception,
    readers: tuple[VirtualReader, VirtualReader],
    personas: dict,
    run: RunResult,
) -> None:
    reader, phone_reader = readers
    action = step.action
    if isinstance(action, HoldPhone):
        phone_reader.insert(personas[action.person].phone)
        await reception.phone_placed()
    elif isinstance(action, TakePhone):
        phone_reader.remove()
    elif isinstance(action, FaceIdOnPhone):
        if not personas[action.person].phone.authenticate_on_phone():
            run.transcript.append(line("  (Face ID did not pass on the phone)"))
    elif isinstance(action, PlaceCard):
        reader.insert(OtherCard() if action.person is None else personas[action.person].card)
        await reception.card_placed()
    elif isinstance(action, RemoveCard):
        reader.remove()
        reception.card_removed()
    elif isinstance(action, DeskLookup):
        run.desk.append(_desk_lookup(list(action.words), reception, run))
        verdict = run.desk[-1]
        run.transcript.append(
            line(
                "  desk: {document}: {eligibility} {validity}; {verdict}: {action}",
                document=verdict.document.value,
                eligibility=N_("資格有効性"),
                validity=int(verdict.result.validity) if verdict.result.validity else "—",
                verdict="accepted" if verdict.accepted else "not accepted",
                action=verdict.action,
            )
        )
    elif isinstance(action, ExpectState):
        if reception.state is not action.state:
            run.mismatches.append(
                line(
                    "after the steps before {step}, the reader is at {state}",
                    step=repr(step.shown),
                    state=reception.state.value,
                )
            )
    else:
        await _act(action, reception)


async def _act(step: ScriptStep, reception: Reception) -> None:
    """The patient's (or staff's) intents, on the screen the step is meant for."""
    if step.at is not None and reception.state is not step.at:
        raise StepNotPossible(line("it is meant for the {state} screen", state=step.at.value))
    for intent in step.intents:
        if isinstance(intent, ChoosePin) and not reception.snapshot.pin_offered:
            raise StepNotPossible(
                line(
                    "this card has no PIN ({card}): {face} or {visual} only",
                    card=N_("顔認証マイナンバーカード"),
                    face=N_("顔認証"),
                    visual=N_("目視"),
                )
            )
        if isinstance(intent, RequestVisualCheck) and not reception.snapshot.visual_offered:
            raise StepNotPossible(line("{check}: staff cannot start one here", check=N_("目視確認")))
        await reception.handle(intent)
        if isinstance(intent, SubmitVisualCheck) and reception.state is State.VISUAL_CHECK:
            not_accepted = line("{check}: not accepted", check=N_("目視確認"))
            raise StepNotPossible(reception.snapshot.message or not_accepted)


def _desk_lookup(args: list[str], reception: Reception, run: RunResult) -> DeskVerdict:
    """個別照会 at the desk with the numbers of the document shown (``desk KIND INSURER SYMBOL NUMBER BRANCH
    BIRTH``), judged at the scenario's date."""
    service = reception.service
    if service is None:
        raise StepNotPossible(line("no {service} in this run", service=N_("オンライン資格確認")))
    kind, insurer, symbol, number, branch, birth = args
    person = next((p.person for p in run.scenario.people if p.person.id == birth), None)
    birth_date = person.birth_date if person else dt.date.fromisoformat(birth)
    result = service.lookup_by_numbers(insurer, symbol, number, branch, birth_date)
    return desk_verdict(PresentedDocument(kind), result, service.as_of)


def _compare(run: RunResult) -> None:
    expect = run.scenario.expect
    if expect is None:
        return
    record = run.record
    result = run.result
    if expect.final is not None and run.final_state is not None and run.final_state.value != expect.final:
        run.mismatches.append(_expected("final state", expect.final, run.final_state.value))
    if expect.validity is not None:
        got = int(result.validity) if result and result.validity else None
        if got != expect.validity:
            run.mismatches.append(_expected(N_("資格有効性"), expect.validity, got))
    if expect.share is not None:
        share = record.patient_share if record else (result.share if result else None)
        got_share = share_word(share) if share else None
        if got_share != expect.share:
            # Both as the file spells a share ("3割"): what to write in [expect]. Quoted: the file's data.
            run.mismatches.append(
                _expected(
                    "share", repr(expect.share), repr(str(got_share)) if got_share is not None else None
                )
            )
    if expect.error_code is not None:
        got_code = result.error_code if result else None
        if got_code != expect.error_code:
            run.mismatches.append(_expected("error code", expect.error_code, got_code))
    for document in expect.documents:
        listed = run.fallback.documents if run.fallback else ()
        if not any(document in d for d in listed):
            run.mismatches.append(f"fallback documents: expected {document!r} among {list(listed)}")
    for document in expect.absent_documents:
        listed = run.fallback.documents if run.fallback else ()
        if any(document in d for d in listed):
            run.mismatches.append(f"fallback documents: {document!r} must not be among {list(listed)}")
    if expect.mislinked is not None and mislinked(record) != expect.mislinked:
        run.mismatches.append(_expected(N_("誤紐づけ"), expect.mislinked, mislinked(record)))
    if expect.desk_accepted is not None:
        got_accepted = run.desk[-1].accepted if run.desk else None
        if got_accepted != expect.desk_accepted:
            run.mismatches.append(_expected(N_("個別照会"), f"accepted={expect.desk_accepted}", got_accepted))


def _expected(what: str, expected: Any, got: Any) -> str:
    """A mismatch: ``what`` (a marked text or English), what the file expected and what the run got."""
    return line("{what}: expected {expected}, got {got}", what=what, expected=expected, got=got)


def format_run(run: RunResult, words: Callable[[Any], str] = str) -> str:
    """The run as the command line prints it; ``words`` puts each line in its language (``str``: Japanese,
    as the texts were marked). Data without an English spelling (a 記号 such as 練国, a name a file gives
    no ``name_en``; the [expect] values, quoted) stays as written."""
    lines = [line("== {key}: {title}", key=run.scenario.key, title=run.scenario.title), *run.transcript]
    record = run.record
    if record and record.result:
        r = record.result
        who = r.person.name if r.person else "—"
        validity = (
            line("{code} {label}", code=int(r.validity), label=r.validity.label)
            if r.validity
            else N_("エラー {code}", code=r.error_code)
        )
        coverage = ""
        if r.coverage:
            numbers = f"{r.coverage.symbol}-{r.coverage.number}-{r.coverage.branch}"
            coverage = (
                line("{insurer} {numbers}", insurer=r.insurer.name, numbers=numbers) if r.insurer else numbers
            )
        lines.append(
            line(
                "  result: {eligibility} {validity}; {who}; {coverage}; {share_word} {share}; {method}",
                eligibility=N_("資格有効性"),
                validity=validity,
                who=who,
                coverage=coverage,
                share_word=N_("負担"),
                share=r.share.label if r.share else "—",
                method=record.method.label if record.method else "",
            )
        )
        if mislinked(record):
            lines.append(
                line(
                    "  ALARM: {mislinked} — card holder {holder}, data of {who}",
                    mislinked=N_("誤紐づけ"),
                    holder=record.card_holder,
                    who=who,
                )
            )
    if run.fallback:
        lines.append(line("  fallback: {documents}", documents=joined(run.fallback.documents, " / ")))
    verdict = "OK" if run.ok else line("MISMATCH: {mismatches}", mismatches=joined(run.mismatches, "; "))
    lines.append(line("  {verdict}", verdict=verdict))
    return "\n".join(words(text) for text in lines)
