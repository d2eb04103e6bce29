"""One widget per reader screen. Screens only show a Snapshot and report presses to the controller.

Wording: quoted from the sources where they give it (「マイナンバーカードを置いてください」,
「読み取りに失敗しました」, 「顔認証」「暗証番号」); wording no public source gives is a simulator choice,
listed in docs/domain.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mynakiosk.domain.identity import FaceCondition
from mynakiosk.domain.visit import ConsentTopic, Prescription
from mynakiosk.flow.intents import (
    Answer,
    Back,
    ChooseFace,
    ChoosePhoneKind,
    ChoosePin,
    ChooseSmartphone,
    ConsentIndividually,
    ConsentToAll,
    DecideConsents,
    Intent,
    RequestVisualCheck,
    RetryPhone,
    SubmitPin,
    SubmitVisualCheck,
    TryFace,
)
from mynakiosk.flow.machine import STATES, State
from mynakiosk.i18n import t, translated
from mynakiosk.ui.widgets import (
    BalancedLabel,
    EventWatcher,
    FittingScrollArea,
    action_row,
    set_by_name,
    show_text,
)
from mynakiosk_hardware.pin import Pin

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent, QResizeEvent

    from mynakiosk.flow.reception import Snapshot

PIN_LENGTH = 4


def _label(text: str, name: str, *, wrap: bool = True, balanced: bool = True) -> QLabel:
    """A screen's label. ``balanced``: wrapped lines balanced (``BalancedLabel``: no stray last line), on
    every screen but the two on the way to the idle screen, whose texts are broken by hand (``\\n``)."""
    label = BalancedLabel() if balanced and wrap else QLabel()
    show_text(label, text)  # worded again on a language switch
    label.setObjectName(name)
    label.setWordWrap(wrap)
    set_by_name(
        label,
        alignment="AlignHCenter|AlignVCenter",
        textInteractionFlags="NoTextInteraction",
        textFormat="PlainText",  # a name or a file's wording is text, never markup
    )
    return label


def _keep_room(widget: QWidget) -> None:
    """Let ``widget`` keep its room in the layout while hidden: what is below it stays where it is."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


def _right() -> Qt.AlignmentFlag:
    """Right alignment in a layout, for screens shown after the idle one (see ``kiosk.ui.widgets``)."""
    from PySide6.QtCore import Qt

    return Qt.AlignmentFlag.AlignRight


def _button(text: str, name: str = "", accessible: str = "") -> QPushButton:
    button = QPushButton()
    show_text(button, text)  # worded again on a language switch
    if name:
        button.setObjectName(name)
    show_text(button, accessible or text, "setAccessibleName")
    # Tab reaches it (a focus ring, theme.py) and Space presses it; Enter never does (no auto-default): a
    # leftover Enter from the PIN must not answer the next screen for the patient (docs/architecture.md).
    set_by_name(button, focusPolicy="StrongFocus")
    button.setAutoDefault(False)
    return button


def _back_button(accessible: str) -> QPushButton:
    """戻る, named for where it goes (``accessible``): one height on every screen (theme.py), at the bottom
    left (``action_row``)."""
    return _button(t("戻る"), "back", accessible)


class Screen(QWidget):
    """Base screen: a title, a subtitle and a body, with an accessible name for screen readers.

    A screen shows a ``Snapshot`` and emits what the patient does as an intent (``flow/intents.py``);
    it decides nothing itself. Which state shows which screen is declared in ``flow/machine.py``.
    """

    intent = Signal(object)  # an Intent
    #: Its labels' lines balanced (``_label``); not on the way to the idle screen (kiosk.ui.widgets).
    balanced: bool = True

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        show_text(self, title, "setAccessibleName")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(28, 28, 28, 28)
        self.layout_.setSpacing(18)
        self.title = _label(title, "title", balanced=self.balanced)
        self.subtitle = _label(subtitle, "subtitle", balanced=self.balanced)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.subtitle)
        self.subtitle.setVisible(bool(subtitle))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Update from the reception's snapshot; most screens are static."""

    def retranslate(self, snapshot: Snapshot) -> None:
        """The language changed while this screen is shown: word its texts again, keep what was entered.

        Its own texts are worded again by ``widgets.retranslate``; the ones from the snapshot are shown
        again here (screens whose ``show_snapshot`` also resets what the patient entered override this).
        """
        self.show_snapshot(snapshot)


class NoReaderScreen(Screen):
    balanced = False

    def __init__(self) -> None:
        super().__init__(t("カードリーダーが使用できません"), t("受付窓口にお声がけください。"))
        self.detail = _label("", "hint", balanced=False)
        self.layout_.addWidget(self.detail)
        # The reader is out of order: what to present instead (資格確認書, お知らせ＋カード, マイナポータル＋カード, 申立書).
        self.documents = _label("", "documentList", balanced=False)
        set_by_name(self.documents, alignment="AlignLeft|AlignVCenter")
        self.layout_.addWidget(self.documents)
        self.share = _label("", "hint", balanced=False)
        self.layout_.addWidget(self.share)
        self.layout_.addStretch(1)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.detail, translated(snapshot.message))
        guidance = snapshot.fallback
        documents = guidance.documents if guidance is not None else ()
        show_text(self.documents, lambda: "\n".join(t("・{document}", document=d) for d in documents))
        show_text(self.share, translated(guidance.share) if guidance is not None else "")
        self.documents.setVisible(bool(documents))
        self.share.setVisible(bool(documents))


class IdleScreen(Screen):
    balanced = False

    def __init__(self) -> None:
        super().__init__(
            t("マイナンバーカードを\n置いてください"),
            t("カードをカバーやケースから取り出して、\n読み取り部に置いてください。"),
        )
        self.layout_.insertStretch(0, 1)
        slot = _label(t("カード置き場"), "cardSlot", balanced=False)
        self.layout_.addSpacing(10)
        self.layout_.addWidget(slot)
        self.layout_.addWidget(
            _label(
                t("職員がカードをお預かりしたり、\n暗証番号を伺うことはありません。"), "hint", balanced=False
            )
        )
        # Only where a 汎用カードリーダー is installed beside the reader (the clinic's setting).
        self.phone = _button(t("スマートフォンで受付"), "", t("スマートフォン（スマホ保険証）で受付する"))
        self.phone.clicked.connect(lambda: self.intent.emit(ChooseSmartphone()))
        self.phone.setVisible(False)
        self.layout_.addWidget(self.phone)
        self.layout_.addStretch(1)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.phone.setVisible(snapshot.phone_offered)


class ReadingScreen(Screen):
    def __init__(self) -> None:
        super().__init__(t("読み取り中です"), t("カードを動かさないでください。"))
        self.layout_.addStretch(1)


class ReadFailedScreen(Screen):
    def __init__(self) -> None:
        super().__init__(t("読み取りに失敗しました"), "")
        self.detail = _label("", "subtitle")
        self.layout_.addWidget(self.detail)
        self.layout_.addWidget(
            _label(
                t(
                    "カードケースから取り出して、マイナンバーカードを置き直してください。"
                    "読み取れない場合は受付窓口にお声がけください。"
                ),
                "hint",
            )
        )
        self.layout_.addWidget(_label(t("カードをお取りください"), "notice"))
        self.layout_.addStretch(1)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.detail, translated(snapshot.message))


class MethodSelectScreen(Screen):
    def __init__(self) -> None:
        super().__init__(t("本人確認の方法を選択してください"))
        self.layout_.addStretch(1)
        self.face = _button(t("顔認証"), "primary", t("顔認証で本人確認"))
        self.face.clicked.connect(lambda: self.intent.emit(ChooseFace()))
        self.pin = _button(t("暗証番号"), "primary", t("暗証番号で本人確認"))
        self.pin.clicked.connect(lambda: self.intent.emit(ChoosePin()))
        for button in (self.face, self.pin):
            button.setProperty("method", True)  # taller still (theme.py)
            self.layout_.addWidget(button)
        self.message = _label("", "notice")
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.staff = _button(t("職員用：目視確認"), "staff", t("職員による目視確認を始める"))
        self.staff.clicked.connect(lambda: self.intent.emit(RequestVisualCheck()))
        self.layout_.addWidget(self.staff, 0, _right())

    def show_snapshot(self, snapshot: Snapshot) -> None:
        # A photo-less infant card: no 顔認証; a 顔認証マイナンバーカード: no 暗証番号 (kiosk.domain.identity).
        self.face.setVisible(snapshot.face_offered)
        self.face.setEnabled(not snapshot.face_locked)
        self.pin.setVisible(snapshot.pin_offered)
        self.staff.setVisible(snapshot.visual_offered)
        show_text(self.message, translated(snapshot.message))


class PinScreen(Screen):
    """4-digit PIN on an on-screen keypad: digits are never shown, only ● for each one typed.

    The digits live in this widget only until 確定, then go to the card as a ``Pin``; they are cleared
    on submit and whenever the screen is left.
    """

    activity = Signal()  # a key was pressed: the patient is still there

    def __init__(self) -> None:
        super().__init__(t("暗証番号（数字4桁）を\n入力してください"))
        self._digits: list[str] = []
        set_by_name(self, focusPolicy="StrongFocus")
        self.boxes = _label("", "pinBoxes", wrap=False)
        show_text(self.boxes, t("入力した桁数"), "setAccessibleName")
        self.tries = _label("", "hint")
        self.warning = _label("", "notice")
        # The warning's room is kept while there is none to show: the keypad never moves under a finger.
        _keep_room(self.warning)
        _keep_room(self.tries)
        self.layout_.addWidget(self.boxes)
        self.layout_.addWidget(self.warning)
        self.layout_.addWidget(self.tries)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self._add_key(grid, digit, index // 3, index % 3)
        self.correct = _button(t("訂正"), accessible=t("1桁消す（訂正）"))
        self.correct.clicked.connect(self.delete_digit)
        grid.addWidget(self.correct, 3, 0)
        self._add_key(grid, "0", 3, 1)
        self.confirm = _button(t("確定"), "primary", t("暗証番号を確定"))
        self.confirm.clicked.connect(self.submit)
        self.confirm.setProperty("keypad", True)  # a key's height: the keypad's rows are even (theme.py)
        grid.addWidget(self.confirm, 3, 2)
        # A touch keypad: a tapped key never takes the focus, so no focus ring tells a bystander (or a
        # screenshot) the last digit, and Enter and Backspace reach this screen (keyPressEvent) as 確定 and 訂正.
        for key in (*self.keys.values(), self.correct, self.confirm):
            set_by_name(key, focusPolicy="NoFocus")
        self.layout_.addLayout(grid)
        self.back = _back_button(t("本人確認方法の選択に戻る"))
        self.back.clicked.connect(self._go_back)
        self.layout_.addLayout(action_row(self.back))
        self.layout_.addStretch(1)
        self._refresh()

    def _add_key(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        key = _button(digit, "key", t("数字 {digit}", digit=digit))
        key.clicked.connect(lambda: self.add_digit(digit))
        grid.addWidget(key, row, column)
        self.keys[digit] = key

    @property
    def entered_count(self) -> int:
        return len(self._digits)

    def add_digit(self, digit: str) -> None:
        if len(self._digits) < PIN_LENGTH:
            self._digits.append(digit)
            self._refresh()

    def delete_digit(self) -> None:
        if self._digits:
            self._digits.pop()
            self._refresh()

    def clear(self) -> None:
        self._digits.clear()
        self._refresh()

    def submit(self) -> None:
        if len(self._digits) != PIN_LENGTH:
            return
        pin = Pin("".join(self._digits))
        self.clear()
        self.intent.emit(SubmitPin(pin))

    def _go_back(self) -> None:
        self.clear()
        self.intent.emit(Back())

    def _refresh(self) -> None:
        self.activity.emit()
        count = len(self._digits)
        self.boxes.setText("●" * count + "○" * (PIN_LENGTH - count))
        show_text(
            self.boxes,
            t("{count}桁入力済み（{total}桁中）", count=count, total=PIN_LENGTH),
            "setAccessibleDescription",
        )
        self.confirm.setEnabled(count == PIN_LENGTH)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.clear()
        self.retranslate(snapshot)

    def retranslate(self, snapshot: Snapshot) -> None:
        """The tries and the warning in the current language; the digits typed so far stay."""
        tries = snapshot.tries_left
        # Hidden, not emptied, while unknown (a phone's, until it answered): its room stays, like the warning's.
        show_text(self.tries, t("残り入力回数：{tries}回", tries=3 if tries is None else tries))
        self.tries.setVisible(tries is not None)
        if snapshot.wrong_pin:
            show_text(
                self.warning,
                t("暗証番号が違います。\nあと{tries}回間違えるとロックされます。", tries=tries)
                if tries and tries > 1
                else t("暗証番号が違います。\n次に間違えるとロックされます。"),
            )
            self.warning.show()
        else:
            # Hidden with a warning's text in it: the room of the longer of the two stays reserved.
            show_text(
                self.warning, t("暗証番号が違います。\nあと{tries}回間違えるとロックされます。", tries=2)
            )
            self.warning.hide()

    def showEvent(self, event: object) -> None:
        self.setFocus()  # digits, Backspace, Enter and Esc are this screen's, whatever had the focus before

    def hideEvent(self, event: object) -> None:
        self.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not at module level: see kiosk.ui.widgets

        text = event.text()
        key = event.key()
        if len(text) == 1 and text.isdigit() and text.isascii():
            self.add_digit(text)
        elif key == Qt.Key.Key_Backspace:
            self.delete_digit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape:
            self._go_back()
        else:
            super().keyPressEvent(event)


class VerifyingScreen(Screen):
    def __init__(self) -> None:
        super().__init__(t("確認しています"), t("カードを動かさないでください。"))
        self.layout_.addStretch(1)


class CompleteScreen(Screen):
    def __init__(self) -> None:
        # The exact completion wording is [unverified] (no public source): the simulator's choice.
        super().__init__(t("受付が完了しました"), "")
        self.layout_.addStretch(1)
        self.take = _label(t("カードをお取りください"), "takeCard")
        self.layout_.addWidget(self.take)
        self.layout_.addWidget(_label(t("お名前を呼ばれるまでお待ちください。"), "subtitle"))
        self.layout_.addStretch(2)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.take.setVisible(not snapshot.by_phone)  # a スマホ保険証 visit left nothing on the reader


class WholeLinesScrollArea(FittingScrollArea):
    """A scroll area whose first page ends after a whole line: text that does not fit is below the edge,
    never cut through the middle of a line (a patient takes a half-cut line for the end, and does not scroll).

    The bottom margin of the viewport takes what is left under the last whole line; the scroll bar (styled
    to be seen, theme.py ``#screenScroll``) says there is more.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._end_on_a_line()

    def _fit_content(self) -> None:
        super()._fit_content()
        self._end_on_a_line()

    def _end_on_a_line(self) -> None:
        content = self.widget()
        room = self.height() - 2 * self.frameWidth()
        gap = 0
        if content is not None and content.minimumHeight() > room:
            ends = [0]
            for label in content.findChildren(QLabel):
                if not label.isVisibleTo(content) or not label.text():
                    continue
                line = label.fontMetrics().lineSpacing()
                top = label.y() + label.contentsRect().top()
                lines = max(1, label.contentsRect().height() // line)
                ends += [top + k * line for k in range(1, lines + 1)]
            gap = room - max(end for end in ends if end <= room)
        if self.viewportMargins().bottom() != gap:
            self.setViewportMargins(0, 0, 0, gap)


class FallbackScreen(Screen):
    """マイナ保険証で確認できなかったとき: what to present, what it costs, whom to ask."""

    def __init__(self) -> None:
        super().__init__("")
        body = QWidget()
        body.setObjectName("screenBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.layout_.spacing())
        self._column = column
        self.cause = _label("", "subtitle")
        self.documents_intro = _label(t("次のいずれかを受付窓口で提示してください"), "hint")
        self.documents = _label("", "documentList")
        set_by_name(self.documents, alignment="AlignLeft|AlignVCenter")
        self.share = _label("", "hint")
        self.staff = _label("", "hint")
        self.remedy = _label("", "hint")
        self.child_note = _label("", "hint")
        self.take = _label(t("カードをお取りください"), "notice")
        self.visual = _button(t("職員用：目視確認"), "staff", t("職員による目視確認を始める"))
        self.visual.clicked.connect(lambda: self.intent.emit(RequestVisualCheck()))
        for widget in (
            self.cause,
            self.documents_intro,
            self.documents,
            self.share,
            self.staff,
            self.remedy,
            self.child_note,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        # Long guidance scrolls instead of being cut off (English in large text on a small screen).
        area = WholeLinesScrollArea(body)
        area.setObjectName("screenScroll")  # transparent (theme.py): the reader's background shows through
        area.viewport().setAutoFillBackground(False)
        self.layout_.addWidget(area, 1)
        # 「カードをお取りください」 and the staff's button share the last row: a line more for the guidance.
        row = QHBoxLayout()
        row.addWidget(self.take, 1)
        row.addWidget(self.visual, 0, _right())
        self.layout_.addLayout(row)
        # The guidance keeps the screen's spacing: the compact look tightens the screen's (MainWindow's fit)
        # and a setSpacing asks the screen to lay out again, so the body follows (a patient does not scroll:
        # at 1366×768 in large text the whole guidance fits only with the compact spacing). A watcher, not
        # an ``event`` override, and QEvent imported here: see kiosk.ui.widgets on start-up.
        from PySide6.QtCore import QEvent

        self.installEventFilter(EventWatcher(QEvent.Type.LayoutRequest, self._follow_spacing, self))

    def _follow_spacing(self) -> None:
        if self._column.spacing() != self.layout_.spacing():
            self._column.setSpacing(self.layout_.spacing())

    def show_snapshot(self, snapshot: Snapshot) -> None:
        guidance = snapshot.fallback
        self.visual.setVisible(snapshot.visual_offered)
        self.take.setVisible(not snapshot.by_phone)
        if guidance is None:
            return
        title = translated(guidance.title)
        show_text(self.title, title)
        show_text(self, title, "setAccessibleName")
        show_text(self.cause, translated(guidance.cause))
        documents = guidance.documents
        show_text(self.documents, lambda: "\n".join(t("・{document}", document=d) for d in documents))
        show_text(self.share, translated(guidance.share))
        show_text(self.staff, translated(guidance.staff))
        show_text(self.remedy, translated(guidance.remedy))
        show_text(self.child_note, translated(guidance.child_note))


class QualifyingScreen(Screen):
    def __init__(self) -> None:
        super().__init__(
            t("資格を確認しています"), t("しばらくお待ちください。カードを動かさないでください。")
        )
        self.layout_.addStretch(1)


class ChoiceScreen(Screen):
    """A question with large answer buttons (the consent and option screens).

    ``answers`` are (key, text, intent): the key names the button (``buttons``), the intent is what it says.
    """

    def __init__(
        self, title: str, subtitle: str, answers: list[tuple[str, str, Intent]], hint: str = ""
    ) -> None:
        super().__init__(title, subtitle)
        self.layout_.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for index, (key, text, intent) in enumerate(answers):
            button = _button(text, "primary" if index == 0 else "")
            button.setProperty("answer", True)  # a taller answer button (theme.py)
            button.clicked.connect(lambda _=False, i=intent: self.intent.emit(i))
            self.buttons[key] = button
            self.layout_.addWidget(button)
        if hint:
            self.layout_.addWidget(_label(hint, "hint"))
        self.layout_.addStretch(1)


class RegistrationScreen(ChoiceScreen):
    def __init__(self) -> None:
        # 「利用登録していない方は、自動的に利用登録画面に切り替わります」(kenpo.gr.jp/SCSK-kenpo FAQ); the wording is a simulator choice.
        super().__init__(
            t("マイナンバーカードの\n健康保険証利用登録"),
            t("このカードは健康保険証として利用する登録がされていません。今、登録しますか。"),
            [("yes", t("登録する"), Answer.YES), ("no", t("登録しない"), Answer.NO)],
            t("登録は一度だけです。保険が変わっても登録し直す必要はありません。"),
        )


class ConsentScreen(ChoiceScreen):
    def __init__(self) -> None:
        # Since 2024-10-07 the three consents can be given on one screen (city.kagoshima.lg.jp).
        super().__init__(
            t("過去の医療情報などの提供"),
            t("診療・薬剤、手術、特定健診などの情報を、この医療機関に提供することに同意しますか。"),
            [
                ("all", t("全て同意する"), ConsentToAll()),
                ("individual", t("個別に同意する"), ConsentIndividually()),
            ],
            t("「個別に同意する」では、項目ごとに「同意する」「同意しない」を選べます。"),
        )


class ConsentDetailScreen(Screen):
    """個別に同意する: each topic with 同意する / 同意しない, then 次へ."""

    def __init__(self) -> None:
        super().__init__(t("情報ごとに選んでください"), "")
        self.choices: dict[ConsentTopic, bool | None] = dict.fromkeys(ConsentTopic)
        self.rows: dict[ConsentTopic, tuple[QPushButton, QPushButton]] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for row, topic in enumerate(ConsentTopic):
            label = _label(
                t("{topic}情報", topic=topic.label), "subtitle", wrap=False
            )  # one line, the full width
            yes = _button(t("同意する"), accessible=t("{topic}情報の提供に同意する", topic=topic.label))
            no = _button(t("同意しない"), accessible=t("{topic}情報の提供に同意しない", topic=topic.label))
            for button in (yes, no):
                button.setCheckable(True)
            yes.clicked.connect(lambda _=False, t=topic: self._choose(t, True))
            no.clicked.connect(lambda _=False, t=topic: self._choose(t, False))
            # The topic above its two answers: each answer gets half the screen's width, for longer words.
            grid.addWidget(label, 2 * row, 0, 1, 2)
            grid.addWidget(yes, 2 * row + 1, 0)
            grid.addWidget(no, 2 * row + 1, 1)
            self.rows[topic] = (yes, no)
        self.layout_.addLayout(grid)
        self.next = _button(t("次へ"), "primary")
        self.next.clicked.connect(
            lambda: self.intent.emit(DecideConsents({k: bool(v) for k, v in self.choices.items()}))
        )
        self.back = _back_button(t("同意の選択に戻る"))
        self.back.clicked.connect(lambda: self.intent.emit(Back()))
        self.layout_.addLayout(action_row(self.back, self.next))
        self.layout_.addStretch(1)
        self._refresh()

    def _choose(self, topic: ConsentTopic, value: bool) -> None:
        self.choices[topic] = value
        self._refresh()

    def _refresh(self) -> None:
        for topic, (yes, no) in self.rows.items():
            yes.setChecked(self.choices[topic] is True)
            no.setChecked(self.choices[topic] is False)
        self.next.setEnabled(all(v is not None for v in self.choices.values()))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.choices = dict.fromkeys(self.choices)
        self._refresh()

    def retranslate(self, snapshot: Snapshot) -> None:
        """Every text here is the screen's own: the answers given so far stay as they are."""


class HighCostScreen(ChoiceScreen):
    def __init__(self) -> None:
        # 「「高額療養費制度を利用する」を選択すると…限度額情報…の提供の確認を行います」(ainj.co.jp).
        super().__init__(
            t("高額療養費制度"),
            t(
                "高額療養費制度を利用しますか。利用すると、限度額情報がこの医療機関に提供され、"
                "窓口での支払いが自己負担限度額までになります。"
            ),
            [("yes", t("高額療養費制度を利用する"), Answer.YES), ("no", t("利用しない"), Answer.NO)],
        )


class PrescriptionScreen(ChoiceScreen):
    def __init__(self) -> None:
        super().__init__(
            t("処方箋の受け取り方法"),
            t("処方箋の形式を選んでください。"),
            [
                ("electronic", translated(Prescription.ELECTRONIC.label), Prescription.ELECTRONIC),
                ("paper", translated(Prescription.PAPER.label), Prescription.PAPER),
            ],
        )


class SubsidyScreen(ChoiceScreen):
    def __init__(self) -> None:
        # 「医療費助成の各種受給者証を利用しますか」→「利用する」(city.kosai.shizuoka.jp/soshikiichiran/kodomo_s/gyomu/2/18149.html).
        super().__init__(
            t("医療費助成"),
            t("医療費助成の各種受給者証を利用しますか。"),
            [("yes", t("利用する"), Answer.YES), ("no", t("利用しない"), Answer.NO)],
            t("紙の受給者証（医療証）も、引き続き窓口で提示してください。"),
        )


class _CameraFrame(QLabel):
    """The camera's oval (theme.py ``#cameraFrame``), an oval at whatever height the screen leaves it.

    A style sheet's border-radius larger than half the height is not drawn at all (a square, seen in large
    text after a failure), so the radius follows the size.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        show_text(self, text)
        self.setObjectName("cameraFrame")
        self.setWordWrap(False)  # its lines are set by hand
        set_by_name(
            self,
            alignment="AlignHCenter|AlignVCenter",
            textInteractionFlags="NoTextInteraction",
            textFormat="PlainText",
        )
        self._radius = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        radius = min(self.width(), self.height()) // 2
        if radius != self._radius:
            self._radius = radius
            self.setStyleSheet(f"border-radius: {radius}px;")


class FaceScreen(Screen):
    """顔認証: a simulated capture. The camera frame shows a guide; practice buttons say what it sees.

    No camera is used and no image of anyone is taken or stored.
    """

    def __init__(self) -> None:
        super().__init__(t("顔認証"), "")
        self.frame = _CameraFrame(t("（カメラ）\n\n枠に顔を\n合わせてください"))
        # The camera frame (its width, height limit and oval border in theme.py) is as tall as the room
        # allows, from its text's height up: it gives way first when a long prompt and the notices need room.
        self.frame.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        # The fullest screen: a two-line prompt, the notices and the practice buttons must fit, in any language.
        self.layout_.setSpacing(8)
        self.layout_.setContentsMargins(28, 12, 28, 12)
        self.frame.ensurePolished()  # the style sheet's border counts in the height its text needs
        self.frame.setMinimumHeight(self.frame.sizeHint().height())
        centred = QHBoxLayout()  # centred by stretches: an aligned item would not grow in height
        centred.addStretch(1)
        centred.addWidget(self.frame)
        centred.addStretch(1)
        self.layout_.addLayout(centred, 1)
        # Which capture this was and the failures left: a second tap that fails the same way looks different.
        self.tries = _label("", "hint")
        self.layout_.addWidget(self.tries)
        self.message = _label("", "notice")
        self.layout_.addWidget(self.message)
        practice = QGridLayout()
        practice.setSpacing(6)
        self.conditions: dict[FaceCondition, QPushButton] = {}
        choices = [c for c in FaceCondition if c is not FaceCondition.NONE]
        for index, condition in enumerate(choices):
            button = _button(
                translated(condition.value), "staff", t("練習：{condition}", condition=condition.value)
            )
            button.clicked.connect(lambda _=False, c=condition: self.intent.emit(TryFace(c)))
            practice.addWidget(button, index // 2, index % 2)  # two a row: room for longer words
            self.conditions[condition] = button
        self.layout_.addWidget(_label(t("練習用：カメラに写る様子を選んでください"), "hint"))
        self.layout_.addLayout(practice)
        self.to_pin = _button(t("暗証番号に切り替える"), "primary")
        self.to_pin.clicked.connect(lambda: self.intent.emit(ChoosePin()))
        self.layout_.addWidget(self.to_pin)
        self.back = _back_button(t("本人確認方法の選択に戻る"))
        self.back.clicked.connect(lambda: self.intent.emit(Back()))
        self.staff = _button(t("職員用：目視確認"), "staff", t("職員による目視確認を始める"))
        self.staff.clicked.connect(lambda: self.intent.emit(RequestVisualCheck()))
        self.layout_.addLayout(action_row(self.back, self.staff))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.message, translated(snapshot.message))
        show_text(self.tries, face_tries_text(snapshot))
        self.to_pin.setVisible(snapshot.pin_offered)
        self.staff.setVisible(snapshot.visual_offered)
        # Two lines kept for the prompt, the longest one (a failure's) included: a failure does not move
        # the frame. In the font of the current look (large text), hence here and not once.
        self.message.ensurePolished()
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())


def face_tries_text(snapshot: Snapshot) -> str:
    """「顔が一致しなかった回数：1回　顔認証の残り回数：9回」: the failed matches and the failures left.

    Both count the same thing (failed matches, ``FacePolicy``), so they add up to the limit; a prompt (mask,
    moved…) is not a failure and changes neither (the 認証中 screen numbers the captures instead).
    """
    left = snapshot.face_tries_left
    if left is None:
        return ""
    if snapshot.face_failures:
        return t(
            "顔が一致しなかった回数：{failed}回　顔認証の残り回数：{left}回",
            failed=snapshot.face_failures,
            left=left,
        )
    return t("顔認証の残り回数：{left}回", left=left)


class FaceMatchingScreen(FaceScreen):
    """顔認証: 認証中 — the capture is being compared with the card's photo; nothing to press meanwhile.

    The face screen's own layout with its buttons disabled, not hidden: for the second it lasts, the camera
    frame and every button stay where the patient's eyes and finger are.
    """

    def __init__(self) -> None:
        super().__init__()
        show_text(self.frame, t("（カメラ）\n\n認証中…"))
        for button in self.findChildren(QPushButton):
            button.setEnabled(False)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        super().show_snapshot(snapshot)
        # 目視確認 is not offered while matching, but its button stays in its place, disabled: it was on the
        # face screen, as both need the card's photo (kiosk.domain.identity).
        self.staff.setVisible(snapshot.face_offered)
        show_text(self.message, t("認証しています。そのままお待ちください。"))
        attempt = snapshot.face_attempt
        if attempt:
            show_text(self.tries, t("{attempt}回目の撮影を確認しています", attempt=attempt))


class PaperCardScreen(Screen):
    def __init__(self) -> None:
        # 「健康保険証の読取確認」 is the ALMEX reader's screen for a card without IC (faq.usen-almex.jp/faq/show/70299);
        # what it says is [unverified]: this text is a simulator choice.
        super().__init__(t("健康保険証の読取確認"), t("ICチップのないカードが置かれました。"))
        self.detail = _label("", "subtitle")
        self.layout_.addWidget(self.detail)
        self.layout_.addWidget(
            _label(
                t(
                    "健康保険証・資格確認書は、受付窓口で職員に提示してください。"
                    "職員が記号・番号から資格を確認します。マイナンバーカードの場合は、"
                    "カバーやケースから取り出して置き直してください。"
                ),
                "hint",
            )
        )
        self.layout_.addWidget(_label(t("カードをお取りください"), "notice"))
        self.layout_.addStretch(1)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.detail, t("（{message}）", message=snapshot.message) if snapshot.message else "")


class CancelledScreen(Screen):
    def __init__(self) -> None:
        # No source gives idle timeouts or their wording ([not found]): the simulator's choice.
        super().__init__(
            t("操作がなかったため、\n受付を中止しました"),
            t("もう一度受付するときは、カードを置き直してください。"),
        )
        self.layout_.addStretch(1)
        self.take = _label(t("カードをお取りください"), "notice")
        self.layout_.addWidget(self.take)
        self.layout_.addStretch(2)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.take.setVisible(not snapshot.by_phone)


class VisualCheckScreen(Screen):
    """職員による目視確認: the facility's 目視モード用パスワード, never the card PIN (医療保険部会 2024-10-31 資料)."""

    def __init__(self) -> None:
        super().__init__(
            t("職員による目視確認"),
            t("職員が、ご本人とカードの顔写真を見比べて確認します。"),
        )
        self.layout_.addWidget(
            _label(
                t(
                    "職員の方へ：医療機関ごとに設定された「目視モード用パスワード」を入力してください"
                    "（マイナンバーカードの暗証番号ではありません）。"
                ),
                "hint",
            )
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        show_text(self.password, t("目視モード用パスワード"), "setAccessibleName")
        self.password.setObjectName("password")
        self.password.returnPressed.connect(self._submit)
        self.layout_.addWidget(self.password)
        self.message = _label("", "notice")
        self.layout_.addWidget(self.message)
        # 家族で練習 only (MainWindow sets it): the practice clinic's password, where someone practising looks.
        self.practice_password = _label("", "practiceDate")
        self.practice_password.hide()
        self.layout_.addWidget(self.practice_password)
        self.back = _back_button(t("本人確認方法の選択に戻る"))
        self.back.clicked.connect(self._back)
        self.confirm = _button(t("確認"), "primary", t("目視確認を完了する"))
        self.confirm.clicked.connect(self._submit)
        self.layout_.addLayout(action_row(self.back, self.confirm))
        self.layout_.addStretch(1)

    def show_practice_password(self, password: str) -> None:
        """In practice mode, say the scenario's 目視モード用パスワード under the field ("" hides it: a clinic's
        reader never shows it)."""
        text = (
            t("練習用：このシナリオの目視モード用パスワードは「{password}」です", password=password)
            if password
            else ""
        )
        show_text(self.practice_password, text)
        self.practice_password.setVisible(bool(password))

    def _submit(self) -> None:
        text = self.password.text()
        self.password.clear()
        self.intent.emit(SubmitVisualCheck(text))

    def _back(self) -> None:
        self.password.clear()
        self.intent.emit(Back())

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.message, translated(snapshot.message))

    def showEvent(self, event: object) -> None:
        self.password.setFocus()

    def hideEvent(self, event: object) -> None:
        self.password.clear()


def screen_type(state: State) -> Callable[[], Screen]:
    """The widget class that shows ``state``, as its declaration names it (``flow/machine.py``)."""
    found = globals()[STATES[state].screen]
    assert isinstance(found, type) and issubclass(found, Screen), STATES[state].screen
    # Every concrete screen is made without arguments (its title is its own); only the base takes one.
    return cast("Callable[[], Screen]", found)


def all_screens() -> list[Screen]:
    return [screen_type(state)() for state in State]


# -- スマホ保険証 (a phone over the 汎用カードリーダー beside the reader) ------------------------------------
# The sources give the steps (「スマートフォン」 → iPhone / Android → 本人認証 → かざす → 同意), not the screens'
# words: the wording here is a simulator choice (docs/domain.md).


class PhoneKindScreen(Screen):
    """iPhone or Android: the iPhone confirms with Face ID / Touch ID on itself, Android with its PIN here."""

    def __init__(self) -> None:
        from mynakiosk_hardware.phone import PhoneKind  # the phone model: loaded with this screen only

        super().__init__(t("お使いのスマートフォンを\n選んでください"))
        self.layout_.addStretch(1)
        self.iphone = _button(t("iPhone"), "primary", t("iPhoneで受付"))
        self.iphone.clicked.connect(lambda: self.intent.emit(ChoosePhoneKind(PhoneKind.IPHONE)))
        self.android = _button(t("Android"), "primary", t("Androidで受付"))
        self.android.clicked.connect(lambda: self.intent.emit(ChoosePhoneKind(PhoneKind.ANDROID)))
        for button in (self.iphone, self.android):
            button.setProperty("method", True)
            self.layout_.addWidget(button)
        self.message = _label("", "notice")
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.back = _back_button(t("最初の画面に戻る"))
        self.back.clicked.connect(lambda: self.intent.emit(Back()))
        self.layout_.addLayout(action_row(self.back))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.message, translated(snapshot.message))


class PhonePinScreen(PinScreen):
    """Android: the PIN of the phone's own certificate (スマホ用利用者証明用電子証明書), not the card's.

    It is checked on the phone once the phone is held over the 汎用カードリーダー; the tries left are the
    phone's, shown once the phone has answered.
    """

    def __init__(self) -> None:
        super().__init__()
        title = t("スマホの暗証番号（数字4桁）を\n入力してください")
        show_text(self.title, title)
        show_text(self, title, "setAccessibleName")
        show_text(self.subtitle, t("マイナンバーカードの暗証番号ではありません。"))
        self.subtitle.setVisible(True)
        show_text(self.back, t("スマートフォンの種類の選択に戻る"), "setAccessibleName")


class PhoneHoldScreen(Screen):
    """「かざしてください」: the phone goes over the 汎用カードリーダー beside this reader, for 1–2 seconds."""

    def __init__(self) -> None:
        super().__init__(t("スマートフォンを、\nとなりの読み取り機に\nかざしてください"))
        self.how = _label("", "subtitle")
        self.layout_.addWidget(self.how)
        self.layout_.addStretch(1)
        self.slot = _label(t("→ 汎用カードリーダー（この読み取り機の横）"), "cardSlot")
        self.layout_.addWidget(self.slot)
        self.message = _label("", "notice")
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.back = _back_button(t("スマートフォンの種類の選択に戻る"))
        self.back.clicked.connect(lambda: self.intent.emit(Back()))
        self.layout_.addLayout(action_row(self.back))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        from mynakiosk_hardware.phone import PhoneKind  # the phone model: loaded with the phone screens only

        if snapshot.phone_kind is PhoneKind.IPHONE:
            how = t(
                "iPhoneのサイドボタンを2回押して、顔認証（Face ID）または指紋認証（Touch ID）をしてから、かざしてください。"
            )
        else:
            how = t("動かさずに、1〜2秒かざしてください。")
        show_text(self.how, how)
        show_text(self.message, translated(snapshot.message))


class PhoneReadingScreen(Screen):
    def __init__(self) -> None:
        super().__init__(t("読み取り中です"), t("スマートフォンを動かさないでください。"))
        self.layout_.addStretch(1)


class PhoneNotReadScreen(Screen):
    """The phone could not be read (nothing held in time, no card added to it, no Face ID): try again."""

    def __init__(self) -> None:
        super().__init__(t("スマートフォンを読み取れませんでした"))
        self.detail = _label("", "subtitle")
        self.layout_.addWidget(self.detail)
        self.layout_.addStretch(1)
        self.retry = _button(t("もう一度かざす"), "primary", t("もう一度スマートフォンをかざす"))
        self.retry.setProperty("answer", True)
        self.retry.clicked.connect(lambda: self.intent.emit(RetryPhone()))
        self.layout_.addWidget(self.retry)
        self.layout_.addWidget(
            _label(
                t("マイナンバーカードをお持ちの方は、「戻る」を押してからカードを置いてください。"), "hint"
            )
        )
        self.layout_.addStretch(1)
        self.back = _back_button(t("スマートフォンの種類の選択に戻る"))
        self.back.clicked.connect(lambda: self.intent.emit(Back()))
        self.layout_.addLayout(action_row(self.back))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        show_text(self.detail, translated(snapshot.message))
