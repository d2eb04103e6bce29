"""Hardware benchmarks: APDU round trip through pcscd + vpcd, card-insert latency, idle CPU.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_hardware.py [--idle-seconds 10]

Starts its own pcscd (like the e2e tests). Each figure is printed with the target from the issue and,
where one exists, a baseline measured in the same run. Results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import threading
import time
from pathlib import Path

import mynakiosk_hardware.vpcd as vpcd
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import ReaderEventKind
from mynakiosk_hardware.readers.pcsc import PcscReader
from mynakiosk_hardware.readers.virtual import VirtualReader
from tests.support.pcscd import PcscdProcess

SELECT_JPKI = bytes.fromhex("00A4040C0AD392F000260100000001")


def apdu_round_trips(pcscd: PcscdProcess, count: int) -> list[float]:
    from smartcard import scard

    bridge = vpcd.VpcdBridge(MyNumberCard(CardProfile("bench", "1234")), port=pcscd.port)
    bridge.insert()
    pcscd.wait_card(present=True)
    _, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _, handle, protocol = scard.SCardConnect(
        context, pcscd.reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
    )
    times = []
    for _ in range(count):
        start = time.perf_counter()
        hresult, answer = scard.SCardTransmit(handle, protocol, list(SELECT_JPKI))
        times.append(time.perf_counter() - start)
        assert hresult == 0 and bytes(answer) == b"\x90\x00"
    scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
    scard.SCardReleaseContext(context)
    bridge.remove()
    pcscd.wait_card(present=False)
    return times


def insert_latency_pcsc(pcscd: PcscdProcess, count: int) -> list[float]:
    seen = threading.Event()
    reader = PcscReader(pcscd.reader)
    reader.start(lambda e: seen.set() if e.kind is ReaderEventKind.CARD_INSERTED else None)
    card = MyNumberCard(CardProfile("bench", "1234"))
    times = []
    try:
        for _ in range(count):
            seen.clear()
            bridge = vpcd.VpcdBridge(card, port=pcscd.port)
            start = time.perf_counter()
            bridge.insert()
            assert seen.wait(5), "insert not seen"
            times.append(time.perf_counter() - start)
            bridge.remove()
            pcscd.wait_card(present=False)
    finally:
        reader.close()
    return times


def insert_latency_virtual(count: int) -> list[float]:
    seen = threading.Event()
    reader = VirtualReader()
    reader.start(lambda e: seen.set() if e.kind is ReaderEventKind.CARD_INSERTED else None)
    card = MyNumberCard(CardProfile("bench", "1234"))
    times = []
    for _ in range(count):
        seen.clear()
        start = time.perf_counter()
        reader.insert(card)
        assert seen.wait(5)
        times.append(time.perf_counter() - start)
        reader.remove()
    reader.close()
    return times


def _process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(reader_factory, seconds: float, pcscd_pid: int | None = None) -> tuple[float, float]:
    """Share of one core this process (and pcscd) use while the reader waits for a card."""
    reader = reader_factory()
    reader.start(lambda e: None)
    time.sleep(0.5)  # let start-up settle; the measurement is of waiting, not starting
    cpu0, wall0 = time.process_time(), time.perf_counter()
    daemon0 = _process_cpu(pcscd_pid) if pcscd_pid else 0.0
    time.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    daemon = (_process_cpu(pcscd_pid) - daemon0) if pcscd_pid else 0.0
    reader.close()
    return cpu / wall, daemon / wall


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.3f} ms, p90 {sorted(values)[int(len(values) * 0.9)] * 1000:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--apdus", type=int, default=300)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    pcscd = PcscdProcess(Path(tempfile.mkdtemp(prefix="bench-pcscd-")))
    pcscd.start()
    try:
        fast = apdu_round_trips(pcscd, args.apdus)
        quickack, vpcd._QUICKACK = vpcd._QUICKACK, None  # baseline: a plain socket loop
        try:
            naive = apdu_round_trips(pcscd, max(20, args.apdus // 10))
        finally:
            vpcd._QUICKACK = quickack
        print(f"APDU round trip pyscard->pcscd->vpcd->card: {ms(fast)}   (target: median <= 1 ms)")
        print(f"  baseline, plain socket loop:              {ms(naive)}")
        print(f"  ratio baseline/ours (median): {statistics.median(naive) / statistics.median(fast):.0f}x")
        pcsc_insert = insert_latency_pcsc(pcscd, 10)
        print(
            f"card insert seen through pcscd:  {ms(pcsc_insert)}   (target: <= 450 ms; pcscd polls vpcd every 400 ms)"
        )
        print(f"card insert seen in-process:     {ms(insert_latency_virtual(50))}   (target: <= 20 ms)")
        pid = pcscd.pid
        cpu_pcsc, cpu_daemon = idle_cpu(lambda: PcscReader(pcscd.reader), args.idle_seconds, pid)
        cpu_virtual, _ = idle_cpu(VirtualReader, args.idle_seconds)
        over = f"of a core over {args.idle_seconds:g} s"
        print(f"CPU waiting for a card, pcsc backend:    {cpu_pcsc * 100:.2f}% {over} (target <= 1%)")
        print(f"  pcscd itself meanwhile (its 400 ms vpcd poll, not ours): {cpu_daemon * 100:.2f}%")
        print(f"CPU waiting for a card, virtual backend: {cpu_virtual * 100:.2f}% {over} (target <= 1%)")
    finally:
        pcscd.stop()


if __name__ == "__main__":
    main()
