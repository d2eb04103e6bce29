"""個別照会 at the staff console: staff type the document's numbers and see the verdict at the scenario's date."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mynakiosk.domain.desk import PresentedDocument
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.ui.staff_console import StaffConsole

pytestmark = pytest.mark.gui


@pytest.fixture
def console(qtbot, kiosk):
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.show()
    return console


def look_up(qtbot, console, document, insurer, symbol, number, branch, birth):
    qtbot.mouseClick(console.desk_button, Qt.MouseButton.LeftButton)
    desk = console.desk_lookup
    assert desk is not None and desk.isVisible()
    desk.document.setCurrentIndex(desk.document.findData(document))
    for field, text in (
        (desk.insurer, insurer),
        (desk.symbol, symbol),
        (desk.number, number),
        (desk.branch, branch),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    desk.birth.setDate(birth)
    with qtbot.waitSignal(desk.looked_up) as signal:
        qtbot.mouseClick(desk.look_up, Qt.MouseButton.LeftButton)
    return desk, signal.args[0]


def sakura_of(kiosk, name):
    scenario = load_scenario(scenarios_dir() / name)
    kiosk.controller.load_scenario(scenario)
    return next(p.person for p in scenario.people if p.person.id == "sakura")


def test_a_certificate_is_looked_up_and_accepted_with_the_share(qtbot, kiosk, console):
    sakura = sakura_of(kiosk, "27_desk_certificate.toml")
    desk, verdict = look_up(
        qtbot, console, PresentedDocument.CERTIFICATE, "06139991", "3150", "27", "02", sakura.birth_date
    )
    assert verdict.accepted and "受付できます" in desk.summary.text() and "3割" in desk.summary.text()
    assert f"{kiosk.controller.scenario.as_of:%Y-%m-%d} 時点" in desk.day.text()


def test_the_notice_alone_is_not_accepted_today(qtbot, kiosk, console):
    sakura = sakura_of(kiosk, "29_desk_notice_alone.toml")
    desk, verdict = look_up(
        qtbot, console, PresentedDocument.NOTICE, "06139991", "3150", "27", "02", sakura.birth_date
    )
    assert not verdict.accepted and verdict.result.validity == 1
    assert "この書類だけでは受付できません" in desk.summary.text()
    assert "資格情報のお知らせだけでは受付できません" in desk.action.text()


def test_an_expired_card_was_accepted_during_the_interim_measure(qtbot, kiosk, console):
    scenario = load_scenario(scenarios_dir() / "30_desk_expired_card_in_february.toml")
    kiosk.controller.load_scenario(scenario)
    taro = next(p.person for p in scenario.people if p.person.id == "taro")
    desk, verdict = look_up(
        qtbot, console, PresentedDocument.EXPIRED_CARD, "06139991", "3150", "27", "00", taro.birth_date
    )
    assert verdict.accepted and "暫定措置" in desk.action.text()
    assert "2026-02-10 時点" in desk.day.text()


def test_a_wrong_birth_date_finds_nobody(qtbot, kiosk, console):
    sakura = sakura_of(kiosk, "27_desk_certificate.toml")
    desk, verdict = look_up(
        qtbot,
        console,
        PresentedDocument.CERTIFICATE,
        "06139991",
        "3150",
        "27",
        "02",
        sakura.birth_date.replace(day=1) if sakura.birth_date.day != 1 else sakura.birth_date.replace(day=2),
    )
    assert not verdict.accepted and "生年月日が一致しません" in desk.action.text()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_empty_numbers_are_asked_for_not_looked_up(qtbot, kiosk, console, language):
    """Nothing typed is not 「4 該当資格なし」 (no insurance): staff are asked for the numbers, in either language."""
    from mynakiosk import i18n
    from mynakiosk.ui import language as ui_language

    sakura = sakura_of(kiosk, "27_desk_certificate.toml")
    ui_language.switch(language)
    try:
        qtbot.mouseClick(console.desk_button, Qt.MouseButton.LeftButton)
        desk = console.desk_lookup
        looked_up = []
        desk.looked_up.connect(looked_up.append)
        qtbot.mouseClick(desk.look_up, Qt.MouseButton.LeftButton)
        asked = desk.action.text()
        if i18n.language() == "ja":
            assert "保険者番号と番号を入力して" in asked
        else:
            assert "insurer number" in asked.lower() and not any("\u3040" <= c <= "\u30ff" for c in asked)
        assert looked_up == [] and desk.verdict is None and desk.summary.text() == ""
        qtbot.keyClicks(desk.insurer, "06139991")  # 番号 still empty: still asked
        qtbot.mouseClick(desk.look_up, Qt.MouseButton.LeftButton)
        assert looked_up == [] and desk.action.text() == asked
        for field, text in ((desk.symbol, "3150"), (desk.number, "27"), (desk.branch, "02")):
            field.clear()
            qtbot.keyClicks(field, text)
        desk.birth.setDate(sakura.birth_date)
        qtbot.mouseClick(desk.look_up, Qt.MouseButton.LeftButton)
        assert looked_up and looked_up[0].accepted
    finally:
        ui_language.switch("ja")
