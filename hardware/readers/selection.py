"""Which PC/SC readers the kiosk may use: a virtual reader only when it is asked for by name.

A vsmartcard vpcd reader presents whatever card a program connected to its TCP port sends, and that
program receives every command the kiosk sends the card, the VERIFY that carries the PIN typed
included. vpcd listens on all interfaces (``hardware.readers.exposure``), so ``kiosk --reader pcsc``
without a name never takes one: the kiosk uses a virtual reader only when its name is given
(``--reader pcsc:NAME``), as the end-to-end tests and ``kiosk card serve`` users do.

vpcd's readers are named ``FRIENDLYNAME`` from its reader.conf, "Virtual PCD" as vsmartcard ships it
(``virtualsmartcard/src/ifd-vpcd/reader.conf.in``; Debian's vsmartcard-vpcd installs it as
``/etc/reader.conf.d/vpcd``), and pcscd appends the reader's number and the slot: "Virtual PCD 00 00"
(slot 0, port 35963) and "Virtual PCD 00 01" (slot 1, port 35964).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk_hardware.errors import NoReaderError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

VIRTUAL_READER_NAMES = (
    "Virtual PCD",
)  # how vsmartcard's virtual card reader driver (vpcd) names its readers


def is_virtual(name: str) -> bool:
    """Whether ``name`` is a vsmartcard vpcd reader ("Virtual PCD 00 00")."""
    return name.startswith(VIRTUAL_READER_NAMES)


def watched(names: Iterable[str], name_filter: str | None) -> list[str]:
    """The readers a ``--reader pcsc[:NAME]`` kiosk watches among ``names``: those whose name contains
    ``name_filter``; without one, every reader but the virtual ones."""
    if name_filter:
        return [name for name in names if name_filter in name]
    return [name for name in names if not is_virtual(name)]


def check_choice(names: Sequence[str], name_filter: str | None) -> None:
    """Raise ``NoReaderError``, which the UI words with what to do, when ``--reader pcsc[:NAME]`` finds no
    reader to use among the PC/SC readers ``names``."""
    if not names:
        raise NoReaderError()
    if watched(names, name_filter):
        return
    if name_filter:
        raise NoReaderError(name_filter, tuple(names))
    raise NoReaderError(None, tuple(names), only_virtual=True)
