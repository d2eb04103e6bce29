"""After the identity: the back end's answer (オンライン資格確認), 保険証利用登録, the consents and the optional
screens the clinic switched on, up to 受付完了 or the fallback, on the reception's ``Steps``. What the patient
is told in a fallback is domain code (``domain/fallback.py``, ``domain/smartphone.py``); the order of the
optional screens is declared in ``flow/machine.py`` (``next_after``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mynakiosk.domain.fallback import guidance_for_declined_registration, guidance_for_result
from mynakiosk.domain.people import is_child
from mynakiosk.domain.qualification import IdentityMethod
from mynakiosk.domain.smartphone import guidance_for_phone_refusal
from mynakiosk.domain.visit import ConsentTopic
from mynakiosk.flow.machine import Event, next_after

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mynakiosk.flow.visit import Steps


class Questions:
    """The steps from the qualification check to the end of the visit."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def qualify(self, method: IdentityMethod) -> None:
        """Ask the back end for the identified person's qualification, then show where that leads."""
        steps, visit = self._steps, self._steps.visit
        assert steps.service is not None and visit.identity is not None and visit.record is not None
        result = steps.service.confirm(visit.identity, method)
        person = result.person
        child = is_child(person.birth_date if person is not None else None, steps.as_of())
        visit.record = replace(visit.record, method=method, result=result, child=child)
        if visit.identity.phone_refusal is not None:
            guidance = guidance_for_phone_refusal(visit.identity.phone_refusal)
            steps.go(Event.NOT_QUALIFIED, fallback=guidance)
        elif result.needs_registration:
            steps.go(Event.NEEDS_REGISTRATION)
        elif not result.usable:
            guidance = guidance_for_result(
                result,
                first_visit=steps.clinic.first_visit,
                child=child,
                as_of=steps.as_of(),
                old_card=steps.old_card(),
            )
            steps.go(Event.NOT_QUALIFIED, fallback=guidance)
        elif result.qualification_only:
            self.advance()  # 資格情報の提供のみ: no consent to share medical information
        else:
            steps.go(Event.QUALIFIED)

    def register(self, accept: bool) -> None:
        """保険証利用登録 (初回): 登録する / 登録しない."""
        steps, visit = self._steps, self._steps.visit
        assert steps.service is not None and visit.identity is not None and visit.record is not None
        if not accept:
            guidance = guidance_for_declined_registration(
                steps.clinic.first_visit, steps.as_of(), old_card=steps.old_card()
            )
            steps.go(Event.NOT_QUALIFIED, fallback=guidance)
            return
        assert visit.identity.serial is not None
        steps.service.register(visit.identity.serial)
        steps.go(Event.REGISTERED)
        self.qualify(visit.record.method or IdentityMethod.PIN)

    def consent(self, choices: Mapping[ConsentTopic, bool]) -> None:
        if set(choices) != set(ConsentTopic):
            raise ValueError(f"every consent topic needs an answer, got {sorted(t.name for t in choices)}")
        self.answer(consents={topic: choices[topic] for topic in ConsentTopic}, event=Event.CONSENTED)

    def answer(self, event: Event | None = None, **answers: Any) -> None:
        """Keep the patient's answer in the record, then go on (to ``event``, or the next screen)."""
        self._steps.visit.note(**answers)
        if event is not None:
            self._steps.go(event)
        else:
            self.advance()

    def advance(self) -> None:
        """The next optional screen the clinic switched on after the current one, or 受付完了."""
        self._steps.go(next_after(self._steps.state, self._steps.clinic))
