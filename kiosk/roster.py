"""Training-card roster: which physical card plays which persona.

A clinic rehearses with a stack of cheap NFC cards: each card's UID (``FF CA 00 00 00``) is enrolled to a
persona. A real My Number card can be enrolled too, by its user-auth certificate's serial number; only a
SHA-256 of the serial is stored, never the serial, a name or the My Number.

The file is TOML, by default in the user's config folder (platformdirs):

    [cards]
    "uid:04A1B2C3D4E5F6" = "sakura"
    "cert:9f86d081…" = "taro"
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mynakiosk_hardware.files import write_atomically
from mynakiosk_hardware.tomlfile import is_single_line, quote, read_toml

if TYPE_CHECKING:
    from pathlib import Path


class RosterError(ValueError):
    pass


def default_roster_path() -> Path:
    import platformdirs  # ~2 % of start-up: only a PC/SC reader's window loads the roster

    return platformdirs.user_config_path("kiosk") / "roster.toml"


def uid_key(uid: bytes) -> str:
    return "uid:" + uid.hex().upper()


def certificate_key(serial: int) -> str:
    import hashlib  # OpenSSL: loaded for a real card only, not at start-up

    return "cert:" + hashlib.sha256(str(serial).encode()).hexdigest()


class Roster:
    def __init__(self, path: Path | None = None, entries: dict[str, str] | None = None) -> None:
        self.path = path
        self.entries: dict[str, str] = dict(entries or {})

    @classmethod
    def load(cls, path: Path) -> Roster:
        """The roster in ``path``, empty when there is no file yet; ``RosterError`` names what is wrong."""
        try:
            missing = not path.exists()
        except OSError:  # a folder on the way cannot be searched: read_toml says so, naming the file
            missing = False
        data = {} if missing else read_toml(path, "roster", RosterError)
        cards = data.get("cards", {})
        if not isinstance(cards, dict) or not all(
            isinstance(v, str) and is_single_line(v) for v in cards.values()
        ):
            raise RosterError(f"{path}: [cards] must map card keys to persona names")
        for key in cards:
            if not key.startswith(("uid:", "cert:")):
                raise RosterError(f"{path}: cards: card key {quote(key)} must start with 'uid:' or 'cert:'")
        return cls(path, cards)

    def persona_for_uid(self, uid: bytes) -> str | None:
        return self.entries.get(uid_key(uid))

    def persona_for_certificate(self, serial: int) -> str | None:
        return self.entries.get(certificate_key(serial))

    def enroll(self, key: str, persona: str) -> None:
        self.entries[key] = persona
        self.save()

    def save(self) -> None:
        if self.path is None:
            return
        import tomli_w

        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, tomli_w.dumps({"cards": self.entries}).encode("utf-8"))
