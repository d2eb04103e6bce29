"""Every error path that reaches a person, walked in both languages: no English in the Japanese UI, no
Japanese in the English UI (issue #17 item 5).

The rule (docs/translations.md, "Error messages"): a screen says in its own language what failed, naming the
file or reader; an exception's own message (a file check's English, a PC/SC or operating-system text) goes
to the log and stderr, never raw to a screen.

What the Japanese UI may show in Latin letters, and why (``ALLOWED_LATIN``, ``ACRONYM``): product names
(iPhone, Android, Face ID, Touch ID; pcscd, vsmartcard, vpcd, pyscard; Debian, Ubuntu), acronyms (IC, PC/SC, an operating-system error code such as EIO,
the organisations and documents a lesson cites: FAQ, J-LIS …), the command a message points at (kiosk --check,
kiosk scenario check, the commands that start or install pcscd), and the language menu's own name for English (言語 / Language, so someone who cannot
read the current language finds it). File paths and reader
names are the user's or the system's own: they are taken out before the check. The English UI shows no kana or
kanji but 日本語 in the language menu (each language in its own words) and such paths and names.
"""

from __future__ import annotations

import errno
import re
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication

from mynakiosk import cli
from mynakiosk.domain.practice import WhatIf
from mynakiosk.flow.machine import State
from mynakiosk.reader_messages import INSTALL_PCSCD, START_PCSCD
from mynakiosk.scenarios.loader import library
from mynakiosk.ui import language
from mynakiosk.ui.staff_console import StaffConsole
from mynakiosk_hardware.errors import (
    NoReaderError,
    PcscError,
    ReaderUnavailableError,
    ServiceLostError,
    ServiceUnavailableError,
)
from mynakiosk_hardware.readers.base import ReaderEvent, ReaderEventKind
from tests.gui.test_language import JAPANESE, shown_texts
from tests.gui.test_phone import click, make_kiosk, settle, start, type_pin
from tests.gui.test_pin_flow import choose_pin, confirm, finish_visit, place, type_on_keypad

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

pytestmark = pytest.mark.gui

ALLOWED_LATIN = {
    "iPhone", "Android", "Face", "Touch",  # Apple's and Google's names, as the reader's screens say them
    "pcscd", "vsmartcard", "vpcd", "pyscard",  # the software a reader needs, named where it cannot be used
    "Debian", "Ubuntu",  # the systems whose commands start pcscd (reader_messages.START_PCSCD)
    "kiosk", "check", "scenario",  # the command a message points at for the details
    "Language",  # 言語 / Language: the menu a person who cannot read Japanese must find
    "English",  # … and English named in its own words there
}  # fmt: skip
# Acronyms are names, not English words: IC (ICチップ), ID, PC/SC, a system error code (EIO), and the
# organisations and documents a lesson cites as its sources (出典: FAQ, J-LIS, TBS …).
ACRONYM = re.compile(r"^[A-Z]+$")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


#: Names, not words: the scenario files' names (the staff console lists them), the package speech needs.
#: The commands that start or install pcscd are commands, typed as they are, not words.
NAMES = (
    *sorted((p.stem for p in library()), key=len, reverse=True),
    "PySide6-Addons",
    START_PCSCD,
    INSTALL_PCSCD,
)


def english_in(texts: list[str], tokens: tuple[str, ...]) -> list[str]:
    """Latin words in Japanese texts, but the allowed ones, ``NAMES`` and the ``tokens`` (paths, readers)."""
    found = []
    for text in texts:
        plain = unescape(re.sub(r"<[^>]+>", " ", text))
        for token in (*tokens, *NAMES):
            plain = plain.replace(token, " ")
        words = [w for w in LATIN_WORD.findall(plain) if w not in ALLOWED_LATIN and not ACRONYM.match(w)]
        if words:
            found.append(f"{words}: {text[:160]!r}")
    return found


def japanese_in(texts: list[str], tokens: tuple[str, ...]) -> list[str]:
    found = []
    for text in texts:
        plain = text
        for token in (*tokens, *NAMES, "日本語"):
            plain = plain.replace(token, " ")
        if JAPANESE.search(plain):
            found.append(repr(text[:160]))
    return found


def leaks(code: str, roots: list[QWidget], tokens: tuple[str, ...] = ()) -> list[str]:
    texts = [text for root in roots for text in shown_texts(root)]
    return english_in(texts, tokens) if code == "ja" else japanese_in(texts, tokens)


@pytest.fixture(params=["ja", "en"])
def code(request, qapp):
    language.switch(request.param)
    yield request.param
    language.switch("ja")
    QCoreApplication.processEvents()


@pytest.fixture
def console(qtbot, kiosk):
    window = StaffConsole(kiosk.controller)
    qtbot.addWidget(window)
    window.show()
    return window


def broken_scenario(tmp_path: Path) -> Path:
    bad = tmp_path / "broken_scenario.toml"
    bad.write_text('title = "壊れた"\nas_of = 2026-13-45\n', encoding="utf-8")
    return bad


def reader_tokens(kiosk) -> tuple[str, ...]:
    return ()  # the in-process reader is worded by the UI, in its language (no English name to allow)


# -- the practice panel and the staff console: switching refused, a broken file ------------------------


def test_switching_while_a_card_is_on_the_reader(qtbot, kiosk, console, code):
    practice = kiosk.window.practice
    place(qtbot, kiosk, "sakura")
    click(qtbot, practice.switch)
    console.load_selected()
    assert practice.status.text() and console.status.text()
    assert not leaks(code, [kiosk.window, console], reader_tokens(kiosk))
    practice.choose_what_if(WhatIf.NO_PHONE_READER)  # a 「もしも…」 is refused the same way
    assert practice.what_if is WhatIf.NONE and practice.status.text()
    assert not leaks(code, [kiosk.window, console], reader_tokens(kiosk))


def test_a_scenario_file_that_cannot_be_read(qtbot, kiosk, code, tmp_path, monkeypatch):
    from mynakiosk.ui import staff_console

    bad = broken_scenario(tmp_path)
    monkeypatch.setattr(staff_console, "library", lambda: [bad])
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.show()
    console.load_selected()
    practice = kiosk.window.practice
    practice.choices.addItem("", str(bad))
    practice.choices.setCurrentIndex(practice.choices.count() - 1)
    click(qtbot, practice.switch)
    assert str(bad) in practice.status.text() and str(bad) in console.status.text()
    assert not leaks(code, [kiosk.window, console], (str(bad), bad.stem, *reader_tokens(kiosk)))


def test_staff_actions_that_cannot_happen_now(qtbot, kiosk, console, code):
    """目視確認 with no card, while reading is done, after a lock: the console says why, in its language."""
    found = []
    console.start_visual_check()  # no card on the reader
    found += leaks(code, [console], reader_tokens(kiosk))
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.CONSENT)
    console.start_visual_check()  # identity already confirmed
    assert console.status.text()
    found += leaks(code, [console], reader_tokens(kiosk))
    assert not found


# -- result files and the session log that cannot be written ----------------------------------------


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EIO, errno.ENAMETOOLONG])
def test_result_files_and_the_log_that_cannot_be_written(qtbot, kiosk, console, code, monkeypatch, number):
    def fail(*_args, **_kwargs):
        raise OSError(number, "the system's own English words")

    monkeypatch.setattr(kiosk.controller.results, "_write", fail, raising=False)
    monkeypatch.setattr(kiosk.controller.log, "save", fail)
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.CONSENT)
    finish_visit(qtbot, kiosk)
    assert kiosk.controller.results.pending
    assert console.save_log(Path("/nonexistent/session.log")) is None
    folder = str(kiosk.controller.results.folder)
    assert kiosk.window.results_warning is not None and kiosk.window.results_warning.text()
    assert not leaks(
        code, [kiosk.window, console], (folder, "/nonexistent/session.log", *reader_tokens(kiosk))
    )


# -- the reader and the card ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        ServiceLostError("The Smart Card Resource Manager is not running.", code=0x8010001D),
        ReaderUnavailableError("ACS ACR1252 Dual Reader", "The specified reader is not currently available."),
        NoReaderError(),
    ],
    ids=["service lost", "reader gone", "no reader"],
)
def test_the_smart_card_service_lost_with_its_own_english_detail(qtbot, kiosk, console, code, error):
    kiosk.controller._reader_event.emit(ReaderEvent(ReaderEventKind.SERVICE_LOST, "", error=error))
    qtbot.waitUntil(lambda: kiosk.state is State.NO_READER)
    assert not leaks(code, [kiosk.window, console], (*reader_tokens(kiosk), "ACS ACR1252 Dual Reader"))


def test_a_card_error_with_a_developers_message(qtbot, kiosk, console, code, monkeypatch):
    from concurrent.futures import Future

    def broken(_job):
        future: Future = Future()
        future.set_exception(PcscError("SCardTransmit", "Card was reset.", code=0x80100068))
        return future

    monkeypatch.setattr(kiosk.reader, "submit", broken)
    picker = kiosk.window.card_picker
    picker.select("sakura")
    click(qtbot, picker.place)
    qtbot.waitUntil(lambda: kiosk.state is State.READ_FAILED and not kiosk.controller.busy, timeout=3000)
    assert not leaks(code, [kiosk.window, console], reader_tokens(kiosk))


# -- the desk look-up ------------------------------------------------------------------------------


def test_a_desk_look_up_that_finds_nobody_and_one_without_a_back_end(qtbot, kiosk, console, code):
    from mynakiosk.ui.desk_lookup import DeskLookupDialog

    dialog = DeskLookupDialog(kiosk.controller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.insurer.setText("99999999")
    dialog.symbol.setText("x")
    dialog.number.setText("y")
    dialog.run_lookup()
    texts_found = leaks(code, [dialog])
    kiosk.controller.reception.service = None
    dialog.run_lookup()
    assert not texts_found + leaks(code, [dialog])


# -- the スマホ保険証 route --------------------------------------------------------------------------


def test_the_phone_routes_errors(qtbot, aloop, tmp_path, code):
    locked = make_kiosk(qtbot, tmp_path, "37_phone_pin_locked.toml")
    new_phone = make_kiosk(qtbot, tmp_path / "b", "35_phone_new_not_set_up.toml")
    try:
        start(qtbot, locked, "android")
        for wrong in ("0000", "1111", "2222"):
            type_pin(qtbot, locked, wrong)
            click(qtbot, locked.phones.hold)
            qtbot.waitUntil(lambda: locked.state in (State.PHONE_PIN, State.FALLBACK), timeout=3000)
            click(qtbot, locked.phones.take)
        settle(qtbot, locked, State.FALLBACK)
        click(qtbot, locked.phones.reset)
        start(qtbot, new_phone, "android")
        type_pin(qtbot, new_phone, "1357")
        click(qtbot, new_phone.phones.hold)
        settle(qtbot, new_phone, State.PHONE_NOT_READ)
        found = leaks(code, [locked.window], reader_tokens_phone(locked))
        found += leaks(code, [new_phone.window], reader_tokens_phone(new_phone))
        assert not found
    finally:
        locked.controller.close()
        new_phone.controller.close()


def reader_tokens_phone(kiosk) -> tuple[str, ...]:
    return (kiosk.phone_reader.description,)


# -- the start-up dialog --------------------------------------------------------------------------


@pytest.mark.parametrize("problem", ["scenario", "roster", "result folder", "reader"])
def test_a_startup_error_dialog(qapp, monkeypatch, capsys, tmp_path, code, problem):
    from mynakiosk import app

    def unusable(kind, name, **_phone):
        raise ServiceUnavailableError("Service not available.", code=0x8010001D)

    bad_roster = tmp_path / "roster.toml"
    bad_roster.write_text("cards = 5\n", encoding="utf-8")
    arguments = {
        "scenario": ["--scenario", "no_such_scenario"],
        "roster": ["--roster", str(bad_roster)],
        "result folder": ["--result-folder", "/proc/no/such/folder"],
        "reader": [],
    }[problem]
    if problem == "reader":
        monkeypatch.setattr(cli, "make_reader", unusable)
    shown: list[str] = []
    monkeypatch.setattr(cli, "_no_terminal", lambda: True)
    monkeypatch.setattr(cli, "_dialog_can_be_seen", lambda: True)
    monkeypatch.setattr(cli, "show_error_dialog", lambda *texts: shown.extend(texts))
    monkeypatch.setattr(app, "run_gui", lambda *_a, **_k: pytest.fail("the window started"))
    assert cli.main(["--lang", code, *arguments]) != 0
    assert shown and capsys.readouterr().err.startswith("error: ")
    tokens = (*arguments[1:], "no_such_scenario")
    found = english_in(shown, tokens) if code == "ja" else japanese_in(shown, tokens)
    assert not found, shown


def test_a_tour_of_every_screen_in_japanese_shows_no_english(qtbot, kiosk_aloop):
    """The tour (every screen, the phone's and the console's too) in Japanese: Latin letters only allowed."""
    from tests.gui.test_language import run_tour

    found: dict[str, list[str]] = {}

    def look(name: str, widget: QWidget) -> None:
        if left := english_in(shown_texts(widget), ("Virtual phone reader",)):
            found[name] = left

    run_tour(qtbot, kiosk_aloop, look)
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
