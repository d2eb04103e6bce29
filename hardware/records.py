"""``record``: the project's dataclass, with the methods that compare, hash and show an instance shared.

A record is a ``dataclasses.dataclass`` (frozen unless asked otherwise) whose ``__eq__``, ``__hash__`` and
``__repr__`` behave exactly as the ones ``dataclass`` writes (the same fields compared, hashed and shown, the
same class check, ``...`` for a recursive repr; tests/unit/test_records.py holds them to it), but are built
from the field names with :func:`operator.attrgetter` instead of being compiled for each class.

A frozen record is frozen as a frozen dataclass is (``FrozenInstanceError`` on assigning or deleting a field,
or any attribute of an instance of the record itself, from ``__post_init__`` too), by a shared ``__setattr__``
that lets only the record's own generated ``__init__`` set its fields.

A record's ``__init__`` is one of the functions of ``hardware/record_inits.py`` (``self.a0 = a0`` … for a
number of fields, compiled once, into that module's bytecode) with its code renamed to the record's fields
(``CodeType.replace``): the same parameters, defaults, annotations and ``__post_init__`` call as the one
``dataclass`` writes. A record with a field that needs more (``default_factory``, ``init=False``,
``kw_only``, ``InitVar``, or a ``ClassVar`` beside them, a field named ``self``), with more fields than the
templates have, or made with ``kw_only=True`` keeps ``dataclass``'s own; its own ``__init__`` is its own.

Why: Python 3.11's ``dataclass`` compiles every generated method with its own ``exec``, ~0.6 M instructions
each; a frozen class gets six. Some forty classes are made on the way to the kiosk's idle screen, and those
methods were ~130 M instructions of its start-up (docs/performance.md).

Anything ``record`` does not take (``order``, ``unsafe_hash``, ``init=False`` …) is plain ``dataclass``'s
business: use ``dataclass`` for it.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
import typing
from dataclasses import KW_ONLY, MISSING, Field, FrozenInstanceError, InitVar, dataclass, field, fields
from itertools import pairwise
from operator import attrgetter
from reprlib import recursive_repr
from types import FunctionType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform, get_origin, overload

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
    own_eq, own_repr, own_init = "__eq__" in own, "__repr__" in own, "__init__" in own
    # As dataclass decides: a __hash__ written in the class body is kept, the None Python puts there for a
    # body's own __eq__ is not one.
    own_hash = "__hash__" in own and not (own["__hash__"] is None and own_eq)
    for base in cls.__mro__[1:]:  # dataclass's own check, which it cannot make here (it sees no frozen one)
        if getattr(base, "__record_frozen__", frozen) != frozen:
            kinds = ("non-frozen", "frozen") if frozen else ("frozen", "non-frozen")
            raise TypeError(f"cannot inherit {kinds[1]} record {cls.__name__} from a {kinds[0]} one")
    templated = not own_init and not kw_only and _plain_fields(cls)
    undocumented = not cls.__doc__
    made = dataclass(
        cls, init=not templated, frozen=False, eq=False, repr=False, slots=slots, kw_only=kw_only
    )
    made.__record_frozen__ = frozen  # type: ignore[attr-defined]
    every = fields(made)  # type: ignore[arg-type]  # made is a dataclass now
    if templated:
        made.__init__ = _initialiser(made, every)  # type: ignore[method-assign]
        if undocumented:  # dataclass wrote the docstring from the __init__ it found then: object's
            made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    if frozen:
        _freeze(made, tuple(f.name for f in every), None if own_init else made.__init__.__code__, slots=slots)
    if not own_eq:
        made.__eq__ = _equality(_values([f.name for f in every if f.compare]))  # type: ignore[method-assign]
    if not own_hash:
        hashed = [f.name for f in every if (f.compare if f.hash is None else f.hash)]
        made.__hash__ = _hashing(_values(hashed)) if frozen else None  # type: ignore[assignment]
    if not own_repr:
        made.__repr__ = _showing(tuple(f.name for f in every if f.repr))  # type: ignore[method-assign]
    return made


def _plain_fields(cls: type) -> bool:
    """Whether every field ``dataclass`` will find in ``cls`` is a plain parameter of ``__init__``, so that a
    template writes it. Told from the class body before ``dataclass`` reads it, erring towards "no"."""
    from mynakiosk_hardware.record_inits import MOST_FIELDS, TEMPLATES_FIT

    if not TEMPLATES_FIT:
        return False
    count = 0
    for base in cls.__mro__[1:]:
        inherited = getattr(base, "__dataclass_fields__", None)
        if inherited is not None:
            if not _all_plain(list(inherited.values())) or list(inherited.values()) != list(fields(base)):
                return False
            count += len(inherited)
    body = vars(cls)
    annotations = body.get("__annotations__", {})
    module = sys.modules.get(cls.__module__)
    namespace = vars(module) if module is not None else {}
    for name, annotation in annotations.items():
        if name == "self" or _may_be_a_marker(annotation, namespace):
            return False
        value = body.get(name)
        if isinstance(value, Field) and not _all_plain([value]):
            return False
    return count + len(annotations) <= MOST_FIELDS


def _may_be_a_marker(annotation: object, namespace: dict[str, Any]) -> bool:
    """Whether ``dataclass`` may take ``annotation`` for ``ClassVar``, ``InitVar`` or ``KW_ONLY``: a string is
    looked up in the class's module as ``dataclass`` does (``CV[int]`` with ``ClassVar as CV``, an alias
    ``Const = ClassVar[int]``, ``t.ClassVar`` with ``typing as t``; ``dt.date`` is no marker)."""
    if isinstance(annotation, str):
        if any(word in annotation for word in ("ClassVar", "InitVar", "KW_ONLY")):
            return True
        first, dot, rest = annotation.partition(".")
        if dot and _identifier(first):  # module.name: dataclass looks only in typing and dataclasses
            module = namespace.get(_identifier(first))
            if module is not typing and module is not dataclasses:
                return False
            annotation = getattr(module, _identifier(rest), None)
        else:
            annotation = namespace.get(_identifier(annotation))
    return (
        annotation is ClassVar
        or get_origin(annotation) is ClassVar
        or annotation is InitVar
        or isinstance(annotation, InitVar)
        or annotation is KW_ONLY
    )


def _identifier(text: str) -> str:
    """The name ``text`` starts with (spaces before it skipped), as dataclass's own pattern takes it."""
    text = text.lstrip()
    end = 0
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[:end]


def _all_plain(found: list[Field[Any]]) -> bool:
    return all(f.init and f.kw_only is not True and f.default_factory is MISSING for f in found)


def _initialiser(cls: type, every: tuple[Field[Any], ...]) -> Callable[..., None]:
    """The ``__init__`` ``dataclass`` would write for ``cls``, its plain fields ``every``: a template's code
    with the fields' names, their defaults and annotations."""
    from mynakiosk_hardware import record_inits

    names = tuple(f.name for f in every)
    if names != tuple(cls.__dataclass_fields__) or not _all_plain(list(every)):  # type: ignore[attr-defined]
        # _plain_fields let a pseudo-field or a keyword-only one through: its __init__ would be wrong
        raise TypeError(f"record cannot write {cls.__qualname__}.__init__: use dataclass for this class")
    post_init = hasattr(cls, "__post_init__")
    code = getattr(record_inits, f"init_{len(names)}{'_post' if post_init else ''}").__code__
    defaults = tuple(f.default for f in every if f.default is not MISSING)
    for earlier, later in pairwise(every):  # dataclass's check, made as it writes __init__
        if earlier.default is not MISSING and later.default is MISSING:
            raise TypeError(f"non-default argument {later.name!r} follows default argument")
    qualname = f"{cls.__qualname__}.__init__"
    code = code.replace(
        co_names=names + code.co_names[len(names) :],
        co_varnames=(code.co_varnames[0], *names),
        co_qualname=qualname,
    )
    module = sys.modules.get(cls.__module__)
    init = FunctionType(code, vars(module) if module is not None else {}, "__init__", defaults or None)
    init.__qualname__ = qualname
    init.__annotations__ = {**{f.name: f.type for f in every}, "return": None}
    return init


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


def _freeze(cls: type, names: tuple[str, ...], init: Any, *, slots: bool) -> None:
    """A frozen dataclass's ``__setattr__`` and ``__delattr__``, but for its generated ``__init__`` (``init``,
    its code): that one sets the fields as a frozen dataclass's does with ``object.__setattr__``."""
    field_names = frozenset(names)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if sys._getframe(1).f_code is init:
            object.__setattr__(self, name, value)
        elif type(self) is cls or name in field_names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        else:
            super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]  # mypy: a class in a variable

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    cls.__setattr__ = __setattr__  # type: ignore[assignment]
    cls.__delattr__ = __delattr__  # type: ignore[assignment]
    if slots:  # as dataclass gives a frozen class with slots, for copy and pickle
        if "__getstate__" not in vars(cls):

            def __getstate__(self: object) -> list[Any]:
                return [getattr(self, name) for name in names]

            cls.__getstate__ = __getstate__  # type: ignore[method-assign,assignment]
        if "__setstate__" not in vars(cls):

            def __setstate__(self: object, state: list[Any]) -> None:
                for name, value in zip(names, state, strict=False):
                    object.__setattr__(self, name, value)

            cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
