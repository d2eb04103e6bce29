"""One visit at the reader as the 資格確認端末 records it: how it ended, the identity method, the
qualification result and the patient's answers. Never a PIN."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.fallback import FallbackGuidance
    from mynakiosk.domain.qualification import IdentityMethod, QualificationResult


@dataclass
class ReceptionRecord:
    """One reception as the 資格確認端末 shows it (never a PIN)."""

    time: dt.datetime
    outcome: str  # "complete" | "fallback"
    method: IdentityMethod | None = None
    result: QualificationResult | None = None
    consents: dict[str, bool] = field(default_factory=dict)
    high_cost: bool | None = None  # 限度額情報の提供に同意
    prescription: str | None = None  # "電子処方箋" | "紙の処方箋"
    subsidy: bool | None = None
    fallback: FallbackGuidance | None = None
    card_holder: str = ""  # who holds the card (known to the simulator), to catch 誤紐づけ
    card_kind: str = ""
