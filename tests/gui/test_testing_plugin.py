"""The pytest plugin other projects use (mynakiosk.testing), used here as they would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mynakiosk.testing import (
    KioskTimeout,
    State,
    bundled_scenario,
    bundled_scenario_names,
    make_card,
    personas,
)

pytestmark = pytest.mark.gui


def test_plugin_drives_a_whole_visit(kiosk_app):
    kiosk_app.place("sakura")
    assert kiosk_app.state is State.METHOD_SELECT
    kiosk_app.choose_pin()
    kiosk_app.enter_pin("1234")
    assert kiosk_app.state is State.CONSENT
    for key in ("all", "no"):  # 全て同意する, no 高額療養費
        kiosk_app.answer(key)
    assert kiosk_app.state is State.COMPLETE
    assert kiosk_app.records[-1].result.person.name == "山田 さくら"
    kiosk_app.remove()
    kiosk_app.wait_state(State.IDLE)


def test_plugin_cards_with_any_profile(kiosk_app):
    kiosk_app.place(make_card(auth_pin_tries=0))
    kiosk_app.choose_pin()
    assert kiosk_app.state is State.FALLBACK


def test_finish_visit_answers_the_usual_way_and_returns_the_record(kiosk_app):
    kiosk_app.place("sakura")
    kiosk_app.choose_pin()
    kiosk_app.enter_pin("1234")
    record = kiosk_app.finish_visit({State.HIGH_COST: "yes"})
    assert kiosk_app.state is State.IDLE
    assert record is kiosk_app.records[-1] and record.outcome == "complete"
    assert record.consents and all(record.consents.values()) and record.high_cost is True


def test_every_question_screen_declares_a_usual_answer_it_offers(kiosk_app):
    """A new question screen gets its usual answer in its declaration, or finish_visit would stop at it."""
    from mynakiosk.flow.machine import STATES
    from mynakiosk.ui.screens import ChoiceScreen

    kiosk_app.window.build_all_screens()
    questions = {s: kiosk_app.window.screens[s] for s in State}
    questions = {s: screen for s, screen in questions.items() if isinstance(screen, ChoiceScreen)}
    assert State.CONSENT in questions and State.SUBSIDY in questions
    assert {
        s: STATES[s].usual_answer for s in questions if STATES[s].usual_answer not in questions[s].buttons
    } == {}
    assert [s for s, declared in STATES.items() if declared.usual_answer and s not in questions] == []


def test_finish_visit_answers_as_the_screen_declares(kiosk_app, monkeypatch):
    from dataclasses import replace

    import mynakiosk.testing
    from mynakiosk.flow.machine import STATES

    monkeypatch.setitem(STATES, State.HIGH_COST, replace(STATES[State.HIGH_COST], usual_answer="yes"))
    assert mynakiosk.testing.USUAL_ANSWERS["HIGH_COST"] == "yes"
    kiosk_app.place("sakura")
    kiosk_app.choose_pin()
    kiosk_app.enter_pin("1234")
    record = kiosk_app.finish_visit()
    assert record is not None and record.high_cost is True


def test_finish_visit_returns_the_record_when_the_controller_keeps_no_more(kiosk_app):
    """The controller keeps the latest records only: once full, their count no longer grows with a visit."""
    kiosk_app.place("sakura")
    kiosk_app.choose_pin()
    kiosk_app.enter_pin("1234")
    first = kiosk_app.finish_visit()
    kept = kiosk_app.controller.records
    assert first is not None and kept.maxlen is not None
    kept.extend([first] * kept.maxlen)
    kiosk_app.place("sakura")
    kiosk_app.choose_pin()
    kiosk_app.enter_pin("1234")
    second = kiosk_app.finish_visit()
    assert second is not None and second is not first and second is kiosk_app.records[-1]


def test_finish_visit_refuses_before_the_identity_check(kiosk_app):
    kiosk_app.place("sakura")
    with pytest.raises(ValueError, match=r"at State\.METHOD_SELECT"):
        kiosk_app.finish_visit()


def test_waits_name_the_current_and_the_wanted_state(kiosk_app):
    kiosk_app.place("sakura")
    with pytest.raises(
        KioskTimeout, match=r"did not reach State\.CONSENT within 50 ms: it is at State\.METHOD_SELECT"
    ):
        kiosk_app.wait_state(State.CONSENT, timeout_ms=50)
    kiosk_app.wait_state("method select")  # the value, or the name, also does
    kiosk_app.wait_state("METHOD_SELECT")
    with pytest.raises(ValueError, match=r"no kiosk state 'method_selected'.*State\.METHOD_SELECT"):
        kiosk_app.wait_state("method_selected")


def test_an_unknown_persona_or_answer_is_named(kiosk_app):
    with pytest.raises(ValueError, match="sakura"):
        kiosk_app.place("hanako")
    kiosk_app.place("sakura")
    with pytest.raises(ValueError, match=r"no answer 'yes' on the State\.METHOD_SELECT screen"):
        kiosk_app.answer("yes")


@pytest.fixture
def kiosk_scenario():
    return bundled_scenario("pin_locked")


def test_a_bundled_scenario_replaces_the_default(kiosk_app):
    assert kiosk_app.controller.scenario.key == "08_pin_locked"
    assert [p.key for p in kiosk_app.personas] == [p.key for p in personas("08_pin_locked")]


def test_helpers_list_bundled_scenarios_and_personas():
    assert "01_child_normal_visit" in bundled_scenario_names()
    family = {p.key: p for p in personas()}
    assert family["sakura"].name == "山田 さくら" and family["sakura"].practice_pin == "1234"


def test_loading_the_plugin_imports_nothing_heavy():
    """pytest loads the plugin in every run of every project in the environment: importing it must not bring
    in Qt, asyncio, qasync or the card emulation (they cost ~75 ms); the fixtures import them."""
    code = (
        "import sys, mynakiosk.testing; "
        "print(sorted(m for m in ('PySide6', 'asyncio', 'qasync', 'cryptography', 'mynakiosk_hardware.card',"
        " 'mynakiosk.flow.machine') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


HOST_TESTS = """
from PySide6.QtWidgets import QPushButton

seen = []


def look(qapp):
    return qapp.font().toString(), qapp.styleSheet(), QPushButton("OK").sizeHint().toTuple()


def test_host_before(qapp):
    seen.append(look(qapp))


def test_kiosk(kiosk_app):
    assert kiosk_app.window.font().family() == "BIZ UDGothic"


def test_host_after(qapp):
    assert look(qapp) == seen[0]
"""


def test_the_host_gets_its_font_and_stylesheet_back(pytester):
    """The kiosk's look (BIZ UDGothic, large buttons) is on the shared QApplication only during a kiosk_app
    test: a plain QPushButton in the host's later tests has the size it had before."""
    pytester.makepyfile(test_host=HOST_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=3)
