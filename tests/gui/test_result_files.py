"""Result files under faults, in the window: staff see what is not written, it is retried, and quitting
offers to save it elsewhere."""

from __future__ import annotations

import errno
import logging
import os

import pytest

from mynakiosk.flow.machine import State
from mynakiosk.ui.pending_results import QUIT, RETRY, SAVE, STAY, PendingResultsGuard
from mynakiosk_hardware import files
from tests.gui.test_pin_flow import answer
from tests.gui.test_visit_screens import to_consent

pytestmark = pytest.mark.gui


@pytest.fixture
def full_disk(monkeypatch):
    def no_space(out, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_data", no_space)
    return monkeypatch


def complete_a_visit(qtbot, kiosk):
    to_consent(qtbot, kiosk)
    answer(qtbot, kiosk, "all")
    answer(qtbot, kiosk, "no")  # 高額療養費
    answer(qtbot, kiosk, "no")  # 医療費助成
    assert kiosk.state is State.COMPLETE


def test_an_unwritten_result_is_shown_to_staff_and_retried_until_written(
    qtbot, kiosk, full_disk, caplog, tmp_path
):
    assert not kiosk.window.statusBar().isVisible()  # nothing to say: no bar, the window keeps its size
    complete_a_visit(qtbot, kiosk)
    controller, window = kiosk.controller, kiosk.window
    assert len(controller.results.pending) == 1 and list((tmp_path / "results").glob("*.xml")) == []
    assert window.statusBar().isVisible()
    shown = window.results_warning.text()
    assert "1件書けていません" in shown and "ディスクの空きがありません" in shown and str(tmp_path) in shown
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("result file not written" in w and "No space left" in w for w in warnings)
    assert controller.retry_timer.isActive()

    controller.retry_timer.timeout.emit()  # still full: kept, the timer goes on
    assert len(controller.results.pending) == 1 and controller.retry_timer.isActive()
    full_disk.undo()
    controller.retry_timer.timeout.emit()  # space again
    assert controller.results.pending == [] and not controller.retry_timer.isActive()
    assert len(list((tmp_path / "results").glob("*.xml"))) == 1
    assert not window.statusBar().isVisible()
    assert any("再試行で書けました" in line for line in controller.log)


def test_the_warning_follows_the_language(qtbot, kiosk, full_disk):
    complete_a_visit(qtbot, kiosk)
    kiosk.window.set_language("en")
    try:
        qtbot.waitUntil(lambda: "not written" in kiosk.window.results_warning.text())
        shown = kiosk.window.results_warning.text()
        assert "the disk is full" in shown and "書" not in shown
    finally:
        kiosk.window.set_language("ja")
        qtbot.waitUntil(lambda: "書けていません" in kiosk.window.results_warning.text())


def guard_for(kiosk, answers, folder=None):
    asked = []

    def ask(parent, controller):
        asked.append(len(controller.results.pending))
        return answers.pop(0)

    return PendingResultsGuard(
        kiosk.controller, [kiosk.window], ask=ask, choose_folder=lambda _: folder
    ), asked


def test_quitting_with_an_unwritten_result_offers_another_folder(qtbot, kiosk, full_disk, tmp_path):
    complete_a_visit(qtbot, kiosk)
    full_disk.undo()
    elsewhere = tmp_path / "usb"
    _guard, asked = guard_for(kiosk, [SAVE], elsewhere)
    kiosk.controller.results.folder = tmp_path / "gone" / "file-not-folder"
    (tmp_path / "gone").write_text("a file where the folder should be")
    assert kiosk.window.close()
    assert asked == [1] and len(list(elsewhere.glob("OQSsiquc01res_face_*.xml"))) == 1


def test_staying_keeps_the_window_open_and_the_result(qtbot, kiosk, full_disk):
    complete_a_visit(qtbot, kiosk)
    _guard, asked = guard_for(kiosk, [RETRY, STAY])
    assert not kiosk.window.close() and kiosk.window.isVisible()
    assert asked == [1, 1] and len(kiosk.controller.results.pending) == 1


def test_quitting_anyway_is_a_warning(qtbot, kiosk, full_disk, caplog):
    complete_a_visit(qtbot, kiosk)
    _guard, _ = guard_for(kiosk, [QUIT])
    assert kiosk.window.close()
    assert any("quit with 1 result file(s) not written" in r.getMessage() for r in caplog.records)


def test_nothing_pending_closes_without_asking(qtbot, kiosk):
    _guard, asked = guard_for(kiosk, [])
    assert kiosk.window.close() and asked == []


def test_a_file_written_late_by_the_next_reception_is_logged_too(qtbot, kiosk, full_disk, tmp_path):
    complete_a_visit(qtbot, kiosk)
    full_disk.undo()
    kiosk.controller._record(kiosk.controller.records[-1])  # the next reception: both files go out
    assert kiosk.controller.results.pending == []
    names = sorted(p.name for p in (tmp_path / "results").glob("*.xml"))
    assert len(names) == 2
    lines = [line for line in kiosk.controller.log if "結果ファイル" in line]
    assert any("再試行で書けました" in line and names[0] in line for line in lines)
    assert any(line.split(" ", 1)[1].startswith("結果ファイル: ") and names[1] in line for line in lines)
