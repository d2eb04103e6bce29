"""Runs inside the private pcscd's own mount and network namespaces (see tests/support/pcscd.py).

Usage: python pcscd_netns.py PORT RELAY_FOLDER HIDE[,HIDE...] [--squat] -- PCSCD ARGS...
with the pcscd listening socket as standard input.

It hides the given folders behind empty tmpfs mounts, brings the namespace's loopback up, relays each
connection on the Unix socket RELAY_FOLDER/slot-N.sock to vpcd's slot N on 127.0.0.1:PORT+N inside the
namespace (vpcd gives a reader two slots), and runs
pcscd socket-activated (the socket as fd 3, ``LISTEN_PID``/``LISTEN_FDS`` as sd_listen_fds(3) wants).
``--squat`` first takes PORT itself, so vpcd cannot (a test of a taken port). It ends when pcscd ends.
"""

from __future__ import annotations

import fcntl
import signal
import socket
import struct
import subprocess
import sys
import threading
from pathlib import Path

SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
VPCD_SLOTS = 2  # VICC_MAX_SLOTS in vsmartcard's ifd-vpcd.c
_QUICKACK = getattr(socket, "TCP_QUICKACK", None)
# sh's $$ is pcscd's pid after exec: sd_listen_fds accepts the socket only when LISTEN_PID is its own.
EXEC_ACTIVATED = 'LISTEN_PID=$$ LISTEN_FDS=1 exec "$0" "$@" 3<&0 0</dev/null'


def tune(sock: socket.socket) -> None:
    """No Nagle delay on TCP: vpcd's length and payload go out as two small segments."""
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _copy(source: socket.socket, target: socket.socket) -> None:
    tcp = source.family in (socket.AF_INET, socket.AF_INET6) and _QUICKACK is not None
    try:
        while True:
            if tcp:  # answer vpcd's first segment at once, or its second waits 40 ms (as hardware/vpcd.py)
                source.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:  # either side closing closes both: the card left, or vpcd went away
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def pump(a: socket.socket, b: socket.socket) -> None:
    """Copy both ways between ``a`` and ``b`` until either closes, then close both."""
    tune(a)
    tune(b)
    other = threading.Thread(target=_copy, args=(b, a), daemon=True)
    other.start()
    _copy(a, b)
    other.join()
    a.close()
    b.close()


def serve_relay(listener: socket.socket, connect) -> None:
    """Accept on ``listener`` and pump each connection to a fresh ``connect()``, until it is closed."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        try:
            far = connect()
        except OSError:
            conn.close()
            continue
        threading.Thread(target=pump, args=(conn, far), daemon=True).start()


def connect_tcp(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.settimeout(None)
    return sock


def loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sH22x", b"lo", 0)
        (_, flags) = struct.unpack("16sH22x", fcntl.ioctl(sock, SIOCGIFFLAGS, request))
        fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH22x", b"lo", flags | IFF_UP))


def relay_socket(folder: Path, slot: int) -> Path:
    return folder / f"slot-{slot}.sock"


def main(argv: list[str]) -> int:
    split = argv.index("--")
    options, pcscd = argv[:split], argv[split + 1 :]
    port, relay_folder, hidden = int(options[0]), Path(options[1]), options[2].split(",")
    for folder in hidden:
        if Path(folder).is_dir():
            subprocess.run(["mount", "-t", "tmpfs", "kiosk-test-pcscd", folder], check=True)
    loopback_up()
    squatter = None
    if "--squat" in options:
        squatter = socket.socket()
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
    for slot in range(VPCD_SLOTS):
        path = relay_socket(relay_folder, slot)
        path.unlink(missing_ok=True)
        relay = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        relay.bind(str(path))
        relay.listen()
        connect = lambda slot_port=port + slot: connect_tcp(slot_port)  # noqa: E731
        threading.Thread(target=serve_relay, args=(relay, connect), daemon=True).start()
    child = subprocess.Popen(["/bin/sh", "-c", EXEC_ACTIVATED, *pcscd])
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    signal.signal(signal.SIGINT, lambda *_: child.terminate())
    status = child.wait()
    for slot in range(VPCD_SLOTS):
        relay_socket(relay_folder, slot).unlink(missing_ok=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
