"""What an オンライン資格確認 returns for one reception, in the real interface's terms: the certificate's
standing, the identity method, 資格有効性, the patient's share and the result as a whole.

Sources: the result categories of the 資格確認 interface (資格有効性 [OQSCD006], 処理結果状況 [OQSCD004]) and
the certificate rules, traced in docs/domain.md. The rules that produce these values at an as-of date live in
``kiosk/backend/rules.py``; the simulated service that applies them in ``kiosk/backend/service.py``.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.people import Coverage, Insurer, Person


class CertificateState(enum.Enum):
    """The user-auth certificate's standing at the as-of date."""

    VALID = "valid"
    EXPIRING = "expiring"  # 更新アラート: from 3 months before expiry (mhlw.go.jp/stf/newpage_50657.html)
    GRACE = "grace"  # expired, still usable: 資格情報の提供のみ (MHLW portal KB)
    EXPIRED = "expired"  # beyond the grace period: error 006 (a clinic-IT blog's screen capture)
    REVOKED = "revoked"  # 失効: error 006
    SUSPENDED = (
        "suspended"  # 一時保留, e.g. a lost card (www2.jpki.go.jp FAQ): error, and the 0120-95-0178 line
    )
    NOT_YET_VALID = "not yet valid"

    @property
    def usable(self) -> bool:
        return self in (CertificateState.VALID, CertificateState.EXPIRING, CertificateState.GRACE)


#: The reason of the ordinary 3割 share (not repeated on the fallback screen).
GENERAL_SHARE_REASON = N_("一般")


@record
class Share:
    """窓口負担割合. ``tenths`` is 1, 2 or 3 (割)."""

    tenths: int
    reason: str

    @property
    def label(self) -> str:
        return N_("{tenths}割", tenths=self.tenths)


class Validity(enum.IntEnum):
    """資格有効性 [OQSCD006] (オンライン資格確認 result interface code list)."""

    VALID = 1  # 有効
    INVALID = 2  # 無効
    INVALID_NEWER_EXISTS = 3  # 無効（新しい資格あり）
    NONE = 4  # 該当資格なし
    MULTIPLE = 5  # 複数該当
    VALID_UNREGISTERED = 6  # 有効（未登録）: 医療扶助 only

    @property
    def label(self) -> str:
        return {
            1: N_("有効"),
            2: N_("無効"),
            3: N_("無効（新しい資格あり）"),
            4: N_("該当資格なし"),
            5: N_("複数該当"),
            6: N_("有効（未登録）"),
        }[self.value]


class IdentityMethod(enum.Enum):
    """How the patient proved who they are at the reader."""

    FACE = "face"
    PIN = "pin"
    VISUAL = "visual"
    PHONE_BIOMETRIC = "phone biometric"  # スマホ保険証, iPhone: Face ID / Touch ID on the phone
    PHONE_PIN = "phone pin"  # スマホ保険証, Android: the phone certificate's PIN typed on the reader

    @property
    def label(self) -> str:
        """The method's name as the staff console and the result file write it."""
        return {
            IdentityMethod.FACE: N_("顔認証"),
            IdentityMethod.PIN: N_("暗証番号"),
            IdentityMethod.VISUAL: N_("目視"),
            IdentityMethod.PHONE_BIOMETRIC: N_("スマートフォン（生体認証）"),
            IdentityMethod.PHONE_PIN: N_("スマートフォン（暗証番号）"),
        }[self]

    @property
    def by_phone(self) -> bool:
        return self in (IdentityMethod.PHONE_BIOMETRIC, IdentityMethod.PHONE_PIN)


class PhoneRefusal(enum.Enum):
    """Why a phone cannot be the マイナ保険証 today; the value is what the patient is told."""

    REPLACED = N_(
        "このスマートフォンの電子証明書は失効しています（機種変更などのとき）。"
        "新しいスマートフォンにはマイナポータルアプリで改めて追加してください。"
        "今日はマイナンバーカードで受付できます。"
    )
    SUSPENDED = N_(
        "このスマートフォンの電子証明書は一時停止されています（紛失の届出など）。"
        "マイナンバーカードで受付するか、資格確認書などを提示してください。"
    )
    PHONE_EXPIRED = N_(
        "スマートフォンの電子証明書の有効期限が切れています。"
        "マイナポータルアプリで更新の手続きをしてください。今日はマイナンバーカードで受付できます。"
    )
    CARD_EXPIRED = N_(
        "マイナンバーカード（またはその電子証明書）の有効期限が切れているため、スマートフォンは使えません。"
        "市区町村で更新したあと、マイナポータルアプリでスマホ用電子証明書の再発行を申請してください。"
        "今日はマイナンバーカードを読み取り機に置いてください（期限切れから3か月以内なら資格情報の確認はできます）。"
    )

    @property
    def certificate_state(self) -> CertificateState:
        return {
            PhoneRefusal.REPLACED: CertificateState.REVOKED,
            PhoneRefusal.SUSPENDED: CertificateState.SUSPENDED,
        }.get(self, CertificateState.EXPIRED)


@record
class IdentityCheck:
    """The back end's verdict on a card's signature and certificate, before any record is looked up."""

    ok: bool
    serial: int | None = None
    certificate_state: CertificateState | None = None
    not_after: dt.date | None = None
    error: str = ""  # 処理結果 message when not ok
    by_phone: bool = False  # a スマホ用電子証明書, standing for the card certificate in ``serial``
    phone_refusal: PhoneRefusal | None = None


@record
class QualificationResult:
    """What the 資格確認端末 shows for one reception, in the real interface's terms (ORCA API docs, code lists OQSCD…)."""

    processing_ok: bool  # 処理結果状況 1 正常終了 / 2 エラー
    validity: Validity | None
    method: IdentityMethod
    person: Person | None = None  # whom the system returned (not necessarily the card holder!)
    coverage: Coverage | None = None
    insurer: Insurer | None = None
    share: Share | None = None
    certificate_state: CertificateState | None = None
    renewal_alert: bool = False
    qualification_only: bool = False  # 資格情報の提供のみ (certificate in its grace period)
    needs_registration: bool = False  # 保険証利用登録 not done yet
    error_code: str = ""
    error_message: str = ""
    cause: str = ""  # why, in words, for the staff console and the practice explanation
    candidates: tuple[Coverage, ...] = ()

    @property
    def usable(self) -> bool:
        return self.processing_ok and self.validity in (Validity.VALID, Validity.VALID_UNREGISTERED)
