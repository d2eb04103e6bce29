"""The kiosk window: a portrait reader screen (a stack of screens) and, for virtual cards, a card picker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hardware.readers.virtual import VirtualReader
from kiosk.flow.machine import State
from kiosk.flow.reception import Snapshot
from kiosk.ui.controller import FlowController

if TYPE_CHECKING:
    from kiosk.personas import Persona
    from kiosk.ui.card_picker import CardPicker
    from kiosk.ui.practice_panel import PracticePanel
from kiosk.ui.screens import (
    SCREEN_TYPES,
    ChoiceScreen,
    ConsentDetailScreen,
    FaceScreen,
    FallbackScreen,
    MethodSelectScreen,
    PinScreen,
    Screen,
    VisualCheckScreen,
)
from kiosk.ui.speech import Speaker, pin_progress
from kiosk.ui.theme import apply_theme

READER_SIZE = (600, 860)  # portrait, like the reader's touch panel


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
        personas = personas if personas is not None else controller.personas
        super().__init__()
        self.controller = controller
        self.setWindowTitle(title or "マイナ受付シミュレータ")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(16)

        reader_frame = QFrame()
        reader_frame.setObjectName("readerFrame")
        reader_frame.setFixedSize(*READER_SIZE)
        self.reader_frame = reader_frame
        reader_frame.setAccessibleName("顔認証付きカードリーダーの画面")
        column = QVBoxLayout(reader_frame)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(0)
        self.status_bar = QLabel("マイナ受付シミュレータ")
        self.status_bar.setObjectName("statusBar")
        column.addWidget(self.status_bar)
        self.notice = QLabel()
        self.notice.setObjectName("cardNotice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("カードの扱い")
        self.notice.hide()
        column.addWidget(self.notice)
        self.alert = QLabel()
        self.alert.setObjectName("alert")
        self.alert.setWordWrap(True)
        self.alert.setAccessibleName("お知らせ")
        self.alert.hide()
        column.addWidget(self.alert)
        self.stack = QStackedWidget()
        # Screens are built the first time they are needed: start-up pays for the idle screen only.
        self.screens = _Screens(self._build_screen)
        column.addWidget(self.stack)
        row.addWidget(reader_frame, 0, Qt.AlignmentFlag.AlignTop)

        self.card_picker: CardPicker | None = None
        self.practice: PracticePanel | None = None
        if side_panels and isinstance(controller.reader, VirtualReader) and personas:
            # Imported here: the side column's widgets cost start-up time that kiosk --check does not need.
            from kiosk.ui.card_picker import CardPicker
            from kiosk.ui.practice_panel import PracticePanel

            side = QVBoxLayout()
            side.setSpacing(8)
            self.card_picker = CardPicker(controller.reader, personas)
            self.card_picker.paper_placed.connect(controller.paper_card_placed)
            self.card_picker.paper_removed.connect(controller.paper_card_removed)
            side.addWidget(self.card_picker)
            if controller.scenario is not None:
                self.practice = PracticePanel(controller)
                side.insertWidget(0, self.practice.hint_area)
                side.addWidget(self.practice, 1)
            holder = QWidget()
            holder.setLayout(side)
            holder.setFixedWidth(380)  # leaves room for the vertical scroll bar: text wraps, never clips
            scroll = QScrollArea()  # the side column scrolls; the reader screen never does
            scroll.setWidget(holder)
            scroll.setWidgetResizable(True)
            scroll.setFixedWidth(400)
            scroll.setFixedHeight(READER_SIZE[1])
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            row.addWidget(scroll, 0, Qt.AlignmentFlag.AlignTop)
        self.setCentralWidget(central)

        self.speaker = Speaker()
        self._build_menu()
        controller.snapshot_changed.connect(self.show_snapshot)
        controller.scenario_changed.connect(self._scenario_changed)
        controller.reader_status.connect(self.status_bar.setText)
        self.show_snapshot(controller.snapshot)

    def _build_screen(self, state: State) -> Screen:
        """Make the screen for ``state``, connect it to the controller and add it to the stack."""
        controller = self.controller
        screen = SCREEN_TYPES[state]()
        if isinstance(screen, MethodSelectScreen):
            screen.pin_chosen.connect(controller.choose_pin)
            screen.visual_requested.connect(controller.request_visual_check)
            screen.face_chosen.connect(controller.choose_face)
        elif isinstance(screen, FaceScreen):
            screen.attempted.connect(controller.face_attempt)
            screen.pin_chosen.connect(controller.switch_to_pin)
            screen.back_pressed.connect(controller.back)
            screen.visual_requested.connect(controller.request_visual_check)
        elif isinstance(screen, FallbackScreen):
            screen.visual_requested.connect(controller.request_visual_check)
        elif isinstance(screen, VisualCheckScreen):
            screen.submitted.connect(controller.submit_visual_check)
            screen.back_pressed.connect(controller.back)
        elif isinstance(screen, PinScreen):
            screen.pin_entered.connect(controller.submit_pin)
            screen.back_pressed.connect(controller.back)
            screen.activity.connect(controller.touch)
            screen.activity.connect(lambda: self.speaker.say(pin_progress(screen.entered_count)))
        elif isinstance(screen, ChoiceScreen):
            screen.chosen.connect(controller.answer)
        elif isinstance(screen, ConsentDetailScreen):
            screen.decided.connect(controller.consent_detail)
            screen.back_pressed.connect(controller.back_to_consent)
        self.stack.addWidget(screen)
        return screen

    def build_all_screens(self) -> None:
        """Make every screen now (tests that look at all of them, the screenshot script)."""
        for state in SCREEN_TYPES:
            _ = self.screens[state]

    def _build_menu(self) -> None:
        """表示: large text, high contrast and spoken guidance, all switchable at any time (keyboard: Alt+V)."""
        menu = self.menuBar().addMenu("表示(&V)")
        self.large_text = QAction("大きな文字(&L)", self, checkable=True)
        self.high_contrast = QAction("ハイコントラスト(&H)", self, checkable=True)
        self.speech = QAction("音声案内(&S)", self, checkable=True)
        if not self.speaker.available:
            self.speech.setEnabled(False)
            self.speech.setText("音声案内（PySide6-Addons が必要です）")
        for action in (self.large_text, self.high_contrast):
            action.toggled.connect(self._restyle)
            menu.addAction(action)
        self.speech.toggled.connect(self._toggle_speech)
        menu.addAction(self.speech)

    def _restyle(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        large = self.large_text.isChecked()
        apply_theme(app, large_text=large, high_contrast=self.high_contrast.isChecked())
        factor = 1.2 if large else 1.0
        self.reader_frame.setFixedSize(round(READER_SIZE[0] * factor), round(READER_SIZE[1] * factor))

    def _toggle_speech(self, on: bool) -> None:
        self.speaker.enabled = on
        if on:
            self._speak(self.controller.snapshot)

    def _speak(self, snapshot: Snapshot) -> None:
        screen = self.screens[snapshot.state]
        self.speaker.say("。".join(t for t in (screen.title.text().replace("\n", ""), snapshot.message) if t))

    def _scenario_changed(self, _scenario: object) -> None:
        if self.card_picker is not None:
            self.card_picker.set_personas(self.controller.personas)

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

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.notice.setText(snapshot.notice)
        self.notice.setVisible(bool(snapshot.notice))
        self.alert.setText(snapshot.alert)
        self.alert.setVisible(bool(snapshot.alert))
        screen = self.screens[snapshot.state]
        screen.show_snapshot(snapshot)
        changed = self.stack.currentWidget() is not screen
        self.stack.setCurrentWidget(screen)
        if changed or snapshot.message:
            self._speak(snapshot)
