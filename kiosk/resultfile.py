"""Write each reception as the face-reader result file a 資格確認端末 produces, so a clinic's own
レセコン or 電子カルテ can be rehearsed against the simulator.

File name ``OQSsiquc01res_face_<ReceptionNumber>_<yyyyMMddHHmmss>.xml`` in a configurable folder; root
``XmlMsg`` with ``MessageHeader`` and ``MessageBody`` (as ORCA's API documentation and public レセコン code read them; the middle part of the name is the
terminal's own). Which fields are filled, and which names come from the reference and which are our reading
of the interface, is documented in docs/result-xml.md. Written as UTF-8 (the real files are Shift_JIS or
UTF-8).

No result is lost: the reception number is unique across processes and machines (a hash of the host name,
the process id, a counter), each file is created exclusively (never replacing another kiosk's file with the
same name), and a file that cannot be written (full disk, read-only or vanished folder) is kept in memory
and retried by :class:`ResultWriter` until it is written or saved elsewhere.
"""

from __future__ import annotations

import errno
import io
import itertools
import logging
import os
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from mynakiosk.backend.rules import is_preschool
from mynakiosk.domain.people import Relation
from mynakiosk.domain.visit import ConsentTopic, Prescription
from mynakiosk.i18n import N_
from mynakiosk_hardware.files import write_atomically
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from mynakiosk.domain.clinic import ClinicSettings
    from mynakiosk.domain.visit import ReceptionRecord

log = logging.getLogger("kiosk.results")

CONSENT_FIELDS = {
    ConsentTopic.MEDICAL: "PharmacistsInfoConsFlg",
    ConsentTopic.SURGERY: "OperationInfoConsFlg",
    ConsentTopic.HEALTH_CHECKUP: "SpecificHealthCheckupsInfoConsFlg",
}


def _add(parent: ET.Element, tag: str, text: str | None) -> None:
    if text is not None and text != "":
        ET.SubElement(parent, tag).text = text


def result_xml(record: ReceptionRecord, clinic: ClinicSettings, reception_number: str) -> ET.Element:
    result = record.result
    stamp = record.time.strftime("%Y%m%d%H%M%S")
    root = ET.Element("XmlMsg")
    header = ET.SubElement(root, "MessageHeader")
    _add(header, "ProcessExecutionTime", stamp)
    _add(header, "QualificationConfirmationDate", record.time.strftime("%Y%m%d"))
    _add(header, "MedicalInstitutionCode", clinic.code)
    _add(header, "ArbitraryFileIdentifier", reception_number)
    _add(header, "ReferenceClassification", "1")  # 1: マイナンバーカード
    ok = result is not None and result.processing_ok
    _add(header, "SegmentOfResult", "1" if ok else "9")  # 1 正常終了, 9 異常終了
    if not ok:
        _add(header, "ErrorCode", result.error_code if result else "")
        _add(
            header,
            "ErrorMessage",
            (result.error_message if result else "") or (record.fallback.title if record.fallback else ""),
        )
    _add(header, "CharacterCodeIdentifier", "1")  # UTF-8 here [unverified code value]
    body = ET.SubElement(root, "MessageBody")
    _add(body, "ProcessingResultStatus", "1" if ok else "2")  # [OQSCD004]
    if result is not None and result.validity is not None:
        _add(body, "QualificationValidity", str(int(result.validity)))  # [OQSCD006]
    if result is None or result.validity is None:
        return root
    results = ET.SubElement(body, "ResultList")
    item = ET.SubElement(results, "ResultOfQualificationConfirmation")
    coverage, person, insurer = result.coverage, result.person, result.insurer
    if coverage is not None:
        _add(item, "InsuredCardClassification", "A1" if coverage.medical_aid else "01")  # [OQSCD010]
        _add(item, "InsurerNumber", coverage.insurer)
        _add(item, "InsuredCardSymbol", coverage.symbol)
        _add(item, "InsuredIdentificationNumber", coverage.number)
        _add(item, "InsuredBranchNumber", coverage.branch)
        _add(item, "PersonalFamilyClassification", "1" if coverage.relation is Relation.SELF else "2")
        _add(item, "QualificationDate", coverage.acquired.strftime("%Y%m%d"))
        if coverage.lost is not None:
            _add(item, "DisqualificationDate", coverage.lost.strftime("%Y%m%d"))
    if person is not None:
        _add(item, "Name", person.name)
        _add(item, "NameKana", person.kana)
        _add(item, "Sex1", person.sex)
        _add(item, "Birthdate", person.birth_date.strftime("%Y%m%d"))
        if record.result is not None and is_preschool(person.birth_date, record.time.date()):
            _add(item, "PreschoolClassification", "1")
    if insurer is not None:
        _add(item, "InsurerName", insurer.name)
    for topic, tag in CONSENT_FIELDS.items():
        if topic in record.consents:
            _add(item, tag, "1" if record.consents[topic] else "0")  # [OQSCD016]
    if record.high_cost is not None:
        _add(item, "LimitApplicationCertificateRelatedConsFlg", "1" if record.high_cost else "0")
        if record.high_cost and coverage is not None and coverage.limit_category:
            _add(item, "LimitApplicationCertificateClassification", coverage.limit_category)
    if record.prescription is not None:
        _add(item, "PrescriptionIssueSelect", "1" if record.prescription is Prescription.ELECTRONIC else "2")
    if record.method is not None:
        _add(item, "IdentityConfirmationMethod", record.method.label)  # [unverified] name: see docs
    return root


_REASONS = {
    errno.ENOSPC: N_("ディスクの空きがありません"),
    errno.EDQUOT: N_("ディスクの空きがありません"),
    errno.EROFS: N_("読み取り専用の場所です"),
    errno.EACCES: N_("書き込む権限がありません"),
    errno.EPERM: N_("書き込む権限がありません"),
    errno.ENOENT: N_("フォルダがありません"),
    errno.ENOTDIR: N_("フォルダではありません"),
    errno.EIO: N_("ディスクまたはネットワークの読み書きでエラーが起きました"),
}


def os_error_text(exc: OSError) -> str:
    """Why a file could not be written, as a marked text staff can read in their language.

    The system's own wording (``strerror``) is English whatever the UI language: an unlisted error is named
    by its code (``EIO`` …), which is the same in both.
    """
    number = exc.errno or 0
    return _REASONS.get(number) or N_(
        "書き込めません（システムのエラー {code}）", code=errno.errorcode.get(number, str(number))
    )


def writer_tag() -> str:
    """This process's part of every reception number: the host (CRC-32 of its name) and the process id."""
    import socket

    host = zlib.crc32(socket.gethostname().encode("utf-8", "replace"))
    return f"{host:08x}-{os.getpid()}"


@record(frozen=False)
class PendingResult:
    """A reception whose result file is not written yet."""

    record: ReceptionRecord
    clinic: ClinicSettings
    failed: bool = False  # an attempt to write it has failed

    @property
    def time(self) -> dt.datetime:
        return self.record.time


class ResultWriter:
    """Writes result files into ``folder``; what cannot be written is kept, in order, and retried.

    ``tag`` (default :func:`writer_tag`) makes this writer's file names differ from any other process's.
    Qt-free: whoever owns it calls :meth:`retry` on a timer while :attr:`pending` is not empty.
    """

    def __init__(
        self,
        folder: Path,
        *,
        tag: str | None = None,
        on_written: Callable[[Path, bool], None] | None = None,
    ) -> None:
        """``on_written(path, late)`` hears of every file written; ``late``: after a failed attempt."""
        self.folder = Path(folder)
        self.on_written = on_written
        self.tag = tag if tag is not None else writer_tag()
        self._numbers = itertools.count(1)
        self.pending: list[PendingResult] = []
        self.problem = ""  # why the last write failed, for the log ("" once everything is written)
        self.reason = ""  # the same for staff: a marked text (os_error_text)

    def submit(self, record: ReceptionRecord, clinic: ClinicSettings) -> Path | None:
        """Write the record's file now; None when it could not be, and it is kept for :meth:`retry`."""
        self.pending.append(PendingResult(record, clinic))
        written = self.retry()
        return written[-1] if written and not self.pending else None

    def retry(self) -> list[Path]:
        """Write what is pending, oldest first, into the folder; stop at the first failure."""
        return self._flush(self.folder)

    def write_now(self, record: ReceptionRecord, clinic: ClinicSettings) -> Path:
        """Write the record's file now, or raise the ``OSError``: nothing is kept."""
        return self._write(PendingResult(record, clinic), self.folder)

    def save_pending_to(self, folder: Path) -> list[Path]:
        """Write what is pending into another ``folder`` (offered when the kiosk quits with files unwritten)."""
        return self._flush(Path(folder))

    def _flush(self, folder: Path) -> list[Path]:
        written = []
        while self.pending:
            item = self.pending[0]
            try:
                path = self._write(item, folder)
            except OSError as exc:
                item.failed = True
                problem = f"{folder}: {exc.strerror or exc}"
                if problem != self.problem:  # once per new problem, not at every retry
                    log.warning("result file not written (%s): %d kept, retrying", problem, len(self.pending))
                self.problem, self.reason = problem, os_error_text(exc)
                break
            self.pending.pop(0)
            written.append(path)
            if self.on_written is not None:
                self.on_written(path, item.failed)
        if not self.pending and self.problem:
            log.warning("result files written again into %s", folder)
            self.problem = self.reason = ""
        return written

    def _write(self, item: PendingResult, folder: Path) -> Path:
        # The folder itself is made again if it was removed, but not its parents: a share or a USB stick
        # that is gone must not become a new folder on the local disk that nobody reads.
        folder.mkdir(exist_ok=True)
        while True:
            reception_number = f"{self.tag}-{next(self._numbers):06d}"
            name = f"OQSsiquc01res_face_{reception_number}_{item.time.strftime('%Y%m%d%H%M%S')}.xml"
            try:
                return write_atomically(folder / name, _xml_bytes(item, reception_number), exclusive=True)
            except FileExistsError:
                continue  # a file of the same name (an earlier run with the same process id): the next number


def _xml_bytes(item: PendingResult, reception_number: str) -> bytes:
    tree = ET.ElementTree(result_xml(item.record, item.clinic, reception_number))
    ET.indent(tree)
    content = io.BytesIO()
    tree.write(content, encoding="utf-8", xml_declaration=True)
    return content.getvalue()


_default_writers: dict[Path, ResultWriter] = {}


def export(record: ReceptionRecord, clinic: ClinicSettings, folder: Path) -> Path:
    """Write one result file into ``folder`` now and return its path; ``OSError`` when it cannot be.

    For callers that handle a failure themselves; the kiosk uses a :class:`ResultWriter`, which keeps it.
    """
    writer = _default_writers.setdefault(Path(folder), ResultWriter(folder))
    return writer.write_now(record, clinic)
