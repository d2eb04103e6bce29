"""The look comes from the theme alone: one large-text factor for every text, high contrast on every widget."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.ui import theme
from mynakiosk.ui.screens import CompleteScreen, IdleScreen
from mynakiosk.ui.staff_console import StaffConsole
from tests.gui.test_pin_flow import answer, choose_pin, confirm, place, type_on_keypad

TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QComboBox, QTableView, QHeaderView, QPlainTextEdit)


@pytest.fixture
def console(qtbot, kiosk):
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitExposed(console)
    return console


@pytest.fixture
def look(kiosk):
    """Set the 表示 menu's options for one test; back to the normal look afterwards."""

    def set_look(*, large_text: bool = False, high_contrast: bool = False) -> None:
        kiosk.window.large_text.setChecked(large_text)
        kiosk.window.high_contrast.setChecked(high_contrast)

    yield set_look
    set_look()


def text_widgets(*roots: QWidget) -> list[QWidget]:
    return [
        w
        for root in roots
        for w in root.findChildren(QWidget)
        if isinstance(w, TEXT_WIDGETS)
        and not w.objectName().startswith("qt_")  # Qt's text-less corner button
    ]


def text_px(widget: QWidget) -> int:
    widget.ensurePolished()
    return QFontInfo(widget.font()).pixelSize()


def test_large_text_scales_every_text_by_the_one_factor(qtbot, kiosk, console, look):
    kiosk.window.build_all_screens()
    widgets = text_widgets(kiosk.window, console)
    assert len(widgets) > 150  # the reader's screens, the side column and the console, all of them
    normal = {w: text_px(w) for w in widgets}
    look(large_text=True)
    factor = theme.LARGE_TEXT_FACTOR
    wrong = [
        f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}: {normal[w]}→{text_px(w)}"
        for w in widgets
        if abs(text_px(w) - normal[w] * factor) > 1  # 1 px of rounding
    ]
    assert not wrong, "\n".join(wrong)
    complete = kiosk.window.screens[State.COMPLETE]
    assert isinstance(complete, CompleteScreen)
    take = complete.findChild(QLabel, "takeCard")
    assert text_px(take) == round(34 * factor)  # 「カードをお取りください」 grew too
    assert kiosk.window.reader_frame.width() == round(600 * factor)  # the frame grows by the same factor
    assert kiosk.window.side_column.width() == round(400 * factor)
    assert kiosk.window.side_column.height() == kiosk.window.reader_frame.height() == round(860 * factor)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown_colours(widget: QWidget) -> tuple[QColor, QColor]:
    """The text colour and the colour behind it (a transparent background shows its parent's)."""
    widget.ensurePolished()
    text = widget.palette().color(widget.foregroundRole())
    holder: QWidget | None = widget
    while holder is not None:
        background = holder.palette().color(holder.backgroundRole())
        if background.alpha() == 255:
            return text, background
        holder = holder.parentWidget()
    return text, QColor("#ffffff")


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_every_text_is_legible_on_its_background(qtbot, kiosk, console, look, high_contrast):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "07_mislinked.toml"))
    kiosk.window.build_all_screens()
    look(high_contrast=high_contrast)
    poor = []
    for widget in text_widgets(kiosk.window, console):
        if not widget.isEnabled():
            continue
        text, background = shown_colours(widget)
        ratio = contrast(text, background)
        if ratio < (7 if high_contrast else 4.5):  # WCAG AAA in high contrast, AA otherwise
            name = widget.objectName() or type(widget).__name__
            poor.append(f"{name}: {text.name()} on {background.name()} ({ratio:.1f})")
    assert not poor, "\n".join(poor)


def test_high_contrast_reaches_the_card_slot_and_the_console_banner(qtbot, kiosk, console, look):
    slot = kiosk.window.screens[State.IDLE].findChild(QLabel, "cardSlot")
    assert isinstance(kiosk.window.screens[State.IDLE], IdleScreen) and slot is not None
    look(high_contrast=True)
    text, background = shown_colours(slot)
    assert background == QColor("#000000") and text == QColor("#ffff00")  # no longer blue on black
    text, background = shown_colours(console.lesson)
    assert background == QColor("#000000") and text == QColor("#ffffff")  # no longer white on white


def coloured_states(sheet: str) -> set[str]:
    """The selectors of ``sheet`` for a state (``:hover``, ``[focused="true"]`` …) whose rule sets a colour."""
    found = set()
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        if re.search(r"\b(?:color|background|border|border-color)\s*:", body):
            found |= {" ".join(s.split()) for s in selectors.split(",") if ":" in s or "[" in s}
    return found


def test_high_contrast_colours_every_state_the_normal_look_colours():
    """A normal-look rule for a state outranks high contrast's plainer rules (an #id counts more than a
    pseudo-state), so high contrast says each such state's colour itself: a hovered keypad key kept the normal
    look's light background under high contrast's white digit."""
    assert "QPushButton#key:hover" in coloured_states(theme.STYLE)  # the check sees the rules it is about
    missing = coloured_states(theme.STYLE) - coloured_states(theme.HIGH_CONTRAST)
    assert not missing, sorted(missing)


def test_fonts_are_registered_once_however_often_the_look_changes(qtbot, kiosk, look, monkeypatch):
    loaded: list[str] = []

    class CountingDatabase:
        @staticmethod
        def addApplicationFont(path: str) -> int:
            loaded.append(path)
            return QFontDatabase.addApplicationFont(path)

    monkeypatch.setattr(theme, "QFontDatabase", CountingDatabase)
    monkeypatch.setattr(theme._State, "registered", set())
    monkeypatch.setattr(theme._State, "fontconfig_file", None)  # the files handed to Qt (find_bundled_fonts)
    for large_text, high_contrast in [(True, False), (True, True), (False, True), (False, False)] * 2:
        look(large_text=large_text, high_contrast=high_contrast)
    assert len(loaded) == 2  # BIZ UDGothic's regular and bold, once


def test_english_is_set_in_the_proportional_family_and_still_shows_japanese(qtbot, kiosk, qapp):
    from mynakiosk.ui import language

    assert qapp.font().family() == theme.JAPANESE_FAMILY
    japanese = QFontMetrics(qapp.font())
    assert japanese.horizontalAdvance("iiii") == japanese.horizontalAdvance("MMMM")  # monospaced Latin
    language.switch("en")
    try:
        font = QApplication.font()
        assert font.family() == theme.LATIN_FAMILY
        assert QFontInfo(font).family() == theme.LATIN_FAMILY  # the bundled file, not a fallback
        english = QFontMetrics(font)
        assert english.horizontalAdvance("iiii") < english.horizontalAdvance("MMMM") / 2  # proportional
        assert english.inFontUcs4(ord("受"))  # a Japanese name in the English UI still renders
        assert QFontInfo(kiosk.window.current_screen.title.font()).family() == theme.LATIN_FAMILY
    finally:
        language.switch("ja")
    assert QApplication.font().family() == theme.JAPANESE_FAMILY


def test_the_mislinked_row_stays_marked_when_another_row_is_selected(qtbot, kiosk, console):
    kiosk.controller.load_scenario(load_scenario(scenarios_dir() / "07_mislinked.toml"))
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.CONSENT)
    answer(qtbot, kiosk, "all")
    answer(qtbot, kiosk, "no")
    model = console.table.model()
    assert model.rowCount() == 1 and model.is_alarm(0)
    console.table.clearSelection()  # the alarm banner below shows the selected row; the table shows all
    assert not console.table.selectionModel().hasSelection()
    for column in range(model.columnCount()):
        cell = model.index(0, column)
        assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(theme.ALARM)
    assert model.index(0, 1).data().startswith("⚠")  # a sign too, for print and without colour vision
    assert "誤紐づけ" in model.index(0, 1).data(Qt.ItemDataRole.AccessibleDescriptionRole)  # and in words


def test_english_descenders_are_not_cut_off(qtbot, kiosk, qapp):
    """BIZ UDPGothic's line is exactly 1 em and a 'p' reaches its bottom: an English label is a little taller
    than its line, so the descender's last row shows ("checkup" was seen cut under the consent topics)."""
    from mynakiosk.ui import language

    language.switch("en")
    try:
        screen = kiosk.window.current_screen
        labels = [w for w in screen.findChildren(QLabel) if w.isVisible() and w.text()]
        assert labels
        for label in labels:
            label.setText("Specific health checkup")
            label.adjustSize()
            ink = QFontMetrics(label.font()).boundingRect("Specific health checkup")
            assert label.height() >= ink.height() + 1, label.objectName()
    finally:
        language.switch("ja")
