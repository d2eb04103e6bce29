"""Write each reception as the face-reader result file a 資格確認端末 produces, so a clinic's own
レセコン or 電子カルテ can be rehearsed against the simulator.

File name ``OQSsiquc01res_face_<ReceptionNumber>_<yyyyMMddHHmmss>.xml`` in a configurable folder; root
``XmlMsg`` with ``MessageHeader`` and ``MessageBody`` (reference §2.1). Which fields are filled, and which
names come from the reference and which are our reading of the interface, is documented in
docs/result-xml.md. Written as UTF-8 (the real files are Shift_JIS or UTF-8).
"""

from __future__ import annotations

import io
import itertools
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from mynakiosk.backend.rules import is_preschool
from mynakiosk.domain.people import Relation
from mynakiosk_hardware.files import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

    from mynakiosk.domain.clinic import ClinicSettings
    from mynakiosk.domain.visit import ReceptionRecord

_counter = itertools.count(1)

CONSENT_FIELDS = {
    "診療・薬剤": "PharmacistsInfoConsFlg",
    "手術": "OperationInfoConsFlg",
    "特定健診": "SpecificHealthCheckupsInfoConsFlg",
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
    _add(header, "ReferenceClassification", "1")  # 1: マイナンバーカード (§2.1)
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
        _add(item, "PrescriptionIssueSelect", "1" if record.prescription == "電子処方箋" else "2")
    if record.method is not None:
        _add(item, "IdentityConfirmationMethod", record.method.value)  # [unverified] name: see docs
    return root


def export(record: ReceptionRecord, clinic: ClinicSettings, folder: Path) -> Path:
    """Write the record's result file atomically into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    reception_number = f"{next(_counter):08d}"
    name = f"OQSsiquc01res_face_{reception_number}_{record.time.strftime('%Y%m%d%H%M%S')}.xml"
    tree = ET.ElementTree(result_xml(record, clinic, reception_number))
    ET.indent(tree)
    content = io.BytesIO()
    tree.write(content, encoding="utf-8", xml_declaration=True)
    return write_atomically(folder / name, content.getvalue())
