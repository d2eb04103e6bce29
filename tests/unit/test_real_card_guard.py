"""The real-card guard fails closed (issue 15): a card is "emulated" only when its test certificate was
read; a read that fails before a VERIFY means no VERIFY; the last-try rule holds on every path.

Each command ``survey`` sends is failed once, in turn, by a status word or by the reader itself.
"""

from __future__ import annotations

import pytest

from mynakiosk.cards import CardKind, CardPolicy
from mynakiosk.flow.machine import State
from mynakiosk.roster import Roster, certificate_key
from mynakiosk.scenarios.loader import default_household
from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.jpki import CardSurvey, RealCardProtected, guarded_verify, identify, survey
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import ReaderError
from tests.unit.test_card_policy import Channel, FakeRealCard, visit

FAULTS = {
    "6F00 no precise diagnosis": bytes.fromhex("6F00"),
    "6581 memory failure": bytes.fromhex("6581"),
    "6282 end of file reached": bytes.fromhex("6282"),
    "the reader fails": None,
}


class FaultyChannel(Channel):
    """Answers command number ``fail_at`` (0-based) with ``answer`` instead of passing it to the card;
    ``None`` makes the reader itself fail, as a transmit error does."""

    def __init__(self, card, fail_at: int, answer: bytes | None) -> None:
        super().__init__(card)
        self.fail_at, self.answer, self.sent = fail_at, answer, 0

    def transmit(self, apdu):
        index, self.sent = self.sent, self.sent + 1
        if index == self.fail_at:
            if self.answer is None:
                raise ReaderError("transmit failed: Transaction failed. (0x80100016)")
            return self.answer
        return super().transmit(apdu)


class RecordingTestCard(MyNumberCard):
    """An emulated card (test certificate) that records what it is sent."""

    def __init__(self, profile: CardProfile) -> None:
        super().__init__(profile)
        self.commands: list[bytes] = []

    def execute(self, raw: bytes) -> bytes:
        self.commands.append(bytes(raw))
        return super().execute(raw)

    def verifies_with_data(self) -> list[bytes]:
        return [c for c in self.commands if c[1] == 0x20 and len(c) > 5]


def survey_length(card) -> int:
    channel = FaultyChannel(card, -1, None)
    survey(channel)
    return channel.sent


REAL_SURVEY = survey_length(FakeRealCard(CardProfile("実カード", "4321")))
TEST_SURVEY = survey_length(RecordingTestCard(CardProfile("x", "1234")))


def test_every_read_is_counted():
    assert REAL_SURVEY == TEST_SURVEY >= 10  # identify 3, tries 3, certificate 4 or more


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
@pytest.mark.parametrize("fail_at", range(REAL_SURVEY))
@pytest.mark.parametrize("opted_in", [False, True], ids=["no opt-in", "opted in"])
def test_a_real_card_at_its_last_try_gets_no_verify_whatever_read_fails(fail_at, fault, opted_in):
    real = FakeRealCard(CardProfile("実カード", "4321", auth_pin_tries=1))
    with pytest.raises(ReaderError):  # RealCardProtected is one
        guarded_verify(FaultyChannel(real, fail_at, fault), Pin("0000"), allow_real_card=opted_in)
    assert not real.verifies_with_data() and real.profile.auth_pin_tries == 1


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
@pytest.mark.parametrize("fail_at", range(TEST_SURVEY))
def test_an_emulated_card_gets_no_verify_when_a_read_before_it_fails(fail_at, fault):
    card = RecordingTestCard(CardProfile("x", "1234"))
    with pytest.raises(ReaderError):
        guarded_verify(FaultyChannel(card, fail_at, fault), Pin("1234"))
    assert not card.verifies_with_data()


def test_the_issue_case_token_read_fails_once_on_a_jpki_card_with_one_try_left():
    """Certificate issuer O=JPKI, EF 0006 unreadable once, one try left: before, the card was taken for
    "not a My Number card" and VERIFY was sent."""
    real = FakeRealCard(CardProfile("実カード", "4321", auth_pin_tries=1))
    token_read = 2  # SELECT AP, SELECT EF 0006, READ BINARY
    with pytest.raises(ReaderError, match="token"):
        guarded_verify(FaultyChannel(real, token_read, bytes.fromhex("6F00")), Pin("4321"))
    assert not real.verifies_with_data()
    assert identify(Channel(real)).is_mynumber_card  # read again, it is one


def test_only_a_no_such_application_answer_makes_a_card_not_a_my_number_card():
    real = FakeRealCard(CardProfile("実カード", "4321"))
    assert not identify(FaultyChannel(real, 0, bytes.fromhex("6A82"))).is_mynumber_card
    with pytest.raises(ReaderError):
        identify(FaultyChannel(real, 0, bytes.fromhex("6F00")))


EMPTY_VERIFY = 5  # survey: SELECT AP, SELECT 0006, READ BINARY, SELECT AP, SELECT 0018, then the empty VERIFY


def test_a_real_card_whose_tries_are_unknown_is_not_verified_even_when_opted_in():
    real = FakeRealCard(CardProfile("実カード", "4321"))
    no_such_pin = FaultyChannel(real, EMPTY_VERIFY, bytes.fromhex("6A88"))  # referenced data not found
    with pytest.raises(RealCardProtected, match="its tries left could not be read"):
        guarded_verify(no_such_pin, Pin("4321"), allow_real_card=True)
    assert not real.verifies_with_data()


def test_a_real_card_with_no_pin_set_is_not_verified_even_when_opted_in():
    real = FakeRealCard(
        CardProfile("実カード", None)
    )  # 顔認証マイナンバーカード: the empty VERIFY answers 63C0
    with pytest.raises(RealCardProtected, match=r"no tries left \(tries left: 0\)"):
        guarded_verify(Channel(real), Pin("4321"), allow_real_card=True)
    assert not real.verifies_with_data()


@pytest.mark.parametrize("tries", [None, 1, 0])
def test_the_policy_never_plans_a_verify_on_a_real_card_without_tries_to_spare(tries):
    real = FakeRealCard(CardProfile("実カード", "4321"))
    found = survey(Channel(real))
    unsure = CardSurvey(found.identity, tries, False, found.certificate_serial)
    plan = CardPolicy(default_household(), Roster(), real_card_verify=True).plan(unsure)
    assert plan.kind is CardKind.REAL and not plan.verify_on_card


def test_a_kiosk_visit_with_an_unreadable_token_ends_in_a_read_failure_without_verify():
    class TokenFailsOnce(FakeRealCard):
        failed = False

        def execute(self, raw):
            if raw[:4] == bytes.fromhex("00B00000") and not self.failed:
                self.failed = True
                self.commands.append(bytes(raw))
                return bytes.fromhex("6F00")
            return super().execute(raw)

    real = TokenFailsOnce(CardProfile("実カード", "4321", auth_pin_tries=1))
    roster = Roster(None, {certificate_key(real.profile.certificate_serial): "sakura"})
    _reception, snapshots = visit(real, CardPolicy(default_household(), roster, real_card_verify=True))
    assert snapshots[0].state is State.READ_FAILED
    assert not real.verifies_with_data() and real.profile.auth_pin_tries == 1
