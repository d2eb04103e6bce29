"""Render every screen of the kiosk to PNG by driving the real app on the virtual reader, in each language.

    .venv/bin/python scripts/render_screens.py [OUTPUT_DIR]

Japanese goes to OUTPUT_DIR (default docs/screens/), English to OUTPUT_DIR/en/. Runs offscreen; the images
show exactly what a person sees, in the bundled font. The walk itself is kiosk/ui/tour.py.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import TYPE_CHECKING

import qasync

from mynakiosk.app import application
from mynakiosk.ui import language
from mynakiosk.ui.tour import make_kiosk, tour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


async def render(out: Path) -> None:
    for code, folder in (("ja", out), ("en", out / "en")):
        folder.mkdir(parents=True, exist_ok=True)
        language.switch(code)
        kiosk = make_kiosk()

        def shot(name: str, widget: QWidget, folder: Path = folder) -> None:
            path = folder / f"{name}.png"
            if not widget.grab().save(str(path)):
                raise OSError(f"cannot write {path}")
            print(path)

        try:
            await tour(kiosk, shot)
        finally:
            kiosk.close()
            del kiosk
            # Freed here, on the GUI thread: left to the garbage collector, the closed kiosk's Qt objects
            # could be freed from the next kiosk's reader thread, which crashes Qt.
            gc.collect()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screens")
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(render(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
