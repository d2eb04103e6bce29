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


FONT_ROUTE = (
    "import os, sys, mynakiosk.cli as cli\n"
    "status = cli.main(sys.argv[1:])\n"
    "from mynakiosk.ui import theme\n"
    "print(sorted(theme._State.through_fontconfig), os.environ.get('FONTCONFIG_FILE', '-'))\n"
    "sys.exit(status)\n"
)


def test_fontconfig_finds_the_bundled_faces_and_they_look_as_given_to_qt(tmp_path):
    """On Linux the kiosk has fontconfig find the bundled faces (cached, not read again at every start);
    the screen is the same, pixel for pixel, as with the faces handed to Qt, which is what happens where the
    user chose a fontconfig configuration. The setting is not passed on to programs the kiosk starts."""
    if not sys.platform.startswith("linux") or not os.path.isfile("/etc/fonts/fonts.conf"):
        return  # the faces are handed to Qt there: the other tests render with them
    shots = {}
    for route, extra in (("fontconfig", {}), ("application", {"FONTCONFIG_FILE": "/etc/fonts/fonts.conf"})):
        for language in ("ja", "en"):
            shot = tmp_path / f"{route}-{language}.png"
            result = subprocess.run(
                [sys.executable, "-c", FONT_ROUTE, "--check", "--lang", language, "--screenshot", str(shot)],
                capture_output=True,
                text=True,
                timeout=120,
                env={**os.environ, **extra},
            )
            assert result.returncode == 0, result.stderr
            found, passed_on = result.stdout.splitlines()[-1].rsplit(" ", 1)
            family = "BIZ UDGothic" if language == "ja" else "BIZ UDPGothic"
            assert (f"'{family}'" in found) if route == "fontconfig" else found == "[]"
            assert passed_on == extra.get("FONTCONFIG_FILE", "-")
            shots[route, language] = QImage(str(shot))
    for language in ("ja", "en"):
        assert not shots["fontconfig", language].isNull()
        assert shots["fontconfig", language] == shots["application", language]


def test_a_check_run_in_process_leaves_no_window_behind(qapp, capsys):
    """A program (a test, say) that runs the check in-process keeps no hidden kiosk window, which would
    otherwise refit itself, and set the look, whenever the theme changes later."""
    from PySide6.QtWidgets import QApplication

    from mynakiosk.app import check
    from mynakiosk.ui.main_window import MainWindow
    from mynakiosk_hardware.readers.virtual import VirtualReader

    def windows() -> list[object]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]

    before = len(windows())
    assert check(VirtualReader()) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert len(windows()) == before
