"""vpcd open to the network: staff see it in the window's status bar, in the window's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from mynakiosk.app import Settings, build_window
from mynakiosk.reader_messages import describe_exposure
from mynakiosk.ui import language
from mynakiosk_hardware.readers.exposure import Listener, VpcdEntry, vpcd_exposure
from mynakiosk_hardware.readers.virtual import VirtualReader

pytestmark = pytest.mark.gui

EXPOSURE = vpcd_exposure([Listener("0.0.0.0", 35963)], [VpcdEntry(Path("/etc/reader.conf.d/vpcd"), 35963)])
assert EXPOSURE is not None
WARNING = describe_exposure(EXPOSURE, short=True)


@pytest.fixture
def english_then_back(qapp):
    yield
    language.switch("ja")
    QCoreApplication.processEvents()


def test_the_start_up_warning_is_in_the_status_bar_and_follows_the_language(qtbot, aloop, english_then_back):
    controller, window = build_window(
        VirtualReader(), Settings(reader_warning=WARNING), warm_up=False, watch_cards=False, side_panels=False
    )  # as narrow as the window on a PC/SC reader, where the warning needs the most lines
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.statusBar().isVisible() and window.reader_warning is not None
        shown = window.reader_warning.text()
        assert shown.startswith(
            "警告: 仮想カードリーダー (vpcd) がネットワークに開いています（0.0.0.0:35963）"
        )
        assert "/etc/reader.conf.d/vpcd" in shown
        assert window.reader_warning.height() >= window.reader_warning.heightForWidth(
            window.reader_warning.width()
        )
        assert window.reader_warning.accessibleName() == "カードリーダーの警告"
        language.switch("en")
        QCoreApplication.processEvents()
        assert window.reader_warning.text().startswith(
            "Warning: the virtual card reader (vpcd) is open to the network (0.0.0.0:35963)"
        )
        assert window.reader_warning.accessibleName() == "Card reader warning"
        assert window.reader_warning.height() >= window.reader_warning.heightForWidth(
            window.reader_warning.width()
        )
    finally:
        controller.close()


def test_the_reader_warning_keeps_the_bar_when_the_result_warning_goes(kiosk):
    window = kiosk.window
    assert not window.statusBar().isVisible()
    window.show_reader_warning(WARNING)
    window._results_problem("結果ファイルを1件書けていません")
    assert window.statusBar().isVisible()
    window._results_problem("")  # written at last: the result warning goes, the reader's stays
    assert window.statusBar().isVisible() and not window.results_warning.isVisibleTo(window)
    assert window.reader_warning.isVisibleTo(window)
    window.show_reader_warning("")
    assert not window.statusBar().isVisible()


def test_no_warning_no_bar(kiosk):
    kiosk.window.show_reader_warning("")
    assert kiosk.window.reader_warning is None and not kiosk.window.statusBar().isVisible()
