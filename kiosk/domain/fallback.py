"""What the patient is told when the マイナ保険証 cannot be used: documents to present, share, whom to ask.

Sources (see docs/domain.md for the full trail):
- PIN lock after 3 consecutive wrong PINs, reset at the 住民票のある市区町村: J-LIS FAQ
  (www2.jpki.go.jp/faq/trouble/iccard_digital_id.html).
- Documents: 資格確認書 works alone; 資格情報のお知らせ only together with the card; マイナポータルの資格情報画面
  can stand in for the お知らせ (city.kurayoshi.lg.jp/10255.htm; jsrkenpo.or.jp; 保発0710第1号 remedies).
- 「暗証番号は3回間違えるとロックがかかってしまうため…医療機関のスタッフにお声がけください」 (MHLW 要配慮者向けご説明資料, 医療保険部会 2024-11-21).
- The share is the normal one: 3割（未就学児は2割、70歳以上は1～3割） (被保険者資格申立書 別添3 説明書, MHLW).
- The municipal 医療証 is separate and must still be shown (city.satsumasendai.lg.jp/20250808_1/17486.html; 「子供のマイナ保険証と医療証が連携できないときの考え方と対処法」).
- At a first visit the 被保険者資格申立書 + card is accepted in every case where the card cannot confirm the
  qualification (保発0710第1号, cases 1-7, as summarised by the Japan Dental Association).
- While the insurer's record is not in the system (a newborn, a new dependant, a job change), the お知らせ
  (issued only to people whose My Number is linked: 東洋紡健康保険組合 FAQ 1-2, 1-5) and マイナポータル (it
  shows the same lag: 共済組合 Q&A A3) do not help: the 資格確認書 the insurer issues on acquisition
  (requested with the 被扶養者異動届, 「資格確認書必要」) does (共済組合 Q&A A5, A6).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import replace
from typing import TYPE_CHECKING

from mynakiosk.domain.qualification import GENERAL_SHARE_REASON, QualificationResult, Share, Validity
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk.domain.people import Coverage


class FallbackReason(enum.Enum):
    PIN_LOCKED = "pin locked"
    NO_PIN_SET = "no pin set"
    NOT_QUALIFIED = "not qualified"  # 資格(無効)・資格情報なし・複数該当
    CERTIFICATE = "certificate"  # 電子証明書の失効・有効期限切れ・一時保留 (error 006)
    NOT_REGISTERED = "not registered"  # 保険証利用登録をしなかった
    READER_OUT_OF_ORDER = "reader out of order"  # the reader is broken today (case 4 of 保発0710第1号)
    PHONE = "phone"  # スマホ保険証: the phone's PIN locked, its certificate refused, or nothing readable


@record(slots=True)
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
    #: The current record is not in the system: a look-up by an old card's numbers (暫定措置) cannot help.
    record_missing: bool = False


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
    # 顔認証マイナンバーカード: only face or 目視 (city.ashikaga.tochigi.jp …/p005560.html; MHLW 事務連絡 2023-08-07); the wording is a simulator choice.
    title=N_("このカードは暗証番号が設定されていません"),
    cause=N_("顔認証マイナンバーカードは、顔認証または職員の目視確認で本人確認をします。"),
    documents=DOCUMENTS,
    share=NORMAL_SHARE,
    staff=N_("受付窓口の職員にお声がけください。職員が目視で本人確認をします。"),
    remedy=N_("顔認証がうまくいかない場合も、職員による目視確認で受付できます。"),
    child_note=MEDICAL_CERTIFICATE_NOTE,
    reason=FallbackReason.NO_PIN_SET,
)


def guidance_for(
    reason: FallbackReason,
    *,
    share_label: str | None = None,
    share_reason: str = "",
    first_visit: bool = False,
    staff: str = "",
) -> FallbackGuidance:
    """The fallback of an identity failure (PIN lock, no PIN): the card itself is fine, so the お知らせ and
    マイナポータル work with it; at a first visit the 申立書 too; the share from the card holder's age."""
    guidance = _GUIDANCE[reason]
    return replace(
        guidance,
        documents=guidance.documents + ((DECLARATION,) if first_visit else ()),
        share=share_text(share_label, share_reason),
        staff=staff or guidance.staff,
    )


DECLARATION = N_("被保険者資格申立書（受付でお渡しします）＋ マイナンバーカード")
#: When the insurer's record is not in the system yet: the 資格確認書 the insurer issues on acquisition.
NEW_MEMBER_CERTIFICATE = N_(
    "資格確認書（新しく加入したときに保険者が交付します。赤ちゃんや新しい扶養家族は、"
    "被扶養者異動届で「資格確認書必要」を選びます）"
)


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
    not_in_system: bool = False,
) -> FallbackGuidance:
    """The fallback after the qualification check: documents (保発0710第1号 A-pattern), share, whom to ask.

    At a first visit the 被保険者資格申立書 + card is also accepted; at a return visit staff may confirm
    orally (保発0710第1号), which is the staff's decision, not the patient's screen. ``not_in_system``: the current
    record is not in the system (not reflected, My Number not submitted): only the 資格確認書 (and the 申立書)
    help, not the お知らせ or マイナポータル, which show what the system has.
    """
    documents: tuple[str, ...] = (NEW_MEMBER_CERTIFICATE,) if not_in_system else DOCUMENTS
    documents += (DECLARATION,) if first_visit else ()
    return FallbackGuidance(
        title=title,
        cause=cause,
        documents=documents,
        share=share_text(share_label, share_reason),
        staff=N_("受付窓口の職員にお声がけください。"),
        remedy=remedy,
        child_note=MEDICAL_CERTIFICATE_NOTE if child else "",
        reason=reason,
        record_missing=not_in_system,
    )


def out_of_order_guidance(*, first_visit: bool) -> FallbackGuidance:
    """The reader is broken (case 4): the card cannot be read here, the documents can (共済組合 Q&A A8:
    the card with the お知らせ or the マイナポータル screen); at a first visit the 申立書 too."""
    return FallbackGuidance(
        title=N_("カードリーダーが故障しています"),
        cause=N_("今日はこのカードリーダーでマイナ保険証を読み取れません。"),
        documents=DOCUMENTS + ((DECLARATION,) if first_visit else ()),
        share=NORMAL_SHARE,
        staff=N_("受付窓口の職員にお声がけください。"),
        remedy="",
        child_note=MEDICAL_CERTIFICATE_NOTE,
        reason=FallbackReason.READER_OUT_OF_ORDER,
    )


#: The old 健康保険証 could be used until 2025-12-01 at the latest: earlier if its own printed expiry came
#: first, and not after a change of insurer (子どもの資格確認書の記事 Q5; 東洋紡健康保険組合 FAQ 3-4).
OLD_CARD_LAST_DAY = dt.date(2025, 12, 1)
#: No 保険証 was issued from 2024-12-02 on: a record acquired since has none.
LAST_CARD_ISSUED = dt.date(2024, 12, 1)
#: 暫定措置: an expired 保険証 or the お知らせ alone is accepted, staff looking the numbers up online,
#: until 2026-03-31 (事務連絡 2025-06-27 / 2025-11-12; docs/domain.md, timeline).
TRANSITIONAL_LAST_DAY = dt.date(2026, 3, 31)


def old_card_usable(coverage: Coverage | None, as_of: dt.date) -> bool:
    """Whether the 保険証 issued for ``coverage`` can still be shown on ``as_of``.

    It needs a record acquired before 2024-12-02 (no card was issued later), still valid (a change of
    insurer ends it: the new insurer's record has no card), before its printed expiry, and 2025-12-01 at the
    latest.
    """
    if coverage is None or coverage.acquired > LAST_CARD_ISSUED or not coverage.valid_on(as_of):
        return False
    last_day = min(OLD_CARD_LAST_DAY, coverage.card_expires or OLD_CARD_LAST_DAY)
    return as_of <= last_day


def transitional_documents(
    as_of: dt.date, *, old_card: bool = False, interim: bool = True
) -> tuple[str, ...]:
    """What the date still allows: the old 保険証 (``old_card``: this patient's is still usable) and the
    暫定措置 to 2026-03-31 (``interim``: a look-up by the numbers can find the patient's current record)."""
    documents: list[str] = []
    if old_card and as_of <= OLD_CARD_LAST_DAY:
        documents.append(N_("健康保険証（2025年12月1日まで使えます）"))
    if interim and as_of <= TRANSITIONAL_LAST_DAY:
        documents.append(
            N_(
                "有効期限切れの健康保険証、または「資格情報のお知らせ」のみ"
                "（暫定措置：2026年3月31日まで。窓口で記号・番号から資格を確認します）"
            )
        )
    return tuple(documents)


def with_transitional(
    guidance: FallbackGuidance, as_of: dt.date, *, old_card: bool = False
) -> FallbackGuidance:
    """Add what the date still allows (the old 保険証, the 暫定措置) to the documents to present."""
    extra = transitional_documents(as_of, old_card=old_card, interim=not guidance.record_missing)
    return replace(guidance, documents=guidance.documents + extra) if extra else guidance


def guidance_for_identity(
    reason: FallbackReason,
    as_of: dt.date,
    *,
    share: Share | None = None,
    first_visit: bool = False,
    staff: str = "",
    old_card: bool = False,
    child: bool = True,
) -> FallbackGuidance:
    """The fallback when the identity step cannot be done (PIN locked), at ``as_of``: the share from the card
    holder's age, the 申立書 at a first visit, what staff can do with this card, and what the date allows.
    The 医療証 note only for a child's card (``child``; True where the holder's age is not known)."""
    guidance = guidance_for(
        reason,
        share_label=share.label if share else None,
        share_reason=share.reason if share else "",
        first_visit=first_visit,
        staff=staff,
    )
    if not child:
        guidance = replace(guidance, child_note="")
    return with_transitional(guidance, as_of, old_card=old_card)


def guidance_for_declined_registration(
    first_visit: bool, as_of: dt.date, *, old_card: bool = False
) -> FallbackGuidance:
    """The patient chose 登録しない on the 保険証利用登録 screen."""
    guidance = qualification_guidance(
        FallbackReason.NOT_REGISTERED,
        title=N_("マイナ保険証の利用登録をしませんでした"),
        cause=N_("このカードは健康保険証としての利用登録がされていません。"),
        first_visit=first_visit,
        remedy=N_("利用登録は、このカードリーダーやマイナポータルでいつでもできます。"),
    )
    return with_transitional(guidance, as_of, old_card=old_card)


def guidance_for_result(
    result: QualificationResult, *, first_visit: bool, child: bool, as_of: dt.date, old_card: bool = False
) -> FallbackGuidance:
    """The fallback after a qualification check that gave no usable record (or a certificate error)."""
    share = result.share
    if not result.processing_ok:
        guidance = qualification_guidance(
            FallbackReason.CERTIFICATE,
            title=N_("電子証明書が使えません"),
            cause=result.error_message or result.cause,
            share_label=share.label if share else None,
            first_visit=first_visit,
            child=child,
            remedy=N_("電子証明書の更新・再発行は、住民票のある市区町村の窓口で行えます。"),
        )
        return with_transitional(guidance, as_of, old_card=old_card)
    titles = {
        Validity.MULTIPLE: N_("資格が複数見つかりました"),
        Validity.NONE: N_("資格情報が見つかりませんでした"),
    }
    assert result.validity is not None
    # 無効・該当資格なし by card: the current record is not in the system (not reflected, My Number not
    # submitted), so the お知らせ and マイナポータル, which show what the system has, do not help.
    not_in_system = result.validity in (Validity.INVALID, Validity.NONE)
    guidance = qualification_guidance(
        FallbackReason.NOT_QUALIFIED,
        title=titles.get(result.validity, N_("資格が確認できませんでした")),
        cause=N_("（{validity}）{cause}", validity=result.validity.label, cause=result.cause),
        share_label=share.label if share else None,
        share_reason=share.reason if share else "",
        first_visit=first_visit,
        child=child,
        not_in_system=not_in_system,
        remedy=N_(
            "加入している保険者（勤務先）に、マイナンバーの登録状況を確認してください。"
            "反映されるまでは、マイナポータルの資格情報画面にも表示されません。"
        )
        if not_in_system
        else N_("加入している保険者（勤務先）に、どの保険で受診するかを確認してください。"),
    )
    return with_transitional(guidance, as_of, old_card=old_card)


def certificate_alert(result: QualificationResult) -> str:
    """The line the reader shows above every screen after the check: 更新アラート or 資格情報の提供のみ (MHLW 医療機関等向け総合ポータル KB 「資格情報の提供のみ」; mhlw.go.jp/stf/newpage_50657.html)."""
    if result.qualification_only:
        return N_(
            "電子証明書の有効期限が切れています。資格情報の提供のみ行います。市区町村で更新してください。"
        )
    if result.renewal_alert:
        return N_("電子証明書の有効期限が近づいています。市区町村で更新手続きをしてください。")
    return ""
