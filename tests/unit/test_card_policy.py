"""Which cards the kiosk accepts and how: training cards, and the real-card guard."""

from __future__ import annotations

import asyncio

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from mynakiosk.cards import CardKind, CardPolicy
from mynakiosk.flow.intents import ChoosePin, RequestVisualCheck, SubmitPin, SubmitVisualCheck
from mynakiosk.flow.machine import State
from mynakiosk.flow.reception import Reception
from mynakiosk.roster import Roster, certificate_key, uid_key
from mynakiosk.scenarios.loader import default_household
from mynakiosk_hardware import pki
from mynakiosk_hardware.card import TEXT_AID, MyNumberCard, OtherCard, OtherCardKind
from mynakiosk_hardware.errors import Protection
from mynakiosk_hardware.jpki import RealCardProtected, guarded_verify, survey
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.virtual import VirtualReader


class FakeRealCard(MyNumberCard):
    """A My Number card whose certificate chains to the real JPKI name, recording every APDU it sees."""

    def __init__(self, profile: CardProfile) -> None:
        super().__init__(profile)
        self.commands: list[bytes] = []

    @property
    def auth_certificate_der(self) -> bytes:  # type: ignore[override]
        p = self.profile
        real_ca = pki.test_ca(pki.AUTH_OU, organization=pki.REAL_ORGANIZATION)
        certificate = pki.issue_certificate(
            real_ca,
            self.auth_key,
            p.certificate_serial,
            "0" * 20,
            p.certificate_not_before,
            p.certificate_not_after,
        )
        return certificate.public_bytes(Encoding.DER)

    def execute(self, raw: bytes) -> bytes:
        self.commands.append(bytes(raw))
        return super().execute(raw)

    def verifies_with_data(self) -> list[bytes]:
        return [c for c in self.commands if c[1] == 0x20 and len(c) > 5]

    def selected_text_ap(self) -> bool:
        return any(c[1] == 0xA4 and c[2] == 0x04 and TEXT_AID.startswith(c[5:]) for c in self.commands)


class Channel:
    def __init__(self, card):
        self.card = card

    def transmit(self, apdu):
        return self.card.execute(apdu)


def test_survey_tells_real_from_test_cards_without_a_pin():
    real = FakeRealCard(CardProfile("実カード", "4321"))
    found = survey(Channel(real))
    assert found.identity.is_mynumber_card and found.is_real_mynumber_card
    assert found.tries_left == 3 and found.certificate_serial == real.profile.certificate_serial
    assert not real.verifies_with_data()
    test = survey(Channel(MyNumberCard(CardProfile("x", "1234"))))
    assert test.test_certificate and not test.is_real_mynumber_card
    other = survey(Channel(OtherCard(uid=b"\x01\x02\x03\x04")))
    assert not other.identity.is_mynumber_card and other.uid == b"\x01\x02\x03\x04"


def test_guarded_verify_never_sends_a_pin_to_a_real_card_without_opt_in():
    real = FakeRealCard(CardProfile("実カード", "4321"))
    with pytest.raises(RealCardProtected):
        guarded_verify(Channel(real), Pin("4321"))
    assert not real.verifies_with_data()


@pytest.mark.parametrize("tries", [1, 0])
def test_guarded_verify_never_spends_the_last_try_even_with_opt_in(tries):
    real = FakeRealCard(CardProfile("実カード", "4321", auth_pin_tries=tries))
    with pytest.raises(RealCardProtected) as refused:
        guarded_verify(Channel(real), Pin("0000"), allow_real_card=True)
    assert refused.value.reason is (Protection.LAST_TRY if tries == 1 else Protection.NO_TRIES)
    assert not real.verifies_with_data() and real.profile.auth_pin_tries == tries


def test_guarded_verify_with_opt_in_and_tries_to_spare_checks_on_the_card():
    real = FakeRealCard(CardProfile("実カード", "4321"))
    assert guarded_verify(Channel(real), Pin("4321"), allow_real_card=True).verified
    assert len(real.verifies_with_data()) == 1


def visit(card, policy):
    async def scenario():
        reader = VirtualReader()
        reception = Reception(lambda job: asyncio.wrap_future(reader.submit(job)), policy=policy)
        reception.reader_ready()
        reader.insert(card)
        await reception.card_placed()
        snapshots = [reception.snapshot]
        if reception.state is State.METHOD_SELECT:
            reception.handle(ChoosePin())
            await reception.handle(SubmitPin(Pin("1234")))
            snapshots.append(reception.snapshot)
        reader.close()
        return reception, snapshots

    return asyncio.run(scenario())


def test_real_card_enrolled_to_a_persona_is_checked_against_the_persona_not_the_card(tmp_path):
    personas = default_household()
    real = FakeRealCard(CardProfile("実カード", "9876"))
    roster = Roster(tmp_path / "roster.toml", {certificate_key(real.profile.certificate_serial): "sakura"})
    reception, snapshots = visit(real, CardPolicy(personas, roster))
    assert reception.visit_card.kind is CardKind.REAL
    assert "カードに送らず" in snapshots[0].notice
    assert snapshots[-1].state is State.COMPLETE  # 1234 is さくら's practice PIN
    assert not real.verifies_with_data()
    assert not real.selected_text_ap()
    assert real.profile.auth_pin_tries == 3


def test_real_card_not_enrolled_is_refused_with_instructions():
    real = FakeRealCard(CardProfile("実カード", "9876"))
    _reception, snapshots = visit(real, CardPolicy(default_household(), Roster()))
    assert snapshots[0].state is State.READ_FAILED and "kiosk card enroll" in snapshots[0].message
    assert not real.verifies_with_data()


def test_real_card_with_one_try_left_is_never_verified_even_when_opted_in():
    personas = default_household()
    real = FakeRealCard(CardProfile("実カード", "9876", auth_pin_tries=1))
    roster = Roster(None, {certificate_key(real.profile.certificate_serial): "yuto"})
    reception, _snapshots = visit(real, CardPolicy(personas, roster, real_card_verify=True))
    assert not reception.visit_card.verify_on_card
    assert not real.verifies_with_data() and real.profile.auth_pin_tries == 1


def test_enrolled_training_card_plays_its_persona():
    personas = default_household()
    nfc = OtherCard(OtherCardKind.NFC_TRAINING, uid=bytes.fromhex("04AABBCCDD"))
    roster = Roster(None, {uid_key(nfc.uid): "sakura"})
    reception, snapshots = visit(nfc, CardPolicy(personas, roster))
    assert reception.visit_card.kind is CardKind.TRAINING
    assert snapshots[0].state is State.METHOD_SELECT and "山田 さくら" in snapshots[0].notice
    assert snapshots[-1].state is State.COMPLETE


def test_unknown_nfc_card_fails_to_read():
    _reception, snapshots = visit(OtherCard(uid=b"\x99\x99"), CardPolicy(default_household(), Roster()))
    assert snapshots[0].state is State.READ_FAILED


def _face_only_visit(known: bool):
    """A 顔認証マイナンバーカード on the reader; ``known``: the simulation knows its profile (a scenario's card)."""
    card = MyNumberCard(CardProfile("顔認証カード", None))
    profiles = {card.profile.certificate_serial: card.profile}.get if known else None

    async def scenario():
        reader = VirtualReader()
        reception = Reception(lambda job: asyncio.wrap_future(reader.submit(job)), profiles=profiles)
        reception.reader_ready()
        reader.insert(card)
        await reception.card_placed()
        offered = reception.snapshot
        reception.handle(ChoosePin())
        reader.close()
        return offered, reception.snapshot

    return asyncio.run(scenario())


def test_face_only_card_offers_no_pin_and_choosing_it_changes_nothing():
    """顔認証マイナンバーカード: face or 目視 only (MHLW 事務連絡 2023-08-07); 暗証番号 is never offered.

    The card answers as a blocked PIN does (63C0: hardware.card); the kiosk knows it has no PIN from what
    the simulation knows of the card, as it knows whether the card has a photo."""
    offered, after = _face_only_visit(known=True)
    assert offered.tries_left == 0 and not offered.pin_offered
    assert offered.face_offered and offered.visual_offered
    assert after.state is State.METHOD_SELECT and "暗証番号が設定されていません" in after.message


def test_a_face_only_card_the_simulation_does_not_know_reads_as_a_blocked_pin():
    """From the chip alone a card with no PIN set cannot be told from one whose PIN is blocked: 暗証番号
    leads to the blocked-PIN fallback, as on a locked card."""
    offered, after = _face_only_visit(known=False)
    assert offered.tries_left == 0 and offered.face_offered
    assert after.state is State.FALLBACK


def test_roster_round_trip_and_errors(tmp_path):
    path = tmp_path / "roster.toml"
    roster = Roster.load(path)
    roster.enroll(uid_key(b"\x04\x01"), "taro")
    roster.enroll(certificate_key(12345), "sakura")
    again = Roster.load(path)
    assert again.persona_for_uid(b"\x04\x01") == "taro" and again.persona_for_certificate(12345) == "sakura"
    assert "12345" not in path.read_text()  # only a hash of the serial is stored
    path.write_text('[cards]\n"04" = "taro"\n')
    from mynakiosk.roster import RosterError

    with pytest.raises(RosterError, match="must start with 'uid:' or 'cert:'"):
        Roster.load(path)


def visual_visit(card, password, *, lock_first=False, clinic_password="7391"):
    from mynakiosk.domain.clinic import ClinicSettings
    from mynakiosk.domain.qualification import IdentityMethod
    from mynakiosk.scenarios.loader import load_default

    scenario = load_default()

    async def scenario_run():
        reader = VirtualReader()
        service = scenario.service()
        from mynakiosk.backend.service import CardLink

        service.links[card.profile.certificate_serial] = CardLink(card.profile.certificate_serial, "sakura")
        reception = Reception(
            lambda job: asyncio.wrap_future(reader.submit(job)),
            service=service,
            clinic=ClinicSettings(visual_check_password=clinic_password),
            profiles={card.profile.certificate_serial: card.profile}.get,
        )
        reception.reader_ready()
        reader.insert(card)
        await reception.card_placed()
        if lock_first:
            reception.handle(ChoosePin())
            for wrong in ("0000", "1111", "2222"):
                await reception.handle(SubmitPin(Pin(wrong)))
        reception.handle(RequestVisualCheck())
        await reception.handle(SubmitVisualCheck(password))
        reader.close()
        return reception

    reception = asyncio.run(scenario_run())
    method = reception.record.method if reception.record else None
    return reception, method is IdentityMethod.VISUAL


def test_visual_check_with_the_facility_password_identifies_without_a_pin():
    card = MyNumberCard(CardProfile("山田 さくら", "1234"))
    reception, visual = visual_visit(card, "7391")
    assert reception.state is State.CONSENT and visual
    assert card.profile.auth_pin_tries == 3


def test_visual_check_refuses_a_wrong_password_and_the_card_pin():
    card = MyNumberCard(CardProfile("山田 さくら", "1234"))
    reception, _ = visual_visit(card, "1234")
    assert reception.state is State.VISUAL_CHECK and "パスワードが違います" in reception.snapshot.message


def test_visual_check_is_refused_for_photo_less_cards():
    card = MyNumberCard(CardProfile("山田 はな", "1357", photo=False))
    with pytest.raises(RuntimeError, match="not accepted"):
        visual_visit(card, "7391")


def test_a_photo_less_card_offers_the_pin_only_even_after_a_lock():
    """An infant's card: neither 顔認証 nor 目視, before or after a PIN lock; the staff are told so."""
    from mynakiosk.domain.staff import staff_action

    card = MyNumberCard(CardProfile("山田 はな", "1357", photo=False))
    records = []

    async def run():
        reader = VirtualReader()
        reception = Reception(
            lambda job: asyncio.wrap_future(reader.submit(job)),
            on_record=records.append,
            profiles={card.profile.certificate_serial: card.profile}.get,
        )
        reception.reader_ready()
        reader.insert(card)
        await reception.card_placed()
        offered = reception.snapshot
        reception.handle(ChoosePin())
        for wrong in ("0000", "1111", "2222"):
            await reception.handle(SubmitPin(Pin(wrong)))
        reader.close()
        return offered, reception.snapshot

    offered, locked = asyncio.run(run())
    assert not offered.face_offered and offered.pin_offered and not offered.visual_offered
    assert locked.state is State.FALLBACK and not locked.visual_offered
    action = staff_action(records[-1]).action
    assert "顔写真のないカード" in action and "目視確認（目視モード用パスワード）で本人確認" not in action


def test_visual_check_after_a_lock_does_not_reset_the_counter():
    card = MyNumberCard(CardProfile("山田 さくら", "1234"))
    reception, visual = visual_visit(card, "7391", lock_first=True)
    assert reception.state is State.CONSENT and visual
    assert card.profile.auth_pin_tries == 0  # still locked: only the 市区町村 can reset it
