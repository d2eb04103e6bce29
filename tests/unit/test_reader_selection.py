"""Choosing a PC/SC reader: a virtual (vpcd) reader only by name; vpcd open to the network is told."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from mynakiosk import cli
from mynakiosk.cli import in_english, main
from mynakiosk.reader_messages import describe, describe_exposure
from mynakiosk_hardware.readers import exposure
from mynakiosk_hardware.readers.base import ServiceUnavailableError
from mynakiosk_hardware.readers.exposure import (
    Listener,
    VpcdEntry,
    exposed_vpcd,
    listening_sockets,
    vpcd_entries,
    vpcd_exposure,
    vpcd_ports,
)
from mynakiosk_hardware.readers.pcsc import ReaderStatus
from mynakiosk_hardware.readers.selection import check_choice, is_virtual, watched

PROC = Path(__file__).with_name("proc_net")
FIXTURE_TABLES = ((PROC / "tcp", socket.AF_INET), (PROC / "tcp6", socket.AF_INET6))
USB = "SONY FeliCa RC-S300/P 00 00"
VIRTUAL = ["Virtual PCD 00 00", "Virtual PCD 00 01"]
DEBIAN_VPCD = (
    'FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:0x8C7B\n'
    "LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    0x8C7B\n"
)


# -- which readers -----------------------------------------------------------------------------


def test_vpcd_readers_are_virtual_and_usb_readers_are_not():
    assert all(is_virtual(name) for name in [*VIRTUAL, "Virtual PCD 01 00"])
    assert not any(
        is_virtual(name) for name in [USB, "ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00"]
    )


def test_without_a_name_every_reader_but_the_virtual_ones_is_watched():
    assert watched([*VIRTUAL, USB], None) == [USB]
    assert watched(VIRTUAL, None) == []
    assert watched([*VIRTUAL, USB], "") == [USB]


def test_a_named_virtual_reader_is_watched():
    assert watched([*VIRTUAL, USB], "Virtual PCD 00 00") == ["Virtual PCD 00 00"]
    assert watched([*VIRTUAL, USB], "Virtual PCD") == VIRTUAL
    assert watched([*VIRTUAL, USB], "RC-S300") == [USB]


def test_only_virtual_readers_and_no_name_stops_with_the_names_and_how_to_choose():
    check_choice([*VIRTUAL, USB], None)  # a real reader: fine, the virtual ones are left alone
    check_choice(VIRTUAL, "Virtual PCD 00 01")  # named: fine
    with pytest.raises(ServiceUnavailableError) as raised:
        check_choice(VIRTUAL, None)
    japanese = str(describe(raised.value))  # what the window shows
    assert "仮想カードリーダーしかありません" in japanese
    assert all(repr(name) in japanese for name in VIRTUAL)
    assert "--reader 'pcsc:Virtual PCD 00 00'" in japanese
    english = in_english(raised.value)
    assert english.startswith(
        "Only virtual card readers are present: 'Virtual PCD 00 00', 'Virtual PCD 00 01'"
    )
    assert "--reader pcsc:NAME" in english and "--reader 'pcsc:Virtual PCD 00 00'" in english


def test_no_reader_and_an_unknown_name_are_told_too():
    with pytest.raises(ServiceUnavailableError) as raised:
        check_choice([], None)
    assert "35963" in in_english(raised.value) and "no readers" in in_english(raised.value)
    with pytest.raises(ServiceUnavailableError) as raised:
        check_choice([USB], "ACR1252")
    assert in_english(raised.value) == f"No PC/SC reader's name contains 'ACR1252'; readers: {USB!r}"


@pytest.fixture
def readers_here(monkeypatch):
    """`kiosk` sees these PC/SC readers (no card on any) and the vpcd sockets given."""
    import mynakiosk_hardware.readers.pcsc as pcsc

    def use(names, listeners=(), entries=()):
        monkeypatch.setattr(pcsc, "list_readers", lambda: [ReaderStatus(n, False, b"") for n in names])
        monkeypatch.setattr(exposure, "listening_sockets", lambda: list(listeners))
        monkeypatch.setattr(exposure, "vpcd_entries", lambda: list(entries))

    return use


def test_kiosk_on_pcsc_without_a_name_refuses_virtual_readers(readers_here, capsys):
    readers_here(VIRTUAL)
    assert main(["--check", "--reader", "pcsc"]) == cli.EXIT_READER
    err = capsys.readouterr().err
    assert err.startswith("error: Only virtual card readers are present: 'Virtual PCD 00 00'")
    assert "--reader 'pcsc:Virtual PCD 00 00'" in err


def test_make_reader_takes_a_named_virtual_reader_and_leaves_unnamed_ones_out(readers_here):
    readers_here([*VIRTUAL, USB])
    named = cli.make_reader("pcsc", "Virtual PCD 00 00")
    anyone = cli.make_reader("pcsc", None)
    try:
        assert named.description == "PC/SC (Virtual PCD 00 00)"
        assert anyone.description == "PC/SC (any reader but virtual ones)"
    finally:
        named.close()
        anyone.close()


def test_the_phone_reader_check_ignores_virtual_readers_the_card_reader_does_not_watch(readers_here):
    readers_here([*VIRTUAL, USB])
    assert cli._shared_reader(None, "Virtual PCD 00 01") == ""
    assert "both match 'Virtual PCD 00 01'" in cli._shared_reader("Virtual PCD", "Virtual PCD 00 01")


def test_kiosk_readers_marks_virtual_readers_and_warns_when_vpcd_is_open(readers_here, capsys):
    readers_here(
        [USB, *VIRTUAL], [Listener("0.0.0.0", 35963)], [VpcdEntry(Path("/etc/reader.conf.d/vpcd"), 35963)]
    )
    assert main(["readers"]) == cli.EXIT_OK
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[:3] == [
        f"{USB}\tno card",
        "Virtual PCD 00 00\t[virtual] no card",
        "Virtual PCD 00 01\t[virtual] no card",
    ]
    assert "--reader 'pcsc:Virtual PCD 00 00'" in lines[3]
    assert err.startswith(
        "WARNING: vsmartcard's virtual card reader (vpcd) is open to the network (0.0.0.0:35963)"
    )
    assert "/etc/reader.conf.d/vpcd" in err and "35963" in err


def test_kiosk_readers_is_quiet_when_vpcd_listens_on_loopback_only(readers_here, capsys):
    readers_here([USB], [Listener("127.0.0.1", 35963), Listener("::ffff:127.0.0.1", 35964)])
    assert main(["readers"]) == cli.EXIT_OK
    out, err = capsys.readouterr()
    assert out == f"{USB}\tno card\n" and err == ""


# -- /proc/net/tcp and tcp6 --------------------------------------------------------------------


def test_proc_tables_are_read_with_ipv6_and_ipv4_mapped_addresses():
    found = {(s.address, s.port): s for s in listening_sockets(FIXTURE_TABLES)}
    assert set(found) == {
        ("0.0.0.0", 35963),
        ("0.0.0.0", 35964),
        ("127.0.0.1", 631),
        ("192.168.1.20", 22),
        ("::", 35963),
        ("::1", 631),
        ("::ffff:127.0.0.1", 35964),
        ("::ffff:192.168.1.20", 8080),
    }  # the established connection on 35963 (st 01) is not a listener
    loopback = {key for key, s in found.items() if s.loopback_only}
    assert loopback == {("127.0.0.1", 631), ("::1", 631), ("::ffff:127.0.0.1", 35964)}
    assert found[("0.0.0.0", 35963)].inode == "41001"


def test_missing_tables_find_nothing(tmp_path):
    assert listening_sockets(((tmp_path / "tcp", socket.AF_INET), (tmp_path / "tcp6", socket.AF_INET6))) == []


def test_vpcd_on_all_interfaces_is_exposed_and_named_with_the_fix():
    listeners = listening_sockets(FIXTURE_TABLES)
    entries = [VpcdEntry(Path("/etc/reader.conf.d/vpcd"), 35963)]
    assert [str(s) for s in exposed_vpcd(listeners, entries)] == [
        "0.0.0.0:35963",
        "[::]:35963",
        "0.0.0.0:35964",
    ]
    exposure = vpcd_exposure(listeners, entries)
    assert exposure is not None
    english = in_english(describe_exposure(exposure))
    assert "(0.0.0.0:35963, [::]:35963, 0.0.0.0:35964)" in english
    assert "anyone who reaches this machine can present a card" in english
    assert "Remove /etc/reader.conf.d/vpcd" in english and "restart pcscd" in english
    assert "no setting to listen on 127.0.0.1 only" in english and "ports 35963, 35964" in english
    short = in_english(describe_exposure(exposure, short=True))
    assert short.startswith("Warning: the virtual card reader (vpcd) is open to the network (0.0.0.0:35963,")
    assert "Remove /etc/reader.conf.d/vpcd and restart pcscd" in short and len(short) < len(english) * 2 // 3


def test_vpcd_without_a_reader_conf_entry_points_at_the_package_file():
    exposure = vpcd_exposure([Listener("::", 35964)], [])
    assert exposure is not None and exposure.configs == ("/etc/reader.conf.d/vpcd",)


def test_vpcd_on_loopback_or_another_port_is_not_exposed():
    assert vpcd_exposure([Listener("127.0.0.1", 35963), Listener("::1", 35964)], []) is None
    assert vpcd_exposure([Listener("0.0.0.0", 8080)], []) is None


def test_reader_conf_entries_give_vpcd_ports(tmp_path):
    (tmp_path / "vpcd").write_text(DEBIAN_VPCD)
    (tmp_path / "other-port").write_text(
        'FRIENDLYNAME "Card A"\nDEVICENAME /dev/null:40000\nLIBPATH /opt/libifdvpcd.so\n'
        "# a comment\n"
        'FRIENDLYNAME "Reversed"\nDEVICENAME 192.168.0.4:0x8C7B\nLIBPATH /opt/libifdvpcd.so\n'
        'FRIENDLYNAME "By channel"\nLIBPATH /opt/libifdvpcd.so\nCHANNELID 0x9C50\n'
    )
    (tmp_path / "libccidtwin").write_text(
        'FRIENDLYNAME "GemPC Twin serial"\nDEVICENAME /dev/ttyS0\nLIBPATH /usr/lib/libccidtwin.so\n'
    )
    entries = vpcd_entries(tmp_path)
    assert {(e.path.name, e.port) for e in entries} == {
        ("vpcd", 35963),
        ("other-port", 40000),
        ("other-port", None),  # reversed mode: vpcd connects out, listens on nothing
        ("other-port", 0x9C50),
    }
    assert vpcd_ports(entries) == {35963, 35964, 40000, 40001, 0x9C50, 0x9C51}
    assert exposed_vpcd([Listener("0.0.0.0", 40001)], entries) == [Listener("0.0.0.0", 40001)]
    assert vpcd_entries(tmp_path / "missing") == []
