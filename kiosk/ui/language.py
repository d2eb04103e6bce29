"""Switch the UI language at runtime with Qt's translator (the .qm files built from resources/translations)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtGui import QGuiApplication

from mynakiosk import i18n
from mynakiosk.i18n import t
from mynakiosk.resources import qm_path
from mynakiosk.ui import theme

log = logging.getLogger("kiosk.language")


class LanguageUnavailable(RuntimeError):
    """The compiled translation is missing (it is committed beside its .ts file)."""


def available(code: str) -> bool:
    """Japanese is the source language and always there; others need their compiled .qm."""
    return code == i18n.DEFAULT_LANGUAGE or qm_path(code).is_file()


class _Notifier(QObject):
    changed = Signal()


#: ``notifier.changed`` is emitted after ``switch`` has put the new language in: windows re-set their texts.
#: (Qt also sends every widget a LanguageChange event, but hearing it takes a Python ``changeEvent``, and
#: passing events through one makes PySide set up its event types at start-up: ~5 ms, docs/performance.md.)
notifier = _Notifier()


class _Translators:
    ours: QTranslator | None = None
    qt: QTranslator | None = None  # Qt's own strings (standard buttons and dialogs)


def _translate(text: str) -> str:
    return QCoreApplication.translate("", text)


def switch(code: str) -> None:
    """Show the UI in ``code`` ("ja" or "en"); then ``notifier.changed`` tells the windows."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QCoreApplication: create the application before switching language")
    if code not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(i18n.LANGUAGES)})")
    ours = None
    if code != i18n.DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if not ours.load(str(qm_path(code))):
            raise LanguageUnavailable(
                f"{qm_path(code)} is missing: reinstall mynakiosk, or in the repository run"
                f" scripts/update_translations (pyside6-lrelease builds it from kiosk_{code}.ts beside it)"
            )
    qt: QTranslator | None = QTranslator(app)
    assert qt is not None
    if not qt.load(
        QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        qt = None  # Qt's own strings stay in English: not worth failing for
    for old in (_Translators.ours, _Translators.qt):
        if old is not None:
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
    _Translators.ours, _Translators.qt = ours, qt
    i18n.set_language(code, _translate if ours is not None else None)
    theme.follow_language()  # English text in the proportional font
    for new in (qt, ours):
        if new is not None:
            QCoreApplication.installTranslator(new)
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(t("マイナ受付シミュレータ"))
    log.info("language: %s", code)
    # On the next turn of the event loop, as Qt's own LanguageChange events: not in the middle of the
    # caller's handler (a menu action), whose window is rebuilt.
    QTimer.singleShot(0, notifier.changed.emit)
