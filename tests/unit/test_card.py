"""The emulated card at the APDU level, against what OpenSC card-jpki.c, jpki/myna and myna-card describe."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mynakiosk_hardware.card import (
    JPKI_AID,
    MYNUMBER_ATR,
    BlockedQueryAnswer,
    CardProfile,
    MyNumberCard,
)

SELECT_JPKI = "00A4040C0A" + JPKI_AID.hex()
SELECT_PIN = "00A4020C020018"
EMPTY_VERIFY = "00200080"


def verify(pin: str) -> str:
    return "0020008004" + pin.encode().hex()


def run(card: MyNumberCard, *commands: str) -> list[str]:
    return [card.execute(bytes.fromhex(c)).hex().upper() for c in commands]


@pytest.fixture
def card():
    c = MyNumberCard(CardProfile(holder="テスト", auth_pin="1234"))
    c.power_on()
    return c


def test_atr_is_a_contactless_my_number_atr_with_a_valid_tck(card):
    atr = card.atr()
    assert atr == MYNUMBER_ATR
    checksum = 0
    for byte in atr[1:]:
        checksum ^= byte
    assert checksum == 0


def test_select_jpki_ap_and_read_token(card):
    assert run(card, SELECT_JPKI, "00A4020C020006") == ["9000", "9000"]
    answer = card.execute(bytes.fromhex("00B0000020"))
    assert answer[:-2] == b"JPKIAPICCTOKEN2".ljust(32, b" ")
    assert answer[-2:] == b"\x90\x00"


def test_select_by_prefix_of_the_df_name(card):
    assert run(card, "00A4040C05" + JPKI_AID[:5].hex()) == ["9000"]


def test_select_with_fci_returns_a_template_naming_the_df(card):
    answer = card.execute(bytes.fromhex("00A404000A" + JPKI_AID.hex() + "00"))
    assert answer[-2:] == b"\x90\x00" and JPKI_AID in answer


def test_unknown_df_ef_ins_and_p1p2(card):
    assert run(card, "00A4040C0AD3921000310001010499") == ["6A82"]
    assert run(card, SELECT_JPKI, "00A4020C029999") == ["9000", "6A82"]
    assert run(card, "00CA000000") == ["6D00"]
    assert run(card, "00A4040105" + JPKI_AID[:5].hex()) == ["6A86"]


def test_read_binary_offsets_le_and_end_of_file(card):
    run(card, SELECT_JPKI, "00A4020C020006")
    answer = card.execute(bytes.fromhex("00B0009000"))  # offset 0x90, Le 256 -> the remaining 16 bytes
    assert len(answer) == 16 + 2 and answer[-2:] == b"\x90\x00"
    assert run(card, "00B000A001") == ["6B00"]  # offset 160 is past the end


def test_read_binary_by_short_ef_id_without_select(card):
    run(card, SELECT_JPKI)
    answer = card.execute(bytes.fromhex("00B0860000"))
    assert answer.startswith(b"JPKIAPICCTOKEN2")


def test_empty_verify_reads_the_counter_without_spending_a_try(card):
    assert run(card, SELECT_JPKI, SELECT_PIN, EMPTY_VERIFY, EMPTY_VERIFY) == ["9000", "9000", "63C3", "63C3"]
    assert card.profile.auth_pin_tries == 3


def test_three_wrong_pins_lock_63c0_then_6984(card):
    run(card, SELECT_JPKI, SELECT_PIN)
    assert run(card, verify("0000"), verify("1111"), verify("2222")) == ["63C2", "63C1", "63C0"]
    assert run(card, verify("1234"), verify("0000")) == ["6984", "6984"]  # even the right PIN
    assert run(card, EMPTY_VERIFY) == ["63C0"]
    assert card.profile.auth_pin_tries == 0


def test_blocked_empty_verify_answer_is_a_profile_option():
    card = MyNumberCard(
        CardProfile("x", "1234", auth_pin_tries=0, blocked_query_answer=BlockedQueryAnswer.AUTH_BLOCKED)
    )
    assert run(card, SELECT_JPKI, SELECT_PIN, EMPTY_VERIFY) == ["9000", "9000", "6984"]


def test_a_correct_pin_resets_the_counter(card):
    run(card, SELECT_JPKI, SELECT_PIN)
    assert run(card, verify("0000"), verify("1234"), EMPTY_VERIFY) == ["63C2", "9000", "63C3"]
    assert card.auth_pin_verified


def test_verify_by_short_ef_id(card):
    assert run(card, SELECT_JPKI, "0020009804" + b"1234".hex()) == ["9000", "9000"]


def test_counter_survives_power_cycles_but_verified_state_does_not(card):
    run(card, SELECT_JPKI, SELECT_PIN, verify("0000"), verify("1234"))
    assert card.auth_pin_verified
    run(card, verify("9999"))
    card.power_off()
    card.power_on()
    assert not card.auth_pin_verified
    assert run(card, SELECT_JPKI, SELECT_PIN, EMPTY_VERIFY) == ["9000", "9000", "63C2"]


@pytest.mark.parametrize("clear", ["power_off", "reset", "reselect"])
def test_security_state_clears(card, clear):
    run(card, SELECT_JPKI, SELECT_PIN, verify("1234"))
    assert card.auth_pin_verified
    if clear == "reselect":
        run(card, SELECT_JPKI)
    else:
        getattr(card, clear)()
    assert not card.auth_pin_verified


def test_secure_messaging_cla_is_refused(card):
    assert run(card, "0CA4040C0A" + JPKI_AID.hex()) == ["6882"]


@pytest.mark.parametrize("bad", ["123", "12345", "abcd", "１２３４"])
def test_profile_rejects_malformed_pins(bad):
    with pytest.raises(ValueError, match="4 digits"):
        CardProfile("x", bad)


@given(st.lists(st.binary(max_size=270), max_size=30))
def test_any_apdus_end_in_a_status_word_and_never_unlock_the_counter(commands):
    card = MyNumberCard(CardProfile("x", "1234", auth_pin_tries=2))
    card.power_on()
    previous = card.profile.auth_pin_tries
    for raw in commands:
        answer = card.execute(raw)
        assert len(answer) >= 2
        tries = card.profile.auth_pin_tries
        assert 0 <= tries <= 3
        if tries > previous:  # only a correct PIN raises the counter
            assert card.auth_pin_verified
        previous = tries
