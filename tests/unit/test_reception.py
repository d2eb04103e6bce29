"""The reception session with the in-process reader and plain asyncio: no Qt."""

import asyncio

import pytest

from mynakiosk.flow.intents import ChoosePin, SubmitPin
from mynakiosk.flow.machine import State
from mynakiosk.flow.reception import Reception
from mynakiosk_hardware.card import CardProfile, MyNumberCard, OtherCard
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.readers.virtual import VirtualReader


@pytest.fixture
def reader():
    r = VirtualReader()
    yield r
    r.close()


def make_reception(reader):
    snapshots = []

    async def run_on_card(job):
        return await asyncio.wrap_future(reader.submit(job))

    reception = Reception(run_on_card, snapshots.append)
    reception.reader_ready()
    return reception, snapshots


def child_card(tries=3):
    return MyNumberCard(CardProfile("子", "1234", auth_pin_tries=tries))


def test_child_pin_entered_by_parent_completes():
    async def scenario():
        reader = VirtualReader()
        reception, snapshots = make_reception(reader)
        reader.insert(child_card())
        await reception.card_placed()
        assert reception.snapshot.state is State.METHOD_SELECT and reception.snapshot.tries_left == 3
        reception.handle(ChoosePin())
        await reception.handle(SubmitPin(Pin("1234")))
        reader.close()
        return [s.state for s in snapshots]

    states = asyncio.run(scenario())
    assert states == [
        State.IDLE,
        State.READING,
        State.METHOD_SELECT,
        State.PIN_ENTRY,
        State.VERIFYING,
        State.QUALIFYING,  # no back end here: straight on to 受付完了
        State.COMPLETE,
    ]


def test_wrong_pins_count_down_then_lock_with_fallback():
    card = child_card()

    async def scenario():
        reader = VirtualReader()
        reception, _ = make_reception(reader)
        reader.insert(card)
        await reception.card_placed()
        reception.handle(ChoosePin())
        tries = []
        for wrong in ("0000", "1111"):
            await reception.handle(SubmitPin(Pin(wrong)))
            tries.append((reception.state, reception.snapshot.tries_left, reception.snapshot.wrong_pin))
        await reception.handle(SubmitPin(Pin("2222")))
        reader.close()
        return tries, reception.snapshot

    tries, final = asyncio.run(scenario())
    assert tries == [(State.PIN_ENTRY, 2, True), (State.PIN_ENTRY, 1, True)]
    assert final.state is State.FALLBACK
    assert "資格確認書" in final.fallback.documents
    assert "市区町村" in final.fallback.remedy
    assert card.profile.auth_pin_tries == 0


def test_a_locked_card_goes_to_the_fallback_when_pin_is_chosen():
    async def scenario():
        reader = VirtualReader()
        reception, _ = make_reception(reader)
        reader.insert(child_card(tries=0))
        await reception.card_placed()
        tries = reception.snapshot.tries_left
        reception.handle(ChoosePin())
        reader.close()
        return tries, reception.state

    assert asyncio.run(scenario()) == (0, State.FALLBACK)


def test_other_cards_fail_to_read():
    async def scenario():
        reader = VirtualReader()
        reception, _ = make_reception(reader)
        reader.insert(OtherCard())
        await reception.card_placed()
        reader.close()
        return reception.state

    assert asyncio.run(scenario()) is State.READ_FAILED


def test_card_pulled_during_verify_returns_to_idle_and_drops_the_result():
    card = child_card()

    async def scenario():
        reader = VirtualReader()
        snapshots = []
        release = asyncio.Event()
        release.set()

        async def run_on_card(job):
            await release.wait()  # held back below: the card is taken away before the VERIFY reaches it
            return await asyncio.wrap_future(reader.submit(job))

        reception = Reception(run_on_card, snapshots.append)
        reception.reader_ready()
        reader.insert(card)
        await reception.card_placed()
        reception.handle(ChoosePin())
        release.clear()
        verify = asyncio.ensure_future(reception.handle(SubmitPin(Pin("1234"))))
        assert reception.state is State.VERIFYING
        reader.remove()
        reception.card_removed()
        release.set()
        await verify
        reader.close()
        return [s.state for s in snapshots]

    states = asyncio.run(scenario())
    assert states[-1] is State.IDLE
    assert State.COMPLETE not in states
    assert card.profile.auth_pin_tries == 3  # nothing reached the card


def test_reader_lost_ends_the_visit():
    async def scenario():
        reader = VirtualReader()
        reception, _ = make_reception(reader)
        reader.insert(child_card())
        await reception.card_placed()
        reception.reader_lost("unplugged")
        reader.close()
        return reception.snapshot

    snapshot = asyncio.run(scenario())
    assert snapshot.state is State.NO_READER and snapshot.message == "unplugged"


def test_pin_repr_never_shows_digits():
    pin = Pin("1234")
    assert "1234" not in repr(pin) and "1234" not in str(pin) and "1234" not in f"{pin}"
    with pytest.raises(ValueError, match="4 digits") as err:
        Pin("12a4")
    assert "12a4" not in str(err.value)


def phone_reception(reader, phone_reader):
    from mynakiosk.domain.clinic import ClinicSettings

    async def run_on_card(job):
        return await asyncio.wrap_future(reader.submit(job))

    async def run_on_phone(job):
        return await asyncio.wrap_future(phone_reader.submit(job))

    reception = Reception(run_on_card, clinic=ClinicSettings(phone_reader=True), run_on_phone=run_on_phone)
    reception.reader_ready()
    reception.phone_reader_ready(True)
    return reception


def test_taking_the_phone_away_ends_a_finished_phone_visit_only():
    """Held 1–2 s, then taken away while the consents go on (docs/domain.md): only at the end is it over."""
    from mynakiosk.flow.intents import ChoosePhoneKind, ChooseSmartphone
    from mynakiosk_hardware.phone import EmulatedPhone, PhoneKind, PhoneProfile
    from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER

    card = CardProfile("山田 太郎", "2468", sign_password="YAMADA85")

    async def scenario():
        reader, phone_reader = VirtualReader(), VirtualReader(VIRTUAL_PHONE_READER)
        try:
            reception = phone_reception(reader, phone_reader)
            reception.phone_removed()  # nothing going on: nothing happens
            assert reception.state is State.IDLE
            reception.handle(ChooseSmartphone())
            reception.handle(ChoosePhoneKind(PhoneKind.ANDROID))
            await reception.handle(SubmitPin(Pin("1357")))
            assert reception.state is State.PHONE_HOLD
            reception.phone_removed()  # not held yet: the visit goes on
            assert reception.state is State.PHONE_HOLD
            phone_reader.insert(EmulatedPhone(PhoneProfile.issued_from(card, PhoneKind.ANDROID, "1357")))
            await reception.phone_placed()
            assert reception.state is State.COMPLETE and reception.snapshot.by_phone  # no back end: done
            phone_reader.remove()
            reception.phone_removed()
            return reception.state
        finally:
            reader.close()
            phone_reader.close()

    assert asyncio.run(scenario()) is State.IDLE


def test_the_guidance_after_a_locked_phone_stays_when_the_phone_is_taken_away():
    """代わりの書類 comes up as the phone is taken away: the patient has yet to read it."""
    from mynakiosk.flow.intents import ChoosePhoneKind, ChooseSmartphone
    from mynakiosk_hardware.phone import EmulatedPhone, PhoneKind, PhoneProfile
    from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER

    card = CardProfile("山田 太郎", "2468", sign_password="YAMADA85")
    locked = PhoneProfile.issued_from(card, PhoneKind.ANDROID, "1357", auth_pin_tries=0)

    async def scenario():
        reader, phone_reader = VirtualReader(), VirtualReader(VIRTUAL_PHONE_READER)
        try:
            reception = phone_reception(reader, phone_reader)
            reception.handle(ChooseSmartphone())
            reception.handle(ChoosePhoneKind(PhoneKind.ANDROID))
            await reception.handle(SubmitPin(Pin("1357")))
            phone_reader.insert(EmulatedPhone(locked))
            await reception.phone_placed()
            assert reception.state is State.FALLBACK
            phone_reader.remove()
            reception.phone_removed()
            return reception.state
        finally:
            reader.close()
            phone_reader.close()

    assert asyncio.run(scenario()) is State.FALLBACK


def test_taking_the_phone_away_does_not_end_a_card_visit():
    async def scenario():
        reader = VirtualReader()
        try:
            reception, _snapshots = make_reception(reader)
            reader.insert(child_card())
            await reception.card_placed()
            reception.handle(ChoosePin())
            await reception.handle(SubmitPin(Pin("1234")))
            assert reception.state is State.COMPLETE
            reception.phone_removed()  # someone's phone left the other reader: the card is still here
            return reception.state
        finally:
            reader.close()

    assert asyncio.run(scenario()) is State.COMPLETE


def test_a_finished_phone_visit_gives_way_after_a_short_read_a_card_visit_waits_for_the_card():
    """The phone was taken away during the consents: 受付完了 does not stand for the whole inactivity time."""
    from mynakiosk.flow.intents import ChoosePhoneKind, ChooseSmartphone
    from mynakiosk.flow.reception import PHONE_COMPLETE_SECONDS
    from mynakiosk_hardware.phone import EmulatedPhone, PhoneKind, PhoneProfile
    from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER

    card = CardProfile("山田 太郎", "2468", sign_password="YAMADA85")

    async def scenario():
        reader, phone_reader = VirtualReader(), VirtualReader(VIRTUAL_PHONE_READER)
        try:
            reception = phone_reception(reader, phone_reader)
            waits = {"idle": reception.timeout_seconds()}
            reception.handle(ChooseSmartphone())
            reception.handle(ChoosePhoneKind(PhoneKind.ANDROID))
            await reception.handle(SubmitPin(Pin("1357")))
            phone_reader.insert(EmulatedPhone(PhoneProfile.issued_from(card, PhoneKind.ANDROID, "1357")))
            await reception.phone_placed()
            assert reception.state is State.COMPLETE
            waits["complete"] = reception.timeout_seconds()
            reception.inactivity()
            return waits, reception.state
        finally:
            reader.close()
            phone_reader.close()

    waits, state = asyncio.run(scenario())
    assert waits["complete"] == PHONE_COMPLETE_SECONDS < waits["idle"]
    assert state is State.IDLE
