"""The kiosk window: a portrait reader screen (a stack of screens) and, for virtual cards, a card picker.

Its size comes from the screen it is on: the reader keeps its designed size where the screen's available
height allows (a window manager's panel and title bar taken off), and is made shorter and compact
(``theme.Look.compact``) where it does not, a 1366×768 laptop say; the side column is as wide as the rest of
the screen allows. 全画面表示 (F11, ``--fullscreen``) shows the reader alone on a touch monitor, the side
column in a window of its own that can be moved to another screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from mynakiosk import i18n
from mynakiosk.flow.machine import STATES, State
from mynakiosk.i18n import t, translated
from mynakiosk.ui import language, theme
from mynakiosk_hardware.readers.virtual import VirtualReader

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QPoint, Qt

    from mynakiosk.flow.reception import Snapshot
    from mynakiosk.personas import Persona
    from mynakiosk.ui.card_picker import CardPicker
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.phone_picker import PhonePicker
    from mynakiosk.ui.practice_panel import PracticePanel
from mynakiosk.ui.screens import PinScreen, Screen, VisualCheckScreen, screen_type
from mynakiosk.ui.speech import Speaker, pin_progress
from mynakiosk.ui.widgets import (
    EventWatcher,
    FittingScrollArea,
    PageSwitch,
    fit_label_height,
    plain_label,
    retranslate,
    set_by_name,
    show_text,
)

READER_SIZE = (600, 860)  # portrait, like the reader's touch panel; times the theme's scale in large text
SIDE_WIDTH = 400  # the practice column beside it, scrollbar included; times the scale too
MIN_SIDE_WIDTH = 320  # narrower, its buttons' words would be cut off
COMPACT_SIDE_WIDENING = 1.2  # a short screen's side column is this much wider, where there is room
# The shortest reader (times the scale) whose every screen still fits, compact: on a screen shorter than
# that the window runs off it rather than hide a button.
MIN_READER_HEIGHT = 480
QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum" for a widget's size
MARGIN, COMPACT_MARGIN = 16, 8  # around and between the reader and the side column
# A window manager's title bar and borders, not known before it has framed the window (and none at all
# without one): this much is kept free, or the real frame where it is larger.
FRAME_ALLOWANCE = QSize(16, 40)
# On a short screen the screens' own margins and spacing give way before any button does.
COMPACT_SCREEN_MARGINS, COMPACT_SCREEN_SPACING = QMargins(16, 10, 16, 4), 6


class Fit:
    """The window's geometry for a screen: the reader's size, the side column's width, the margins."""

    __slots__ = ("compact", "margin", "reader", "side_width")

    def __init__(self, reader: QSize, side_width: int, margin: int, compact: bool) -> None:
        self.reader, self.side_width, self.margin, self.compact = reader, side_width, margin, compact

    def __repr__(self) -> str:
        return f"Fit(reader={self.reader}, side_width={self.side_width}, margin={self.margin}, compact={self.compact})"


def plan_fit(area: QSize | None, scale: float, chrome: QSize, *, side: bool) -> Fit:
    """The geometry that fits ``area`` (a screen's available size; None: no limit) with ``chrome`` (frame,
    menu and status bars) around it, at the look's ``scale``.

    The reader keeps its designed size when the area is tall enough; otherwise it takes the height there is
    (down to ``MIN_READER_HEIGHT``) and the look turns compact. Its width stays: text wraps by it. The side
    column takes the width left over, up to its own designed width (a little more when compact).
    """
    reader = QSize(round(READER_SIZE[0] * scale), round(READER_SIZE[1] * scale))
    side_width = round(SIDE_WIDTH * scale) if side else 0
    if area is None:
        return Fit(reader, side_width, MARGIN, compact=False)
    compact = area.height() - chrome.height() - 2 * MARGIN < reader.height()
    margin = COMPACT_MARGIN if compact else MARGIN
    if compact:
        room = area.height() - chrome.height() - 2 * margin
        reader.setHeight(max(round(MIN_READER_HEIGHT * scale), room))
    if side:
        room = area.width() - chrome.width() - 3 * margin - reader.width()
        if compact:  # short of height: width there is to spare lets its texts wrap into fewer lines
            side_width = round(side_width * COMPACT_SIDE_WIDENING)
        side_width = max(MIN_SIDE_WIDTH, min(side_width, room))
    return Fit(reader, side_width, margin, compact)


def screen_area(widget: QWidget) -> QRect | None:
    """The available geometry of the screen ``widget`` is on (the primary one before it is shown).

    None on the offscreen platform: its "screen" is an 800×600 nobody sees, and the renders and tests made
    there show the reader at its designed size.
    """
    if QGuiApplication.platformName() == "offscreen":
        return None
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def keep_inside(window: QWidget, area: QRect) -> None:
    """Move ``window`` back onto ``area`` where it, frame included, runs off its right or bottom edge."""
    frame = window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


class _Screens(dict):
    """State -> screen, built on first access."""

    def __init__(self, build: Callable[[State], Screen]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, state: State) -> Screen:
        screen = self[state] = self._build(state)
        return screen


class MainWindow(QMainWindow):
    def __init__(
        self,
        controller: FlowController,
        personas: list[Persona] | None = None,
        title: str = "",
        *,
        side_panels: bool = True,
    ) -> None:
        super().__init__()
        self.controller = controller
        self._personas = personas
        self._title = title
        self._side_panels = side_panels
        self._status = ""  # the reader's status line, untranslated
        self.results_warning: QLabel | None = None  # made the first time there is something to say
        self.reader_warning: QLabel | None = None  # likewise
        self.speaker = Speaker()
        # Where the window must fit: the available geometry of its screen (replaceable: tests give a size).
        self.screen_area: Callable[[], QRect | None] = lambda: screen_area(self)
        self.fit = plan_fit(None, theme.current().scale, QSize(0, 0), side=side_panels)
        self.side_window: QWidget | None = None  # the side column's own window in full screen
        self._side_apart_width = 0  # its width there; 0 while the side column is in this window
        # Moved to another screen with the side column in full screen (app.run_gui sets it).
        self._staff_console: QWidget | None = None
        self._designed_layouts: dict[Screen, tuple[QMargins, int]] = {}
        self._fitting = False
        self._shown = False
        self._restoring = False  # leaving full screen, until the window manager has restored the window
        self._resize_watcher: EventWatcher | None = None  # watching for that meanwhile
        self._normal_place: QPoint | None = None  # the window's place (its frame's corner) before full screen
        self._build_menu()
        self.console_action.setEnabled(False)  # until there is a console (staff_console)
        self._build_central()
        controller.snapshot_changed.connect(self.show_snapshot)
        controller.scenario_changed.connect(self._scenario_changed)
        controller.reader_status.connect(self._reader_status)
        controller.results_problem.connect(self._results_problem)
        language.notifier.changed.connect(self._language_changed)
        theme.notifier.changed.connect(self._fit_to_look)
        self.show_snapshot(controller.snapshot)
        self._results_problem(controller.results_problem_text)
        self.fit_to_screen()

    def _build_central(self) -> None:
        """Build the widgets, once: a language switch words them again in place (``_retranslate``)."""
        controller = self.controller
        personas = self._personas if self._personas is not None else controller.personas
        self._language = i18n.language()
        show_text(
            self, translated(self._title) if self._title else t("マイナ受付シミュレータ"), "setWindowTitle"
        )
        central = QWidget()
        # The row is centred in a larger window (full screen): stretches around it, not Qt.AlignCenter
        # (kiosk.ui.widgets). The window is otherwise as large as its content.
        outer = self._outer = QVBoxLayout(central)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.setSpacing(0)
        row = self._row = QHBoxLayout()
        row.setSpacing(MARGIN)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        row.addStretch(1)

        reader_frame = QFrame()
        reader_frame.setObjectName("readerFrame")
        reader_frame.setFixedSize(self.fit.reader)
        self.reader_frame = reader_frame
        show_text(reader_frame, t("顔認証付きカードリーダーの画面"), "setAccessibleName")
        column = QVBoxLayout(reader_frame)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(0)
        self.status_bar = plain_label()
        show_text(self.status_bar, translated(self._status) or t("マイナ受付シミュレータ"))
        self.status_bar.setObjectName("statusBar")
        self.status_bar.setWordWrap(True)  # a long reader name wraps rather than being cut off
        column.addWidget(self.status_bar)
        self.practice_date = plain_label()  # a scenario dated another day says so on the reader itself
        self.practice_date.setObjectName("practiceDate")
        self.practice_date.setWordWrap(True)
        show_text(self.practice_date, t("練習の日付"), "setAccessibleName")
        column.addWidget(self.practice_date)
        self._show_practice_date()
        self.notice = plain_label()
        self.notice.setObjectName("cardNotice")
        self.notice.setWordWrap(True)
        show_text(self.notice, t("カードの扱い"), "setAccessibleName")
        self.notice.hide()
        column.addWidget(self.notice)
        self.alert = plain_label()
        self.alert.setObjectName("alert")
        self.alert.setWordWrap(True)
        show_text(self.alert, t("お知らせ"), "setAccessibleName")
        self.alert.hide()
        column.addWidget(self.alert)
        self.stack = QStackedWidget()
        # Screens are built the first time they are needed: start-up pays for the idle screen only.
        self.screens = _Screens(self._build_screen)
        column.addWidget(self.stack)
        row.addWidget(reader_frame)

        self.card_picker: CardPicker | None = None
        self.phone_picker: PhonePicker | None = None
        self.pickers: PageSwitch | None = None  # 「カード / スマートフォン」 where there is a phone reader
        self._phones_offered = False
        self.practice: PracticePanel | None = None
        self.side_column: QFrame | None = None
        self._side_holder: QWidget | None = None
        self.leave_full_screen: QPushButton | None = None
        self.console_button: QPushButton | None = None
        if self._side_panels and isinstance(controller.reader, VirtualReader) and personas:
            # Imported here: the side column's widgets cost start-up time that kiosk --check does not need.
            from PySide6.QtCore import Qt

            from mynakiosk.ui.card_picker import CardPicker
            from mynakiosk.ui.practice_panel import PracticePanel

            side = QVBoxLayout()
            side.setSpacing(8)
            self.card_picker = CardPicker(controller.reader, personas)
            self.card_picker.paper_placed.connect(controller.paper_card_placed)
            self.card_picker.paper_removed.connect(controller.paper_card_removed)
            if isinstance(controller.phone_reader, VirtualReader):
                from mynakiosk.ui.phone_picker import PhonePicker

                self.phone_picker = PhonePicker(controller.phone_reader, controller.reader, personas)
                # What the phone's own screen says follows the visit (Face ID is spent on one reading).
                controller.snapshot_changed.connect(self.phone_picker.refresh)
                # The cards and the phones share one place, one shown at a time: one above the other, the
                # phones' buttons were below the fold at 1366×768 and a phone visit needed a scroll.
                self.pickers = PageSwitch(
                    [(t("カード"), self.card_picker), (t("スマートフォン"), self.phone_picker)]
                )
                show_text(self.pickers.bar, t("カードかスマートフォンか"), "setAccessibleName")
                self._offer_phones()
                side.addWidget(self.pickers)
            else:
                side.addWidget(self.card_picker)
            if controller.scenario is not None:
                self.practice = PracticePanel(controller)
                side.addWidget(self.practice, 1)
            holder = QWidget()
            holder.setLayout(side)
            self._side_holder = holder
            scroll = FittingScrollArea(holder)  # the side column scrolls
            column_frame = self.side_column = QFrame()
            column_frame.setFrameShape(QFrame.Shape.StyledPanel)
            column = QVBoxLayout(column_frame)
            column.setContentsMargins(1, 1, 1, 1)
            column.setSpacing(0)
            column.addWidget(scroll, 1)
            if self.practice is not None:
                # The hint stays in sight under the scrolling part, in a room as tall as the longest hint
                # (_reserve_hint_room): the card list and its buttons above never move as the hint changes
                # with each screen, and a new hint does not lay out the whole column again (that cost ~17 ms
                # per card placed). Keyboard focus starts in the scrolling part; the hint's check box follows.
                column.addWidget(self.practice.hint_area)
                hint_layout = self.practice.hint_area.layout()
                assert isinstance(hint_layout, QVBoxLayout)
                hint_layout.addStretch(1)  # the room's spare height under the hint, not between its lines
                QWidget.setTabOrder(scroll, self.practice.show_hints)
            # In full screen there is no menu: a way back for a touch, at the foot of the column.
            self.leave_full_screen = QPushButton()
            self.leave_full_screen.setObjectName("staff")
            show_text(self.leave_full_screen, t("全画面表示を終わる（F11）"))
            self.leave_full_screen.clicked.connect(lambda: self.full_screen.setChecked(False))
            self.leave_full_screen.hide()
            column.addWidget(self.leave_full_screen)
            # With one screen the staff console is behind the full-screen reader: a way to it (F12 too).
            self.console_button = QPushButton()
            self.console_button.setObjectName("staff")
            show_text(self.console_button, t("資格確認端末を前に出す（F12）"))
            self.console_button.clicked.connect(self.show_staff_console)
            self.console_button.hide()
            column.addWidget(self.console_button)
            self._size_side_column()
            row.addWidget(column_frame, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.setCentralWidget(central)

    def _language_changed(self) -> None:
        if self._language != i18n.language():
            self._retranslate()

    def _retranslate(self) -> None:
        """Word every text again in the new language, in place: nothing is rebuilt, so the visit, the digits
        on the keypad, the consent answers and the choices beside the reader simply stay."""
        self._language = i18n.language()
        self._set_menu_texts()
        retranslate(self)  # every text given through show_text: the reader's screens, the side column
        self._fit_bar_warnings()  # a warning in another language has another number of lines
        if self.practice is not None:
            self.practice.retranslate()
        self._size_side_column()  # the hint's room and the card buttons' row, for the new words
        snapshot = self.controller.snapshot
        self._show_notices(snapshot)
        self.current_screen.retranslate(snapshot)
        self._speak(snapshot)  # spoken again, in the new language

    def _results_problem(self, text: str) -> None:
        """Result files not written: said in the window's status bar, for staff (the patient saw 受付完了)."""
        self.results_warning = self._bar_warning(
            self.results_warning, text, "resultsWarning", t("結果ファイルの警告")
        )

    def show_reader_warning(self, text: str) -> None:
        """A problem of the reader's set-up (vpcd open to the network), in the status bar for staff."""
        self.reader_warning = self._bar_warning(
            self.reader_warning, text, "readerWarning", t("カードリーダーの警告")
        )

    def _bar_warning(self, label: QLabel | None, text: str, name: str, accessible: str) -> QLabel | None:
        """Say ``text`` (a marked text; "" for nothing) in the status bar's ``label``, made on first use.

        The bar exists only while there is something to say, so the window keeps its size otherwise.
        """
        if label is None:
            if not text:
                return None
            label = plain_label()
            label.setObjectName(name)
            label.setWordWrap(True)
            show_text(label, accessible, "setAccessibleName")
            self.statusBar().addWidget(label, 1)
            self.statusBar().setSizeGripEnabled(False)
        show_text(label, translated(text))  # worded again by a language switch
        label.setVisible(bool(text))
        shown = [w for w in (self.results_warning, self.reader_warning, label) if w is not None and w.text()]
        self._fit_bar_warnings(label)
        if self.statusBar().isVisibleTo(self) != bool(shown):
            self.statusBar().setVisible(bool(shown))
        self.fit_to_screen()  # the bar takes its height from the reader's, not from off the screen
        return label

    def _fit_bar_warnings(self, *labels: QLabel | None) -> None:
        """The status bar sizes itself by its labels' size hints, not their height for the window's width:
        give each wrapped warning the height its lines need, so that none is cut off."""
        made = [label for label in labels or (self.results_warning, self.reader_warning) if label is not None]
        if not made:
            return  # no warning yet: statusBar() would make an empty bar, 24 px taken from the screen
        width = self.statusBar().width() if self.statusBar().width() > 100 else self.sizeHint().width()
        for label in made:
            fit_label_height(label, width - 4)

    def _reader_status(self, text: str) -> None:
        self._status = text
        show_text(self.status_bar, translated(text))

    def _build_screen(self, state: State) -> Screen:
        """Make the screen for ``state``, send its intents to the controller and add it to the stack."""
        screen = screen_type(state)()
        screen.intent.connect(self.controller.handle)
        self._designed_layouts[screen] = (screen.layout_.contentsMargins(), screen.layout_.spacing())
        self._fit_screen(screen)
        if isinstance(screen, PinScreen):
            screen.activity.connect(self.controller.touch)
            screen.activity.connect(lambda: self.speaker.say(pin_progress(screen.entered_count)))
        if isinstance(screen, VisualCheckScreen):
            screen.show_practice_password(self._practice_password())
        self.stack.addWidget(screen)
        return screen

    def build_all_screens(self) -> None:
        """Make every screen now (tests that look at all of them, the screenshot script)."""
        for state in State:
            _ = self.screens[state]

    def _build_menu(self) -> None:
        """表示 (Alt+V): large text, high contrast, spoken guidance; 言語 (Alt+L): 日本語 / English. Any time."""
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.setToolTipsVisible(True)  # why spoken guidance is not available here
        self.large_text = QAction(self, checkable=True)
        self.high_contrast = QAction(self, checkable=True)
        self.speech = QAction(self, checkable=True)
        self.speech.setEnabled(self.speaker.available)
        for action in (self.large_text, self.high_contrast):
            action.toggled.connect(self._restyle)
            self.view_menu.addAction(action)
        self.speech.toggled.connect(self._toggle_speech)
        self.view_menu.addAction(self.speech)
        self.view_menu.addSeparator()
        self.full_screen = QAction(self, checkable=True)
        # By name: setShortcut(QKeySequence) makes PySide build the whole Qt namespace (~90 enums) to match
        # its overloads, a tenth of start-up (docs/performance.md).
        set_by_name(self.full_screen, shortcut="F11")
        self.full_screen.toggled.connect(self._show_full_screen)
        self.view_menu.addAction(self.full_screen)
        self.addAction(self.full_screen)  # F11 also works in full screen, where the menu bar is hidden
        self.console_action = QAction(self)
        set_by_name(self.console_action, shortcut="F12")  # by name, as F11 above
        self.console_action.triggered.connect(self.show_staff_console)
        self.view_menu.addAction(self.console_action)
        self.addAction(self.console_action)  # F12 in full screen too
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            # Not QAction(name, self): matching that overload builds QIcon.ThemeIcon's enum (~2 ms at start-up).
            action = QAction(self, checkable=True)
            action.setText(name)  # each language in its own words
            action.setChecked(code == i18n.language())
            action.setEnabled(language.available(code))
            action.triggered.connect(lambda _on=False, code=code: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.languages[code] = action
        self._set_menu_texts()

    def _set_menu_texts(self) -> None:
        self.view_menu.setTitle(t("表示(&V)"))
        self.large_text.setText(t("大きな文字(&L)"))
        self.high_contrast.setText(t("ハイコントラスト(&H)"))
        if self.speaker.available:
            self.speech.setText(t("音声案内(&S)"))
        else:
            # Said plainly for a clinic or a family; the missing part is named for whoever installs it.
            self.speech.setText(t("音声案内（このパソコンでは使えません）"))
            self.speech.setToolTip(t("読み上げの部品（PySide6-Addons の QtTextToSpeech）が入っていません"))
        self.full_screen.setText(t("全画面表示（リーダーだけ）(&F)"))
        self.console_action.setText(t("資格確認端末を前に出す(&C)"))
        self.language_menu.setTitle(t("言語 / Language(&G)"))
        for code, action in self.languages.items():
            action.setChecked(code == i18n.language())
            if not action.isEnabled():
                action.setToolTip(t("翻訳ファイルがありません（scripts/run で作られます）"))

    def set_language(self, code: str) -> None:
        """Switch the whole UI to ``code``; the visit in progress goes on, its screen worded in the new language."""
        language.switch(code)

    def _chrome(self) -> QSize:
        """What the window needs around its central widget: the frame, the menu bar and the status bar."""
        if self.full_screen.isChecked():
            return QSize(0, 0)  # not QSize(): that is -1 × -1, and a pixel too tall is no longer full screen
        frame = self.frameGeometry().size() - self.geometry().size() if self.isVisible() else QSize(0, 0)
        height = self.menuBar().sizeHint().height()
        bar = self.findChild(QStatusBar)  # not statusBar(), which would make one
        if bar is not None and bar.isVisibleTo(self):
            height += bar.sizeHint().height()
        return QSize(
            max(frame.width(), FRAME_ALLOWANCE.width()),
            max(frame.height(), FRAME_ALLOWANCE.height()) + height,
        )

    def fit_to_screen(self) -> None:
        """Size the reader and the side column for the screen the window is on, in the look in force, and
        the window to them: larger or smaller, as the look or the screen changed."""
        if self._fitting:
            return  # a resize below that changes the window's state, say
        self._fitting = True
        try:
            self._fit_to_screen()
        finally:
            self._fitting = False

    def _fit_to_screen(self) -> None:
        area = self.screen_area()
        if area is not None and self.full_screen.isChecked():
            on = self.screen()
            area = on.geometry() if on is not None else area  # no panel over a full-screen window
        look = theme.current()
        side = self.side_column is not None and not self._side_apart_width
        fit = plan_fit(area.size() if area is not None else None, look.scale, self._chrome(), side=side)
        if fit.compact != look.compact:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            theme.apply(app, look.with_compact(fit.compact))
            look = theme.current()
        self.fit = fit
        self.reader_frame.setFixedSize(fit.reader)
        self._row.setSpacing(fit.margin)
        self._outer.setContentsMargins(fit.margin, fit.margin, fit.margin, fit.margin)
        for screen in self._designed_layouts:
            self._fit_screen(screen)
        self._size_side_column()
        if not self.full_screen.isChecked():
            self._outer.activate()
            layout = self.layout()
            if layout is not None:
                layout.activate()
            # As large as the content, both ways: turning large text off shrinks the window back. Fixed, so
            # that a window manager restoring an older geometry (leaving full screen) cannot make it larger.
            size = self.minimumSizeHint()
            self.setFixedSize(size)
            self.resize(size)  # setFixedSize alone left it taller once a status bar had just been added
            if area is not None and self.isVisible():
                keep_inside(self, area)

    def _fit_screen(self, screen: Screen) -> None:
        """A screen's own margins and spacing: as designed, or tighter in the compact look."""
        margins, spacing = self._designed_layouts[screen]
        if self.fit.compact:
            margins = QMargins(
                min(margins.left(), COMPACT_SCREEN_MARGINS.left()),
                min(margins.top(), COMPACT_SCREEN_MARGINS.top()),
                min(margins.right(), COMPACT_SCREEN_MARGINS.right()),
                min(margins.bottom(), COMPACT_SCREEN_MARGINS.bottom()),
            )
            spacing = min(spacing, COMPACT_SCREEN_SPACING)
        screen.layout_.setContentsMargins(margins)
        screen.layout_.setSpacing(spacing)

    def _size_side_column(self) -> None:
        """As tall as the reader (in a window of its own: as its content), as wide as the fit allows."""
        if self.side_column is None or self._side_holder is None:
            return
        width = self._side_apart_width or self.fit.side_width
        self._reserve_hint_room(width - 2)
        if self._side_apart_width:
            self.side_column.setFixedWidth(width)
            self.side_column.setMinimumHeight(0)
            self.side_column.setMaximumHeight(QWIDGETSIZE_MAX)
        else:
            self.side_column.setFixedSize(width, self.fit.reader.height())
        self._side_holder.setFixedWidth(
            width - 20
        )  # room for the vertical scroll bar: text wraps, never clips
        if self.card_picker is not None:
            side = self._side_holder.layout()
            assert side is not None
            margins = side.contentsMargins()
            for picker in (self.card_picker, self.phone_picker):
                if picker is not None:
                    picker.ensurePolished()
                    picker.arrange_buttons(width - 20 - margins.left() - margins.right())

    def _reserve_hint_room(self, width: int) -> None:
        """The hint's room as tall as the longest hint at ``width``, in the language and look in force:
        nothing above or below it moves when the screen, and with it the hint, changes."""
        if self.practice is None:
            return
        area, label = self.practice.hint_area, self.practice.hint
        area.ensurePolished()
        label.ensurePolished()
        layout = area.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        shown = label.text()
        tallest = 0
        # An adult's card shows a state's adult_hint instead (ui/practice_panel.py): its room counts too.
        for hint in {text for state in State for text in (STATES[state].hint, STATES[state].adult_hint)}:
            if hint:
                label.setText(translated(hint))
                tallest = max(tallest, label.heightForWidth(inner))
        label.setText(shown)
        check = self.practice.show_hints.parentWidget()
        check_height = check.heightForWidth(inner) if check is not None else 0
        spacing = layout.spacing()
        area.setFixedHeight(margins.top() + check_height + spacing + tallest + margins.bottom())

    def _restyle(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply_theme(
            app,
            large_text=self.large_text.isChecked(),
            high_contrast=self.high_contrast.isChecked(),
            compact=theme.current().compact,  # kept, then decided again for the new scale by fit_to_screen
        )

    def _fit_to_look(self) -> None:
        """The look changed (here or elsewhere): the geometry follows its scale and the screen.

        Not in a window closed since it was shown: it would set the compact look for a screen no one sees
        (showing it again fits it again).
        """
        self._fit_bar_warnings()
        if self.isVisible() or not self._shown:
            self.fit_to_screen()

    def showEvent(self, event: object) -> None:
        """Shown: the real screen and frame are known now; a move to another screen fits the window again."""
        super().showEvent(event)  # type: ignore[arg-type]
        self._shown = True
        handle = self.windowHandle()
        if handle is not None and not getattr(self, "_watching_screen", False):
            self._watching_screen = True
            handle.screenChanged.connect(lambda _screen: self.fit_to_screen())
        self.fit_to_screen()

    def _restored(self) -> None:
        """Out of full screen, once the window is no longer the size of its screen: menu bar and fit back.

        Called on leaving full screen and then at each resize of the window until it is restored: fitted
        once the window manager has given back the earlier geometry. Fixing the size (or showing the menu
        bar, which makes the content taller than the screen) before then, right after ``showNormal``, left
        the window frameless at the screen's corner (openbox) or full screen. The resizes are watched only
        meanwhile, not by a ``resizeEvent`` override, which set up ``QEvent`` at start-up (widgets.py).
        """
        screen = self.screen()
        full = screen.geometry().size() if screen is not None else None
        if self._restoring and not self.isFullScreen() and self.size() != full:
            self._restoring = False
            if self._resize_watcher is not None:
                self.removeEventFilter(self._resize_watcher)
            self.menuBar().show()
            # Back where it was: a window manager gives the size back before the place (openbox: the first
            # resize still reports the full-screen corner), and fitting then kept it at that corner.
            if self._normal_place is not None:
                self.move(self._normal_place)
            self.fit_to_screen()

    def _show_full_screen(self, on: bool) -> None:
        """全画面表示: the reader alone, full screen (a touch monitor); the side column and the staff console in
        windows of their own on another screen. Off: all back in one window.

        With one screen the side column stays beside the reader in the full-screen window: a window manager
        keeps the focused full-screen window above every other, so a window of its own would vanish at the
        first touch of the reader.
        """
        other = self._other_screen()
        if self.leave_full_screen is not None:
            self.leave_full_screen.setVisible(on)
        if self.console_button is not None:
            # Only where the console shares the reader's screen: with two, it is on the other one, in sight.
            self.console_button.setVisible(on and other is None and self.staff_console is not None)
        if on:
            if not self.isFullScreen():  # (already full screen, its place is the screen's corner)
                self._normal_place = self.pos()
            self.menuBar().hide()
            self.setMinimumSize(0, 0)
            self.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
            self.showFullScreen()
            if self.side_column is not None and other is not None:
                window = self._side_window()
                self._side_layout.insertWidget(0, self.side_column)
                self._side_apart_width = round(SIDE_WIDTH * theme.current().scale)
                self.fit_to_screen()
                area = other.availableGeometry()
                height = min(window.sizeHint().height(), area.height() - FRAME_ALLOWANCE.height())
                window.resize(window.sizeHint().width(), height)
                self._place(window, area)
                window.show()
            else:
                self.fit_to_screen()
            if self.staff_console is not None and other is not None:
                self._place(self.staff_console, other.availableGeometry(), left=True)
        else:
            if self.side_window is not None and self.side_column is not None and self._side_apart_width:
                self._row.insertWidget(2, self.side_column, 0, self._align_top())
                self.side_column.show()  # now, not when the layout's queued show comes: fitted just below
                self.side_window.hide()
            self._side_apart_width = 0
            self._restoring = True  # the menu bar and the fit follow once restored (_restored)
            if self._resize_watcher is None:
                from PySide6.QtCore import QEvent

                self._resize_watcher = EventWatcher(QEvent.Type.Resize, self._restored, self)
            self.installEventFilter(self._resize_watcher)
            self.showNormal()
            self._restored()  # now, where no window manager is to restore it (the size did not change)

    @property
    def staff_console(self) -> QWidget | None:
        """The staff console's window (app.run_gui sets it; none with ``--no-staff-console``)."""
        return self._staff_console

    @staff_console.setter
    def staff_console(self, console: QWidget | None) -> None:
        self._staff_console = console
        self.console_action.setEnabled(console is not None)

    def show_staff_console(self) -> None:
        """The staff console (資格確認端末) in front and focused: in full screen on one screen it is otherwise
        behind the reader with no way to it. A window manager keeps a full-screen window above others only
        while it has the focus (EWMH, "Stacking order": https://specifications.freedesktop.org/wm-spec/latest/),
        so focusing the console brings it up; a touch on the reader brings the reader back."""
        console = self.staff_console
        if console is None:
            return
        if console.isMinimized():
            console.showNormal()
        console.show()
        console.raise_()
        console.activateWindow()

    def _other_screen(self) -> QScreen | None:
        """Another screen than the reader's (the clinic's desk monitor), if there is one."""
        mine = self.screen()
        others = [screen for screen in QGuiApplication.screens() if screen is not mine]
        return others[0] if others else None

    @staticmethod
    def _place(window: QWidget, area: QRect, *, left: bool = False) -> None:
        """At the top of ``area``, at its right edge (or left)."""
        x = area.left() if left else max(area.left(), area.right() - window.frameGeometry().width())
        window.move(x, area.top())

    @staticmethod
    def _align_top() -> Qt.AlignmentFlag:
        from PySide6.QtCore import Qt

        return Qt.AlignmentFlag.AlignTop

    def _side_window(self) -> QWidget:
        """The side column's window in full screen when there is another screen to put it on (made once)."""
        if self.side_window is None:
            from PySide6.QtCore import Qt

            window = QWidget(self, Qt.WindowType.Window)
            show_text(window, t("練習用のカードと家族で練習"), "setWindowTitle")
            layout = self._side_layout = QVBoxLayout(window)
            layout.setContentsMargins(COMPACT_MARGIN, COMPACT_MARGIN, COMPACT_MARGIN, COMPACT_MARGIN)
            window.addAction(self.full_screen)
            self.side_window = window
        return self.side_window

    def _toggle_speech(self, on: bool) -> None:
        self.speaker.enabled = on
        if on:
            self._speak(self.controller.snapshot)

    def _speak(self, snapshot: Snapshot) -> None:
        screen = self.screens[snapshot.state]
        joiner = "" if i18n.language() == "ja" else " "  # a title's line break is no pause in Japanese
        parts = (screen.title.text().replace("\n", joiner), translated(snapshot.message))
        self.speaker.say(t("{first}。{second}", first=parts[0], second=parts[1]) if parts[1] else parts[0])

    def _practice_password(self) -> str:
        """The 目視モード用パスワード to show someone practising; "" outside practice (no practice column)."""
        return self.controller.reception.clinic.visual_check_password if self.practice is not None else ""

    def _scenario_changed(self, _scenario: object) -> None:
        visual = self.screens.get(State.VISUAL_CHECK)  # get(): not built just for this
        if isinstance(visual, VisualCheckScreen):
            visual.show_practice_password(self._practice_password())
        if self.card_picker is not None:
            self.card_picker.set_personas(self.controller.personas)
        if self.phone_picker is not None:
            self.phone_picker.set_personas(self.controller.personas)
            self._offer_phones()
        self._show_practice_date()

    def _offer_phones(self) -> None:
        """「カード / スマートフォン」 offered where someone in the scenario has a phone; a scenario that brings the
        first phones shows them (it is about phones), later scenario changes (a what-if) keep the choice."""
        if self.pickers is None or self.phone_picker is None:
            return
        phones = bool(self.phone_picker.personas)
        if phones and not self._phones_offered:
            focus = self.focusWidget()
            self.pickers.show_page(1)
            if focus is not None and self.card_picker is not None and self.card_picker.isAncestorOf(focus):
                # Qt hands the focus of a hidden button to the next one, a phone's 「かざす」, where a stray
                # Space would hold the phone: it goes to the switch's 「スマートフォン」 instead (harmless).
                self.pickers.buttons[1].setFocus()
        self._phones_offered = phones
        self.pickers.offer(phones)
        # The switch's words name the page: a heading above it too would only push the buttons down.
        if self.card_picker is not None:
            self.card_picker.in_switch(phones)
        self.phone_picker.heading.hide()

    def _show_practice_date(self) -> None:
        scenario = self.controller.scenario
        note = scenario.date_note if scenario is not None else ""
        show_text(self.practice_date, translated(note))
        self.practice_date.setVisible(bool(note))

    @property
    def pin_screen(self) -> PinScreen:
        screen = self.screens[State.PIN_ENTRY]
        assert isinstance(screen, PinScreen)
        return screen

    @property
    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def _show_notices(self, snapshot: Snapshot) -> None:
        show_text(self.notice, translated(snapshot.notice))
        self.notice.setVisible(bool(snapshot.notice))
        show_text(self.alert, translated(snapshot.alert))
        self.alert.setVisible(bool(snapshot.alert))

    def _show_to_staff(self, screen: VisualCheckScreen) -> None:
        """目視確認: staff type the clinic's password next, so its field has the keys, and the reader is in front.

        Started from the staff console, which covers most of the reader at 1366×768, the prompt came up behind
        it with the keys still in the console. A text field, not a button, so no leftover Enter answers for
        the patient (the keyboard rule, docs/architecture.md).
        """
        screen.password.setFocus()
        if not self.isActiveWindow():
            self.raise_()
            self.activateWindow()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self._show_notices(snapshot)
        screen = self.screens[snapshot.state]
        screen.show_snapshot(snapshot)
        changed = self.stack.currentWidget() is not screen
        # The keyboard rule (docs/architecture.md): a screen comes up with no button focused, so a leftover
        # Enter or Space presses nothing on it — the screen itself takes the focus that was in the reader
        # (Qt would hand it to the new screen's first button); focus in the side column stays there.
        focus = self.focusWidget()
        in_reader = focus is not None and (focus is self.stack or self.stack.isAncestorOf(focus))
        self.stack.setCurrentWidget(screen)
        if changed and isinstance(screen, VisualCheckScreen):
            self._show_to_staff(screen)
        elif changed and in_reader:
            screen.setFocus()
        if changed or snapshot.message:
            self._speak(snapshot)
