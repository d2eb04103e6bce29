"""Which ways of proving who one is a card allows at the reader: 顔認証, 暗証番号, 目視確認.

- A card issued under age 1 has no photo (from 2024-12-02): neither 顔認証 nor 目視 is possible, the PIN only
  (全国保険医団体連合会, hodanren.doc-net.or.jp/?p=24604; docs/domain.md).
- A 顔認証マイナンバーカード has no PIN set (from 2023-12-15): 顔認証 or 目視 only (MHLW 事務連絡 2023-08-07;
  足利市・福島市 pages; docs/domain.md).
- 目視 is done by staff with the facility's 目視モード用パスワード, never the card PIN (医療保険部会 2024-10-31).

Also the simulated face capture (prompts, the child-photo rule, the failure limit per card) and when staff
may step in with a 目視確認.
"""

from __future__ import annotations

import enum
from dataclasses import field
from typing import TYPE_CHECKING

from mynakiosk.domain.fallback import FallbackReason
from mynakiosk.domain.people import age_on
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.fallback import FallbackGuidance
    from mynakiosk_hardware.profile import CardProfile

NO_PHOTO_FACE = N_("このカードには顔写真がないため、顔認証はできません。「暗証番号」を選んでください。")
NO_PHOTO_VISUAL = N_(
    "顔写真のないカード（1歳未満で作ったカード）は目視確認できません。"
    "暗証番号で受付するか、資格確認書などを提示してください。"
)
NO_PIN = N_(
    "このカードは暗証番号が設定されていません（顔認証マイナンバーカード）。"
    "顔認証か、職員による目視確認で本人確認をします。"
)


@record
class CardIdentity:
    """What the card allows: a photo (顔認証, 目視) and a PIN (暗証番号)."""

    has_photo: bool = True
    has_pin: bool = True

    @classmethod
    def of(cls, profile: CardProfile | None, tries_left: int | None) -> CardIdentity:
        """The card on the reader, from what the simulation knows of it (None: nothing, so everything is
        allowed) and its PIN counter. A 顔認証マイナンバーカード answers as a blocked PIN (63C0, as the
        emulated card does): that it has none set is known from its profile, as its photo is; a card that
        says it has no such PIN (6A88, no counter at all) has none either."""
        return cls(
            has_photo=profile.photo if profile else True,
            has_pin=tries_left is not None and (profile.has_pin if profile else True),
        )

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


# A child under this age whose card photo is at least PHOTO_AGE_DAYS old is not matched (a simulator rule
# for "child face auth often fails": baby photo vs. now, itmedia.co.jp/news/articles/2512/09/news062.html).
FACE_CHANGES_UNDER = 15
PHOTO_AGE_DAYS = 730


class FaceCondition(enum.Enum):
    """What the simulated camera sees (the practice controls beside the frame)."""

    NONE = "none"
    FRONT = N_("正面を向いて静止")
    MASK = N_("マスクをしている")
    MOVED = N_("途中で動いた")
    TOO_FAR = N_("離れすぎ")
    TOO_NEAR = N_("近すぎ")


FACE_PROMPTS = {
    FaceCondition.NONE: N_("画面の枠に顔を合わせてください。"),
    # 「画面のサイズに顔を合わせるように指示が出る。前後に動いてサイズが合うと認証」(kumano-express.com/hibizakkan/mynacard)
    FaceCondition.TOO_FAR: N_("もう少し近づいて、画面の枠に顔の大きさを合わせてください。"),
    FaceCondition.TOO_NEAR: N_("少し離れて、画面の枠に顔の大きさを合わせてください。"),
    # 「マスクをしていたら『マスクを外してください』」(TBS, newsdig.tbs.co.jp/articles/-/1589295)
    FaceCondition.MASK: N_("マスクを外してください。"),
    # Moving the head causes an error and a restart from the beginning (TBS, newsdig.tbs.co.jp/articles/-/1589295).
    FaceCondition.MOVED: N_("動かないでください。最初からやり直します。"),
}
FACE_LOCKED_MESSAGE = N_(
    "顔認証を続けて失敗したため、このカードでは顔認証を使えません。暗証番号を選ぶか、職員にお声がけください。"
)
NO_PHOTO_FOR_FACE = N_(
    "このカードには顔写真がないため、顔認証はできません。「暗証番号に切り替える」を押してください。"
)
FACE_NOT_MATCHED = N_(
    "顔認証できませんでした。もう一度、枠に顔を合わせてください。「暗証番号に切り替える」こともできます。"
)
WRONG_VISUAL_PASSWORD = N_("目視モード用パスワードが違います。")


@record
class CardFace:
    """What the simulation knows of the face on the card: whose birth date, and when the photo was taken."""

    has_photo: bool = True
    birth_date: dt.date | None = None
    photo_taken: dt.date | None = None  # the certificate's start: the card was issued with this photo

    @classmethod
    def of(cls, profile: CardProfile | None) -> CardFace:
        """The face on the card the simulation knows (None: an unknown card, a photo of nobody in particular)."""
        if profile is None:
            return cls()
        return cls(profile.photo, profile.birth_date, profile.certificate_not_before)


class FaceVerdict(enum.Enum):
    """The outcome of one capture."""

    MATCHED = "matched"
    RETRY = "retry"  # a prompt; the patient tries again (or switches to the PIN)
    LOCKED = "locked"  # the failure limit is reached: no more 顔認証 with this card today


@record(frozen=False)
class FacePolicy:
    """顔認証 as the reader decides it: prompts, the child-photo rule, and the failure limit per card.

    Failures are counted per card (certificate serial) for the session; a match clears the card's count.
    At ``limit`` failures 顔認証 is off for the card (TBS, newsdig.tbs.co.jp/articles/itv/1447618: repeated
    failures disable face recognition; the figure, the clinic's setting here, is [unverified]). Only a
    face compared with the card's photo and not matched counts: a prompt (mask, moved, too far or near)
    asks for a new capture before any comparison, as the reader's own prompts do (TBS,
    newsdig.tbs.co.jp/articles/-/1589295), so the screen counts captures and failures apart.
    """

    limit: int
    _failures: dict[int, int] = field(default_factory=dict)

    def locked(self, serial: int | None) -> bool:
        return serial is not None and self._failures.get(serial, 0) >= self.limit

    def failures(self, serial: int | None) -> int:
        """The failed matches counted for this card so far (prompts are not failures)."""
        return self._failures.get(serial or 0, 0)

    def left(self, serial: int | None) -> int:
        """How many more failed matches this card may have before 顔認証 is off for it (shown on the screen)."""
        return max(0, self.limit - self._failures.get(serial or 0, 0))

    def attempt(
        self, condition: FaceCondition, serial: int | None, face: CardFace, as_of: dt.date
    ) -> tuple[FaceVerdict, str]:
        """One capture of ``condition``: the verdict and the message the reader shows with it."""
        if condition is not FaceCondition.FRONT:
            return FaceVerdict.RETRY, FACE_PROMPTS[condition]
        if not face.has_photo:
            return FaceVerdict.RETRY, NO_PHOTO_FOR_FACE
        if _face_changed(face, as_of):
            key = serial or 0
            self._failures[key] = self._failures.get(key, 0) + 1
            if self.locked(key):
                return FaceVerdict.LOCKED, FACE_LOCKED_MESSAGE
            return FaceVerdict.RETRY, FACE_NOT_MATCHED
        if serial is not None:
            self._failures.pop(serial, None)
        return FaceVerdict.MATCHED, ""


def _face_changed(face: CardFace, as_of: dt.date) -> bool:
    """Children's faces change faster than their card photo: a simulator rule (docs/domain.md).

    A child under 15 whose card photo is 2 or more years old is not matched, as parents report
    (itmedia.co.jp/news/articles/2512/09/news062.html: 「顔認証は"届かない"」, baby photo vs. now).
    """
    if face.birth_date is None or face.photo_taken is None:
        return False
    young = age_on(face.birth_date, as_of) < FACE_CHANGES_UNDER
    return young and (as_of - face.photo_taken).days >= PHOTO_AGE_DAYS


#: Fallbacks of the identity step itself: staff may still confirm the patient by sight (社会保障審議会 医療保険部会 2024-10-31 資料).
IDENTITY_FAILURES = frozenset({FallbackReason.PIN_LOCKED, FallbackReason.NO_PIN_SET})


def visual_check_allowed(
    choosing_identity: bool, fallback: FallbackGuidance | None, card: CardIdentity | None
) -> bool:
    """目視確認: staff may step in while the patient chooses or performs the identity step, or after it
    failed (PIN lock), never after the qualification check (医療保険部会 2024-10-31 資料), and never for a card without a photo to
    compare with (an infant's card). ``card`` is None while no card is known."""
    if card is None or not card.visual:
        return False
    if choosing_identity:
        return True
    return fallback is not None and fallback.reason in IDENTITY_FAILURES


class PinChoice(enum.Enum):
    """Where choosing 「暗証番号」 leads."""

    ENTER = "enter"  # the keypad
    NOT_SET = "not set"  # a 顔認証マイナンバーカード: no PIN was ever set (``NO_PIN`` is shown)
    LOCKED = "locked"  # no tries left: the patient cannot prove who they are with the PIN


def pin_choice(tries_left: int | None, card: CardIdentity) -> PinChoice:
    """「暗証番号」, from the method choice or 「暗証番号に切り替える」 on the face screen."""
    if tries_left is None or not card.pin:
        return PinChoice.NOT_SET
    return PinChoice.LOCKED if tries_left == 0 else PinChoice.ENTER


def face_refusal(card: CardIdentity, locked: bool) -> str:
    """Why 顔認証 cannot start with this card ("" when it can): no photo (an infant's card), or ``locked``,
    too many failures with this card today (``FacePolicy.locked``)."""
    if not card.face:
        return NO_PHOTO_FACE
    return FACE_LOCKED_MESSAGE if locked else ""


def visual_confirmation_refusal(password: str, facility_password: str, face: CardFace) -> str:
    """Why staff's 目視確認 is not accepted ("" when it is): the facility's 目視モード用パスワード, never the
    card PIN, and a card photo to compare the face with (医療保険部会 2024-10-31 資料)."""
    if password != facility_password:
        return WRONG_VISUAL_PASSWORD
    return "" if face.has_photo else NO_PHOTO_VISUAL
