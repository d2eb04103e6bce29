"""Files people write cannot break the app: any TOML-shaped data gives a clear error or a valid object."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mynakiosk.scenarios.loader import Scenario, ScenarioError, parse_scenario
from mynakiosk_hardware.profile import CardProfile, ProfileError, profile_from_mapping

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.text(max_size=12),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.sampled_from(["1234", "valid", "revoked", "63C0", "家族", "本人", "06139991", "sakura"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
PROFILE_KEYS = [
    "holder",
    "auth_pin",
    "auth_pin_tries",
    "sign_password",
    "birth_date",
    "photo",
    "certificate_status",
]
SCENARIO_KEYS = [
    "title",
    "lesson",
    "as_of",
    "people",
    "coverages",
    "insurers",
    "clinic",
    "script",
    "expect",
    "question",
]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(PROFILE_KEYS) | st.text(max_size=6), values, max_size=7))
def test_any_profile_mapping_is_a_profile_or_a_profile_error(data):
    try:
        profile = profile_from_mapping(data, "fuzz.toml")
    except ProfileError as exc:
        assert str(exc).startswith("fuzz.toml") or "card profile" in str(exc)
    else:
        assert isinstance(profile, CardProfile)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(SCENARIO_KEYS) | st.text(max_size=6), values, max_size=9))
def test_any_scenario_mapping_is_a_scenario_or_a_scenario_error(data):
    try:
        scenario = parse_scenario(data, Path("fuzz.toml"))
    except ScenarioError as exc:
        assert "fuzz.toml" in str(exc)
    else:
        assert isinstance(scenario, Scenario)


def _paths(data, prefix=()):
    """Every (path, value) in a nested TOML document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key), value
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*prefix, index), value
            yield from _paths(value, (*prefix, index))


def _replace(data, path, value):
    import copy

    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _library_documents():
    import tomllib

    from mynakiosk.scenarios.loader import library

    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in library()]


DOCUMENTS = _library_documents()


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_one_wrong_value_anywhere_in_a_real_scenario_is_caught_or_harmless(data):
    document = data.draw(st.sampled_from(DOCUMENTS))
    paths = [p for p, _ in _paths(document)]
    path = data.draw(st.sampled_from(paths))
    mutated = _replace(document, path, data.draw(values))
    try:
        scenario = parse_scenario(mutated, Path("fuzz.toml"))
    except ScenarioError as exc:
        assert "fuzz.toml" in str(exc)
    else:
        assert isinstance(scenario, Scenario)
        scenario.service()  # a scenario that loads must also build its back end
        scenario.personas()
