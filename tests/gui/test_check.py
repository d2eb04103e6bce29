"""`kiosk --check` on the embedded default, as a user runs it (a subprocess, offscreen)."""

import os
import shutil
import subprocess
import sys

from PySide6.QtGui import QImage

from mynakiosk.resources import resources_dir


def test_check_renders_the_idle_screen_and_names_the_reader(tmp_path):
    shot = tmp_path / "idle.png"
    result = subprocess.run(
        [sys.executable, "-m", "mynakiosk", "--check", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("ok: reader 'Virtual reader (in-process)' ready")
    assert "マイナンバーカードを置いてください" in line and "BIZ UDGothic" in line
    image = QImage(str(shot))
    assert not image.isNull() and (image.width(), image.height()) == (600, 860)  # the reader screen


def test_a_screenshot_that_cannot_be_written_is_a_bad_argument_not_a_reader_fault(tmp_path):
    """README's exit codes: 2 bad arguments; 3 is for a reader or PC/SC service that cannot be used."""
    shot = tmp_path / "no such folder" / "idle.png"
    result = subprocess.run(
        [sys.executable, "-m", "mynakiosk", "--check", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert f"cannot write {shot}" in result.stderr and not shot.parent.exists()


def test_check_in_english_renders_the_english_idle_screen():
    result = subprocess.run(
        [sys.executable, "-m", "mynakiosk", "--check", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "「Please place your My Number Card」" in result.stdout


def test_a_missing_translation_is_named_not_a_crash(tmp_path):
    """Without the compiled .qm (the set-up builds it), English stops with a message saying how to get it."""
    resources = tmp_path / "resources"
    for part in resources_dir().iterdir():  # the same resources, but translations without the .qm
        if part.name != "translations":
            (resources / part.name).parent.mkdir(exist_ok=True)
            (resources / part.name).symlink_to(part)
    (resources / "translations").mkdir()
    shutil.copy(resources_dir() / "translations" / "kiosk_en.ts", resources / "translations")
    result = subprocess.run(
        [sys.executable, "-m", "mynakiosk", "--check", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KIOSK_RESOURCES": str(resources)},
    )
    assert result.returncode != 0
    assert "kiosk_en.qm is missing" in result.stderr and "pyside6-lrelease" in result.stderr
    assert "Traceback" not in result.stderr
