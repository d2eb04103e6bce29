"""Scenario files: a practice situation as TOML, validated with messages that name the file and the entry.

A scenario holds the as-of date, the clinic's settings, insurers, people (with their cards), insurance
records, optionally a script of patient actions and the expected outcome. See docs/scenarios.md.

Texts the UI shows (title, lesson, question, names, relations) may carry an English spelling in a key
``<field>_en`` next to them; they become :class:`kiosk.i18n.Bilingual` (the Japanese str, with ``.en``).
Without it they stay plain Japanese.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mynakiosk.backend.rules import DEFAULT_REFLECTION_DAYS, add_months
from mynakiosk.backend.service import CardLink, QualificationService
from mynakiosk.backend.smartphone import PhoneLink
from mynakiosk.domain.clinic import ClinicSettings
from mynakiosk.domain.people import Coverage, Insurer, Person, Relation, age_on
from mynakiosk.domain.smartphone import can_have_smartphone_card
from mynakiosk.flow.intents import SCRIPT_STEPS, Plain, ScriptError, ScriptStep, masked_step, parse_step
from mynakiosk.flow.machine import State
from mynakiosk.i18n import N_, Bilingual, is_japanese
from mynakiosk.personas import Persona
from mynakiosk.resources import resources_dir
from mynakiosk_hardware.profile import CardProfile, ProfileError, profile_from_mapping
from mynakiosk_hardware.records import record
from mynakiosk_hardware.tomlfile import (
    EARLIEST_DATE,
    LATEST_DATE,
    check_values,
    is_single_line,
    quote,
    read_toml,
)

if TYPE_CHECKING:
    from mynakiosk_hardware.phone import PhoneProfile


class ScenarioError(ValueError):
    """A scenario that cannot be used; the message names the file, the entry and the problem."""


@record
class ScenarioPerson:
    """A member of a scenario's household: the person, their card (if any) and its 保険証利用登録 link."""

    person: Person
    relation: str  # as the family calls them: 長女, 父 …
    card: CardProfile | None
    linked_to: str  # whose records the card's certificate is linked to (another id: 誤紐づけ)
    registered: bool  # 保険証利用登録
    phone: PhoneProfile | None = None  # スマホ保険証: a phone set up from the card


@record
class Expectation:
    """What a scenario's [expect] table says a headless run must end with (``kiosk scenario run``)."""

    final: str | None = None  # a State value: "complete", "fallback", "read failed" …
    validity: int | None = None
    share: str | None = None
    error_code: str | None = None
    documents: tuple[str, ...] = ()
    mislinked: bool | None = None
    desk_accepted: bool | None = None  # the last 個別照会 at the desk (a `desk` step) accepted the document
    absent_documents: tuple[str, ...] = ()  # must not be among the fallback's documents


@record
class Scenario:
    """A practice situation loaded from a .toml file: the clinic, the household and their coverage."""

    path: Path
    title: str
    lesson: str
    as_of: dt.date
    clinic: ClinicSettings
    insurers: tuple[Insurer, ...]
    people: tuple[ScenarioPerson, ...]
    coverages: tuple[Coverage, ...]
    script: tuple[ScriptLine, ...] = ()
    expect: Expectation | None = None
    tags: tuple[str, ...] = field(default=())
    question: str = ""  # the practice choice that leads here, e.g. 「暗証番号を3回まちがえたら？」
    loaded_on: dt.date | None = None  # the real date the file was read on (``as_of = "today"`` is this day)

    @property
    def key(self) -> str:
        return self.path.stem

    @property
    def dated(self) -> bool:
        """The practised day is not today: the reader frame and the practice panel show the date."""
        return self.loaded_on is not None and self.as_of != self.loaded_on

    @property
    def date_note(self) -> str:
        """「2026-01-15 の練習」 for a scenario dated another day (its rules are that day's); "" for today."""
        if not self.dated:
            return ""
        return N_("練習の日付: {date:%Y-%m-%d}（今日ではなく、この日のルールで練習します）", date=self.as_of)

    def service(self) -> QualificationService:
        """A fresh back end for one run: links made from each card's certificate serial."""
        service = QualificationService(
            self.as_of,
            people={p.person.id: p.person for p in self.people},
            insurers={i.number: i for i in self.insurers},
            coverages=list(self.coverages),
        )
        for p in self.people:
            if p.card is not None:
                service.links[p.card.certificate_serial] = CardLink(
                    p.card.certificate_serial, p.linked_to, p.registered, p.card.certificate_status
                )
            if p.card is not None and p.phone is not None:
                assert p.card.certificate_not_after is not None
                service.phones[p.phone.certificate_serial] = PhoneLink(
                    p.phone.certificate_serial,
                    p.card.certificate_serial,
                    p.card.certificate_not_after,
                    p.phone.certificate_status,
                )
        return service

    def personas(self) -> list[Persona]:
        return [
            Persona(
                p.person.id,
                p.person.name,
                p.relation,
                age_on(p.person.birth_date, self.as_of),
                p.card,
                p.phone,
            )
            for p in self.people
            if p.card is not None
        ]

    def card_profiles(self) -> dict[int, CardProfile]:
        """The scenario's cards by certificate serial: what the simulation knows of a card on the reader."""
        return {p.card.certificate_serial: p.card for p in self.people if p.card is not None}


def scenarios_dir() -> Path:
    return resources_dir() / "scenarios"


def library() -> list[Path]:
    return sorted(scenarios_dir().glob("*.toml"))


DEFAULT_SCENARIO = "01_child_normal_visit.toml"

# An insurance record's ``relation`` as a scenario file writes it: fixed words, apart from the relation's
# ``label`` on screen (N_()-marked), so rewording a label breaks no file.
RELATION_WORDS: dict[Relation, str] = {Relation.SELF: "本人", Relation.DEPENDENT: "家族"}


def practice_questions() -> list[tuple[str, Path]]:
    """(question, file) for each library scenario that offers one, read without validating the rest."""
    found = []
    for path in library():
        try:
            data = read_toml(path, "scenario", ScenarioError)
        except ScenarioError:
            continue  # the staff console and `kiosk scenario check` report broken files
        question, english = data.get("question"), data.get("question_en")
        if isinstance(question, str) and question:
            found.append(
                (Bilingual(question, english) if isinstance(english, str) and english else question, path)
            )
    return found


def load_default(today: dt.date | None = None) -> Scenario:
    return load_scenario(scenarios_dir() / DEFAULT_SCENARIO, today)


def default_household() -> list[Persona]:
    """The default scenario's household (山田家: さくら 7, ゆうと 4, 太郎 40, dated today)."""
    return load_default().personas()


def find_scenario(file_or_name: str | Path) -> Path:
    """A scenario file, or a bundled scenario by name: ``08_pin_locked``, ``08_pin_locked.toml`` or, when
    only one bundled name ends so, ``pin_locked``. A file that exists wins over a bundled name."""
    given = Path(file_or_name)
    if given.is_file():
        return given
    name = given.name.removesuffix(".toml")
    bundled = library()
    exact = [p for p in bundled if p.stem == name]
    unnumbered = [p for p in bundled if p.stem.partition("_")[2] == name]
    if exact or len(unnumbered) == 1:
        return (exact or unnumbered)[0]
    raise ScenarioError(
        f"{file_or_name}: no such scenario file, and no bundled scenario of that name"
        " (`kiosk scenario list` shows them)"
    )


_RELATIVE = re.compile(r"today((?:\s*[+-]\s*\d+\s*[ymwd])*)")
_TERM = re.compile(r"([+-])\s*(\d+)\s*([ymwd])")
DATE_FORMS = '2026-01-15, "today", or "today" with terms like "today-7y", "today-6y+3m", "today+30d"'


def relative_date(text: str, anchor: dt.date) -> dt.date | None:
    """``"today"`` plus signed terms in years, months, weeks or days (``"today-7y-2m"``), from ``anchor``.

    Months and years keep the day of the month where it exists (31 March - 1m is 28 or 29 February).
    ``None`` when ``text`` is not of that form.
    """
    match = _RELATIVE.fullmatch(text.strip())
    if match is None:
        return None
    day = anchor
    for sign, amount, unit in _TERM.findall(match.group(1)):
        n = int(amount) * (1 if sign == "+" else -1)
        if unit in "ym":
            day = add_months(day, n * (12 if unit == "y" else 1))
        else:
            day += dt.timedelta(days=n * (7 if unit == "w" else 1))
    return day


def _date(where: str, value: Any, anchor: dt.date | None = None) -> dt.date:
    """A TOML date, or (given ``anchor``: the scenario's as-of date) a date relative to it: "today-7y"."""
    if isinstance(value, str) and anchor is not None:
        try:
            day = relative_date(value, anchor)
        except (OverflowError, ValueError):
            day = dt.date.max
        if day is not None:
            if not EARLIEST_DATE <= day <= LATEST_DATE:  # the range read_toml allows for written dates
                raise ScenarioError(f"{where}: {quote(value)} falls outside {EARLIEST_DATE} to {LATEST_DATE}")
            return day
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ScenarioError(f"{where}: expected a date like {DATE_FORMS}, got {quote(value)}")
    return value


def _text(where: str, value: Any, *, lines: bool = False) -> str:
    """Non-empty text; on one line unless ``lines`` (names, codes and ids go into the result XML).

    With ``lines`` (a lesson), the file's line breaks are where the author wrapped one paragraph: joined
    into it (``join_wrapped``), as the console and the practice panel show it.
    """
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(f"{where}: expected text in quotes, got {quote(value)}")
    if not lines and not is_single_line(value):
        raise ScenarioError(f"{where}: expected one line of text, got {quote(value)}")
    return join_wrapped(value) if lines else value


def join_wrapped(text: str) -> str:
    """The lines of a wrapped paragraph as one: Japanese ones without a space (「有効。窓口」, as Japanese is
    written), others with one (English sentences), never with the double space a rendered line break gave."""
    joined = ""
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        joined += line if not joined or is_japanese(joined[-1]) else " " + line
    return joined


def _optional_text(where: str, data: dict[str, Any], key: str, default: str) -> str:
    """The one-line text ``data[key]`` (may be empty), or ``default`` when the field is absent."""
    value = data.get(key, default)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)  # 記号・番号 written without quotes
    if not isinstance(value, str) or not is_single_line(value):
        raise ScenarioError(f"{where}.{key}: expected one line of text in quotes, got {quote(value)}")
    return value


def _english(where: str, data: dict[str, Any], key: str, text: str, *, lines: bool = False) -> str:
    """``text``, the field ``key`` of ``data`` (``where`` names it), with the English spelling ``<key>_en``.

    Without ``<key>_en`` the text stays Japanese only (a Bilingual only when the file gives an English spelling).
    """
    if f"{key}_en" not in data:
        return text
    if key not in data:
        raise ScenarioError(f"{where}_en: the English spelling of {key}, which is missing")
    return Bilingual(text, _text(f"{where}_en", data[f"{key}_en"], lines=lines))


def _table(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ScenarioError(f"{where}: expected a table, got {quote(value)}")
    return value


def _list(where: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ScenarioError(f"{where}: expected a list ([[…]] tables), got {quote(value)}")
    return value


def _only(where: str, data: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        names = quote(", ".join(unknown))[1:-1]  # a file of long made-up keys is not echoed whole
        raise ScenarioError(f"{where}: unknown field(s) {names}; known: {', '.join(sorted(allowed))}")


def load_scenario(path: str | Path, today: dt.date | None = None) -> Scenario:
    """Read and validate a scenario; ``today`` (default: the real date) is what ``as_of = "today"`` means."""
    path = Path(path)
    return parse_scenario(read_toml(path, "scenario", ScenarioError), path, today)


def parse_scenario(data: dict[str, Any], path: Path, today: dt.date | None = None) -> Scenario:
    check_values(data, str(path), ScenarioError)  # done by read_toml too: here for mappings made in code
    top = {
        "title",
        "lesson",
        "question",
        "as_of",
        "clinic",
        "insurers",
        "people",
        "coverages",
        "script",
        "expect",
        "tags",
    }
    top |= {f"{name}_en" for name in ("title", "lesson", "question")}
    _only(str(path), data, top)
    for required in ("title", "lesson", "as_of", "people"):
        if required not in data:
            raise ScenarioError(f"{path}: {required}: missing")
    title = _english(f"{path}: title", data, "title", _text(f"{path}: title", data["title"]))
    lesson = _text(f"{path}: lesson", data["lesson"], lines=True)
    lesson = _english(f"{path}: lesson", data, "lesson", lesson, lines=True)
    today = today or dt.date.today()
    # "today" in as_of is the real date; in every other date it is the scenario's as-of date.
    as_of = _date(f"{path}: as_of", data["as_of"], today)

    def date_in(where: str, value: Any) -> dt.date:
        return _date(where, value, as_of)

    clinic_table = _table(f"{path}: clinic", data.get("clinic", {}))
    clinic_fields = {f.name: f for f in fields(ClinicSettings)}
    _only(f"{path}: clinic", clinic_table, set(clinic_fields) | {"name_en"})
    clinic_data = {name: value for name, value in clinic_table.items() if name != "name_en"}
    for name, value in clinic_data.items():
        expected = type(getattr(ClinicSettings(), name))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ScenarioError(f"{path}: clinic.{name}: expected {expected.__name__}, got {quote(value)}")
        _check_clinic_value(f"{path}: clinic.{name}", name, value)
    if "name_en" in clinic_table:
        clinic_data["name"] = _english(
            f"{path}: clinic.name", clinic_table, "name", clinic_data.get("name", "")
        )
    clinic = replace(ClinicSettings(), **clinic_data)

    insurers: list[Insurer] = []
    for i, item in enumerate(_list(f"{path}: insurers", data.get("insurers", []))):
        where = f"{path}: insurers[{i}]"
        item = _table(where, item)
        _only(where, item, {"number", "name", "name_en"})
        number = _text(f"{where}.number", item.get("number"))
        if not (number.isdigit() and len(number) in (6, 8)):
            raise ScenarioError(f"{where}.number: an insurer number is 6 or 8 digits, got {quote(number)}")
        insurers.append(
            Insurer(number, _english(f"{where}.name", item, "name", _text(f"{where}.name", item.get("name"))))
        )
    insurer_numbers = {i.number for i in insurers}

    people: list[ScenarioPerson] = []
    for i, item in enumerate(_list(f"{path}: people", data["people"])):
        where = f"{path}: people[{i}]"
        item = _table(where, item)
        _only(
            where,
            item,
            {
                "id",
                "name",
                "name_en",
                "kana",
                "birth_date",
                "sex",
                "relation",
                "relation_en",
                "card",
                "phone",
            },
        )
        pid = _text(f"{where}.id", item.get("id"))
        if any(p.person.id == pid for p in people):
            raise ScenarioError(f"{where}.id: {quote(pid)} is used twice")
        name = _english(f"{where}.name", item, "name", _text(f"{where}.name", item.get("name")))
        birth = date_in(f"{where}.birth_date", item.get("birth_date"))
        if birth > as_of:
            raise ScenarioError(f"{where}.birth_date: {birth} is after the as-of date {as_of}")
        sex = str(item.get("sex", "1"))
        if sex not in ("1", "2"):
            raise ScenarioError(f"{where}.sex: 1 (male) or 2 (female), got {quote(sex)}")
        person = Person(pid, name, _optional_text(where, item, "kana", ""), birth, sex)
        card = None
        linked_to, registered = pid, True
        if "card" in item:
            card_data = dict(_table(f"{where}.card", item["card"]))
            linked_to = _text(f"{where}.card.linked_to", card_data.pop("linked_to", pid))
            registered = card_data.pop("registered", True)
            for key in ("certificate_not_before", "certificate_not_after"):
                if isinstance(card_data.get(key), str):
                    card_data[key] = date_in(f"{where}.card.{key}", card_data[key])
            if not isinstance(registered, bool):
                raise ScenarioError(
                    f"{where}.card.registered: expected true or false, got {quote(registered)}"
                )
            try:
                card = profile_from_mapping(
                    {"holder": name, "birth_date": birth, **card_data}, f"{where}.card"
                )
            except ProfileError as exc:
                raise ScenarioError(str(exc)) from None
            twin = next(
                (p for p in people if p.card and p.card.certificate_serial == card.certificate_serial), None
            )
            if twin is not None:
                # The back end links a certificate to a person by its serial: two cards with one serial
                # would be the same card to it.
                raise ScenarioError(
                    f"{where}.card.certificate_serial: {card.certificate_serial} is also "
                    f"{twin.person.id}'s card's serial; give one of them another certificate_serial"
                )
        phone = None
        if "phone" in item:
            if card is None:
                raise ScenarioError(f"{where}.phone: a phone is set up from the person's card: add a card")
            if not can_have_smartphone_card(birth, as_of):
                raise ScenarioError(
                    f"{where}.phone: under 15 there is no signature certificate, so no phone as insurance card (docs/domain.md)"
                )
            from mynakiosk_hardware.phone import phone_from_mapping  # the card model: not for the idle screen

            try:
                phone = phone_from_mapping(
                    dict(_table(f"{where}.phone", item["phone"])), card, f"{where}.phone"
                )
            except ProfileError as exc:
                raise ScenarioError(str(exc)) from None
        relation_of = _english(
            f"{where}.relation", item, "relation", _optional_text(where, item, "relation", "")
        )
        people.append(ScenarioPerson(person, relation_of, card, linked_to, registered, phone))
    ids = {p.person.id for p in people}
    for i, p in enumerate(people):
        if p.linked_to not in ids:
            raise ScenarioError(f"{path}: people[{i}].card.linked_to: no person with id {quote(p.linked_to)}")

    coverages: list[Coverage] = []
    for i, item in enumerate(_list(f"{path}: coverages", data.get("coverages", []))):
        where = f"{path}: coverages[{i}]"
        item = _table(where, item)
        allowed = {
            "person", "insurer", "symbol", "number", "branch", "relation", "acquired", "lost", "reflected",
            "medical_aid", "elderly_tenths", "limit_category", "card_expires",
        }  # fmt: skip
        _only(where, item, allowed)
        person_id = _text(f"{where}.person", item.get("person"))
        if person_id not in ids:
            raise ScenarioError(f"{where}.person: no person with id {quote(person_id)}")
        insurer = _text(f"{where}.insurer", item.get("insurer"))
        if insurer not in insurer_numbers:
            raise ScenarioError(f"{where}.insurer: {quote(insurer)} is not among the scenario's insurers")
        relation_text = item.get("relation", RELATION_WORDS[Relation.SELF])
        relation = next((r for r, word in RELATION_WORDS.items() if word == relation_text), None)
        if relation is None:
            choices = " or ".join(quote(word) for word in RELATION_WORDS.values())
            raise ScenarioError(f"{where}.relation: {choices}, got {quote(relation_text)}")
        lost = date_in(f"{where}.lost", item["lost"]) if "lost" in item else None
        acquired = date_in(f"{where}.acquired", item.get("acquired"))
        # Unless the file says otherwise, the registration reached the system a month after acquisition;
        # `reflected = false`: the insurer never received the My Number.
        if item.get("reflected") is False:
            reflected = None
        elif "reflected" in item:
            reflected = date_in(f"{where}.reflected", item["reflected"])
        else:
            reflected = acquired + dt.timedelta(days=DEFAULT_REFLECTION_DAYS)
        elderly = item.get("elderly_tenths")
        if elderly is not None and elderly not in (1, 2, 3):
            raise ScenarioError(f"{where}.elderly_tenths: 1, 2 or 3, got {quote(elderly)}")
        coverages.append(
            Coverage(
                person_id,
                insurer,
                _optional_text(where, item, "symbol", ""),
                _optional_text(where, item, "number", ""),
                _optional_text(where, item, "branch", "00"),
                relation,
                acquired,
                lost,
                reflected,
                bool(item.get("medical_aid", False)),
                elderly,
                _optional_text(where, item, "limit_category", ""),
                date_in(f"{where}.card_expires", item["card_expires"]) if "card_expires" in item else None,
            )
        )

    script_data = data.get("script", [])
    with_cards = {p.person.id for p in people if p.card is not None}
    script = tuple(
        _parse_step(
            f"{path}: script[{i}]",
            _text(f"{path}: script[{i}]", step),
            with_cards,
            ids,
            {p.person.id for p in people if p.phone},
        )
        for i, step in enumerate(_list(f"{path}: script", script_data))
    )

    expect = None
    if "expect" in data:
        item = _table(f"{path}: expect", data["expect"])
        _only(
            f"{path}: expect",
            item,
            {
                "final",
                "validity",
                "share",
                "error_code",
                "documents",
                "absent_documents",
                "mislinked",
                "desk_accepted",
            },
        )
        where = f"{path}: expect"
        for name, kind in (
            ("final", str),
            ("validity", int),
            ("share", str),
            ("error_code", str),
            ("mislinked", bool),
            ("desk_accepted", bool),
        ):
            value = item.get(name)
            if value is not None and (
                not isinstance(value, kind) or (kind is int and isinstance(value, bool))
            ):
                raise ScenarioError(f"{where}.{name}: expected {kind.__name__}, got {quote(value)}")
        documents = [
            _text(f"{where}.documents[{i}]", d)
            for i, d in enumerate(_list(f"{where}.documents", item.get("documents", [])))
        ]
        absent = [
            _text(f"{where}.absent_documents[{i}]", d)
            for i, d in enumerate(_list(f"{where}.absent_documents", item.get("absent_documents", [])))
        ]
        expect = Expectation(
            item.get("final"),
            item.get("validity"),
            item.get("share"),
            item.get("error_code"),
            tuple(documents),
            item.get("mislinked"),
            item.get("desk_accepted"),
            tuple(absent),
        )
    tags = tuple(
        _text(f"{path}: tags[{i}]", t) for i, t in enumerate(_list(f"{path}: tags", data.get("tags", [])))
    )
    question = _text(f"{path}: question", data["question"]) if "question" in data else ""
    question = _english(f"{path}: question", data, "question", question)
    return Scenario(
        path, title, lesson, as_of, clinic, tuple(insurers), tuple(people), tuple(coverages), script, expect, tags,
        question, today,
    )  # fmt: skip


# What a clinic could set, within reason: an idle time a patient can act in, face attempts the reader allows.
CLINIC_RANGES = {
    "inactivity_seconds": (5, 3600),
    "phone_hold_seconds": (5, 600),
    "face_failure_limit": (1, 100),
}


def _check_clinic_value(where: str, name: str, value: Any) -> None:
    if name in CLINIC_RANGES:
        low, high = CLINIC_RANGES[name]
        if not low <= value <= high:  # also false for NaN
            raise ScenarioError(f"{where}: from {low} to {high}, got {quote(value)}")
    elif name == "code" and not (len(value) == 10 and value.isascii() and value.isdigit()):
        raise ScenarioError(f"{where}: a medical institution code is 10 digits, got {quote(value)}")
    elif isinstance(value, str) and not (value.strip() and is_single_line(value)):
        raise ScenarioError(f"{where}: expected one line of text, got {quote(value)}")


#: The reader's and the desk's own steps; the patient's are the intents' (``flow/intents.py``, SCRIPT_STEPS).
READER_STEPS = {
    "place": "place PERSON-ID | place other",
    "remove": "remove",
    "desk": "desk certificate|card|expired-card|notice|notice+card INSURER SYMBOL NUMBER BRANCH BIRTH-DATE|PERSON-ID"
    " (the staff's look-up at the desk)",
    "expect": "expect STATE",
    "face-id": "face-id PERSON-ID",  # Face ID / Touch ID on that person's iPhone
    "hold": "hold PERSON-ID",  # that person's phone over the 汎用カードリーダー
    "take": "take",  # the phone off it
}


@record
class PlaceCard:
    """Put a card on the reader: a person's (by id) or, for None, a card that is no My Number card."""

    person: str | None


class RemoveCard(Plain):
    """Take the card off the reader."""

    __slots__ = ()


@record
class HoldPhone:
    """Hold a person's phone over the 汎用カードリーダー."""

    person: str


class TakePhone(Plain):
    """Take the phone off the 汎用カードリーダー."""

    __slots__ = ()


@record
class FaceIdOnPhone:
    """Face ID / Touch ID on a person's iPhone (on the phone: the reader sees nothing of it)."""

    person: str


@record
class ExpectState:
    """Check that the reader shows this screen now."""

    state: State


@record
class DeskLookup:
    """個別照会 at the desk: the document shown, its numbers, and the birth date (or a person id)."""

    words: tuple[str, ...]


@record
class ScriptLine:
    """One line of a scenario's script: its text (for the transcript) and what it does, parsed once."""

    text: str
    action: (
        PlaceCard | RemoveCard | ExpectState | DeskLookup | HoldPhone | TakePhone | FaceIdOnPhone | ScriptStep
    )

    def __str__(self) -> str:
        return self.shown

    @property
    def shown(self) -> str:
        """The text for a transcript or a message: a PIN masked (``pin ****``)."""
        return masked_step(self.text)


def _parse_step(where: str, step: str, with_cards: set[str], ids: set[str], phones: set[str]) -> ScriptLine:
    """The step as what it does; what cannot be told from the step alone, `kiosk scenario check` dry-runs."""
    words = step.split()
    verb = words[0] if words else ""
    if verb in ("hold", "face-id"):
        if len(words) != 2 or words[1] not in phones:
            raise ScenarioError(f"{where}: {quote(step)}: {verb} needs the id of a person with a phone")
        return ScriptLine(step, HoldPhone(words[1]) if verb == "hold" else FaceIdOnPhone(words[1]))
    if verb == "take" and len(words) == 1:
        return ScriptLine(step, TakePhone())
    if verb == "place":
        if len(words) != 2 or (words[1] != "other" and words[1] not in with_cards):
            raise ScenarioError(
                f"{where}: {quote(step)}: place needs the id of a person with a card, or 'other'"
            )
        return ScriptLine(step, PlaceCard(None if words[1] == "other" else words[1]))
    if verb == "remove":
        if len(words) != 1:
            raise ScenarioError(f"{where}: {quote(step)}: expected {READER_STEPS['remove']}")
        return ScriptLine(step, RemoveCard())
    if verb == "expect":
        wanted = " ".join(words[1:])
        state = next((s for s in State if s.value == wanted), None)
        if state is None:
            raise ScenarioError(f"{where}: {quote(step)}: expect one of {', '.join(s.value for s in State)}")
        return ScriptLine(step, ExpectState(state))
    if verb == "desk":
        _check_desk_step(where, step, words, ids)
        return ScriptLine(step, DeskLookup(tuple(words[1:])))
    if verb in SCRIPT_STEPS:
        try:
            return ScriptLine(step, parse_step(words))
        except ScriptError as exc:
            raise ScenarioError(f"{where}: {quote(step)}: {exc}") from None
    known = ", ".join([*READER_STEPS, *SCRIPT_STEPS])
    raise ScenarioError(f"{where}: unknown step {quote(step)}; steps are: {known} (docs/scenarios.md)")


def _check_desk_step(where: str, step: str, words: list[str], ids: set[str]) -> None:
    from mynakiosk.domain.desk import PresentedDocument

    documents = {d.value for d in PresentedDocument}
    if len(words) != 7 or words[1] not in documents:
        raise ScenarioError(f"{where}: {quote(step)}: expected {READER_STEPS['desk']}")
    insurer, birth = words[2], words[6]
    if not (insurer.isascii() and insurer.isdigit() and len(insurer) in (6, 8)):
        raise ScenarioError(f"{where}: {quote(step)}: an insurer number is 6 or 8 ASCII digits")
    if birth not in ids:
        try:
            dt.date.fromisoformat(birth)
        except ValueError:
            raise ScenarioError(
                f"{where}: {quote(step)}: the birth date is YYYY-MM-DD or a person id (their birth date)"
            ) from None
