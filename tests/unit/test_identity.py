"""The identity rules as domain code: the simulated face capture, its failure limit, and when staff may
step in with a 目視確認."""

import datetime as dt

from mynakiosk.domain.fallback import (
    MEDICAL_CERTIFICATE_NOTE,
    FallbackReason,
    guidance_for_identity,
    qualification_guidance,
)
from mynakiosk.domain.identity import (
    FACE_LOCKED_MESSAGE,
    FACE_NOT_MATCHED,
    FACE_PROMPTS,
    NO_PHOTO_FACE,
    NO_PHOTO_FOR_FACE,
    NO_PHOTO_VISUAL,
    WRONG_VISUAL_PASSWORD,
    CardFace,
    CardIdentity,
    FaceCondition,
    FacePolicy,
    FaceVerdict,
    PinChoice,
    face_refusal,
    pin_choice,
    visual_check_allowed,
    visual_confirmation_refusal,
)
from mynakiosk.domain.people import is_child
from mynakiosk_hardware.profile import CardProfile

AS_OF = dt.date(2026, 1, 15)
ADULT = CardFace(True, dt.date(1986, 4, 1), dt.date(2024, 1, 1))
CHILD_WITH_OLD_PHOTO = CardFace(True, dt.date(2018, 5, 14), dt.date(2024, 1, 16))  # 7, photo 730 days old
CHILD_WITH_NEW_PHOTO = CardFace(True, dt.date(2018, 5, 14), dt.date(2024, 1, 17))  # 729 days


def test_prompts_until_the_patient_faces_the_camera():
    policy = FacePolicy(limit=10)
    for condition in (FaceCondition.MASK, FaceCondition.MOVED, FaceCondition.TOO_FAR, FaceCondition.TOO_NEAR):
        assert policy.attempt(condition, 1, ADULT, AS_OF) == (FaceVerdict.RETRY, FACE_PROMPTS[condition])
    assert policy.attempt(FaceCondition.FRONT, 1, ADULT, AS_OF) == (FaceVerdict.MATCHED, "")


def test_a_child_photo_730_days_old_is_not_matched_and_one_a_day_younger_is():
    policy = FacePolicy(limit=10)
    assert policy.attempt(FaceCondition.FRONT, 1, CHILD_WITH_OLD_PHOTO, AS_OF) == (
        FaceVerdict.RETRY,
        FACE_NOT_MATCHED,
    )
    assert policy.attempt(FaceCondition.FRONT, 2, CHILD_WITH_NEW_PHOTO, AS_OF)[0] is FaceVerdict.MATCHED


def test_no_photo_no_face_authentication_and_no_failure_counted():
    policy = FacePolicy(limit=1)
    face = CardFace(False, dt.date(2025, 6, 1), dt.date(2025, 7, 1))
    assert policy.attempt(FaceCondition.FRONT, 1, face, AS_OF) == (FaceVerdict.RETRY, NO_PHOTO_FOR_FACE)
    assert not policy.locked(1)


def test_failures_lock_face_for_that_card_only_and_a_match_clears_the_count():
    policy = FacePolicy(limit=3)
    for _ in range(2):
        assert policy.attempt(FaceCondition.FRONT, 7, CHILD_WITH_OLD_PHOTO, AS_OF)[0] is FaceVerdict.RETRY
    assert policy.attempt(FaceCondition.FRONT, 7, CHILD_WITH_OLD_PHOTO, AS_OF) == (
        FaceVerdict.LOCKED,
        FACE_LOCKED_MESSAGE,
    )
    assert policy.locked(7) and not policy.locked(8) and not policy.locked(None)
    other = FacePolicy(limit=3)
    other.attempt(FaceCondition.FRONT, 7, CHILD_WITH_OLD_PHOTO, AS_OF)
    other.attempt(FaceCondition.FRONT, 7, ADULT, AS_OF)  # matched: the count starts again
    other.attempt(FaceCondition.FRONT, 7, CHILD_WITH_OLD_PHOTO, AS_OF)
    other.attempt(FaceCondition.FRONT, 7, CHILD_WITH_OLD_PHOTO, AS_OF)
    assert not other.locked(7)


def test_staff_step_in_during_the_identity_step_or_after_it_failed_only():
    card = CardIdentity()
    assert visual_check_allowed(True, None, card)
    assert not visual_check_allowed(False, None, card)
    assert visual_check_allowed(False, guidance_for_identity(FallbackReason.PIN_LOCKED, AS_OF), card)
    for reason in (FallbackReason.NOT_QUALIFIED, FallbackReason.CERTIFICATE, FallbackReason.NOT_REGISTERED):
        guidance = qualification_guidance(reason, title="", cause="")
        assert not visual_check_allowed(False, guidance, card)
    # No card known, or a card without a photo to compare with (an infant's): never.
    assert not visual_check_allowed(True, None, None)
    assert not visual_check_allowed(True, None, CardIdentity(has_photo=False))


def test_one_child_rule():
    assert is_child(dt.date(2008, 1, 16), AS_OF)  # 17 until tomorrow
    assert not is_child(dt.date(2008, 1, 15), AS_OF)  # 18 today


def test_what_a_card_allows_follows_its_profile_and_its_pin_counter():
    assert CardIdentity.of(None, 3) == CardIdentity(has_photo=True, has_pin=True)  # an unknown card
    assert CardIdentity.of(None, None) == CardIdentity(has_photo=True, has_pin=False)  # no counter: 6A88
    infant = CardProfile("赤ちゃん", "1234", photo=False)
    assert CardIdentity.of(infant, 3) == CardIdentity(has_photo=False, has_pin=True)
    face_only = CardProfile("顔", None)
    assert CardIdentity.of(face_only, 3).has_pin is False
    assert CardFace.of(None) == CardFace()
    assert CardFace.of(infant).has_photo is False and CardFace.of(infant).birth_date == infant.birth_date


def test_choosing_the_pin_enters_it_unless_none_is_set_or_it_is_locked():
    assert pin_choice(3, CardIdentity()) is PinChoice.ENTER
    assert pin_choice(0, CardIdentity()) is PinChoice.LOCKED
    assert pin_choice(None, CardIdentity()) is PinChoice.NOT_SET
    assert pin_choice(3, CardIdentity(has_pin=False)) is PinChoice.NOT_SET
    assert pin_choice(0, CardIdentity(has_pin=False)) is PinChoice.NOT_SET


def test_face_needs_a_photo_and_an_unlocked_card():
    assert face_refusal(CardIdentity(), locked=False) == ""
    assert face_refusal(CardIdentity(), locked=True) == FACE_LOCKED_MESSAGE
    assert face_refusal(CardIdentity(has_photo=False), locked=True) == NO_PHOTO_FACE


def test_the_visual_check_needs_the_facility_password_and_a_photo():
    assert visual_confirmation_refusal("staff", "staff", ADULT) == ""
    assert visual_confirmation_refusal("1234", "staff", ADULT) == WRONG_VISUAL_PASSWORD
    assert visual_confirmation_refusal("staff", "staff", CardFace(has_photo=False)) == NO_PHOTO_VISUAL


def test_the_medical_certificate_note_is_for_a_child_s_card_only() -> None:
    """A PIN lock on the father's card (scenario 19) does not tell him to show his child's 医療証; on
    さくら's (scenario 08) it does."""
    import asyncio

    from mynakiosk.scenarios.loader import find_scenario, load_scenario
    from mynakiosk.scenarios.runner import run_scenario

    notes = {}
    for name in ("19_pin_locked_visual_check", "08_pin_locked"):
        run = asyncio.run(run_scenario(load_scenario(find_scenario(name))))
        shown = [record.fallback for record in run.records if record.fallback is not None]
        assert shown, name
        notes[name] = shown[0].child_note
    assert notes["19_pin_locked_visual_check"] == ""
    assert notes["08_pin_locked"] == MEDICAL_CERTIFICATE_NOTE
    adult = guidance_for_identity(FallbackReason.PIN_LOCKED, AS_OF, child=False)
    assert (
        adult.child_note == ""
        and adult.documents == guidance_for_identity(FallbackReason.PIN_LOCKED, AS_OF).documents
    )
