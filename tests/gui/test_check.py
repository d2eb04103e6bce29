"""`kiosk --check` on the embedded default, as a user runs it (a subprocess, offscreen)."""

import subprocess
import sys

from PySide6.QtGui import QImage


def test_check_renders_the_idle_screen_and_names_the_reader(tmp_path):
    shot = tmp_path / "idle.png"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--check", "--screenshot", str(shot)],
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
