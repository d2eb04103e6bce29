"""Command line: ``kiosk`` (GUI), ``kiosk --check``, ``kiosk readers``, ``kiosk card serve``.

Exit codes: 0 ok, 2 bad arguments, 3 reader or PC/SC service unusable, 4 start-up failure.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence

from hardware.readers.base import Reader, ReaderError, ServiceUnavailableError
from kiosk import __version__

EXIT_OK, EXIT_USAGE, EXIT_READER, EXIT_STARTUP = 0, 2, 3, 4
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="マイナ受付シミュレータ: practise the 顔認証付きカードリーダー reception flow.",
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
        "--check",
        action="store_true",
        help="start on the chosen reader, render the idle screen offscreen, print one status line and exit",
    )
    parser.add_argument(
        "--screenshot", metavar="PNG", help="with --check: save the rendered idle screen here"
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output (-vv: APDU headers)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("readers", help="list PC/SC readers and whether a card is on each")
    card = sub.add_parser("card", help="emulated cards")
    card_sub = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    serve = card_sub.add_parser(
        "serve", help="serve an emulated My Number card to pcscd through vpcd until Ctrl-C"
    )
    serve.add_argument("--persona", default="sakura", help="whose card (default: sakura, the 8-year-old)")
    serve.add_argument("--host", default="127.0.0.1", help="vpcd host; loopback only (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=35963, help="vpcd port (default 35963: 'Virtual PCD 00 00')"
    )
    return parser


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def make_reader(kind: str, name: str | None) -> Reader:
    if kind == "virtual":
        from hardware.readers.virtual import VirtualReader

        return VirtualReader()
    from hardware.readers.pcsc import PcscReader, list_readers

    readers = list_readers()  # raises ServiceUnavailableError when pcscd is unusable
    if not readers:
        raise ServiceUnavailableError(
            "PC/SC リーダーが見つかりません (pcscd is running but reports no readers)"
        )
    if name and not any(name in r.name for r in readers):
        known = ", ".join(repr(r.name) for r in readers)
        raise ServiceUnavailableError(f"no PC/SC reader name contains {name!r}; readers: {known}")
    return PcscReader(name)


def cmd_readers() -> int:
    from hardware.readers.pcsc import list_readers

    try:
        readers = list_readers()
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_READER
    if not readers:
        print("no PC/SC readers (pcscd is running but reports none)")
        return EXIT_OK
    for reader in readers:
        card = f"card present, ATR {reader.atr.hex(' ').upper()}" if reader.card_present else "no card"
        print(f"{reader.name}\t{card}")
    return EXIT_OK


def cmd_card_serve(args: argparse.Namespace) -> int:
    from hardware.vpcd import VpcdBridge, VpcdError
    from kiosk.personas import default_household

    personas = {p.key: p for p in default_household()}
    persona = personas.get(args.persona)
    if persona is None:
        print(f"error: unknown persona {args.persona!r}; choose from {', '.join(personas)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        bridge = VpcdBridge(persona.card, host=args.host, port=args.port)
        bridge.insert()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except VpcdError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_READER
    print(
        f"serving {persona.label}'s emulated My Number card to vpcd at {args.host}:{args.port};"
        " PC/SC programs see it in 'Virtual PCD'. Press Ctrl-C to take the card away.",
        flush=True,
    )
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    if args.command == "readers":
        return cmd_readers()
    if args.command == "card":
        return cmd_card_serve(args)
    if args.screenshot and not args.check:
        parser.error("--screenshot goes with --check")
    if args.check and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt starts: --check needs no display
    kind, name = args.reader
    try:
        reader = make_reader(kind, name)
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_READER
    from kiosk.app import check, run_gui

    try:
        if args.check:
            return check(reader, args.screenshot)
        return run_gui(reader)
    except (OSError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STARTUP
