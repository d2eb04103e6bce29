"""Every library scenario runs green, files are validated with helpful messages, and the CLI says so."""

import asyncio
import datetime as dt
import json

import pytest

from mynakiosk.cli import EXIT_FAILED, EXIT_USAGE, main
from mynakiosk.scenarios.loader import ScenarioError, library, load_scenario, scenarios_dir
from mynakiosk.scenarios.runner import run_scenario

LIBRARY = library()


def test_the_library_covers_the_cases_the_issue_lists():
    assert len(LIBRARY) >= 17


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_library_scenario_runs_as_expected(path):
    scenario = load_scenario(path)
    assert scenario.lesson.strip() and scenario.expect is not None
    run = asyncio.run(run_scenario(scenario))
    assert run.ok, "\n".join(run.transcript + run.mismatches)


def write(tmp_path, text):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
title = "t"
lesson = "l"
as_of = 2026-01-15
script = [{script}]
[[insurers]]
number = "06139991"
name = "健保"
[[people]]
id = "a"
name = "A"
birth_date = 2018-05-14
card = {{ auth_pin = "1234" }}
[[coverages]]
person = "{person}"
insurer = "06139991"
acquired = {acquired}
"""


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"person": "b"}, "coverages[0].person: no person with id 'b'"),
        ({"acquired": '"2020-01-01"'}, "coverages[0].acquired: expected a date"),
        ({"script": '"dance"'}, "script[0]: unknown step 'dance'"),
        ({"script": '"pin 12"'}, "pin needs 4 ASCII digits"),
        ({"script": '"place zz"'}, "place needs the id of a person"),
    ],
)
def test_errors_name_the_file_and_the_entry(tmp_path, kwargs, message):
    values = {"person": "a", "acquired": "2020-01-01", "script": '"place a"'} | kwargs
    path = write(tmp_path, MINIMAL.format(**values))
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_a_card_profile_error_inside_a_scenario_names_the_person(tmp_path):
    path = write(
        tmp_path,
        MINIMAL.format(person="a", acquired="2020-01-01", script='"place a"').replace('"1234"', '"12"'),
    )
    with pytest.raises(ScenarioError, match=r"people\[0\]\.card.*auth_pin"):
        load_scenario(path)


def test_cli_run_fails_when_the_outcome_differs(tmp_path, capsys):
    text = MINIMAL.format(person="a", acquired="2020-01-01", script='"place a", "choose pin", "pin 1234"')
    path = write(tmp_path, text + '\n[expect]\nfinal = "complete"\nvalidity = 4\n')
    assert main(["scenario", "run", str(path)]) == 1
    out = capsys.readouterr().out
    assert "MISMATCH" in out and "資格有効性: expected 4, got 1" in out


def test_cli_run_json_and_check(capsys):
    assert main(["scenario", "run", "--json", str(LIBRARY[0])]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] and record["validity"] == 1 and record["person"] == "山田 さくら"
    assert main(["scenario", "check"]) == 0
    assert capsys.readouterr().out.count("ok: ") == len(LIBRARY)


def test_malformed_files_never_crash_the_cli(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe not utf-8")
    truncated = tmp_path / "cut.toml"
    truncated.write_text('title = "x', encoding="utf-8")
    assert main(["scenario", "check", str(bad), str(truncated)]) == EXIT_FAILED  # files that fail their check
    assert main(["scenario", "check", str(bad), str(truncated), str(tmp_path / "missing.toml")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "not valid TOML" in err and "no such scenario file" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("\n[expect]\ndocuments = 5\n", "expect.documents: expected a list"),
        ('\n[expect]\nvalidity = "1"\n', "expect.validity: expected int"),
    ],
)
def test_expectations_are_checked_too(tmp_path, extra, message):
    path = write(tmp_path, MINIMAL.format(person="a", acquired="2020-01-01", script='"place a"') + extra)
    with pytest.raises(ScenarioError, match=message):
        load_scenario(path)


def test_a_link_to_something_that_is_not_a_person_id_is_reported(tmp_path):
    text = MINIMAL.format(person="a", acquired="2020-01-01", script='"place a"').replace(
        'card = { auth_pin = "1234" }', 'card = { auth_pin = "1234", linked_to = [] }'
    )
    with pytest.raises(ScenarioError, match=r"people\[0\]\.card\.linked_to: expected text"):
        load_scenario(write(tmp_path, text))


def test_two_cards_with_one_certificate_serial_are_refused(tmp_path):
    # The back end tells cards apart by their certificate's serial: a copied serial would link one
    # person's card to the other person.
    text = MINIMAL.format(person="a", acquired="2020-01-01", script='"place a"').replace(
        'card = { auth_pin = "1234" }', 'card = { auth_pin = "1234", certificate_serial = 7 }'
    )
    text += '[[people]]\nid = "b"\nname = "B"\nbirth_date = 2016-02-01\ncard = { certificate_serial = 7 }\n'
    with pytest.raises(ScenarioError, match=r"people\[1\]\.card\.certificate_serial: 7 is also a's"):
        load_scenario(write(tmp_path, text))


def test_a_visit_that_ends_twice_publishes_two_records_and_keeps_the_first():
    """Scenario 19: the PIN lock ends the visit in the fallback, then a 目視確認 completes it. Each ending
    publishes its own record; the first is not turned into the second (the staff console showed the
    completed data in both rows)."""
    from mynakiosk.domain.qualification import IdentityMethod
    from mynakiosk.domain.visit import Outcome

    run = asyncio.run(run_scenario(load_scenario(scenarios_dir() / "19_pin_locked_visual_check.toml")))
    assert run.ok, run.mismatches
    first, second = run.records
    assert first.outcome is Outcome.FALLBACK and first.method is None and first.result is None
    assert first.fallback is not None and first.consents == {}
    assert second.outcome is Outcome.COMPLETE and second.method is IdentityMethod.VISUAL
    assert second.fallback is None and second.result is not None and all(second.consents.values())
    with pytest.raises(AttributeError):
        first.outcome = Outcome.COMPLETE  # records are immutable


def test_a_lessons_wrapped_lines_join_as_each_language_writes():
    """Japanese lines join without a space (「できます。15歳未満」), English ones with one; never 「。 」."""
    from mynakiosk.i18n import Bilingual
    from mynakiosk.scenarios.loader import join_wrapped

    assert join_wrapped("\n有効です。\n窓口で\n") == "有効です。窓口で"
    assert join_wrapped("It is valid.\nShow it\n\nat the desk.") == "It is valid. Show it at the desk."
    for path in library():
        lesson = load_scenario(path).lesson
        assert "\n" not in lesson and "。 " not in lesson and "  " not in lesson, path.name
        if isinstance(lesson, Bilingual):
            assert "\n" not in lesson.en and "  " not in lesson.en and ".Y" not in lesson.en, path.name
    family = load_scenario(scenarios_dir() / "40_phone_family.toml").lesson
    assert "できます。15歳未満" in family and "phones. Children" in family.en
    # Its what-ifs are named where they are: the practice column's 「もしも…」 box (not "below").
    assert "「家族で練習」の欄の「もしも…（スマホ保険証）」" in family
    assert "“What if… (phones)” in the “Family practice” column" in family.en


def test_a_coverage_without_reflected_reached_the_system_the_default_lag_after_acquisition(tmp_path):
    """The loader's default lag is the back end's one constant (DEFAULT_REFLECTION_DAYS), not a number of its own."""
    from mynakiosk.backend.rules import DEFAULT_REFLECTION_DAYS

    text = MINIMAL.format(person="a", acquired="2025-12-01", script='"place a"')
    (coverage,) = load_scenario(write(tmp_path, text)).coverages
    assert coverage.reflected == dt.date(2025, 12, 1) + dt.timedelta(days=DEFAULT_REFLECTION_DAYS)
    (coverage,) = load_scenario(write(tmp_path, text + "reflected = false\n")).coverages
    assert coverage.reflected is None  # the insurer never received the My Number
