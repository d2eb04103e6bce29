"""``balanced_breaks``: lines balanced without breaking inside a word or a Japanese phrase that fits a line."""

from __future__ import annotations

import pytest

from mynakiosk.ui.widgets import balanced_breaks


@pytest.fixture
def font(qapp):
    from mynakiosk.app import application

    font = application().font()
    font.setPixelSize(32)
    return font


def test_a_phrase_that_fits_is_never_split_whatever_the_width(font) -> None:
    for width in range(330, 600, 3):
        lines = balanced_breaks("マイナンバーカードをお持ちですか", font, width).split("\n")
        assert lines in (["マイナンバーカードをお持ちですか"], ["マイナンバーカードを", "お持ちですか"]), (
            width
        )


def test_an_english_word_that_fits_is_never_split(font) -> None:
    assert balanced_breaks("Identification b cccccccc", font, 330).split("\n") == [
        "Identification",
        "b cccccccc",
    ]


def test_a_character_outside_the_basic_plane_does_not_shift_the_breaks(font) -> None:
    text = "𠮷田様、マイナンバーカードをカードリーダーに置いてください。"
    lines = balanced_breaks(text, font, 500).split("\n")
    assert "".join(lines) == text
    assert all(line.endswith(("を", "に", "。")) for line in lines), lines


def test_a_phrase_wider_than_the_line_is_broken_where_it_must_be(font) -> None:
    text = "マイナンバーカードマイナンバーカード"
    lines = balanced_breaks(text, font, 200).split("\n")
    assert "".join(lines) == text and len(lines) > 1
