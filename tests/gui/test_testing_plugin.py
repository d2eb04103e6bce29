"""The pytest plugin other projects use (kiosk.testing), used here as they would."""

import pytest

from mynakiosk.testing import make_card

pytestmark = pytest.mark.gui


def test_plugin_drives_a_whole_visit(kiosk_app):
    kiosk_app.place("sakura")
    assert kiosk_app.state == "method select"
    kiosk_app.choose_pin()
    kiosk_app.enter_pin("1234")
    assert kiosk_app.state == "consent"
    for key in ("all", "no", "yes"):
        kiosk_app.answer(key)
    assert kiosk_app.state == "complete"
    assert kiosk_app.records[-1].result.person.name == "山田 さくら"
    kiosk_app.remove()
    kiosk_app.wait_state("idle")


def test_plugin_cards_with_any_profile(kiosk_app):
    kiosk_app.place(make_card(auth_pin_tries=0))
    kiosk_app.choose_pin()
    assert kiosk_app.state == "fallback"
