"""Who the simulated オンライン資格確認 knows: people, insurers and their insurance records, and how old
someone is on a day (the one age rule everything else builds on)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from mynakiosk.i18n import N_
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt

#: Under this age the kiosk treats the patient as a child (the 医療証 note on the fallback screen, the
#: practice explanation's child notes): a simulator choice, as 医療証 age limits vary by municipality.
ADULT_AGE = 18


class Relation(enum.Enum):
    """本人 (the insured) or 家族 (a dependant, 被扶養者) on an insurance record."""

    SELF = "self"
    DEPENDENT = "dependent"

    @property
    def label(self) -> str:
        return {Relation.SELF: N_("本人"), Relation.DEPENDENT: N_("家族")}[self]


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in years; in Japanese law a birthday's age is reached the day before, which never matters here."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_child(birth_date: dt.date | None, day: dt.date) -> bool:
    """Whether the kiosk treats this person as a child on ``day`` (under :data:`ADULT_AGE`). Someone whose
    birth date it does not know (a card no scenario describes) counts as one: the child's notes (the 医療証)
    are then shown rather than withheld."""
    return birth_date is None or age_on(birth_date, day) < ADULT_AGE


@record
class Insurer:
    """A health insurer (保険者) by its 保険者番号."""

    number: str  # 保険者番号
    name: str


@record
class Person:
    """Someone the simulated オンライン資格確認 knows (name, カナ, birth date, sex as the result file codes it)."""

    id: str
    name: str
    kana: str
    birth_date: dt.date
    sex: str = "1"  # 1 男, 2 女 (as in the result file)


@record
class Coverage:
    """One insurance record (被保険者 or 被扶養者) held by an insurer."""

    person: str
    insurer: str
    symbol: str  # 記号
    number: str  # 番号
    branch: str  # 枝番
    relation: Relation
    acquired: dt.date  # 資格取得日
    lost: dt.date | None = None  # 資格喪失日
    reflected: dt.date | None = None  # when the insurer's data (with the My Number) reached the system
    medical_aid: bool = False  # 医療扶助
    elderly_tenths: int | None = None  # 70歳以上: 1, 2 or 3割 by income
    limit_category: str = ""  # 限度額適用区分 (e.g. "A03"), shared when the patient consents
    card_expires: dt.date | None = None  # the printed expiry of the 保険証 issued for it (before 2024-12-02)

    def valid_on(self, day: dt.date) -> bool:
        return self.acquired <= day and (self.lost is None or day < self.lost)
