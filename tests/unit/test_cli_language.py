"""Under ``--lang en`` the command line prints no Japanese; under the default Japanese its Japanese stays.

Run over the whole bundled scenario library. The one exception in English is card data the files give no
English for: a coverage's 記号 (the symbol printed on a health insurance card, which may be kanji, e.g.
練国) is printed as the card shows it, like its number (docs/scenarios.md, "Languages"). The
[expect] values a mismatch quotes are the file's own spelling (tested below with a failing file).
"""

from __future__ import annotations

import re
import shutil

import pytest

from mynakiosk.cli import _card_to_serve, asked_language, build_parser, in_language, main
from mynakiosk.scenarios.loader import library, load_scenario
from mynakiosk.scenarios.tags import KNOWN_TAGS, unknown_tags

LIBRARY = library()
SCENARIOS = [load_scenario(path) for path in LIBRARY]
# kana, kanji, and their punctuation (「」、。) and full-width forms
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
#: The card data printed as written: the coverages' 記号 (see the module's docstring).
SYMBOLS = sorted({c.symbol for s in SCENARIOS for c in s.coverages if JAPANESE.search(c.symbol)}, key=len)


def japanese_lines(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The lines with Japanese characters once the ``allowed`` data is taken out."""
    found = []
    for line in text.splitlines():
        rest = line
        for data in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(data, "")
        if JAPANESE.search(rest):
            found.append(line)
    return found


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("command", [["list"], ["check"], ["run"]])
def test_english_scenario_commands_print_no_japanese_over_the_whole_library(capsys, command):
    code, printed = run_cli(capsys, "--lang", "en", "scenario", *command)
    assert code == 0
    assert printed.count("\n") >= len(LIBRARY)
    assert japanese_lines(printed, tuple(SYMBOLS)) == []


def test_the_english_run_speaks_english_and_only_card_symbols_stay_as_written(capsys):
    _code, printed = run_cli(capsys, "--lang", "en", "scenario", "run")
    for scenario in SCENARIOS:
        assert f"== {scenario.key}: {scenario.title.en}" in printed
    assert "  result: Eligibility 1 Valid; Sakura Yamada; " in printed
    assert "state: method select (tries left: 3)" in printed
    assert "  fallback: Certificate of Eligibility" in printed
    assert "ALARM: Wrong link — card holder Sakura Yamada" in printed
    # The exception is real (a bundled 記号 in kanji) and stays as the card shows it.
    assert "Practice City National Health Insurance 練国-998877-00" in printed


def test_japanese_output_keeps_its_japanese(capsys):
    _code, listed = run_cli(capsys, "scenario", "list")
    for line, scenario in zip(listed.splitlines(), SCENARIOS, strict=True):
        assert line.split("\t")[2:] == [str(scenario.title), ", ".join(scenario.tags)]
    _code, ran = run_cli(capsys, "scenario", "run")
    for scenario in SCENARIOS:
        assert f"== {scenario.key}: {scenario.title}\n" in ran
    assert "  result: 資格有効性 1 有効; 山田 さくら; 練習健康保険組合 3150-27-02; 負担 3割; 暗証番号" in ran
    assert "state: method select (残り3回)" in ran and "ALARM: 誤紐づけ — card holder 山田 さくら" in ran
    assert "  fallback: 資格確認書" in ran
    assert not re.search(r"Eligibility|Co-pay|tries left|Wrong link", ran)


HELP_PAGES = [
    [],
    ["scenario"],
    ["scenario", "list"],
    ["scenario", "check"],
    ["scenario", "run"],
    ["card"],
    ["card", "serve"],
    ["card", "enroll"],
    ["card", "roster"],
    ["readers"],
    ["desktop"],
    ["desktop", "install"],
]


@pytest.mark.parametrize("page", HELP_PAGES, ids=lambda p: " ".join(p) or "kiosk")
def test_english_help_has_no_japanese(capsys, page):
    with pytest.raises(SystemExit) as done:
        main(["--lang", "en", *page, "--help"])
    assert done.value.code == 0
    printed = capsys.readouterr().out
    assert "usage: kiosk" in printed and japanese_lines(printed) == []


def test_japanese_help_keeps_the_japanese_names(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    printed = capsys.readouterr().out
    assert "表示 menu" in printed and "汎用カードリーダー" in printed
    with pytest.raises(SystemExit):
        main(["--lang=en", "--help"])
    assert "View menu" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "language"),
    [
        ([], "ja"),
        (["--lang", "en", "scenario", "list"], "en"),
        (["--lang=en"], "en"),
        (["--lang", "en", "--lang", "ja"], "ja"),  # the last one, as argparse takes it
        (["--", "--lang", "en"], "ja"),
    ],
)
def test_the_help_language_is_the_one_asked_for(argv, language):
    assert asked_language(argv) == language


def test_every_bundled_tag_is_a_known_tag_with_english():
    english = in_language("en")
    for scenario in SCENARIOS:
        assert unknown_tags(scenario.tags) == [], scenario.key
    for tag in KNOWN_TAGS:
        assert JAPANESE.search(tag) is None or (english(tag) != tag and not JAPANESE.search(english(tag))), (
            tag
        )


def test_an_unknown_tag_loads_is_flagged_by_check_and_stays_as_written(tmp_path, capsys):
    path = tmp_path / "own.toml"
    text = LIBRARY[0].read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^tags = .*$", 'tags = ["子ども", "うちの医院"]', text), encoding="utf-8")
    assert unknown_tags(load_scenario(path).tags) == ["うちの医院"]
    code, printed = run_cli(capsys, "--lang", "en", "scenario", "check", str(path))
    assert code == 0
    assert f"warning: {path}: tags: 'うちの医院' is not a known tag" in printed
    assert in_language("en")("うちの医院") == "うちの医院"  # how list would show it


def test_an_english_mismatch_quotes_only_the_files_own_values(tmp_path, capsys):
    source = next(p for p in LIBRARY if p.stem == "01_child_normal_visit")
    path = tmp_path / source.name
    shutil.copy(source, path)
    text = path.read_text(encoding="utf-8")
    text = text.replace('share = "3割"', 'share = "2割"').replace("validity = 1", "validity = 2")
    text = text.replace("[expect]", "[expect]\nmislinked = true", 1)
    path.write_text(text, encoding="utf-8")
    code, printed = run_cli(capsys, "--lang", "en", "scenario", "run", str(path))
    assert code == 1
    mismatch = next(line for line in printed.splitlines() if "MISMATCH" in line)
    assert "share: expected '2割', got '3割'" in mismatch
    assert "Eligibility: expected 2, got 1" in mismatch and "Wrong link: expected True, got False" in mismatch
    assert japanese_lines(re.sub(r"'[^']*'", "", printed)) == []


def test_a_personas_card_is_named_in_the_language_asked_for():
    english = build_parser("en").parse_args(["--lang", "en", "card", "serve", "sakura"])
    japanese = build_parser().parse_args(["card", "serve", "sakura"])
    assert _card_to_serve(english)[1] == "Sakura Yamada (eldest daughter, 7)'s emulated My Number card"
    assert _card_to_serve(japanese)[1] == "山田 さくら（長女・7歳）'s emulated My Number card"


def test_json_is_the_same_data_in_every_language(capsys):
    """--json is for programs: its values do not change with --lang (docs/scenarios.md, "Languages")."""
    for command in (["run", "--json", "08_pin_locked", "27_desk_certificate"], ["list", "--json"]):
        _code, japanese = run_cli(capsys, "scenario", *command)
        _code, english = run_cli(capsys, "--lang", "en", "scenario", *command)
        assert english == japanese and "暗証番号" in japanese
