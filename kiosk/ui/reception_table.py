"""受付一覧: the staff console's table, a Qt model over the reception records.

One row per record, in the order they arrived. The view asks for each cell when it paints it, so a language
switch or a theme change only tells the view that every cell changed: nothing is rebuilt, the selection and
scroll position stay. A row whose qualification data belongs to someone else (誤紐づけ) is marked in the
table itself, in words and in the theme's alarm colours, whether or not it is selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mynakiosk.i18n import N_, t, translated
from mynakiosk.ui import theme

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from mynakiosk.domain.visit import ConsentTopic, ReceptionRecord

COLUMNS = (
    N_("時刻"),
    N_("氏名"),
    N_("生年月日"),
    N_("保険者"),
    N_("記号・番号・枝番"),
    N_("負担"),
    N_("資格有効性"),
    N_("同意"),
    N_("本人確認"),
)

_Index = QModelIndex | QPersistentModelIndex


def _consents(consents: Mapping[ConsentTopic, bool]) -> str:
    marks = [
        t("{topic}○", topic=topic.label) if given else t("{topic}×", topic=topic.label)
        for topic, given in consents.items()
    ]
    text = marks[0] if marks else "—"
    for mark in marks[1:]:
        text = t("{first}・{second}", first=text, second=mark)
    return text


def two_lines(text: str) -> str:
    """``text`` broken at the space or 「・」 nearest its middle (a header over a narrow column); whole without one."""
    breaks = [index + 1 for index, char in enumerate(text) if char in (" ", chr(0x30FB))]  # 0x30FB: 「・」
    if not breaks:
        return text
    at = min(breaks, key=lambda index: abs(2 * index - len(text)))
    return f"{text[:at].rstrip()}\n{text[at:].lstrip()}"


def record_row(record: ReceptionRecord) -> list[str]:
    """The reception's row in the table, in the current language."""
    result = record.result
    person = result.person if result else None
    coverage = result.coverage if result else None
    if result is None:
        validity = translated(record.fallback.title) if record.fallback else "—"
    elif result.validity is not None:
        validity = f"{int(result.validity)} {translated(result.validity.label)}"  # the code, then its name
    else:
        validity = t("エラー {code}", code=result.error_code) if result.error_code else "—"
    name = translated(person.name) if person else (translated(record.card_holder) or "—")
    if record.mislinked:
        name = f"⚠ {name}"  # a sign, not only a colour: seen when selected, in print, without colour vision
    return [
        f"{record.time:%H:%M:%S}",
        name,
        f"{person.birth_date:%Y-%m-%d}" if person else "—",
        translated(result.insurer.name) if result and result.insurer else "—",
        t(
            "{symbol}・{number}・{branch}",
            symbol=coverage.symbol,
            number=coverage.number,
            branch=coverage.branch,
        )
        if coverage
        else "—",
        translated(result.share.label) if result and result.share and result.usable else "—",
        validity,
        _consents(record.consents),
        translated(record.method.label) if record.method else "—",
    ]


class ReceptionTableModel(QAbstractTableModel):
    """The records as rows: read-only, appended to as receptions end, re-worded on a language switch."""

    def __init__(
        self, records: Iterable[ReceptionRecord] = (), parent: Any = None, *, max_rows: int | None = None
    ) -> None:
        """``max_rows``: keep only the latest rows (a kiosk runs all day), dropping the oldest."""
        super().__init__(parent)
        self.max_rows = max_rows
        self._records: list[ReceptionRecord] = list(records)[-max_rows:] if max_rows else list(records)
        # Each row's texts in the current language: the view asks for cells on every paint.
        self._texts: list[list[str]] = [record_row(record) for record in self._records]
        self._alarm: list[bool] = [record.mislinked for record in self._records]
        self._two_line_headers = False

    def append(self, record: ReceptionRecord) -> None:
        row = len(self._records)
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.append(record)
        self._texts.append(record_row(record))
        self._alarm.append(record.mislinked)
        self.endInsertRows()
        if self.max_rows is not None and len(self._records) > self.max_rows:
            drop = len(self._records) - self.max_rows
            self.beginRemoveRows(QModelIndex(), 0, drop - 1)
            del self._records[:drop], self._texts[:drop], self._alarm[:drop]
            self.endRemoveRows()

    def record(self, row: int) -> ReceptionRecord:
        return self._records[row]

    @property
    def records(self) -> list[ReceptionRecord]:
        """The records shown, oldest first (a copy)."""
        return list(self._records)

    def is_alarm(self, row: int) -> bool:
        """Whether the row is marked 誤紐づけ."""
        return self._alarm[row]

    def retranslate(self) -> None:
        """Word every cell and header in the current language; the rows and the view's selection stay."""
        self._texts = [record_row(record) for record in self._records]
        self.restyle()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def restyle(self) -> None:
        """The theme changed: every cell is painted again in its colours."""
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][index.column()]
        if not self._alarm[row]:
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return t("誤紐づけの可能性があります（別人の資格情報）")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(theme.current().alarm_background))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(theme.current().alarm_text))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            text = translated(COLUMNS[section])
            return two_lines(text) if self._two_line_headers else text
        return super().headerData(section, orientation, role)

    def two_line_headers(self, on: bool) -> None:
        """Headers in two lines (the table short of width: the columns can be narrower), or in one."""
        if on != self._two_line_headers:
            self._two_line_headers = on
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
