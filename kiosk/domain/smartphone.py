"""The スマホ保険証 at the reception: who can have one, and what a patient is told when it cannot be used.
Every statement traces to docs/domain.md ("The スマホ保険証"); the family practice's "what if" questions are
bundled scenarios with lessons (resources/scenarios/3x_*.toml, 40) and the practice column's 「もしも…」
(``WhatIf`` in kiosk/domain/practice.py).

Sources in short: 医療機関等向け総合ポータル KB「スマホ搭載されたマイナ保険証」 (optional for facilities; bring
the card on a first visit; an expired card stops the phone); デジタル庁「スマホ用電子証明書を登録している
スマートフォンの利用をやめるときの手続」 (revoke at a phone change); マイナポータル manual 04-07/0220 (a locked
phone PIN is reset in the app with the card); municipal pages (no 署名用電子証明書 under 15) and the setup
steps (the 署名用パスワード is needed), from which "no スマホ保険証 under 15" is derived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk.domain.fallback import NORMAL_SHARE, FallbackGuidance, FallbackReason
from mynakiosk.domain.people import age_on
from mynakiosk.i18n import N_

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.qualification import PhoneRefusal

# No 署名用電子証明書 is issued under 15 (原則), and adding a card to a phone needs it.
SIGNATURE_CERTIFICATE_AGE = 15


def can_have_smartphone_card(birth_date: dt.date, as_of: dt.date) -> bool:
    """Whether a person of this age can have a スマホ保険証 at all (derived: see the module docstring)."""
    return age_on(birth_date, as_of) >= SIGNATURE_CERTIFICATE_AGE


# When the phone cannot be used, the card itself is the first thing to try: it is read by the face reader.
PHONE_DOCUMENTS = (
    N_("マイナンバーカード（この読み取り機でも受付できます）"),
    N_("資格確認書"),
    N_("資格情報のお知らせ ＋ マイナンバーカード"),
)
PHONE_STAFF = N_("受付窓口の職員にお声がけください。職員に暗証番号を伝える必要はありません。")


def guidance_for_phone_lock() -> FallbackGuidance:
    """The phone's own PIN (スマホ用利用者証明用電子証明書) locked; the card's PIN is untouched."""
    return FallbackGuidance(
        title=N_("スマートフォンの暗証番号がロックされています"),
        cause=N_(
            "スマホ用電子証明書の暗証番号を続けて間違えたため、スマートフォンの電子証明書がロックされました。"
            "マイナンバーカードの暗証番号とは別のもので、カードはそのまま使えます。"
        ),
        documents=PHONE_DOCUMENTS,
        share=NORMAL_SHARE,
        staff=PHONE_STAFF,
        remedy=N_(
            "ロックの解除（パスワードの初期化）は、マイナポータルアプリで実物のマイナンバーカードを使って行えます。"
        ),
        child_note="",
        reason=FallbackReason.PHONE,
    )


def guidance_for_phone_refusal(refusal: PhoneRefusal) -> FallbackGuidance:
    """The phone's certificate is revoked (a new phone), suspended or expired, or the card's has expired."""
    return FallbackGuidance(
        title=N_("このスマートフォンはマイナ保険証として使えません"),
        cause=refusal.value,
        documents=PHONE_DOCUMENTS,
        share=NORMAL_SHARE,
        staff=PHONE_STAFF,
        remedy=N_("スマートフォンの設定や電子証明書の状態は、マイナポータルアプリで確かめられます。"),
        child_note="",
        reason=FallbackReason.PHONE,
    )


def guidance_for_unread_phone() -> FallbackGuidance:
    """The 汎用カードリーダー found nothing it could read, again and again (a phone never set up, or no Face ID)."""
    return FallbackGuidance(
        title=N_("スマートフォンを読み取れませんでした"),
        cause=N_(
            "マイナンバーカードがこのスマートフォンに追加されていない（新しい機種では設定し直しが必要です）か、"
            "iPhoneで顔認証・指紋認証がすんでいない可能性があります。"
        ),
        documents=(*PHONE_DOCUMENTS, N_("マイナポータルの資格情報画面（スマートフォンで表示）")),
        share=NORMAL_SHARE,
        staff=PHONE_STAFF,
        remedy=N_(
            "初めての医療機関には、スマートフォンだけでなく実物のマイナンバーカードも持って行きましょう。"
        ),
        child_note="",
        reason=FallbackReason.PHONE,
    )
