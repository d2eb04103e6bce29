"""The session log: every line kept for saving, the latest in memory, saved whole, atomically, 0600."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from mynakiosk.i18n import N_
from mynakiosk.sessionlog import SessionLog
from mynakiosk_hardware import files


def test_every_line_is_kept_and_only_the_latest_stay_in_memory():
    log = SessionLog(recent_lines=50)
    for number in range(10_000):
        log.append(N_("結果ファイル: {path}", path=f"{number}.xml"))
    assert len(log) == 10_000 and len(log.recent) == 50
    assert log.recent[0] == "結果ファイル: 9950.xml" and log.recent[-1].template == "結果ファイル: {path}"
    lines = list(log)
    assert (
        len(lines) == 10_000 and lines[0] == "結果ファイル: 0.xml" and lines[-1] == "結果ファイル: 9999.xml"
    )
    log.close()


def test_saved_whole_and_for_the_owner_only(tmp_path):
    log = SessionLog()
    log.append("12:00:00 受付記録: complete 山田 さくら 有効 暗証番号")
    log.append("12:00:05 画面: 待機中")
    path = log.save(tmp_path / "session.log")
    assert path.read_text(encoding="utf-8") == (
        "12:00:00 受付記録: complete 山田 さくら 有効 暗証番号\n12:00:05 画面: 待機中\n"
    )
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it names patients
    log.append("12:01:00 画面: 待機中")  # the log goes on after a save
    assert len(list(log)) == 3


def test_a_full_disk_raises_and_leaves_no_file(tmp_path, monkeypatch):
    log = SessionLog()
    log.append("a line")

    def no_space(out, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_data", no_space)
    with pytest.raises(OSError, match="No space"):
        log.save(tmp_path / "session.log")
    assert list(tmp_path.iterdir()) == []  # no 0-byte file, no temporary file


def test_an_unwritable_temporary_folder_keeps_the_lines_in_memory(monkeypatch, caplog):
    def refused(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    log = SessionLog()
    log.append("first")
    log.append("second")
    assert list(log) == ["first", "second"]
    assert sum("temporary folder" in r.getMessage() for r in caplog.records) == 1


def test_a_line_after_the_log_is_closed_is_no_error():
    """A reader event still on its way when the window closes adds a line after the controller closed the
    log (seen as 'write to closed file' in the two-reader e2e test)."""
    log = SessionLog()
    log.append("画面: 待機")
    log.close()
    log.append("画面: 読み取り中")
    assert len(log) == 2 and list(log.recent)[-1] == "画面: 読み取り中"
