"""The スマホ保険証 in the simulated オンライン資格確認: a phone's certificate stands for its holder's card.

A スマホ用利用者証明用電子証明書 is a certificate of its own (own serial, own key), issued from the card's; the
back end links it to the card certificate, hence to the same person. Rules, each traced in docs/domain.md:

* the phone's own certificate must be valid: revoked when its owner moved to a new phone (機種変更では
  失効させる義務: デジタル庁「スマホ用電子証明書を登録しているスマートフォンの利用をやめるときの手続」),
  suspended after a loss (0120-95-0178), or expired;
* when the physical card or its certificate has expired, the phone cannot be used; the 3-month grace
  (資格情報の提供のみ) is for the card only (医療機関等向け総合ポータル, KB「スマホ搭載されたマイナ保険証」).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk.domain.qualification import CertificateState, PhoneRefusal
from mynakiosk_hardware.profile import CertificateStatus
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt


@record
class PhoneLink:
    """A phone certificate → the card certificate it was issued from, with what the CA knows of both."""

    certificate_serial: int  # the phone's スマホ用利用者証明用電子証明書
    card_serial: int  # the card's 利用者証明用電子証明書, the key of the person's CardLink
    card_not_after: dt.date  # the card certificate's expiry: the phone stops with it
    status: CertificateStatus = CertificateStatus.VALID  # the phone certificate at the CA


def phone_refusal(
    phone_state: CertificateState,
    card_not_after: dt.date,
    as_of: dt.date,
    status: CertificateStatus = CertificateStatus.VALID,
) -> PhoneRefusal | None:
    """Whether the phone is refused, given its own certificate's state and the card certificate's expiry."""
    if status is CertificateStatus.REVOKED or phone_state is CertificateState.REVOKED:
        return PhoneRefusal.REPLACED
    if status is CertificateStatus.SUSPENDED or phone_state is CertificateState.SUSPENDED:
        return PhoneRefusal.SUSPENDED
    if as_of > card_not_after:
        return PhoneRefusal.CARD_EXPIRED
    if not phone_state.usable or phone_state is CertificateState.GRACE:  # no grace for a phone
        return PhoneRefusal.PHONE_EXPIRED
    return None
