"""The reception flow state machine: an enum of states, an enum of events and one explicit table.

An event with no row in the table is a programming error: it is logged and raised as
``UnexpectedEvent``, never silently dropped, so tests notice a flow that went somewhere it should not.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from mynakiosk.domain.identity import FACE_PROMPTS, NO_PHOTO_VISUAL, FaceCondition
from mynakiosk.domain.visit import Outcome
from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from mynakiosk.domain.clinic import ClinicSettings

log = logging.getLogger("kiosk.flow")


class State(enum.Enum):
    NO_READER = "no reader"  # カードリーダーが使えない
    IDLE = "idle"  # マイナンバーカードを置いてください
    READING = "reading"  # 読み取り中
    READ_FAILED = "read failed"  # 読み取りに失敗しました
    PAPER_CARD = "paper card"  # 健康保険証の読取確認 (a card without IC)
    METHOD_SELECT = "method select"  # 本人確認方法の選択
    PIN_ENTRY = "pin entry"  # 暗証番号入力
    FACE = "face"  # 顔認証 (a simulated capture)
    FACE_MATCHING = "face matching"  # 顔認証: 認証中 (the capture compared with the card's photo)
    VISUAL_CHECK = "visual check"  # 目視確認 by staff (目視モード用パスワード)
    VERIFYING = "verifying"  # 暗証番号を確認中
    QUALIFYING = "qualifying"  # オンライン資格確認中
    REGISTRATION = "registration"  # 保険証利用登録 (初回)
    CONSENT = "consent"  # 同意: 全て同意する | 個別に同意する
    CONSENT_DETAIL = "consent detail"  # 診療・薬剤 / 手術 / 特定健診 each 同意する・同意しない
    HIGH_COST = "high cost"  # 高額療養費制度を利用する (限度額情報の提供)
    PRESCRIPTION = "prescription"  # 処方箋形式の選択 (clinic setting)
    SUBSIDY = "subsidy"  # 医療費助成の受給者証 (clinic setting)
    COMPLETE = "complete"  # 受付完了・カードをお取りください
    CANCELLED = "cancelled"  # 操作がなかったため中止: カードをお取りください
    FALLBACK = "fallback"  # マイナ保険証で確認できません: 何を提示するか
    # スマホ保険証: chosen on the idle screen when a 汎用カードリーダー is installed beside the reader.
    PHONE_KIND = "phone kind"  # iPhone か Android か
    PHONE_PIN = "phone pin"  # Android: スマホ用利用者証明用電子証明書の暗証番号
    PHONE_HOLD = "phone hold"  # となりの読み取り機にかざしてください
    PHONE_READING = "phone reading"  # 読み取り中（スマートフォンを動かさない）
    PHONE_NOT_READ = "phone not read"  # 読み取れませんでした: もう一度かざす


class Event(enum.Enum):
    READER_READY = "reader ready"
    READER_LOST = "reader lost"
    CARD_PLACED = "card placed"
    PAPER_CARD_PLACED = "paper card placed"
    CARD_REMOVED = "card removed"
    CARD_IDENTIFIED = "card identified"  # a My Number card, retry counter read
    CARD_UNREADABLE = "card unreadable"  # not a My Number card, or the card failed
    PIN_CHOSEN = "pin chosen"
    BACK = "back"
    PIN_SUBMITTED = "pin submitted"
    PIN_ACCEPTED = "pin accepted"
    PIN_REJECTED = "pin rejected"
    PIN_BLOCKED = "pin blocked"
    FACE_CHOSEN = "face chosen"
    FACE_CAPTURED = "face captured"  # a capture taken: 認証中 until the reader has compared it
    FACE_MATCHED = "face matched"
    FACE_NOT_MATCHED = "face not matched"  # a prompt (マスクを外してください, …): the patient tries again
    FACE_LOCKED = "face locked"  # too many failures: back to the method choice, face disabled
    INACTIVITY = "inactivity"
    VISUAL_REQUESTED = "visual requested"
    VISUAL_CONFIRMED = "visual confirmed"
    NEEDS_REGISTRATION = "needs registration"
    REGISTERED = "registered"
    QUALIFIED = "qualified"  # valid: ask for consent
    NOT_QUALIFIED = "not qualified"  # invalid, no record, certificate error: fallback
    CONSENT_INDIVIDUAL = "consent individual"
    CONSENTED = "consented"
    ASK_PRESCRIPTION = "ask prescription"
    ASK_SUBSIDY = "ask subsidy"
    FINISH = "finish"
    PHONE_CHOSEN = "phone chosen"  # 「スマートフォン」 on the idle screen
    IPHONE_CHOSEN = "iphone chosen"
    ANDROID_CHOSEN = "android chosen"
    PHONE_HELD = "phone held"  # a phone arrived on the 汎用カードリーダー
    PHONE_ACCEPTED = "phone accepted"  # the phone signed the challenge: on to the qualification check
    PHONE_NOT_READ = "phone not read"  # nothing readable, no Face ID yet, or taken away too soon
    HOLD_TIMEOUT = "hold timeout"  # nothing was held over the 汎用カードリーダー in time
    RETRY = "retry"  # 「もう一度かざす」
    VISIT_OVER = "visit over"  # a phone visit's last screen was shown long enough: back to idle
    PHONE_READER_LOST = "phone reader lost"  # the 汎用カードリーダー went away during a phone step


class Wait(enum.Enum):
    """What a screen without buttons waits for (読み取り中, 確認中, 認証中): the presentation keeps such a
    screen in sight for a moment (kiosk/ui/pacing.py), however fast the simulated work is."""

    CARD_READ = "card read"  # 読み取り中: the card's certificate and retry counter
    PIN_CHECK = "pin check"  # 暗証番号を確認中: VERIFY on the card
    FACE_MATCH = "face match"  # 顔認証: 認証中, the capture against the card's photo
    QUALIFICATION = "qualification"  # 資格確認中: the オンライン資格確認 request and its answer
    PHONE_READ = "phone read"  # スマートフォン読み取り中


@record
class Declaration:
    """Everything about one state of the reader, declared once (``STATES``).

    ``screen`` names its widget class in ``mynakiosk.ui.screens`` (imported when first shown: Qt stays out of
    the flow). The transitions between states are the explicit table ``TRANSITIONS`` below.
    """

    label: str  # the screen's name, for logs and the staff console
    screen: str
    times_out: bool = False  # nobody touching the reader for the clinic's inactivity time cancels the visit
    on_timeout: Event = Event.INACTIVITY  # what that time running out is (HOLD_TIMEOUT: the phone's own wait)
    hint: str = ""  # 家族で練習: what a family is told about this screen (real readers show no such thing)
    # The hint for an adult's card where ``hint`` speaks of a child's (the panel follows the card's person).
    adult_hint: str = ""
    prompt: str = ""  # the message shown on entering it, until something else is said
    ends_visit: Outcome | None = None  # entering it publishes the visit's record with this outcome
    forgets_visit: bool = False  # entering it forgets the card and the visit (nothing half-done is kept)
    card_left: bool = False  # the visit is over: a card still on the reader after a while is a reminder
    wait: Wait | None = None  # shown while the reader works, nothing to press: kept in sight (ui/pacing.py)
    # An optional screen after the qualification check, reached by ``asked_by`` when ``shown_if`` the clinic
    # switched it on. The optional screens follow in the order declared here.
    asked_by: Event | None = None
    shown_if: Callable[[ClinicSettings], bool] | None = None
    # What staff are told when they ask for a 目視確認 on this screen and may not (flow/staff_actions.py).
    # Every state says it (tests/unit/test_machine.py): no fallback text can be right for a new screen.
    visual_refusal: str = ""
    # A question screen's usual answer (the button's key): what mynakiosk.testing's finish_visit presses.
    usual_answer: str = ""


# Why staff cannot start a 目視確認 on a screen (Declaration.visual_refusal). When it is allowed is the
# domain's rule (domain.identity.visual_check_allowed, 医療保険部会 2024-10-31 資料).
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
#: The fallback after the qualification check (one after a failed identity says NO_PHOTO_VISUAL instead).
VISUAL_AFTER_RESULT = N_(
    "本人確認のあとの資格確認の結果です。目視確認をしても結果は変わりません。表示された書類で受付してください。"
)
_CANCELLED = N_("受付は中止されました。カードを置き直すと、もう一度始められます。")
#: Any step of a スマホ保険証 visit.
VISUAL_BY_PHONE = N_("スマホ保険証の受付では目視確認は使えません。本人確認はスマートフォンで行います。")

STATES: dict[State, Declaration] = {
    State.NO_READER: Declaration(
        N_("リーダー使用不可"), "NoReaderScreen", forgets_visit=True, visual_refusal=_NO_READER
    ),
    State.IDLE: Declaration(
        N_("待機（カードを置いてください）"), "IdleScreen", forgets_visit=True, visual_refusal=_NO_CARD
    ),
    State.READING: Declaration(
        N_("読み取り中"), "ReadingScreen", wait=Wait.CARD_READ, visual_refusal=_READING
    ),
    State.READ_FAILED: Declaration(
        N_("読み取り失敗"),
        "ReadFailedScreen",
        hint=N_(
            "カードケースやカバーから出して置き直します。マイナンバーカード以外のカードは読み取れません。"
        ),
        card_left=True,
        visual_refusal=_NOT_READ,
    ),
    State.PAPER_CARD: Declaration(N_("健康保険証の読取確認"), "PaperCardScreen", visual_refusal=_NOT_READ),
    State.METHOD_SELECT: Declaration(
        N_("本人確認方法の選択"),
        "MethodSelectScreen",
        times_out=True,
        # MHLW FAQ mhlw.go.jp/stf/newpage_08285.html; staff must not be told the PIN (uehara-cl.jp)
        hint=N_(
            "お子さんのカードは、保護者がカードを置き、「暗証番号」を選んでお子さんの4桁の暗証番号を入力します。"
            "職員に暗証番号を伝える必要はありません。"
        ),
        adult_hint=N_(
            "「顔認証」か「暗証番号」（数字4桁）を選びます。暗証番号はご本人が入力し、職員に伝える必要はありません。"
        ),
        visual_refusal=NO_PHOTO_VISUAL,
    ),
    State.PIN_ENTRY: Declaration(
        N_("暗証番号入力"),
        "PinScreen",
        times_out=True,
        # J-LIS FAQ www2.jpki.go.jp/faq/trouble/iccard_digital_id.html (3 wrong PINs lock; reset at the 市区町村)
        hint=N_(
            "「残り入力回数」は、カードに記録されている「あと何回まちがえられるか」です。3回続けてまちがえると"
            "ロックされ、住民票のある市区町村の窓口で解除します。正しく入力すると3回に戻ります。"
        ),
        visual_refusal=NO_PHOTO_VISUAL,
    ),
    State.FACE: Declaration(
        N_("顔認証"),
        "FaceScreen",
        times_out=True,
        # itmedia.co.jp/news/articles/2512/09/news062.html (child face auth often fails); uehara-cl.jp (switch to PIN)
        hint=N_(
            "子どもは成長で顔が変わるため、カードの写真と合わず顔認証が通りにくいことがあります。"
            "うまくいかないときは「暗証番号に切り替える」を押します。"
        ),
        # TBS (newsdig.tbs.co.jp/articles/-/1589295): take the mask off, keep still
        adult_hint=N_(
            "カードの顔写真と照合します。マスクを外し、動かずに画面の枠に顔を合わせます。"
            "うまくいかないときは「暗証番号に切り替える」を押します。"
        ),
        prompt=FACE_PROMPTS[FaceCondition.NONE],
        visual_refusal=NO_PHOTO_VISUAL,
    ),
    State.FACE_MATCHING: Declaration(
        N_("顔認証（認証中）"), "FaceMatchingScreen", wait=Wait.FACE_MATCH, visual_refusal=_CHECKING
    ),
    State.VISUAL_CHECK: Declaration(
        N_("職員による目視確認"),
        "VisualCheckScreen",
        times_out=True,
        # 医療保険部会 2024-10-31 資料 (目視 with the facility's password, not the PIN)
        hint=N_("目視確認は職員が行います。パスワードは医療機関のもので、カードの暗証番号ではありません。"),
        visual_refusal=_SHOWN,
    ),
    State.VERIFYING: Declaration(
        N_("暗証番号確認中"), "VerifyingScreen", wait=Wait.PIN_CHECK, visual_refusal=_CHECKING
    ),
    State.QUALIFYING: Declaration(
        N_("資格確認中"), "QualifyingScreen", wait=Wait.QUALIFICATION, visual_refusal=_IDENTIFIED
    ),
    State.REGISTRATION: Declaration(
        N_("保険証利用登録"),
        "RegistrationScreen",
        times_out=True,
        visual_refusal=_IDENTIFIED,
        usual_answer="yes",
    ),
    State.CONSENT: Declaration(
        N_("同意の選択"),
        "ConsentScreen",
        times_out=True,
        # city.kagoshima.lg.jp 「マイナ保険証」 page
        hint=N_(
            "「個別に同意する」を選ぶと、診療・薬剤、手術、特定健診の情報ごとに、同意するかどうかを選べます。"
        ),
        visual_refusal=_IDENTIFIED,
        usual_answer="all",
    ),
    State.CONSENT_DETAIL: Declaration(
        N_("個別の同意"), "ConsentDetailScreen", times_out=True, visual_refusal=_IDENTIFIED
    ),
    State.HIGH_COST: Declaration(
        N_("高額療養費"),
        "HighCostScreen",
        times_out=True,
        # ainj.co.jp/pharmacy/online-e-checks.html
        hint=N_("「高額療養費制度を利用する」を選ぶと、限度額情報が医療機関に提供されます。"),
        visual_refusal=_IDENTIFIED,
        usual_answer="no",
    ),
    State.PRESCRIPTION: Declaration(
        N_("処方箋形式"),
        "PrescriptionScreen",
        times_out=True,
        asked_by=Event.ASK_PRESCRIPTION,
        shown_if=lambda clinic: clinic.prescription_screen,
        visual_refusal=_IDENTIFIED,
        usual_answer="electronic",
    ),
    State.SUBSIDY: Declaration(
        N_("医療費助成"),
        "SubsidyScreen",
        times_out=True,
        # city.satsumasendai.lg.jp/20250808_1/17486.html; 「子供のマイナ保険証と医療証が連携できないときの考え方と対処法」
        hint=N_(
            "子ども医療費助成などの「医療証」は、マイナ保険証とは別の仕組みです。紙の受給者証も持って行きます。"
        ),
        asked_by=Event.ASK_SUBSIDY,
        shown_if=lambda clinic: clinic.subsidy_screen,
        visual_refusal=_IDENTIFIED,
        usual_answer="no",
    ),
    State.COMPLETE: Declaration(
        N_("受付完了"),
        "CompleteScreen",
        # card-left-behind risk (note.com/inoueakihiro/n/nfe84dd5f8462)
        hint=N_("カードの取り忘れに気をつけましょう。"),
        ends_visit=Outcome.COMPLETE,
        card_left=True,
        visual_refusal=_IDENTIFIED,
    ),
    State.CANCELLED: Declaration(
        N_("操作がないため中止"),
        "CancelledScreen",
        ends_visit=Outcome.CANCELLED,
        card_left=True,
        visual_refusal=_CANCELLED,
    ),
    State.FALLBACK: Declaration(
        N_("マイナ保険証で確認できず（代わりの書類）"),
        "FallbackScreen",
        # MHLW on X: 「自己負担が10割負担になることはありません」
        hint=N_("表示された書類を窓口で提示すれば、通常の負担割合で受診できます（10割負担にはなりません）。"),
        ends_visit=Outcome.FALLBACK,
        card_left=True,
        visual_refusal=VISUAL_AFTER_RESULT,
    ),
    # スマホ保険証 (docs/domain.md, "The スマホ保険証"): the flow is 「スマートフォン」 → iPhone / Android → 本人認証
    # → hold the phone over the 汎用カードリーダー → the consents of the card route.
    State.PHONE_KIND: Declaration(
        N_("スマートフォンの種類の選択"),
        "PhoneKindScreen",
        times_out=True,
        hint=N_(
            "iPhoneはiPhoneで顔認証・指紋認証をします。Androidはスマホ用電子証明書の暗証番号（カードとは別）を"
            "この画面で入力します。どちらも、そのあと横の読み取り機にかざします。"
        ),
        visual_refusal=VISUAL_BY_PHONE,
    ),
    State.PHONE_PIN: Declaration(
        N_("スマホ用暗証番号入力"),
        "PhonePinScreen",
        times_out=True,
        hint=N_(
            "スマートフォンに設定した暗証番号（数字4桁）です。マイナンバーカードの暗証番号とは別で、まちがえた回数も"
            "スマートフォンで数えます。ロックの解除はマイナポータルアプリで、実物のカードを使って行います。"
        ),
        visual_refusal=VISUAL_BY_PHONE,
    ),
    State.PHONE_HOLD: Declaration(
        N_("スマートフォンをかざす"),
        "PhoneHoldScreen",
        times_out=True,
        on_timeout=Event.HOLD_TIMEOUT,
        hint=N_(
            "今までの読み取り機はスマートフォンを読めないため、横に置いた汎用カードリーダーにかざします（1〜2秒）。"
            "iPhoneは、先にiPhoneで顔認証・指紋認証をすませます。"
        ),
        visual_refusal=VISUAL_BY_PHONE,
    ),
    State.PHONE_READING: Declaration(
        N_("スマートフォン読み取り中"),
        "PhoneReadingScreen",
        wait=Wait.PHONE_READ,
        visual_refusal=VISUAL_BY_PHONE,
    ),
    State.PHONE_NOT_READ: Declaration(
        N_("スマートフォンを読み取れず"),
        "PhoneNotReadScreen",
        times_out=True,
        # Both reasons a phone is not read (docs/domain.md, "The スマホ保険証"): no Face ID yet, or a new phone.
        hint=N_(
            "iPhoneは先に顔認証・指紋認証をすませます。新しいスマートフォンはカードを追加し直すまで使えません。"
            "読み取れないときは、マイナンバーカードをこの読み取り機に置いてください。"
        ),
        visual_refusal=VISUAL_BY_PHONE,
    ),
}


def state_label(state: State) -> str:
    """The screen's name, for logs and the staff console (Japanese, marked for translation)."""
    return STATES[state].label


_ON_READER = [s for s in State if s is not State.NO_READER]
#: The スマホ保険証 route's own steps, before it joins the card route at the qualification check.
PHONE_STEPS = frozenset(
    {State.PHONE_KIND, State.PHONE_PIN, State.PHONE_HOLD, State.PHONE_READING, State.PHONE_NOT_READ}
)
# The phone route puts no card on the face reader: a card removed is news only outside it.
_CARD_ON_READER = [s for s in State if s not in (State.NO_READER, State.IDLE, *PHONE_STEPS)]
_INTERACTIVE = [
    s for s, declared in STATES.items() if declared.times_out and declared.on_timeout is Event.INACTIVITY
]

TRANSITIONS: dict[tuple[State, Event], State] = {
    (State.NO_READER, Event.READER_READY): State.IDLE,
    (State.IDLE, Event.CARD_PLACED): State.READING,
    (State.IDLE, Event.PAPER_CARD_PLACED): State.PAPER_CARD,
    (State.READING, Event.CARD_IDENTIFIED): State.METHOD_SELECT,
    (State.READING, Event.CARD_UNREADABLE): State.READ_FAILED,
    (State.METHOD_SELECT, Event.PIN_CHOSEN): State.PIN_ENTRY,
    (State.METHOD_SELECT, Event.FACE_CHOSEN): State.FACE,
    (State.FACE, Event.FACE_CAPTURED): State.FACE_MATCHING,
    (State.FACE, Event.PIN_CHOSEN): State.PIN_ENTRY,  # 顔認証エラー時は暗証番号へ
    (State.FACE, Event.PIN_BLOCKED): State.FALLBACK,
    (State.FACE, Event.BACK): State.METHOD_SELECT,
    # 認証中: each capture is compared, then matched, a prompt to try again, or too many failures.
    (State.FACE_MATCHING, Event.FACE_MATCHED): State.QUALIFYING,
    (State.FACE_MATCHING, Event.FACE_NOT_MATCHED): State.FACE,
    (State.FACE_MATCHING, Event.FACE_LOCKED): State.METHOD_SELECT,
    (State.FACE_MATCHING, Event.CARD_UNREADABLE): State.READ_FAILED,
    (State.METHOD_SELECT, Event.PIN_BLOCKED): State.FALLBACK,
    (State.PIN_ENTRY, Event.BACK): State.METHOD_SELECT,
    (State.PIN_ENTRY, Event.PIN_SUBMITTED): State.VERIFYING,
    (State.VERIFYING, Event.PIN_ACCEPTED): State.QUALIFYING,
    (State.VERIFYING, Event.PIN_REJECTED): State.PIN_ENTRY,
    (State.VERIFYING, Event.PIN_BLOCKED): State.FALLBACK,
    (State.VERIFYING, Event.CARD_UNREADABLE): State.READ_FAILED,
    # 目視確認: staff can step in at the method choice, during PIN entry, or after a PIN lock (MHLW 要配慮者向けご説明資料, 2024-11-21).
    **{
        (s, Event.VISUAL_REQUESTED): State.VISUAL_CHECK
        for s in (State.METHOD_SELECT, State.PIN_ENTRY, State.FACE, State.FALLBACK)
    },
    # Nobody touched the reader for a while: stop the visit, nothing half-done is kept (the time is a
    # setting; no source gives one).
    **{(s, Event.INACTIVITY): State.CANCELLED for s in _INTERACTIVE},
    (State.VISUAL_CHECK, Event.BACK): State.METHOD_SELECT,
    (State.VISUAL_CHECK, Event.VISUAL_CONFIRMED): State.QUALIFYING,
    (State.VISUAL_CHECK, Event.CARD_UNREADABLE): State.READ_FAILED,
    (State.QUALIFYING, Event.NEEDS_REGISTRATION): State.REGISTRATION,
    (State.REGISTRATION, Event.REGISTERED): State.QUALIFYING,
    (State.REGISTRATION, Event.NOT_QUALIFIED): State.FALLBACK,  # 登録しない
    (State.QUALIFYING, Event.QUALIFIED): State.CONSENT,
    (State.QUALIFYING, Event.NOT_QUALIFIED): State.FALLBACK,
    (State.CONSENT, Event.CONSENT_INDIVIDUAL): State.CONSENT_DETAIL,
    (State.CONSENT, Event.CONSENTED): State.HIGH_COST,
    (State.CONSENT_DETAIL, Event.CONSENTED): State.HIGH_COST,
    (State.CONSENT_DETAIL, Event.BACK): State.CONSENT,
    # 資格情報の提供のみ (certificate in its grace period) skips the consent screens; the optional
    # screens follow in a fixed order, each present only when the clinic switched it on.
    **{(s, Event.ASK_PRESCRIPTION): State.PRESCRIPTION for s in (State.QUALIFYING, State.HIGH_COST)},
    **{
        (s, Event.ASK_SUBSIDY): State.SUBSIDY for s in (State.QUALIFYING, State.HIGH_COST, State.PRESCRIPTION)
    },
    **{
        (s, Event.FINISH): State.COMPLETE
        for s in (State.QUALIFYING, State.HIGH_COST, State.PRESCRIPTION, State.SUBSIDY)
    },
    # スマホ保険証: the idle screen's 「スマートフォン」, then the kind, the Android PIN, the hold, the reading.
    (State.IDLE, Event.PHONE_CHOSEN): State.PHONE_KIND,
    (State.PHONE_KIND, Event.IPHONE_CHOSEN): State.PHONE_HOLD,
    (State.PHONE_KIND, Event.ANDROID_CHOSEN): State.PHONE_PIN,
    (State.PHONE_KIND, Event.BACK): State.IDLE,
    (State.PHONE_PIN, Event.PIN_SUBMITTED): State.PHONE_HOLD,
    (State.PHONE_PIN, Event.BACK): State.PHONE_KIND,
    (State.PHONE_HOLD, Event.PHONE_HELD): State.PHONE_READING,
    (State.PHONE_HOLD, Event.HOLD_TIMEOUT): State.PHONE_NOT_READ,
    (State.PHONE_HOLD, Event.BACK): State.PHONE_KIND,
    (State.PHONE_NOT_READ, Event.PHONE_HELD): State.PHONE_READING,  # held again without pressing retry
    (State.PHONE_NOT_READ, Event.RETRY): State.PHONE_HOLD,
    (State.PHONE_NOT_READ, Event.BACK): State.PHONE_KIND,
    (State.PHONE_READING, Event.PHONE_ACCEPTED): State.QUALIFYING,
    (State.PHONE_READING, Event.PIN_REJECTED): State.PHONE_PIN,  # the phone's own counter, shown there
    (State.PHONE_READING, Event.PIN_BLOCKED): State.FALLBACK,
    (State.PHONE_READING, Event.PHONE_NOT_READ): State.PHONE_NOT_READ,
    (State.PHONE_READING, Event.BACK): State.PHONE_KIND,  # the other kind of phone was held
    **{(s, Event.PHONE_READER_LOST): State.IDLE for s in PHONE_STEPS},
    # A phone visit leaves nothing on the face reader: its last screen goes back to idle by itself.
    **{(s, Event.VISIT_OVER): State.IDLE for s in (State.COMPLETE, State.FALLBACK, State.CANCELLED)},
    # Taking the card away at any step returns to idle: nothing half-done is kept.
    **{(s, Event.CARD_REMOVED): State.IDLE for s in _CARD_ON_READER},
    # Losing the reader (unplugged, pcscd stopped) ends any visit.
    **{(s, Event.READER_LOST): State.NO_READER for s in _ON_READER},
}


def next_after(current: State, clinic: ClinicSettings) -> Event:
    """After the qualification check or an optional screen: the event to the next optional screen the
    clinic switched on, or FINISH (受付完了)."""
    optional = [s for s, declared in STATES.items() if declared.asked_by is not None]
    for state in optional[optional.index(current) + 1 :] if current in optional else optional:
        declared = STATES[state]
        if declared.shown_if is not None and declared.shown_if(clinic) and declared.asked_by is not None:
            return declared.asked_by
    return Event.FINISH


class UnexpectedEvent(RuntimeError):
    def __init__(self, state: State, event: Event) -> None:
        super().__init__(f"event {event.name} has no transition from state {state.name}")
        self.state = state
        self.event = event


Listener = Callable[[State, Event, State], None]


class FlowMachine:
    """Holds the current state and applies ``TRANSITIONS``; notifies listeners after each transition."""

    def __init__(self, initial: State = State.NO_READER) -> None:
        self._state = initial
        self._listeners: list[Listener] = []

    @property
    def state(self) -> State:
        return self._state

    def can_fire(self, event: Event) -> bool:
        return (self._state, event) in TRANSITIONS

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def fire(self, event: Event) -> State:
        source = self._state
        target = TRANSITIONS.get((source, event))
        if target is None:
            log.error("flow: %s has no transition from %s", event.name, source.name)
            raise UnexpectedEvent(source, event)
        self._state = target
        log.info("flow: %s --%s--> %s", source.name, event.name, target.name)
        for listener in list(self._listeners):
            listener(source, event, target)
        return target
