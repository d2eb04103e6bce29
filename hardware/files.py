"""Writing files so that the program stopping half-way or a full disk never leaves half of one (profiles,
rosters, result files, the session log). No fsync: a power cut may still lose the last save.

Every file is created readable and writable by its owner only (0600): result files and the session log hold
patient names. A failed write (disk full, folder read-only) raises the ``OSError`` and leaves nothing behind:
no temporary file and no empty or partial file under the final name.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: str | os.PathLike[str], data: bytes, *, exclusive: bool = False) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then move it to ``path``; return the path.

    ``exclusive``: never replace an existing file; ``FileExistsError`` instead, so writers sharing a folder
    (several kiosks writing result files into one) cannot overwrite each other's files.
    """
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            _write_data(out, data)
        if exclusive:
            _publish_exclusively(Path(tmp), path)
        else:
            os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _write_data(out: BinaryIO, data: bytes) -> None:
    """The one place bytes reach the disk (a seam where tests inject a full disk)."""
    out.write(data)
    out.flush()


def _publish_exclusively(tmp: Path, path: Path) -> None:
    """Give the finished ``tmp`` the name ``path`` only if nothing has it yet; ``tmp`` is gone afterwards.

    A hard link is atomic and fails on an existing name. Where the file system has no hard links (FAT,
    some network shares) the name is reserved with an exclusive create and then filled by a rename: a
    reader may see it empty for that moment, but no other writer can take it.
    """
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
            errno.ENOSYS,
        ):
            raise
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp, path)
    else:
        tmp.unlink()
