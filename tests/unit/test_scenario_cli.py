"""`kiosk scenario list`, bundled scenario names wherever a file is accepted, and a closed pipe."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from mynakiosk.cli import EXIT_FAILED, EXIT_PIPE_CLOSED, EXIT_USAGE, main
from mynakiosk.scenarios.loader import ScenarioError, find_scenario, library, load_scenario, scenarios_dir

LIBRARY = library()


def test_list_names_each_bundled_scenario_with_its_title_date_and_tags(capsys):
    assert main(["scenario", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [p.stem for p in LIBRARY]
    first = load_scenario(LIBRARY[0])
    assert lines[0].split("\t") == [
        first.key,
        first.as_of.isoformat(),
        str(first.title),
        ", ".join(first.tags),
    ]


def test_list_in_english_and_as_json(capsys):
    assert main(["--lang", "en", "scenario", "list"]) == 0
    assert "A child's usual visit" in capsys.readouterr().out.splitlines()[0]
    assert main(["scenario", "list", "--json"]) == 0
    entries = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(entries) == len(LIBRARY)
    pin_locked = next(e for e in entries if e["name"] == "08_pin_locked")
    assert set(pin_locked) == {"name", "title", "title_en", "as_of", "tags", "tags_en"}
    assert pin_locked["tags_en"] == ["PIN", "Locked"] and pin_locked["tags"] == ["暗証番号", "ロック"]
    assert pin_locked["as_of"] == load_scenario(find_scenario("08_pin_locked")).as_of.isoformat()
    assert isinstance(pin_locked["tags"], list) and pin_locked["tags"]


@pytest.mark.parametrize("name", ["08_pin_locked", "08_pin_locked.toml", "pin_locked"])
def test_a_bundled_scenario_is_found_by_name(name):
    assert find_scenario(name).name == "08_pin_locked.toml"


def test_a_file_that_exists_wins_over_a_bundled_name(tmp_path, monkeypatch):
    own = tmp_path / "pin_locked"
    own.write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_scenario("pin_locked") == own.relative_to(tmp_path)


@pytest.mark.parametrize("name", ["no_such_scenario", "visit"])  # "visit": no bundled name ends so
def test_an_unknown_name_says_where_to_look(name):
    with pytest.raises(ScenarioError, match="kiosk scenario list"):
        find_scenario(name)


def test_scenario_run_and_check_take_bundled_names(capsys):
    assert main(["scenario", "run", "08_pin_locked", "01_child_normal_visit"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 passed, 0 failed"
    assert main(["scenario", "check", "pin_locked"]) == 0
    assert "08_pin_locked.toml" in capsys.readouterr().out


def test_the_window_takes_a_bundled_name_and_refuses_an_unknown_one(capsys):
    assert main(["--check", "--scenario", "no_such_scenario"]) == EXIT_USAGE
    assert "kiosk scenario list" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly():
    """`kiosk scenario check | head -1`: no BrokenPipeError traceback, the status of a command ended by SIGPIPE.
    The pipe's reading end is closed before the command writes, as ``head`` does once it has its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mynakiosk", "scenario", "check"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == EXIT_PIPE_CLOSED


def test_scenario_run_never_echoes_a_pin(capsys, tmp_path):
    """The transcript, text and JSON, masks the PIN steps (no PIN in logs or files); a failing step too."""
    assert main(["scenario", "run", "01_child_normal_visit", "32_phone_android"]) == 0
    text = capsys.readouterr().out
    assert "> pin ****" in text and "> phone-pin ****" in text
    assert "1234" not in text and "1357" not in text
    assert main(["scenario", "run", "--json", "01_child_normal_visit", "32_phone_android"]) == 0
    runs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    transcripts = [line for run in runs for line in run["transcript"]]
    assert "> pin ****" in transcripts and "> phone-pin ****" in transcripts
    assert not any("1234" in line or "1357" in line for run in runs for line in json.dumps(run).splitlines())
    source = (scenarios_dir() / "01_child_normal_visit.toml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"  # the PIN step where no PIN is asked: the problem names it masked
    broken.write_text(source.replace('"choose pin",\n', "", 1), encoding="utf-8")
    main(["scenario", "run", "--json", str(broken)])
    run = json.loads(capsys.readouterr().out)
    assert run["mismatches"] and "pin ****" in run["mismatches"][0] and "1234" not in json.dumps(run)


@pytest.mark.parametrize("command", ["run", "check"])
def test_an_unknown_scenario_is_a_bad_argument_everywhere(command, capsys):
    """2 (README: bad arguments), as `kiosk --scenario nonexistent` exits; a file that fails is 1."""
    assert main(["scenario", command, "no_such_scenario"]) == EXIT_USAGE
    assert "no_such_scenario: no such scenario file" in capsys.readouterr().err
    assert main(["scenario", command, "01_child_normal_visit", "no_such_scenario"]) == EXIT_USAGE


def test_a_scenario_file_that_does_not_load_fails_its_check(tmp_path, capsys):
    broken = tmp_path / "broken.toml"
    broken.write_text('title = "unfinished"\n[', encoding="utf-8")
    assert main(["scenario", "check", str(broken)]) == EXIT_FAILED


def test_a_screen_words_an_unusable_scenario_file_in_its_language():
    """kiosk.problems words it (as every non-hardware failure): the file named, and where to look."""
    from mynakiosk.cli import in_language
    from mynakiosk.problems import unreadable_scenario

    japanese = unreadable_scenario("own.toml")
    english = in_language("en")(japanese)
    assert "own.toml" in japanese and "kiosk scenario check own.toml" in japanese
    assert "kiosk scenario check own.toml" in english and english != str(japanese)
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", english)
