"""Command-line parsing and error messages (no Qt, no PC/SC)."""

import argparse

import pytest

from mynakiosk.cli import EXIT_USAGE, main, parse_reader


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


@pytest.mark.parametrize(
    ("argv", "shown"),
    [(["card", "serve", "--help"], "--nfc-uid HEX"), (["scenario", "run", "--help"], "--json")],
)
def test_subcommand_help_lists_their_arguments(argv, shown, capsys):
    # A subcommand's arguments are added when it is used (start-up does not pay for them): help too.
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0 and shown in capsys.readouterr().out


def test_a_subcommand_without_its_action_names_the_choices(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["card"])
    assert exit_info.value.code == EXIT_USAGE
    assert "usage: kiosk card [-h] ACTION" in capsys.readouterr().err


def test_screenshot_needs_check(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--screenshot", "x.png"])
    assert exit_info.value.code == EXIT_USAGE
    assert "--screenshot goes with --check" in capsys.readouterr().err


def test_a_broken_roster_is_named_before_the_window_opens(tmp_path, capsys):
    roster = tmp_path / "roster.toml"
    roster.write_text("[cards\n", encoding="utf-8")  # cut short
    assert main(["--check", "--roster", str(roster)]) == EXIT_USAGE
    assert f"error: {roster}: not valid TOML" in capsys.readouterr().err


def test_a_roster_that_cannot_be_read_is_named_too(capsys):
    # /proc/self/mem exists but answers a plain read with an I/O error (a stand-in for an unreadable file,
    # which root, as CI runs, could still read).
    assert main(["--check", "--roster", "/proc/self/mem"]) == EXIT_USAGE
    assert "error: /proc/self/mem: cannot be read (Input/output error)" in capsys.readouterr().err


def test_an_unusable_result_folder_is_named_before_the_window_opens(tmp_path, capsys):
    taken = tmp_path / "results"
    taken.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["--check", "--result-folder", str(taken)]) == EXIT_USAGE
    assert f"error: --result-folder {taken}: exists and is not a folder" in capsys.readouterr().err
    made = tmp_path / "new" / "results"
    assert main(["--check", "--result-folder", str(made)]) == 0 and made.is_dir()


def test_card_serve_refuses_non_loopback_hosts(capsys):
    assert main(["card", "serve", "--host", "192.168.1.10"]) == EXIT_USAGE
    assert "loopback" in capsys.readouterr().err


def test_card_serve_names_unknown_personas(capsys):
    assert main(["card", "serve", "nobody"]) == EXIT_USAGE
    assert "sakura" in capsys.readouterr().err


def test_card_serve_checks_profile_files_and_uids(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('holder = "x"\nauth_pin = "12"\n', encoding="utf-8")
    assert main(["card", "serve", str(bad)]) == EXIT_USAGE
    assert "auth_pin" in capsys.readouterr().err
    assert main(["card", "serve", "--nfc-uid", "zz"]) == EXIT_USAGE
    assert "not hexadecimal" in capsys.readouterr().err


def test_roster_listing(tmp_path, capsys):
    from mynakiosk.roster import Roster, uid_key

    path = tmp_path / "roster.toml"
    Roster(path).enroll(uid_key(b"\x04\x01\x02\x03"), "yuto")
    assert main(["card", "roster", "--roster", str(path)]) == 0
    assert "uid:04010203\tyuto" in capsys.readouterr().out


def test_describe_card_lines():
    from mynakiosk.cli import describe_card
    from mynakiosk_hardware.jpki import CardIdentity, CardSurvey

    assert describe_card(CardSurvey(CardIdentity(True, "JPKIAPICCTOKEN2"), 2, True, 1)) == (
        "My Number card (test certificate), 2 PIN tries left"
    )
    assert (
        describe_card(CardSurvey(CardIdentity(True), None, False, 1)) == "My Number card (REAL), no PIN set"
    )
    assert describe_card(CardSurvey(CardIdentity(True), 0, True, 1)) == (
        "My Number card (test certificate), PIN blocked or never set (0 tries left)"
    )
    assert describe_card(CardSurvey(CardIdentity(False), uid=b"\x04\xaa")) == "contactless card, UID 04AA"


def test_hardware_errors_are_printed_in_english_on_the_command_line():
    """The screens show the Japanese wording of a hardware error; the command line, which speaks English, its
    translation (not the developer's message the error carries)."""
    from mynakiosk.cli import in_english
    from mynakiosk_hardware.errors import CardRemovedError

    error = CardRemovedError("Virtual PCD 00 00", detail="Card was removed.")
    assert (
        str(error)
        == "the card was removed from the reader 'Virtual PCD 00 00' during a command (Card was removed.)"
    )
    assert in_english(error) == "The card was removed"
    assert in_english(OSError("disk full")) == "disk full"


def test_enrolling_on_the_virtual_reader_is_refused_without_touching_pc_sc(tmp_path, capsys, monkeypatch):
    """The in-process reader holds only emulated cards: `card enroll --reader virtual` used to build a
    PC/SC reader anyway."""
    import mynakiosk_hardware.readers.pcsc as pcsc

    def no_pcsc(*_args, **_kwargs):
        raise AssertionError("PC/SC was used")

    monkeypatch.setattr(pcsc, "PcscReader", no_pcsc)
    monkeypatch.setattr(pcsc, "list_readers", no_pcsc)
    roster = tmp_path / "roster.toml"
    assert main(["card", "enroll", "sakura", "--reader", "virtual", "--roster", str(roster)]) == 2
    assert "use --reader pcsc" in capsys.readouterr().err
    assert not roster.exists()


def test_the_fullscreen_help_says_what_happens_on_one_screen(capsys):
    """On one screen the practice column stays in the full-screen window and the console is behind it."""
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    start = text.index("--fullscreen ")
    help_text = text[start : text.index("--lang", start)]
    assert "with one screen the practice column stays beside the reader" in help_text
    assert "staff console is hidden behind the full-screen window" in help_text


# -- --share and --protocol: how to connect to the card on a PC/SC reader -----------------------------


@pytest.fixture
def built_readers(monkeypatch):
    """The PC/SC readers the command line builds: their settings, recorded; then a reader error, so that
    the command stops there (no pcscd needed)."""
    import mynakiosk_hardware.readers.pcsc as pcsc
    from mynakiosk_hardware.errors import NoReaderError

    built = []

    def recording_reader(name, **kwargs):
        built.append((name, kwargs["settings"]))
        raise NoReaderError(name, ())

    monkeypatch.setattr(pcsc, "list_readers", lambda: [pcsc.ReaderStatus("ACS ACR1252 00 00", True, b"")])
    monkeypatch.setattr(pcsc, "PcscReader", recording_reader)
    return built


@pytest.mark.parametrize(
    "argv",
    [
        ["--reader", "pcsc:ACR1252", "--share", "exclusive", "--protocol", "t1", "--check"],
        ["card", "enroll", "sakura", "--reader", "pcsc:ACR1252", "--share", "exclusive", "--protocol", "t1"],
        ["--share", "exclusive", "--protocol", "t1", "card", "enroll", "sakura", "--reader", "pcsc:ACR1252"],
    ],
    ids=["app", "enroll", "enroll-after-kiosk"],
)
def test_share_and_protocol_reach_the_pc_sc_reader(argv, built_readers, tmp_path, monkeypatch):
    from mynakiosk_hardware.readers.pcsc import ConnectSettings, ShareMode, TransmissionProtocol

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # any roster the command reads is a new one
    assert main(argv) == 3  # EXIT_READER: the recording reader stops it there
    assert built_readers == [("ACR1252", ConnectSettings(ShareMode.EXCLUSIVE, TransmissionProtocol.T1))]


@pytest.mark.parametrize("argv", [["--reader", "pcsc", "--check"], ["card", "enroll", "taro"]])
def test_without_share_or_protocol_the_reader_connects_as_before(argv, built_readers, tmp_path, monkeypatch):
    from mynakiosk_hardware.readers.pcsc import ConnectSettings, ShareMode, TransmissionProtocol

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert main(argv) == 3
    assert built_readers == [(None, ConnectSettings(ShareMode.SHARED, TransmissionProtocol.ANY))]


def test_share_and_protocol_are_refused_with_the_in_process_reader(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--share", "exclusive", "--check"])
    assert exit_info.value.code == EXIT_USAGE
    assert "--share and --protocol go with --reader pcsc[:NAME]" in capsys.readouterr().err


def test_the_command_line_words_are_the_settings_words(capsys):
    """The parser lists the choices without importing the PC/SC module (start-up): they must be its words."""
    from mynakiosk_hardware.readers.pcsc import ShareMode, TransmissionProtocol

    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"--share {{{','.join(m.value for m in ShareMode)}}}" in text
    assert f"--protocol {{{','.join(p.value for p in TransmissionProtocol)}}}" in text
    assert "no other program (a JPKI client, a browser's card module) sends it commands" in text
    with pytest.raises(SystemExit):
        main(["card", "enroll", "--help"])
    assert "--share {shared,exclusive}" in capsys.readouterr().out


def test_kiosk_readers_surveys_each_card_with_the_settings_given(monkeypatch, capsys):
    """`kiosk --protocol t1 readers`: which cards answer over T=1 (each survey connects as asked)."""
    import mynakiosk_hardware.readers.pcsc as pcsc
    from mynakiosk_hardware.errors import ProtocolMismatchError

    used = []

    def run_once(name, job, *, settings):
        used.append(settings)
        raise ProtocolMismatchError(name, settings.protocol.label)

    monkeypatch.setattr(pcsc, "list_readers", lambda: [pcsc.ReaderStatus("ACS ACR1252 00 00", True, b"\x3b")])
    monkeypatch.setattr(pcsc, "run_once", run_once)
    assert main(["--protocol", "t1", "readers"]) == 0
    assert used == [pcsc.ConnectSettings(protocol=pcsc.TransmissionProtocol.T1)]
    assert "card present, unreadable" in capsys.readouterr().out
