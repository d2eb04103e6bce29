"""The channel decorators every reader applies: GET RESPONSE on 61XX, the Le retry on 6CXX, APDU tracing.

A scripted card answers exactly what the test says, and fails on any command it did not expect, so each
test shows what went over the wire.
"""

from __future__ import annotations

import logging

import pytest

from mynakiosk_hardware.channel import (
    MAX_GET_RESPONSE_ROUNDS,
    GetResponseChannel,
    LeRetryChannel,
    TracingChannel,
    reader_channel,
)
from mynakiosk_hardware.errors import CardProtocolError
from mynakiosk_hardware.readers.virtual import VirtualReader
from tests.support.scripted_card import ScriptedCard

READ = "00B0000000"  # READ BINARY, Le 256


def test_61xx_is_followed_by_get_response_and_the_data_joined():
    card = ScriptedCard((READ, "0102 6103"), ("00C0000003", "030405 9000"))
    assert GetResponseChannel(card).transmit(bytes.fromhex(READ)) == bytes.fromhex("0102030405 9000")
    assert card.script == []


def test_get_response_repeats_while_the_card_says_61xx_and_6100_asks_for_256():
    chunk = "AA" * 256
    card = ScriptedCard((READ, "6100"), ("00C0000000", chunk + "6102"), ("00C0000002", "BBCC 6A82"))
    answer = GetResponseChannel(card).transmit(bytes.fromhex(READ))
    # The data of every round, then the last status word, whatever it is.
    assert answer == bytes.fromhex(chunk + "BBCC 6A82")


def test_a_card_that_never_stops_saying_61xx_is_an_error_not_a_hang():
    class Endless:
        sent = 0

        def transmit(self, apdu: bytes) -> bytes:
            self.sent += 1
            return bytes.fromhex("00 6101")

    wire = Endless()
    with pytest.raises(CardProtocolError, match="61XX"):
        GetResponseChannel(wire).transmit(bytes.fromhex(READ))
    assert wire.sent == MAX_GET_RESPONSE_ROUNDS + 1


def test_6cxx_sends_the_same_command_again_with_the_le_the_card_gave():
    card = ScriptedCard(("FFCA000002", "6C04"), ("FFCA000004", "04A1B2C3 9000"))
    assert LeRetryChannel(card).transmit(bytes.fromhex("FFCA000002")) == bytes.fromhex("04A1B2C3 9000")


def test_6cxx_keeps_the_command_data_and_6c00_means_256():
    card = ScriptedCard(("80CA000001AA10", "6C00"), ("80CA000001AA00", "9000"))
    assert LeRetryChannel(card).transmit(bytes.fromhex("80CA000001AA10")) == bytes.fromhex("9000")


def test_6cxx_is_retried_once_only():
    card = ScriptedCard(("FFCA000002", "6C04"), ("FFCA000004", "6C05"))
    assert LeRetryChannel(card).transmit(bytes.fromhex("FFCA000002")) == bytes.fromhex("6C05")
    assert card.script == []


def test_answers_without_a_quirk_pass_through_untouched():
    card = ScriptedCard((READ, "0102 9000"), (READ, "6A82"), ("FFCA000002", "01 6C04"))
    channel = reader_channel(card)
    assert channel.transmit(bytes.fromhex(READ)) == bytes.fromhex("0102 9000")
    assert channel.transmit(bytes.fromhex(READ)) == bytes.fromhex("6A82")
    # 6C04 after data is not the two-byte "wrong Le" answer: left alone.
    assert channel.transmit(bytes.fromhex("FFCA000002")) == bytes.fromhex("01 6C04")


def test_the_stack_retries_le_then_fetches_the_rest():
    card = ScriptedCard(
        ("00B0000010", "6C20"), ("00B0000020", "11" * 16 + "6110"), ("00C0000010", "22" * 16 + "9000")
    )
    answer = reader_channel(card).transmit(bytes.fromhex("00B0000010"))
    assert answer == bytes.fromhex("11" * 16 + "22" * 16 + "9000")


def test_every_apdu_on_the_wire_is_traced_and_a_verify_body_never(caplog):
    caplog.set_level(logging.DEBUG, logger="apdu")
    verify = "002000800431323334"  # VERIFY "1234": the body is the PIN
    card = ScriptedCard((verify, "6102"), ("00C0000002", "0000 63C2"))
    reader_channel(card).transmit(bytes.fromhex(verify))
    lines = [r.getMessage() for r in caplog.records if r.name == "apdu"]
    assert lines == ["> 00 20 00 80 04", "< 61 02", "> 00 C0 00 00 02", "< 63 C2"]
    assert not any("31 32 33 34" in line or "31323334" in line for line in caplog.text.splitlines())


def test_tracing_costs_nothing_when_debug_is_off(caplog):
    caplog.set_level(logging.INFO, logger="apdu")
    card = ScriptedCard((READ, "9000"))
    TracingChannel(card).transmit(bytes.fromhex(READ))
    assert [r for r in caplog.records if r.name == "apdu"] == []


def test_the_in_process_reader_hands_jobs_the_decorated_channel():
    reader = VirtualReader()
    try:
        reader.insert(ScriptedCard((READ, "0102 6101"), ("00C0000001", "03 9000")))
        answer = reader.submit(lambda channel: channel.transmit(bytes.fromhex(READ))).result(5)
    finally:
        reader.close()
    assert answer == bytes.fromhex("010203 9000")


def test_every_emulated_card_is_the_one_emulated_card_protocol():
    from mynakiosk_hardware.card import MyNumberCard, OtherCard
    from mynakiosk_hardware.emulated import EmulatedCard
    from mynakiosk_hardware.phone import EmulatedPhone, PhoneKind, PhoneProfile
    from mynakiosk_hardware.profile import CardProfile

    profile = CardProfile("山田 さくら", "1234", sign_password="SAKURA1")
    phone = EmulatedPhone(PhoneProfile.issued_from(profile, PhoneKind.ANDROID, "1357"))
    for card in (MyNumberCard(profile), OtherCard(), phone, ScriptedCard()):
        assert isinstance(card, EmulatedCard)
    assert not isinstance(object(), EmulatedCard)
