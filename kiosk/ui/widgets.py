"""Small widgets the screens and side panels share.

PySide6's ``Qt`` namespace is not imported at module level here or in the screens: its first use builds
all of its ~90 Python enums (~25 ms, a tenth of start-up; docs/performance.md). Code on the way to the
idle screen sets enum properties by name (``set_by_name``); code that runs later imports ``Qt`` (and
``QEvent``, whose 180-member enum is another few ms) where it needs it, and no widget on that way overrides
an event handler in Python (an override makes PySide set up ``QEvent`` for the first event it is given):
an ``EventWatcher`` installed when needed stands in. ``benchmarks/bench_app.py`` checks the idle screen is
painted without either.
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mynakiosk.i18n import is_japanese, translated

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFont, QResizeEvent


# How to word an object's texts again (see show_text): kept on its Python wrapper, which PySide keeps alive
# as long as the widget has a parent, not in a Qt property (whose Python value Qt would free while
# destroying the widget, outside Python).
_WORDING = "_kiosk_wording"


class _Wording:
    """Per object: setter name -> what makes its text in the current language."""

    __slots__ = ("makers",)

    def __init__(self) -> None:
        self.makers: dict[str, Callable[[], str]] = {}


def show_text(target: QObject, text: str | Callable[[], str], setter: str = "setText") -> None:
    """Give ``target`` a text through ``setter`` and remember how to word it again (``retranslate``).

    ``text`` is what ``t()`` or ``translated()`` returned (it knows its source), or a function that makes the
    text in the current language (a text put together from several). A plain string is shown as it is and
    stays so: a name, a number.
    """
    wording: _Wording | None = getattr(target, _WORDING, None)
    maker: Callable[[], str] | None
    if callable(text):
        maker = text
    else:
        source = getattr(text, "source", None)
        maker = None if source is None else (lambda: translated(source))
    if maker is None:
        if wording is not None:
            wording.makers.pop(setter, None)
        getattr(target, setter)(text)
        return
    if wording is None:
        wording = _Wording()
        setattr(target, _WORDING, wording)
    wording.makers[setter] = maker
    getattr(target, setter)(maker())


def retranslate(root: QObject) -> None:
    """Word again every text given through ``show_text`` to ``root`` and the objects inside it: the Qt way of
    a language switch (retranslateUi), with no widget rebuilt and nothing the user set lost."""
    for target in (root, *root.findChildren(QObject)):
        wording = getattr(target, _WORDING, None)
        if wording is not None:
            for setter, maker in wording.makers.items():
                getattr(target, setter)(maker())


def plain_label() -> QLabel:
    """A label that shows its text as text: a name or a scenario's wording with ``<`` or ``&`` in it is never
    taken for markup (a QLabel guesses rich text by default)."""
    label = QLabel()
    set_by_name(label, textFormat="PlainText")
    return label


def set_by_name(widget: QObject, **properties: str) -> None:
    """Set properties through Qt's property system: enums and flags by their key names
    (``alignment="AlignHCenter|AlignVCenter"``), a shortcut by its key sequence (``shortcut="F11"``)."""
    for name, keys in properties.items():
        if not widget.setProperty(name, keys):
            raise ValueError(f"{type(widget).__name__}.{name} cannot be {keys!r}")


class FittingScrollArea(QScrollArea):
    """A vertical scroll area whose content grows with its word-wrapped texts.

    QScrollArea sizes a resizable widget by height-for-width only when it lays itself out again, and a
    nested label whose text changes does not ask it to: the label is left a line short, cut off at the top
    and bottom. Here each layout request of the content (nested ones reach it in turn) sets the content's
    minimum height afresh.
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        set_by_name(self, horizontalScrollBarPolicy="ScrollBarAlwaysOff")
        # A watcher of its own, not an eventFilter override: QScrollArea's filter on its widget sees every
        # event there, and routing all of them through Python cost ~20 ms per card placed (side column).
        from PySide6.QtCore import QEvent  # not at module level: see the module's docstring

        self._watcher = EventWatcher(QEvent.Type.LayoutRequest, self._fit_content, self)
        content.installEventFilter(self._watcher)

    def _fit_content(self) -> None:
        content = self.widget()
        layout = content.layout() if content is not None else None
        if content is not None and layout is not None:
            content.setMinimumHeight(layout.totalHeightForWidth(content.width()))


class EventWatcher(QObject):
    """Calls ``on_event`` whenever an object it is installed on (``installEventFilter``) receives an event of
    type ``kind``; every event passes on."""

    def __init__(self, kind: QEvent.Type, on_event: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._kind = kind
        self._on_event = on_event

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self._kind:
            self._on_event()
        return False


class WrappingChoice(QWidget):
    """A radio button or check box whose text wraps (Qt's own do not): the button, then a word-wrapped label.

    Clicking the label acts on the button; the button keeps the text as its accessible name.
    """

    def __init__(self, button: QAbstractButton, text: str | Callable[[], str]) -> None:
        from PySide6.QtCore import QEvent, Qt

        super().__init__()
        self._release, self._focus_in, self._focus_out = (
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
        )
        self.button = button
        self.label = plain_label()
        self.label.setWordWrap(True)
        self.label.setBuddy(button)
        self.set_text(text)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 3, 3, 3)  # inside the 3px focus frame (theme.py #choiceRow), never under it
        row.setSpacing(6)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        # The button has no text for the style to draw a focus frame around: the whole row shows focus.
        self.setObjectName("choiceRow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.label.installEventFilter(self)
        button.installEventFilter(self)

    def set_text(self, text: str | Callable[[], str]) -> None:
        """The row's text (as ``show_text`` takes it); the button's accessible name is the same, on one line."""
        make = text if callable(text) else (lambda: translated(text))
        show_text(self.label, make)
        show_text(self.button, lambda: make().replace("\n", " "), "setAccessibleName")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == self._release and self.button.isEnabled():
            self.button.click()
            return True
        if watched is self.button and event.type() in (self._focus_in, self._focus_out):
            self.setProperty("focused", event.type() == self._focus_in)
            self.style().unpolish(self)
            self.style().polish(self)
        return super().eventFilter(watched, event)


class ChoiceList(QWidget):
    """One radio button per choice, each a wrapping row (``WrappingChoice``): the card and phone pickers' lists.

    ``set_choices`` replaces the rows (a new scenario's people); the first choice is checked.
    """

    def __init__(self) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}  # key -> its button; the button's id is its index
        self.rows: list[WrappingChoice] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    def set_choices(self, choices: list[tuple[str, int, str | Callable[[], str], str]]) -> None:
        """``choices``: (key, id in the group, text as ``show_text`` takes it, accessible name or "")."""
        for button in list(self.group.buttons()):
            self.group.removeButton(button)
        for row in self.rows:
            row.setParent(None)  # out of the layout now; deleteLater waits for the event loop
            row.deleteLater()
        self.rows = []
        self.choices.clear()
        for key, number, text, accessible in choices:
            button = QRadioButton()
            row = WrappingChoice(button, text)  # long names and translations wrap instead of being cut off
            if accessible:
                show_text(button, accessible, "setAccessibleName")
            row.label.setObjectName("choiceLabel")
            self.group.addButton(button, number)
            self.choices[key] = button
            self.rows.append(row)
            self._box.addWidget(row)
        if choices:
            self.choices[choices[0][0]].setChecked(True)

    def select(self, key: str) -> None:
        self.choices[key].setChecked(True)

    def checked_of(self, items: Sequence[T]) -> T | None:
        """The item whose index is the checked button's id; None for a row past ``items`` (the card picker's
        paper card and other card)."""
        index = self.group.checkedId()
        return items[index] if 0 <= index < len(items) else None


class PageSwitch(QWidget):
    """Pages in one place, one at a time, chosen by a row of buttons above them (「カード / スマートフォン」).

    The place is as tall as the tallest page, so what is under it stays where it is whichever page shows;
    with one page offered (``offer``) the buttons are hidden.
    """

    def __init__(self, pages: list[tuple[str, QWidget]]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.bar = QWidget()
        self.bar.setObjectName("pageSwitch")
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 4)
        bar.setSpacing(4)
        self.stack = QStackedWidget()
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        for index, (text, page) in enumerate(pages):
            button = QPushButton()
            button.setObjectName("pageTab")
            button.setCheckable(True)
            show_text(button, text)
            self.group.addButton(button, index)
            self.buttons.append(button)
            bar.addWidget(button)
            self.stack.addWidget(page)
        self.buttons[0].setChecked(True)
        self.group.idClicked.connect(self.stack.setCurrentIndex)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack)

    def show_page(self, index: int) -> None:
        self.buttons[index].setChecked(True)
        self.stack.setCurrentIndex(index)

    def offer(self, offered: bool) -> None:
        """Every page to choose from (``offered``), or the first alone without the buttons."""
        if not offered:
            self.show_page(0)
        self.bar.setVisible(offered)


def arrange_row(row: QBoxLayout, width: int) -> None:
    """The buttons of ``row`` side by side when each one's words fit in its share of ``width`` (the row's), else
    one above the other (a longer language, larger text, a narrow column). Hidden buttons count too: they are
    shown again (a scenario with phones) without the row being arranged anew."""
    items = (row.itemAt(index) for index in range(row.count()))
    buttons = [
        widget for widget in (item.widget() for item in items if item is not None) if widget is not None
    ]
    if not buttons:
        return
    share = (width - row.spacing() * (len(buttons) - 1)) // len(buttons)
    needed = max(button.sizeHint().width() for button in buttons)
    direction = QBoxLayout.Direction.LeftToRight if needed <= share else QBoxLayout.Direction.TopToBottom
    if row.direction() != direction:
        row.setDirection(direction)


def fit_label_height(label: QLabel, width: int) -> None:
    """Give a word-wrapped ``label`` the height its text needs at ``width`` (a layout inside a scroll area or a
    status bar does not ask it), no more.

    QLabel's heightForWidth is never below the label's minimum height (``QLabelPrivate::sizeForWidth`` ends
    with ``expandedTo(q->minimumSize())``, qtbase src/widgets/widgets/qlabel.cpp): measured with the height
    a longer text was given still set, every later text kept that height, a blank gap under a short one.
    """
    label.setMinimumHeight(0)
    label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)


class FittedLabel(QLabel):
    """A word-wrapped label that keeps the height its text needs at its width, as it is made wider or narrower
    (the side column fitted to a screen, large text): no text cut off, no blank gap under it."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            fit_label_height(self, self.width())


def text_width(label: QLabel) -> int:
    """The width ``label`` wraps its text at: its contents less its margin and, left or right aligned with a
    frame (a style sheet's padding gives it one), the indent QLabel adds then (half an "x":
    ``QLabelPrivate::documentRect``, qtbase src/widgets/widgets/qlabel.cpp)."""
    width = label.contentsRect().width() - 2 * label.margin()
    indent = label.indent()
    if indent < 0 and label.frameWidth() > 0:
        indent = label.fontMetrics().horizontalAdvance("x") // 2 - label.margin()
    from PySide6.QtCore import Qt  # not at module level: see the module's docstring

    if indent > 0 and label.alignment() & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight):
        width -= indent
    return width


#: No line break here (UAX #14 class WJ), and nothing drawn.
WORD_JOINER = "\u2060"


@functools.cache
def _japanese_phrases() -> Callable[[str], list[str]]:
    from budoux import load_default_japanese_parser  # its model is read once, when a text first needs it

    return load_default_japanese_parser().parse


def phrases_kept_whole(paragraph: str) -> str:
    """``paragraph`` with a word joiner between the characters of each of its phrases (文節), where it has
    Japanese: Japanese may break between any two characters, and a title wrapped as 「スマートフォンを読／
    み取れませんでした」 splits a word. BudouX's model (the one behind Chrome's ``word-break: auto-phrase``)
    finds the phrases: 「スマートフォンを／読み取れませんでした」. Spaces stay break opportunities."""
    if not any(is_japanese(character) for character in paragraph):
        return paragraph
    return "".join(
        phrase[0]
        + "".join(
            character if character.isspace() or before.isspace() else WORD_JOINER + character
            for before, character in itertools.pairwise(phrase)
        )
        for phrase in _japanese_phrases()(paragraph)
    )


def balanced_breaks(text: str, font: QFont, width: int) -> str:
    """``text`` with its line breaks put where a narrower, balanced wrap puts them: each paragraph that
    wraps at ``width`` is broken at the narrowest width that keeps its number of lines (CSS's
    ``text-wrap: balance``), so no line is left with a stray 「す。」 or one English word.

    Qt's own line breaking decides the breaks (QTextLayout, word wrap: between words, and between Japanese
    phrases, ``phrases_kept_whole``, where UAX #14 allows it, never before 「。」), so every line still fits
    ``width``. Only a paragraph with a word or phrase wider than ``width`` is broken inside one, where Qt
    must.
    """
    from PySide6.QtGui import QTextLayout, QTextOption

    def lines_at(paragraph: str, line_width: float, wrap: QTextOption.WrapMode) -> tuple[list[str], bool]:
        """The lines at ``line_width``, and whether each fits (a word wider than the line runs over)."""
        option = QTextOption()
        option.setWrapMode(wrap)
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        units = paragraph.encode("utf-16-le")  # Qt counts UTF-16 code units: 𠮷 is two
        layout.beginLayout()
        lines, fits = [], True
        while (line := layout.createLine()).isValid():
            line.setLineWidth(line_width)
            start, end = 2 * line.textStart(), 2 * (line.textStart() + line.textLength())
            lines.append(units[start:end].decode("utf-16-le"))
            fits = fits and line.naturalTextWidth() <= line_width
        layout.endLayout()
        return lines, fits

    # A little under the width: the label draws through QPainter, whose metrics can round a line a fraction of
    # a pixel wider than QTextLayout measures it here, and would wrap a line that just fits (a stray "Card").
    width -= max(2, width // 50)
    paragraphs = []
    for given in text.split("\n"):
        paragraph = phrases_kept_whole(given)
        wrap = QTextOption.WrapMode.WordWrap
        greedy, fits = lines_at(paragraph, width, wrap)
        if not fits:  # a word or phrase wider than the label: broken inside, where it must be
            wrap = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            greedy, fits = lines_at(paragraph, width, wrap)
        if len(greedy) < 2:
            paragraphs.append(given)
            continue
        low, high = width // 2, width  # high keeps the count; find the narrowest width that does
        while high - low > 1:
            middle = (low + high) // 2
            lines, fits = lines_at(paragraph, middle, wrap)
            if len(lines) == len(greedy) and fits:
                high = middle
            else:
                low = middle
        lines, _ = lines_at(paragraph, high, wrap)
        paragraphs.append("\n".join(line.replace(WORD_JOINER, "").rstrip() for line in lines))
    return "\n".join(paragraphs)


class BalancedLabel(QLabel):
    """A word-wrapped label whose lines are balanced (``balanced_breaks``) at its width: a sentence never ends
    on a line of its own last character or word. ``text()`` is the text as given; the label shows it with the
    breaks, worked out again when the text, the width or the font changes.

    Not for the way to the idle screen: its event handlers are Python overrides (see the module's docstring).
    """

    def __init__(self) -> None:
        super().__init__()
        self._given = ""

    def text(self) -> str:  # type: ignore[override]
        return self._given

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._given = text
        self._balance()

    def _balance(self) -> None:
        width = text_width(self)
        shown = self._given
        if self.wordWrap() and width > 0 and self._given:
            shown = balanced_breaks(self._given, self.font(), width)
        if super().text() != shown:
            super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._balance()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent  # not at module level: see the module's docstring

        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._balance()


def action_row(back: QWidget | None, *right: QWidget) -> QHBoxLayout:
    """A reader screen's bottom row: 戻る at the left, the screen's forward action (次へ, 確認) or the staff's
    button at the right, the same on every screen (docs/architecture.md, "Screen layout": the side chosen
    and why). Their heights are the theme's (``theme.ACTION_HEIGHT``)."""
    row = QHBoxLayout()
    if back is not None:
        row.addWidget(back)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row
