"""The front desk's tests, driving a kiosk through the mynakiosk pytest plugin."""

import pytest

import hardware  # this project's own package, not the kiosk's
from mynakiosk.testing import State, bundled_scenario, make_card, personas


def test_our_own_hardware_package_is_ours():
    assert hardware.PRINTER == "front-desk receipt printer"


def test_a_parent_enters_the_childs_pin_and_we_print_a_receipt(kiosk_app):
    sakura = {p.key: p for p in personas()}["sakura"]
    kiosk_app.place(sakura.key)
    assert kiosk_app.state is State.METHOD_SELECT
    kiosk_app.choose_pin()
    kiosk_app.enter_pin(sakura.practice_pin)
    kiosk_app.wait_state(State.CONSENT)
    record = kiosk_app.finish_visit()
    assert record.outcome == "complete"
    assert hardware.receipt(record.result.person.name) == "受付: 山田 さくら"


def test_a_card_with_no_pin_tries_left_sends_the_patient_to_the_fallback(kiosk_app):
    kiosk_app.place(make_card(auth_pin_tries=0))
    kiosk_app.choose_pin()
    kiosk_app.wait_state(State.FALLBACK)
    assert kiosk_app.snapshot.fallback.documents  # what the patient is asked to show instead
    kiosk_app.finish_visit()
    assert kiosk_app.state is State.IDLE


class TestALockedCard:
    @pytest.fixture
    def kiosk_scenario(self):
        return bundled_scenario("08_pin_locked")

    def test_the_scenario_has_its_own_household(self, kiosk_app):
        assert [p.key for p in kiosk_app.personas] == [p.key for p in personas("08_pin_locked")]
