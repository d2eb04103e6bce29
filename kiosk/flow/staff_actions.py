"""What a staff action that cannot happen now tells staff, on screen: why not, and when it can.

A button that does nothing, or is greyed out without a word, leaves staff guessing (「目視確認を始める」 with no
card on the reader did nothing visible). The rule of *when* a 目視確認 is allowed is the domain's
(``domain.identity.visual_check_allowed``, 医療保険部会 2024-10-31 資料); each screen's declaration words *why
not* (``Declaration.visual_refusal``); this module picks it from what the reader shows (the ``Snapshot``), for
the staff console and the practice column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk.domain.identity import IDENTITY_FAILURES, NO_PHOTO_VISUAL
from mynakiosk.flow.machine import STATES, VISUAL_BY_PHONE, State
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


def visual_check_refusal(snapshot: Snapshot) -> str:
    """Why staff cannot start a 目視確認 on what the reader shows now (a marked text); "" when they can."""
    if snapshot.visual_offered:
        return ""
    state = snapshot.state
    if snapshot.by_phone:  # the later screens a phone visit shares with the card route too
        return VISUAL_BY_PHONE
    if (
        state is State.FALLBACK
        and snapshot.fallback is not None
        and snapshot.fallback.reason in IDENTITY_FAILURES
    ):
        return NO_PHOTO_VISUAL  # a fallback after the identity step allows it for a card with a photo
    return STATES[state].visual_refusal  # each screen declares its own (flow/machine.py)
