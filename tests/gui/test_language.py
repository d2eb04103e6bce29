"""Languages at runtime: English everywhere a person looks, a visit that survives a switch, and no text cut off
on any screen in Japanese, English or a pseudo-localised run (every text stretched by a third)."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QTableView,
    QTextEdit,
    QWidget,
)

from mynakiosk import i18n
from mynakiosk.domain.fallback import FallbackReason, guidance_for, qualification_guidance, with_transitional
from mynakiosk.domain.visit import ConsentTopic
from mynakiosk.flow.machine import State
from mynakiosk.flow.reception import OUT_OF_ORDER, Snapshot
from mynakiosk.i18n import N_
from mynakiosk.ui import language
from mynakiosk.ui.tour import make_kiosk, tour
from tests.gui.test_pin_flow import choose_pin, place, type_on_keypad

pytestmark = pytest.mark.gui

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
ALLOWED_JAPANESE = {"日本語"}  # the language menu names each language in its own words


@pytest.fixture
def switch_language(qapp):
    """Switch the UI language for one test; always back to Japanese afterwards."""
    yield language.switch
    language.switch("ja")
    QCoreApplication.processEvents()


def _item_texts(widget: QWidget) -> list[str]:
    texts = []
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTableView):
        model = widget.model()
        for column in range(model.columnCount()):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            texts += [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
    return texts


def shown_texts(root: QWidget) -> list[str]:
    """Every text of ``root`` a person can see or hear through a screen reader."""
    texts = [root.windowTitle()]
    if isinstance(root, QMainWindow):
        for menu_action in root.menuBar().actions():
            texts.append(menu_action.text())
            texts += [a.text() for a in menu_action.menu().actions()] if menu_action.menu() else []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        texts += _item_texts(widget)
    return [text for text in texts if text]


def japanese_in(root: QWidget) -> list[str]:
    return [text for text in shown_texts(root) if JAPANESE.search(text) and text not in ALLOWED_JAPANESE]


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the space the layout gave them."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        text = widget.text()
        if not text or (
            isinstance(widget, QLabel) and widget.pixmap() is not None and not widget.pixmap().isNull()
        ):
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_width, need_height = 0, widget.heightForWidth(size.width())
            # Japanese wraps between any two characters; a Latin word cannot be broken.
            words = re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+", re.sub(r"<[^>]+>", " ", text))
            longest = max(words, key=widget.fontMetrics().horizontalAdvance, default="")
            need_width = widget.fontMetrics().horizontalAdvance(longest) + 2 * widget.margin()
        else:
            hint = widget.sizeHint() if isinstance(widget, QAbstractButton) else widget.minimumSizeHint()
            need_width, need_height = hint.width(), hint.height()
        if need_width > size.width() + 1 or need_height > size.height() + 1:
            problems.append(
                f"{type(widget).__name__} {text[:50]!r}: needs {need_width}x{need_height}, has {size.width()}x{size.height()}"
            )
        elif (
            not _in_scroll_area(widget)
            and widget.visibleRegion().boundingRect().size() != widget.rect().size()
        ):
            problems.append(f"{type(widget).__name__} {text[:50]!r}: partly outside its window")
    return problems


def overlapping(root: QWidget) -> list[str]:
    """Visible widgets laid out side by side that overlap: a layout given less room than it needs."""
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if (
            layout is None
            or not parent.isVisibleTo(root)
            or isinstance(parent, QScrollArea | QAbstractItemView)
        ):
            continue
        children = [
            w
            for w in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisibleTo(root) and layout.indexOf(w) >= 0
        ]
        for i, first in enumerate(children):
            for second in children[i + 1 :]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(
                        f"{first.objectName() or type(first).__name__} overlaps {second.objectName() or type(second).__name__} in {type(parent).__name__}"
                    )
    return problems


def run_tour(qtbot, aloop, stop, *, large_text: bool = False) -> list[str]:
    kiosk = make_kiosk()
    kiosk.window.large_text.setChecked(large_text)
    qtbot.addWidget(kiosk.window)
    qtbot.addWidget(kiosk.console)
    try:
        task = aloop.create_task(tour(kiosk, stop))
        qtbot.waitUntil(task.done, timeout=60_000)
        return task.result()
    finally:
        kiosk.window.large_text.setChecked(False)  # the theme is the application's: restore it
        kiosk.close()


def pseudo(text: str) -> str:
    """Stretch each line by a third, keeping {placeholders}: the room any future language may need."""

    def stretch(line: str) -> str:
        padding = "~" * math.ceil(len(line) / 3)  # in words of four: a line can still wrap
        return f"[{line} {' '.join(padding[i : i + 4] for i in range(0, len(padding), 4))}]"

    return "\n".join(stretch(line) if line else line for line in text.split("\n"))


def use_mode(switch_language, mode: str) -> None:
    """ja / en (optionally "-large", which the test applies), or pseudo: English stretched by a third."""
    if mode == "pseudo":
        switch_language("en")
        i18n.set_language("en", lambda text: pseudo(QCoreApplication.translate("", text)))
    else:
        switch_language(mode.removesuffix("-large"))


def test_switching_language_mid_visit_keeps_the_visit(qtbot, kiosk, switch_language):
    place(qtbot, kiosk, "yuto")
    assert kiosk.window.current_screen.title.text() != ""
    japanese_title = kiosk.window.current_screen.title.text()
    switch_language("en")
    qtbot.waitUntil(lambda: kiosk.window.current_screen.title.text() != japanese_title)
    assert kiosk.state is State.METHOD_SELECT
    assert not JAPANESE.search(kiosk.window.current_screen.title.text())
    assert kiosk.window.languages["en"].isChecked()
    assert kiosk.window.card_picker.selected().key == "yuto"  # the choice beside the reader is kept
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "5678")
    assert kiosk.window.pin_screen.entered_count == 4
    switch_language("ja")
    qtbot.waitUntil(lambda: JAPANESE.search(kiosk.window.current_screen.title.text()) is not None)
    assert kiosk.state is State.PIN_ENTRY
    assert kiosk.window.pin_screen.entered_count == 4  # the keypad was worded again, not rebuilt


def test_a_switch_rebuilds_nothing_and_keeps_what_the_person_did(qtbot, kiosk, switch_language):
    """Qt's retranslateUi way: the same widgets, worded again; nothing to save and restore by hand."""
    window = kiosk.window
    place(qtbot, kiosk, "taro")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "24")
    window.practice.show_hints.setChecked(False)
    window.practice.choices.setCurrentIndex(2)  # chosen, not yet switched to
    widgets = [window.centralWidget(), window.reader_frame, window.current_screen, window.card_picker]
    widgets += [window.practice, window.practice.choices, window.pin_screen.keys["5"]]
    screens = dict(window.screens)
    texts = [w for w in window.findChildren(QWidget) if isinstance(w, QAbstractButton | QLabel)]
    japanese = [w for w in texts if JAPANESE.search(w.text())]
    switch_language("en")
    qtbot.waitUntil(lambda: not JAPANESE.search(window.current_screen.title.text()))
    assert [
        window.centralWidget(),
        window.reader_frame,
        window.current_screen,
        window.card_picker,
    ] == widgets[:4]
    assert window.practice is widgets[4] and window.practice.choices is widgets[5]
    assert window.pin_screen.keys["5"] is widgets[6] and all(
        window.screens[s] is w for s, w in screens.items()
    )
    assert window.pin_screen.entered_count == 2 and kiosk.state is State.PIN_ENTRY  # the visit goes on
    assert not window.practice.show_hints.isChecked() and window.practice.choices.currentIndex() == 2
    assert window.card_picker.selected().key == "taro"
    # Every text that was Japanese is English now, on the screen shown and on those built before.
    still = [f"{type(w).__name__}: {w.text()!r}" for w in japanese if JAPANESE.search(w.text())]
    assert not still, still


def test_screens_built_before_a_switch_show_the_new_language(qtbot, kiosk, switch_language):
    kiosk.window.build_all_screens()
    switch_language("en")
    qtbot.waitUntil(lambda: not JAPANESE.search(kiosk.window.current_screen.title.text()))
    found = {}
    for name, snapshot in _hardest_snapshots():
        kiosk.window.show_snapshot(snapshot)
        if left := japanese_in(kiosk.window.current_screen):
            found[name] = left
    assert not found, found


def test_language_menu_switches_and_the_window_follows(qtbot, kiosk, switch_language):
    kiosk.window.languages["en"].trigger()
    qtbot.waitUntil(
        lambda: i18n.language() == "en" and kiosk.window.windowTitle() == "My Number Reception Simulator"
    )
    kiosk.window.languages["ja"].trigger()
    qtbot.waitUntil(lambda: kiosk.window.windowTitle() == "マイナ受付シミュレータ")


def test_every_screen_in_english_shows_no_japanese(qtbot, kiosk_aloop, switch_language):
    switch_language("en")
    found: dict[str, list[str]] = {}

    def look(name: str, widget: QWidget) -> None:
        if leftovers := japanese_in(widget):
            found[name] = leftovers

    names = run_tour(qtbot, kiosk_aloop, look)
    assert len(names) == 38
    assert not found, "Japanese left on English screens:\n" + "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.mark.parametrize("mode", ["ja", "en", "pseudo", "ja-large", "en-large"])
def test_no_text_is_cut_off_on_any_screen(qtbot, kiosk_aloop, switch_language, mode):
    use_mode(switch_language, mode)
    found: dict[str, list[str]] = {}

    def look(name: str, widget: QWidget) -> None:
        if problems := clipped(widget) + overlapping(widget):
            found[name] = problems

    run_tour(qtbot, kiosk_aloop, look, large_text=mode.endswith("-large"))
    assert not found, f"text cut off ({mode}):\n" + "\n".join(f"{k}: {v}" for k, v in found.items())


def _hardest_snapshots() -> list[tuple[str, Snapshot]]:
    """Every screen with the longest texts it can be given: also the states the tour passes too quickly
    to stop at (reading, checking) and every kind of fallback."""
    notice = N_(
        "実物のカード：暗証番号はカードに送らず、{name}さんの練習用の番号で照合します", name="山田 さくら"
    )
    alert = N_("電子証明書の有効期限が近づいています。市区町村で更新手続きをしてください。")
    snapshots = [
        (
            state.name,
            Snapshot(
                state,
                tries_left=1,
                wrong_pin=True,
                message=OUT_OF_ORDER,
                notice=notice,
                alert=alert,
                face_attempt=10,
                face_tries_left=10,
                face_failures=10,
            ),
        )
        for state in State
        if state is not State.FALLBACK
    ]
    for reason in FallbackReason:
        if reason in (FallbackReason.PIN_LOCKED, FallbackReason.NO_PIN_SET):
            guidance = with_transitional(guidance_for(reason), dt.date(2026, 1, 15))
        else:
            guidance = with_transitional(
                qualification_guidance(
                    reason,
                    title=guidance_for(FallbackReason.PIN_LOCKED).title,
                    cause=OUT_OF_ORDER,
                    share_label=N_("{tenths}割", tenths=3),
                    share_reason=N_("未就学児"),
                ),
                dt.date(2026, 1, 15),
            )
        snapshots.append(
            (
                f"FALLBACK-{reason.name}",
                Snapshot(State.FALLBACK, tries_left=0, fallback=guidance, visual_offered=True),
            )
        )
    return snapshots


@pytest.mark.parametrize("mode", ["ja", "en", "pseudo", "en-large"])
def test_every_screen_with_its_longest_texts_fits(qtbot, kiosk, switch_language, mode):
    use_mode(switch_language, mode)
    kiosk.window.large_text.setChecked(mode.endswith("-large"))
    found: dict[str, list[str]] = {}
    try:
        for name, snapshot in _hardest_snapshots():
            kiosk.window.show_snapshot(snapshot)
            for _ in range(5):
                QCoreApplication.processEvents()
            problems = clipped(kiosk.window) + overlapping(kiosk.window)
            if mode != "ja":
                problems += [f"Japanese: {text!r}" for text in japanese_in(kiosk.window.current_screen)]
            if problems:
                found[name] = problems
    finally:
        kiosk.window.large_text.setChecked(False)
    assert not found, f"({mode}):\n" + "\n".join(f"{k}: {v}" for k, v in found.items())


def test_staff_console_headers_fit_in_english_before_any_reception(qtbot, kiosk, switch_language):
    from mynakiosk.ui.staff_console import StaffConsole

    switch_language("en")
    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitExposed(console)
    header = console.table.horizontalHeader()
    narrow = [
        header.model().headerData(i, Qt.Orientation.Horizontal)
        for i in range(header.count() - 1)  # the last section stretches
        if header.sectionSize(i) < header.sectionSizeFromContents(i).width()
    ]
    assert not narrow, f"header texts cut off: {narrow}"


def test_answers_on_the_consent_detail_screen_survive_a_switch(qtbot, kiosk, switch_language):
    from tests.gui.test_pin_flow import answer, confirm

    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.CONSENT)
    answer(qtbot, kiosk, "individual")
    before = kiosk.window.current_screen
    yes, _ = before.rows[ConsentTopic.MEDICAL]
    yes.click()
    switch_language("en")
    qtbot.waitUntil(lambda: not JAPANESE.search(kiosk.window.current_screen.title.text()))
    screen = kiosk.window.current_screen
    assert screen is before and screen.rows[ConsentTopic.MEDICAL][0] is yes  # worded again, not rebuilt
    assert kiosk.state is State.CONSENT_DETAIL
    assert screen.choices[ConsentTopic.MEDICAL] is True and screen.rows[ConsentTopic.MEDICAL][0].isChecked()
    assert not screen.next.isEnabled()  # two topics still to answer


def test_the_staff_console_words_its_table_again_in_place(qtbot, kiosk, switch_language):
    from mynakiosk.ui.staff_console import StaffConsole
    from tests.gui.test_pin_flow import confirm, finish_visit

    console = StaffConsole(kiosk.controller)
    qtbot.addWidget(console)
    place(qtbot, kiosk, "sakura")
    choose_pin(qtbot, kiosk)
    type_on_keypad(qtbot, kiosk, "1234")
    confirm(qtbot, kiosk, State.CONSENT)
    finish_visit(qtbot, kiosk)
    model, selection = console.table.model(), console.table.selectionModel()
    assert model.rowCount() == 1 and selection.isRowSelected(0)
    switch_language("en")
    qtbot.waitUntil(lambda: model.index(0, 8).data() == "PIN")
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert console.table.model() is model and console.table.selectionModel() is selection  # not rebuilt
    assert selection.isRowSelected(0)
    assert not JAPANESE.search(console.summary.text())
