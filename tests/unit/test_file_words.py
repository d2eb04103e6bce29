"""Scenario files and the run's JSON spell enums with fixed words, apart from the labels shown on screen:
rewording a label (an N_()-marked text) can never break a scenario file or change the JSON."""

from __future__ import annotations

import asyncio

import pytest

from mynakiosk.domain.people import Relation
from mynakiosk.domain.qualification import IdentityMethod, Share
from mynakiosk.domain.visit import ConsentTopic
from mynakiosk.flow.intents import ConsentIndividually, DecideConsents, parse_step
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.scenarios.runner import run_scenario


def reword(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every label these enums have, reworded as a translator or a designer might."""
    for kind in (ConsentTopic, Relation, IdentityMethod, Share):
        monkeypatch.setattr(kind, "label", property(lambda self: f"reworded {self!r}"))


@pytest.fixture
def reworded(monkeypatch):
    reword(monkeypatch)


def run_json(name: str) -> dict:
    return asyncio.run(run_scenario(load_scenario(scenarios_dir() / name))).to_json()


def test_a_consent_step_parses_the_same_with_its_topic_reworded(reworded):
    parsed = parse_step("consent individual 手術=yes 特定健診=yes".split())
    wanted = {ConsentTopic.MEDICAL: False, ConsentTopic.SURGERY: True, ConsentTopic.HEALTH_CHECKUP: True}
    assert parsed.intents == (ConsentIndividually(), DecideConsents(wanted))


def test_a_coverages_relation_loads_the_same_with_it_reworded(reworded):
    scenario = load_scenario(scenarios_dir() / "05_dependent_transfer.toml")
    relations = {coverage.relation for coverage in scenario.coverages}
    assert relations == {Relation.SELF, Relation.DEPENDENT}


@pytest.mark.parametrize("name", ["01_child_normal_visit.toml", "05_dependent_transfer.toml"])
def test_a_runs_json_and_its_share_expectation_do_not_follow_the_labels(monkeypatch, name):
    before = run_json(name)
    reword(monkeypatch)
    after = run_json(name)
    assert after["ok"] and after == before
    assert before["share"] == "3割" and before["method"] == "暗証番号"
    assert "手術" in before["consents"] or name.startswith("05")  # 05 ends in the fallback: no consents
