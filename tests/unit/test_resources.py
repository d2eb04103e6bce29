"""The bundled resources are package data, found in the folder importlib.resources gives; $KIOSK_RESOURCES
overrides them; and reporting an error never needs them."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from mynakiosk.cli import EXIT_STARTUP, in_english
from mynakiosk.resources import FONT_FILES, ResourcesMissing, font_paths, qm_path, resources_dir


def test_resources_are_the_installed_package_data(monkeypatch):
    monkeypatch.delenv("KIOSK_RESOURCES", raising=False)
    assert resources_dir() == Path(str(files("mynakiosk_resources")))
    for family, names in FONT_FILES.items():
        paths = font_paths(family)
        assert [p.name for p in paths] == list(names) and all(p.is_file() for p in paths)
    assert (resources_dir() / "fonts" / "OFL.txt").is_file()
    assert qm_path("en").is_file()


def test_the_override_is_used_and_a_wrong_one_is_named(tmp_path, monkeypatch):
    (tmp_path / "fonts").mkdir()
    monkeypatch.setenv("KIOSK_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path
    monkeypatch.setenv("KIOSK_RESOURCES", str(tmp_path / "nowhere"))
    with pytest.raises(ResourcesMissing, match=r"KIOSK_RESOURCES.*nowhere"):
        resources_dir()


def test_an_error_is_reported_in_english_even_without_resources(monkeypatch, tmp_path):
    error = RuntimeError("カードが読めません")
    monkeypatch.setenv("KIOSK_RESOURCES", str(tmp_path / "nowhere"))
    assert in_english(error) == "カードが読めません"  # as raised: no translation to be had


@pytest.mark.parametrize(
    "command", [["--check"], ["--check", "--lang", "en"], ["scenario", "run"], ["scenario", "list"]]
)
def test_missing_resources_are_a_startup_error_not_a_traceback(tmp_path, command):
    result = subprocess.run(
        [sys.executable, "-m", "mynakiosk", *command],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KIOSK_RESOURCES": str(tmp_path / "nowhere"), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == EXIT_STARTUP, result.stderr
    assert result.stderr.startswith("error: ") and "KIOSK_RESOURCES" in result.stderr
    assert "Traceback" not in result.stderr
