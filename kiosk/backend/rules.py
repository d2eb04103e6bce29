"""Date rules of マイナ保険証 reception, evaluated at a scenario's as-of date. Each cites its source.

Sources: the public pages and documents named below; the full trail, with addresses, is in docs/domain.md.
"""

from __future__ import annotations

import datetime as dt

from mynakiosk.domain.people import age_on
from mynakiosk.domain.qualification import GENERAL_SHARE_REASON, CertificateState, Share
from mynakiosk.i18n import N_
from mynakiosk_hardware.profile import CertificateStatus

#: 電子証明書: the reader alerts from 3 months before expiry (MHLW, mhlw.go.jp/stf/newpage_50657.html).
ALERT_MONTHS = 3
#: Usable for qualification only until the end of the 3rd month after the expiry month (city.tama.lg.jp, city.iwaki.lg.jp).
GRACE_MONTHS = 3
#: Unless a scenario says when, an insurer's record (with the My Number) reaches the system this many days
#: after the 資格取得日: a simulator choice; in reality it can take up to 2 months (共済組合「マイナ保険証・オンライン資格確認について Q&A」A5).
DEFAULT_REFLECTION_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def end_of_month(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


# What the CA's word on a certificate makes of it, whatever its dates (a lookup: a status not listed fails).
_WITHDRAWN = {
    CertificateStatus.REVOKED: CertificateState.REVOKED,
    CertificateStatus.SUSPENDED: CertificateState.SUSPENDED,
}


def certificate_state(
    not_before: dt.date,
    not_after: dt.date,
    as_of: dt.date,
    status: CertificateStatus = CertificateStatus.VALID,
) -> CertificateState:
    """The user-auth certificate's standing on ``as_of`` (MHLW, mhlw.go.jp/stf/newpage_50657.html; city.tama.lg.jp)."""
    if status is not CertificateStatus.VALID:
        return _WITHDRAWN[status]
    if as_of < not_before:
        return CertificateState.NOT_YET_VALID
    if as_of <= not_after:
        return (
            CertificateState.EXPIRING
            if as_of >= add_months(not_after, -ALERT_MONTHS)
            else CertificateState.VALID
        )
    if as_of <= end_of_month(add_months(not_after.replace(day=1), GRACE_MONTHS)):
        return CertificateState.GRACE
    return CertificateState.EXPIRED


def renewal_alert(not_after: dt.date, as_of: dt.date) -> bool:
    """更新アラート on the reader from 3 months before to 3 months after expiry (MHLW, mhlw.go.jp/stf/newpage_50657.html)."""
    return add_months(not_after, -ALERT_MONTHS) <= as_of <= add_months(not_after, ALERT_MONTHS)


def is_preschool(birth_date: dt.date, as_of: dt.date) -> bool:
    """未就学児: until the 31 March after the 6th birthday (the usual definition; the result file's PreschoolClassification)."""
    sixth = add_months(birth_date, 72)
    first_march_end = dt.date(sixth.year if sixth <= dt.date(sixth.year, 3, 31) else sixth.year + 1, 3, 31)
    return as_of <= first_march_end


def patient_share(birth_date: dt.date, as_of: dt.date, elderly_tenths: int | None = None) -> Share:
    """3割; 未就学児 2割; 70歳以上 1〜3割 (by income: the record says which) (被保険者資格申立書 別添3 説明書, MHLW)."""
    if is_preschool(birth_date, as_of):
        return Share(2, N_("未就学児"))
    age = age_on(birth_date, as_of)
    if age >= 70:
        # That 説明書 gives only "1〜3割" (income-dependent). Without a record value we assume the
        # common case: 2割 from 70 to 74, 1割 from 75 (後期高齢者) — a simulator choice (docs/domain.md).
        tenths = elderly_tenths or (2 if age < 75 else 1)
        return Share(tenths, N_("{age}歳（70歳以上は所得により1〜3割）", age=age))
    return Share(3, GENERAL_SHARE_REASON)


def is_reflected(reflected_on: dt.date | None, as_of: dt.date) -> bool:
    """Whether the insurer's registration (with the My Number) has reached the system by ``as_of``."""
    return reflected_on is not None and reflected_on <= as_of
