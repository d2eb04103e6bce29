"""Memory over a long day: 10,000 full receptions through the whole GUI (reader window, staff console,
result files), sampling the resident set every 1,000.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_memory.py [RECEPTIONS]

Each reception: card placed, 暗証番号 1234, 同意 all, 高額療養費 no, 医療費助成 yes, 受付完了, card taken. The
figures go in docs/performance.md ("Memory over a long day"). Not a test: it takes minutes, and RSS depends
on the allocator; what matters is that it stops growing after the first 1,000.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def receptions(count: int) -> None:
    from mynakiosk.flow.machine import State
    from mynakiosk.scenarios.loader import load_default
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.main_window import MainWindow
    from mynakiosk.ui.staff_console import StaffConsole
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.readers.virtual import VirtualReader

    async def until(condition, timeout: float = 10.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("condition not reached")
            await asyncio.sleep(0.0005)

    results = Path(tempfile.mkdtemp(prefix="bench-results-"))
    reader = VirtualReader()
    controller = FlowController(reader, scenario=load_default(), result_folder=results, warm_up=False)
    window = MainWindow(controller)
    console = StaffConsole(controller)
    controller.start()
    window.show()
    console.show()
    await until(lambda: controller.snapshot.state is State.IDLE)
    sakura = next(p for p in controller.personas if p.key == "sakura")
    sakura.card.prepare()
    print("receptions  RSS MB  growth since 1,000  s/1,000  records kept  log lines kept  result files")
    start, base, lap = time.perf_counter(), None, time.perf_counter()
    for n in range(1, count + 1):
        reader.insert(sakura.card)
        await until(lambda: controller.snapshot.state is State.METHOD_SELECT)
        controller.choose_pin()
        controller.submit_pin(Pin("1234"))
        await until(lambda: controller.snapshot.state is State.CONSENT)
        controller.answer("all")
        controller.answer("no")
        controller.answer("yes")
        assert controller.snapshot.state is State.COMPLETE, controller.snapshot.state
        reader.remove()
        await until(lambda: controller.snapshot.state is State.IDLE)
        if n % 1000 == 0 or n == count:
            gc.collect()
            rss = rss_kib()
            base = base if base is not None else rss
            files = sum(1 for _ in results.iterdir())
            print(
                f"{n:>10,}  {rss / 1024:6.1f}  {(rss - base) / 1024:+17.1f}  {time.perf_counter() - lap:7.0f}"
                f"  {len(controller.records):>12}  {len(controller.log.recent):>14}  {files:>12}",
                flush=True,
            )
            lap = time.perf_counter()
    print(
        f"{count:,} receptions in {time.perf_counter() - start:.0f} s; session log {len(controller.log):,} lines"
    )
    assert files == count, "a result file is missing"
    controller.close()
    window.close()
    console.close()


def main() -> None:
    import qasync

    from mynakiosk.app import application

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    app = application()
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(receptions(count))


if __name__ == "__main__":
    main()
