"""Files people write cannot break the app: any TOML-shaped data gives a clear error or a valid object.

Two layers: mappings as code would build them (parse_scenario, profile_from_mapping), and files on disk as
an unwary or hostile person would leave them (load_scenario, load_profile, Roster.load), including what is
not a file at all (a FIFO, /dev/zero, a folder) and the value classes that once ended in a traceback or a
hang: nesting 1,000 deep, dates near 9999 or before 1950, NaN and inf, a float serial, control characters,
a 1 MB value, an integer of thousands of digits.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
import tempfile
import threading
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mynakiosk.roster import Roster, RosterError
from mynakiosk.scenarios.loader import Scenario, ScenarioError, load_scenario, parse_scenario
from mynakiosk_hardware.profile import CardProfile, ProfileError, load_profile, profile_from_mapping
from mynakiosk_hardware.tomlfile import MAX_FILE_BYTES, QUOTE_LIMIT

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


# -- files on disk ------------------------------------------------------------------------------------

# The value classes of the hostile-file report, each as TOML can carry it.
hostile_scalars = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308, 2**63, -(2**63) - 1, 10**30, 1.5, 2717.0]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.dates(),  # 0001-01-01 … 9999-12-31
    st.datetimes(),
    st.text(st.characters(codec="utf-8"), max_size=20),  # control characters, U+FFFF, line breaks
    st.sampled_from(["x" * 1_000_000, "\x00", "1399999999\n", "名\x1b[31m", "\ufffe", "0000\t"]),
)


def _nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


hostile_values = st.one_of(
    hostile_scalars,
    st.integers(2, 40).map(_nested),
    st.recursive(
        hostile_scalars,
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
        max_leaves=6,
    ),
)


def _loaded(loader, error, text: str | bytes):
    """Load ``text`` from a file; return the object or the error, and check the error's shape."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        try:
            return loader(path)
        except error as exc:
            message = str(exc)
            assert message.startswith(str(path)), message  # the file first, then the field
            # The file's name, the field and the problem; never more than ~80 characters of the file's text.
            assert len(message) - len(str(path)) < 3 * QUOTE_LIMIT + 200, message[:300]
            return exc


def _document(mutated: dict) -> str | None:
    try:
        return tomli_w.dumps(mutated)
    except (TypeError, ValueError, RecursionError):  # a shape TOML cannot write (a list of tables mixed)
        return None


@settings(
    max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.data())
def test_a_hostile_value_anywhere_in_a_scenario_file_is_named_or_harmless(data):
    document = data.draw(st.sampled_from(DOCUMENTS))
    path = data.draw(st.sampled_from([p for p, _ in _paths(document)]))
    text = _document(_replace(document, path, data.draw(hostile_values)))
    if text is None:
        return
    loaded = _loaded(load_scenario, ScenarioError, text)
    if isinstance(loaded, Scenario):
        loaded.service()
        loaded.personas()
        for profile in loaded.card_profiles().values():
            assert profile.certificate_not_before >= dt.date(1950, 1, 1)
        assert loaded.clinic.code.isdigit() and math.isfinite(loaded.clinic.inactivity_seconds)


PROFILE = {
    "holder": "山田 さくら",
    "birth_date": dt.date(2017, 5, 14),
    "auth_pin": "1234",
    "certificate_serial": 2717,
    "certificate_not_before": dt.date(2022, 6, 1),
    "certificate_not_after": dt.date(2027, 5, 14),
    "certificate_status": "valid",
    "photo": True,
}


@settings(
    max_examples=200, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.sampled_from(sorted(PROFILE)), hostile_values)
def test_a_hostile_value_in_a_card_profile_file_is_named_or_harmless(key, value):
    text = _document({**PROFILE, key: value})
    if text is None:
        return
    loaded = _loaded(load_profile, ProfileError, text)
    if isinstance(loaded, CardProfile):
        assert loaded.certificate_not_before >= dt.date(1950, 1, 1)
        assert isinstance(loaded.certificate_serial, int)


@settings(
    max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.dictionaries(st.text(max_size=12), hostile_values, max_size=3))
def test_a_hostile_roster_file_is_named_or_harmless(cards):
    text = _document({"cards": cards})
    if text is None:
        return
    loaded = _loaded(Roster.load, RosterError, text)
    if isinstance(loaded, Roster):
        assert all(isinstance(v, str) for v in loaded.entries.values())


@settings(max_examples=300, deadline=5000)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_as_a_file_are_named_or_harmless(raw):
    for loader, error in (
        (load_scenario, ScenarioError),
        (load_profile, ProfileError),
        (Roster.load, RosterError),
    ):
        _loaded(loader, error, raw)


# -- the report's cases, one by one -------------------------------------------------------------------

SCENARIO = DOCUMENTS[0]  # 01_child_normal_visit.toml


def _with(section: str, key: str, value: object) -> str:
    document = (
        {**SCENARIO, section: {**SCENARIO.get(section, {}), key: value}}
        if section
        else {**SCENARIO, key: value}
    )
    return tomli_w.dumps(document)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (_with("clinic", "inactivity_seconds", math.nan), "clinic.inactivity_seconds"),
        (_with("clinic", "inactivity_seconds", math.inf), "clinic.inactivity_seconds"),
        (_with("clinic", "inactivity_seconds", 0.001), "clinic.inactivity_seconds"),
        (_with("clinic", "face_failure_limit", 0), "clinic.face_failure_limit"),
        (_with("clinic", "name", "さくら\x00クリニック"), "clinic.name"),
        (_with("clinic", "code", "13999\x1b99999"), "clinic.code"),
        (_with("clinic", "code", "1399999999\n"), "clinic.code"),
        (_with("clinic", "name", "長" * 60_000 + "\n"), "clinic.name"),
        (_with("", "as_of", dt.date(9999, 12, 31)), "as_of"),
        ("deep = " + "[" * 1000 + "]" * 1000 + "\n", "nested"),
        ("deep = " + "[" * 20 + "]" * 20 + "\n", "deep"),
        ("n = " + "9" * 5000 + "\n", "not valid TOML"),
    ],
)
def test_the_reported_scenario_cases_are_named(text, field):
    loaded = _loaded(load_scenario, ScenarioError, text)
    assert isinstance(loaded, ScenarioError) and field in str(loaded)


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ("certificate_not_before = 1949-12-31", "certificate_not_before"),
        ("certificate_not_after = 9999-12-31", "certificate_not_after"),
        ("birth_date = 0001-01-01", "birth_date"),
        ("certificate_serial = 2717.0", "certificate_serial"),
        ('holder = "山田\\u0007"', "holder"),
    ],
)
def test_the_reported_profile_cases_are_named(extra, field):
    base = {k: v for k, v in PROFILE.items() if k not in extra.split(" = ")[0]}
    loaded = _loaded(load_profile, ProfileError, tomli_w.dumps(base) + extra + "\n")
    assert isinstance(loaded, ProfileError) and field in str(loaded)


@pytest.mark.parametrize(
    ("birth", "not_before", "not_after"),
    [
        (dt.date(1900, 1, 1), dt.date(1950, 1, 1), dt.date(1950, 1, 2)),
        (dt.date(2199, 12, 31), dt.date(2199, 12, 30), None),  # the 5th birthday after: 2204
        (dt.date(2000, 2, 29), dt.date(2199, 12, 31), dt.date(2199, 12, 31)),
    ],
)
def test_the_extreme_dates_a_profile_accepts_make_a_card(birth, not_before, not_after):
    from mynakiosk_hardware.card import MyNumberCard

    extra = {"certificate_not_after": not_after} if not_after else {}
    data = {**PROFILE, "birth_date": birth, "certificate_not_before": not_before, **extra}
    if not not_after:
        del data["certificate_not_after"]
    card = MyNumberCard(profile_from_mapping(data, "edge.toml"))
    card.prepare()  # keys and certificates: the certificate library's own date limits


def _refused_in_time(path: Path) -> Exception:
    """load_scenario(path) in a thread: it must end, quickly, with a ScenarioError."""
    outcome: list[object] = []

    def load() -> None:
        try:
            outcome.append(load_scenario(path))
        except BaseException as exc:  # the test inspects whatever it was
            outcome.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), f"reading {path} blocked"
    assert isinstance(outcome[0], ScenarioError), outcome[0]
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "scenario.toml"
    os.mkfifo(fifo)
    assert "not a regular file" in str(_refused_in_time(fifo))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a POSIX device")
def test_dev_zero_is_refused_without_reading_it():
    assert "not a regular file" in str(_refused_in_time(Path("/dev/zero")))


def test_a_file_over_the_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    assert "larger than" in str(_refused_in_time(big))


def test_a_folder_is_named_as_one(tmp_path):
    assert "is a folder" in str(_refused_in_time(tmp_path))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_named(tmp_path):
    path = tmp_path / "secret.toml"
    path.write_text(tomli_w.dumps(SCENARIO), encoding="utf-8")
    path.chmod(0)
    assert "cannot be read" in str(_refused_in_time(path))


@pytest.mark.parametrize(
    ("char", "in_text", "in_line"),
    [
        ("\t", True, False),
        ("\n", True, False),
        ("\r", True, False),
        ("\x00", False, False),
        ("\x0b", False, False),
        ("\x1f", False, False),
        ("\x7f", False, False),
        ("\x85", False, False),  # C1: NEL
        ("\x9f", False, False),
        ("\u2028", True, False),
        ("\u2029", True, False),
        ("\ufffe", False, False),
        ("\uffff", False, False),
        (" ", True, True),
        ("\xa0", True, True),
        ("\u3000", True, True),  # 全角スペース
        ("名", True, True),
        ("\U0001f600", True, True),
    ],
)
def test_which_characters_a_text_and_a_one_line_text_may_hold(char, in_text, in_line):
    """The control characters every text refuses and the line breaks one-line texts refuse besides, at the
    edges of each range (the sets replaced regular expressions; the fuzz tests above draw at random)."""
    from mynakiosk_hardware.tomlfile import check_values, is_single_line

    assert is_single_line(f"a{char}b") is in_line
    if in_text:
        check_values({"text": f"a{char}b"}, "file", ValueError)
    else:
        with pytest.raises(ValueError, match=r"file: text: control characters"):
            check_values({"text": f"a{char}b"}, "file", ValueError)
    if not in_line:
        with pytest.raises(ValueError, match=r"a key with control characters"):
            check_values({f"a{char}b": 1}, "file", ValueError)
