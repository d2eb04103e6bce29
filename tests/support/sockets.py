"""Which TCP sockets listen, read from /proc (Linux): the tests' proof that nothing is left open."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import NamedTuple


class Listener(NamedTuple):
    address: str
    port: int
    inode: str

    @property
    def loopback_only(self) -> bool:
        return self.address == "::1" or self.address.startswith("127.")


def _decode(local: str, width: int) -> tuple[str, int]:
    address_hex, port_hex = local.split(":")
    raw = bytes.fromhex(address_hex)
    if width == 8:
        address = socket.inet_ntop(socket.AF_INET, raw[::-1])
    else:
        address = socket.inet_ntop(socket.AF_INET6, b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4)))
    return address, int(port_hex, 16)


def listening_sockets() -> list[Listener]:
    """Every TCP socket in LISTEN state in this network namespace, whoever holds it."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A":  # TCP_LISTEN
                found.append(Listener(*_decode(fields[1], width), fields[9]))
    return found


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
