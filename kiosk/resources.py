"""Where the bundled resources (fonts, later translations and scenarios) live."""

from __future__ import annotations

import os
from pathlib import Path

UI_FONT_FAMILY = "BIZ UDGothic"
FONT_FILES = ("BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf")


def resources_dir() -> Path:
    """``$KIOSK_RESOURCES`` if set, else the ``resources/`` folder beside the packages."""
    override = os.environ.get("KIOSK_RESOURCES")
    path = Path(override) if override else Path(__file__).resolve().parents[1] / "resources"
    if not (path / "fonts").is_dir():
        raise FileNotFoundError(f"resources folder not found at {path} (set KIOSK_RESOURCES to its location)")
    return path


def font_paths() -> list[Path]:
    fonts = resources_dir() / "fonts"
    return [fonts / name for name in FONT_FILES]
