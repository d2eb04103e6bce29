"""The screens after the PIN, and the staff console, driven through the real widgets."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt

from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.domain.visit import ConsentTopic, Outcome
from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.ui.screens import ConsentDetailScreen
from mynakiosk.ui.staff_console import StaffConsole
from tests.gui.test_pin_flow import (
    answer,
    choose_pin,
    confirm,
    lock_the_card,
    place,
    type_on_keypad,
    visible_text,
)

pytestmark = pytest.mark.gui


def to_consent(qtbot, kiosk, key="sakura", pin="1234"):
    place(qtbot, kiosk, key)
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, pin)
    confirm(qtbot, kiosk, State.CONSENT)


def test_individual_consent_is_recorded_and_exported(qtbot, kiosk, tmp_path):
    to_consent(qtbot, kiosk)
    answer(qtbot, kiosk, "individual")
    detail = kiosk.window.current_screen
    assert isinstance(detail, ConsentDetailScreen) and not detail.next.isEnabled()
    yes_medicine, _ = detail.rows[ConsentTopic.MEDICAL]
    _, no_surgery = detail.rows[ConsentTopic.SURGERY]
    yes_checkup, _ = detail.rows[ConsentTopic.HEALTH_CHECKUP]
    for button in (yes_medicine, no_surgery, yes_checkup):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(detail.next, Qt.MouseButton.LeftButton)
    assert kiosk.state is State.HIGH_COST
    answer(qtbot, kiosk, "yes")
    answer(qtbot, kiosk, "no")
    assert kiosk.state is State.COMPLETE
    record = kiosk.controller.records[-1]
    assert record.consents == {
        ConsentTopic.MEDICAL: True,
        ConsentTopic.SURGERY: False,
        ConsentTopic.HEALTH_CHECKUP: True,
    }
    assert record.high_cost is True and record.subsidy is False
    files = list((tmp_path / "results").glob("OQSsiquc01res_face_*.xml"))
    assert len(files) == 1
    item = ET.parse(files[0]).getroot().find("MessageBody/ResultList/ResultOfQualificationConfirmation")
    assert item.findtext("OperationInfoConsFlg") == "0" and item.findtext("PharmacistsInfoConsFlg") == "1"


def test_switching_scenarios_changes_the_household_and_the_result(qtbot, kiosk):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "03_job_change_pending.toml"))
    assert set(kiosk.window.card_picker.choices) == {"sakura", "taro", "other", "paper"}
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.FALLBACK)
    text = visible_text(kiosk.window.current_screen)
    assert "資格が確認できませんでした" in text and "反映" in text and "資格確認書" in text


def test_renewal_alert_is_shown_during_the_visit(qtbot, kiosk):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "09_certificate_expiring.toml"))
    to_consent(qtbot, kiosk)
    assert kiosk.window.alert.isVisibleTo(kiosk.window) and "更新" in kiosk.window.alert.text()


def test_registration_screen_then_consent(qtbot, kiosk):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "13_not_registered.toml"))
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.REGISTRATION)
    answer(qtbot, kiosk, "yes")
    assert kiosk.state is State.CONSENT


def test_staff_console_lists_receptions_and_raises_the_mislink_alarm(qtbot, kiosk, tmp_path):
    console = StaffConsole(kiosk.controller, log_folder=tmp_path / "logs")
    qtbot.addWidget(console)
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "07_mislinked.toml"))
    to_consent(qtbot, kiosk)
    answer(qtbot, kiosk, "all")
    answer(qtbot, kiosk, "no")
    model = console.table.model()
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1] == "⚠ 山田 咲良" and row[6] == "1 有効" and row[8] == "暗証番号"
    assert console.alarm.isVisibleTo(console) and "誤紐づけ" in console.alarm.text()
    suggested = []
    console.ask_log_path = lambda path: suggested.append(path) or tmp_path / "chosen.log"  # the dialog
    saved = console.save_log()
    assert suggested[0].parent == tmp_path / "logs" and saved == tmp_path / "chosen.log"
    text = saved.read_text(encoding="utf-8")
    assert "受付記録" in text and "1234" not in text


def test_staff_console_scenario_picker(qtbot, kiosk):
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    index = next(
        i for i in range(console.scenarios.count()) if "08_pin_locked" in console.scenarios.itemText(i)
    )
    console.scenarios.setCurrentIndex(index)
    qtbot.mouseClick(console.load_button, Qt.MouseButton.LeftButton)
    assert kiosk.controller.scenario.key == "08_pin_locked"
    assert "暗証番号ロック" in console.lesson.text()


def test_staff_visual_check_at_the_reader_after_a_lock(qtbot, kiosk):
    from mynakiosk.ui.screens import FallbackScreen, VisualCheckScreen

    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "19_pin_locked_visual_check.toml"))
    place(qtbot, kiosk, "taro")
    choose_pin(qtbot, kiosk)
    lock_the_card(qtbot, kiosk)
    fallback = kiosk.window.current_screen
    assert isinstance(fallback, FallbackScreen) and fallback.visual.isVisibleTo(fallback)
    assert "職員に暗証番号を伝える必要はありません" in fallback.staff.text()
    qtbot.mouseClick(fallback.visual, Qt.MouseButton.LeftButton)
    screen = kiosk.window.current_screen
    assert isinstance(screen, VisualCheckScreen)
    assert screen.password.echoMode() == screen.password.EchoMode.Password
    qtbot.keyClicks(screen.password, "0000")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "パスワードが違います" in screen.message.text())
    assert screen.password.text() == ""
    qtbot.keyClicks(screen.password, "7391")
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=3000)
    assert kiosk.controller.reception.record.method is IdentityMethod.VISUAL
    # The fallback record published at the lock stays as it was shown (issue: it used to turn complete).
    assert [r.outcome for r in kiosk.controller.records] == [Outcome.FALLBACK]
    assert kiosk.controller.records[0].method is None


def test_the_console_log_view_is_bounded_and_the_saved_log_is_whole(qtbot, kiosk, tmp_path):
    """A kiosk runs all day: the view keeps the latest lines, the saved log (Japanese) keeps every line."""
    from mynakiosk.i18n import N_
    from mynakiosk.sessionlog import RECENT_LOG_LINES

    console = StaffConsole(kiosk.controller, log_folder=tmp_path)
    qtbot.addWidget(console)
    for number in range(RECENT_LOG_LINES + 50):
        kiosk.controller._write_log(N_("結果ファイル: {path}", path=f"{number}.xml"))
    assert len(kiosk.controller.recent_log) == RECENT_LOG_LINES
    assert console.log_view.blockCount() <= RECENT_LOG_LINES
    saved = console.save_log(tmp_path / "session.log").read_text(encoding="utf-8")
    assert "結果ファイル: 0.xml" in saved and f"結果ファイル: {RECENT_LOG_LINES + 49}.xml" in saved
