"""The session log (セッションのログ): every screen, record and result file of the session, in Japanese.

It is the clinic's record of a rehearsal, saved whole with ログを保存, so no line may be dropped; but a kiosk
runs all day, so it cannot all stay in memory either. Every line goes to an anonymous temporary file (mode
0600, removed by the system when the program ends, never a file anyone has to clean up) and only the latest
:data:`RECENT_LOG_LINES` stay in memory, as marked texts the staff console can show in either language.
Lines never hold a PIN (see FlowController._write_log).
"""

from __future__ import annotations

import logging
import tempfile
import weakref
from collections import deque
from typing import IO, TYPE_CHECKING

from mynakiosk_hardware.files import write_atomically

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

log = logging.getLogger("kiosk.controller")

RECENT_LOG_LINES = 500  # what the staff console shows (and re-translates on a language switch)


class SessionLog:
    """Lines appended in order; iterating gives every line (Japanese), :attr:`recent` the latest, marked."""

    def __init__(self, recent_lines: int = RECENT_LOG_LINES) -> None:
        # Bounded: a kiosk runs all day, and a marked line weighs ~2 KB where its Japanese str weighs ~0.15 KB.
        self.recent: deque[str] = deque(maxlen=recent_lines)
        self._spool: IO[bytes] | None = None
        self._unspooled: list[str] = []  # lines kept in memory when the temporary folder cannot take them
        self._count = 0
        self._closed = False

    def append(self, line: str) -> None:
        self.recent.append(line)
        self._count += 1
        if self._closed:
            # The session is over (its window closed); a reader event still on its way may add a line,
            # which nothing can save any more: not an error.
            return
        if not self._unspooled:
            try:
                if self._spool is None:
                    self._spool = tempfile.TemporaryFile(prefix="kiosk-session-")
                    weakref.finalize(self, self._spool.close)  # closed with the log, even if never closed
                self._spool.write(f"{line}\n".encode())
                return
            except OSError as exc:
                log.warning(
                    "session log: the temporary folder is not writable (%s); keeping it in memory", exc
                )
        self._unspooled.append(str(line))

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        yield from self.text().splitlines()

    def text(self) -> str:
        """The whole log, a line each."""
        spooled = b""
        if self._spool is not None:
            self._spool.flush()
            self._spool.seek(0)
            spooled = self._spool.read()
            self._spool.seek(0, 2)
        return spooled.decode() + "".join(f"{line}\n" for line in self._unspooled)

    def save(self, path: Path) -> Path:
        """Write the whole log to ``path`` atomically (mode 0600: it names patients); ``OSError`` if not."""
        return write_atomically(path, self.text().encode())

    def close(self) -> None:
        self._closed = True
        if self._spool is not None:
            self._spool.close()
