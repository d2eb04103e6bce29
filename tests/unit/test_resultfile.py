"""The face-reader result XML, written and parsed back field by field."""

import asyncio
import xml.etree.ElementTree as ET

from mynakiosk.resultfile import export
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.scenarios.runner import run_scenario


def exported(tmp_path, name):
    scenario = load_scenario(scenarios_dir() / name)
    run = asyncio.run(run_scenario(scenario))
    path = export(run.record, scenario.clinic, tmp_path)
    return path, ET.parse(path).getroot()


def test_a_completed_child_visit(tmp_path):
    path, root = exported(tmp_path, "01_child_normal_visit.toml")
    assert path.name.startswith("OQSsiquc01res_face_") and path.name.endswith("_20260115090000.xml")
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    header, body = root.find("MessageHeader"), root.find("MessageBody")
    assert header.findtext("SegmentOfResult") == "1" and header.findtext("ReferenceClassification") == "1"
    assert header.findtext("QualificationConfirmationDate") == "20260115"
    assert body.findtext("ProcessingResultStatus") == "1" and body.findtext("QualificationValidity") == "1"
    item = body.find("ResultList/ResultOfQualificationConfirmation")
    expected = {
        "InsurerNumber": "06139991",
        "InsuredCardSymbol": "3150",
        "InsuredIdentificationNumber": "27",
        "InsuredBranchNumber": "02",
        "PersonalFamilyClassification": "2",
        "Name": "山田 さくら",
        "NameKana": "ヤマダ サクラ",
        "Sex1": "2",
        "Birthdate": "20180514",
        "InsurerName": "練習健康保険組合",
        "PharmacistsInfoConsFlg": "1",
        "OperationInfoConsFlg": "1",
        "SpecificHealthCheckupsInfoConsFlg": "1",
        "LimitApplicationCertificateRelatedConsFlg": "0",
        "IdentityConfirmationMethod": "暗証番号",
    }
    assert {tag: item.findtext(tag) for tag in expected} == expected
    assert item.find("PreschoolClassification") is None  # 7 years old


def test_a_certificate_error_is_an_abnormal_end(tmp_path):
    _, root = exported(tmp_path, "11_certificate_expired.toml")
    header = root.find("MessageHeader")
    assert header.findtext("SegmentOfResult") == "9" and header.findtext("ErrorCode") == "006"
    assert root.find("MessageBody").findtext("ProcessingResultStatus") == "2"
    assert root.find("MessageBody/ResultList") is None


def test_no_record_found_and_preschool_flags(tmp_path):
    _, root = exported(tmp_path, "02_newborn_not_reflected.toml")
    assert root.find("MessageBody").findtext("QualificationValidity") == "4"
    _, root = exported(tmp_path, "14_infant_photoless_card.toml")
    assert (
        root.find("MessageBody/ResultList/ResultOfQualificationConfirmation").findtext(
            "PreschoolClassification"
        )
        == "1"
    )


def test_files_get_distinct_names(tmp_path):
    first, _ = exported(tmp_path, "01_child_normal_visit.toml")
    second, _ = exported(tmp_path, "01_child_normal_visit.toml")
    assert first != second and len(list(tmp_path.iterdir())) == 2
