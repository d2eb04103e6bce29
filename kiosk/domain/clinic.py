"""A clinic's reader settings (the parts a facility configures), with defaults a small clinic would use."""

from __future__ import annotations

from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record


@record
class ClinicSettings:
    """The reader settings a facility chooses; the defaults are those of a small clinic."""

    name: str = N_("練習用クリニック")
    code: str = "1399999999"  # 医療機関コード (fictional)
    first_visit: bool = False  # 初診: the fallback offers the 被保険者資格申立書 (保発0710第1号)
    prescription_screen: bool = False  # 処方箋形式の選択 (pharmacies / 電子処方箋 clinics; ainj.co.jp)
    subsidy_screen: bool = (
        False  # 医療費助成の各種受給者証を利用しますか (PMH municipalities; city.kosai.shizuoka.jp)
    )
    # A 汎用カードリーダー beside the face reader for the スマホ保険証: optional for facilities (医療機関等向け総合
    # ポータル). Without one the face reader offers no 「スマートフォン」 (docs/domain.md).
    phone_reader: bool = False
    # How long 「かざしてください」 waits for a phone before saying it read nothing: not in any source, a
    # simulator choice (docs/domain.md).
    phone_hold_seconds: float = 30.0
    # The reader is broken today (保発0710第1号 case 4: reader or PC failure): the kiosk shows it and the patient uses the fallback.
    reader_out_of_order: bool = False
    # 目視モード用パスワード set per facility, never the card PIN (社会保障審議会 医療保険部会 2024-10-31 資料).
    visual_check_password: str = "0000"
    # Face authentication locks after 10 consecutive failures per one press report (TBS): [unverified].
    face_failure_limit: int = 10
    # No source gives idle timeouts ([not found]): a simulator choice.
    inactivity_seconds: float = 60.0
