"""Command-line parsing and error messages (no Qt, no PC/SC)."""

import argparse

import pytest

from kiosk.cli import EXIT_USAGE, main, parse_reader


@pytest.mark.parametrize(
    ("value", "expected"),
    [("virtual", ("virtual", None)), ("pcsc", ("pcsc", None)), ("pcsc:RC-S300", ("pcsc", "RC-S300"))],
)
def test_reader_choices(value, expected):
    assert parse_reader(value) == expected


@pytest.mark.parametrize("value", ["usb", "virtual:x", "", "PCSC"])
def test_unknown_readers_are_refused_with_the_choices(value):
    with pytest.raises(argparse.ArgumentTypeError, match="'virtual', 'pcsc' or 'pcsc:NAME'"):
        parse_reader(value)


def test_bad_reader_argument_exits_2_with_a_message(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--reader", "usb"])
    assert exit_info.value.code == EXIT_USAGE
    assert "unknown reader 'usb'" in capsys.readouterr().err


def test_screenshot_needs_check(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--screenshot", "x.png"])
    assert exit_info.value.code == EXIT_USAGE
    assert "--screenshot goes with --check" in capsys.readouterr().err


def test_card_serve_refuses_non_loopback_hosts(capsys):
    assert main(["card", "serve", "--host", "192.168.1.10"]) == EXIT_USAGE
    assert "loopback" in capsys.readouterr().err


def test_card_serve_names_unknown_personas(capsys):
    assert main(["card", "serve", "--persona", "nobody"]) == EXIT_USAGE
    assert "sakura" in capsys.readouterr().err
