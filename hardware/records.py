"""``record``: the project's dataclass, with the methods that compare, hash and show an instance shared.

A record is a ``dataclasses.dataclass`` (frozen unless asked otherwise) whose ``__eq__``, ``__hash__`` and
``__repr__`` behave exactly as the ones ``dataclass`` writes (the same fields compared, hashed and shown, the
same class check, ``...`` for a recursive repr; tests/unit/test_records.py holds them to it), but are built
from the field names with :func:`operator.attrgetter` instead of being compiled for each class.

Why: Python 3.11's ``dataclass`` compiles every generated method with its own ``exec``, ~0.6 M instructions
each; a frozen class gets six. Some forty classes are made on the way to the kiosk's idle screen, and those
three methods were ~55 M instructions of its start-up (docs/performance.md). ``__init__`` and a frozen class's
``__setattr__`` / ``__delattr__`` are still ``dataclass``'s own.

Anything ``record`` does not take (``order``, ``unsafe_hash``, ``init=False`` …) is plain ``dataclass``'s
business: use ``dataclass`` for it.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, frozen: bool = True, slots: bool = False, kw_only: bool = False
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: type[T] | None = None, /, *, frozen: bool = True, slots: bool = False, kw_only: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@record`` (frozen) or ``@record(frozen=False, slots=…, kw_only=…)``: a dataclass, as above."""

    def make(cls: type[T]) -> type[T]:
        return _make(cls, frozen=frozen, slots=slots, kw_only=kw_only)

    return make if cls is None else make(cls)


def _make(cls: type[T], *, frozen: bool, slots: bool, kw_only: bool) -> type[T]:
    own = vars(cls)
    own_eq, own_repr = "__eq__" in own, "__repr__" in own
    # As dataclass decides: a __hash__ written in the class body is kept, the None Python puts there for a
    # body's own __eq__ is not one.
    own_hash = "__hash__" in own and not (own["__hash__"] is None and own_eq)
    made = dataclass(cls, frozen=frozen, eq=False, repr=False, slots=slots, kw_only=kw_only)
    every = fields(made)  # type: ignore[arg-type]  # made is a dataclass now
    if not own_eq:
        made.__eq__ = _equality(_values([f.name for f in every if f.compare]))  # type: ignore[method-assign]
    if not own_hash:
        hashed = [f.name for f in every if (f.compare if f.hash is None else f.hash)]
        made.__hash__ = _hashing(_values(hashed)) if frozen else None  # type: ignore[assignment]
    if not own_repr:
        made.__repr__ = _showing(tuple(f.name for f in every if f.repr))  # type: ignore[method-assign]
    return made


def _values(names: list[str]) -> Callable[[object], tuple[Any, ...]]:
    """The tuple of these attributes (``attrgetter`` gives a bare value for one name, so it is wrapped)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda instance: (one(instance),)
    return lambda instance: ()


def _equality(values: Callable[[object], tuple[Any, ...]]) -> Callable[[object, object], Any]:
    def __eq__(self: object, other: object) -> Any:  # shown in tracebacks as dataclass's
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hashing(values: Callable[[object], tuple[Any, ...]]) -> Callable[[object], int]:
    def __hash__(self: object) -> int:
        return hash(values(self))

    return __hash__


def _showing(names: tuple[str, ...]) -> Callable[[object], str]:
    @recursive_repr()
    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__
