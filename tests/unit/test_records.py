"""``record`` behaves as ``dataclass`` does: each class here is made twice, by ``record`` and by ``dataclass``
with the same options, and every instance pair must compare, hash and show the same."""

from __future__ import annotations

import dataclasses
import datetime as dt  # noqa: F401  # named by a string annotation below
import inspect
import math
from dataclasses import KW_ONLY as KO  # noqa: F401  # markers under other names: string annotations use them
from dataclasses import FrozenInstanceError, InitVar, dataclass, field
from dataclasses import InitVar as IV  # noqa: F401
from typing import TYPE_CHECKING, Any, ClassVar
from typing import ClassVar as CV

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mynakiosk_hardware import record_inits
from mynakiosk_hardware.record_inits import MOST_FIELDS
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    from collections.abc import Callable

values = st.one_of(
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.none(),
    st.tuples(st.integers(), st.text(max_size=2)),
)


def twins(
    body: Callable[[], dict[str, Any]], *, frozen: bool = True, slots: bool = False
) -> tuple[type, type]:
    """The same class body made by record and by dataclass (each its own fields: dataclass fills them in)."""

    def make(decorate: Any, name: str) -> type:
        namespace = {"__module__": __name__, "__qualname__": "Twin", "__doc__": "A twin.", **body()}
        return decorate(type(name, (), namespace))

    ours = make(record(frozen=frozen, slots=slots), "Twin")
    theirs = make(dataclass(frozen=frozen, slots=slots), "Twin")
    return ours, theirs


BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    "no fields": lambda: {"__annotations__": {}},
    "one field": lambda: {"__annotations__": {"a": "Any"}},
    "three fields": lambda: {"__annotations__": {"a": "Any", "b": "Any", "c": "Any"}},
    "not compared": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": field(compare=False)},
    "not shown": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": field(repr=False)},
    "not hashed": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": field(hash=False)},
    "defaults": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": 7},
}


def build(cls: type, arguments: list[Any]) -> Any:
    count = len([f for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING])
    return cls(*arguments[:count])


@pytest.mark.parametrize("slots", [False, True])
@pytest.mark.parametrize("kind", sorted(BODIES))
@given(left=st.lists(values, min_size=3, max_size=3), right=st.lists(values, min_size=3, max_size=3))
def test_frozen_record_compares_hashes_and_shows_as_dataclass(
    kind: str, slots: bool, left: list[Any], right: list[Any]
) -> None:
    ours, theirs = twins(BODIES[kind], slots=slots)
    for arguments in (left, right):
        assert repr(build(ours, arguments)) == repr(build(theirs, arguments))
    # Same values on the right as the left sometimes: equal pairs must be seen, not only unequal ones.
    for other in (left, right, [*left[:1], *right[1:]]):
        assert (build(ours, left) == build(ours, other)) == (build(theirs, left) == build(theirs, other))
        assert (build(ours, left) != build(ours, other)) == (build(theirs, left) != build(theirs, other))
    try:
        expected: Any = hash(build(theirs, left))
    except TypeError as error:  # an unhashable value (none here, but the rule is dataclass's)
        expected = type(error)
    try:
        got: Any = hash(build(ours, left))
    except TypeError as error:
        got = type(error)
    assert got == expected


def test_a_nan_is_equal_to_itself_as_in_a_dataclass() -> None:
    # dataclass compares tuples, which take an identical object as equal: the same NaN compares equal.
    nan = math.nan
    ours, theirs = twins(BODIES["one field"])
    assert (ours(nan) == ours(nan)) is (theirs(nan) == theirs(nan)) is True
    assert (ours(nan) == ours(float("nan"))) is (theirs(nan) == theirs(float("nan"))) is False


def test_other_classes_are_never_equal_even_with_the_same_fields() -> None:
    ours, _ = twins(BODIES["one field"])
    other, _ = twins(BODIES["one field"])
    assert ours(1) != other(1)
    assert ours(1).__eq__(other(1)) is NotImplemented
    assert ours(1) != (1,)


def test_frozen_record_is_frozen_and_mutable_one_is_unhashable() -> None:
    ours, _ = twins(BODIES["one field"])
    with pytest.raises(FrozenInstanceError):
        ours(1).a = 2  # type: ignore[attr-defined]
    mutable, theirs = twins(BODIES["one field"], frozen=False)
    item = mutable(1)
    item.a = 2
    assert item == mutable(2) and item != mutable(1)
    assert mutable.__hash__ is None and theirs.__hash__ is None
    with pytest.raises(TypeError):
        hash(item)


def test_a_recursive_repr_stops_as_dataclass_does() -> None:
    mutable, theirs = twins(BODIES["one field"], frozen=False)
    ours_item, their_item = mutable([]), theirs([])
    ours_item.a.append(ours_item)
    their_item.a.append(their_item)
    assert repr(ours_item) == repr(their_item) == "Twin(a=[...])"


def test_methods_written_in_the_class_body_are_kept() -> None:
    @record
    class Own:
        """Its own equality, hash and text."""

        a: int

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 5

        def __repr__(self) -> str:
            return "own"

    assert Own(1) == Own(2) and hash(Own(1)) == 5 and repr(Own(1)) == "own"

    @record
    class OwnEquality:
        """Its own equality only: dataclass still adds a hash for a frozen class, from the fields."""

        a: int

        def __eq__(self, other: object) -> bool:
            return True

    assert hash(OwnEquality(1)) == hash((1,))


def test_subclass_record_compares_its_own_and_inherited_fields() -> None:
    @record
    class Base:
        """Two fields."""

        a: int
        b: int = 0

    @record
    class Child(Base):
        """One more."""

        c: int = 0

    assert (
        repr(Child(1, 2, 3))
        == "test_subclass_record_compares_its_own_and_inherited_fields.<locals>.Child(a=1, b=2, c=3)"
    )
    assert Child(1, 2, 3) == Child(1, 2, 3) and Child(1, 2, 3) != Child(1, 2, 4)
    assert Child(1, 2, 0) != Base(1, 2)
    assert hash(Child(1, 2, 3)) == hash((1, 2, 3))


def test_every_dataclass_in_the_project_is_a_record() -> None:
    """One kind of value class (docs/architecture.md): ``@record``, or ``@dataclass`` only for what a record
    does not take (``order=True``)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    plain = []
    for path in sorted([*(root / "kiosk").rglob("*.py"), *(root / "hardware").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for decorator in getattr(node, "decorator_list", []):
                call = decorator if isinstance(decorator, ast.Call) else None
                name = call.func if call is not None else decorator
                if isinstance(name, ast.Name) and name.id == "dataclass":
                    options = {k.arg for k in call.keywords} if call is not None else set()
                    if "order" not in options:
                        plain.append(f"{path.relative_to(root)}:{node.lineno}")
    assert plain == []


def _outcome(action: Callable[[], object]) -> object:
    """What an action comes to: its value, or the exception's type and message."""
    try:
        return action()
    except Exception as error:  # compared with what dataclass does
        return (type(error), str(error))


@pytest.mark.parametrize("slots", [False, True])
def test_frozen_record_refuses_what_a_frozen_dataclass_refuses(slots: bool) -> None:
    ours, theirs = twins(BODIES["defaults"], slots=slots)
    attempts = [
        lambda item: setattr(item, "a", 2),
        lambda item: delattr(item, "a"),
        lambda item: object.__setattr__(item, "a", 5) or item.a,  # the escape hatch both allow
    ]
    if not slots:  # with slots: the next test
        attempts += [lambda item: setattr(item, "other", 2), lambda item: delattr(item, "other")]
    for attempt in attempts:
        assert _outcome(lambda a=attempt: a(ours(1))) == _outcome(lambda a=attempt: a(theirs(1)))


def test_a_slotted_frozen_record_refuses_other_attributes_as_frozen() -> None:
    # Python 3.11's frozen dataclass with slots raises TypeError here, from a super() call on the class it
    # replaced with its slotted copy; a record says what a frozen dataclass means to say.
    ours, _ = twins(BODIES["one field"], slots=True)
    with pytest.raises(FrozenInstanceError):
        ours(1).other = 2  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        del ours(1).other  # type: ignore[attr-defined]


def test_a_subclass_that_is_no_record_may_add_attributes_but_not_set_fields() -> None:
    ours, theirs = twins(BODIES["one field"])
    for base in (ours, theirs):
        sub = type("Sub", (base,), {"__doc__": "Not a record."})
        item = sub(1)
        item.extra = 2
        assert item.extra == 2
        with pytest.raises(FrozenInstanceError):
            item.a = 3
        with pytest.raises(FrozenInstanceError):
            del item.a


def test_post_init_cannot_assign_but_object_setattr_can_as_in_a_frozen_dataclass() -> None:
    def post_init_assigns(self: Any) -> None:
        self.b = self.a * 2

    def post_init_sets(self: Any) -> None:
        object.__setattr__(self, "b", self.a * 2)

    for post_init, expected in ((post_init_assigns, FrozenInstanceError), (post_init_sets, None)):
        body = lambda post_init=post_init: {  # noqa: E731
            "__annotations__": {"a": "Any", "b": "Any"},
            "b": field(default=0, init=False),
            "__post_init__": post_init,
        }
        ours, theirs = twins(body)
        for cls in (ours, theirs):
            if expected is None:
                assert cls(2).b == 4
            else:
                with pytest.raises(expected):
                    cls(2)


@pytest.mark.parametrize("slots", [False, True])
def test_frozen_records_copy_and_pickle(slots: bool) -> None:
    import copy
    import pickle

    global Pickled  # pickle finds a class by its module and name

    @record(slots=slots)
    class Pickled:
        """A module-level name for pickle."""

        a: int
        b: tuple[int, ...] = ()

    Pickled.__qualname__ = "Pickled"
    item = Pickled(1, (2, 3))
    assert copy.copy(item) == item and copy.deepcopy(item) == item
    assert pickle.loads(pickle.dumps(item)) == item
    assert dataclasses.replace(item, a=5) == Pickled(5, (2, 3))


def test_frozen_and_mutable_records_do_not_inherit_from_each_other() -> None:
    @record
    class Frozen:
        """Frozen."""

        a: int = 0

    @record(frozen=False)
    class Mutable:
        """Mutable."""

        a: int = 0

    with pytest.raises(TypeError, match="cannot inherit non-frozen record"):
        record(frozen=False)(
            type("Bad", (Frozen,), {"__doc__": "x", "__annotations__": {"b": "int"}, "b": 0})
        )
    with pytest.raises(TypeError, match="cannot inherit frozen record"):
        record(type("Bad", (Mutable,), {"__doc__": "x", "__annotations__": {"b": "int"}, "b": 0}))


#: Class bodies whose ``__init__`` a template writes, and ones that keep ``dataclass``'s own.
INIT_BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    **BODIES,
    "post init": lambda: {"__annotations__": {"a": "Any"}, "__post_init__": _check_positive},
    "all defaults": lambda: {"__annotations__": {"a": "int", "b": "str"}, "a": 1, "b": field(default="x")},
    "most fields": lambda: {"__annotations__": {f"f{i}": "int" for i in range(MOST_FIELDS)}},
    "a module's type": lambda: {"__annotations__": {"a": "dt.date", "b": "dt.date | None"}, "b": None},
}
DATACLASS_INIT_BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    "factory": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": field(default_factory=list)},
    "not in init": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": field(default=0, init=False)},
    "keyword only": lambda: {"__annotations__": {"a": "Any", "b": "Any"}, "b": field(kw_only=True)},
    "class variable": lambda: {"__annotations__": {"a": "Any", "c": ClassVar[int]}, "c": 3},
    "init variable": lambda: {
        "__annotations__": {"a": "Any", "b": InitVar[int]},
        "__post_init__": lambda self, b: None,
    },
    "too many fields": lambda: {"__annotations__": {f"f{i}": "int" for i in range(MOST_FIELDS + 1)}},
    # Markers under other names, as dataclass finds them through the module (string annotations here)
    "aliased class variable": lambda: {"__annotations__": {"a": "Any", "c": "CV[int]"}, "c": 3},
    "class variable alias": lambda: {"__annotations__": {"a": "Any", "c": "Constant"}, "c": 3},
    "aliased init variable": lambda: {
        "__annotations__": {"a": "Any", "b": "IV[int]"},
        "__post_init__": lambda self, b: None,
    },
    "aliased keyword-only marker": lambda: {"__annotations__": {"a": "Any", "_": "KO", "b": "Any"}, "b": 0},
}

Constant = CV[int]


def _check_positive(self: Any) -> None:
    if self.a < 0:
        raise ValueError("negative")


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}),
    ((1,), {}),
    ((-1,), {}),
    ((1, 2), {}),
    ((1, 2, 3), {}),
    ((), {"a": 1}),
    ((1,), {"a": 1}),
    ((1,), {"zzz": 1}),
    ((), {"b": 2}),
    (tuple(range(MOST_FIELDS)), {}),
]


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("kind", sorted(INIT_BODIES) + sorted(DATACLASS_INIT_BODIES))
def test_init_takes_and_refuses_what_dataclass_s_does(kind: str, frozen: bool) -> None:
    body = INIT_BODIES.get(kind) or DATACLASS_INIT_BODIES[kind]
    ours, theirs = twins(body, frozen=frozen)
    assert str(inspect.signature(ours)) == str(inspect.signature(theirs))
    for attribute in ("__qualname__", "__name__", "__module__", "__annotations__", "__defaults__", "__doc__"):
        # repr: an InitVar annotation is made for each twin and has no equality of its own
        assert repr(getattr(ours.__init__, attribute)) == repr(getattr(theirs.__init__, attribute)), attribute
    for arguments, keywords in CALLS:
        made = [
            _outcome(lambda cls=cls, a=arguments, k=keywords: repr(cls(*a, **k))) for cls in (ours, theirs)
        ]
        assert made[0] == made[1], (arguments, keywords)
    templated = ours.__init__.__code__.co_filename == record_inits.__file__
    # On an interpreter that compiles the templates otherwise, every record keeps dataclass's __init__
    # (the start-up benchmark's findings say so): the same behaviour, only slower to make.
    assert templated is (kind in INIT_BODIES and record_inits.TEMPLATES_FIT)


def test_a_field_without_default_after_one_with_is_refused_as_dataclass_does() -> None:
    body = lambda: {"__annotations__": {"a": "Any", "b": "Any", "c": "Any"}, "a": 1}  # noqa: E731
    with pytest.raises(TypeError) as theirs:
        dataclass(type("Twin", (), body()))
    with pytest.raises(TypeError) as ours:
        record(type("Twin", (), body()))
    assert str(ours.value) == str(theirs.value) == "non-default argument 'b' follows default argument"


def test_an_inherited_record_s_init_takes_the_base_s_fields_first() -> None:
    @record
    class Base:
        """Two fields."""

        a: int
        b: int = 2

    @record
    class Child(Base):
        """An override and one more."""

        a: int = 1
        c: int = 3

    assert str(inspect.signature(Child)) == "(a: 'int' = 1, b: 'int' = 2, c: 'int' = 3) -> None"
    assert Child(c=5) == Child(1, 2, 5)
    if record_inits.TEMPLATES_FIT:
        assert Child.__init__.__code__.co_filename == record_inits.__file__


def test_the_init_templates_are_as_generated() -> None:
    from pathlib import Path

    assert Path(record_inits.__file__).read_text(encoding="utf-8") == record_inits.source(), (
        "python -m mynakiosk_hardware.record_inits > hardware/record_inits.py"
    )


def test_a_record_without_a_docstring_is_given_dataclass_s() -> None:
    body = {"__module__": __name__, "__annotations__": {"a": "int", "b": "int"}, "b": 2}
    ours = record(type("Plain", (), dict(body)))
    theirs = dataclass(type("Plain", (), dict(body)))
    assert ours.__doc__ == theirs.__doc__ == "Plain(a: 'int', b: 'int' = 2)"
