"""A clinic's reader settings (the parts a facility configures), with defaults a small clinic would use."""

from __future__ import annotations

from dataclasses import dataclass

from mynakiosk.i18n import N_


@dataclass(frozen=True)
class ClinicSettings:
    """The reader settings a facility chooses; the defaults are those of a small clinic."""

    name: str = N_("練習用クリニック")
    code: str = "1399999999"  # 医療機関コード (fictional)
    first_visit: bool = False  # 初診: the fallback offers the 被保険者資格申立書 (reference §2.2)
    prescription_screen: bool = False  # 処方箋形式の選択 (pharmacies / 電子処方箋 clinics, §1.1 step 4)
    subsidy_screen: bool = False  # 医療費助成の各種受給者証を利用しますか (PMH municipalities, §2.6)
    # The reader is broken today (reference §2.2 case 4): the kiosk shows it and the patient uses the fallback.
    reader_out_of_order: bool = False
    # 目視モード用パスワード set per facility, never the card PIN (§1.3).
    visual_check_password: str = "0000"
    # Face authentication locks after 10 consecutive failures per one press report: [unverified] (§1.1).
    face_failure_limit: int = 10
    # No source gives idle timeouts ([not found], §1.1 step 6): a simulator choice.
    inactivity_seconds: float = 60.0
