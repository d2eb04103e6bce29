"""The staff console: a second window like the 資格確認端末.

Each reception as it arrives (name, birth date, insurer, 記号・番号, share, 資格有効性, consents, identity
method), the action staff should take, a red alarm when the data belongs to someone else (誤紐づけ), the
scenario picker, and the session log (no PINs) that can be saved for review.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.staff import staff_action
from kiosk.flow.reception import ReceptionRecord
from kiosk.scenarios.loader import Scenario, ScenarioError, library, load_scenario
from kiosk.ui.controller import FlowController

COLUMNS = ("時刻", "氏名", "生年月日", "保険者", "記号・番号・枝番", "負担", "資格有効性", "同意", "本人確認")


def record_row(record: ReceptionRecord) -> list[str]:
    result = record.result
    person = result.person if result else None
    coverage = result.coverage if result else None
    if result is None:
        validity = record.fallback.title if record.fallback else "—"
    elif result.validity is not None:
        validity = f"{int(result.validity)} {result.validity.label}"
    else:
        validity = f"エラー {result.error_code}" if result.error_code else "—"
    consents = "・".join(f"{k}{'○' if v else '×'}" for k, v in record.consents.items()) or "—"
    return [
        f"{record.time:%H:%M:%S}",
        person.name if person else (record.card_holder or "—"),
        f"{person.birth_date:%Y-%m-%d}" if person else "—",
        result.insurer.name if result and result.insurer else "—",
        f"{coverage.symbol}・{coverage.number}・{coverage.branch}" if coverage else "—",
        result.share.label if result and result.share and result.usable else "—",
        validity,
        consents,
        record.method.value if record.method else "—",
    ]


class StaffConsole(QMainWindow):
    def __init__(self, controller: FlowController, log_folder: Path | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.log_folder = log_folder or platformdirs.user_log_path("kiosk")
        self.setWindowTitle("資格確認端末（模擬）— マイナ受付シミュレータ")
        self.setAccessibleName("資格確認端末（模擬）")
        central = QWidget()
        layout = QVBoxLayout(central)

        picker = QHBoxLayout()
        picker.addWidget(QLabel("シナリオ:"))
        self.scenarios = QComboBox()
        self.scenarios.setAccessibleName("シナリオの選択")
        self.paths = library()
        for path in self.paths:
            try:
                self.scenarios.addItem(f"{path.stem}  {load_scenario(path).title}", str(path))
            except ScenarioError as exc:
                self.scenarios.addItem(f"{path.stem}（読み込めません: {exc}）", str(path))
        picker.addWidget(self.scenarios, 1)
        self.load_button = QPushButton("このシナリオにする")
        self.load_button.clicked.connect(self.load_selected)
        picker.addWidget(self.load_button)
        layout.addLayout(picker)
        self.lesson = QLabel()
        self.lesson.setWordWrap(True)
        self.lesson.setStyleSheet("background: #eef4ff; padding: 8px; font-size: 15px;")
        layout.addWidget(self.lesson)
        self.status = QLabel()
        layout.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("受付一覧")
        self.table.itemSelectionChanged.connect(self._show_selected)
        splitter.addWidget(self.table)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.alarm = QLabel()
        self.alarm.setWordWrap(True)
        self.alarm.setAccessibleName("警告")
        self.alarm.setStyleSheet(
            "background: #b00020; color: white; font-size: 17px; font-weight: bold; padding: 10px;"
        )
        self.alarm.hide()
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.action = QLabel()
        self.action.setWordWrap(True)
        self.action.setAccessibleName("職員の対応")
        self.action.setStyleSheet("font-size: 15px;")
        for widget in (self.alarm, self.summary, self.action):
            detail_layout.addWidget(widget)
        detail_layout.addStretch(1)
        splitter.addWidget(detail)
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setAccessibleName("セッションのログ")
        splitter.addWidget(self.log_view)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.visual_button = QPushButton("目視確認を始める（リーダーにパスワード画面を表示）")
        self.visual_button.clicked.connect(controller.request_visual_check)
        buttons.addWidget(self.visual_button)
        self.save_button = QPushButton("ログを保存")
        self.save_button.clicked.connect(self.save_log)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.resize(1100, 760)
        # An office screen, not a touch panel: undo the reader's large touch targets.
        self.setStyleSheet(
            "QPushButton { font-size: 15px; min-height: 30px; padding: 4px 14px; }"
            " QTableWidget, QPlainTextEdit, QComboBox { font-size: 14px; }"
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)

        controller.record_added.connect(self.add_record)
        controller.log_line.connect(self.log_view.appendPlainText)
        controller.scenario_changed.connect(self.show_scenario)
        for line in controller.log:
            self.log_view.appendPlainText(line)
        for record in controller.records:
            self.add_record(record)
        if controller.scenario is not None:
            self.show_scenario(controller.scenario)

    def show_scenario(self, scenario: Scenario) -> None:
        self.lesson.setText(
            f"<b>{scenario.title}</b>（{scenario.as_of:%Y年%m月%d日} 時点）<br>{scenario.lesson.strip()}"
        )
        index = self.scenarios.findData(str(scenario.path))
        if index >= 0:
            self.scenarios.setCurrentIndex(index)

    def load_selected(self) -> None:
        path = Path(self.scenarios.currentData())
        try:
            self.controller.load_scenario(load_scenario(path))
            self.status.setText("")
        except (ScenarioError, RuntimeError) as exc:
            self.status.setText(f"シナリオを切り替えられません: {exc}")

    def add_record(self, record: ReceptionRecord) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(record_row(record)):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.selectRow(row)
        self._show(record)

    def _show_selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self._show(self.controller.records[max(rows)])

    def _show(self, record: ReceptionRecord) -> None:
        action = staff_action(record)
        self.summary.setText(action.summary)
        self.action.setText(action.action)
        self.alarm.setText(action.alarm)
        self.alarm.setVisible(bool(action.alarm))

    def save_log(self) -> Path:
        self.log_folder.mkdir(parents=True, exist_ok=True)
        path = self.log_folder / f"kiosk-session-{dt.datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text("\n".join(self.controller.log) + "\n", encoding="utf-8")
        self.status.setText(f"ログを保存しました: {path}")
        return path
