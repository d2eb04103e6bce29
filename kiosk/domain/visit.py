"""One visit at the reader as the 資格確認端末 records it: how it ended, the identity method, the
qualification result and the patient's answers. Never a PIN.

A record is immutable: the reception publishes a new one at each ending (a 目視確認 after a PIN lock ends
the same visit twice, first in the fallback, then complete), so a record already shown never changes.
"""

from __future__ import annotations

import enum
from dataclasses import field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from mynakiosk.domain.identity import CardIdentity
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from mynakiosk.domain.fallback import FallbackGuidance
    from mynakiosk.domain.qualification import IdentityMethod, QualificationResult, Share


class Outcome(enum.StrEnum):
    """How a visit ended. A str enum: ``record.outcome == "complete"`` keeps working for the pytest plugin's
    users (docs/testing.md)."""

    COMPLETE = "complete"  # 受付完了
    MISLINKED = "mislinked"  # the reader completed, but the data is someone else's: the desk stops
    FALLBACK = "fallback"  # マイナ保険証で確認できず: the patient presents another document
    CANCELLED = "cancelled"  # 操作がなかったため中止

    @property
    def label(self) -> str:
        """How the session log and the staff console name it (the value is for code and the pytest plugin)."""
        return {
            Outcome.COMPLETE: N_("受付完了"),
            Outcome.MISLINKED: N_("受付完了（誤紐づけ）"),
            Outcome.FALLBACK: N_("代わりの書類"),
            Outcome.CANCELLED: N_("中止"),
        }[self]


class ConsentTopic(enum.Enum):
    """What the patient may agree to share with the facility (city.kagoshima.lg.jp 「マイナ保険証」), in screen order."""

    MEDICAL = "medical"  # 診療・薬剤
    SURGERY = "surgery"  # 手術
    HEALTH_CHECKUP = "health checkup"  # 特定健診

    @property
    def label(self) -> str:
        return {
            ConsentTopic.MEDICAL: N_("診療・薬剤"),
            ConsentTopic.SURGERY: N_("手術"),
            ConsentTopic.HEALTH_CHECKUP: N_("特定健診"),
        }[self]


class Prescription(enum.Enum):
    """処方箋形式の選択: how the patient takes the prescription."""

    ELECTRONIC = "electronic"
    PAPER = "paper"

    @property
    def label(self) -> str:
        return {Prescription.ELECTRONIC: N_("電子処方箋"), Prescription.PAPER: N_("紙の処方箋")}[self]


@record
class ReceptionRecord:
    """One reception as the 資格確認端末 shows it (never a PIN). ``outcome`` is None while the visit goes on."""

    time: dt.datetime
    outcome: Outcome | None = None
    method: IdentityMethod | None = None
    result: QualificationResult | None = None
    consents: Mapping[ConsentTopic, bool] = field(default_factory=dict)
    high_cost: bool | None = None  # 限度額情報の提供に同意
    prescription: Prescription | None = None
    subsidy: bool | None = None
    fallback: FallbackGuidance | None = None
    card_holder: str = ""  # who holds the card (known to the simulator), to catch 誤紐づけ
    card_holder_birth: dt.date | None = None  # the birth date on the card (券面), to catch 誤紐づけ
    card_identity: CardIdentity = field(default_factory=CardIdentity)  # what the card allows: photo, PIN
    #: The share the patient pays when no result was returned (a PIN lock): from the card holder's age.
    share: Share | None = None
    child: bool = True  # whether the patient is treated as a child (unknown until the result names them)

    def __post_init__(self) -> None:
        # Frozen is not enough for a published record: a dict inside it would still change under the staff
        # console and the result file, which read the same record. A read-only copy of the caller's mapping.
        object.__setattr__(self, "consents", MappingProxyType(dict(self.consents)))

    @property
    def patient_share(self) -> Share | None:
        """The share this visit establishes: the result's, else the one the fallback told the patient."""
        if self.result is not None and self.result.share is not None:
            return self.result.share
        return self.share

    @property
    def mislinked(self) -> bool:
        """誤紐づけ: the system returned someone other than the card holder.

        Staff compare 氏名・生年月日 (and 性別, 続柄) with the patient (「マイナ保険証と子どもの保険情報がひもづけ
        できないときの原因と対処法」: 氏名・生年月日・続柄・性別などの入力ミス); the simulator compares the name and birth date on the
        card with the person returned, so a namesake with another birth date raises the alarm too.
        """
        person = self.result.person if self.result is not None else None
        if person is None or not self.card_holder:
            return False
        if person.name != self.card_holder:
            return True
        return self.card_holder_birth is not None and person.birth_date != self.card_holder_birth

    def ended(self, outcome: Outcome, fallback: FallbackGuidance | None) -> ReceptionRecord:
        """The record of this visit ending in ``outcome``: a new one, so a record already shown stays as it
        was. 誤紐づけ: the patient's screen completes as on a real reader; the record tells the desk to stop."""
        if outcome is Outcome.COMPLETE and self.mislinked:
            outcome = Outcome.MISLINKED
        return replace(self, outcome=outcome, fallback=fallback)
