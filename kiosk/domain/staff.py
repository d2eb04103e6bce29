"""What staff should do for a reception result: the official handling, in the 資格確認端末's words.

Sources: 保発0710第1号 (cases and the A-pattern remedies, as summarised at jda.or.jp/dentist/mynumber-online);
MHLW mhlw.go.jp/stf/newpage_50657.html (certificates); 誤紐づけ: no public source gives a specific "stop and
call" instruction (simulator's choice of wording); 目視確認: 医療保険部会 2024-10-31 資料. The 誤紐づけ check compares the person the system returned with the card holder, which the
simulator knows; at a real counter staff compare the name and birth date with the patient in front of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk.domain.fallback import FallbackReason
from mynakiosk.domain.qualification import CertificateState, Validity
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk.domain.visit import ReceptionRecord

DOCUMENT_CHECK = N_(
    "資格確認書、または「資格情報のお知らせ」＋マイナンバーカード、またはマイナポータルの資格情報画面"
    "＋マイナンバーカードで資格を確認してください。初診なら被保険者資格申立書＋カード、再診なら口頭確認も可能です。"
    "自己負担は通常どおりで、10割にはなりません。"
)


@record
class StaffAction:
    """What the staff console tells the reception desk to do about one record (and whether to stop)."""

    summary: str
    action: str
    alarm: str = ""  # shown in red: stop the reception


#: 誤紐づけ: besides the insurer, the national line (音声ガイダンス「4」→「2」): デジタル庁 FAQ
#: 「マイナンバーカードの健康保険証利用について」, quoted by 東洋紡健康保険組合 FAQ 4-14.
MISLINK_CONTACT = N_("マイナンバー総合フリーダイヤル 0120-95-0178（音声ガイダンスで「4」→「2」）")

#: When the card found no current record (無効・該当資格なし): the お知らせ and マイナポータル show the same.
NOT_IN_SYSTEM_CHECK = N_(
    "資格確認書で資格を確認してください（記号・番号・枝番と生年月日で個別照会できます）。"
    "初診なら被保険者資格申立書＋カード、再診なら口頭確認も可能です。反映前の資格は、資格情報のお知らせや"
    "マイナポータルにも表示されません。自己負担は通常どおりで、10割にはなりません。"
)


def staff_action(record: ReceptionRecord) -> StaffAction:
    """What the console shows for ``record``: marked texts, translated by the console when shown."""
    result = record.result
    if result is None:
        if record.fallback is not None and record.fallback.reason is FallbackReason.PIN_LOCKED:
            return StaffAction(
                N_("暗証番号ロック"),
                N_(
                    "{advice}または{check}ロック解除は住民票のある市区町村の窓口です。",
                    advice=record.card_identity.staff_advice,
                    check=DOCUMENT_CHECK,
                ),
            )
        if record.fallback is not None and record.fallback.reason is FallbackReason.READER_OUT_OF_ORDER:
            return StaffAction(record.fallback.title, DOCUMENT_CHECK)
        if record.fallback is not None:
            return StaffAction(
                record.fallback.title,
                N_("{advice}または{check}", advice=record.card_identity.staff_advice, check=DOCUMENT_CHECK),
            )
        return StaffAction(N_("受付中"), "")
    if not result.processing_ok:
        if result.certificate_state is CertificateState.SUSPENDED:
            return StaffAction(
                N_("エラー {code}: 電子証明書の失効・有効期限切れ（一時保留）", code=result.error_code),
                N_(
                    "{check}電子証明書の更新は市区町村で行うよう案内してください。"
                    "カード紛失の届け出後なら、マイナンバー総合フリーダイヤル 0120-95-0178。",
                    check=DOCUMENT_CHECK,
                ),
            )
        return StaffAction(
            N_("エラー {code}: 電子証明書の失効・有効期限切れ", code=result.error_code),
            N_("{check}電子証明書の更新は市区町村で行うよう案内してください。", check=DOCUMENT_CHECK),
        )
    if result.needs_registration:
        return StaffAction(
            N_("保険証利用登録なし"),
            N_("カードリーダーで利用登録ができます。登録しない場合は{check}", check=DOCUMENT_CHECK),
        )
    validity = result.validity
    assert validity is not None
    if record.mislinked:
        person = result.person
        assert person is not None
        holder_birth = record.card_holder_birth
        alarm = N_(
            "別人の資格情報が表示されています（表示: {name} {birth_date:%Y-%m-%d}、"
            "カード: {holder} {holder_birth}）。誤紐づけの可能性があります。",
            name=person.name,
            birth_date=person.birth_date,
            holder=record.card_holder,
            holder_birth=f"{holder_birth:%Y-%m-%d}" if holder_birth else "",
        )
        return StaffAction(
            N_(
                "受付停止: 誤紐づけの疑い（資格有効性 {code} {label}）",
                code=int(validity),
                label=validity.label,
            ),
            N_(
                "この資格情報で受付を進めないでください。本人に氏名・生年月日を確認し、他人の医療情報は閲覧しないで"
                "ください。資格は資格確認書などで確認します。本人には、加入している保険者か {contact} に連絡するよう"
                "案内してください。",
                contact=MISLINK_CONTACT,
            ),
            alarm,
        )
    summary = N_("資格有効性 {code} {label}", code=int(validity), label=validity.label)
    if validity is Validity.VALID_UNREGISTERED:
        return StaffAction(
            summary,
            N_(
                "医療扶助の資格は有効ですが、オンライン資格確認には未登録です。福祉事務所が発行した医療券・調剤券で"
                "確認して受付してください。"
            ),
        )
    if validity is Validity.VALID:
        if result.qualification_only:
            action = N_(
                "資格を確認しました。受付を進めてください。"
                "電子証明書の期限切れ後の猶予期間のため、資格情報の提供のみです（医療情報の提供はありません）。"
                "更新を案内してください。"
            )
        elif result.renewal_alert:
            action = N_(
                "資格を確認しました。受付を進めてください。電子証明書の更新時期です。市区町村での更新を案内してください。"
            )
        else:
            action = N_("資格を確認しました。受付を進めてください。")
        return StaffAction(summary, action)
    return StaffAction(summary, _not_qualified_action(validity, result.cause))


def _not_qualified_action(validity: Validity, cause: str) -> str:
    """The document check, what the validity adds, and the likely cause: one marked template per case."""
    if validity is Validity.INVALID_NEWER_EXISTS:
        if cause:
            return N_(
                "{check}新しい資格があります。新しい保険の資格確認書などで確認してください。考えられる原因: {cause}",
                check=DOCUMENT_CHECK,
                cause=cause,
            )
        return N_(
            "{check}新しい資格があります。新しい保険の資格確認書などで確認してください。",
            check=DOCUMENT_CHECK,
        )
    if validity is Validity.MULTIPLE:
        if cause:
            return N_(
                "{check}有効な資格が複数あります。どの保険で受診するか本人に確認してください。考えられる原因: {cause}",
                check=DOCUMENT_CHECK,
                cause=cause,
            )
        return N_(
            "{check}有効な資格が複数あります。どの保険で受診するか本人に確認してください。",
            check=DOCUMENT_CHECK,
        )
    check = NOT_IN_SYSTEM_CHECK if validity in (Validity.INVALID, Validity.NONE) else DOCUMENT_CHECK
    if cause:
        return N_("{check}考えられる原因: {cause}", check=check, cause=cause)
    return check
