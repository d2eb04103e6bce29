"""The desktop bundle as a clinic PC runs it: started from outside the repository, with its own Python.

The bundle takes a minute or two to build (a venv with PySide6 and PyInstaller, then PyInstaller), so a
developer's run does not build it: ``scripts/bundle --test`` builds it and runs these tests on it
(``KIOSK_BUNDLE`` names its folder). CI (``CI=true``) or ``KIOSK_TEST_BUNDLE=1`` builds it here with
``scripts/bundle``; otherwise these tests are skipped, saying so.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = os.environ.get("KIOSK_BUNDLE")


@pytest.fixture(scope="module")
def bundle() -> Path:
    if BUNDLE:
        folder = Path(BUNDLE).resolve()
    elif os.environ.get("CI") == "true" or os.environ.get("KIOSK_TEST_BUNDLE") == "1":
        subprocess.run([str(ROOT / "scripts" / "bundle")], check=True, timeout=1800)
        folder = ROOT / "dist" / "mynakiosk"
    else:
        pytest.skip("the desktop bundle is built and tested by scripts/bundle --test (and in CI)")
    assert (folder / "kiosk").is_file() or (folder / "kiosk.exe").is_file(), f"no bundle in {folder}"
    return folder


def run(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The bundle's console program with none of this repository's Python on any path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "KIOSK_RESOURCES")}
    result = subprocess.run(
        [str(bundle / "kiosk"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, f"{args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def test_the_bundle_holds_both_programs_and_the_font_licence(bundle):
    assert (bundle / "mynakiosk").is_file() or (bundle / "mynakiosk.exe").is_file()
    assert list(bundle.rglob("mynakiosk_resources/fonts/OFL.txt"))
    # Each distribution's licence travels with it: the app's MIT and the fonts' OFL in its metadata.
    assert list(bundle.rglob("mynakiosk-*.dist-info/licenses/LICENSE"))
    assert list(bundle.rglob("mynakiosk-*.dist-info/licenses/resources/fonts/OFL.txt"))
    assert list(bundle.rglob("pyside6_essentials-*.dist-info/METADATA"))
    # BudouX's phrase model, read from its package's folder once a reader text is balanced, and its licence.
    assert list(bundle.rglob("budoux/models/ja.json"))
    assert list(bundle.rglob("budoux-*.dist-info/licenses/LICENSE"))
    assert not list(bundle.rglob("pytest")), "the pytest plugin's dependencies are not bundled"


def test_check_in_japanese_and_english_from_outside_the_repository(bundle, tmp_path):
    assert ROOT not in tmp_path.parents
    japanese = run(bundle, "--check", cwd=tmp_path)
    assert japanese.stdout.startswith("ok: reader 'Virtual reader (in-process)' ready")
    assert "「マイナンバーカードを置いてください」" in japanese.stdout
    english = run(bundle, "--check", "--lang", "en", cwd=tmp_path)
    assert "「Please place your My Number Card」" in english.stdout


def test_the_bundled_scenarios_run(bundle, tmp_path):
    names = [
        json.loads(line)["name"]
        for line in run(bundle, "scenario", "list", "--json", cwd=tmp_path).stdout.splitlines()
    ]
    assert names == sorted(p.stem for p in (ROOT / "resources" / "scenarios").glob("*.toml"))
    assert (
        run(bundle, "scenario", "run", cwd=tmp_path).stdout.splitlines()[-1]
        == f"{len(names)} passed, 0 failed"
    )


def test_its_desktop_entry_starts_the_windowed_program(bundle, tmp_path):
    entry = run(bundle, "desktop", "install", "--print", cwd=tmp_path).stdout
    assert f"Exec={bundle.resolve() / 'mynakiosk'}\n" in entry
