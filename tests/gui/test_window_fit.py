"""The window fits the screen it is on (#17): 1366×768 and 1280×800, in every mode, and nothing in the side
column moves while a visit runs. Full screen shows the reader alone.

The offscreen platform's one screen is an 800×600 nobody sees (the window keeps its designed size there), so
these tests give the window the available geometry of the screens they stand for: the screen less a 48 px
panel, as a desktop's taskbar takes (kiosk.ui.main_window.FRAME_ALLOWANCE keeps room for the title bar).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QStatusBar,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from mynakiosk.cli import build_parser
from mynakiosk.domain.identity import FaceCondition
from mynakiosk.domain.practice import WhatIf
from mynakiosk.flow.machine import STATES, State
from mynakiosk.i18n import translated
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.ui import language, theme
from mynakiosk.ui.main_window import FRAME_ALLOWANCE, MIN_SIDE_WIDTH, plan_fit
from mynakiosk.ui.staff_console import StaffConsole
from tests.gui.test_face_and_timeouts import attempt, choose_face
from tests.gui.test_phone import click, make_kiosk, settle, start, type_pin
from tests.gui.test_pin_flow import choose_pin, confirm, finish_visit, place, type_on_keypad
from tests.gui.test_result_files import complete_a_visit

pytestmark = pytest.mark.gui

PANEL = 48  # a taskbar
SCREENS = {"1366x768": QRect(0, 0, 1366, 768 - PANEL), "1280x800": QRect(0, 0, 1280, 800 - PANEL)}
MODES = {
    "normal": ("ja", False),
    "large text": ("ja", True),
    "English": ("en", False),
    "English, large text": ("en", True),
}


@pytest.fixture
def restore_look(qapp):
    yield
    language.switch("ja")
    theme.apply(qapp, theme.Look())


def on_screen(kiosk, area: QRect | None) -> None:
    kiosk.window.screen_area = lambda: area
    kiosk.window.fit_to_screen()
    QApplication.processEvents()


def set_mode(kiosk, code: str, large: bool) -> None:
    kiosk.window.set_language(code)
    kiosk.window.large_text.setChecked(large)
    QApplication.processEvents()


def side_viewport(window) -> QWidget:
    """The side column's scrolling part, as much of it as is in sight."""
    scroll = window.side_column.findChild(QScrollArea)
    assert scroll is not None
    return scroll.viewport()


def inside(widget: QWidget, container: QWidget) -> bool:
    """The whole of ``widget`` is within ``container``'s rectangle (nothing scrolled or cut off)."""
    top_left = widget.mapTo(container, QPoint(0, 0))
    return container.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("scale", [1.0, theme.LARGE_TEXT_FACTOR])
@pytest.mark.parametrize("name", SCREENS)
def test_the_plan_fits_the_available_area(name, scale) -> None:
    area = SCREENS[name]
    chrome = QSize(FRAME_ALLOWANCE.width(), FRAME_ALLOWANCE.height() + 28)  # with a menu bar
    fit = plan_fit(area.size(), scale, chrome, side=True)
    assert fit.compact  # neither screen is tall enough for the reader's designed 860 px
    assert fit.reader.height() + 2 * fit.margin + chrome.height() <= area.height()
    width = fit.reader.width() + fit.side_width + 3 * fit.margin + chrome.width()
    assert width <= area.width()
    assert fit.side_width >= MIN_SIDE_WIDTH


def test_with_no_screen_limit_the_reader_keeps_its_designed_size() -> None:
    fit = plan_fit(None, 1.0, QSize(0, 0), side=True)
    assert (fit.reader.width(), fit.reader.height(), fit.side_width, fit.compact) == (600, 860, 400, False)
    tall = plan_fit(QSize(1920, 1200 - PANEL), 1.0, QSize(16, 68), side=True)
    assert (tall.reader.height(), tall.compact) == (860, False)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_fits_in_every_mode(qtbot, kiosk, restore_look, name, mode) -> None:
    """The window, its frame included, is inside the available area; every screen of the flow fits in the
    reader without scrolling; the card picker's buttons are in sight in the side column."""
    area = SCREENS[name]
    set_mode(kiosk, *MODES[mode])
    on_screen(kiosk, area)
    window = kiosk.window
    assert theme.current().compact
    assert window.width() + FRAME_ALLOWANCE.width() <= area.width()
    assert window.height() + FRAME_ALLOWANCE.height() <= area.height()
    window.build_all_screens()
    # The PIN screens at their fullest: after a wrong PIN, a two-line warning and the tries left.
    for state in (State.PIN_ENTRY, State.PHONE_PIN):
        pin = window.screens[state]
        pin.warning.setText("\n".join(["暗証番号が違います。", "あと2回間違えるとロックされます。"]))
        pin.tries.setText("残り入力回数：2回")
    QApplication.processEvents()
    room = window.stack.height()
    # A screen's minimum height hint: the fallback screen's guidance is in a scroll area, whose hint is small
    # whatever its content; that it fits unscrolled is tested with the fullest guidance in test_fallback_fit.
    too_tall = {
        state.name: window.screens[state].minimumSizeHint().height()
        for state in State
        if window.screens[state].minimumSizeHint().height() > room
    }
    assert not too_tall, f"taller than the reader's {room} px: {too_tall}"
    viewport = side_viewport(window)
    for button in (window.card_picker.place, window.card_picker.take):
        assert inside(button, viewport), button.text()
    for row in window.card_picker.choice_list.rows:
        assert inside(row, viewport)
    assert inside(window.practice.hint_area, window.side_column)


@pytest.mark.parametrize("mode", MODES)
def test_the_face_screen_at_its_fullest_fits(qtbot, kiosk, restore_look, mode) -> None:
    """A child's face not matched: the message, the attempts, 暗証番号に切り替える and 職員用 all in sight."""
    set_mode(kiosk, *MODES[mode])
    on_screen(kiosk, SCREENS["1366x768"])
    place(qtbot, kiosk, "sakura")
    face = choose_face(qtbot, kiosk)
    attempt(qtbot, kiosk, face, FaceCondition.FRONT)
    QApplication.processEvents()
    assert kiosk.state is State.FACE and face.message.text() and face.to_pin.isVisible()
    assert face.minimumSizeHint().height() <= kiosk.window.stack.height()
    for button in (*face.conditions.values(), face.to_pin, face.back, face.staff):
        assert inside(button, kiosk.window.reader_frame), button.text()


@pytest.mark.parametrize("name", SCREENS)
def test_large_text_grows_the_window_and_shrinks_it_back(qtbot, kiosk, restore_look, name) -> None:
    area = SCREENS[name]
    on_screen(kiosk, area)
    window = kiosk.window
    normal = window.size()
    window.large_text.setChecked(True)
    QApplication.processEvents()
    large = window.size()
    assert large.width() > normal.width()
    assert large.height() + FRAME_ALLOWANCE.height() <= area.height()
    assert window.reader_frame.width() == round(600 * theme.LARGE_TEXT_FACTOR)
    window.large_text.setChecked(False)
    QApplication.processEvents()
    assert window.size() == normal


def test_large_text_both_ways_on_a_tall_screen(qtbot, kiosk, restore_look) -> None:
    """Where the designed size fits, normal text is not compact; large text (1075 px) is, and then not again."""
    on_screen(kiosk, QRect(0, 0, 1920, 1200 - PANEL))
    window = kiosk.window
    normal = window.size()
    assert not theme.current().compact and window.reader_frame.height() == 860
    window.large_text.setChecked(True)
    QApplication.processEvents()
    assert theme.current().compact and window.size().height() > normal.height()
    window.large_text.setChecked(False)
    QApplication.processEvents()
    assert not theme.current().compact
    assert window.size() == normal


def test_a_results_warning_takes_its_room_from_the_reader(qtbot, kiosk, restore_look) -> None:
    area = SCREENS["1366x768"]
    on_screen(kiosk, area)
    window = kiosk.window
    before = window.reader_frame.height()
    window._results_problem("結果ファイルを書けませんでした")
    QApplication.processEvents()
    assert window.statusBar().isVisible()
    assert window.reader_frame.height() < before
    assert window.height() + FRAME_ALLOWANCE.height() <= area.height()


def positions(kiosk) -> dict[str, QPoint]:
    picker, practice = kiosk.window.card_picker, kiosk.window.practice
    widgets = {
        "place": picker.place,
        "take": picker.take,
        "reset": picker.reset,
        "hints": practice.show_hints,
    }
    widgets.update({f"card {key}": button for key, button in picker.choices.items()})
    return {name: widget.mapToGlobal(QPoint(0, 0)) for name, widget in widgets.items()}


@pytest.mark.parametrize("area", [None, SCREENS["1366x768"]], ids=["designed size", "1366x768"])
def test_nothing_in_the_side_column_moves_during_a_visit(qtbot, kiosk, restore_look, area) -> None:
    """The hint changes with every screen; the card list and the 置く / 取る buttons stay where they are."""
    on_screen(kiosk, area)
    seen: dict[str, dict[str, QPoint]] = {}
    hints: set[str] = set()

    def note() -> None:
        QApplication.processEvents()
        seen[kiosk.state.name] = positions(kiosk)
        hints.add(kiosk.window.practice.hint.text())

    note()
    place(qtbot, kiosk, "sakura")
    note()
    choose_pin(qtbot, kiosk)
    note()
    type_on_keypad(qtbot, kiosk, "9999")
    confirm(qtbot, kiosk, State.PIN_ENTRY)  # a wrong PIN: the warning and a new hint
    note()
    type_on_keypad(qtbot, kiosk, kiosk.personas["sakura"].practice_pin)
    confirm(qtbot, kiosk, State.CONSENT)
    note()
    finish_visit(qtbot, kiosk)
    note()
    qtbot.mouseClick(kiosk.window.card_picker.take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.state is State.IDLE, timeout=3000)
    note()
    assert len(hints) >= 4  # the hint did change along the way
    first = next(iter(seen.values()))
    moved = {
        f"{state}: {name}": (first[name], where)
        for state, places in seen.items()
        for name, where in places.items()
        if where != first[name]
    }
    assert not moved


@pytest.mark.parametrize("mode", MODES)
def test_the_hint_room_holds_the_longest_hint(qtbot, kiosk, restore_look, mode) -> None:
    """Shown in its room, the longest hint of the flow (a child's or an adult's) is whole: not cut off at the room's bottom."""
    set_mode(kiosk, *MODES[mode])
    practice = kiosk.window.practice
    label, area = practice.hint, practice.hint_area
    margins = area.layout().contentsMargins()
    width = area.width() - margins.left() - margins.right()  # the label's, also while it is hidden
    heights = {}
    for hint in (text for state in State for text in (STATES[state].hint, STATES[state].adult_hint) if text):
        label.setText(translated(hint))  # an adult's card shows the adult hint (ui/practice_panel.py)
        heights[label.text()] = label.heightForWidth(width)
    longest = max(heights, key=lambda text: heights[text])
    size = area.size()
    label.setText(longest)
    label.show()
    QApplication.processEvents()
    assert area.size() == size  # the room did not grow for it
    assert label.width() == width
    assert label.geometry().top() + heights[longest] <= area.height() - margins.bottom()


def test_full_screen_on_one_screen_shows_the_reader_without_menus(qtbot, kiosk, restore_look) -> None:
    window = kiosk.window
    window.full_screen.setChecked(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert not window.menuBar().isVisible()
    # One screen: a window of its own would vanish behind the full-screen one, so the column stays.
    assert window.side_column.window() is window
    assert window.full_screen.shortcut().toString() == "F11"
    window.full_screen.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    assert window.menuBar().isVisible()


def test_full_screen_with_another_screen_moves_the_side_column_to_a_window_of_its_own(
    qtbot, kiosk, restore_look
) -> None:
    window = kiosk.window
    console = QWidget()
    qtbot.addWidget(console)
    console.show()
    window.staff_console = console
    normal = window.size()
    # The offscreen platform has one screen: the window is told the same one is "another".
    window._other_screen = window.screen
    window.full_screen.setChecked(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    side_window = window.side_window
    assert side_window is not None and side_window.isVisible()
    assert window.side_column.window() is side_window
    assert window.reader_frame.window() is window
    place(qtbot, kiosk, "sakura")  # the practice column works from its own window
    assert side_window.windowTitle()
    window.full_screen.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    assert not side_window.isVisible()
    assert window.side_column.window() is window and window.side_column.isVisible()
    assert window.size() == normal


def test_the_command_line_asks_for_full_screen() -> None:
    assert build_parser().parse_args(["--fullscreen"]).fullscreen
    assert not build_parser().parse_args([]).fullscreen


def test_no_status_bar_takes_room_until_there_is_a_warning(qtbot, kiosk, restore_look) -> None:
    """A language switch and the large-text toggle size the bar's warnings: with none, no empty bar may
    appear (it took 24 px of a 1366×768 screen and pushed the window past it)."""
    window = kiosk.window
    set_mode(kiosk, "en", True)
    set_mode(kiosk, "ja", False)
    bar = window.findChild(QStatusBar)
    assert bar is None or not bar.isVisibleTo(window)
    window.show_reader_warning("仮想カードリーダーの警告")  # any marked text
    bar = window.findChild(QStatusBar)
    assert bar is not None and bar.isVisibleTo(window)
    window.show_reader_warning("")
    assert not bar.isVisibleTo(window)


@pytest.fixture
def family(qtbot, aloop, tmp_path):
    """家族で練習 with phones (scenario 40): the 汎用カードリーダー beside the reader, the phone picker."""
    kiosk = make_kiosk(qtbot, tmp_path, "40_phone_family.toml")
    yield kiosk
    kiosk.controller.close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", SCREENS)
def test_a_phone_visit_needs_no_scroll(qtbot, family, restore_look, name, mode) -> None:
    """The cards and the phones share one place, 「カード / スマートフォン」: a scenario with phones opens on the
    phones, and the phones, the phone's screen and a visit's buttons are all in sight without scrolling."""
    set_mode(family, *MODES[mode])
    on_screen(family, SCREENS[name])
    window, phones = family.window, family.phones
    viewport = side_viewport(window)
    assert window.pickers.bar.isVisible() and window.pickers.stack.currentWidget() is phones
    needed = [*window.pickers.buttons, *phones.choice_list.rows, phones.phone_screen]
    # Every phone button, 「スマホのロックを解除」 included (4 px under the fold at 1280×800 in English, large
    # text, until 離す's English was shortened and a visit's three buttons fit in one row).
    needed += [phones.biometric, phones.hold, phones.take, phones.on_face_reader, phones.reset]
    for widget in needed:
        assert inside(widget, viewport), widget.objectName() or type(widget).__name__
    click(qtbot, window.pickers.buttons[0])  # カード: the family's cards in the same place
    assert window.pickers.stack.currentWidget() is window.card_picker
    for widget in (window.card_picker.place, window.card_picker.take, *window.card_picker.choice_list.rows):
        assert inside(widget, viewport)


def test_without_phones_there_is_no_switch(qtbot, family) -> None:
    window = family.window
    family.controller.load_scenario(load_scenario(scenarios_dir() / "01_child_normal_visit.toml"))
    assert not window.pickers.bar.isVisibleTo(window)
    assert window.pickers.stack.currentWidget() is window.card_picker
    assert window.card_picker.heading.isVisibleTo(window)  # 練習用のカード, with no switch to name it
    family.controller.load_scenario(load_scenario(scenarios_dir() / "40_phone_family.toml"))
    assert window.pickers.bar.isVisibleTo(window) and window.pickers.stack.currentWidget() is family.phones
    click(qtbot, window.pickers.buttons[0])
    window.practice.choose_what_if(WhatIf.NEW_PHONE)  # the same family again: the cards stay chosen
    assert window.pickers.stack.currentWidget() is window.card_picker


def phone_positions(kiosk) -> dict[str, QPoint]:
    window, phones = kiosk.window, kiosk.phones
    widgets = {
        "card tab": window.pickers.buttons[0],
        "phone tab": window.pickers.buttons[1],
        "face id": phones.biometric,
        "hold": phones.hold,
        "take": phones.take,
        "on face reader": phones.on_face_reader,
        "reset": phones.reset,
        "hints": window.practice.show_hints,
    }
    widgets.update({f"phone {key}": button for key, button in phones.choices.items()})
    return {name: widget.mapToGlobal(QPoint(0, 0)) for name, widget in widgets.items()}


@pytest.mark.parametrize("area", [None, SCREENS["1366x768"]], ids=["designed size", "1366x768"])
def test_nothing_in_the_side_column_moves_during_a_phone_visit(qtbot, family, restore_look, area) -> None:
    """Android then iPhone: the phone's screen and the hint change; the phones and their buttons stay put."""
    on_screen(family, area)
    seen: dict[str, dict[str, QPoint]] = {}
    hints: set[str] = set()

    def note(step: str) -> None:
        QApplication.processEvents()
        seen[step] = phone_positions(family)
        hints.add(family.window.practice.hint.text())

    phones = family.phones
    note("idle")
    start(qtbot, family, "android")
    note("android pin")
    type_pin(qtbot, family, "1357")
    note("hold")
    phones.select("taro")
    click(qtbot, phones.hold)
    settle(qtbot, family, State.CONSENT)
    note("consent")
    click(qtbot, family.screen.buttons["all"])
    click(qtbot, family.screen.buttons["no"])  # 高額療養費
    click(qtbot, family.screen.buttons["no"])  # 医療費助成 (this clinic asks)
    assert family.state is State.COMPLETE
    note("complete")
    click(qtbot, phones.take)  # taking the phone away ends the finished visit
    qtbot.waitUntil(lambda: family.state is State.IDLE, timeout=3000)
    note("idle again")
    start(qtbot, family, "iphone")
    phones.select("hanako")
    click(qtbot, phones.hold)
    settle(qtbot, family, State.PHONE_NOT_READ)  # no Face ID on the phone yet
    note("not read")
    click(qtbot, phones.take)
    click(qtbot, phones.biometric)
    note("face id passed")
    assert len(hints) >= 3
    first = seen["idle"]
    moved = {
        f"{step}: {name}": (first[name], where)
        for step, places in seen.items()
        for name, where in places.items()
        if where != first[name]
    }
    assert not moved


def text_height(label: QLabel) -> int:
    """The height ``label``'s text needs at its width, measured on a fresh label (no minimum height set)."""
    fresh = QLabel()
    fresh.setFont(label.font())
    fresh.setWordWrap(True)
    fresh.setTextFormat(label.textFormat())
    fresh.setText(label.text())
    return fresh.heightForWidth(label.width())


@pytest.mark.parametrize("area", [None, SCREENS["1366x768"]], ids=["designed size", "1366x768"])
def test_the_explanation_is_as_tall_as_its_text(qtbot, family, restore_look, area) -> None:
    """After a long explanation a short one leaves no blank gap (QLabel's heightForWidth never went below the
    minimum height set for the long one), and a wider column takes its lines in."""
    explanation = family.window.practice.explanation
    family.window.practice.choose_what_if(WhatIf.PHONE_PIN_LOCKED)  # a long one
    long_height = explanation.minimumHeight()
    family.window.practice.choose_what_if(WhatIf.CHILD_PHONE)  # shorter (docs/screens/33)
    on_screen(family, area)
    QApplication.processEvents()
    assert explanation.width() > 100
    needed = text_height(explanation)
    assert needed < long_height
    assert abs(explanation.height() - needed) <= 4, (explanation.height(), needed)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stacking to change
def test_full_screen_on_one_screen_offers_the_staff_console(qtbot, kiosk, restore_look) -> None:
    """On one screen the console is behind the full-screen reader: a button in the side column and F12 bring
    it in front (and focus it, which is what lowers a full-screen window under a window manager)."""
    window = kiosk.window
    assert not window.console_action.isEnabled()  # no console (--no-staff-console): nothing to offer
    console = QWidget()
    qtbot.addWidget(console)
    console.show()
    console.showMinimized()
    window.staff_console = console
    assert window.console_action.isEnabled() and window.console_action.shortcut().toString() == "F12"
    window.full_screen.setChecked(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert window.console_button.isVisible()
    assert inside(window.console_button, window.side_column)
    click(qtbot, window.console_button)
    assert console.isVisible() and not console.isMinimized()
    window.full_screen.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    assert not window.console_button.isVisibleTo(window)  # out of full screen: the menu has it (F12)


def test_the_phone_buttons_are_whole_after_a_scenario_without_phones(qtbot, aloop, tmp_path) -> None:
    """Arranged while a scenario without phones hid them, the phone buttons are still not cut off side by side."""
    kiosk = make_kiosk(qtbot, tmp_path, "01_child_normal_visit.toml")
    try:
        kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "40_phone_family.toml"))
        QApplication.processEvents()
        phones = kiosk.phones
        for button in (phones.biometric, phones.hold, phones.take, phones.on_face_reader, phones.reset):
            assert button.width() >= button.sizeHint().width(), button.text()
    finally:
        kiosk.controller.close()


@pytest.mark.parametrize("mode", MODES)
def test_the_staff_console_is_on_the_screen_frame_included(qtbot, kiosk, restore_look, mode) -> None:
    """At 1366×768 there is no room beside the reader: the console goes to the screen's right edge, and its
    frame (unknown until shown: the offscreen platform adds 2 px a side, as a window manager does) stays on
    the screen; it ran 1 px past the right edge under openbox."""
    set_mode(kiosk, *MODES[mode])
    area = QRect(0, 0, 1366, 768)  # openbox without a panel: the whole screen
    on_screen(kiosk, area)
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.place_beside(kiosk.window, area)
    console.show()
    qtbot.waitExposed(console)
    qtbot.waitUntil(lambda: console.frameGeometry().size() != console.size(), timeout=3000)  # framed
    qtbot.waitUntil(lambda: area.contains(console.frameGeometry()), timeout=3000)
    assert console.frameGeometry().right() == area.right()  # at the edge, not short of it


def test_leaving_full_screen_puts_the_window_back_where_it_was(
    qtbot, kiosk, restore_look, monkeypatch
) -> None:
    """F11 twice: the window is back where it was, at its size. A window manager gives the window back its
    size before its place (openbox: the first resize still reports the full-screen corner), which the window
    used to take as its place: the test's stand-in leaves it in the corner, as openbox's first resize does."""
    window = kiosk.window
    on_screen(kiosk, SCREENS["1366x768"])
    window.move(40, 10)
    qtbot.waitUntil(lambda: window.pos() == QPoint(40, 10), timeout=3000)
    size = window.size()
    show_normal = window.showNormal

    def like_a_window_manager() -> None:
        show_normal()
        window.move(0, 0)

    monkeypatch.setattr(window, "showNormal", like_a_window_manager)
    window.full_screen.setChecked(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    window.full_screen.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen() and window.menuBar().isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: window.pos() == QPoint(40, 10), timeout=3000)
    assert window.size() == size


def focused_width(button: QPushButton) -> int:
    """The width ``button`` needs with the focus ring on: the theme's ring is thicker than its border."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.state |= QStyle.StateFlag.State_HasFocus
    text = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, button.text())
    return button.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, button).width()


@pytest.mark.parametrize("contrast", [False, True], ids=["", "high contrast"])
@pytest.mark.parametrize("mode", MODES)
def test_no_button_is_cut_off_by_its_focus_ring(qtbot, kiosk, restore_look, mode, contrast) -> None:
    """Tab to any button of the staff console or the side column: its words are whole inside the focus ring
    (「このシナリオにする」 lost the last letter of “Use this scenario”: Qt sizes a button by its unfocused look)."""
    set_mode(kiosk, *MODES[mode])
    kiosk.window.high_contrast.setChecked(contrast)
    on_screen(kiosk, SCREENS["1366x768"])
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitExposed(console)
    QApplication.processEvents()
    buttons = [*console.findChildren(QPushButton), *kiosk.window.side_column.findChildren(QPushButton)]
    narrow = {
        button.text(): (button.width(), focused_width(button))
        for button in buttons
        if button.isVisibleTo(button.window()) and button.width() < focused_width(button)
    }
    assert not narrow


@pytest.mark.parametrize("mode", MODES)
def test_the_console_table_shows_every_column_at_1366(qtbot, kiosk, restore_look, mode) -> None:
    """At the console's width on a 1366×768 screen the table's long columns wrap rather than push 同意 and
    本人確認 (what staff check) past the right edge behind a scroll bar; no header text is cut off."""
    set_mode(kiosk, *MODES[mode])
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.place_beside(kiosk.window, QRect(0, 0, 1366, 768))
    console.show()
    qtbot.waitExposed(console)
    complete_a_visit(qtbot, kiosk)
    QApplication.processEvents()
    table, header = console.table, console.table.horizontalHeader()
    assert header.length() <= table.viewport().width(), [header.sectionSize(i) for i in range(header.count())]
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), column
    row_height = table.rowHeight(0)
    assert row_height >= table.sizeHintForRow(0)  # a wrapped cell's lines are all in its row
