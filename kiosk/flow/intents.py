"""What the patient (or a staff member) does at the reader, as typed intents.

Screens emit intents, scenario scripts are parsed into them, and ``Reception.handle`` is the one place that
says what each means in each state. An intent the current state does not accept is an error
(``UnexpectedIntent``), never taken as some default.

A script step is written as words (docs/scenarios.md); :data:`SCRIPT_STEPS` parses each verb into intents
once, when the scenario file is loaded, together with the screen the step is meant for.
"""

from __future__ import annotations

import enum
from dataclasses import field
from typing import TYPE_CHECKING, Union

from mynakiosk.domain.identity import FaceCondition
from mynakiosk.domain.visit import ConsentTopic, Prescription
from mynakiosk.flow.machine import State
from mynakiosk_hardware.records import record
from mynakiosk_hardware.tomlfile import quote

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mynakiosk_hardware.phone import PhoneKind
    from mynakiosk_hardware.pin import Pin


class UnexpectedIntent(RuntimeError):
    """An intent the current state does not accept: a bug in a screen or a script, never ignored."""

    def __init__(self, state: State, intent: object) -> None:
        super().__init__(f"{type(intent).__name__} is not accepted in state {state.name}")
        self.state = state
        self.intent = intent


class Answer(enum.Enum):
    """The answer on a yes/no screen: 登録する/しない, 利用する/しない."""

    YES = "yes"
    NO = "no"


@record
class Plain:
    """An intent that carries nothing but its kind (「戻る」, 「全て同意する」 …).

    Each kind is a subclass that shares this class's generated methods instead of being a dataclass of its
    own: equal only to another of the same kind, hashable, shown as ``ChoosePin()``, and immutable (no
    ``__slots__`` room for an attribute). Python 3.11's ``dataclass`` compiles six methods for every
    frozen class, ~2.3 M instructions each at start-up (docs/performance.md).
    """

    __slots__ = ()


class ChoosePin(Plain):
    """「暗証番号」 on the method choice, or 「暗証番号に切り替える」 on the face screen."""

    __slots__ = ()


class ChooseFace(Plain):
    """「顔認証」 on the method choice."""

    __slots__ = ()


class Back(Plain):
    """「戻る」: back to the screen before."""

    __slots__ = ()


@record
class SubmitPin:
    """確定 with four digits typed (a ``Pin``, whose repr never shows them)."""

    pin: Pin


@record
class TryFace:
    """One simulated capture: what the camera sees."""

    condition: FaceCondition


class RequestVisualCheck(Plain):
    """「職員用：目視確認」: a staff member steps in."""

    __slots__ = ()


@record
class SubmitVisualCheck:
    """The staff member typed the facility's 目視モード用パスワード (never the card PIN)."""

    password: str = field(repr=False)


class ConsentToAll(Plain):
    """「全て同意する」."""

    __slots__ = ()


class ConsentIndividually(Plain):
    """「個別に同意する」: one screen with each topic."""

    __slots__ = ()


@record
class DecideConsents:
    """「次へ」 on the individual consents, with an answer for every topic."""

    choices: Mapping[ConsentTopic, bool]


class ChooseSmartphone(Plain):
    """「スマートフォン」 on the idle screen (only where a 汎用カードリーダー is installed)."""

    __slots__ = ()


@record
class ChoosePhoneKind:
    """「iPhone」 or 「Android」: how the phone proves who holds it."""

    kind: PhoneKind


class RetryPhone(Plain):
    """「もう一度かざす」 after the phone could not be read."""

    __slots__ = ()


Intent = Union[  # noqa: UP007 (a runtime union of classes: isinstance and the dispatcher use it)
    Answer,
    Prescription,
    ChoosePin,
    ChooseFace,
    Back,
    SubmitPin,
    TryFace,
    RequestVisualCheck,
    SubmitVisualCheck,
    ConsentToAll,
    ConsentIndividually,
    DecideConsents,
    ChooseSmartphone,
    ChoosePhoneKind,
    RetryPhone,
]


class ScriptError(ValueError):
    """A script step that names no intent, or does not say it right; the message shows how to write it."""


@record
class ScriptStep:
    """A script step as the patient's intents, and the screen it is meant for (None: any that accepts them)."""

    intents: tuple[Intent, ...]
    at: State | None = None


def _yes_no(verb: str, at: State) -> Callable[[list[str]], ScriptStep]:
    def parse(args: list[str]) -> ScriptStep:
        if args not in (["yes"], ["no"]):
            raise ScriptError(f"expected {verb} yes|no")
        return ScriptStep((Answer(args[0]),), at)

    return parse


def _choose(args: list[str]) -> ScriptStep:
    if args == ["pin"]:
        return ScriptStep((ChoosePin(),))
    if args == ["face"]:
        return ScriptStep((ChooseFace(),))
    if args == ["phone"]:
        return ScriptStep((ChooseSmartphone(),), State.IDLE)
    raise ScriptError("expected choose pin|face|phone")


def _phone(args: list[str]) -> ScriptStep:
    from mynakiosk_hardware.phone import PhoneKind

    if args not in (["iphone"], ["android"]):
        raise ScriptError("phone iphone|android")
    return ScriptStep((ChoosePhoneKind(PhoneKind(args[0])),), State.PHONE_KIND)


def _phone_pin(args: list[str]) -> ScriptStep:
    return ScriptStep(_pin(args).intents, State.PHONE_PIN)


def _no_args(verb: str, intent: Intent) -> Callable[[list[str]], ScriptStep]:
    def parse(args: list[str]) -> ScriptStep:
        if args:
            raise ScriptError(f"{verb} takes no words after it")
        return ScriptStep((intent,))

    return parse


def _pin(args: list[str]) -> ScriptStep:
    from mynakiosk_hardware.pin import Pin
    from mynakiosk_hardware.profile import is_four_digit_pin

    if len(args) != 1 or not is_four_digit_pin(args[0]):
        raise ScriptError("pin needs 4 ASCII digits (0-9, not full-width)")
    return ScriptStep((SubmitPin(Pin(args[0])),), State.PIN_ENTRY)


def _face(args: list[str]) -> ScriptStep:
    words = {c.name.lower().replace("_", "-"): c for c in FaceCondition if c is not FaceCondition.NONE}
    if len(args) != 1 or args[0] not in words:
        raise ScriptError(f"expected face {'|'.join(words)}")
    return ScriptStep((TryFace(words[args[0]]),), State.FACE)


# Each consent topic as a scenario script (``consent individual 手術=yes``) and the run's JSON write it: fixed
# words, apart from the topic's ``label`` on screen (N_()-marked), so rewording a label breaks no file.
CONSENT_WORDS: dict[ConsentTopic, str] = {
    ConsentTopic.MEDICAL: "診療・薬剤",
    ConsentTopic.SURGERY: "手術",
    ConsentTopic.HEALTH_CHECKUP: "特定健診",
}


def _consent(args: list[str]) -> ScriptStep:
    if args == ["all"]:
        return ScriptStep((ConsentToAll(),), State.CONSENT)
    if args[:1] != ["individual"]:
        raise ScriptError("expected consent all | consent individual TOPIC=yes|no …")
    topics = {word: topic for topic, word in CONSENT_WORDS.items()}
    choices = dict.fromkeys(ConsentTopic, False)
    for arg in args[1:]:
        name, _, value = arg.partition("=")
        if name not in topics or value not in ("yes", "no"):
            raise ScriptError(
                f"expected consent all | consent individual TOPIC=yes|no … (TOPIC one of {', '.join(topics)});"
                f" got {quote(arg)}"
            )
        choices[topics[name]] = value == "yes"
    return ScriptStep((ConsentIndividually(), DecideConsents(choices)), State.CONSENT)


def _prescription(args: list[str]) -> ScriptStep:
    if args not in (["electronic"], ["paper"]):
        raise ScriptError("expected prescription electronic|paper")
    return ScriptStep((Prescription(args[0]),), State.PRESCRIPTION)


def _visual(args: list[str]) -> ScriptStep:
    if len(args) > 1:
        raise ScriptError("expected visual PASSWORD")
    return ScriptStep((RequestVisualCheck(), SubmitVisualCheck(args[0] if args else "")))


#: verb -> (how to write it, parser). The reader's own steps (place, remove, expect) are the runner's.
SCRIPT_STEPS: dict[str, tuple[str, Callable[[list[str]], ScriptStep]]] = {
    "choose": ("choose pin|face|phone", _choose),
    "pin": ("pin NNNN", _pin),
    "phone": ("phone iphone|android", _phone),
    "phone-pin": ("phone-pin NNNN", _phone_pin),  # the phone certificate's PIN (Android)
    "retry": ("retry", _no_args("retry", RetryPhone())),  # hold the phone again
    "back": ("back", _no_args("back", Back())),
    "face": ("face front|mask|moved|too-far|too-near", _face),
    "visual": ("visual PASSWORD (staff 目視確認 with the 目視モード用パスワード)", _visual),
    "register": ("register yes|no", _yes_no("register", State.REGISTRATION)),
    "consent": ("consent all | consent individual TOPIC=yes|no …", _consent),
    "high-cost": ("high-cost yes|no", _yes_no("high-cost", State.HIGH_COST)),
    "prescription": ("prescription electronic|paper", _prescription),
    "subsidy": ("subsidy yes|no", _yes_no("subsidy", State.SUBSIDY)),
}


#: The steps whose words are a PIN: shown masked wherever a script is echoed (no PIN in logs or files).
SECRET_STEPS = frozenset({"pin", "phone-pin"})


def masked_step(text: str) -> str:
    """A script step as it may be shown: ``pin 1234`` → ``pin ****``; any other step as it is."""
    words = text.split()
    if words and words[0] in SECRET_STEPS and len(words) > 1:
        return " ".join([words[0], *("****" for _ in words[1:])])
    return text


def parse_step(words: list[str]) -> ScriptStep:
    """The intents of one script step (its words split on spaces); ``ScriptError`` says what is wrong."""
    verb, args = words[0], words[1:]
    if verb not in SCRIPT_STEPS:
        raise ScriptError(f"unknown step {verb!r}")
    return SCRIPT_STEPS[verb][1](args)
