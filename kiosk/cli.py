"""Command line: ``kiosk`` (GUI), ``kiosk --check``, ``kiosk readers``, ``kiosk card serve``.

Exit codes: 0 ok, 1 a scenario failed its check or run, 2 bad arguments, 3 reader or PC/SC service
unusable, 4 start-up failure (including missing resources), 141 the output pipe was closed (``| head``).

Errors go to stderr; when the window was asked for and there is no terminal to read them in (started from a
desktop launcher), they are also shown in a dialog.
"""

from __future__ import annotations

import argparse
import functools
import gc
import logging
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

from mynakiosk import __version__
from mynakiosk.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from mynakiosk_hardware.readers.base import Reader, ReaderError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from mynakiosk_hardware.emulated import EmulatedCard

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_READER, EXIT_STARTUP = 0, 1, 2, 3, 4
EXIT_PIPE_CLOSED = 128 + 13  # as a command ended by SIGPIPE
log = logging.getLogger("kiosk")


def parse_reader(value: str) -> tuple[str, str | None]:
    """``virtual`` | ``pcsc`` | ``pcsc:NAME`` (NAME: part of a PC/SC reader name)."""
    kind, _, name = value.partition(":")
    if kind == "virtual" and not name:
        return kind, None
    if kind == "pcsc":
        return kind, name or None
    raise argparse.ArgumentTypeError(
        f"unknown reader {value!r}: use 'virtual', 'pcsc' or 'pcsc:NAME' (NAME: part of the reader's name)"
    )


def parse_phone_reader(value: str) -> tuple[str, str | None]:
    """``virtual`` | ``pcsc:NAME`` | ``none``: the 汎用カードリーダー for phones, beside the card reader."""
    kind, _, name = value.partition(":")
    if kind in ("virtual", "none") and not name:
        return kind, None
    if kind == "pcsc" and name:
        return kind, name
    raise argparse.ArgumentTypeError(
        f"unknown phone reader {value!r}: use 'virtual', 'none' or 'pcsc:NAME' (NAME: part of the reader's"
        " name; a name is needed, so the card reader and the phone reader are never the same)"
    )


def _connect_arguments(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """``--share`` and ``--protocol``: how to connect to the card on a PC/SC reader (``ConnectSettings`` in
    hardware/readers/pcsc.py, not imported here: start-up on the in-process reader never needs it)."""
    parser.add_argument(
        "--share",
        choices=("shared", "exclusive"),
        default=default,
        help="with a PC/SC reader: shared (default) lets other programs use the card too; exclusive keeps"
        " it to the kiosk from its first reading until it is taken away, so that no other program (a JPKI"
        " client, a browser's card module) sends it commands in the middle of a visit",
    )
    parser.add_argument(
        "--protocol",
        choices=("any", "t0", "t1"),
        default=default,
        help="with a PC/SC reader: the card protocols accepted: any (default: T=0 or T=1, as the card and"
        " the reader agree), t0 or t1 (for a card or reader that agrees on the wrong one)",
    )


#: The Japanese names in the help (the screens' and menus' own words, as the Japanese UI shows them) and
#: what ``kiosk --lang en --help`` says instead: the English UI's words where it has them.
HELP_IN_ENGLISH = {
    "マイナ受付シミュレータ": "My Number Reception Simulator",
    "顔認証付きカードリーダー": "face-recognition card reader",
    "汎用カードリーダー for スマホ保険証 phones": "general-purpose card reader for phones set up as health insurance cards",
    "「スマートフォン」": "“Smartphone”",
    "レセコン": "billing system",
    "表示 → 全画面表示": "View → Full screen",
    "表示 menu": "View menu",
    "言語 / Language menu": "Language menu",
    "(読み取り中, 確認中, 認証中)": "(Reading, Checking, Authenticating)",
}


class _EnglishHelp(argparse.HelpFormatter):
    """Help for ``--lang en``: the Japanese names in it said in English (:data:`HELP_IN_ENGLISH`), before
    the lines are wrapped."""

    def _format_text(self, text: str) -> str:
        return super()._format_text(_help_in_english(text))

    def _expand_help(self, action: argparse.Action) -> str:
        return _help_in_english(super()._expand_help(action))


def _help_in_english(text: str) -> str:
    for japanese, english in HELP_IN_ENGLISH.items():
        text = text.replace(japanese, english)
    return text


def asked_language(argv: Sequence[str]) -> str:
    """The ``--lang`` the arguments give (the last one, as argparse takes it), before they are parsed: the
    help is worded for it."""
    language = DEFAULT_LANGUAGE
    for i, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and i + 1 < len(argv):
            language = argv[i + 1]
        elif argument.startswith("--lang="):
            language = argument.partition("=")[2]
    return language


def build_parser(language: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The command line; its help speaks ``language`` (``--lang en``: no Japanese names)."""
    help_format = _EnglishHelp if language == "en" else argparse.HelpFormatter
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="マイナ受付シミュレータ: practise the 顔認証付きカードリーダー reception flow.",
        formatter_class=help_format,
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(
        "--reader",
        type=parse_reader,
        default=("virtual", None),
        metavar="virtual|pcsc[:NAME]",
        help="card reader: the in-process virtual reader (default) or PC/SC (optionally a reader whose name contains NAME)",
    )
    parser.add_argument(
        "--phone-reader",
        type=parse_phone_reader,
        default=None,
        metavar="virtual|pcsc:NAME|none",
        help="the 汎用カードリーダー for スマホ保険証 phones, beside the card reader: in-process (the default"
        " with the virtual card reader), a PC/SC reader whose name contains NAME, or none (the default with"
        " a PC/SC card reader); the scenario's clinic decides whether the reader offers 「スマートフォン」",
    )
    _connect_arguments(parser)
    parser.add_argument(
        "--check",
        action="store_true",
        help="start on the chosen reader, render the idle screen offscreen, print one status line and exit",
    )
    parser.add_argument(
        "--screenshot", metavar="PNG", help="with --check: save the rendered idle screen here"
    )
    parser.add_argument(
        "--roster",
        metavar="TOML",
        help="training-card roster, read for a PC/SC reader (default: roster.toml in the user's config folder)",
    )
    parser.add_argument(
        "--scenario",
        metavar="TOML|NAME",
        help="start with this scenario file or bundled scenario (`kiosk scenario list`; default: the family visit)",
    )
    parser.add_argument(
        "--result-folder",
        metavar="DIR",
        help="write each reception as an OQSsiquc01res_face_….xml result file into DIR (for a レセコン rehearsal)",
    )
    parser.add_argument(
        "--no-staff-console", action="store_true", help="do not open the staff console window"
    )
    parser.add_argument(
        "--large-text", action="store_true", help="start with large text (also in the 表示 menu)"
    )
    parser.add_argument(
        "--high-contrast", action="store_true", help="start in high contrast (also in the 表示 menu)"
    )
    parser.add_argument(
        "--fullscreen",
        action="store_true",
        help="the reader's screen full screen, no menu or frame, for a touch monitor (also 表示 → 全画面表示,"
        " F11). With a second screen the practice column and the staff console go to it in windows of their"
        " own; with one screen the practice column stays beside the reader and the staff console is hidden"
        " behind the full-screen window: F12 brings it in front",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=DEFAULT_LANGUAGE,
        help="language of the screens: ja (default) or en (also in the 言語 / Language menu)",
    )
    parser.add_argument(
        "--pace",
        choices=("off", "fast", "real"),
        default="fast",
        help="how long the screens shown while the reader works (読み取り中, 確認中, 認証中) stay: about a"
        " second each (fast, the default), about as long as on a real reader (real, approximate), or no"
        " longer than the simulation takes (off)",
    )
    parser.add_argument(
        "--real-card-verify",
        action="store_true",
        help="opt in: let a real My Number card check the PIN typed (never when one try is left)."
        " Without this, a real card's PIN is never sent to it.",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="more log output (-vv: APDU headers and status words)",
    )
    # argparse only calls parser_class, and uses what it returns as a parser: a _MadeWhenUsed is one
    sub = parser.add_subparsers(  # type: ignore[call-overload]
        dest="command",
        metavar="COMMAND",
        parser_class=functools.partial(
            _MadeWhenUsed, _EnglishCommandParser if language == "en" else _CommandParser
        ),
    )
    sub.add_parser("readers", help="list PC/SC readers and whether a card is on each")
    sub.add_parser("card", help="emulated cards", arguments=_card_arguments)
    sub.add_parser(
        "scenario", help="list, check or run practice scenarios headless", arguments=_scenario_arguments
    )
    sub.add_parser(
        "desktop", help="a menu entry (.desktop file) that starts the app", arguments=_desktop_arguments
    )
    return parser


class _CommandParser(argparse.ArgumentParser):
    """A subcommand's parser, its arguments added by ``arguments`` as it is made."""

    help_format: type[argparse.HelpFormatter] = argparse.HelpFormatter

    def __init__(
        self, *args: Any, arguments: Callable[[argparse.ArgumentParser], None] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("formatter_class", self.help_format)
        super().__init__(*args, **kwargs)
        if arguments is not None:
            arguments(self)


class _EnglishCommandParser(_CommandParser):
    """A subcommand's parser for ``--lang en`` (its own subcommands' too: argparse makes them of its class)."""

    help_format = _EnglishHelp


class _MadeWhenUsed:
    """A subcommand's parser, made the first time argparse uses it (the command line names the subcommand):
    ``kiosk`` and ``kiosk --check`` make none. Each parser looks up its texts' translations with gettext,
    which searches the locale folders again at every call, and adds its arguments (~1.5 M instructions of
    start-up a subcommand, more under a ja_JP locale; docs/performance.md)."""

    def __init__(self, parser_class: type[_CommandParser], **kwargs: Any) -> None:
        self._make = lambda: parser_class(**kwargs)
        self._made: _CommandParser | None = None

    def __getattr__(self, name: str) -> Any:
        if self._made is None:
            self._made = self._make()
        return getattr(self._made, name)


def _card_arguments(card: argparse.ArgumentParser) -> None:
    card_sub = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    serve = card_sub.add_parser(
        "serve", help="serve an emulated card to pcscd through vpcd until Ctrl-C ('Virtual PCD 00 00')"
    )
    serve.add_argument(
        "profile",
        nargs="?",
        default="sakura",
        help="a persona (sakura, yuto, taro) or a card profile .toml file; counters are saved back to the file",
    )
    serve.add_argument(
        "--pin", metavar="NNNN", help="serve the card with this user-authentication PIN instead"
    )
    serve.add_argument(
        "--nfc-uid", metavar="HEX", help="serve a plain NFC card with this UID instead (a training card)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="vpcd host; loopback only (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=35963, help="vpcd port (default 35963: 'Virtual PCD 00 00')"
    )
    enroll = card_sub.add_parser(
        "enroll", help="enrol the next card placed on a PC/SC reader as a persona's card"
    )
    enroll.add_argument("persona", help="sakura, yuto or taro")
    enroll.add_argument("--reader", type=parse_reader, default=("pcsc", None), metavar="pcsc[:NAME]")
    _connect_arguments(enroll, argparse.SUPPRESS)  # given before `card` or after `enroll`, either counts
    enroll.add_argument("--roster", metavar="TOML", help="roster file (default: in the user's config folder)")
    enroll.add_argument("--timeout", type=float, default=60, help="seconds to wait for a card (default 60)")
    roster = card_sub.add_parser("roster", help="list enrolled training cards")
    roster.add_argument("--roster", metavar="TOML", help="roster file (default: in the user's config folder)")


def _scenario_arguments(scenario: argparse.ArgumentParser) -> None:
    scenario_sub = scenario.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    files_help = "scenario .toml files or bundled scenario names (default: the whole bundled library)"
    list_files = scenario_sub.add_parser("list", help="the bundled scenarios: name, title, date, tags")
    list_files.add_argument("--json", action="store_true", help="one JSON object per scenario")
    check_files = scenario_sub.add_parser("check", help="validate scenario files")
    check_files.add_argument("files", nargs="*", help=files_help)
    run_files = scenario_sub.add_parser(
        "run", help="run scenarios through the real flow, back end and cards; non-zero if an outcome differs"
    )
    run_files.add_argument("files", nargs="*", help=files_help)
    run_files.add_argument("--json", action="store_true", help="one JSON object per scenario")


def _desktop_arguments(desktop: argparse.ArgumentParser) -> None:
    desktop_sub = desktop.add_subparsers(dest="desktop_command", metavar="ACTION", required=True)
    install = desktop_sub.add_parser(
        "install",
        help="install mynakiosk.desktop for this user (~/.local/share/applications), starting this installation",
    )
    install.add_argument("--print", action="store_true", help="print the entry instead of installing it")


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def make_reader(
    kind: str,
    name: str | None,
    *,
    phone: bool = False,
    share: str | None = None,
    protocol: str | None = None,
) -> Reader:
    """The card reader (or, with ``phone``, the 汎用カードリーダー for phones) the command line chose;
    ``share`` and ``protocol``: a PC/SC reader's ``--share`` and ``--protocol`` (None: the default)."""
    if kind == "virtual":
        from mynakiosk_hardware.readers.virtual import VIRTUAL_PHONE_READER, VirtualReader

        return VirtualReader(VIRTUAL_PHONE_READER) if phone else VirtualReader()
    from mynakiosk_hardware.readers.pcsc import ConnectSettings, PcscReader, list_readers
    from mynakiosk_hardware.readers.selection import check_choice

    # pcscd unusable, no reader, none by that name, or only virtual ones without a name: ServiceUnavailableError
    check_choice([r.name for r in list_readers()], name)
    return PcscReader(name, settings=ConnectSettings.from_words(share, protocol))


def _shared_reader(card_name: str | None, phone_name: str | None) -> str:
    """Why the card reader and the phone reader would watch the same PC/SC reader, or "" when they do not.

    A phone held over the 汎用カードリーダー must not also look like a card placed on the face reader.
    """
    from mynakiosk_hardware.readers.pcsc import list_readers
    from mynakiosk_hardware.readers.selection import watched

    names = [r.name for r in list_readers()]
    shared = [n for n in watched(names, card_name) if phone_name and phone_name in n]
    if not shared:
        return ""
    return (
        f"--reader and --phone-reader both match {', '.join(repr(n) for n in shared)}:"
        " give --reader pcsc:NAME naming the card reader only"
    )


def describe_card(found: object) -> str:
    """One line for ``kiosk readers``: the kind of card, and the tries left on a My Number card."""
    from mynakiosk_hardware.jpki import CardSurvey

    assert isinstance(found, CardSurvey)
    if found.identity.is_mynumber_card:
        kind = "My Number card (test certificate)" if found.test_certificate else "My Number card (REAL)"
        if found.tries_left is None:
            tries = "no PIN set"
        elif found.tries_left == 0:  # a 顔認証マイナンバーカード answers as a blocked PIN (hardware.card)
            tries = "PIN blocked or never set (0 tries left)"
        else:
            tries = f"{found.tries_left} PIN tries left"
        return f"{kind}, {tries}"
    if found.uid:
        return f"contactless card, UID {found.uid.hex().upper()}"
    return "unknown card"


def cmd_readers(args: argparse.Namespace) -> int:
    from mynakiosk_hardware.jpki import survey
    from mynakiosk_hardware.readers.pcsc import ConnectSettings, list_readers, run_once
    from mynakiosk_hardware.readers.selection import is_virtual

    warn_if_vpcd_exposed()
    try:
        readers = list_readers()
    except ReaderError as exc:
        print(f"error: {in_english(exc)}", file=sys.stderr)
        return EXIT_READER
    if not readers:
        print("no PC/SC readers (pcscd is running but reports none)")
        return EXIT_OK
    for reader in readers:
        mark = "[virtual] " if is_virtual(reader.name) else ""
        if not reader.card_present:
            print(f"{reader.name}\t{mark}no card")
            continue
        try:
            settings = ConnectSettings.from_words(args.share, args.protocol)
            card = describe_card(run_once(reader.name, survey, settings=settings))
        except ReaderError as exc:
            card = f"card present, unreadable ({in_english(exc)})"
        print(f"{reader.name}\t{mark}{card}; ATR {reader.atr.hex(' ').upper()}")
    virtual = [r.name for r in readers if is_virtual(r.name)]
    if virtual:
        print(
            "[virtual]: a vsmartcard vpcd reader: any program that reaches its port can put a card in it."
            f" `kiosk --reader pcsc` never uses one; name it to use it: --reader 'pcsc:{virtual[0]}'"
        )
    return EXIT_OK


def warn_if_vpcd_exposed() -> str:
    """Warn on stderr when vpcd listens beyond loopback; the status bar's short warning (marked), or ""."""
    from mynakiosk.reader_messages import describe_exposure
    from mynakiosk_hardware.readers.exposure import vpcd_exposure

    exposure = vpcd_exposure()
    if exposure is None:
        return ""
    print(f"WARNING: {in_english(describe_exposure(exposure))}", file=sys.stderr)
    return describe_exposure(exposure, short=True)


def _card_to_serve(args: argparse.Namespace) -> tuple[EmulatedCard, str]:
    """The emulated card ``kiosk card serve`` puts in vpcd, and how to name it."""
    from pathlib import Path

    from mynakiosk.scenarios.loader import default_household
    from mynakiosk_hardware.card import MyNumberCard, OtherCard, OtherCardKind
    from mynakiosk_hardware.profile import load_profile, save_profile

    if args.nfc_uid:
        try:
            uid = bytes.fromhex(args.nfc_uid)
        except ValueError:
            raise ValueError(f"--nfc-uid {args.nfc_uid!r} is not hexadecimal") from None
        if not 4 <= len(uid) <= 10:
            raise ValueError("--nfc-uid must be 4 to 10 bytes (8 to 20 hex digits)")
        return OtherCard(
            OtherCardKind.NFC_TRAINING, uid
        ), f"an NFC training card with UID {uid.hex().upper()}"
    personas = {p.key: p for p in default_household()}
    if args.profile in personas:
        profile = personas[args.profile].profile()
        label, path = in_language(args.lang)(personas[args.profile].label), None
    elif args.profile.endswith(".toml"):
        path = Path(args.profile)
        profile = load_profile(path)
        label = f"{profile.holder} ({path})"
    else:
        raise ValueError(
            f"unknown persona {args.profile!r}; choose from {', '.join(personas)} or a .toml profile"
        )
    if args.pin is not None:
        from dataclasses import replace

        profile = replace(profile, auth_pin=args.pin, text_pin=None)
        path = None  # a one-off PIN is not written back into the profile file
    card = MyNumberCard(profile, on_change=(lambda p: save_profile(p, path)) if path else None)
    card.prepare()
    return card, f"{label}'s emulated My Number card"


def cmd_card_serve(args: argparse.Namespace) -> int:
    from mynakiosk_hardware.profile import ProfileError
    from mynakiosk_hardware.vpcd import VpcdBridge, VpcdError

    try:
        card, label = _card_to_serve(args)
        bridge = VpcdBridge(card, host=args.host, port=args.port)
        bridge.insert()
    except (ValueError, ProfileError) as exc:
        print(f"error: {in_english(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except VpcdError as exc:
        print(f"error: {in_english(exc)}", file=sys.stderr)
        return EXIT_READER
    print(
        f"serving {label} to vpcd at {args.host}:{args.port};"
        " PC/SC programs see it in 'Virtual PCD'. Press Ctrl-C to take the card away.",
        flush=True,
    )
    import signal  # here, not at start-up: its enums cost ~0.4 % of kiosk --check

    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    while not stop.is_set() and bridge.inserted:
        stop.wait(0.5)
    gone = not bridge.inserted
    bridge.remove()
    if gone:
        print("vpcd closed the connection (pcscd stopped?)", file=sys.stderr)
        return EXIT_READER
    print("card removed")
    return EXIT_OK


def _unusable_folder(folder: Path) -> str:
    """Why result files cannot be written into ``folder`` (made if missing), or "" when they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return "exists and is not a folder"
    except OSError as exc:
        return f"cannot be made ({exc.strerror})"
    return "" if os.access(folder, os.W_OK | os.X_OK) else "is not writable"


def _roster_path(value: str | None):
    from pathlib import Path

    from mynakiosk.roster import default_roster_path

    return Path(value) if value else default_roster_path()


def cmd_card_enroll(args: argparse.Namespace) -> int:
    from mynakiosk.roster import Roster, RosterError, certificate_key, uid_key
    from mynakiosk.scenarios.loader import default_household
    from mynakiosk_hardware.jpki import survey
    from mynakiosk_hardware.readers.base import ReaderEventKind

    personas = {p.key: p for p in default_household()}
    words = in_language(args.lang)  # the persona's name and relation
    if args.persona not in personas:
        print(f"error: unknown persona {args.persona!r}; choose from {', '.join(personas)}", file=sys.stderr)
        return EXIT_USAGE
    if args.reader[0] != "pcsc":
        # The in-process reader holds only emulated cards, which need no enrolment.
        print("error: enrolment reads a real card: use --reader pcsc[:NAME]", file=sys.stderr)
        return EXIT_USAGE
    warn_if_vpcd_exposed()
    try:
        roster = Roster.load(_roster_path(args.roster))
        reader = make_reader(*args.reader, share=args.share, protocol=args.protocol)
    except (ReaderError, RosterError) as exc:
        print(f"error: {in_english(exc)}", file=sys.stderr)
        return EXIT_READER
    placed = threading.Event()
    reader.start(lambda event: placed.set() if event.kind is ReaderEventKind.CARD_INSERTED else None)
    print(
        f"place the card to enrol as {words(personas[args.persona].label)} (waiting {args.timeout:g} s)…",
        flush=True,
    )
    try:
        if not placed.wait(args.timeout):
            print("error: no card was placed", file=sys.stderr)
            return EXIT_READER
        found = reader.submit(survey).result(timeout=30)
    except ReaderError as exc:
        print(f"error: {in_english(exc)}", file=sys.stderr)
        return EXIT_READER
    finally:
        reader.close()
    if found.identity.is_mynumber_card and found.test_certificate:
        print("error: this is an emulated/test My Number card; it needs no enrolment", file=sys.stderr)
        return EXIT_USAGE
    if found.identity.is_mynumber_card and found.certificate_serial is not None:
        key, what = certificate_key(found.certificate_serial), "real My Number card (only a hash is kept)"
    elif found.uid:
        key, what = uid_key(found.uid), f"card with UID {found.uid.hex().upper()}"
    else:
        print("error: this card has neither a UID nor a certificate to recognise it by", file=sys.stderr)
        return EXIT_USAGE
    roster.enroll(key, args.persona)
    print(f"enrolled the {what} as {words(personas[args.persona].label)} in {roster.path}")
    return EXIT_OK


def cmd_card_roster(args: argparse.Namespace) -> int:
    from mynakiosk.roster import Roster, RosterError

    try:
        roster = Roster.load(_roster_path(args.roster))
    except RosterError as exc:
        print(f"error: {in_english(exc)}", file=sys.stderr)
        return EXIT_USAGE
    if not roster.entries:
        print(f"no enrolled cards ({roster.path})")
    for key, persona in sorted(roster.entries.items()):
        print(f"{key}\t{persona}")
    return EXIT_OK


def cmd_scenario_list(args: argparse.Namespace) -> int:
    import json

    from mynakiosk.scenarios.loader import ScenarioError, library, load_scenario

    words = in_language(args.lang)  # the title's English spelling, the tags' translation
    english_words = in_language("en") if args.json else words
    failures = 0
    for path in library():
        try:
            scenario = load_scenario(path)
        except ScenarioError as exc:
            print(f"error: {in_english(exc)}", file=sys.stderr)
            failures += 1
            continue
        title = scenario.title
        english = getattr(title, "en", None)
        if args.json:
            entry = {
                "name": scenario.key,
                "title": str(title),
                "title_en": english,
                "as_of": scenario.as_of.isoformat(),
                "tags": list(scenario.tags),
                "tags_en": [english_words(tag) for tag in scenario.tags],  # unknown ones as written
            }
            print(json.dumps(entry, ensure_ascii=False))
        else:
            tags = ", ".join(words(tag) for tag in scenario.tags)  # a tag outside the vocabulary: as written
            print(f"{scenario.key}\t{scenario.as_of.isoformat()}\t{words(title)}\t{tags}")
    return EXIT_OK if failures == 0 else EXIT_FAILED


def cmd_scenario(args: argparse.Namespace) -> int:
    import asyncio
    import json

    from mynakiosk.scenarios.loader import ScenarioError, find_scenario, library, load_scenario
    from mynakiosk.scenarios.runner import format_run, run_scenario
    from mynakiosk.scenarios.tags import unknown_tags

    if args.scenario_command == "list":
        return cmd_scenario_list(args)
    words = in_language(args.lang)
    given = args.files or library()
    if not given:
        print("error: no scenario files", file=sys.stderr)
        return EXIT_USAGE
    failures = 0
    unknown = False  # a name that is no file and no bundled scenario: a bad argument, as with --scenario
    for file_or_name in given:
        try:
            path = find_scenario(file_or_name)
        except ScenarioError as exc:
            print(f"error: {in_english(exc)}", file=sys.stderr)
            failures += 1
            unknown = True
            continue
        try:
            scenario = load_scenario(path)
        except ScenarioError as exc:
            print(f"error: {in_english(exc)}", file=sys.stderr)
            failures += 1
            continue
        run = asyncio.run(run_scenario(scenario))
        if args.scenario_command == "check":
            # A dry run: whatever `run` could not perform is an error of the file, not of the outcome.
            for problem in run.impossible:
                print(f"error: {path}: {words(problem)}", file=sys.stderr)
            for tag in unknown_tags(scenario.tags):  # flagged, not refused: a tag is only a label
                print(
                    f"warning: {path}: tags: {tag!r} is not a known tag, so it is shown as written in every"
                    " language (known tags: docs/scenarios.md)",
                    file=sys.stderr,
                )
            failures += bool(run.impossible)
            if not run.impossible:
                print(f"ok: {path}: {words(scenario.title)}")
            continue
        failures += not run.ok
        if args.json:
            print(json.dumps(run.to_json(), ensure_ascii=False))
        else:
            print(format_run(run, words))
    if args.scenario_command == "run" and not args.json:
        print(f"{len(given) - failures} passed, {failures} failed")
    if unknown:
        return EXIT_USAGE
    return EXIT_OK if failures == 0 else EXIT_FAILED


def in_english(exc: BaseException | str) -> str:
    """An error (or a marked text) for the command line, which speaks English: a marked message through the
    compiled English translation (the screens show the Japanese one).

    Reporting an error never needs a resource: when the translation cannot be found or loaded (a broken
    install, a wrong ``$KIOSK_RESOURCES`` — perhaps the very error being reported), the message is given as
    raised.
    """
    from mynakiosk.reader_messages import describe

    return _english(describe(exc) if isinstance(exc, BaseException) else exc)


def _english(message: str) -> str:
    """A marked text through the compiled English translation; as it is when that cannot be had."""
    return in_language("en")(message)


def in_language(language: str) -> Callable[[Any], str]:
    """What puts a marked text (or a Bilingual) into ``language`` for printing: for Japanese the text as
    marked; for English the compiled translation, loaded once (the text as it is when that cannot be had)."""
    if language == "ja":
        return str
    try:
        from PySide6.QtCore import QTranslator

        from mynakiosk.i18n import translated
        from mynakiosk.resources import qm_path

        translator = QTranslator()
        if not translator.load(str(qm_path("en"))):
            return str

        def lookup(text: str) -> str:
            return translator.translate("", text) or text

    except Exception:  # the report must get out, whatever else is broken
        return str

    def english(text: Any) -> str:
        try:
            return str(translated(text, lookup))
        except Exception:
            return str(text)

    return english


#: The Qt-free modules (and what they import) the reader's screen needs, loaded before PySide6.
QT_FREE_CORE = ("mynakiosk.flow.reception", "mynakiosk.scenarios.loader")
#: ... and those only the full window needs: the staff console's and the practice panel's rules, the
#: card emulation, the JPKI client and asyncio for card work (``kiosk --check`` reads no card and shows
#: neither panel).
QT_FREE_GUI = (
    "mynakiosk.domain.staff",
    "mynakiosk.domain.practice",
    "mynakiosk_hardware.card",
    "mynakiosk_hardware.jpki",
    "mynakiosk_hardware.jpki_phone",
    "asyncio",
)


def import_core_before_qt(*, gui: bool) -> None:
    """Import the Qt-free modules the window needs before PySide6 is imported.

    Once PySide6.QtCore is in, shiboken6 checks every later import of a .py module for ``__feature__``
    switches by reading the module's source (``inspect.getsource``): ~25 ms over our modules at start-up,
    and more for asyncio (docs/performance.md). A module imported before PySide6 skips that check.
    """
    import importlib

    for name in (*QT_FREE_CORE, *(QT_FREE_GUI if gui else ())):
        importlib.import_module(name)


def _desktop_quoted(argument: str) -> str:
    """An Exec argument as the Desktop Entry Specification quotes it (double quotes, then string escapes)."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    inner = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return ('"' + inner + '"').replace("\\", "\\\\")


def desktop_entry() -> str:
    """The bundled mynakiosk.desktop with its Exec line pointing at this installation (a venv is not on the
    launcher's PATH): this interpreter with ``-m mynakiosk``, or a desktop bundle's own executable."""
    from mynakiosk.resources import resources_dir

    template = (resources_dir() / "mynakiosk.desktop").read_text(encoding="utf-8")
    if getattr(sys, "frozen", False):  # the desktop bundle: its windowed program, beside this console one
        from pathlib import Path

        console = Path(sys.executable)
        windowed = console.with_name("mynakiosk" + console.suffix)
        command = _desktop_quoted(str(windowed if windowed.is_file() else console))
    else:
        command = " ".join(_desktop_quoted(a) for a in (sys.executable, "-m", "mynakiosk"))
    return "".join(
        f"Exec={command}\n" if line.startswith("Exec=") else line
        for line in template.splitlines(keepends=True)
    )


def cmd_desktop(args: argparse.Namespace) -> int:
    from pathlib import Path

    entry = desktop_entry()
    if args.print:
        print(entry, end="")
        return EXIT_OK
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    target = data_home / "applications" / "mynakiosk.desktop"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(entry, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {target}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    name = in_language(args.lang)(N_("マイナ受付シミュレータ"))
    print(f"installed {target}: {name} is in the desktop's application menu")
    return EXIT_OK


def _no_terminal() -> bool:
    """True when nobody reads stderr: started from a desktop launcher (or a windowed bundle, which has none)."""
    stderr = sys.stderr
    try:
        return stderr is None or not stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return True


def _dialog_can_be_seen() -> bool:
    """A dialog only where someone can see it: not on the offscreen platform (``--check``, tests)."""
    return os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal")


def show_error_dialog(message: str, details: str = "", title: str = "マイナ受付シミュレータ") -> None:
    """The start-up error in a modal dialog, with a QApplication made for it if there is none yet."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kiosk"])
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    if details:
        box.setInformativeText(details)
    box.exec()
    del app


def report_error(
    message: str, *, window_wanted: bool, dialog_text: str | None = None, language: str = "en"
) -> None:
    """An error on stderr (English), and in a dialog when the window was asked for but no terminal shows
    stderr. The dialog speaks ``language``: ``dialog_text`` is a marked text (kiosk.problems), worded there;
    without one the dialog shows ``message`` (an English UI only: stderr's English is no Japanese dialog)."""
    print(f"error: {message}", file=sys.stderr)
    if window_wanted and _no_terminal() and _dialog_can_be_seen():
        from mynakiosk.problems import CHECK_FOR_DETAILS, STARTUP_FAILED

        shown = dialog_text or (message if language == "en" else STARTUP_FAILED)
        words = in_language(language)  # before the UI has installed its translator
        try:
            show_error_dialog(words(shown), words(CHECK_FOR_DETAILS), words(N_("マイナ受付シミュレータ")))
        except Exception:  # no display either: stderr (and the launcher's log) is all there is
            log.debug("cannot show the error dialog", exc_info=True)


def main(argv: Sequence[str] | None = None) -> int:
    from mynakiosk.resources import ResourcesMissing

    collecting = gc.isenabled()
    try:
        return _main(argv)
    except BrokenPipeError:
        # `kiosk scenario check | head`: the reader has gone. End quietly, as a command ended by SIGPIPE, and
        # point stdout at /dev/null so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    except ResourcesMissing as exc:
        report_error(str(exc), window_wanted=False)
        return EXIT_STARTUP
    finally:
        if collecting:
            gc.enable()  # paused for the window's start-up (_main)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser(asked_language(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    if args.command == "readers":
        return cmd_readers(args)
    if args.command == "scenario":
        return cmd_scenario(args)
    if args.command == "desktop":
        return cmd_desktop(args)
    if args.command == "card":
        commands = {"serve": cmd_card_serve, "enroll": cmd_card_enroll, "roster": cmd_card_roster}
        return commands[args.card_command](args)
    if args.screenshot and not args.check:
        parser.error("--screenshot goes with --check")
    # The window's start-up: automatic garbage collection paused. Its passes over the objects start-up makes
    # (modules, classes, the window), which all live as long as the program, cost ~12 M instructions of
    # `kiosk --check` (docs/performance.md); the GUI thread's collector takes over once the window is up
    # (app.run_gui, ui/collector.py). Given back when main() returns.
    gc.disable()
    if args.check and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt starts: --check needs no display
    window_wanted = not args.check

    def fail(error: BaseException | str, code: int, shown: str | None = None) -> int:
        """stderr speaks English (the detail); the dialog the language the window would have, with
        ``shown``, a marked text (kiosk.problems), or a hardware error's wording (kiosk.reader_messages):
        a developer's message never reaches it raw."""
        from mynakiosk.reader_messages import describe

        detail = error if isinstance(error, str) else in_english(error)
        if shown is None and isinstance(error, ReaderError):
            shown = describe(error)
        report_error(detail, window_wanted=window_wanted, dialog_text=shown, language=args.lang)
        return code

    from mynakiosk.problems import BAD_COMMAND_LINE, STARTUP_FAILED, unreadable_roster, unreadable_scenario

    kind, name = args.reader
    if kind != "pcsc" and (args.share or args.protocol):
        parser.error("--share and --protocol go with --reader pcsc[:NAME]")
    phone_kind, phone_name = args.phone_reader or (("virtual" if kind == "virtual" else "none"), None)
    # Said at every start on PC/SC, whichever reader is used, and before any refusal: it is a hole in the
    # machine, and the reason a virtual reader is never taken without its name.
    reader_warning = warn_if_vpcd_exposed() if "pcsc" in (kind, phone_kind) else ""
    try:
        reader = make_reader(kind, name, share=args.share, protocol=args.protocol)
        phone_reader = None if phone_kind == "none" else make_reader(phone_kind, phone_name, phone=True)
    except ReaderError as exc:
        return fail(exc, EXIT_READER)
    if kind == "pcsc" and phone_kind == "pcsc":
        problem = _shared_reader(name, phone_name)
        if problem:
            return fail(problem, EXIT_USAGE, BAD_COMMAND_LINE)
    from pathlib import Path

    import_core_before_qt(gui=not args.check)
    from mynakiosk.app import Settings, check, run_gui
    from mynakiosk.roster import Roster, RosterError
    from mynakiosk.scenarios.loader import ScenarioError, find_scenario, load_scenario

    scenario = None
    if args.scenario:
        try:
            scenario = find_scenario(args.scenario)
            load_scenario(scenario)
        except ScenarioError as exc:
            return fail(exc, EXIT_USAGE, unreadable_scenario(args.scenario))
    if args.result_folder:
        # Found out now rather than at the first reception, when only the staff console would say so.
        problem = _unusable_folder(Path(args.result_folder))
        if problem:
            return fail(
                f"--result-folder {args.result_folder}: {problem}",
                EXIT_USAGE,
                N_("結果ファイルのフォルダーを使えません: {folder}", folder=args.result_folder),
            )
    roster = None
    # Only a PC/SC reader sees physical cards (training cards, enrolled real cards); the in-process
    # reader presents emulated My Number cards, which need no roster.
    if args.roster or kind == "pcsc":
        try:
            roster = Roster.load(_roster_path(args.roster))
        except RosterError as exc:
            return fail(exc, EXIT_USAGE, unreadable_roster(_roster_path(args.roster)))
    settings = Settings(
        roster,
        real_card_verify=args.real_card_verify,
        scenario=scenario,
        result_folder=Path(args.result_folder) if args.result_folder else None,
        staff_console=not args.no_staff_console,
        large_text=args.large_text,
        high_contrast=args.high_contrast,
        language=args.lang,
        pace=args.pace,
        reader_warning=reader_warning,
        fullscreen=args.fullscreen,
    )
    if args.real_card_verify:
        print(
            "note: --real-card-verify: a real My Number card will check the PIN typed, and a wrong PIN"
            " costs a real try (never when one try is left).",
            file=sys.stderr,
        )
    try:
        if args.check:
            return check(reader, args.screenshot, settings=settings, phone_reader=phone_reader)
        return run_gui(reader, settings, phone_reader=phone_reader)
    except (OSError, RuntimeError) as exc:
        return fail(exc, EXIT_STARTUP, STARTUP_FAILED)
