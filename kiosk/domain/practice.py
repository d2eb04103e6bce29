"""Practice mode (家族で練習): the explanation after each visit (the hints per screen are declared with the
screens, in ``kiosk/flow/machine.py``).

Every statement is traceable (docs/domain.md): 「マイナ保険証と子どもの保険情報がひもづけできないときの原因と対処法」
(ひもづけ causes and whom to ask), 共済組合「マイナ保険証・オンライン資格確認について Q&A」, 「子供のマイナ保険証と
医療証が連携できないときの考え方と対処法」 (医療証) and MHLW 「マイナンバーカードの健康保険証利用について」 (FAQ 4-4, 4-5).
"""

from __future__ import annotations

import enum
from dataclasses import field
from typing import TYPE_CHECKING

from mynakiosk.domain.fallback import FallbackReason
from mynakiosk.domain.people import is_child
from mynakiosk.domain.qualification import CertificateState, Validity
from mynakiosk.domain.staff import MISLINK_CONTACT
from mynakiosk.domain.visit import Outcome
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.visit import ReceptionRecord

CHECK_AT_HOME = N_(
    "自宅では、マイナポータルで「健康保険証としての利用」が有効か、保険者名・資格取得日が紙の保険証や"
    "資格確認書と合っているかを確認できます。"  # 「…ひもづけできないときの原因と対処法」: 自宅でできる確認
)


@record
class Explanation:
    """What a practice visit showed, told to a family: what happened, why, what to bring and whom to ask."""

    title: str
    what_happened: str
    why: str = ""
    bring: tuple[str, ...] = ()
    contacts: tuple[tuple[str, str], ...] = ()  # (whom, what to ask)
    at_home: str = ""
    notes: tuple[str, ...] = field(default=())


def child_visit(record: ReceptionRecord, as_of: dt.date) -> bool:
    """Whether the explanation speaks of a child: the person the result named, else the card's holder.

    A patient nobody identified (a phone visit cancelled before it was read) is not taken for a child.
    """
    if record.result is not None and record.result.person is not None:
        return record.child
    if record.card_holder_birth is not None:
        return is_child(record.card_holder_birth, as_of)
    return False


def _child_notes(child: bool) -> tuple[str, ...]:
    # 「子供のマイナ保険証と医療証が連携できないときの考え方と対処法」: そもそも別の仕組み
    if child:
        return (N_("お子さんの医療費助成の「医療証」は、マイナ保険証とは別に窓口で提示します。"),)
    return ()


def cancelled_explanation(child: bool) -> Explanation:
    """The reader cancelled the visit: nobody touched it for the clinic's inactivity time."""
    return Explanation(
        N_("受付を中止しました"),
        N_(
            "しばらく操作がなかったため、カードリーダーが受付を中止しました。もう一度カードを置けばやり直せます。"
        ),
        notes=_child_notes(child),
    )


def abandoned_explanation() -> Explanation:
    """The visit stopped half-way (the card taken away, or 「戻る」 to the first screen): nothing was recorded."""
    return Explanation(
        N_("受付は終わっていません"),
        N_(
            "受付の途中でカードを取ったか、最初の画面に戻ったため、受付は記録されていません。"
            "もう一度カードを置けば（スマートフォンなら「スマートフォンで受付」から）やり直せます。"
        ),
    )


def explain(record: ReceptionRecord, child: bool) -> Explanation:
    """What happened in this visit, why, what to bring next time, whom to contact, and what to check."""
    result = record.result
    notes = _child_notes(child)
    if record.outcome is Outcome.CANCELLED:
        return cancelled_explanation(child)
    if record.outcome in (Outcome.COMPLETE, Outcome.MISLINKED) and result is not None:
        method = record.method.label if record.method else ""
        validity = result.validity.label if result.validity else ""
        if result.share:
            happened = N_(
                "{method}で本人確認をして、資格が確認できました（{validity}）。窓口での負担は{share}です。",
                method=method,
                validity=validity,
                share=result.share.label,
            )
        else:
            happened = N_(
                "{method}で本人確認をして、資格が確認できました（{validity}）。",
                method=method,
                validity=validity,
            )
        extra: tuple[str, ...] = ()
        if result.qualification_only:
            extra = (
                N_(
                    "電子証明書の有効期限が切れているため、資格情報の提供のみでした。市区町村で更新しましょう。"
                ),
            )
        elif result.renewal_alert:
            extra = (N_("電子証明書の更新時期です。市区町村で更新手続きをしましょう。"),)
        return Explanation(N_("受付できました"), happened, notes=notes + extra, at_home=CHECK_AT_HOME)
    fallback = record.fallback
    bring = fallback.documents if fallback else ()
    if fallback is not None and fallback.reason is FallbackReason.PHONE:
        # スマホ保険証: the phone could not stand for the card; the card itself still can (docs/domain.md).
        return Explanation(
            fallback.title,
            fallback.cause,
            fallback.remedy,
            bring,
            ((N_("マイナポータルアプリ"), N_("スマートフォンの設定・電子証明書・暗証番号の確認")),),
            notes=notes,
        )
    if result is None:
        title = fallback.title if fallback else N_("受付できませんでした")
        if fallback is not None and fallback.reason is FallbackReason.PIN_LOCKED:
            return Explanation(
                title,
                N_("暗証番号を3回続けてまちがえたため、カードの暗証番号がロックされました。"),
                N_("ロックは時間がたっても解除されません。"),
                bring,
                ((N_("住民票のある市区町村の窓口"), N_("暗証番号のロック解除（初期化）")),),
                notes=notes,
            )
        return Explanation(title, fallback.cause if fallback else "", "", bring, notes=notes)
    if not result.processing_ok:
        contacts = [(N_("住民票のある市区町村の窓口"), N_("電子証明書の更新・再発行"))]
        if result.certificate_state is CertificateState.SUSPENDED:
            contacts.insert(
                0, (N_("マイナンバー総合フリーダイヤル 0120-95-0178"), N_("紛失・一時停止の手続き"))
            )
        return Explanation(
            N_("電子証明書が使えませんでした"),
            N_(
                "カードの利用者証明用電子証明書が有効期限切れ・失効・一時停止のため、マイナ保険証として使えませんでした。"
            ),
            result.error_message,
            bring,
            tuple(contacts),
            notes=notes,
        )
    unlinked: tuple[tuple[str, str], ...] = (
        # 「…ひもづけできないときの原因と対処法」: 相談先と伝え方
        (
            N_("加入している保険者"),
            N_(
                "被扶養者の登録状況と、マイナ保険証で資格が取れないこと（記号・番号、氏名、生年月日を伝える）"
            ),
        ),
        (N_("勤務先の担当部署"), N_("扶養の手続きの受付日、保険の切り替え時期")),
    )
    if result.validity is Validity.MULTIPLE:
        unlinked = ((N_("加入している保険者"), N_("資格が二重になっていないか（前の保険の喪失手続き）")),)
    return Explanation(
        N_("資格が確認できませんでした"),
        N_(
            "オンライン資格確認の結果は「{validity}」でした。",
            validity=result.validity.label if result.validity else "",
        ),
        result.cause,
        bring,
        unlinked,
        CHECK_AT_HOME,
        notes,
    )


def mislink_explanation(record: ReceptionRecord) -> Explanation:
    """誤紐づけ: the patient's screen completed, but the data is someone else's: the desk stops the
    reception; the family contacts the insurer or the national line (linking article: 氏名・生年月日・続柄・
    性別の入力ミス; 東洋紡健康保険組合 FAQ 4-14: 0120-95-0178 or the insurer)."""
    person = record.result.person if record.result else None
    assert person is not None
    return Explanation(
        N_("別の人の資格情報が表示されました（誤紐づけ）"),
        N_(
            "リーダーの画面は受付完了になりましたが、職員の端末には{card_holder}さんではなく、"
            "{shown}さん（{birth_date:%Y-%m-%d}生まれ）の情報が表示されました。窓口は受付を止めて確認します。",
            card_holder=record.card_holder,
            shown=person.name,
            birth_date=person.birth_date,
        ),
        N_(
            "氏名・生年月日・続柄・性別などの入力ミスで、マイナンバーが別人の保険情報にひもづいている可能性があります。"
            "同じ名前でも生年月日がちがえば別の人です。"
        ),
        (),
        (
            (N_("加入している保険者"), N_("別人の情報が表示されたこと（必ず連絡する）")),
            (MISLINK_CONTACT, N_("別人の情報が表示されたこと（保険者への連絡と同じく受け付けています）")),
        ),
        CHECK_AT_HOME,
    )


class WhatIf(enum.Enum):
    """家族で練習の「もしも」 for the スマホ保険証: one change to the family's practice, chosen beside the reader.

    Each is applied to the scenario being practised (``kiosk.scenarios.what_if``) and explained from the
    sources of docs/domain.md, "The スマホ保険証" (医療機関等向け総合ポータル KB「スマホ搭載されたマイナ保険証」,
    デジタル庁's page on stopping a phone, the マイナポータル manual 04-07/0220, municipal pages on the
    署名用電子証明書 under 15).
    """

    NONE = "none"
    NO_PHONE_READER = "no phone reader"  # the clinic has no 汎用カードリーダー
    NEW_PHONE = "new phone"  # a new phone the card was not added to yet
    PHONE_PIN_LOCKED = "phone pin locked"  # the phone's own PIN, locked
    CHILD_PHONE = "child phone"  # a child's own phone: no card can be added under 15

    @property
    def question(self) -> str:
        return {
            WhatIf.NONE: N_("もしも…を選ばない（シナリオのとおり）"),
            WhatIf.NO_PHONE_READER: N_("もしも、スマホ対応の読み取り機がない医療機関だったら？"),
            WhatIf.NEW_PHONE: N_("もしも、スマホを買い替えて、まだ設定していなかったら？"),
            WhatIf.PHONE_PIN_LOCKED: N_("もしも、スマホの暗証番号がロックされていたら？"),
            WhatIf.CHILD_PHONE: N_("もしも、子どもが自分のスマホを持って行ったら？"),
        }[self]

    @property
    def explanation(self) -> Explanation | None:
        """What the family is told before they try it (None: the scenario's own lesson)."""
        return _WHAT_IF_EXPLANATIONS.get(self)


# Texts from the sources of docs/domain.md, "The スマホ保険証" (the lessons of bundled scenarios 34, 35, 37, 39
# say the same).
_WHAT_IF_EXPLANATIONS = {
    WhatIf.NO_PHONE_READER: Explanation(
        N_("スマホ対応の読み取り機がない医療機関"),
        N_(
            "この医療機関には汎用カードリーダーがないため、読み取り機の画面に「スマートフォンで受付」が出ません。"
            "マイナンバーカードを置いて受付します。"
        ),
        N_(
            "今までの顔認証付きカードリーダーはスマートフォンを読めません。横に置く汎用カードリーダーが必要で、"
            "置くかどうかは医療機関が決めます。"
        ),
        (N_("マイナンバーカード"), N_("資格確認書")),
        notes=(
            N_("対応している医療機関にはステッカーがあり、厚生労働省も一覧を公表しています。"),
            N_(
                "初めての医療機関には、スマートフォンだけでなく実物のマイナンバーカードも持って行きましょう。"
            ),
        ),
    ),
    WhatIf.NEW_PHONE: Explanation(
        N_("新しいスマホに、まだカードを追加していない"),
        N_(
            "買い替えたスマートフォンには、マイナンバーカードがまだ入っていません。かざしても読み取れないので、"
            "マイナンバーカードを読み取り機に置いて受付します。"
        ),
        N_(
            "新しいスマートフォンには、マイナポータルアプリで実物のカードから追加し直します"
            "（署名用電子証明書のパスワードが必要です）。前のスマートフォンの電子証明書は、自分で失効させます。"
        ),
        (N_("マイナンバーカード"), N_("資格確認書")),
        ((N_("マイナポータルアプリ"), N_("新しいスマートフォンへのカードの追加")),),
    ),
    WhatIf.PHONE_PIN_LOCKED: Explanation(
        N_("スマホの暗証番号がロックされている"),
        N_(
            "Androidのスマホ用電子証明書の暗証番号を続けてまちがえると、スマートフォンの電子証明書がロックされます。"
            "かざすと、代わりの書類を案内されます。"
        ),
        N_(
            "ロックされるのはスマートフォンの電子証明書だけで、マイナンバーカードの暗証番号とは別です。"
            "カードはそのまま使えます。"
        ),
        (N_("マイナンバーカード（この読み取り機でも受付できます）"), N_("資格確認書")),
        ((N_("マイナポータルアプリ"), N_("ロックの解除（パスワードの初期化）。実物のカードを使います")),),
    ),
    WhatIf.CHILD_PHONE: Explanation(
        N_("子どもはスマホ保険証を使えない"),
        N_(
            "お子さんのスマートフォンには、マイナンバーカードを追加できません。かざしても読み取れないので、"
            "お子さんのカードを読み取り機に置き、保護者がお子さんの暗証番号を入力します。"
        ),
        N_(
            "スマートフォンにカードを追加するには署名用電子証明書のパスワードが必要ですが、15歳未満には署名用電子証明書が"
            "原則として発行されません。お子さんのカードを保護者のスマートフォンに入れることもできません"
            "（1台に1人のカード）。"
        ),
        (N_("お子さんのマイナンバーカード"),),
    ),
}
