"""個別照会 at the desk: staff type the numbers of the document the patient shows into the 資格確認端末 and
decide whether it is accepted on the day.

Rules (docs/domain.md, timeline):
- The 資格確認書 is accepted on its own while the record is valid (its printed validity is the desk's check).
- The old 健康保険証 could be used until 2025-12-01 at the latest (東洋紡健康保険組合 FAQ 3-4).
- 暫定措置 until 2026-03-31: an expired 保険証, or the 資格情報のお知らせ alone, was accepted when the look-up
  confirmed the qualification (MHLW 事務連絡 2025-06-27, 2025-11-12). From 2026-04-01 neither is accepted
  alone; the お知らせ is valid only together with the card (福島市; 共済組合 Q&A A8).
- At a first visit the 被保険者資格申立書 + card remains (保発0710第1号); the share is never 10割 for it.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from mynakiosk.domain.fallback import OLD_CARD_LAST_DAY, TRANSITIONAL_LAST_DAY
from mynakiosk.domain.qualification import Validity
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.qualification import QualificationResult


class PresentedDocument(enum.Enum):
    """What the patient hands over at the desk; the value is the word a scenario script uses."""

    CERTIFICATE = "certificate"  # 資格確認書
    OLD_CARD = "card"  # 健康保険証 (issued until 2024-12-01), within its printed validity
    EXPIRED_CARD = "expired-card"  # 有効期限切れの健康保険証
    NOTICE = "notice"  # 資格情報のお知らせ, alone
    NOTICE_WITH_CARD = "notice+card"  # 資格情報のお知らせ + マイナンバーカード (the card cannot be read)

    @property
    def label(self) -> str:
        return {
            PresentedDocument.CERTIFICATE: N_("資格確認書"),
            PresentedDocument.OLD_CARD: N_("健康保険証（有効期限内）"),
            PresentedDocument.EXPIRED_CARD: N_("有効期限切れの健康保険証"),
            PresentedDocument.NOTICE: N_("資格情報のお知らせ（のみ）"),
            PresentedDocument.NOTICE_WITH_CARD: N_("資格情報のお知らせ ＋ マイナンバーカード"),
        }[self]


@record
class DeskVerdict:
    """The 個別照会's result and what the desk does with it."""

    document: PresentedDocument
    result: QualificationResult
    accepted: bool
    action: str  # marked text, translated where shown


OTHER_ROUTES = N_(
    "マイナ保険証（カード）か資格確認書を提示してもらってください。カードが読み取れないときは、カードと"
    "資格情報のお知らせ（またはマイナポータルの資格情報画面）で受付できます。初診なら被保険者資格申立書＋カードも使えます。"
)


def desk_verdict(document: PresentedDocument, result: QualificationResult, as_of: dt.date) -> DeskVerdict:
    """Whether ``document``, looked up with ``result`` on ``as_of``, lets the patient pay the normal share."""
    valid = result.processing_ok and result.validity in (Validity.VALID, Validity.VALID_UNREGISTERED)
    share = result.share.label if result.share else "—"
    if not valid:
        label = result.validity.label if result.validity else ""
        action = N_(
            "資格が確認できません（{validity}）。{cause}書類の記号・番号・枝番と生年月日をもう一度確かめてください。"
            "{routes}",
            validity=label,
            cause=result.cause,
            routes=OTHER_ROUTES,
        )
        return DeskVerdict(document, result, False, action)
    if document is PresentedDocument.CERTIFICATE:
        return DeskVerdict(
            document,
            result,
            True,
            N_(
                "資格確認書で受付できます（券面の有効期限も確かめてください）。負担は{share}です。",
                share=share,
            ),
        )
    if document is PresentedDocument.NOTICE_WITH_CARD:
        return DeskVerdict(
            document,
            result,
            True,
            N_("マイナンバーカードと資格情報のお知らせで受付できます。負担は{share}です。", share=share),
        )
    if document is PresentedDocument.OLD_CARD and as_of <= OLD_CARD_LAST_DAY:
        return DeskVerdict(
            document,
            result,
            True,
            N_(
                "従来の健康保険証で受付できます（2025年12月1日まで。券面の有効期限も確かめてください）。"
                "負担は{share}です。",
                share=share,
            ),
        )
    if as_of <= TRANSITIONAL_LAST_DAY:
        return DeskVerdict(
            document,
            result,
            True,
            N_(
                "暫定措置（2026年3月31日まで）: 資格が確認できたので、通常の負担（{share}）で受付できます。"
                "次回はマイナ保険証か資格確認書を持ってくるよう案内してください。",
                share=share,
            ),
        )
    if document is PresentedDocument.NOTICE:
        action = N_(
            "資格情報のお知らせだけでは受付できません（マイナンバーカードと一緒に提示するものです。"
            "暫定措置は2026年3月31日で終わりました）。{routes}",
            routes=OTHER_ROUTES,
        )
    else:
        action = N_(
            "暫定措置は2026年3月31日で終わりました。有効期限切れの健康保険証だけでは受付できません。{routes}",
            routes=OTHER_ROUTES,
        )
    return DeskVerdict(document, result, False, action)
