"""Quitting with result files not yet written: staff are asked, and may save them in another folder.

The kiosk quits when its last window closes; while the controller still holds result files it could not
write (a full disk, a read-only or vanished folder), closing that window asks first: save them in another
folder, try the folder again, quit without them, or go back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from mynakiosk.i18n import t, translated

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mynakiosk.ui.controller import FlowController

log = logging.getLogger("kiosk.results")

SAVE, RETRY, QUIT, STAY = "save", "retry", "quit", "stay"


def ask(parent: QWidget, controller: FlowController) -> str:
    """The question, as a message box: SAVE, RETRY, QUIT or STAY."""
    assert controller.results is not None  # asked only while results are pending
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(t("結果ファイルが未保存です"))
    box.setText(t("書けていない結果ファイルが{count}件あります。", count=len(controller.results.pending)))
    box.setInformativeText(translated(controller.results_problem_text))
    buttons: dict[QAbstractButton, str] = {
        box.addButton(t("別のフォルダに保存…"), QMessageBox.ButtonRole.AcceptRole): SAVE,
        box.addButton(t("もう一度書き込む"), QMessageBox.ButtonRole.ActionRole): RETRY,
        box.addButton(t("保存せずに終了"), QMessageBox.ButtonRole.DestructiveRole): QUIT,
        box.addButton(t("戻る"), QMessageBox.ButtonRole.RejectRole): STAY,
    }
    box.exec()
    return buttons.get(box.clickedButton(), STAY)


def choose_folder(parent: QWidget) -> Path | None:
    from PySide6.QtCore import QStandardPaths

    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = QFileDialog.getExistingDirectory(parent, t("結果ファイルの保存先"), start)
    return Path(folder) if folder else None


class PendingResultsGuard(QObject):
    """Watches the kiosk's windows; closing the last one with result files pending asks what to do.

    ``ask`` and ``choose_folder`` are injectable: tests answer without a modal dialog.
    """

    def __init__(
        self,
        controller: FlowController,
        windows: Sequence[QWidget],
        *,
        ask: Callable[[QWidget, FlowController], str] = ask,
        choose_folder: Callable[[QWidget], Path | None] = choose_folder,
    ) -> None:
        super().__init__()
        self.controller = controller
        self.windows = list(windows)
        self.ask = ask
        self.choose_folder = choose_folder
        for window in self.windows:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QWidget) and self._last_open(watched):
            if not self.may_quit(watched):
                event.ignore()
                return True
        return False

    def _last_open(self, closing: QWidget) -> bool:
        return not any(w.isVisible() for w in self.windows if w is not closing)

    def may_quit(self, parent: QWidget) -> bool:
        """True when nothing is pending any more, or staff chose to quit without it."""
        results = self.controller.results
        while results is not None and results.pending:
            choice = self.ask(parent, self.controller)
            if choice == SAVE:
                folder = self.choose_folder(parent)
                if folder is not None:
                    self.controller.save_pending_results(folder)
            elif choice == RETRY:
                self.controller.retry_results()
            elif choice == QUIT:
                log.warning("quit with %d result file(s) not written", len(results.pending))
                return True
            else:
                return False
        return True
