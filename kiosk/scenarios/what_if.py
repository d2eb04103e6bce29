"""家族で練習の「もしも」 (:class:`kiosk.domain.practice.WhatIf`) applied to the scenario being practised.

A what-if changes the simulation, not the lesson: the clinic's 汎用カードリーダー, the family's phones, a
child's own phone. The scenario file is not touched; choosing 「シナリオのとおり」 loads it as it was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mynakiosk.domain.practice import WhatIf
from mynakiosk.domain.smartphone import can_have_smartphone_card

if TYPE_CHECKING:
    from mynakiosk.scenarios.loader import Scenario, ScenarioPerson


def applicable(scenario: Scenario) -> list[WhatIf]:
    """The what-ifs that change something in ``scenario`` (「シナリオのとおり」 first, always)."""
    from mynakiosk_hardware.phone import PhoneKind  # the phone model: loaded with the practice column

    phones = [p.phone for p in scenario.people if p.phone is not None]
    found = [WhatIf.NONE]
    if scenario.clinic.phone_reader:
        found.append(WhatIf.NO_PHONE_READER)
        if any(phone.set_up for phone in phones):
            found.append(WhatIf.NEW_PHONE)
        if any(phone.kind is PhoneKind.ANDROID and phone.set_up for phone in phones):
            found.append(WhatIf.PHONE_PIN_LOCKED)
        if any(_child_without_phone(p, scenario) for p in scenario.people):
            found.append(WhatIf.CHILD_PHONE)
    return found


def _child_without_phone(person: ScenarioPerson, scenario: Scenario) -> bool:
    return (
        person.card is not None
        and person.phone is None
        and not can_have_smartphone_card(person.person.birth_date, scenario.as_of)
    )


def with_what_if(scenario: Scenario, what_if: WhatIf) -> Scenario:
    """``scenario`` as the what-if changes it (the same scenario for :attr:`WhatIf.NONE`)."""
    if what_if is WhatIf.NO_PHONE_READER:
        return replace(scenario, clinic=replace(scenario.clinic, phone_reader=False))
    if what_if is WhatIf.NONE:
        return scenario
    return replace(scenario, people=tuple(_person(p, scenario, what_if) for p in scenario.people))


def _person(person: ScenarioPerson, scenario: Scenario, what_if: WhatIf) -> ScenarioPerson:
    from mynakiosk_hardware.phone import PhoneKind, PhoneProfile

    phone = person.phone
    if what_if is WhatIf.NEW_PHONE and phone is not None:
        return replace(person, phone=replace(phone, set_up=False))
    if what_if is WhatIf.PHONE_PIN_LOCKED and phone is not None and phone.kind is PhoneKind.ANDROID:
        return replace(person, phone=replace(phone, auth_pin_tries=0))
    if what_if is WhatIf.CHILD_PHONE and _child_without_phone(person, scenario):
        assert person.card is not None
        # The child's own phone: no card can be added to it under 15 (docs/domain.md), so it is never set up.
        return replace(person, phone=PhoneProfile.issued_from(person.card, PhoneKind.IPHONE, set_up=False))
    return person
