"""Scenario dates relative to today, and the scenario tools: `check` rejects what `run` would trip on."""

import asyncio
import datetime as dt

import pytest

from mynakiosk.cli import main
from mynakiosk.scenarios.loader import ScenarioError, load_scenario, relative_date
from mynakiosk.scenarios.runner import run_scenario

from .test_scenarios import MINIMAL, write

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", TODAY),
        ("today-7y", dt.date(2019, 12, 5)),
        ("today-6y+3m", dt.date(2021, 3, 5)),
        ("today + 30d", dt.date(2027, 1, 4)),
        ("today-2w", dt.date(2026, 11, 21)),
        ("today-1y-10m-4d", dt.date(2025, 2, 1)),
    ],
)
def test_relative_dates(text, expected):
    assert relative_date(text, TODAY) == expected


def test_month_arithmetic_keeps_to_the_calendar():
    assert relative_date("today-1m", dt.date(2026, 3, 31)) == dt.date(2026, 2, 28)
    assert relative_date("tomorrow", TODAY) is None and relative_date("today-7", TODAY) is None


def dated(tmp_path, as_of, birth, acquired="today-1y"):
    text = MINIMAL.format(person="a", acquired=f'"{acquired}"', script='"place a", "choose pin", "pin 1234"')
    text = text.replace("as_of = 2026-01-15", f"as_of = {as_of}").replace(
        "birth_date = 2018-05-14", f"birth_date = {birth}"
    )
    return write(tmp_path, text)


def test_today_is_the_real_date_in_as_of_and_the_scenario_date_elsewhere(tmp_path):
    scenario = load_scenario(dated(tmp_path, '"today"', '"today-7y"'), today=TODAY)
    assert scenario.as_of == TODAY and not scenario.dated
    assert scenario.people[0].person.birth_date == dt.date(2019, 12, 5)
    assert scenario.coverages[0].acquired == dt.date(2025, 12, 5)
    past = load_scenario(dated(tmp_path, "2026-01-15", '"today-7y"'), today=TODAY)
    # Relative to the practised day, so the child is 7 on it.
    assert past.people[0].person.birth_date == dt.date(2019, 1, 15) and past.dated


def test_a_relative_card_date_is_resolved_too(tmp_path):
    path = dated(tmp_path, '"today"', '"today-7y"')
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'auth_pin = "1234"', 'auth_pin = "1234", certificate_not_before = "today-3y"'
        ),
        encoding="utf-8",
    )
    card = load_scenario(path, today=TODAY).people[0].card
    assert card is not None and card.certificate_not_before == dt.date(2023, 12, 5)


@pytest.mark.parametrize(
    ("as_of", "birth", "message"),
    [
        ("2026-01-15", "2026-02-01", "birth_date: 2026-02-01 is after the as-of date 2026-01-15"),
        ('"today"', '"today+1d"', "birth_date: 2026-12-06 is after the as-of date 2026-12-05"),
        ('"yesterday"', "2018-05-14", "as_of: expected a date like"),
    ],
)
def test_impossible_dates_are_refused(tmp_path, as_of, birth, message):
    path = dated(tmp_path, as_of, birth)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path, today=TODAY)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ('"place a", "choose pin", "pin １２３４"', "pin needs 4 ASCII digits"),
        ('"place a", "register maybe"', "expected register yes|no"),
        ('"place a", "consent individual 手術=perhaps"', "expected consent all"),
    ],
)
def test_check_refuses_malformed_steps(tmp_path, script, message, capsys):
    path = write(tmp_path, MINIMAL.format(person="a", acquired="2020-01-01", script=script))
    assert main(["scenario", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and ("script[1]" in err or "script[2]" in err)
    assert message in err


def test_check_dry_runs_the_script_and_names_the_step_that_cannot_be_performed(tmp_path, capsys):
    # 目視 is not possible on the idle screen (no card) nor after a completed visit.
    script = '"visual 0000", "place a"'
    path = write(tmp_path, MINIMAL.format(person="a", acquired="2020-01-01", script=script))
    assert main(["scenario", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: script[0] 'visual 0000' is not possible at idle" in err


def test_run_never_ends_in_a_traceback_and_the_batch_goes_on(tmp_path, capsys):
    bad = write(tmp_path, MINIMAL.format(person="a", acquired="2020-01-01", script='"visual 0000"'))
    good = tmp_path / "good.toml"
    good.write_text(
        MINIMAL.format(person="a", acquired="2020-01-01", script='"place a", "choose pin", "pin 1234"'),
        encoding="utf-8",
    )
    assert main(["scenario", "run", str(bad), str(good)]) == 1
    out = capsys.readouterr().out
    assert "MISMATCH: script[0] 'visual 0000' is not possible at idle" in out
    assert "1 passed, 1 failed" in out


def test_a_step_that_raises_is_a_mismatch_with_its_message(tmp_path, monkeypatch):
    from mynakiosk.flow.identity_step import IdentityStep

    def broken(self):
        raise KeyError("boom")

    monkeypatch.setattr(IdentityStep, "choose_pin", broken)
    path = write(
        tmp_path, MINIMAL.format(person="a", acquired="2020-01-01", script='"place a", "choose pin"')
    )
    run = asyncio.run(run_scenario(load_scenario(path)))
    assert run.impossible == ["script[1] 'choose pin' failed at method select: KeyError: 'boom'"]
