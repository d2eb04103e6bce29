"""Read a TOML settings file (card profiles, scenarios, rosters): the one reader, so the one place that
decides what a file may hold before any of it is used.

Every file is hostile until read: it must be a regular file (a FIFO or ``/dev/zero`` is refused without
blocking) under :data:`MAX_FILE_BYTES`; its values must be finite numbers within 64 bits, dates within
:data:`EARLIEST_DATE` … :data:`LATEST_DATE`, text without control characters (names and codes end up in
the result XML and on screen) and tables nested at most :data:`MAX_DEPTH` deep. Errors name the file and the
field and quote at most :data:`QUOTE_LIMIT` characters of what was found.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 256 * 1024  # the largest library scenario is ~6 KB; a roster of 3,000 cards fits
MAX_DEPTH = 8  # scenario → people → [i] → card → field is 4 levels deep
QUOTE_LIMIT = 80
# Dates every calculation here can move by years without overflowing (5th birthdays, +30 days, ages);
# certificates have their own floor (1950: X.509 UTCTime) in the profile.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
INT_RANGE = range(-(2**63), 2**63)  # TOML's own integer range

# C0 and C1 controls except tab, line feed and carriage return, and the two non-characters XML 1.0 forbids.
# Sets, not regular expressions: a character class reaching past U+00FF makes `re` build a 64 K-entry table
# when it compiles, ~2.3 M instructions each at start-up (docs/performance.md), for a plain membership test.
_CONTROL = frozenset(
    map(chr, (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF))
)
# Also refused in one-line texts (names, codes, ids): the line breaks and tab.
_LINE_CONTROL = _CONTROL | {"\t", "\n", "\r", "\u2028", "\u2029"}


def quote(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)``, cut to about ``limit`` characters: an error message never echoes a whole file."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def is_single_line(text: str) -> bool:
    """True for text that may go into a one-line field: no control characters, no line breaks."""
    return _LINE_CONTROL.isdisjoint(text)


def read_toml(path: str | os.PathLike[str], what: str, error: type[Exception]) -> dict[str, Any]:
    """The parsed and checked file, or ``error`` saying which file and what is wrong with it.

    ``what`` names the kind of file in messages, e.g. "scenario".
    """
    path = Path(path)
    raw = _read_limited(path, what, error)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {_clip(str(exc))}") from None
    except RecursionError:
        raise error(f"{path}: nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # an integer of thousands of digits (Python's int conversion limit)
        raise error(f"{path}: not valid TOML: {_clip(str(exc))}") from None
    check_values(data, str(path), error)
    return data


def _read_limited(path: Path, what: str, error: type[Exception]) -> bytes:
    """The file's bytes; only a regular file is read, and never more than MAX_FILE_BYTES."""
    # O_NONBLOCK: opening a FIFO nobody writes to returns at once (then fstat refuses it) instead of
    # waiting for a writer. It does not change how a regular file reads.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"{path}: no such {what} file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a {what} file") from None
    except OSError as exc:  # no permission, an I/O error, a folder on Windows
        if path.is_dir():
            raise error(f"{path}: is a folder, not a {what} file") from None
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(f"{path}: is a folder, not a {what} file")
        if not stat.S_ISREG(mode):
            raise error(f"{path}: not a regular file (a device, pipe or socket), not a {what} file")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise error(f"{path}: larger than {MAX_FILE_BYTES // 1024} KB: not a {what} file")
    return b"".join(chunks)


def _clip(text: str) -> str:
    return text if len(text) <= QUOTE_LIMIT else f"{text[: QUOTE_LIMIT - 1]}…"


def _field(keys: tuple[str | int, ...]) -> str:
    """``people[0].card.holder`` for the keys ("people", 0, "card", "holder")."""
    name = ""
    for key in keys:
        name += f"[{key}]" if isinstance(key, int) else (f".{key}" if name else str(key))
    return _clip(name)


def check_values(data: dict[str, Any], where: str, error: type[Exception]) -> None:
    """Refuse what no field of any file may hold; ``where`` (the file) and the field start the message.

    Iterative, so a deep document cannot exhaust the stack here either.
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        keys, value = stack.pop()
        if len(keys) > MAX_DEPTH:
            raise error(f"{where}: {_field(keys[:MAX_DEPTH])}: nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            for key, item in value.items():
                if not _LINE_CONTROL.isdisjoint(key):
                    raise error(f"{where}: {_field(keys)}: a key with control characters: {quote(key)}")
                stack.append(((*keys, key), item))
        elif isinstance(value, list):
            stack.extend(((*keys, index), item) for index, item in enumerate(value))
        elif isinstance(value, str):
            if not _CONTROL.isdisjoint(value):
                raise error(f"{where}: {_field(keys)}: control characters in the text {quote(value)}")
        elif isinstance(value, bool):
            pass
        elif isinstance(value, int):
            if value not in INT_RANGE:
                raise error(f"{where}: {_field(keys)}: {quote(value)} is beyond 64 bits")
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise error(f"{where}: {_field(keys)}: {value!r} is not a usable number")
        elif isinstance(value, (dt.date, dt.datetime)):
            day = value.date() if isinstance(value, dt.datetime) else value
            if not EARLIEST_DATE <= day <= LATEST_DATE:
                raise error(
                    f"{where}: {_field(keys)}: {value.isoformat()} is outside "
                    f"{EARLIEST_DATE.year}–{LATEST_DATE.year}"
                )
