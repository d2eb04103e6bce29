"""What staff should do for a reception result: the official handling, in the 資格確認端末's words.

Sources: reference/reception-flow.md §2.2 (保発0710第1号 cases and the A-pattern remedies), §2.3
(certificates), §2.5 (誤紐づけ: the specific "stop and call" instruction is [not found]; our wording), §1.3
(目視確認). The 誤紐づけ check compares the person the system returned with the card holder, which the
simulator knows; at a real counter staff compare the name and birth date with the patient in front of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.backend.rules import CertificateState
from kiosk.backend.service import Validity
from kiosk.flow.reception import ReceptionRecord

DOCUMENT_CHECK = (
    "資格確認書、または「資格情報のお知らせ」＋マイナンバーカード、またはマイナポータルの資格情報画面"
    "＋マイナンバーカードで資格を確認してください。初診なら被保険者資格申立書＋カード、再診なら口頭確認も可能です。"
    "自己負担は通常どおりで、10割にはなりません。"
)


@dataclass(frozen=True)
class StaffAction:
    summary: str
    action: str
    alarm: str = ""  # shown in red: stop the reception


def mislinked(record: ReceptionRecord) -> bool:
    result = record.result
    return bool(result and result.person and record.card_holder and result.person.name != record.card_holder)


def staff_action(record: ReceptionRecord) -> StaffAction:
    result = record.result
    if result is None:
        if record.fallback is not None and "ロック" in record.fallback.title:
            return StaffAction(
                "暗証番号ロック",
                "顔認証ができれば顔認証で、できなければ目視確認（目視モード用パスワード）で本人確認するか、"
                + DOCUMENT_CHECK
                + " ロック解除は住民票のある市区町村の窓口です。",
            )
        if record.fallback is not None:
            return StaffAction(record.fallback.title, "目視確認で本人確認するか、" + DOCUMENT_CHECK)
        return StaffAction("受付中", "")
    if not result.processing_ok:
        lost = result.certificate_state is CertificateState.SUSPENDED
        return StaffAction(
            f"エラー {result.error_code}: 電子証明書の失効・有効期限切れ" + ("（一時保留）" if lost else ""),
            DOCUMENT_CHECK
            + " 電子証明書の更新は市区町村で行うよう案内してください。"
            + (" カード紛失の届け出後なら、マイナンバー総合フリーダイヤル 0120-95-0178。" if lost else ""),
        )
    if result.needs_registration:
        return StaffAction(
            "保険証利用登録なし", "カードリーダーで利用登録ができます。登録しない場合は " + DOCUMENT_CHECK
        )
    alarm = ""
    if mislinked(record):
        person = result.person
        assert person is not None
        alarm = (
            f"別人の資格情報が表示されています（表示: {person.name} {person.birth_date:%Y-%m-%d}、"
            f"カード: {record.card_holder}）。誤紐づけの可能性があります。受付を止めて本人に氏名・生年月日を確認し、"
            "他人の医療情報は閲覧しないでください。本人には保険者・自治体への連絡を案内してください。"
        )
    validity = result.validity
    if validity in (Validity.VALID, Validity.VALID_UNREGISTERED):
        action = "資格を確認しました。受付を進めてください。"
        if result.qualification_only:
            action += " 電子証明書の期限切れ後の猶予期間のため、資格情報の提供のみです（医療情報の提供はありません）。更新を案内してください。"
        elif result.renewal_alert:
            action += " 電子証明書の更新時期です。市区町村での更新を案内してください。"
        return StaffAction(f"資格有効性 {int(validity)} {validity.label}", action, alarm)
    assert validity is not None
    extra = {
        Validity.INVALID_NEWER_EXISTS: " 新しい資格があります。新しい保険の資格確認書などで確認してください。",
        Validity.MULTIPLE: " 有効な資格が複数あります。どの保険で受診するか本人に確認してください。",
    }.get(validity, "")
    cause = f" 考えられる原因: {result.cause}" if result.cause else ""
    return StaffAction(f"資格有効性 {int(validity)} {validity.label}", DOCUMENT_CHECK + extra + cause, alarm)
