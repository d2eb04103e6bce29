"""scripts/bootstrap.sh waits (bounded, saying so) for another package manager to let go of dpkg, says what to
do when it does not, and finishes or names what an interrupted installation left half-configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = ROOT / "scripts" / "bootstrap.sh"

HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.lockf(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()  # until the test says so
"""


def bootstrap_function(
    call: str, tmp_path: Path, *, capture_stdout: bool = False, **env: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["bash", "-c", f'. "{BOOTSTRAP}"; {call}'],
        stdout=subprocess.PIPE if capture_stdout else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHON": sys.executable, **env},
        cwd=tmp_path,
    )


def hold(lock: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "held\n"
    return holder


def test_a_free_lock_is_passed_at_once_and_silently(tmp_path):
    lock = tmp_path / "lock"
    lock.touch()
    waiter = bootstrap_function("wait_for_dpkg_lock", tmp_path, KIOSK_DPKG_LOCKS=str(lock))
    _, err = waiter.communicate(timeout=60)
    assert waiter.returncode == 0 and err == ""


def test_it_waits_for_the_lock_and_says_so(tmp_path):
    lock = tmp_path / "lock"
    with (
        hold(lock) as holder,
        bootstrap_function(
            "wait_for_dpkg_lock", tmp_path, KIOSK_DPKG_LOCKS=str(lock), KIOSK_DPKG_WAIT="120"
        ) as waiter,
    ):
        assert "another package manager is using dpkg" in waiter.stderr.readline()  # waiting now
        holder.communicate("release\n", timeout=60)
        err = waiter.stderr.read()
    assert waiter.returncode == 0 and "dpkg is free again" in err


def test_a_lock_that_is_not_freed_ends_the_wait_with_what_to_do(tmp_path):
    lock = tmp_path / "lock"
    with hold(lock) as holder:
        waiter = bootstrap_function(
            "wait_for_dpkg_lock", tmp_path, KIOSK_DPKG_LOCKS=str(lock), KIOSK_DPKG_WAIT="0.3"
        )
        _, err = waiter.communicate(timeout=60)
        holder.communicate("release\n", timeout=60)
    assert waiter.returncode != 0
    assert "still busy after 0.3 s" in err and "KIOSK_DPKG_WAIT=" in err and "Do not delete" in err


def fake_dpkg(tmp_path: Path, configure_status: int) -> dict[str, str]:
    """dpkg-query reporting pcscd half-configured (until dpkg --configure -a succeeds), and a dpkg stub."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    state = tmp_path / "configured"
    (bin_dir / "dpkg-query").write_text(
        f'#!/bin/sh\nprintf "ii  bash\\n"\n[ -e "{state}" ] || printf "iF  pcscd\\n"\n', encoding="utf-8"
    )
    (bin_dir / "dpkg").write_text(
        f'#!/bin/sh\n[ "$*" = "--configure -a" ] || exit 2\n[ {configure_status} -eq 0 ] && touch "{state}"\n'
        f"exit {configure_status}\n",
        encoding="utf-8",
    )
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def test_a_half_configured_package_is_finished(tmp_path):
    run = bootstrap_function(
        "repair_dpkg && unfinished_debs", tmp_path, capture_stdout=True, **fake_dpkg(tmp_path, 0)
    )
    out, err = run.communicate(timeout=60)
    assert run.returncode == 0 and out == ""  # nothing left unfinished
    assert "left these packages unfinished: pcscd" in err


def test_a_package_dpkg_cannot_finish_is_named_with_the_command(tmp_path):
    run = bootstrap_function("repair_dpkg", tmp_path, **fake_dpkg(tmp_path, 1))
    _, err = run.communicate(timeout=60)
    assert run.returncode != 0
    assert "could not finish configuring: pcscd" in err and "sudo dpkg --configure -a" in err
