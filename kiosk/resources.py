"""Where the bundled resources live: fonts, practice scenarios and translations.

They are package data of ``mynakiosk_resources`` (the repository's ``resources/`` folder, mapped by
``package-dir`` in pyproject.toml), found in the package's folder (its ``__path__``, the folder
:mod:`importlib.resources` gives), so an installed wheel, an editable install and a desktop bundle all find
them. ``$KIOSK_RESOURCES`` points somewhere else instead (a folder with the same layout: ``fonts/``,
``scenarios/``, ``translations/``).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The bundled font families (SIL OFL, resources/fonts/OFL.txt) and their files.
FONT_FILES = {
    "BIZ UDGothic": ("BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf"),
    "BIZ UDPGothic": ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"),
}
RESOURCES_PACKAGE = "mynakiosk_resources"
OVERRIDE_VARIABLE = "KIOSK_RESOURCES"


class ResourcesMissing(FileNotFoundError):
    """The resources folder is not where it should be (a broken install, or a wrong ``$KIOSK_RESOURCES``)."""


def resources_dir() -> Path:
    """``$KIOSK_RESOURCES`` if set, else the installed ``mynakiosk_resources`` package's folder.

    Qt loads fonts and translations from file names, so the folder must be a real one on disk: it is for a
    wheel, an editable install and a PyInstaller bundle (a zipped install is not supported).
    """
    override = os.environ.get(OVERRIDE_VARIABLE)
    if override:
        path = Path(override)
        where = f"${OVERRIDE_VARIABLE} ({path})"
    else:
        import importlib

        try:
            package = importlib.import_module(RESOURCES_PACKAGE)
        except ModuleNotFoundError:
            raise ResourcesMissing(
                f"the {RESOURCES_PACKAGE} package is not installed: reinstall mynakiosk"
            ) from None
        # The package's own folder, from its __path__, which is what importlib.resources.files() resolves to
        # for a package on disk (a wheel, an editable install; in a PyInstaller bundle, the folder beside the
        # archive that holds the data files). Asking importlib.resources itself imports five modules (and,
        # once PySide6 is loaded, has shiboken read each one's source): ~2 % of `kiosk --check`,
        # docs/performance.md.
        folders = [Path(entry) for entry in package.__path__]
        path = next((folder for folder in folders if (folder / "fonts").is_dir()), folders[0])
        where = f"{RESOURCES_PACKAGE} ({path})"
    if not (path / "fonts").is_dir():
        raise ResourcesMissing(
            f"no fonts/ folder in {where}: reinstall mynakiosk, or set {OVERRIDE_VARIABLE} to a folder"
            " holding fonts/, scenarios/ and translations/"
        )
    return path


def font_paths(family: str) -> list[Path]:
    fonts = resources_dir() / "fonts"
    return [fonts / name for name in FONT_FILES[family]]


def fonts_conf_path() -> Path:
    """resources/fonts/fonts.conf: fontconfig's configuration with the bundled faces (kiosk.ui.theme)."""
    return resources_dir() / "fonts" / "fonts.conf"


def qm_path(code: str) -> Path:
    """The compiled translation for language ``code`` (committed, built from ``kiosk_<code>.ts``)."""
    return resources_dir() / "translations" / f"kiosk_{code}.qm"
