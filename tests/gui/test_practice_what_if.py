"""家族で練習の「もしも…」 for the スマホ保険証 (issue #18 item 4): a family with a parent's phone in the
picker, and four what-ifs that each change what happens in a visit, explained from the sources."""

from __future__ import annotations

import pytest

from mynakiosk.domain.fallback import FallbackReason
from mynakiosk.domain.practice import WhatIf
from mynakiosk.flow.machine import State
from tests.gui.test_phone import click, make_kiosk, settle, start, type_pin

pytestmark = pytest.mark.gui


@pytest.fixture
def family(qtbot, aloop, tmp_path):
    """The family practice with phones, chosen from the practice panel's list, as a family would."""
    kiosk = make_kiosk(qtbot, tmp_path, "01_child_normal_visit.toml")
    practice = kiosk.window.practice
    index = next(i for i in range(practice.choices.count()) if "家族でスマホ" in practice.choices.itemText(i))
    practice.choices.setCurrentIndex(index)
    click(qtbot, practice.switch)
    assert kiosk.controller.scenario.key == "40_phone_family"
    yield kiosk
    kiosk.controller.close()


def choose(practice, what_if: WhatIf) -> None:
    """Pick a what-if in the list as a person does (the list's own signal)."""
    index = practice.what_ifs.findData(what_if)
    assert index >= 0, f"{what_if} not offered"
    practice.what_ifs.setCurrentIndex(index)
    practice.what_ifs.activated.emit(index)


def test_the_family_has_a_parents_phone_and_the_four_what_ifs(family):
    practice = family.window.practice
    assert set(family.phones.choices) == {"taro", "hanako"}  # the parents; the children have none
    offered = [practice.what_ifs.itemData(i) for i in range(practice.what_ifs.count())]
    assert offered == list(WhatIf)
    assert practice.what_ifs.isVisibleTo(practice) and practice.what_if_label.isVisibleTo(practice)


def test_a_clinic_without_a_phone_reader_offers_no_smartphone_until_the_what_if_is_undone(qtbot, family):
    practice = family.window.practice
    assert family.screen.phone.isVisibleTo(family.screen)
    choose(practice, WhatIf.NO_PHONE_READER)
    assert not family.controller.snapshot.phone_offered
    assert not family.screen.phone.isVisibleTo(family.screen)
    assert "汎用カードリーダーがない" in practice.explanation.text()
    assert family.controller.scenario.key == "40_phone_family"  # the same family, one change
    choose(practice, WhatIf.NONE)
    assert family.screen.phone.isVisibleTo(family.screen)
    assert "家族でスマホ保険証" in practice.explanation.text()  # the lesson again


def test_a_new_phone_not_set_up_cannot_be_read(qtbot, family):
    choose(family.window.practice, WhatIf.NEW_PHONE)
    assert "カード未追加" in family.phones.choice_list.rows[0].label.text()  # the phone picker says so
    start(qtbot, family, "android")
    type_pin(qtbot, family, "1357")
    family.phones.select("taro")
    click(qtbot, family.phones.hold)
    settle(qtbot, family, State.PHONE_NOT_READ)
    assert "新しいスマホ" in family.window.practice.explanation.text()


def test_a_locked_phone_pin_sends_the_father_to_his_card(qtbot, family):
    choose(family.window.practice, WhatIf.PHONE_PIN_LOCKED)
    start(qtbot, family, "android")
    type_pin(qtbot, family, "1357")  # the right PIN, but the phone's certificate is locked
    family.phones.select("taro")
    click(qtbot, family.phones.hold)
    settle(qtbot, family, State.FALLBACK)
    assert family.controller.snapshot.fallback.reason is FallbackReason.PHONE
    assert "ロック" in family.window.practice.explanation.text()
    click(qtbot, family.phones.take)


def test_a_childs_own_phone_holds_no_card(qtbot, family):
    practice = family.window.practice
    choose(practice, WhatIf.CHILD_PHONE)
    assert {"sakura", "yuto"} <= set(family.phones.choices)
    assert "15歳未満" in practice.explanation.text()
    start(qtbot, family, "iphone")
    family.phones.select("sakura")
    click(qtbot, family.phones.biometric)
    assert "マイナンバーカードがありません" in family.phones.phone_screen.text()
    click(qtbot, family.phones.hold)
    settle(qtbot, family, State.PHONE_NOT_READ)


def test_a_what_if_is_refused_during_a_visit(qtbot, family):
    practice = family.window.practice
    family.window.card_picker.select("taro")
    click(qtbot, family.window.card_picker.place)
    settle(qtbot, family, State.METHOD_SELECT)
    choose(practice, WhatIf.NO_PHONE_READER)
    assert practice.what_if is WhatIf.NONE and practice.what_ifs.currentData() is WhatIf.NONE
    assert "待機画面に戻ってから" in practice.status.text()
    assert family.controller.reception.clinic.phone_reader


def test_another_scenario_drops_the_what_if(qtbot, family):
    practice = family.window.practice
    choose(practice, WhatIf.NO_PHONE_READER)
    index = next(i for i in range(practice.choices.count()) if "Android" in practice.choices.itemText(i))
    practice.choices.setCurrentIndex(index)
    click(qtbot, practice.switch)
    assert practice.what_if is WhatIf.NONE and family.controller.reception.clinic.phone_reader


def test_after_a_phone_visit_no_card_is_to_be_remembered(qtbot, family):
    """「カードの取り忘れ」 is the card's hint: a visit by phone left no card on the reader."""
    practice = family.window.practice
    start(qtbot, family, "android")
    type_pin(qtbot, family, "1357")
    family.phones.select("taro")
    click(qtbot, family.phones.hold)
    settle(qtbot, family, State.CONSENT)
    for answer in ("all", "no", "no"):  # 同意, 高額療養費, 医療費助成
        click(qtbot, family.screen.buttons[answer])
    assert family.state is State.COMPLETE
    assert "取り忘れ" not in practice.hint.text() and not practice.hint.isVisibleTo(practice.hint_area)
    click(qtbot, family.phones.take)
    assert family.state is State.IDLE  # taking the phone away ended the finished visit
    family.window.card_picker.select("taro")
    click(qtbot, family.window.card_picker.place)
    settle(qtbot, family, State.METHOD_SELECT)
    click(qtbot, family.screen.pin)
    for digit in "2468":
        click(qtbot, family.screen.keys[digit])
    click(qtbot, family.screen.confirm)
    settle(qtbot, family, State.CONSENT)
    for answer in ("all", "no", "no"):
        click(qtbot, family.screen.buttons[answer])
    assert family.state is State.COMPLETE and "取り忘れ" in practice.hint.text()


def phone_visit_to_the_end(qtbot, family, *, take_during_consents: bool) -> None:
    start(qtbot, family, "android")
    type_pin(qtbot, family, "1357")
    family.phones.select("taro")
    click(qtbot, family.phones.hold)
    settle(qtbot, family, State.CONSENT)
    if take_during_consents:  # as patients do: held 1–2 s, then the consents on the face reader
        click(qtbot, family.phones.take)
        assert family.state is State.CONSENT  # the visit goes on
    for answer in ("all", "no", "no"):
        click(qtbot, family.screen.buttons[answer])
    assert family.state is State.COMPLETE


def test_taking_the_phone_away_after_the_visit_returns_to_idle_and_clears_the_refusal(qtbot, family):
    practice = family.window.practice
    phone_visit_to_the_end(qtbot, family, take_during_consents=False)
    choose(practice, WhatIf.NO_PHONE_READER)
    refusal = practice.status.text()
    assert "スマートフォンでの受付の途中です" in refusal and "カードを取り" not in refusal
    assert practice.status.isVisibleTo(practice)
    click(qtbot, family.phones.take)
    assert family.state is State.IDLE  # at once, as when a card is taken away; no inactivity wait
    assert practice.status.text() == ""  # the refusal is no longer true
    choose(practice, WhatIf.NO_PHONE_READER)
    assert practice.what_if is WhatIf.NO_PHONE_READER and practice.status.text() == ""


def test_a_phone_taken_away_during_the_consents_ends_the_visit_after_a_while(qtbot, family):
    practice = family.window.practice
    phone_visit_to_the_end(qtbot, family, take_during_consents=True)
    choose(practice, WhatIf.NO_PHONE_READER)
    assert "スマートフォンでの受付の途中です" in practice.status.text()
    family.timer.fire()  # nothing left on either reader: the last screen goes back to idle by itself
    assert family.state is State.IDLE and practice.status.text() == ""
