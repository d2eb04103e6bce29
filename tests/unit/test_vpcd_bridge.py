"""The vpcd bridge's wire protocol against a stand-in for vpcd on loopback (no pcscd needed)."""

import socket
import struct

import pytest

from mynakiosk.cli import in_english
from mynakiosk.reader_messages import describe
from mynakiosk_hardware.card import MYNUMBER_ATR, CardProfile, MyNumberCard
from mynakiosk_hardware.errors import NotLoopbackError
from mynakiosk_hardware.vpcd import VpcdBridge, VpcdError, require_loopback


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        assert chunk, "bridge closed the connection"
        buf += chunk
    return buf


def exchange(sock, payload: bytes, reply: bool = True) -> bytes | None:
    sock.sendall(struct.pack("!H", len(payload)) + payload)
    if not reply:
        return None
    (n,) = struct.unpack("!H", recv_exact(sock, 2))
    return recv_exact(sock, n)


@pytest.fixture
def vpcd_standin():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(5)
    yield server
    server.close()


def test_insert_answers_atr_power_and_apdus_then_remove_closes(vpcd_standin):
    card = MyNumberCard(CardProfile("x", "1234"))
    bridge = VpcdBridge(card, port=vpcd_standin.getsockname()[1])
    bridge.insert()
    conn, _ = vpcd_standin.accept()
    conn.settimeout(5)
    exchange(conn, b"\x01", reply=False)  # power on: no reply
    assert exchange(conn, b"\x04") == MYNUMBER_ATR
    select = bytes.fromhex("00A4040C0AD392F000260100000001")
    assert exchange(conn, select) == b"\x90\x00"
    assert exchange(conn, bytes.fromhex("00A4020C020018")) == b"\x90\x00"
    assert exchange(conn, bytes.fromhex("00200080")) == bytes.fromhex("63C3")
    assert bridge.apdu_count == 3
    bridge.remove()
    assert conn.recv(1) == b""  # the card left the reader: vpcd sees the socket close
    assert not bridge.inserted
    conn.close()


def test_insert_without_vpcd_says_what_is_missing():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    bridge = VpcdBridge(MyNumberCard(CardProfile("x", "1234")), port=port)
    with pytest.raises(VpcdError, match="vpcd"):
        bridge.insert(timeout=2)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_hosts_are_accepted(host):
    assert require_loopback(host) == host


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "10.0.0.1", "example.org", ""])
def test_other_hosts_are_refused(host):
    with pytest.raises(NotLoopbackError, match="loopback") as raised:
        require_loopback(host)
    assert raised.value.host == host and isinstance(raised.value, ValueError)  # a usage error to the CLI


def test_a_refused_host_is_worded_for_a_person():
    error = NotLoopbackError("192.168.1.10")
    assert "192.168.1.10" in describe(error) and "ループバック" in describe(error)
    assert (
        in_english(error)
        == "The vpcd bridge only connects to a loopback address (127.0.0.1, ::1, localhost): 192.168.1.10"
    )
