"""The staff console: a second window like the 資格確認端末.

Each reception as it arrives (name, birth date, insurer, 記号・番号, share, 資格有効性, consents, identity
method), the action staff should take, a red alarm when the data belongs to someone else (誤紐づけ), the
scenario picker, and the session log (no PINs) that can be saved for review. The table is a view of
``ReceptionTableModel`` (kiosk.ui.reception_table), which keeps the latest records and words their cells.
A red line above the table says when result files could not be written (FlowController.results_problem).

Bounded, so a kiosk can run all day: the table keeps the last ``RECENT_RECORDS`` receptions and the log view
the last ``RECENT_LOG_LINES`` lines. Nothing the clinic keeps is lost by that: every reception is in its
result file and in the session log, and ログを保存 saves the whole session log (kiosk.sessionlog).

Texts follow the UI language: the console's own texts through ``t()``, the records, staff actions, scenario
texts and log lines (marked, untranslated, in the domain objects and the controller) through ``translated()``
when they are put into a widget; ``retranslate()`` shows everything again after a language change. The saved
log stays Japanese (the clinic's record).
"""

from __future__ import annotations

import datetime as dt
import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mynakiosk import i18n
from mynakiosk.domain.staff import staff_action
from mynakiosk.flow.intents import RequestVisualCheck
from mynakiosk.flow.machine import State
from mynakiosk.flow.staff_actions import scenario_switch_refusal, visual_check_refusal
from mynakiosk.i18n import N_, t, translated
from mynakiosk.problems import unreadable_scenario
from mynakiosk.scenarios.loader import Scenario, ScenarioError, library, load_scenario
from mynakiosk.sessionlog import RECENT_LOG_LINES
from mynakiosk.ui import language, theme
from mynakiosk.ui.controller import RECENT_RECORDS, FlowController
from mynakiosk.ui.desk_lookup import DeskLookupDialog
from mynakiosk.ui.main_window import FRAME_ALLOWANCE, keep_inside
from mynakiosk.ui.reception_table import ReceptionTableModel
from mynakiosk.ui.widgets import EventWatcher, plain_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QFileDialog

    from mynakiosk.domain.visit import ReceptionRecord

log = logging.getLogger("kiosk.console")

# 氏名, 保険者, 記号・番号・枝番, 資格有効性, 同意, 本人確認: texts that wrap, in narrower columns, where the
# table is short of width.
WRAPPING_COLUMNS = (1, 3, 4, 6, 7, 8)
COLUMN_SAMPLE_ROWS = 20  # rows measured for the columns' widths beyond those in sight


class RingRoomButton(QPushButton):
    """A push button as large as its words need with the focus ring on (Tab).

    The theme's focus ring is a border thicker than the button's own (theme.py), and Qt sizes a button by its
    unfocused look: where a layout gives it no more than that (the console's rows), focused, it lost the last
    letter of “Use this scenario”. The room is the style's own difference, so it follows the look in force.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, self.text())
        sizes = []
        for focused in (False, True):
            if focused:
                option.state |= QStyle.StateFlag.State_HasFocus
            else:
                option.state &= ~QStyle.StateFlag.State_HasFocus
            sizes.append(self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, self))
        room = (sizes[1] - sizes[0]).expandedTo(QSize(0, 0))
        return hint + room  # QPushButton's minimumSizeHint asks this one


class StaffConsole(QMainWindow):
    def __init__(self, controller: FlowController, log_folder: Path | None = None) -> None:
        """``log_folder``: where the save dialog opens (default: the user's documents folder)."""
        super().__init__()
        self.setObjectName("staffConsole")  # an office screen, not a touch panel: theme.py sizes it down
        self.controller = controller
        self._language = i18n.language()  # the language the texts are in (see _language_changed)
        # A folder people find again (not a hidden application folder); the dialog lets them choose another.
        self.log_folder = log_folder or platformdirs.user_documents_path()
        # Asks where to save the log, starting at the path given; None: cancelled. Replaceable (tests).
        self.ask_log_path: Callable[[Path], Path | None] = self._ask_log_path
        self._results_text = ""  # result files not written (controller.results_problem), untranslated
        self._status_text: str = (
            ""  # the status line, marked and untranslated (shown again on a language change)
        )
        self._shown_record: ReceptionRecord | None = None
        self._framing: EventWatcher | None = None  # watching for the window manager's frame (place_beside)
        self._placed_on = QRect()
        central = QWidget()
        layout = QVBoxLayout(central)

        picker = QHBoxLayout()
        self.scenario_label = plain_label()
        picker.addWidget(self.scenario_label)
        self.scenarios = QComboBox()
        # As wide as the window gives it, not as its longest scenario title (that made the console wider than a
        # 1366-px screen in English and large text); the open list shows every title whole.
        self.scenarios.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scenarios.setMinimumContentsLength(24)
        self.paths = library()
        self._scenario_titles: list[str | None] = []  # the title, or None when the file cannot be read
        for path in self.paths:
            try:
                self._scenario_titles.append(load_scenario(path).title)
            except ScenarioError as exc:
                log.warning("%s", exc)  # the check's detail, a developer's English: see unreadable_scenario
                self._scenario_titles.append(None)
            self.scenarios.addItem("", str(path))
        picker.addWidget(self.scenarios, 1)
        self.load_button = RingRoomButton()
        self.load_button.clicked.connect(self.load_selected)
        picker.addWidget(self.load_button)
        layout.addLayout(picker)
        self.lesson = QLabel()
        self.lesson.setObjectName("lesson")
        self.lesson.setWordWrap(True)
        layout.addWidget(self.lesson)
        self.status = plain_label()
        self.status.setWordWrap(True)  # a refusal's reason is a sentence or two: wrapped, never cut off
        layout.addWidget(self.status)
        self.results_warning = plain_label()
        self.results_warning.setObjectName("resultsWarning")
        self.results_warning.setWordWrap(True)
        self.results_warning.hide()
        layout.addWidget(self.results_warning)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.records = ReceptionTableModel(controller.records, self, max_rows=RECENT_RECORDS)
        self.table = QTableView()
        self.table.setModel(self.records)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        # Columns measured on the rows in sight and a few more, not on every one of the day's receptions: a
        # new reception refits them (fit_columns), which measured all 500 rows each time.
        self.table.horizontalHeader().setResizeContentsPrecision(COLUMN_SAMPLE_ROWS)
        # The columns fit the table's width (fit_columns) as it is laid out, shown and resized.
        from PySide6.QtCore import QEvent

        self._fitting_columns = False
        self.table.viewport().installEventFilter(EventWatcher(QEvent.Type.Resize, self.fit_columns, self))
        splitter.addWidget(self.table)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.alarm = plain_label()
        self.alarm.setObjectName("alarm")
        self.alarm.setWordWrap(True)
        self.alarm.hide()
        self.summary = plain_label()
        self.summary.setObjectName("recordSummary")
        self.action = plain_label()
        self.action.setObjectName("staffAction")
        self.action.setWordWrap(True)
        for widget in (self.alarm, self.summary, self.action):
            detail_layout.addWidget(widget)
        detail_layout.addStretch(1)
        # Scrollable: a long alarm and action (longer still in English) scroll instead of being squeezed.
        detail_area = QScrollArea()
        detail_area.setWidget(detail)
        detail_area.setWidgetResizable(True)
        detail_area.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(detail_area)
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(
            RECENT_LOG_LINES
        )  # the whole log is saved; the view keeps the latest
        splitter.addWidget(self.log_view)
        splitter.setSizes([200, 260, 200])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.visual_button = RingRoomButton()
        # Always pressable: when the rule (domain/identity.py) does not allow a 目視確認 now, pressing it says
        # why on the status line, rather than a greyed-out button that says nothing.
        self.visual_button.clicked.connect(self.start_visual_check)
        buttons.addWidget(self.visual_button)
        self.desk_button = RingRoomButton()  # 個別照会: its own dialog (kiosk/ui/desk_lookup.py)
        self.desk_button.clicked.connect(self.open_desk_lookup)
        self.desk_lookup: DeskLookupDialog | None = None
        self.save_button = RingRoomButton()
        # Not connected to save_log itself: clicked passes checked=False, which would land in ``path``.
        self.save_button.clicked.connect(lambda: self.save_log())
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        # 個別照会 on a row of its own: side by side, the two long English labels in large text made the
        # console wider than a 1280-px screen.
        desk_row = QHBoxLayout()
        desk_row.addWidget(self.desk_button)
        desk_row.addStretch(1)
        layout.addLayout(desk_row)
        self.setCentralWidget(central)
        self.resize(1100, 760)

        self.retranslate(keep_choice=False)
        if self.records.rowCount():
            self.table.selectRow(self.records.rowCount() - 1)
        controller.record_added.connect(self.add_record)
        controller.log_line.connect(self._add_log_line)
        controller.scenario_changed.connect(self.show_scenario)
        controller.results_problem.connect(self._results_problem)
        self._results_problem(controller.results_problem_text)
        language.notifier.changed.connect(self._language_changed)
        theme.notifier.changed.connect(self.records.restyle)

    def place_beside(self, window: QWidget, area: QRect) -> None:
        """Right of ``window`` on ``area`` (its screen's free area) where there is room, else at the area's right
        edge; no larger than the area, its frame included (a 1366×768 laptop).

        A window manager frames the window only once it is shown, after this: the frame's borders (openbox: 1 px
        a side) put it past the right edge. So it is moved back inside at its first move with a frame, once.
        """
        self.resize(self.size().boundedTo(area.size() - FRAME_ALLOWANCE))
        x = window.x() + window.frameGeometry().width() + 10
        if x + self.frameGeometry().width() > area.right() + 1:  # no room to the right: keep it on screen
            x = max(area.left(), area.right() + 1 - self.frameGeometry().width())
        self.move(x, max(area.top(), window.y()))
        self._placed_on = area
        if self._framing is None:
            from PySide6.QtCore import QEvent

            self._framing = EventWatcher(QEvent.Type.Move, self._framed, self)
        self.installEventFilter(self._framing)
        self._framed()  # now, where it is framed already

    def _framed(self) -> None:
        """Kept inside the area it was placed on once its frame is known (``place_beside``); moves after that
        are the user's own."""
        if self._framing is not None and self.frameGeometry().size() != self.size():
            self.removeEventFilter(self._framing)
            keep_inside(self, self._placed_on)

    def _language_changed(self) -> None:
        if self._language != i18n.language():
            self.retranslate()

    def retranslate(self, *, keep_choice: bool = True) -> None:
        """Set every text in the current language; the data (log lines, records, the scenario) is kept."""
        self._language = i18n.language()
        self.setWindowTitle(t("資格確認端末（模擬）— マイナ受付シミュレータ"))
        self.setAccessibleName(t("資格確認端末（模擬）"))
        self.scenario_label.setText(t("シナリオ:"))
        self.scenarios.setAccessibleName(t("シナリオの選択"))
        for index, (path, title) in enumerate(zip(self.paths, self._scenario_titles, strict=True)):
            if title is None:
                text = t(
                    "{key}（読み込めません。kiosk scenario check {key} で確かめられます）", key=path.stem
                )
            else:
                text = f"{path.stem}  {translated(title)}"  # the file's name, then its title
            self.scenarios.setItemText(index, text)
        self.load_button.setText(t("このシナリオにする"))
        self.status.setText(translated(self._status_text))
        self.results_warning.setText(translated(self._results_text))
        self.results_warning.setAccessibleName(t("結果ファイルの警告"))
        self.records.retranslate()
        self.fit_columns()  # the headers' own width too: English ones are longer
        self.table.setAccessibleName(t("受付一覧"))
        self.alarm.setAccessibleName(t("警告"))
        self.action.setAccessibleName(t("職員の対応"))
        self.log_view.setAccessibleName(t("セッションのログ"))
        self.visual_button.setText(t("目視確認を始める（リーダーにパスワード画面を表示）"))
        self.save_button.setText(t("ログを保存"))
        self.desk_button.setText(t("個別照会（資格確認書などの記号・番号）"))

        self.log_view.setPlainText("\n".join(translated(line) for line in self.controller.recent_log))
        self.log_view.moveCursor(QTextCursor.MoveOperation.End)
        if self._shown_record is not None:
            self._show(self._shown_record)
        if self.controller.scenario is not None:
            picked = self.scenarios.currentIndex() if keep_choice else -1  # an unconfirmed choice stays
            self.show_scenario(self.controller.scenario)
            if picked >= 0:
                self.scenarios.setCurrentIndex(picked)

    def fit_columns(self) -> None:
        """Columns as wide as their contents, and where together they are wider than the table (the console's
        width on a 1366×768 screen, in English or large text) the long texts wrap within narrower columns,
        none below its header's width, the headers in two lines where one is not enough: 同意 and 本人確認,
        what staff check, are not left behind a scroll bar."""
        if self._fitting_columns or not self.isVisible():
            # A scroll bar that came or went with the new widths: the room was counted without it. Hidden (not
            # shown yet, or closed): nothing to see, and the table's width is not known; showEvent fits.
            return
        self._fitting_columns = True
        try:
            table, header = self.table, self.table.horizontalHeader()
            widths = [header.sectionSize(column) for column in range(header.count())]
            header.setStretchLastSection(False)  # it would squeeze the last column below its header's width
            for two_lines in (False, True):
                self.records.two_line_headers(two_lines)
                table.resizeColumnsToContents()
                if self._squeeze_columns():
                    break
            header.setStretchLastSection(header.length() < self._table_room())  # no gap at the right
            if widths != [header.sectionSize(column) for column in range(header.count())]:
                table.resizeRowsToContents()  # each row, as tall as its wrapped lines now: only when they change
        finally:
            self._fitting_columns = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # receptions may have come while it was closed

    def _squeeze_columns(self) -> bool:
        """The wrapping columns narrowed, the narrowest served first, to what the table has room for, none
        below its header's width; False where that is not enough."""
        header = self.table.horizontalHeader()
        wrapping = sorted(WRAPPING_COLUMNS, key=header.sectionSize)
        room = self._table_room() - sum(
            header.sectionSize(column) for column in range(header.count()) if column not in WRAPPING_COLUMNS
        )
        if sum(header.sectionSize(column) for column in wrapping) <= room:
            return True
        for left, column in enumerate(wrapping):
            share = room // (len(wrapping) - left)
            width = max(
                header.sectionSizeFromContents(column).width(), min(header.sectionSize(column), share)
            )
            header.resizeSection(column, width)
            room -= width
        # A later column held at its header's width can leave the room short: the earlier ones give back
        # what they have above their own header's width.
        for column in wrapping:
            if room >= 0:
                break
            spare = header.sectionSize(column) - header.sectionSizeFromContents(column).width()
            given = min(spare, -room)
            if given > 0:
                header.resizeSection(column, header.sectionSize(column) - given)
                room += given
        return room >= 0

    def _table_room(self) -> int:
        """The width the table's columns have: its viewport's, less a vertical scroll bar still to come (wrapped
        rows are taller), with the row numbers' width as it is about to be (a row just added: not yet laid out)."""
        table, numbers, bar = self.table, self.table.verticalHeader(), self.table.verticalScrollBar()
        room = table.viewport().width() + numbers.width() - numbers.sizeHint().width()
        return room if bar.isVisible() else room - bar.sizeHint().width()

    def open_desk_lookup(self) -> DeskLookupDialog:
        """The 資格確認端末's look-up by the numbers of a 資格確認書 (or an old 保険証, a お知らせ)."""
        if self.desk_lookup is None:
            self.desk_lookup = DeskLookupDialog(self.controller, self)
        self.desk_lookup.show()
        return self.desk_lookup

    def _add_log_line(self, line: str) -> None:
        self.log_view.appendPlainText(translated(line))

    def show_scenario(self, scenario: Scenario) -> None:
        self.lesson.setText(
            t(
                "<b>{title}</b>（{date:%Y年%m月%d日} 時点）<br>{lesson}",
                title=escape(translated(scenario.title)),  # the file's text is text, not markup
                date=scenario.as_of,
                lesson=escape(translated(scenario.lesson).strip()),
            )
        )
        index = self.scenarios.findData(str(scenario.path))
        if index >= 0:
            self.scenarios.setCurrentIndex(index)

    def _results_problem(self, text: str) -> None:
        self._results_text = text
        self.results_warning.setText(translated(text))
        self.results_warning.setVisible(bool(text))

    def _set_status(self, text: str) -> None:
        self._status_text = text
        self.status.setText(translated(text))

    def load_selected(self) -> None:
        path = Path(self.scenarios.currentData())
        if self.controller.snapshot.state not in (State.IDLE, State.NO_READER):
            self._set_status(
                N_(
                    "シナリオを切り替えられません: {error}",
                    error=scenario_switch_refusal(self.controller.snapshot),
                )
            )
            return
        try:
            self.controller.load_scenario(load_scenario(path))
            self._set_status("")
        except ScenarioError as exc:
            log.warning("%s", exc)
            self._set_status(unreadable_scenario(path))

    def start_visual_check(self) -> None:
        """目視確認を始める: the reader shows the password prompt, or the status line says why it cannot now."""
        refusal = visual_check_refusal(self.controller.snapshot)
        if refusal:
            self._set_status(N_("目視確認を始められません: {reason}", reason=refusal))
            return
        self._set_status("")
        self.controller.handle(RequestVisualCheck())

    def add_record(self, record: ReceptionRecord) -> None:
        """A reception ended: a new row, selected and shown in the detail below."""
        self.records.append(record)
        last = self.records.rowCount() - 1
        self.table.selectRow(last)  # in sight first: the columns are measured on the rows in sight
        self.fit_columns()
        self.table.resizeRowToContents(last)
        self._show(record)

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.records.record(current.row()))

    def _show(self, record: ReceptionRecord) -> None:
        self._shown_record = record
        action = staff_action(record)
        self.summary.setText(translated(action.summary))
        self.action.setText(translated(action.action))
        self.alarm.setText(translated(action.alarm))
        self.alarm.setVisible(bool(action.alarm))

    def default_log_path(self) -> Path:
        return self.log_folder / f"kiosk-session-{dt.datetime.now():%Y%m%d-%H%M%S}.log"

    def log_dialog(self, suggested: Path) -> QFileDialog:
        """The save dialog for the session log, at ``suggested``, in the UI's language throughout.

        Qt's own dialog (where the desktop offers none) left two labels in English in the Japanese UI: Qt's
        Japanese translation has no 「Look in:」 or 「Files of type:」 (qtbase_ja), so the dialog words them.
        """
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, t("ログの保存先"), str(suggested), t("ログファイル (*.log)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(suggested.name)
        dialog.setLabelText(QFileDialog.DialogLabel.LookIn, t("保存する場所："))
        dialog.setLabelText(QFileDialog.DialogLabel.FileType, t("ファイルの種類："))
        return dialog

    def _ask_log_path(self, suggested: Path) -> Path | None:
        dialog = self.log_dialog(suggested)
        chosen = dialog.selectedFiles() if dialog.exec() else []
        dialog.deleteLater()
        return Path(chosen[0]) if chosen else None

    def save_log(self, path: Path | None = None) -> Path | None:
        """Save the whole session log where staff choose (a save dialog in the documents folder, unless
        ``path``); None when cancelled or when it cannot be written, which the status line then says.

        In Japanese whatever the UI language: it is the clinic's record. Atomic and 0600 (it names
        patients): a full disk leaves no file, not an empty one.
        """
        if path is None:
            path = self.ask_log_path(self.default_log_path())
            if path is None:
                return None
        try:
            self.controller.log.save(path)
        except OSError as exc:
            from mynakiosk.resultfile import os_error_text

            log.warning("session log not saved to %s: %s", path, exc.strerror or exc)
            self._set_status(
                N_("ログを保存できません（{reason}）: {path}", reason=os_error_text(exc), path=str(path))
            )
            return None
        self._set_status(N_("ログを保存しました: {path}", path=str(path)))
        return path
