"""Date rules at their boundaries (MHLW mhlw.go.jp/stf/newpage_50657.html for certificates, 被保険者資格申立書 説明書 for shares)."""

import datetime as dt

import pytest

from mynakiosk.backend.rules import (
    CertificateState,
    add_months,
    certificate_state,
    is_preschool,
    patient_share,
    renewal_alert,
)
from mynakiosk_hardware.profile import CertificateStatus

D = dt.date
NOT_BEFORE, NOT_AFTER = D(2021, 6, 1), D(2026, 5, 14)


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        (D(2026, 2, 13), CertificateState.VALID),
        (D(2026, 2, 14), CertificateState.EXPIRING),  # 3 months before expiry: the alert starts
        (D(2026, 5, 14), CertificateState.EXPIRING),  # the last valid day
        (D(2026, 5, 15), CertificateState.GRACE),  # expired: 資格情報の提供のみ
        (D(2026, 8, 31), CertificateState.GRACE),  # end of the 3rd month after the expiry month
        (D(2026, 9, 1), CertificateState.EXPIRED),
        (D(2021, 5, 31), CertificateState.NOT_YET_VALID),
    ],
)
def test_certificate_state_at_the_boundaries(as_of, state):
    assert certificate_state(NOT_BEFORE, NOT_AFTER, as_of) is state


@pytest.mark.parametrize("status", [CertificateStatus.REVOKED, CertificateStatus.SUSPENDED])
def test_revocation_and_suspension_win_over_dates(status):
    assert certificate_state(NOT_BEFORE, NOT_AFTER, D(2024, 1, 1), status).value == status.value
    assert not certificate_state(NOT_BEFORE, NOT_AFTER, D(2024, 1, 1), status).usable


def test_a_status_written_as_a_string_is_refused_not_taken_as_valid():
    """The CA's word is the hardware profile's enum: a stray "revoked" must not read as a valid certificate."""
    with pytest.raises(KeyError):
        certificate_state(NOT_BEFORE, NOT_AFTER, D(2024, 1, 1), "revoked")  # type: ignore[arg-type]


def test_renewal_alert_runs_from_three_months_before_to_three_after():
    assert not renewal_alert(NOT_AFTER, D(2026, 2, 13))
    assert renewal_alert(NOT_AFTER, D(2026, 2, 14)) and renewal_alert(NOT_AFTER, D(2026, 8, 14))
    assert not renewal_alert(NOT_AFTER, D(2026, 8, 15))


def test_add_months_clamps_to_the_end_of_month():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)


@pytest.mark.parametrize(
    ("birth", "as_of", "preschool"),
    [
        (D(2019, 5, 14), D(2026, 3, 31), True),  # turned 6 in 2025: preschool until 31 March 2026
        (D(2019, 5, 14), D(2026, 4, 1), False),
        (D(2020, 4, 1), D(2026, 3, 31), True),
        (D(2020, 4, 2), D(2027, 3, 31), True),
    ],
)
def test_preschool_ends_on_the_31_march_after_the_6th_birthday(birth, as_of, preschool):
    assert is_preschool(birth, as_of) is preschool


@pytest.mark.parametrize(
    ("birth", "as_of", "tenths", "elderly"),
    [
        (D(2022, 1, 9), D(2026, 1, 15), 2, None),  # 未就学児
        (D(2018, 5, 14), D(2026, 1, 15), 3, None),
        (D(1985, 3, 3), D(2026, 1, 15), 3, None),
        (D(1956, 1, 16), D(2026, 1, 15), 3, None),  # 70 tomorrow: still 3割
        (D(1953, 9, 10), D(2026, 1, 15), 2, None),  # 72
        (D(1940, 11, 3), D(2026, 1, 15), 1, None),  # 85, 後期高齢者
        (D(1953, 9, 10), D(2026, 1, 15), 3, 3),  # 現役並み所得
    ],
)
def test_patient_share(birth, as_of, tenths, elderly):
    assert patient_share(birth, as_of, elderly).tenths == tenths


@pytest.mark.parametrize(
    ("as_of", "old_card", "transitional"),
    [
        (D(2025, 12, 1), True, True),
        (D(2025, 12, 2), False, True),
        (D(2026, 3, 31), False, True),
        (D(2026, 4, 1), False, False),
    ],
)
def test_fallback_documents_follow_the_transition_dates(as_of, old_card, transitional):
    from mynakiosk.domain.fallback import transitional_documents

    documents = " ".join(transitional_documents(as_of, old_card=True))
    assert ("健康保険証（2025年12月1日まで" in documents) is old_card
    assert ("暫定措置" in documents) is transitional
