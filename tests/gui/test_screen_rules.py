"""Rules every reader screen keeps, checked over the whole screen tour (kiosk/ui/tour.py) in Japanese and
English, normal and large text, on the screens the window fits (tests/gui/test_window_fit.py):

- one action height: every primary action and answer is as tall as the others in the look (theme.py's
  ``ACTION_HEIGHT``), whichever screen it is on; 戻る has one height of its own;
- 戻る at the bottom left, on every screen that has one (docs/architecture.md, "Screen layout");
- no orphan line: a wrapped text never ends on a last line of one or two characters (Japanese, 「す。」) or
  of one word (English): it reads as a stray;
- no word split: a balanced Japanese text breaks between phrases (文節, as BudouX finds them), never inside
  one that fits on a line (「…読／み取れません」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from mynakiosk.ui import theme
from mynakiosk.ui.tour import make_kiosk, tour
from mynakiosk.ui.widgets import BalancedLabel, text_width
from tests.gui.test_window_fit import MODES, SCREENS

if TYPE_CHECKING:
    from mynakiosk.ui.screens import Screen

pytestmark = pytest.mark.gui


def wrapped_lines(label: QLabel) -> list[list[str]]:
    """The lines ``label`` shows, paragraph by paragraph: Qt's own line breaking (QTextLayout, word wrap, as
    QLabel draws plain text) at the label's font and contents width."""
    width = text_width(label)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    paragraphs = []
    for paragraph in QLabel.text(label).split("\n"):  # what it shows (a BalancedLabel's text() is as given)
        layout = QTextLayout(paragraph, label.font())
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        paragraphs.append(lines)
    return paragraphs


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]")


def orphan(lines: list[str]) -> str:
    """The last line of a wrapped paragraph when it is a stray: ≤ 2 characters of Japanese, one English word."""
    if len(lines) < 2:
        return ""
    last = lines[-1].strip()
    if JAPANESE.search(last) or JAPANESE.search(lines[-2]):
        return last if len(last) <= 2 else ""
    return last if len(last.split()) == 1 else ""


def shown_line_count(label: QLabel) -> int:
    """How many lines the label itself says its text takes: its own height for its width (QLabel's sizing,
    which draws with the same rectangle), less its frame, padding and margin, in lines."""
    extra = label.height() - label.contentsRect().height() + 2 * label.margin()
    return round((label.heightForWidth(label.width()) - extra) / label.fontMetrics().lineSpacing())


def orphans_in(screen: QWidget) -> list[str]:
    found = []
    for label in screen.findChildren(QLabel):
        if label.isVisibleTo(screen) and label.wordWrap() and label.text():
            paragraphs = wrapped_lines(label)
            counted = sum(len(lines) for lines in paragraphs)
            # The lines measured here are the label's own (a width off by QLabel's indent once missed a stray
            # "Card"); not checkable where a minimum height keeps room for more lines.
            if label.minimumHeight() == 0 and counted != shown_line_count(label):
                found.append(
                    f"{QLabel.text(label)!r}: {counted} lines measured, {shown_line_count(label)} shown"
                )
            for lines in paragraphs:
                if stray := orphan(lines):
                    found.append(f"{' / '.join(lines)!r} ends on {stray!r}")
    return found


def split_phrases_in(screen: QWidget) -> list[str]:
    """Where a balanced label breaks a line inside a phrase that would fit on a line of its own."""
    from budoux import load_default_japanese_parser

    phrases_of = load_default_japanese_parser().parse
    found = []
    for label in screen.findChildren(BalancedLabel):
        if not label.isVisibleTo(screen) or not JAPANESE.search(label.text()):
            continue
        width, metrics = text_width(label), label.fontMetrics()
        shown = iter(QLabel.text(label).split("\n"))
        for given in label.text().split("\n"):
            phrases = phrases_of(given)
            ends = {sum(len(phrase) for phrase in phrases[: i + 1]) for i in range(len(phrases))}
            lines, at = [next(shown)], 0
            while len("".join(lines).replace(" ", "")) < len(given.replace(" ", "")):  # its other lines
                lines.append(next(shown))
            for line in lines[:-1]:
                at = given.index(line, at) + len(line)
                while at < len(given) and given[at].isspace():
                    at += 1
                if at in ends or given[at - 1].isspace():
                    continue
                phrase = next(p for i, p in enumerate(phrases) if sum(map(len, phrases[: i + 1])) > at)
                if metrics.horizontalAdvance(phrase) <= width:
                    found.append(f"{' / '.join(lines)!r} splits {phrase!r}")
    return found


@dataclass
class Walk:
    """What the tour saw at each reader screen."""

    orphans: dict[str, list[str]] = field(default_factory=dict)
    split_phrases: dict[str, list[str]] = field(default_factory=dict)
    action_heights: dict[str, dict[str, int]] = field(default_factory=dict)
    backs: dict[str, tuple[int, int]] = field(default_factory=dict)  # stop -> (left gap, right gap)
    back_heights: dict[str, int] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)


def look_at(walk: Walk, name: str, screen: Screen) -> None:
    walk.checks.append(name)
    if found := orphans_in(screen):
        walk.orphans[name] = found
    if found := split_phrases_in(screen):
        walk.split_phrases[name] = found
    heights = {}
    for button in screen.findChildren(QPushButton):
        if button.isVisibleTo(screen) and is_action(button):
            heights[button.text()] = button.height()
    walk.action_heights[name] = heights
    back = getattr(screen, "back", None)
    if isinstance(back, QPushButton) and back.isVisibleTo(screen):
        left = back.mapTo(screen, QPoint(0, 0)).x()
        walk.backs[name] = (left, screen.width() - left - back.width())
        walk.back_heights[name] = back.height()


def is_action(button: QPushButton) -> bool:
    """A primary action, an answer or a method choice (theme.py's action rule); not the keypad's 確定."""
    named = button.objectName() == "primary"
    return (named or bool(button.property("answer")) or bool(button.property("method"))) and not bool(
        button.property("keypad")
    )


WALKS: dict[tuple[str, str], Walk] = {}


def walk_tour(qtbot, aloop, mode: str, size: str) -> Walk:
    """The tour at ``size``'s available area in ``mode``, walked once per pair (it takes a while)."""
    if (mode, size) in WALKS:
        return WALKS[(mode, size)]
    code, large = MODES[mode]
    from mynakiosk.ui import language

    language.switch(code)
    kiosk = make_kiosk()
    qtbot.addWidget(kiosk.window)
    qtbot.addWidget(kiosk.console)
    area = SCREENS[size]
    walk = Walk()
    try:
        kiosk.window.screen_area = lambda: area
        kiosk.window.large_text.setChecked(large)
        kiosk.window.fit_to_screen()
        QApplication.processEvents()

        def stop(name: str, widget: QWidget) -> None:
            if widget is kiosk.window:
                look_at(walk, name, kiosk.window.current_screen)

        task = aloop.create_task(tour(kiosk, stop))
        qtbot.waitUntil(task.done, timeout=120_000)
        task.result()
    finally:
        kiosk.window.large_text.setChecked(False)
        kiosk.close()
        language.switch("ja")
        theme.apply(QApplication.instance(), theme.Look())
    WALKS[(mode, size)] = walk
    return walk


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("mode", MODES)
def test_no_wrapped_text_ends_on_a_stray_line(qtbot, kiosk_aloop, mode, size) -> None:
    walk = walk_tour(qtbot, kiosk_aloop, mode, size)
    assert len(walk.checks) > 30
    assert not walk.orphans, "\n".join(f"{k}: {v}" for k, v in walk.orphans.items())


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("mode", MODES)
def test_japanese_lines_break_between_phrases(qtbot, kiosk_aloop, mode, size) -> None:
    walk = walk_tour(qtbot, kiosk_aloop, mode, size)
    assert len(walk.checks) > 30
    assert not walk.split_phrases, "\n".join(f"{k}: {v}" for k, v in walk.split_phrases.items())


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("mode", MODES)
def test_one_action_height_and_back_at_the_bottom_left(qtbot, kiosk_aloop, mode, size) -> None:
    """Every action button of the tour is as tall as every other in the look; 戻る is at the left edge of
    every screen that has one (never at the right, as the phone screens had it), of one height everywhere."""
    walk = walk_tour(qtbot, kiosk_aloop, mode, size)
    heights = {height for buttons in walk.action_heights.values() for height in buttons.values()}
    assert len(heights) == 1, {stop: buttons for stop, buttons in walk.action_heights.items() if buttons}
    for stop in ("02-method-select", "05-consent", "17-visual-check", "23-phone-kind"):
        assert walk.action_heights[stop], stop  # the stops that have action buttons were looked at
    expected = {"03-pin-entry", "06-consent-individual", "15-face-mask", "17-visual-check", "23-phone-kind"}
    expected |= {"24-phone-pin", "25-phone-hold", "28-phone-not-read"}
    assert expected <= walk.backs.keys()
    wrong_side = {stop: gaps for stop, gaps in walk.backs.items() if not gaps[0] < gaps[1]}
    assert not wrong_side, f"戻る not at the left (left gap, right gap): {wrong_side}"
    assert len({left for left, _ in walk.backs.values()}) == 1, walk.backs  # the same place on every screen
    assert len(set(walk.back_heights.values())) == 1, walk.back_heights
