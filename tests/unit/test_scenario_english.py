"""Scenario texts the UI shows carry an optional English spelling (`<field>_en`) that the loader keeps as a
Bilingual: the Japanese str everywhere (back end, result files, tests), English on screen in English."""

from __future__ import annotations

import re

import pytest

from mynakiosk import i18n
from mynakiosk.domain.clinic import ClinicSettings
from mynakiosk.i18n import Bilingual, translated
from mynakiosk.scenarios.loader import ScenarioError, library, load_scenario, practice_questions

LIBRARY = library()
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")


@pytest.fixture
def english():
    """The UI in English; data texts need no lookup table (their English is in the file)."""
    i18n.set_language("en", lambda text: text)
    yield
    i18n.set_language("ja", None)


def shown_texts(scenario) -> list[tuple[str, str]]:
    """(entry, text) for every text of the scenario file that the UI shows."""
    texts = [("title", scenario.title), ("lesson", scenario.lesson), ("question", scenario.question)]
    if scenario.clinic.name != ClinicSettings().name:  # the file names its clinic
        texts.append(("clinic.name", scenario.clinic.name))
    texts += [(f"insurers[{i}].name", insurer.name) for i, insurer in enumerate(scenario.insurers)]
    for i, p in enumerate(scenario.people):
        texts += [(f"people[{i}].name", p.person.name), (f"people[{i}].relation", p.relation)]
    return [(entry, text) for entry, text in texts if text]


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_every_bundled_scenario_has_english_for_each_shown_text(path):
    missing, not_english = [], []
    for entry, text in shown_texts(load_scenario(path)):
        en = getattr(text, "en", None)
        if not (isinstance(text, Bilingual) and en and en.strip()):
            missing.append(entry)
        elif JAPANESE.search(en):
            not_english.append(f"{entry}: {en!r}")
    assert not missing, f"no {', '.join(e + '_en' for e in missing)}"
    assert not not_english, f"Japanese left in the English: {not_english}"


def test_practice_questions_offer_their_english():
    questions = practice_questions()
    assert questions
    for question, path in questions:
        assert isinstance(question, Bilingual) and question.en, path.stem


MINIMAL = """
title = "練習"
lesson = "学ぶこと"
as_of = 2026-01-15
{top}
[clinic]
name = "やまだ小児科"
{clinic}
[[insurers]]
number = "06139991"
name = "練習健保"
{insurer}
[[people]]
id = "a"
name = "山田 さくら"
relation = "長女"
birth_date = 2018-05-14
{person}
card = {{ auth_pin = "1234" }}
"""


def write(tmp_path, **parts: str):
    path = tmp_path / "s.toml"
    text = MINIMAL.format(**({"top": "", "clinic": "", "insurer": "", "person": ""} | parts))
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("parts", "entry"),
    [
        ({"top": "title_en = 5"}, ": title_en: expected text"),
        ({"top": "lesson_en = ['x']"}, ": lesson_en: expected text"),
        ({"top": 'question = "もし？"\nquestion_en = true'}, ": question_en: expected text"),
        ({"clinic": "name_en = 1"}, ": clinic.name_en: expected text"),
        ({"insurer": "name_en = 2026-01-01"}, ": insurers[0].name_en: expected text"),
        ({"person": "name_en = 3"}, ": people[0].name_en: expected text"),
        ({"person": 'relation_en = ""'}, ": people[0].relation_en: expected text"),
        (
            {"top": 'question_en = "What if?"'},
            ": question_en: the English spelling of question, which is missing",
        ),
        ({"person": 'kana_en = "x"'}, ": people[0]: unknown field(s) kana_en"),
    ],
)
def test_a_wrong_english_spelling_names_the_file_and_the_entry(tmp_path, parts, entry):
    path = write(tmp_path, **parts)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert f"{path}{entry}" in str(err.value)


def test_without_english_the_texts_stay_plain_japanese(tmp_path, english):
    scenario = load_scenario(write(tmp_path))
    for _entry, text in shown_texts(scenario):
        assert type(text) is str and translated(text) == text


def test_a_bilingual_is_the_japanese_and_shows_english_in_english(tmp_path, english):
    top = 'title_en = "Practice"\nlesson_en = "What to learn"'
    person = 'name_en = "Sakura Yamada"\nrelation_en = "eldest daughter"'
    path = write(tmp_path, top=top, clinic='name_en = "Yamada Pediatrics"', person=person)
    scenario = load_scenario(path)
    person_ = scenario.people[0]
    assert (
        scenario.title == "練習" and scenario.lesson == "学ぶこと" and scenario.clinic.name == "やまだ小児科"
    )
    assert person_.person.name == "山田 さくら" and person_.relation == "長女"
    assert translated(scenario.title) == "Practice" and translated(scenario.lesson) == "What to learn"
    assert translated(scenario.clinic.name) == "Yamada Pediatrics"
    assert translated(scenario.insurers[0].name) == "練習健保"  # no English spelling given
    assert translated(person_.person.name) == "Sakura Yamada"
    assert translated(person_.relation) == "eldest daughter"
    persona = scenario.personas()[0]
    assert persona.name == "山田 さくら" and translated(persona.name) == "Sakura Yamada"
    assert translated(persona.relation) == "eldest daughter"
    holder = scenario.card_profiles()[person_.card.certificate_serial].holder
    assert holder == "山田 さくら" and translated(holder) == "Sakura Yamada"
    i18n.set_language("ja", None)
    assert translated(scenario.title) == "練習" and translated(person_.person.name) == "山田 さくら"


def test_the_bundled_english_reaches_the_screen(english):
    scenario = load_scenario(LIBRARY[0])
    assert scenario.title == "子どもの通常受診（保護者が子どもの暗証番号を入力）"
    assert translated(scenario.title) == scenario.title.en and not JAPANESE.search(translated(scenario.title))
