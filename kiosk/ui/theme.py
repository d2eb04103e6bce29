"""The one place the UI's look is decided: the bundled fonts, the style sheet, large text and high contrast.

Widgets never set a size or a colour of their own: they carry an object name (or a property) and the style
sheet below gives the look. Large text multiplies every pixel size in it, and the application font, by one
factor (``LARGE_TEXT_FACTOR``); the window scales its fixed geometry by the same factor (``Look.scale``).
High contrast overrides the colours of every rule that sets one. Compact, chosen by the window when
the screen is too short for the reader's designed height (a 1366×768 laptop), takes space out of the reader
and the side column (paddings, minimum heights, margins) and a little out of the two largest texts, the titles and the PIN's
●○○○. The few colours a Qt model hands to a view
(the staff console's 誤紐づけ row) come from ``Look`` too.

One action height (``ACTION_HEIGHT``, ``COMPACT_ACTION_HEIGHT``): every primary action, answer and method
choice on the reader is as tall as the others in the same look, whatever the screen; the keypad's keys, 確定
among them, keep the keypad's own height (a key row is even); 戻る (``#back``) is an ordinary button's height
everywhere, lower than the action beside it (the PIN screens have no room for more at 1366×768 in large
text). Where 戻る and the forward action go is ``kiosk.ui.widgets.action_row``'s rule.

Fonts: BIZ UDGothic for Japanese, whose Latin letters are monospaced like a reader's screen; BIZ UDPGothic,
the same family with proportional letters, for English. Both are bundled (SIL OFL, resources/fonts) so the
UI renders on machines with no CJK font; each is registered once, the English one the first time it is needed.
On Linux fontconfig finds them itself when the kiosk starts Qt (``find_bundled_fonts``) and keeps a cache of
them; elsewhere, or when Qt was started before (tests) or the user chose a fontconfig configuration, each
face is given to Qt (``addApplicationFont``), which reads the whole file at every start (~6 ms each).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mynakiosk import i18n
from mynakiosk.resources import font_paths, fonts_conf_path

log = logging.getLogger("kiosk.ui")

LARGE_TEXT_FACTOR = 1.25
BASE_POINT_SIZE = 14  # the application font: every text the style sheet gives no size of its own

JAPANESE_FAMILY = "BIZ UDGothic"
LATIN_FAMILY = "BIZ UDPGothic"  # the same design with proportional Latin letters, for English text

#: The content height of every action button on the reader (primary, answer, method): normal and compact
#: (large text scales both). Compact is what a 1366×768 screen leaves the fullest screen (the face screen).
ACTION_HEIGHT = 80
COMPACT_ACTION_HEIGHT = 52
#: A key of the PIN keypad (確定 too): normal and compact.
KEY_HEIGHT = 76
COMPACT_KEY_HEIGHT = 36

ALARM = "#b00020"  # 誤紐づけ (banner and row), unwritten result files, vpcd open: white on red in both modes
ALARM_TEXT = "#ffffff"

STYLE = f"""
QWidget {{ color: #111; background: #ffffff; }}
#readerFrame {{ background: #ffffff; border: 10px solid #26303b; border-radius: 24px; }}
#statusBar {{ background: #0b3c7a; color: #ffffff; padding: 10px 16px; }}
#practiceDate {{ background: #e4ecff; color: #1d2f6b; padding: 6px 14px; font-size: 15px; }}
#cardNotice {{ background: #fff4d6; color: #5a3d00; padding: 8px 14px; font-size: 16px; }}
#alert {{ background: #ffe3e0; color: #7a1200; padding: 8px 14px; font-size: 16px; font-weight: bold; }}
QPushButton:checked {{ background: #0b5ed7; color: #ffffff; border-color: #08429a; }}
#hintBox {{ background: #e6f4ea; color: #0d3b1e; padding: 8px; font-size: 15px; border-radius: 8px; }}
#title {{ font-size: 30px; font-weight: bold; color: #0b2a55; }}
#subtitle {{ font-size: 20px; color: #222; }}
#notice {{ font-size: 20px; color: #8a1c00; font-weight: bold; }}
#takeCard {{ font-size: 34px; color: #8a1c00; font-weight: bold; }}
#hint {{ font-size: 17px; color: #333; }}
#cardSlot {{
  font-size: 22px; color: #0b5ed7; min-height: 150px; max-height: 150px;
  border: 4px dashed #0b5ed7; border-radius: 16px;
}}
#cameraFrame {{
  font-size: 17px; min-width: 198px; max-width: 198px; max-height: 204px;
  border: 6px solid #0b5ed7; border-radius: 100px; background: #f2f6fb;
}}
QLineEdit#password {{ font-size: 26px; padding: 8px; }}
QScrollArea#screenScroll, #screenBody {{ background: transparent; }}
QScrollArea#screenScroll QScrollBar:vertical {{ width: 18px; background: #dde3ea; border-radius: 9px; }}
QScrollArea#screenScroll QScrollBar::handle:vertical {{ background: #0b5ed7; min-height: 48px; border-radius: 9px; }}
QScrollArea#screenScroll QScrollBar::add-line:vertical, QScrollArea#screenScroll QScrollBar::sub-line:vertical {{
  height: 0px;
}}
QPushButton {{
  font-size: 24px; min-height: 64px; padding: 6px 18px; border-radius: 12px;
  background: #e8eef7; border: 2px solid #5a6f8c;
}}
QPushButton#primary, QPushButton[answer="true"], QPushButton[method="true"] {{
  min-height: {ACTION_HEIGHT}px; max-height: {ACTION_HEIGHT}px;
}}
QPushButton:hover {{ background: #d6e2f3; }}
QPushButton#key:hover {{ background: #e8eef7; }}  /* a pointer over a key does not mark the digit just tapped */
QPushButton:disabled {{ color: #8a8a8a; background: #f0f0f0; border: 2px dashed #b0b0b0; }}
QPushButton#primary {{ background: #0b5ed7; color: #ffffff; border-color: #08429a; }}
QPushButton#primary:disabled {{ background: #9bb8e3; color: #eef3fb; }}
QPushButton#staff {{ font-size: 15px; min-height: 36px; background: #f4f4f4; border: 1px solid #888; }}
QPushButton#key {{ font-size: 34px; min-height: {KEY_HEIGHT}px; min-width: 96px; }}
QPushButton#primary[keypad="true"] {{ min-height: {KEY_HEIGHT}px; max-height: {KEY_HEIGHT}px; }}
/* The focus ring, on every kind of button: an #id rule's border outranks a bare :focus (Tab, docs/architecture.md). */
QPushButton:focus, QPushButton#primary:focus, QPushButton#staff:focus {{ border: 4px solid #ff9d00; }}
#pinBoxes {{ font-size: 44px; letter-spacing: 18px; color: #0b2a55; }}
#documentList {{ font-size: 18px; font-weight: bold; color: #0b2a55; }}
#cardPicker {{ background: #f3f5f8; }}
#cardPicker QPushButton {{ font-size: 16px; min-height: 36px; padding: 4px 10px; }}
#cardPicker QLabel {{ background: transparent; font-size: 15px; }}
#cardPicker QLabel#sideHeading {{ font-size: 22px; font-weight: bold; }}
#cardPicker QLabel#practiceHeading {{ font-size: 18px; font-weight: bold; }}
#cardPicker QLabel#choiceLabel {{ padding: 3px 0; }}
#cardPicker QLabel#hintsLabel {{ font-size: 14px; }}
#cardPicker QLabel#hintBox {{ background: #e6f4ea; color: #0d3b1e; }}
#cardPicker QLabel#phoneScreen {{
  background: #1c1c1e; color: #ffffff; padding: 10px; border-radius: 14px; font-size: 15px;
}}
#choiceRow {{ border: 3px solid transparent; border-radius: 6px; }}
QPushButton#pageTab {{ font-size: 18px; min-height: 40px; padding: 2px 10px; border-radius: 8px; }}
QPushButton#pageTab:checked {{ font-weight: bold; }}
QPushButton#pageTab:checked:hover {{ background: #0b5ed7; }}
#choiceRow[focused="true"] {{ border: 3px solid #ff9d00; }}
#staffConsole QPushButton {{ font-size: 15px; min-height: 30px; padding: 4px 14px; }}
#staffConsole QTableView, #staffConsole QPlainTextEdit, #staffConsole QComboBox {{ font-size: 14px; }}
#lesson {{ background: #eef4ff; color: #111; padding: 8px; font-size: 15px; }}
#alarm {{ background: {ALARM}; color: {ALARM_TEXT}; font-size: 17px; font-weight: bold; padding: 10px; }}
#resultsWarning, #readerWarning {{ background: {ALARM}; color: {ALARM_TEXT}; font-size: 15px; font-weight: bold; padding: 6px 10px; }}
#recordSummary {{ font-size: 18px; font-weight: bold; }}
#staffAction {{ font-size: 15px; }}
"""

# On a short screen (kiosk.ui.main_window decides): heights, and the largest text sizes a little. Scoped to the reader and the side
# column, so the staff console keeps its look; more specific than the rules above and after them, so these win.
COMPACT = f"""
#readerFrame {{ border-width: 6px; border-radius: 16px; }}
#readerFrame #statusBar {{ padding: 4px 14px; }}
#readerFrame #practiceDate, #readerFrame #cardNotice, #readerFrame #alert {{ padding: 3px 12px; }}
#readerFrame #title {{ font-size: 26px; }}
#readerFrame #pinBoxes {{ font-size: 36px; }}
#readerFrame QPushButton {{ min-height: 40px; padding: 2px 16px; }}
#readerFrame QPushButton#primary, #readerFrame QPushButton[answer="true"], #readerFrame QPushButton[method="true"] {{
  min-height: {COMPACT_ACTION_HEIGHT}px; max-height: {COMPACT_ACTION_HEIGHT}px;
}}
#readerFrame QPushButton#key, #readerFrame QPushButton#primary[keypad="true"] {{
  min-height: {COMPACT_KEY_HEIGHT}px; max-height: {COMPACT_KEY_HEIGHT}px;
}}
#readerFrame QPushButton#staff {{ min-height: 28px; }}
#readerFrame #cardSlot {{ min-height: 96px; max-height: 96px; }}
#readerFrame #cameraFrame {{ max-height: 170px; border-radius: 80px; }}
#cardPicker QPushButton {{ min-height: 30px; padding: 2px 10px; }}
QPushButton#pageTab {{ min-height: 32px; }}
"""

#: BIZ UDPGothic's line is exactly 1 em (ascent 0.875, descent 0.125 of the size): Latin descenders (p, g, y)
#: reach its bottom edge and lose their last, antialiased row where a label is as tall as its line ("checkup"
#: seen cut). A little room under English labels keeps them whole; Japanese glyphs sit inside the em box.
LATIN_LABEL_ROOM = """
QLabel { padding-bottom: 1px; }
"""

HIGH_CONTRAST = """
QWidget { color: #ffffff; background: #000000; }
#readerFrame { background: #000000; border: 10px solid #ffff00; }
#statusBar { background: #000000; color: #ffff00; border-bottom: 3px solid #ffff00; }
#cardNotice, #alert, #practiceDate { background: #000000; color: #ffff00; border: 2px solid #ffff00; }
#title, #documentList, #pinBoxes { color: #ffff00; }
#subtitle, #hint { color: #ffffff; }
#notice, #takeCard { color: #ffd000; }
#cardSlot { color: #ffff00; border-color: #ffff00; }
#cameraFrame { color: #ffffff; background: #000000; border-color: #ffff00; }
QPushButton { background: #000000; color: #ffffff; border: 3px solid #ffffff; }
QPushButton:hover { background: #000000; }
QPushButton#key:hover { background: #000000; }  /* the normal look's key rule outranks the line above */
QPushButton:checked { background: #ffff00; color: #000000; border-color: #ffffff; }
QPushButton#pageTab:checked:hover { background: #ffff00; }
QPushButton#primary { background: #ffff00; color: #000000; border: 3px solid #ffffff; }
QPushButton#primary:disabled { background: #000000; color: #9a9a9a; border: 3px dashed #9a9a9a; }
QPushButton#staff { background: #000000; color: #ffffff; border: 2px solid #ffffff; }
QPushButton:focus, QPushButton#primary:focus, QPushButton#staff:focus { border: 5px solid #00e5ff; }
#choiceRow[focused="true"] { border: 3px solid #00e5ff; }
QPushButton:disabled { color: #9a9a9a; background: #000000; border: 3px dashed #9a9a9a; }
#cardPicker, #cardPicker QLabel#hintBox, #hintBox { background: #101010; color: #ffffff; }
#lesson { background: #000000; color: #ffffff; border: 2px solid #ffffff; }
QScrollArea#screenScroll QScrollBar:vertical { background: #333333; border: 1px solid #ffffff; }
QScrollArea#screenScroll QScrollBar::handle:vertical { background: #ffff00; }
#cardPicker QLabel#phoneScreen { background: #000000; color: #ffff00; border: 2px solid #ffff00; }
QRadioButton::indicator, QCheckBox::indicator {
  width: 14px; height: 14px; background: #000000; border: 2px solid #ffffff;
}
QRadioButton::indicator { border-radius: 9px; }
QRadioButton::indicator:checked, QCheckBox::indicator:checked { background: #ffff00; }
"""


class Look:
    """The display options in force: what the 表示 menu sets, and the language (which picks the font)."""

    __slots__ = ("compact", "high_contrast", "language", "large_text")

    def __init__(
        self,
        large_text: bool = False,
        high_contrast: bool = False,
        language: str = i18n.DEFAULT_LANGUAGE,
        compact: bool = False,
    ) -> None:
        self.large_text, self.high_contrast, self.language = large_text, high_contrast, language
        self.compact = compact  # the screen is short: less padding, lower buttons (not set by a menu)

    def _key(self) -> tuple[bool, bool, str, bool]:
        return (self.large_text, self.high_contrast, self.language, self.compact)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Look) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Look(large_text={self.large_text}, high_contrast={self.high_contrast}, "
            f"language={self.language!r}, compact={self.compact})"
        )

    def with_language(self, language: str) -> Look:
        return Look(self.large_text, self.high_contrast, language, self.compact)

    def with_compact(self, compact: bool) -> Look:
        return Look(self.large_text, self.high_contrast, self.language, compact)

    @property
    def scale(self) -> float:
        """What every size is multiplied by: text, spacing and the window's fixed geometry alike."""
        return LARGE_TEXT_FACTOR if self.large_text else 1.0

    @property
    def family(self) -> str:
        return JAPANESE_FAMILY if self.language == "ja" else LATIN_FAMILY

    @property
    def alarm_background(self) -> str:
        return ALARM

    @property
    def alarm_text(self) -> str:
        return ALARM_TEXT

    def style_sheet(self) -> str:
        style = STYLE + (HIGH_CONTRAST if self.high_contrast else "") + (COMPACT if self.compact else "")
        style += LATIN_LABEL_ROOM if self.family == LATIN_FAMILY else ""
        return _scaled(style, self.scale) if self.large_text else style


class _Notifier(QObject):
    changed = Signal()


#: ``notifier.changed`` is emitted after a new look is applied: windows resize what they size themselves.
notifier = _Notifier()


class _State:
    look: Look | None = None  # None until the first apply
    registered: ClassVar[set[str]] = set()  # font families loaded from resources/fonts
    through_fontconfig: ClassVar[set[str]] = set()  # ... of them, those fontconfig found (find_bundled_fonts)
    fontconfig_file: str | None = None  # what find_bundled_fonts set FONTCONFIG_FILE to, until Qt has read it


#: The system's fontconfig configuration, which resources/fonts/fonts.conf includes.
SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")


def find_bundled_fonts() -> None:
    """Before Qt starts, on Linux: have fontconfig find the bundled faces as installed fonts.

    resources/fonts/fonts.conf includes the system's configuration and adds its own folder; fontconfig keeps
    a cache of that folder as of any other, where ``addApplicationFont`` has it read both 4.6 MB faces again
    at every start (~18 M instructions of ``kiosk --check``, docs/performance.md). Not where the user chose
    a configuration (``FONTCONFIG_FILE``, ``FONTCONFIG_PATH``), where the system's is elsewhere, or once Qt
    has started: ``_register`` then gives Qt the files, as on other systems.
    """
    if not sys.platform.startswith("linux") or QApplication.instance() is not None:
        return
    if {"FONTCONFIG_FILE", "FONTCONFIG_PATH"} & os.environ.keys() or not SYSTEM_FONTS_CONF.is_file():
        return
    _State.fontconfig_file = os.environ["FONTCONFIG_FILE"] = str(fonts_conf_path())


def current() -> Look:
    """The look applied now (the defaults before any)."""
    return _State.look or Look(language=i18n.language())


def _register(family: str) -> None:
    """Load the bundled files of ``family``, once per process (found by fontconfig, or given to Qt)."""
    if family in _State.registered:
        return
    if _State.fontconfig_file is not None:
        found = QFontDatabase.hasFamily(family)  # fontconfig has been read now: the setting can go
        if os.environ.get("FONTCONFIG_FILE") == _State.fontconfig_file:
            del os.environ["FONTCONFIG_FILE"]  # not passed on to programs started from here
        if found:
            _State.registered.add(family)
            _State.through_fontconfig.add(family)
            return
        _State.fontconfig_file = None  # not found that way (an old fontconfig): the files, from now on
    for path in font_paths(family):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise RuntimeError(f"cannot load the bundled font {path}")
    _State.registered.add(family)


def _scaled(style: str, factor: float) -> str:
    """The stylesheet with every pixel size multiplied (large-text mode)."""
    return re.sub(r"(\d+)px", lambda m: f"{round(int(m.group(1)) * factor)}px", style)


def apply_theme(
    app: QApplication, *, large_text: bool = False, high_contrast: bool = False, compact: bool = False
) -> None:
    """Put the look in force: large text scales every size by ``LARGE_TEXT_FACTOR``, high contrast is
    yellow/white on black, compact fits a short screen; the font follows the UI language."""
    apply(app, Look(large_text, high_contrast, i18n.language(), compact))


def apply(app: QApplication, look: Look) -> None:
    previous = _State.look
    _register(look.family)
    new_font = previous is None or (previous.family, previous.scale) != (look.family, look.scale)
    if new_font:
        font = QFont(look.family)
        font.setPointSizeF(BASE_POINT_SIZE * look.scale)
        app.setFont(font)
    # Set again for a new font too: the style sheet's sizes are merged into each widget's font when it is
    # polished, and only a new sheet polishes every widget again.
    if new_font or previous is None or previous.style_sheet() != look.style_sheet():
        app.setStyleSheet(look.style_sheet())
    _State.look = look
    if look != previous:
        notifier.changed.emit()


def follow_language() -> None:
    """The UI language changed: switch to its font (called by ``kiosk.ui.language.switch``)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and _State.look is not None:
        apply(app, _State.look.with_language(i18n.language()))
