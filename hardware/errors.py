"""Every error ``hardware`` raises, declared once: typed, with the facts as fields, and an English message.

The message is for developers and logs. What a person reads is worded by the UI from the type and the
fields (``kiosk/reader_messages.py``, in Japanese and English), so nothing here is a UI text and no
message is Japanese (``tests/unit/test_hardware_errors.py`` checks both).

    ReaderError                     a reader or card problem
    ├── NoCardError                 no card on the reader
    │   └── CardRemovedError        the card left during a command
    ├── ServiceUnavailableError     the smart-card service (pcscd) cannot be reached
    │   ├── PcscNotInstalledError   pyscard is not installed
    │   ├── ServiceLostError        the service went away while in use
    │   ├── ReaderUnavailableError  the reader itself is gone (unplugged, unknown)
    │   └── NoReaderError           no PC/SC reader (with that name) to use
    ├── CardMuteError               the card gave no status word
    ├── PcscError                   any other PC/SC failure, with its return code
    │   ├── CardInUseError          another program holds the card (SCARD_E_SHARING_VIOLATION)
    │   ├── ProtocolMismatchError   not the protocol asked for (SCARD_E_PROTO_MISMATCH)
    │   └── CardResetError          another program reset the card mid-job (SCARD_W_RESET_CARD)
    ├── CardProtocolError           the card answered what a My Number card would not
    │   ├── NoJpkiApplicationError  no 公的個人認証AP (JPKI AP) on it
    │   ├── CardUnreadable          a read the real-card guard needs failed
    │   └── PhoneNotPresented       nothing answered as a phone's JPKI token
    │       └── BiometricNeeded     an iPhone held before Face ID / Touch ID
    └── RealCardProtected           a VERIFY that could cost a real card or phone a try was not sent
    VpcdError (a ConnectionError)   the vpcd driver cannot be reached
    NotLoopbackError (a ValueError) the vpcd bridge was given a host beyond loopback
"""

from __future__ import annotations

import enum


def pcsc_code(code: int) -> str:
    """A PC/SC return code as pcsclite.h and Windows write it (``0x8010001D``)."""
    return f"0x{code & 0xFFFFFFFF:08X}"


class ReaderError(Exception):
    """A problem with the reader or the card. ``str()`` is an English message for developers."""


class NoCardError(ReaderError):
    """No card on the reader (``reader``: its name, when known)."""

    def __init__(self, reader: str = "", *, detail: str = "") -> None:
        self.reader = reader
        self.detail = detail
        where = f" {reader!r}" if reader else ""
        super().__init__(_joined(f"no card on the reader{where}", detail))


class CardRemovedError(NoCardError):
    """The card was taken away while a job was using it (``SCARD_W_REMOVED_CARD`` and the like)."""

    def __init__(self, reader: str = "", *, detail: str = "") -> None:
        self.reader = reader
        self.detail = detail
        where = f" from the reader {reader!r}" if reader else ""
        ReaderError.__init__(self, _joined(f"the card was removed{where} during a command", detail))


class ServiceUnavailableError(ReaderError):
    """The smart-card service (pcscd) cannot be reached: not running, not installed, or refusing us.

    ``code`` is the PC/SC return code when there is one; ``detail`` its text (pyscard's message).
    """

    def __init__(self, detail: str = "", *, code: int | None = None) -> None:
        self.detail = detail
        self.code = code
        super().__init__(_joined("the smart-card service (pcscd) cannot be reached", detail, code))


class PcscNotInstalledError(ServiceUnavailableError):
    """pyscard, the Python binding of PC/SC, is not installed; ``command`` installs it."""

    def __init__(self, command: str = "pip install 'mynakiosk[pcsc]'") -> None:
        self.detail, self.code, self.command = "", None, command
        ReaderError.__init__(self, f"pyscard is not installed; to use PC/SC run {command}")


class ServiceLostError(ServiceUnavailableError):
    """The smart-card service went away while the kiosk was using it (pcscd stopped or restarted)."""

    def __init__(self, detail: str = "", *, code: int | None = None) -> None:
        self.detail, self.code = detail, code
        ReaderError.__init__(self, _joined("the connection to the smart-card service was lost", detail, code))


class ReaderUnavailableError(ServiceUnavailableError):
    """The reader ``reader`` is gone (unplugged) or unknown to the service."""

    def __init__(self, reader: str, detail: str = "", *, code: int | None = None) -> None:
        self.detail, self.code, self.reader = detail, code, reader
        ReaderError.__init__(self, _joined(f"the reader {reader!r} is not available", detail, code))


class NoReaderError(ServiceUnavailableError):
    """No PC/SC reader to use: none at all, none whose name contains ``wanted``, or (``only_virtual``, no
    name given) only vsmartcard vpcd readers, which are used only when named. ``available``: the readers."""

    def __init__(
        self, wanted: str | None = None, available: tuple[str, ...] = (), *, only_virtual: bool = False
    ) -> None:
        self.detail, self.code = "", None
        self.wanted, self.available, self.only_virtual = wanted, available, only_virtual
        known = ", ".join(repr(name) for name in available) or "none"
        if only_virtual:
            message = f"only virtual readers, used only when named (--reader pcsc:NAME): {known}"
        elif wanted is None:
            message = (
                "pcscd is running but reports no readers (a USB reader unplugged, or vpcd's port taken?)"
            )
        else:
            message = f"no PC/SC reader name contains {wanted!r}; readers: {known}"
        ReaderError.__init__(self, message)


class CardMuteError(ReaderError):
    """The card gave no status word (seen when it leaves during a command on some readers)."""

    def __init__(self, answer_length: int = 0) -> None:
        self.answer_length = answer_length
        super().__init__(f"no status word from the card ({answer_length} bytes answered)")


class PcscError(ReaderError):
    """A PC/SC call failed in a way none of the kinds above describes."""

    def __init__(self, operation: str, detail: str = "", *, code: int | None = None) -> None:
        self.operation = operation
        self.detail = detail
        self.code = code
        super().__init__(_joined(f"{operation} failed", detail, code))


class CardInUseError(PcscError):
    """Another program holds the card on ``reader`` (``SCARD_E_SHARING_VIOLATION``): it connected in
    exclusive mode or holds a transaction; or, ``exclusive``, the kiosk asked for the card alone
    (``--share exclusive``) while another program is connected to it at all."""

    def __init__(
        self,
        reader: str,
        *,
        exclusive: bool = False,
        operation: str = "SCardConnect",
        detail: str = "",
        code: int | None = None,
    ) -> None:
        self.operation, self.detail, self.code = operation, detail, code
        self.reader, self.exclusive = reader, exclusive
        alone = " (the kiosk asked for it exclusively)" if exclusive else ""
        ReaderError.__init__(
            self, _joined(f"another program is using the card on {reader!r}{alone}", detail, code)
        )


class ProtocolMismatchError(PcscError):
    """The card on ``reader`` cannot be used with the protocols asked for (``protocols``: "T=1", "T=0",
    "T=0/T=1"): the card does not offer them, or another program's connection already set another one
    (``SCARD_E_PROTO_MISMATCH``)."""

    def __init__(self, reader: str, protocols: str, *, detail: str = "", code: int | None = None) -> None:
        self.operation, self.detail, self.code = "SCardConnect", detail, code
        self.reader, self.protocols = reader, protocols
        ReaderError.__init__(
            self,
            _joined(
                f"the card on {reader!r} does not use the protocol asked for ({protocols})", detail, code
            ),
        )


class CardResetError(PcscError):
    """Another program reset the card on ``reader`` while a job was using it (``SCARD_W_RESET_CARD``, in
    shared mode): the card is still there, but what the job had set up on it is gone."""

    def __init__(self, reader: str, *, detail: str = "", code: int | None = None) -> None:
        self.operation, self.detail, self.code = "SCardTransmit", detail, code
        self.reader = reader
        ReaderError.__init__(
            self, _joined(f"another program reset the card on {reader!r} during a command", detail, code)
        )


class CardProtocolError(ReaderError):
    """The card answered something a My Number card would not (the message says what, for logs)."""


class NoJpkiApplicationError(CardProtocolError):
    """The card has no 公的個人認証AP (JPKI AP): it is not a My Number card."""

    def __init__(self) -> None:
        super().__init__("the card has no JPKI application")


class CardUnreadable(CardProtocolError):
    """A read the real-card guard relies on failed, so the card could not be classed: no PIN goes to it."""


class PhoneNotPresented(CardProtocolError):
    """Nothing answered as a JPKI token: the card was never added to this phone."""


class BiometricNeeded(PhoneNotPresented):
    """An iPhone held before Face ID / Touch ID was passed on it: its certificate and key stay shut."""


class Device(enum.Enum):
    """What a PIN would have gone to."""

    CARD = "card"
    PHONE = "phone"


class Protection(enum.Enum):
    """Why a VERIFY was not sent to a real card or phone."""

    NOT_OPTED_IN = "not opted in"  # no --real-card-verify
    LAST_TRY = "one try left"  # a wrong PIN would block it
    NO_TRIES = (
        "no tries left"  # blocked, or a card with no PIN set (顔認証マイナンバーカード): both answer 63C0
    )
    TRIES_UNKNOWN = "its tries left could not be read"  # unknown counts as the last try

    @classmethod
    def for_tries(cls, tries_left: int | None) -> Protection:
        """Why a VERIFY is withheld from an opted-in real card or phone that has ``tries_left``."""
        if tries_left is None:
            return cls.TRIES_UNKNOWN
        return cls.NO_TRIES if tries_left <= 0 else cls.LAST_TRY


class RealCardProtected(ReaderError):
    """A VERIFY that could cost a real card's (or phone's) owner a try was not sent.

    ``device``: card or phone; ``reason``: why; ``tries_left``: as read from it (None: not read or no PIN).
    """

    def __init__(self, device: Device, reason: Protection, tries_left: int | None = None) -> None:
        self.device = device
        self.reason = reason
        self.tries_left = tries_left
        tries = "" if tries_left is None else f" (tries left: {tries_left})"
        super().__init__(f"no VERIFY sent to a real {device.value}: {reason.value}{tries}")


class VpcdError(ConnectionError):
    """The vpcd driver at ``address`` is not reachable (pcscd not running, or vsmartcard-vpcd not installed)."""

    def __init__(self, address: str, detail: str = "") -> None:
        self.address = address
        self.detail = detail
        super().__init__(
            _joined(f"cannot connect to vpcd at {address}: are pcscd and vsmartcard-vpcd running?", detail)
        )


class NotLoopbackError(ValueError):
    """The vpcd bridge was asked to connect to ``host``, which is not a loopback name or address: what it
    carries (the PIN typed for the card included) must not leave the machine."""

    def __init__(self, host: str) -> None:
        self.host = host
        super().__init__(f"the vpcd bridge only talks to loopback addresses, not {host!r}")


def _joined(message: str, detail: str = "", code: int | None = None) -> str:
    extra = "; ".join(part for part in (detail, pcsc_code(code) if code is not None else "") if part)
    return f"{message} ({extra})" if extra else message
