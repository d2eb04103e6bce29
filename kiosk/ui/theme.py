"""Bundled font and the high-contrast, large-target look of a reception reader."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase

from mynakiosk.resources import UI_FONT_FAMILY, font_paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk.ui")

STYLE = """
QWidget { color: #111; background: #ffffff; }
#readerFrame { background: #ffffff; border: 10px solid #26303b; border-radius: 24px; }
#statusBar { background: #0b3c7a; color: #ffffff; padding: 10px 16px; }
#cardNotice { background: #fff4d6; color: #5a3d00; padding: 8px 14px; font-size: 16px; }
#alert { background: #ffe3e0; color: #7a1200; padding: 8px 14px; font-size: 16px; font-weight: bold; }
QPushButton:checked { background: #0b5ed7; color: #ffffff; border-color: #08429a; }
#hintBox { background: #e6f4ea; color: #0d3b1e; padding: 8px; font-size: 15px; border-radius: 8px; }
#title { font-size: 30px; font-weight: bold; color: #0b2a55; }
#subtitle { font-size: 20px; color: #222; }
#notice { font-size: 20px; color: #8a1c00; font-weight: bold; }
#hint { font-size: 17px; color: #333; }
QPushButton {
  font-size: 24px; min-height: 64px; padding: 6px 18px; border-radius: 12px;
  background: #e8eef7; border: 2px solid #5a6f8c;
}
QPushButton:hover { background: #d6e2f3; }
QPushButton:focus { border: 4px solid #ff9d00; }
QPushButton:disabled { color: #8a8a8a; background: #f0f0f0; border: 2px dashed #b0b0b0; }
QPushButton#primary { background: #0b5ed7; color: #ffffff; border-color: #08429a; }
QPushButton#primary:disabled { background: #9bb8e3; color: #eef3fb; }
QPushButton#staff { font-size: 15px; min-height: 36px; background: #f4f4f4; border: 1px solid #888; }
QPushButton#key { font-size: 34px; min-height: 76px; min-width: 96px; }
#pinBoxes { font-size: 44px; letter-spacing: 18px; color: #0b2a55; }
#documentList { font-size: 18px; font-weight: bold; color: #0b2a55; }
#cardPicker { background: #f3f5f8; }
#cardPicker QPushButton { font-size: 16px; min-height: 36px; padding: 4px 10px; }
#cardPicker QLabel { background: transparent; }
#choiceRow { border: 3px solid transparent; border-radius: 6px; }
#choiceRow[focused="true"] { border: 3px solid #ff9d00; }
"""


def install_fonts(app: QApplication) -> str:
    """Load the bundled UD font so Japanese renders on machines with no CJK font; return its family."""
    for path in font_paths():
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise RuntimeError(f"cannot load the bundled font {path}")
    font = QFont(UI_FONT_FAMILY, 14)
    app.setFont(font)
    return UI_FONT_FAMILY


HIGH_CONTRAST = """
QWidget { color: #ffffff; background: #000000; }
#readerFrame { background: #000000; border: 10px solid #ffff00; }
#statusBar { background: #000000; color: #ffff00; border-bottom: 3px solid #ffff00; }
#title, #documentList, #pinBoxes { color: #ffff00; }
#subtitle, #hint { color: #ffffff; }
#notice { color: #ffd000; }
QPushButton { background: #000000; color: #ffffff; border: 3px solid #ffffff; }
QPushButton#primary { background: #ffff00; color: #000000; border: 3px solid #ffffff; }
QPushButton:focus { border: 5px solid #00e5ff; }
#choiceRow[focused="true"] { border: 3px solid #00e5ff; }
QPushButton:disabled { color: #9a9a9a; border: 3px dashed #9a9a9a; }
#cardPicker, #hintBox { background: #101010; color: #ffffff; }
"""


def _scaled(style: str, factor: float) -> str:
    """The stylesheet with every pixel size multiplied (large-text mode)."""
    return re.sub(r"(\d+)px", lambda m: f"{round(int(m.group(1)) * factor)}px", style)


def apply_theme(app: QApplication, *, large_text: bool = False, high_contrast: bool = False) -> None:
    """The reader's look; large text scales every size by 1.25, high contrast is yellow/white on black."""
    install_fonts(app)
    style = STYLE + (HIGH_CONTRAST if high_contrast else "")
    app.setStyleSheet(_scaled(style, 1.25) if large_text else style)
