"""Rules every reader screen keeps, checked over the whole screen tour (kiosk/ui/tour.py) in Japanese and
English, normal and large text, on the screens the window fits (tests/gui/test_window_fit.py):

- one action height: every primary action, answer and 戻る button is as tall as the theme's action height
  for the look (``theme.action_height``), whichever screen it is on;
- 戻る at the bottom left, on every screen that has one (docs/architecture.md, "Screen layout");
- no orphan line: a wrapped text never ends on a last line of one or two characters (Japanese, 「す。」) or
  of one word (English): it reads as a stray.
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
from tests.gui.test_window_fit import MODES, SCREENS

if TYPE_CHECKING:
    from mynakiosk.ui.screens import Screen

pytestmark = pytest.mark.gui


def wrapped_lines(label: QLabel) -> list[list[str]]:
    """The lines ``label`` shows, paragraph by paragraph: Qt's own line breaking (QTextLayout, word wrap, as
    QLabel draws plain text) at the label's font and contents width."""
    width = label.contentsRect().width()
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


def orphans_in(screen: QWidget) -> list[str]:
    found = []
    for label in screen.findChildren(QLabel):
        if label.isVisibleTo(screen) and label.wordWrap() and label.text():
            for lines in wrapped_lines(label):
                if stray := orphan(lines):
                    found.append(f"{' / '.join(lines)!r} ends on {stray!r}")
    return found


@dataclass
class Walk:
    """What the tour saw at each reader screen."""

    orphans: dict[str, list[str]] = field(default_factory=dict)
    action_heights: dict[str, dict[str, int]] = field(default_factory=dict)
    backs: dict[str, tuple[int, int]] = field(default_factory=dict)  # stop -> (left gap, right gap)
    checks: list[str] = field(default_factory=list)


def look_at(walk: Walk, name: str, screen: Screen) -> None:
    walk.checks.append(name)
    if found := orphans_in(screen):
        walk.orphans[name] = found
    heights = {}
    for button in screen.findChildren(QPushButton):
        if button.isVisibleTo(screen) and button.objectName() == "primary" and button.objectName() != "key":
            heights[button.text()] = button.height()
    walk.action_heights[name] = heights
    back = getattr(screen, "back", None)
    if isinstance(back, QPushButton) and back.isVisibleTo(screen):
        left = back.mapTo(screen, QPoint(0, 0)).x()
        walk.backs[name] = (left, screen.width() - left - back.width())


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
