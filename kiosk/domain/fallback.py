"""What the patient is told when the マイナ保険証 cannot be used: documents to present, share, whom to ask.

Sources (see docs/domain.md for the full trail):
- PIN lock after 3 consecutive wrong PINs, reset at the 住民票のある市区町村: J-LIS FAQ
  (reference/reception-flow.md §1.1 step 3).
- Documents: 資格確認書 works alone; 資格情報のお知らせ only together with the card; マイナポータルの資格情報画面
  can stand in for the お知らせ (reference §2.2 "Documents", A-pattern remedies).
- 「暗証番号は3回間違えるとロックがかかってしまうため…医療機関のスタッフにお声がけください」 (MHLW, reference §1.3).
- The share is the normal one: 3割（未就学児は2割、70歳以上は1～3割） (別添3 説明書, reference §2.2).
- The municipal 医療証 is separate and must still be shown (reference §2.6; seeds 000).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from mynakiosk.domain.qualification import GENERAL_SHARE_REASON
from mynakiosk.i18n import N_


class FallbackReason(enum.Enum):
    PIN_LOCKED = "pin locked"
    NO_PIN_SET = "no pin set"
    NOT_QUALIFIED = "not qualified"  # 資格(無効)・資格情報なし・複数該当
    CERTIFICATE = "certificate"  # 電子証明書の失効・有効期限切れ・一時保留 (error 006)
    NOT_REGISTERED = "not registered"  # 保険証利用登録をしなかった


@dataclass(frozen=True, slots=True)
class FallbackGuidance:
    """The fallback screen's content. ``documents`` are alternatives: any one of them is enough.

    The texts are marked, untranslated (the screen translates them); ``reason`` tells which case this is,
    so code never has to test a text.
    """

    title: str
    cause: str
    documents: tuple[str, ...]
    share: str
    staff: str
    remedy: str
    child_note: str
    reason: FallbackReason | None = None


NORMAL_SHARE = N_("窓口での自己負担は通常どおりです（3割。未就学児は2割、70歳以上の方は1〜3割）。")
MEDICAL_CERTIFICATE_NOTE = N_(
    "お子さんの医療費助成の「医療証」（市区町村の受給者証）は、マイナ保険証とは別に窓口で提示してください。"
)

# What lets a patient pay the normal share when the マイナ保険証 cannot be used (any one of them).
DOCUMENTS = (
    N_("資格確認書"),
    N_("資格情報のお知らせ ＋ マイナンバーカード"),
    N_("マイナポータルの資格情報画面 ＋ マイナンバーカード"),
)

_GUIDANCE = {
    FallbackReason.PIN_LOCKED: FallbackGuidance(
        # The exact reader wording for a lock is [unverified]; this text is a simulator choice (docs/domain.md).
        title=N_("暗証番号がロックされています"),
        cause=N_("暗証番号を3回続けて間違えたため、このカードの利用者証明用電子証明書がロックされました。"),
        documents=DOCUMENTS,
        share=NORMAL_SHARE,
        staff=N_("受付窓口の職員にお声がけください。職員に暗証番号を伝える必要はありません。"),
        remedy=N_("ロックの解除（暗証番号の初期化）は、住民票のある市区町村の窓口で行えます。"),
        child_note=MEDICAL_CERTIFICATE_NOTE,
        reason=FallbackReason.PIN_LOCKED,
    ),
}


_GUIDANCE[FallbackReason.NO_PIN_SET] = FallbackGuidance(
    # 顔認証マイナンバーカード: only face or 目視 (reference §1.3 "Limits"); the wording is a simulator choice.
    title=N_("このカードは暗証番号が設定されていません"),
    cause=N_("顔認証マイナンバーカードは、顔認証または職員の目視確認で本人確認をします。"),
    documents=DOCUMENTS,
    share=NORMAL_SHARE,
    staff=N_("受付窓口の職員にお声がけください。職員が目視で本人確認をします。"),
    remedy=N_("顔認証がうまくいかない場合も、職員による目視確認で受付できます。"),
    child_note=MEDICAL_CERTIFICATE_NOTE,
    reason=FallbackReason.NO_PIN_SET,
)


def guidance_for(reason: FallbackReason) -> FallbackGuidance:
    return _GUIDANCE[reason]


DECLARATION = N_("被保険者資格申立書（受付でお渡しします）＋ マイナンバーカード")


def share_text(share_label: str | None, reason: str = "") -> str:
    if share_label is None:
        return NORMAL_SHARE
    if reason and reason != GENERAL_SHARE_REASON:
        return N_(
            "窓口での自己負担は通常どおり{share}です（{reason}）。10割負担にはなりません。",
            share=share_label,
            reason=reason,
        )
    return N_("窓口での自己負担は通常どおり{share}です。10割負担にはなりません。", share=share_label)


def qualification_guidance(
    reason: FallbackReason,
    *,
    title: str,
    cause: str,
    share_label: str | None = None,
    share_reason: str = "",
    first_visit: bool = False,
    child: bool = True,
    remedy: str = "",
) -> FallbackGuidance:
    """The fallback after the qualification check: documents (A-pattern, §2.2), share, whom to ask.

    At a first visit the 被保険者資格申立書 + card is also accepted; at a return visit staff may confirm
    orally (§2.2), which is the staff's decision, not the patient's screen.
    """
    documents = DOCUMENTS + ((DECLARATION,) if first_visit else ())
    return FallbackGuidance(
        title=title,
        cause=cause,
        documents=documents,
        share=share_text(share_label, share_reason),
        staff=N_("受付窓口の職員にお声がけください。"),
        remedy=remedy,
        child_note=MEDICAL_CERTIFICATE_NOTE if child else "",
        reason=reason,
    )


#: The old 健康保険証 could be used until 2025-12-01 (seed 002 A2; reference §2.2).
OLD_CARD_LAST_DAY = dt.date(2025, 12, 1)
#: 暫定措置: an expired 保険証 or the お知らせ alone is accepted, staff looking the numbers up online,
#: until 2026-03-31 (事務連絡 2025-06-27 / 2025-11-12; reference §2.2).
TRANSITIONAL_LAST_DAY = dt.date(2026, 3, 31)


def transitional_documents(as_of: dt.date) -> tuple[str, ...]:
    documents: list[str] = []
    if as_of <= OLD_CARD_LAST_DAY:
        documents.append(N_("健康保険証（2025年12月1日まで使えます）"))
    if as_of <= TRANSITIONAL_LAST_DAY:
        documents.append(
            N_(
                "有効期限切れの健康保険証、または「資格情報のお知らせ」のみ"
                "（暫定措置：2026年3月31日まで。窓口で記号・番号から資格を確認します）"
            )
        )
    return tuple(documents)


def with_transitional(guidance: FallbackGuidance, as_of: dt.date) -> FallbackGuidance:
    """Add what the date still allows (the old 保険証, the 暫定措置) to the documents to present."""
    extra = transitional_documents(as_of)
    return replace(guidance, documents=guidance.documents + extra) if extra else guidance
