"""What a staff action that cannot happen now tells staff, on screen: why not, and when it can.

A button that does nothing, or is greyed out without a word, leaves staff guessing (「目視確認を始める」 with no
card on the reader did nothing visible). The rule of *when* a 目視確認 is allowed is the domain's
(``domain.identity.visual_check_allowed``, 医療保険部会 2024-10-31 資料); this module only words *why not*,
from what the reader shows (the ``Snapshot``), for the staff console and the practice column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk.domain.identity import IDENTITY_FAILURES, NO_PHOTO_VISUAL
from mynakiosk.flow.machine import PHONE_STEPS, State
from mynakiosk.i18n import N_

if TYPE_CHECKING:
    from mynakiosk.flow.reception import Snapshot

#: Why a scenario cannot be switched now (Reception.use refuses it during a visit).
SCENARIO_SWITCH_REFUSED = N_("受付の途中です。カードを取り、待機画面に戻ってから切り替えてください。")


#: The same during a スマホ保険証 visit: there is no card to take; the visit ends when the phone is taken away
#: from the 汎用カードリーダー after 受付完了, or by itself after a while.
PHONE_SCENARIO_SWITCH_REFUSED = N_(
    "スマートフォンでの受付の途中です。受付が終わり、待機画面に戻ってから切り替えてください。"
)


def scenario_switch_refusal(snapshot: Snapshot) -> str:
    """Why the scenario cannot be switched now, worded for the visit on the reader (card or phone)."""
    return PHONE_SCENARIO_SWITCH_REFUSED if snapshot.by_phone else SCENARIO_SWITCH_REFUSED


class ScenarioSwitchRefused(RuntimeError):
    """A scenario switch asked for during a visit; its message (marked for translation) tells staff why."""

    def __init__(self) -> None:
        super().__init__(SCENARIO_SWITCH_REFUSED)


_NO_READER = N_("カードリーダーが使えないため、目視確認はできません。")
_NO_CARD = N_(
    "リーダーにカードが置かれていません。目視確認は、患者さんがカードを置き、本人確認の画面になってから始められます。"
)
_READING = N_("カードを読み取っています。本人確認の画面になってから始めてください。")
_NOT_READ = N_("マイナンバーカードが読み取れていないため、目視確認はできません。")
_CHECKING = N_("暗証番号または顔を確認しています。結果が出てから始めてください。")
_SHOWN = N_("目視確認の画面は、もうリーダーに表示されています。")
_IDENTIFIED = N_(
    "本人確認はもう済んでいます。目視確認は本人確認の代わりで、資格の確認が始まったあとには行えません。"
)
_RESULT = N_(
    "本人確認のあとの資格確認の結果です。目視確認をしても結果は変わりません。表示された書類で受付してください。"
)
_CANCELLED = N_("受付は中止されました。カードを置き直すと、もう一度始められます。")
_PHONE = N_("スマホ保険証の受付では目視確認は使えません。本人確認はスマートフォンで行います。")

_BY_STATE = {
    State.NO_READER: _NO_READER,
    State.IDLE: _NO_CARD,
    State.READING: _READING,
    State.READ_FAILED: _NOT_READ,
    State.PAPER_CARD: _NOT_READ,
    State.VERIFYING: _CHECKING,
    State.FACE_MATCHING: _CHECKING,
    State.VISUAL_CHECK: _SHOWN,
    State.CANCELLED: _CANCELLED,
}


def visual_check_refusal(snapshot: Snapshot) -> str:
    """Why staff cannot start a 目視確認 on what the reader shows now (a marked text); "" when they can."""
    if snapshot.visual_offered:
        return ""
    state = snapshot.state
    if state in PHONE_STEPS or snapshot.by_phone:
        return _PHONE
    if state is State.FALLBACK:
        identity_failed = snapshot.fallback is not None and snapshot.fallback.reason in IDENTITY_FAILURES
        return NO_PHOTO_VISUAL if identity_failed else _RESULT
    if state in (State.METHOD_SELECT, State.PIN_ENTRY, State.FACE):
        return NO_PHOTO_VISUAL  # the identity step allows it for every card with a photo
    return _BY_STATE.get(state, _IDENTIFIED)
