"""The staff console over a long day and under faults: bounded, the saved log whole, no save ever half done."""

from __future__ import annotations

import errno
import os
import re
import stat

import platformdirs
import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from mynakiosk.i18n import N_
from mynakiosk.ui import language
from mynakiosk.ui.controller import RECENT_RECORDS
from mynakiosk.ui.staff_console import StaffConsole
from mynakiosk_hardware import files
from tests.gui.test_language import japanese_in
from tests.gui.test_result_files import complete_a_visit

pytestmark = pytest.mark.gui


@pytest.fixture
def console(qtbot, kiosk, tmp_path):
    console = StaffConsole(kiosk.controller, log_folder=tmp_path)
    qtbot.addWidget(console)
    return console


def test_the_save_dialog_opens_in_the_documents_folder(kiosk, qtbot):
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    suggested = console.default_log_path()
    assert suggested.parent == platformdirs.user_documents_path() and suggested.suffix == ".log"
    assert not any(part.startswith(".") for part in suggested.parts[1:])  # nothing hidden on the way


def test_the_log_is_saved_whole_atomically_and_for_the_owner_only(console, kiosk, qtbot, tmp_path):
    complete_a_visit(qtbot, kiosk)
    console.ask_log_path = lambda suggested: tmp_path / "visit.log"
    path = console.save_log()
    text = path.read_text(encoding="utf-8")
    assert "受付記録: 受付完了 山田 さくら" in text and "1234" not in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the log names patients
    assert "ログを保存しました" in console.status.text()


def test_cancelling_the_dialog_writes_nothing(console, tmp_path):
    console.ask_log_path = lambda suggested: None
    assert console.save_log() is None and list(tmp_path.iterdir()) == []


def test_a_full_disk_is_said_plainly_and_leaves_no_empty_file(console, kiosk, monkeypatch, tmp_path, caplog):
    kiosk.controller._write_log(N_("画面: {screen}", screen="待機中"))

    def no_space(out, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_data", no_space)
    console.ask_log_path = lambda suggested: tmp_path / "session.log"
    assert console.save_log() is None  # no exception escapes into Qt
    assert "ログを保存できません（ディスクの空きがありません）" in console.status.text()
    assert list(tmp_path.iterdir()) == []
    assert any("session log not saved" in r.getMessage() for r in caplog.records)


def test_unwritten_result_files_are_shown_in_the_console_too(console, kiosk, qtbot, monkeypatch):
    def no_space(out, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_data", no_space)
    assert not console.results_warning.isVisibleTo(console)
    complete_a_visit(qtbot, kiosk)
    assert console.results_warning.isVisibleTo(console)
    assert "1件書けていません" in console.results_warning.text()
    monkeypatch.undo()
    kiosk.controller.retry_results()
    assert not console.results_warning.isVisibleTo(console)


def test_the_table_and_the_records_keep_the_latest(console, kiosk, qtbot):
    complete_a_visit(qtbot, kiosk)
    record = kiosk.controller.records[-1]
    for _ in range(RECENT_RECORDS + 20):
        kiosk.controller._record(record)
    assert len(kiosk.controller.records) == RECENT_RECORDS
    assert console.table.model().rowCount() == RECENT_RECORDS
    # Every reception is still in the session log, which is saved whole.
    assert sum("受付記録: 受付完了" in line for line in kiosk.controller.log) == RECENT_RECORDS + 21


def test_clicking_save_writes_the_log_for_the_owner_only(console, kiosk, qtbot, tmp_path):
    """By the button, as staff do: clicked's checked=False must not reach save_log's ``path``."""
    complete_a_visit(qtbot, kiosk)
    suggested = []
    console.ask_log_path = lambda path: suggested.append(path) or tmp_path / "clicked.log"  # the dialog
    console.save_button.click()
    saved = tmp_path / "clicked.log"
    assert suggested and suggested[0].parent == tmp_path
    assert "受付記録: 受付完了" in saved.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "ログを保存しました" in console.status.text()


def test_every_console_button_can_be_clicked(console, kiosk, qtbot, tmp_path):
    """Each button by a click, not its method: a slot that takes clicked's argument for its own fails here."""
    from PySide6.QtWidgets import QPushButton

    console.ask_log_path = lambda path: tmp_path / "all.log"
    buttons = console.findChildren(QPushButton)
    assert {console.save_button, console.desk_button, console.visual_button, console.load_button} <= set(
        buttons
    )
    for button in buttons:
        if button.isVisibleTo(console) and button.isEnabled():
            button.click()  # an exception in a slot fails the test (pytest-qt's exception capture)
    assert (tmp_path / "all.log").is_file()
    assert console.desk_lookup is not None and console.desk_lookup.isVisible()
    console.desk_lookup.close()


@pytest.mark.parametrize("code", ["ja", "en"])
def test_the_save_dialog_speaks_the_ui_language(kiosk, qtbot, code):
    """Qt's own save dialog said “Look in:” and “Files of type:” in the Japanese UI (qtbase_ja lacks them)."""
    language.switch(code)
    try:
        console = StaffConsole(kiosk.controller)
        qtbot.addWidget(console)
        dialog = console.log_dialog(console.default_log_path())
        dialog.setOption(
            QFileDialog.Option.DontUseNativeDialog
        )  # the dialog that was seen (openbox, no portal)
        dialog.show()
        qtbot.waitExposed(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
        assert len(labels) >= 3  # 保存する場所, ファイル名, ファイルの種類
        if code == "ja":
            english = [text for text in labels if re.search(r"[A-Za-z]{2,}", text)]
            assert not english
        else:
            assert not japanese_in(dialog)
        dialog.reject()
    finally:
        language.switch("ja")
