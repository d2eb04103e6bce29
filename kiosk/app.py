"""Assemble and run the kiosk: QApplication, bundled font, qasync loop, controller and window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from mynakiosk import i18n
from mynakiosk.flow.machine import State
from mynakiosk.i18n import t, translated
from mynakiosk.scenarios.loader import load_default, load_scenario
from mynakiosk.ui import theme
from mynakiosk.ui.controller import FlowController
from mynakiosk.ui.main_window import MainWindow
from mynakiosk.ui.pacing import Pace
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from pathlib import Path

    from mynakiosk.roster import Roster
    from mynakiosk_hardware.readers.base import Reader

EXIT_OK, EXIT_USAGE, EXIT_READER = 0, 2, 3  # as in cli.py (README's list)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        theme.find_bundled_fonts()  # before Qt starts
        app = QApplication(sys.argv[:1])
        app.setApplicationName("kiosk")
        app.setApplicationDisplayName(t("マイナ受付シミュレータ"))
        from mynakiosk.ui.collector import MainThreadCollector

        MainThreadCollector(app)  # Qt objects freed on the GUI thread only (collector.py says why)
    assert isinstance(app, QApplication)
    theme.apply_theme(app)
    return app


@record
class Settings:
    """How the kiosk starts: the command line's choices."""

    roster: Roster | None = None  # training cards, for a PC/SC reader; the in-process reader needs none
    real_card_verify: bool = False  # explicit opt-in: let a real card check the PIN (never at its last try)
    scenario: Path | None = None  # None: the library's default household
    result_folder: Path | None = None  # write each reception's OQSsiquc01res_face_… XML here
    staff_console: bool = True
    large_text: bool = False
    high_contrast: bool = False
    language: str = "ja"  # "ja" or "en"; also in the 言語 menu
    pace: str = "fast"  # how long 読み取り中, 確認中, 認証中 stay: off, fast or real (kiosk.ui.pacing.Pace)
    reader_warning: str = ""  # a marked text for the status bar: vpcd open to the network (kiosk.cli)
    fullscreen: bool = False  # the reader alone, full screen (a touch monitor); also 表示 → 全画面表示 (F11)


def build_window(
    reader: Reader,
    settings: Settings | None = None,
    *,
    warm_up: bool = True,
    watch_cards: bool = True,
    side_panels: bool = True,
    phone_reader: Reader | None = None,
) -> tuple[FlowController, MainWindow]:
    settings = settings or Settings()
    from mynakiosk.ui import language

    language.switch(settings.language)  # also for Japanese: Qt's own texts (context menus) in qtbase_ja
    scenario = load_scenario(settings.scenario) if settings.scenario else load_default()
    controller = FlowController(
        reader,
        scenario=scenario,
        roster=settings.roster,
        real_card_verify=settings.real_card_verify,
        result_folder=settings.result_folder,
        warm_up=warm_up,
        phone_reader=phone_reader,
        pace=Pace(settings.pace),
    )
    window = MainWindow(controller, side_panels=side_panels)
    window.show_reader_warning(settings.reader_warning)
    window.large_text.setChecked(settings.large_text)
    window.high_contrast.setChecked(settings.high_contrast)
    controller.start(watch_cards=watch_cards)
    return controller, window


def check(
    reader: Reader,
    screenshot: str | None = None,
    timeout: float = 5.0,
    settings: Settings | None = None,
    *,
    phone_reader: Reader | None = None,
) -> int:
    """Start on ``reader``, wait until it is ready, render the idle screen offscreen, print one line.

    No card is read here, so no asyncio loop is needed: a plain Qt event loop waits for the reader.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    app = application()
    # Only the reader's screen is rendered: no side column, no key warm-up, no card read.
    controller, window = build_window(
        reader, settings, warm_up=False, watch_cards=False, side_panels=False, phone_reader=phone_reader
    )
    waiter = QEventLoop()
    QTimer.singleShot(int(timeout * 1000), waiter.quit)

    def note(_snapshot: object) -> None:
        if controller.snapshot.state is not State.NO_READER:
            waiter.quit()

    controller.snapshot_changed.connect(note)
    try:
        if controller.snapshot.state is State.NO_READER:
            waiter.exec()
        state = controller.snapshot.state
        if state is State.NO_READER:
            detail = translated(controller.snapshot.message) or "the reader did not become ready"
            print(f"error: reader '{reader.description}' is not usable: {detail}", file=sys.stderr)
            return EXIT_READER
        idle = window.screens[State.IDLE]
        window.stack.setCurrentWidget(idle)
        image = window.reader_frame.grab()  # the reader's screen, as a patient sees it
        _started()
        if image.isNull():
            print("error: the idle screen could not be rendered", file=sys.stderr)
            return EXIT_READER
        if screenshot and not image.save(screenshot):
            # The reader works; the path given does not (no such folder, not writable): a bad argument.
            print(f"error: cannot write {screenshot}", file=sys.stderr)
            return EXIT_USAGE
        title = idle.title.text().replace("\n", "" if i18n.language() == "ja" else " ")
        card = "; a card is on the reader" if reader.card_present() else ""
        card += f"; phone reader '{phone_reader.description}'" if phone_reader is not None else ""
        print(
            f"ok: reader '{reader.description}' ready{card}; idle screen 「{title}」 rendered "
            f"{image.width()}x{image.height()} in {app.font().family()}",
            flush=True,  # a script waiting on the line sees it now, not at exit
        )
        return EXIT_OK
    finally:
        controller.close()
        window.close()
        # Gone now, not at the next event loop: a program that runs the check in-process (a test) would
        # otherwise keep a window that refits itself, and sets the look, at every later change of theme.
        import shiboken6

        shiboken6.delete(window)


def _started() -> None:
    """Start-up is over: what it made (modules, classes, the window) lives as long as the program, so no
    garbage collection need ever walk it again (``gc.freeze``, made for this). The command line paused
    automatic collection for start-up (cli._main); the GUI thread's collector collects from here on."""
    import gc

    gc.freeze()


def run_gui(reader: Reader, settings: Settings | None = None, *, phone_reader: Reader | None = None) -> int:
    import asyncio
    import signal

    import qasync

    app = application()
    # Ctrl-C in the terminal quits at once: a half-done visit is not kept, and result files that could not
    # be written were named on stderr when they failed (closing the window offers to save them instead).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    controller, window = build_window(reader, settings, phone_reader=phone_reader)
    window.show()
    console = None
    if settings is None or settings.staff_console:
        from mynakiosk.ui.staff_console import StaffConsole

        console = StaffConsole(controller)
        console.place_beside(window, window.screen().availableGeometry())
        console.show()
        window.staff_console = console  # full screen moves it to another screen, if there is one
        window.raise_()  # on a small screen they overlap: the reader stays in front
        window.activateWindow()
    if settings is not None and settings.fullscreen:
        window.full_screen.setChecked(True)
    _started()
    from mynakiosk.ui.pending_results import PendingResultsGuard

    # Closing the last window with result files unwritten asks first (save elsewhere, retry, quit anyway).
    _guard = PendingResultsGuard(controller, [w for w in (window, console) if w is not None])
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        controller.close()
    return EXIT_OK
