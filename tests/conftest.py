"""Test-wide set-up: Qt offscreen before anything imports Qt, PC/SC kept off the machine's pcscd, and a
guard that no PIN reaches the logs."""

from __future__ import annotations

import gc
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

# Must happen before Qt is imported anywhere (pytest-qt imports it while collecting).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
# Emulated cards' test keys (hardware/pki.py) stay in memory: a test run never writes into the user's
# cache folder. Tests of keeping keys across processes name a folder of their own.
os.environ.setdefault("KIOSK_KEY_CACHE", "")

import pytest

from mynakiosk.ui.collector import collect_due
from tests.support.pcscd import use_private_socket

if TYPE_CHECKING:
    from collections.abc import Iterator

pytest_plugins = ("pytester",)  # the pytest plugin's tests run a host project's pytest


def pytest_configure(config: pytest.Config) -> None:
    # Every PC/SC client of the run (pyscard here, kiosk and OpenSC tools in subprocesses) talks to the
    # tests' own pcscd (tests/e2e), never to the machine's: no test sees the developer's real reader and
    # card, and a system pcscd running meanwhile disturbs nothing. Set before anything loads libpcsclite.
    folder = Path(tempfile.mkdtemp(prefix="kiosk-pcscd-"))
    config.stash[_PCSCD_FOLDER] = folder
    use_private_socket(folder / "pcscd.comm")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_PCSCD_FOLDER, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


_PCSCD_FOLDER = pytest.StashKey[Path]()

#: PINs the tests type. Any log record carrying one of them fails the test that produced it.
TEST_PINS = ("1234", "5678", "2468", "0000", "1111", "2222", "9999", "1357", "4455", "8642")
# A PIN as a token of its own: digits inside longer numbers (timestamps, file numbers) are not PINs.
_PIN_PATTERN = re.compile(r"(?<!\d)(" + "|".join(TEST_PINS) + r")(?!\d)")


class _PinLeakWatcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.leaks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += " " + str(record.exc_info[1])
        if _PIN_PATTERN.search(text):
            self.leaks.append(f"{record.name}: {text}")


@pytest.fixture(autouse=True)
def no_pin_in_logs():
    watcher = _PinLeakWatcher()
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)  # catch even debug-level leaks (APDU traces)
    root.addHandler(watcher)
    try:
        yield watcher
    finally:
        root.removeHandler(watcher)
        root.setLevel(old_level)
    assert not watcher.leaks, f"a PIN reached the logs: {watcher.leaks}"


# pytest-qt + qasync: the session's one loop comes from the project's own pytest plugin (kiosk.testing),
# which other projects use too; these names are what our tests call it.


@pytest.fixture(scope="session")
def qasync_loop(qapp, kiosk_event_loop):
    """The plugin's loop, with the kiosk's look on the whole session's QApplication: here the kiosk is the
    host (the plugin's ``kiosk_app`` puts the look on for its own test only)."""
    from mynakiosk.ui.theme import apply_theme

    apply_theme(qapp)
    return kiosk_event_loop


@pytest.fixture
def aloop(qasync_loop, kiosk_aloop):
    return kiosk_aloop


@pytest.fixture(scope="session", autouse=True)
def no_pin_in_written_files(tmp_path_factory):
    """After the whole run: no file the tests made the app write contains a PIN typed during it.

    Card profiles, scenarios and rosters (.toml) are configuration: a profile holds the emulated card's
    own PIN by design. Everything else (result XML, session logs, anything else written) must not.
    """
    yield
    base = tmp_path_factory.getbasetemp()
    leaks = []
    for path in base.rglob("*"):
        if not path.is_file() or path.suffix == ".toml" or path.name == "pcscd.log":
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        if _PIN_PATTERN.search(text):
            leaks.append(str(path))
    assert not leaks, f"files written during the run contain a typed PIN: {leaks}"


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """No automatic garbage collection during the run: it would run in whichever thread allocates (a
    kiosk's reader or warm-up thread) and free a closed kiosk's Qt objects there, which crashes or hangs Qt
    (mynakiosk.ui.collector). The main thread collects after each test, as the app's GUI thread does."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_test() -> Iterator[None]:
    yield
    collect_due()
