"""One visit at the reader as the 資格確認端末 records it: how it ended, the identity method, the
qualification result and the patient's answers. Never a PIN."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mynakiosk.domain.identity import CardIdentity

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.fallback import FallbackGuidance
    from mynakiosk.domain.qualification import IdentityMethod, QualificationResult, Share


@dataclass
class ReceptionRecord:
    """One reception as the 資格確認端末 shows it (never a PIN)."""

    time: dt.datetime
    outcome: str  # "complete" | "fallback" | "cancelled" | "mislinked" (the reader completed; the desk stops)
    method: IdentityMethod | None = None
    result: QualificationResult | None = None
    consents: dict[str, bool] = field(default_factory=dict)
    high_cost: bool | None = None  # 限度額情報の提供に同意
    prescription: str | None = None  # "電子処方箋" | "紙の処方箋"
    subsidy: bool | None = None
    fallback: FallbackGuidance | None = None
    card_holder: str = ""  # who holds the card (known to the simulator), to catch 誤紐づけ
    card_holder_birth: dt.date | None = None  # the birth date on the card (券面), to catch 誤紐づけ
    card_kind: str = ""
    card_identity: CardIdentity = field(
        default_factory=CardIdentity
    )  # what the card allows: photo (顔認証・目視), PIN
    #: The share the patient pays when no result was returned (a PIN lock): from the card holder's age.
    share: Share | None = None

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
