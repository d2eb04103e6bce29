"""Which ways of proving who one is a card allows at the reader: 顔認証, 暗証番号, 目視確認.

- A card issued under age 1 has no photo (from 2024-12-02): neither 顔認証 nor 目視 is possible, the PIN only
  (全国保険医団体連合会, hodanren.doc-net.or.jp/?p=24604; docs/domain.md).
- A 顔認証マイナンバーカード has no PIN set (from 2023-12-15): 顔認証 or 目視 only (MHLW 事務連絡 2023-08-07;
  足利市・福島市 pages; docs/domain.md).
- 目視 is done by staff with the facility's 目視モード用パスワード, never the card PIN (医療保険部会 2024-10-31).
"""

from __future__ import annotations

from dataclasses import dataclass

from mynakiosk.i18n import N_

NO_PHOTO_FACE = N_("このカードには顔写真がないため、顔認証はできません。「暗証番号」を選んでください。")
NO_PHOTO_VISUAL = N_(
    "顔写真のないカード（1歳未満で作ったカード）は目視確認できません。"
    "暗証番号で受付するか、資格確認書などを提示してください。"
)
NO_PIN = N_(
    "このカードは暗証番号が設定されていません（顔認証マイナンバーカード）。"
    "顔認証か、職員による目視確認で本人確認をします。"
)


@dataclass(frozen=True)
class CardIdentity:
    """What the card allows: a photo (顔認証, 目視) and a PIN (暗証番号)."""

    has_photo: bool = True
    has_pin: bool = True

    @property
    def face(self) -> bool:
        return self.has_photo

    @property
    def pin(self) -> bool:
        return self.has_pin

    @property
    def visual(self) -> bool:
        return self.has_photo

    @property
    def staff_advice(self) -> str:
        """What staff can do when the patient cannot prove who they are with this card."""
        if not self.has_photo:
            return N_(
                "顔写真のないカードのため、顔認証・目視確認はできません（暗証番号のみ）。"
                "暗証番号がわからなければ、資格確認書などで資格を確認してください。"
            )
        if not self.has_pin:
            return N_(
                "暗証番号のないカード（顔認証マイナンバーカード）です。顔認証か目視確認で本人確認してください。"
            )
        return N_(
            "顔認証ができれば顔認証で、できなければ目視確認（目視モード用パスワード）で本人確認してください。"
        )
