"""``hardware`` raises typed errors in English; the UI words every kind, in Japanese and in English."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from mynakiosk.cli import in_english
from mynakiosk.reader_messages import OTHER_CARDS, describe
from mynakiosk_hardware import errors
from mynakiosk_hardware.card import OtherCardKind
from mynakiosk_hardware.errors import Device, Protection

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")

#: One example of every error kind, with the facts a raiser gives it.
EXAMPLES: list[BaseException] = [
    errors.ReaderError("something odd"),
    errors.NoCardError("Virtual PCD 00 00"),
    errors.CardRemovedError("Virtual PCD 00 00", detail="Card was removed."),
    errors.ServiceUnavailableError("Service not available.", code=0x8010001D),
    errors.PcscNotInstalledError(),
    errors.ServiceLostError("RPC transport error.", code=0x80100013),
    errors.ReaderUnavailableError("ACS ACR1252 00 00", "Reader unavailable.", code=0x80100017),
    errors.NoReaderError(),
    errors.NoReaderError("ACR1252", ("Virtual PCD 00 00", "Virtual PCD 00 01")),
    errors.NoReaderError(None, ("Virtual PCD 00 00",), only_virtual=True),
    errors.CardMuteError(1),
    errors.PcscError("SCardTransmit", "Transaction failed.", code=0x80100016),
    errors.CardInUseError("ACS ACR1252 00 00", detail="Sharing violation.", code=0x8010000B),
    errors.CardInUseError("ACS ACR1252 00 00", exclusive=True, code=0x8010000B),
    errors.ProtocolMismatchError(
        "ACS ACR1252 00 00", "T=1", detail="Card protocol mismatch.", code=0x8010000F
    ),
    errors.CardResetError("ACS ACR1252 00 00", detail="Card was reset.", code=0x80100068),
    errors.CardProtocolError("unexpected answer to VERIFY: SW 6F00"),
    errors.NoJpkiApplicationError(),
    errors.CardUnreadable("READ BINARY of the token EF 0006 answered SW 6982"),
    errors.PhoneNotPresented("no JPKI token answered"),
    errors.BiometricNeeded("shut until Face ID"),
    *(errors.RealCardProtected(device, reason, 1) for device in Device for reason in Protection),
    errors.VpcdError("127.0.0.1:35963", "[Errno 111] Connection refused"),
    errors.NotLoopbackError("192.168.1.10"),
]


def _error_kinds() -> set[type[BaseException]]:
    return {
        kind
        for _, kind in inspect.getmembers(errors, inspect.isclass)
        if issubclass(kind, BaseException) and kind.__module__ == errors.__name__
    }


def test_the_examples_cover_every_kind_declared():
    assert {type(e) for e in EXAMPLES} == _error_kinds()


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
def test_a_hardware_error_message_is_english_and_carries_its_facts(error):
    message = str(error)
    assert message and not JAPANESE.search(message)
    for fact in ("reader", "code", "address", "wanted", "protocols"):
        value = getattr(error, fact, None)
        if isinstance(value, str) and value:
            assert value in message
        elif isinstance(value, int):
            assert f"{value:08X}" in message


#: Japanese literals in hardware/ that are card data, not UI text: what a card stores and answers.
CARD_DATA = {
    # The address written into the test card's 券面事項入力補助AP (JIS X 0208 text read back by the
    # READ BINARY the kiosk sends): data on the card, as a real card holds its owner's address.
    ("hardware/text_ap.py", "東京都千代田区試験町１－１（テスト）"),
}


def _docstrings(tree: ast.AST) -> set[int]:
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def test_no_text_in_hardware_is_written_in_japanese():
    """Nothing in hardware is a UI text (docs/architecture.md): messages are English for developers, and what
    a person reads is worded in kiosk. Only docstrings and the card data in ``CARD_DATA`` are Japanese."""
    found = []
    for path in sorted((ROOT / "hardware").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        name = path.relative_to(ROOT).as_posix()
        found += [
            f"{name}:{node.lineno}: {node.value}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and JAPANESE.search(node.value)
            and (name, node.value) not in CARD_DATA
        ]
    assert found == []


def test_the_card_data_allowed_is_still_there():
    """An allowed literal that is gone would let another one in unseen."""
    for name, text in CARD_DATA:
        assert f'"{text}"' in (ROOT / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
def test_the_ui_words_every_kind_in_japanese_and_in_english(error):
    japanese = describe(error)
    assert JAPANESE.search(japanese), japanese
    english = in_english(error)  # the compiled English translation, as the command line shows it
    assert english != japanese and not JAPANESE.search(english), english


def test_each_kind_has_its_own_words():
    by_text: dict[str, set[str]] = {}
    for error in EXAMPLES:
        by_text.setdefault(getattr(describe(error), "template", describe(error)), set()).add(
            type(error).__name__
        )
    assert [kinds for kinds in by_text.values() if len(kinds) > 1] == []


def test_the_words_carry_the_facts_a_person_needs():
    assert "ACR1252" in describe(errors.NoReaderError("ACR1252", ("Virtual PCD 00 00",)))
    assert "Virtual PCD 00 00" in in_english(errors.NoReaderError("ACR1252", ("Virtual PCD 00 00",)))
    only_virtual = errors.NoReaderError(None, ("Virtual PCD 00 00",), only_virtual=True)
    assert "--reader 'pcsc:Virtual PCD 00 00'" in describe(only_virtual)
    assert "--reader 'pcsc:Virtual PCD 00 00'" in in_english(only_virtual)
    assert "ACS ACR1252 00 00" in describe(errors.ReaderUnavailableError("ACS ACR1252 00 00"))
    assert "127.0.0.1:35963" in in_english(errors.VpcdError("127.0.0.1:35963"))
    in_use = errors.CardInUseError("ACS ACR1252 00 00")
    assert "ACS ACR1252 00 00" in describe(in_use) and "ACS ACR1252 00 00" in in_english(in_use)
    mismatch = errors.ProtocolMismatchError("ACS ACR1252 00 00", "T=0")
    assert "(T=0)" in describe(mismatch) and "(T=0)" in in_english(mismatch)
    assert describe(errors.RealCardProtected(Device.PHONE, Protection.LAST_TRY)) == (
        "残り1回のため、実物のスマートフォンでは照合しません"
    )


def test_other_exceptions_are_shown_as_raised():
    assert describe(ValueError("bad value")) == "bad value"


@pytest.mark.parametrize(
    ("platform", "how_to"),
    [("linux", "sudo systemctl start pcscd"), ("win32", None), ("darwin", None)],
)
def test_no_pcscd_says_how_to_start_it_where_the_commands_are_known(monkeypatch, platform, how_to):
    monkeypatch.setattr("sys.platform", platform)
    error = errors.ServiceUnavailableError("Service not available.", code=0x8010001D)
    japanese, english = describe(error), in_english(error)
    assert japanese.endswith("。") and english.endswith(".")  # whole sentences
    if how_to:
        assert how_to in japanese and how_to in english and "sudo apt-get install pcscd" in english
        assert english.startswith("Cannot connect to the smart card service (pcscd). On Debian or Ubuntu")
    else:
        assert (
            "sudo" not in english and "pcscd" not in english
        )  # not Linux: no Linux service, no Linux command
        assert (
            english
            == "Cannot connect to the smart card service. Check that the smart card service is running."
        )


@pytest.mark.parametrize("kind", list(OtherCardKind), ids=lambda k: k.name)
def test_every_other_card_kind_is_named_in_japanese_and_in_english(kind):
    japanese, english = OTHER_CARDS[kind], in_english(OTHER_CARDS[kind])
    assert JAPANESE.search(japanese) and english and not JAPANESE.search(english)
