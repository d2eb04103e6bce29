"""Which TCP sockets listen, and which of them a process holds: the tests' proof that nothing is left open.

The /proc tables are read by the kiosk's own code (``hardware.readers.exposure``), which warns when vpcd
listens beyond loopback.
"""

from __future__ import annotations

import os
from pathlib import Path

from mynakiosk_hardware.readers.exposure import Listener, listening_sockets

__all__ = ["Listener", "listening_sockets", "listening_sockets_of", "socket_inodes"]


def socket_inodes(pid: int | str = "self") -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def listening_sockets_of(pid: int | str = "self") -> list[Listener]:
    """The listening TCP sockets process ``pid`` holds."""
    held = socket_inodes(pid)
    return [listener for listener in listening_sockets() if listener.inode in held]
