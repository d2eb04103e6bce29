"""Started from a desktop launcher, a start-up error is shown in a dialog as well as on stderr; and the
desktop entry starts this installation."""

from __future__ import annotations

import configparser
import shlex
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mynakiosk import cli
from mynakiosk.cli import EXIT_USAGE, main

pytestmark = pytest.mark.gui


def _answer_dialogs(seen: list[str]) -> QTimer:
    """Close each modal dialog as it opens, noting its text (the dialog is modal: a timer sees it)."""

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)

    timer = QTimer()
    timer.timeout.connect(close_dialog)
    timer.start(20)
    return timer


@pytest.mark.parametrize(("terminal", "dialogs"), [(False, 1), (True, 0)])
def test_a_startup_error_is_shown_in_a_dialog_only_without_a_terminal(
    qapp, monkeypatch, capsys, terminal, dialogs
):
    monkeypatch.setattr(cli, "_no_terminal", lambda: not terminal)
    monkeypatch.setattr(cli, "_dialog_can_be_seen", lambda: True)  # the tests run offscreen
    seen: list[str] = []
    timer = _answer_dialogs(seen)
    try:
        assert main(["--scenario", "no_such_scenario"]) == EXIT_USAGE
    finally:
        timer.stop()
    err = capsys.readouterr().err
    assert err.startswith("error: no_such_scenario: no such scenario file")  # stderr always
    assert len(seen) == dialogs
    if (
        dialogs
    ):  # in the window's language (Japanese by default), naming the file; the English detail on stderr
        assert seen[0].startswith("シナリオファイルを読み込めません: no_such_scenario")
        assert "no such" not in seen[0]


def test_check_never_opens_a_dialog(qapp, monkeypatch, capsys):
    monkeypatch.setattr(cli, "_no_terminal", lambda: True)
    monkeypatch.setattr(cli, "_dialog_can_be_seen", lambda: True)
    seen: list[str] = []
    timer = _answer_dialogs(seen)
    try:
        assert main(["--check", "--scenario", "no_such_scenario"]) == EXIT_USAGE
    finally:
        timer.stop()
    assert seen == [] and "no such scenario file" in capsys.readouterr().err


def test_the_desktop_entry_starts_this_installation(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["desktop", "install"]) == 0
    installed = tmp_path / "applications" / "mynakiosk.desktop"
    assert str(installed) in capsys.readouterr().out
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(installed, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Name"] == "マイナ受付シミュレータ" and desktop["Name[en]"]
    # The launcher runs Exec with its own arguments; --version stands in for the window.
    command = shlex.split(desktop["Exec"].replace("\\\\", "\\"))
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("kiosk ")


# pcscd not running: what it is, and how to start it (or install it) on Debian and Ubuntu.
NO_PCSCD_JA = (
    "スマートカードサービス (pcscd) に接続できません。Debian・Ubuntu では sudo systemctl start pcscd で起動してください"
    "（入っていなければ、先に sudo apt-get install pcscd libccid）。"
)
NO_PCSCD_EN = (
    "Cannot connect to the smart card service (pcscd). On Debian or Ubuntu, start it with sudo systemctl start"
    " pcscd (if it is not installed, first sudo apt-get install pcscd libccid)."
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Debian commands are for Linux")
@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("ja", NO_PCSCD_JA),
        ("en", NO_PCSCD_EN),
    ],
)
def test_the_dialog_speaks_the_windows_language_and_stderr_english(
    qapp, monkeypatch, capsys, language, shown
):
    """hardware raises a typed error (its message English, for developers); the UI words it."""
    from mynakiosk_hardware.errors import ServiceUnavailableError

    def unusable(kind, name, **_connect_settings):
        raise ServiceUnavailableError("Service not available.", code=0x8010001D)

    monkeypatch.setattr(cli, "make_reader", unusable)
    monkeypatch.setattr(cli, "_no_terminal", lambda: True)
    monkeypatch.setattr(cli, "_dialog_can_be_seen", lambda: True)
    seen: list[str] = []
    timer = _answer_dialogs(seen)
    try:
        assert main(["--lang", language]) == cli.EXIT_READER
    finally:
        timer.stop()
    assert capsys.readouterr().err == f"error: {NO_PCSCD_EN}\n"
    assert seen == [shown]
