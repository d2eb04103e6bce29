"""Whether vsmartcard's virtual card reader (vpcd) listens beyond loopback, read from /proc (Linux).

vpcd runs inside pcscd and waits for a card on TCP port ``CHANNELID + slot`` (35963 and 35964 as
vsmartcard configures it: ``virtualsmartcard/src/ifd-vpcd/reader.conf.in``, two slots by default,
``--enable-vpcdslots`` in its configure.ac). It binds that port on every interface (``INADDR_ANY`` in
``opensock``, ``virtualsmartcard/src/vpcd/vpcd.c``) and has no setting for another address: its only
other mode, ``DEVICENAME host:port``, connects out to a card emulator instead of listening. Installing
Debian's vsmartcard-vpcd therefore opens 0.0.0.0:35963 on the machine whenever pcscd runs: anyone who
reaches it can present a card in "Virtual PCD 00 00" and receive every command sent to that card,
a PIN typed for it included.

The listening sockets are read from ``/proc/net/tcp`` and ``/proc/net/tcp6`` (proc(5)), so no
dependency and no privilege is needed; elsewhere (no /proc) nothing is found.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

VPCD_PORT = 35963  # 0x8C7B: vsmartcard's reader.conf.in, DEVICENAME /dev/null:0x8C7B
VPCD_SLOTS = 2  # slot N listens on the port + N
READER_CONF_DIR = Path("/etc/reader.conf.d")  # pcsc-lite's serial reader configuration (reader.conf(5))
PROC_TABLES = ((Path("/proc/net/tcp"), socket.AF_INET), (Path("/proc/net/tcp6"), socket.AF_INET6))
TCP_LISTEN = "0A"  # the "st" column: include/net/tcp_states.h


@dataclass(frozen=True, slots=True, order=True)
class Listener:
    """A TCP socket in LISTEN state: its local address, port and the socket's inode."""

    address: str
    port: int
    inode: str = ""

    @property
    def loopback_only(self) -> bool:
        """Reachable from this machine only: 127.0.0.0/8, ::1 or an IPv4-mapped loopback address."""
        address = ipaddress.ip_address(self.address)
        mapped = getattr(address, "ipv4_mapped", None)
        return (mapped or address).is_loopback

    def __str__(self) -> str:
        return f"[{self.address}]:{self.port}" if ":" in self.address else f"{self.address}:{self.port}"


def _address(hex_address: str, family: int) -> str:
    """/proc/net/tcp* print the address as 32-bit words in the machine's byte order."""
    raw = bytes.fromhex(hex_address)
    if sys.byteorder == "little":
        raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return socket.inet_ntop(family, raw)


def parse_tcp_table(text: str, family: int) -> list[Listener]:
    """The listening sockets in one /proc/net/tcp or /proc/net/tcp6 table."""
    found = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 10 or fields[3] != TCP_LISTEN:
            continue
        address, _, port = fields[1].partition(":")
        found.append(Listener(_address(address, family), int(port, 16), fields[9]))
    return found


def listening_sockets(tables: Iterable[tuple[Path, int]] = PROC_TABLES) -> list[Listener]:
    """Every TCP socket in LISTEN state in this network namespace, whoever holds it."""
    found = []
    for path, family in tables:
        try:
            text = path.read_text()
        except OSError:  # no IPv6, or no /proc at all (not Linux)
            continue
        found += parse_tcp_table(text, family)
    return found


@record(slots=True)
class VpcdEntry:
    """A reader.conf entry that loads vpcd, and the first port it listens on (None: it connects out)."""

    path: Path
    port: int | None


def vpcd_entries(conf_dir: Path = READER_CONF_DIR) -> list[VpcdEntry]:
    """The entries in pcscd's reader configuration that load vpcd (``LIBPATH …libifdvpcd…``).

    The port is ``DEVICENAME``'s after the colon when its host is ``/dev/null`` (any other host: vpcd
    connects out), the default without a colon, and ``CHANNELID`` without a ``DEVICENAME``
    (ifd-vpcd.c, ``IFDHCreateChannelByName``)."""
    try:
        files = sorted(p for p in conf_dir.iterdir() if p.is_file())
    except OSError:
        return []
    entries = []
    for path in files:
        try:
            lines = path.read_text(errors="replace").splitlines()
        except OSError:
            continue
        for fields in _reader_entries(lines):
            if "ifdvpcd" in fields.get("LIBPATH", ""):
                entries.append(VpcdEntry(path, _listening_port(fields)))
    return entries


def _reader_entries(lines: Sequence[str]) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    for line in lines:
        key, _, value = line.strip().partition(" ")
        if not key or key.startswith("#"):
            continue
        if key == "FRIENDLYNAME" or not entries:
            entries.append({})
        entries[-1][key] = value.strip().strip('"')
    return entries


def _listening_port(fields: dict[str, str]) -> int | None:
    try:
        if "DEVICENAME" in fields:
            host, colon, port = fields["DEVICENAME"].partition(":")
            if colon and host != "/dev/null":
                return None
            return int(port, 0) if colon else VPCD_PORT
        return int(fields.get("CHANNELID", str(VPCD_PORT)), 0)
    except ValueError:
        return VPCD_PORT


def vpcd_ports(entries: Iterable[VpcdEntry]) -> set[int]:
    """The ports vpcd listens on: its default ones, and those the configuration names."""
    starts = {VPCD_PORT} | {entry.port for entry in entries if entry.port is not None}
    return {start + slot for start in starts for slot in range(VPCD_SLOTS)}


def exposed_vpcd(listeners: Iterable[Listener], entries: Iterable[VpcdEntry]) -> list[Listener]:
    """The sockets on vpcd's ports that listen beyond loopback (0.0.0.0, ::, or a network address)."""
    ports = vpcd_ports(entries)
    return sorted(
        (s for s in listeners if s.port in ports and not s.loopback_only), key=lambda s: (s.port, s.address)
    )


@record(slots=True)
class VpcdExposure:
    """vpcd listening beyond loopback: where, and the reader.conf files that make pcscd load it.

    Facts only: the warning a person reads is worded in ``kiosk/reader_messages.py``."""

    listeners: tuple[Listener, ...]
    configs: tuple[str, ...]

    @property
    def ports(self) -> tuple[int, ...]:
        """The ports exposed, each once, in order (what a firewall rule would close)."""
        return tuple(sorted({s.port for s in self.listeners}))


def vpcd_exposure(
    listeners: Iterable[Listener] | None = None, entries: Sequence[VpcdEntry] | None = None
) -> VpcdExposure | None:
    """vpcd's sockets that listen beyond loopback on this machine (``None``: none), read from /proc and
    pcscd's reader configuration unless given."""
    entries = vpcd_entries() if entries is None else entries
    exposed = exposed_vpcd(listening_sockets() if listeners is None else listeners, entries)
    if not exposed:
        return None
    configs = sorted({str(entry.path) for entry in entries}) or [str(READER_CONF_DIR / "vpcd")]
    return VpcdExposure(tuple(exposed), tuple(configs))
