"""The kiosk window: a portrait reader screen (a stack of screens) and, for virtual cards, a card picker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mynakiosk import i18n
from mynakiosk.flow.machine import State
from mynakiosk.i18n import t, translated
from mynakiosk.ui import language, theme
from mynakiosk_hardware.readers.virtual import VirtualReader

if TYPE_CHECKING:
    from collections.abc import Callable

    from mynakiosk.flow.reception import Snapshot
    from mynakiosk.personas import Persona
    from mynakiosk.ui.card_picker import CardPicker
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.phone_picker import PhonePicker
    from mynakiosk.ui.practice_panel import PracticePanel
from mynakiosk.ui.screens import PinScreen, Screen, VisualCheckScreen, screen_type
from mynakiosk.ui.speech import Speaker, pin_progress
from mynakiosk.ui.widgets import FittingScrollArea, plain_label, retranslate, show_text

READER_SIZE = (600, 860)  # portrait, like the reader's touch panel; times the theme's scale in large text
SIDE_WIDTH = 400  # the practice column beside it, scrollbar included


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
        self._build_menu()
        self._build_central()
        controller.snapshot_changed.connect(self.show_snapshot)
        controller.scenario_changed.connect(self._scenario_changed)
        controller.reader_status.connect(self._reader_status)
        controller.results_problem.connect(self._results_problem)
        language.notifier.changed.connect(self._language_changed)
        theme.notifier.changed.connect(self._fit_to_look)
        self.show_snapshot(controller.snapshot)
        self._results_problem(controller.results_problem_text)

    def _build_central(self) -> None:
        """Build the widgets, once: a language switch words them again in place (``_retranslate``)."""
        controller = self.controller
        personas = self._personas if self._personas is not None else controller.personas
        self._language = i18n.language()
        show_text(
            self, translated(self._title) if self._title else t("マイナ受付シミュレータ"), "setWindowTitle"
        )
        central = QWidget()
        # The row sits at the top of a taller window (a stretch below it, not Qt.AlignTop: kiosk.ui.widgets).
        outer = QVBoxLayout(central)
        outer.setContentsMargins(16, 16, 16, 16)
        row = QHBoxLayout()
        row.setSpacing(16)
        outer.addLayout(row)
        outer.addStretch(1)

        reader_frame = QFrame()
        reader_frame.setObjectName("readerFrame")
        reader_frame.setFixedSize(*self._reader_size())
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
        self.practice: PracticePanel | None = None
        self.side_column: QFrame | None = None
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
            side.addWidget(self.card_picker)
            if isinstance(controller.phone_reader, VirtualReader):
                from mynakiosk.ui.phone_picker import PhonePicker

                self.phone_picker = PhonePicker(controller.phone_reader, controller.reader, personas)
                # What the phone's own screen says follows the visit (Face ID is spent on one reading).
                controller.snapshot_changed.connect(self.phone_picker.refresh)
                side.addWidget(self.phone_picker)
            if controller.scenario is not None:
                self.practice = PracticePanel(controller)
                side.addWidget(self.practice, 1)
            holder = QWidget()
            holder.setLayout(side)
            self._side_holder = holder
            scroll = FittingScrollArea(holder)  # the side column scrolls
            column_frame = self.side_column = QFrame()
            column_frame.setFrameShape(QFrame.Shape.StyledPanel)
            self._size_side_column()
            column = QVBoxLayout(column_frame)
            column.setContentsMargins(1, 1, 1, 1)
            column.setSpacing(0)
            column.addWidget(scroll, 1)
            if self.practice is not None:
                # The hint stays in sight above the scrolling part, and a new hint at each screen does not
                # lay out the whole column again (that cost ~17 ms per card placed). Keyboard focus still
                # starts in the scrolling part; the hint's check box follows it.
                column.insertWidget(0, self.practice.hint_area)
                QWidget.setTabOrder(scroll, self.practice.show_hints)
            row.addWidget(column_frame, 0, Qt.AlignmentFlag.AlignTop)
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
        self.statusBar().setVisible(bool(shown))
        self._fit_bar_warnings(label)
        return label

    def _fit_bar_warnings(self, *labels: QLabel | None) -> None:
        """The status bar sizes itself by its labels' size hints, not their height for the window's width:
        give each wrapped warning the height its lines need, so that none is cut off."""
        width = self.statusBar().width() if self.statusBar().width() > 100 else self.sizeHint().width()
        for label in labels or (self.results_warning, self.reader_warning):
            if label is not None:
                label.setMinimumHeight(label.heightForWidth(width - 4) if label.text() else 0)

    def _reader_status(self, text: str) -> None:
        self._status = text
        show_text(self.status_bar, translated(text))

    def _build_screen(self, state: State) -> Screen:
        """Make the screen for ``state``, send its intents to the controller and add it to the stack."""
        screen = screen_type(state)()
        screen.intent.connect(self.controller.handle)
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
        self.large_text = QAction(self, checkable=True)
        self.high_contrast = QAction(self, checkable=True)
        self.speech = QAction(self, checkable=True)
        self.speech.setEnabled(self.speaker.available)
        for action in (self.large_text, self.high_contrast):
            action.toggled.connect(self._restyle)
            self.view_menu.addAction(action)
        self.speech.toggled.connect(self._toggle_speech)
        self.view_menu.addAction(self.speech)
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
            self.speech.setText(t("音声案内（PySide6-Addons が必要です）"))
        self.language_menu.setTitle(t("言語 / Language(&G)"))
        for code, action in self.languages.items():
            action.setChecked(code == i18n.language())
            if not action.isEnabled():
                action.setToolTip(t("翻訳ファイルがありません（scripts/run で作られます）"))

    def set_language(self, code: str) -> None:
        """Switch the whole UI to ``code``; the visit in progress goes on, its screen worded in the new language."""
        language.switch(code)

    def _reader_size(self) -> tuple[int, int]:
        scale = theme.current().scale
        return round(READER_SIZE[0] * scale), round(READER_SIZE[1] * scale)

    def _size_side_column(self) -> None:
        """As tall as the reader; as much wider as its text is larger."""
        if self.side_column is None:
            return
        width = round(SIDE_WIDTH * theme.current().scale)
        self.side_column.setFixedSize(width, self._reader_size()[1])
        self._side_holder.setFixedWidth(
            width - 20
        )  # room for the vertical scroll bar: text wraps, never clips

    def _restyle(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply_theme(
            app, large_text=self.large_text.isChecked(), high_contrast=self.high_contrast.isChecked()
        )

    def _fit_to_look(self) -> None:
        """The look changed (here or elsewhere): the fixed geometry follows its scale."""
        self.reader_frame.setFixedSize(*self._reader_size())
        self._size_side_column()
        self._fit_bar_warnings()

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
        self._show_practice_date()

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

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self._show_notices(snapshot)
        screen = self.screens[snapshot.state]
        screen.show_snapshot(snapshot)
        changed = self.stack.currentWidget() is not screen
        self.stack.setCurrentWidget(screen)
        if changed or snapshot.message:
            self._speak(snapshot)
