"""The rules the sources give for children's cases and for today's date (issue 14), one test each."""

import asyncio
import datetime as dt
from dataclasses import replace

import pytest

from mynakiosk.backend.service import CardLink, QualificationService
from mynakiosk.domain.desk import PresentedDocument, desk_verdict
from mynakiosk.domain.fallback import (
    DECLARATION,
    FallbackReason,
    old_card_usable,
    out_of_order_guidance,
    qualification_guidance,
    with_transitional,
)
from mynakiosk.domain.people import Coverage, Insurer, Person, Relation
from mynakiosk.domain.qualification import IdentityMethod, QualificationResult, Validity
from mynakiosk.domain.staff import staff_action
from mynakiosk.domain.visit import ConsentTopic, Outcome, ReceptionRecord
from mynakiosk.flow.machine import State
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.scenarios.runner import run_scenario

TODAY = dt.date(2026, 12, 5)


def run(name, **changes):
    scenario = load_scenario(scenarios_dir() / name, today=TODAY)
    if changes:
        scenario = replace(scenario, **changes)
    result = asyncio.run(run_scenario(scenario))
    assert not result.impossible, result.impossible
    return result


# 1. A PIN lock (or an unusable card) at a first visit: the 申立書 route, and the record carries the share.
@pytest.mark.parametrize(("birth", "share"), [("today-7y-3m", "3割"), ("today-4y-2m", "2割")])
def test_a_lock_at_a_first_visit_offers_the_declaration_and_records_the_share(tmp_path, birth, share):
    text = (scenarios_dir() / "20_first_visit_pin_locked.toml").read_text(encoding="utf-8")
    path = tmp_path / "lock.toml"
    path.write_text(text.replace('birth_date = "today-7y-3m"', f'birth_date = "{birth}"'), encoding="utf-8")
    result = asyncio.run(run_scenario(load_scenario(path, today=TODAY)))
    record = result.record
    assert record is not None and record.result is None  # no result: the identity step failed
    assert DECLARATION in record.fallback.documents
    assert record.patient_share is not None and record.patient_share.label == share
    assert share in str(record.fallback.share)


def test_a_lock_at_a_return_visit_offers_no_declaration():
    scenario = load_scenario(scenarios_dir() / "20_first_visit_pin_locked.toml", today=TODAY)
    scenario = replace(scenario, clinic=replace(scenario.clinic, first_visit=False))
    record = asyncio.run(run_scenario(scenario)).record
    assert DECLARATION not in record.fallback.documents


# 2. and 3. (photo-less and PIN-less cards) are in test_card_policy.py; the runner refuses what the reader
# does not offer.
def test_choose_pin_on_a_card_without_a_pin_is_a_step_that_cannot_be_performed(tmp_path):
    text = (scenarios_dir() / "15_face_only_card.toml").read_text(encoding="utf-8")
    path = tmp_path / "s.toml"
    path.write_text(text.replace('"visual 0000"', '"choose pin"'), encoding="utf-8")
    result = asyncio.run(run_scenario(load_scenario(path, today=TODAY)))
    assert result.impossible and "this card has no PIN" in result.impossible[0]


# 4. 誤紐づけ: name and birth date; the desk stops; the national line is named.
def test_a_namesake_with_another_birth_date_raises_the_alarm_and_stops_the_reception():
    result = run("22_mislinked_same_name.toml")
    record = result.record
    assert record.mislinked and record.outcome == "mislinked"
    assert record.result.person.name == record.card_holder  # the same name
    action = staff_action(record)
    assert action.alarm and "受付停止" in action.summary
    assert "受付を進めてください" not in action.action
    assert "0120-95-0178" in action.action


def test_the_same_person_is_not_an_alarm():
    record = run("01_child_normal_visit.toml").record
    assert not record.mislinked and record.outcome == "complete"


# 5. A record not yet in the system: no お知らせ, no マイナポータル; the 資格確認書 and (first visit) 申立書.
def test_a_newborn_not_yet_reflected_is_not_sent_with_the_notice_or_mynaportal():
    result = run("23_newborn_first_visit.toml")
    documents = " ".join(result.record.fallback.documents)
    assert "資格確認書" in documents and "被扶養者異動届" in documents and "申立書" in documents
    assert "お知らせ ＋" not in documents and "マイナポータル" not in documents


def test_not_in_system_guidance_keeps_the_interim_line_off():
    guidance = qualification_guidance(FallbackReason.NOT_QUALIFIED, title="t", cause="c", not_in_system=True)
    during = with_transitional(guidance, dt.date(2026, 2, 1))
    assert not any("暫定措置" in d for d in during.documents)


# 6. 資格有効性 6 有効（未登録）: 医療扶助 not yet registered online.
def test_medical_aid_not_yet_registered_is_valid_unregistered():
    result = run("24_medical_aid_unregistered.toml")
    assert result.record.result.validity is Validity.VALID_UNREGISTERED and result.record.result.usable
    assert "医療券" in staff_action(result.record).action


# 7. Before 2025-12-01 the old 保険証 only while it and its insurer are valid.
def coverage(**changes):
    base = Coverage("p", "06139991", "1", "2", "00", Relation.SELF, dt.date(2015, 4, 1))
    return replace(base, **changes)


@pytest.mark.parametrize(
    ("record", "day", "usable"),
    [
        (coverage(), dt.date(2025, 11, 30), True),
        (coverage(), dt.date(2025, 12, 2), False),
        (coverage(card_expires=dt.date(2025, 7, 31)), dt.date(2025, 8, 1), False),
        (coverage(lost=dt.date(2025, 10, 1)), dt.date(2025, 10, 15), False),
        (coverage(acquired=dt.date(2024, 12, 2)), dt.date(2025, 1, 10), False),
    ],
)
def test_the_old_card_is_offered_only_while_it_is_still_valid(record, day, usable):
    assert old_card_usable(record, day) is usable


def test_after_a_job_change_the_fallback_does_not_offer_the_old_card():
    documents = " ".join(run("25_old_card_after_job_change.toml").record.fallback.documents)
    assert "2025年12月1日まで使えます" not in documents


# 8. The reader out of order: what applies is listed, the 申立書 at a first visit.
def test_the_out_of_order_screen_lists_mynaportal_and_the_declaration_at_a_first_visit():
    result = run("26_reader_out_of_order_first_visit.toml")
    assert result.final_state is State.NO_READER
    documents = " ".join(result.fallback.documents)
    assert "マイナポータル" in documents and "申立書" in documents and "お知らせ" in documents
    assert DECLARATION not in out_of_order_guidance(first_visit=False).documents


# 個別照会 at the desk.
def service_on(day):
    people = {"s": Person("s", "山田 さくら", "ヤマダ サクラ", dt.date(2019, 9, 5))}
    record = Coverage("s", "06139991", "3150", "27", "02", Relation.DEPENDENT, dt.date(2019, 9, 5))
    return QualificationService(
        day, people=people, insurers={"06139991": Insurer("06139991", "健保")}, coverages=[record]
    )


@pytest.mark.parametrize(
    ("document", "day", "accepted"),
    [
        (PresentedDocument.CERTIFICATE, TODAY, True),
        (PresentedDocument.NOTICE_WITH_CARD, TODAY, True),
        (PresentedDocument.OLD_CARD, dt.date(2025, 11, 1), True),
        (PresentedDocument.OLD_CARD, TODAY, False),
        (PresentedDocument.EXPIRED_CARD, dt.date(2026, 3, 31), True),
        (PresentedDocument.EXPIRED_CARD, dt.date(2026, 4, 1), False),
        (PresentedDocument.NOTICE, dt.date(2026, 2, 1), True),
        (PresentedDocument.NOTICE, dt.date(2026, 4, 1), False),
        (PresentedDocument.NOTICE, TODAY, False),
    ],
)
def test_the_desk_accepts_what_the_day_allows(document, day, accepted):
    result = service_on(day).lookup_by_numbers("06139991", "3150", "27", "02", dt.date(2019, 9, 5))
    verdict = desk_verdict(document, result, day)
    assert result.validity is Validity.VALID and verdict.accepted is accepted
    if not accepted:
        assert "受付できません" in verdict.action


def test_the_desk_look_up_needs_the_right_birth_date():
    result = service_on(TODAY).lookup_by_numbers("06139991", "3150", "27", "02", dt.date(2019, 9, 6))
    assert result.validity is Validity.NONE and "生年月日" in result.cause
    assert not desk_verdict(PresentedDocument.CERTIFICATE, result, TODAY).accepted


def test_a_desk_look_up_of_a_lost_record_is_not_accepted():
    service = service_on(TODAY)
    service.coverages[0] = replace(service.coverages[0], lost=dt.date(2026, 10, 1))
    result = service.lookup_by_numbers("06139991", "3150", "27", "02", dt.date(2019, 9, 5))
    assert result.validity is Validity.INVALID
    assert not desk_verdict(PresentedDocument.CERTIFICATE, result, TODAY).accepted


def test_share_of_a_locked_card_uses_the_record_for_the_elderly():
    service = service_on(TODAY)
    service.people["g"] = Person("g", "山田 トメ", "ヤマダ トメ", dt.date(1948, 11, 3))
    service.coverages.append(
        Coverage("g", "06139991", "1", "9", "00", Relation.SELF, dt.date(2020, 1, 1), elderly_tenths=3)
    )
    service.links[5] = CardLink(5, "g")
    assert service.share_of_card(5, dt.date(1948, 11, 3)).tenths == 3


def test_each_ending_is_a_new_record_and_a_mislinked_completion_says_so():
    someone_else = Person("x", "山田 はな", "ヤマダ ハナ", dt.date(2019, 1, 1))
    result = QualificationResult(True, Validity.VALID, IdentityMethod.PIN, person=someone_else)
    going_on = ReceptionRecord(dt.datetime(2026, 12, 5, 9), result=result, card_holder="山田 さくら")
    ended = going_on.ended(Outcome.COMPLETE, None)
    assert ended.outcome is Outcome.MISLINKED and going_on.outcome is None  # the one before is unchanged
    own = replace(going_on, card_holder="山田 はな")
    assert own.ended(Outcome.COMPLETE, None).outcome is Outcome.COMPLETE
    assert going_on.ended(Outcome.FALLBACK, None).outcome is Outcome.FALLBACK  # only a completion is one


def test_a_published_record_cannot_be_changed_through_its_consents():
    """The staff console and the result file read the same record: its consents stay as given."""
    given = {ConsentTopic.MEDICAL: True, ConsentTopic.SURGERY: False}
    record = ReceptionRecord(dt.datetime(2026, 12, 5, 9), consents=given)
    given[ConsentTopic.SURGERY] = True  # the caller's dict is not the record's
    assert record.consents == {ConsentTopic.MEDICAL: True, ConsentTopic.SURGERY: False}
    with pytest.raises(TypeError):
        record.consents[ConsentTopic.HEALTH_CHECKUP] = True  # type: ignore[index]
    assert replace(record, high_cost=True).consents == record.consents
    assert ReceptionRecord(dt.datetime(2026, 12, 5, 9)).consents == {}
