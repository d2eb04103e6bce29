"""The distribution as a user gets it: built into an sdist and a wheel, installed into a fresh venv outside
the repository, then run as a clinic, a family and another project's tests would run it.

Slow-ish (~1 min with pip's cache warm: PySide6 is unpacked into the new venv). Select with -m packaging,
leave out with -m "not packaging".
"""

from __future__ import annotations

import email
import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
CONSUMER = Path(__file__).with_name("consumer")


def run(*command: str | Path, cwd: Path, timeout: int = 600, **env: str) -> subprocess.CompletedProcess[str]:
    """A command in a clean environment: none of this repository's paths, offscreen Qt."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KIOSK_RESOURCES", "VIRTUAL_ENV")
    }
    environment |= {"QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1", **env}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=environment
    )
    assert result.returncode == 0, (
        f"{command} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    )
    return result


@pytest.fixture(scope="module")
def outside() -> Iterator[Path]:
    """A folder outside the repository and outside pytest's temporary folders (whose files the suite checks
    for typed PINs: an installed venv holds every digit string there is). Removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="mynakiosk-packaging-") as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def dist(outside) -> Path:
    """An sdist, and a wheel built from it (as an index's users and builders get them)."""
    out = outside / "dist"
    out.mkdir()
    run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=out)
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    (found,) = dist.glob("mynakiosk-*-py3-none-any.whl")
    return found


@pytest.fixture(scope="module")
def installed(outside, wheel) -> Path:
    """A fresh venv outside the repository with the wheel and its pytest extra: its bin/ folder."""
    home = outside / "venv"
    assert ROOT not in home.parents
    venv.create(home, with_pip=True)
    bindir = home / ("Scripts" if os.name == "nt" else "bin")
    run(bindir / "python", "-m", "pip", "install", "-q", f"{wheel}[pytest]", cwd=home)
    return bindir


def test_the_wheel_holds_the_packages_resources_and_licences(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.startswith("mynakiosk-")}
    assert tops == {
        "mynakiosk",
        "mynakiosk_hardware",
        "mynakiosk_resources",
    }  # no generic "kiosk", "hardware"
    for needed in (
        "mynakiosk/py.typed",
        "mynakiosk_hardware/py.typed",
        "mynakiosk_resources/fonts/OFL.txt",
        "mynakiosk_resources/fonts/BIZUDGothic-Regular.ttf",
        "mynakiosk_resources/translations/kiosk_en.qm",
        "mynakiosk_resources/scenarios/01_child_normal_visit.toml",
        "mynakiosk_resources/mynakiosk.desktop",
    ):
        assert needed in names, needed
    assert len([n for n in names if n.startswith("mynakiosk_resources/scenarios/")]) == len(
        list((ROOT / "resources" / "scenarios").glob("*.toml"))
    )
    info = next(n for n in names if n.endswith(".dist-info/METADATA"))
    metadata = email.message_from_bytes(zipfile.ZipFile(wheel).read(info))
    assert metadata["Name"] == "mynakiosk" and metadata["License-Expression"] == "MIT AND OFL-1.1"
    assert sorted(metadata.get_all("License-File")) == ["LICENSE", "resources/fonts/OFL.txt"]
    licences = [n for n in names if ".dist-info/licenses/" in n]
    assert {Path(n).name for n in licences} == {"LICENSE", "OFL.txt"}
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "Typing :: Typed" in metadata.get_all("Classifier")
    assert "Provides-Extra" in metadata and "pytest" in metadata.get_all("Provides-Extra")


def test_the_version_has_one_source(wheel):
    from mynakiosk import __version__

    assert wheel.name.startswith(f"mynakiosk-{__version__}-")


def test_the_index_page_has_no_links_into_the_repository(wheel):
    """The index shows the description alone: a relative link or image there is broken."""
    import re

    info = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/METADATA"))
    description = email.message_from_bytes(zipfile.ZipFile(wheel).read(info)).get_payload()
    targets = re.findall(r"\]\(([^)]+)\)", description)
    assert [t for t in targets if not t.startswith(("https://", "http://"))] == []


def test_the_sdist_builds_the_same_package(dist):
    (sdist,) = dist.glob("mynakiosk-*.tar.gz")
    import tarfile

    names = tarfile.open(sdist).getnames()
    assert any(n.endswith("/LICENSE") for n in names)
    assert any(n.endswith("/resources/translations/kiosk_en.qm") for n in names)


def test_check_runs_from_the_installed_wheel_in_japanese_and_english(installed, tmp_path):
    japanese = run(installed / "kiosk", "--check", cwd=tmp_path)
    assert "「マイナンバーカードを置いてください」" in japanese.stdout and "BIZ UDGothic" in japanese.stdout
    english = run(installed / "kiosk", "--check", "--lang", "en", cwd=tmp_path)
    assert "「Please place your My Number Card」" in english.stdout


def test_the_bundled_scenarios_run_from_the_installed_wheel(installed, tmp_path):
    listed = run(installed / "kiosk", "scenario", "list", "--json", cwd=tmp_path)
    names = [json.loads(line)["name"] for line in listed.stdout.splitlines()]
    assert names == sorted(p.stem for p in (ROOT / "resources" / "scenarios").glob("*.toml"))
    ran = run(installed / "kiosk", "scenario", "run", cwd=tmp_path)
    assert ran.stdout.splitlines()[-1] == f"{len(names)} passed, 0 failed"


def test_a_broken_resources_override_is_a_startup_error(installed, tmp_path):
    result = subprocess.run(
        [installed / "kiosk", "--check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_RESOURCES": str(tmp_path / "none")},
    )
    assert result.returncode == 4 and "Traceback" not in result.stderr


def test_a_consumer_project_with_its_own_hardware_package_runs_the_plugin(installed, outside):
    """Another project's tests, with a hardware/ package of its own: pytest loads the plugin, the project's
    `import hardware` is its own, and the plugin's kiosk_app drives a visit (the example in docs/testing.md)."""
    project = outside / "clinic-frontdesk"
    shutil.copytree(CONSUMER, project)
    result = run(installed / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert "4 passed" in result.stdout, result.stdout
    fixtures = run(installed / "python", "-m", "pytest", "--fixtures", "-p", "no:cacheprovider", cwd=project)
    for name in ("kiosk_app", "kiosk_reader", "kiosk_scenario", "kiosk_event_loop", "kiosk_aloop"):
        block = fixtures.stdout.split(name, 1)[1].split("\n\n", 1)[0]
        assert "no docstring" not in block, block


def test_docs_testing_shows_the_consumer_project_that_is_tested():
    """docs/testing.md's example is the consumer project above, word for word."""
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    for part in ("tests/test_reception.py", "hardware/__init__.py", "pyproject.toml"):
        assert (CONSUMER / part).read_text(encoding="utf-8").strip() in text, part
