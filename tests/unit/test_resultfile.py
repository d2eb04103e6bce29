"""The face-reader result XML, written and parsed back field by field."""

import asyncio
import datetime as dt
import errno
import logging
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from mynakiosk.resultfile import ResultWriter, export
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.scenarios.runner import run_scenario
from mynakiosk_hardware import files


def exported(tmp_path, name):
    # The family visit is dated "today": read it as on a fixed day, so its dates are known here.
    scenario = load_scenario(scenarios_dir() / name, today=dt.date(2026, 1, 15))
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
        "Birthdate": "20181015",  # "today-7y-3m"
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


# -- nothing lost -------------------------------------------------------------------------------------

RECORD_01 = None


def a_record():
    """A completed visit (run once): its time is the scenario's, to the second, for every writer."""
    global RECORD_01
    if RECORD_01 is None:
        scenario = load_scenario(scenarios_dir() / "01_child_normal_visit.toml")
        RECORD_01 = (asyncio.run(run_scenario(scenario)).record, scenario.clinic)
    return RECORD_01


def identifiers(folder):
    return sorted(
        ET.parse(p).getroot().findtext("MessageHeader/ArbitraryFileIdentifier") for p in folder.glob("*.xml")
    )


@pytest.mark.parametrize("tags", [("a1b2c3d4-101", "0f0f0f0f-202"), ("a1b2c3d4-101", "a1b2c3d4-101")])
def test_two_kiosks_with_equal_clocks_sharing_a_folder_lose_nothing(tmp_path, tags):
    # The report: two kiosks, one folder, 12 receptions in the same second -> 6 files. Different
    # tags (two machines) and equal tags (a process id reused): the exclusive create keeps all 12.
    record, clinic = a_record()
    kiosks = [ResultWriter(tmp_path, tag=tag) for tag in tags]
    paths = [kiosks[i % 2].submit(record, clinic) for i in range(12)]
    assert None not in paths and len(set(paths)) == 12
    assert len(list(tmp_path.glob("*.xml"))) == 12 and len(set(identifiers(tmp_path))) == 12
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


WRITER = """
import asyncio, sys
from pathlib import Path
from mynakiosk.resultfile import ResultWriter
from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
from mynakiosk.scenarios.runner import run_scenario
scenario = load_scenario(scenarios_dir() / "01_child_normal_visit.toml")
record = asyncio.run(run_scenario(scenario)).record
writer = ResultWriter(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()  # both processes start writing at once
for _ in range(6):
    assert writer.submit(record, scenario.clinic) is not None
"""


def test_two_kiosk_processes_sharing_a_folder_lose_nothing(tmp_path):
    kiosks = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for kiosk in kiosks:
        assert kiosk.stdout.readline().strip() == "ready"
    for kiosk in kiosks:
        kiosk.stdin.write("go\n")
        kiosk.stdin.flush()
    for kiosk in kiosks:
        kiosk.stdin.close()
    assert [kiosk.wait(timeout=60) for kiosk in kiosks] == [0, 0]
    for kiosk in kiosks:
        kiosk.stdout.close()
    names = [p.name for p in tmp_path.glob("*.xml")]
    assert len(names) == 12 and len({name.split("_")[2].rsplit("-", 1)[0] for name in names}) == 2


def test_an_existing_file_is_never_replaced(tmp_path):
    record, clinic = a_record()
    writer = ResultWriter(tmp_path, tag="feedbeef-1")
    taken = tmp_path / f"OQSsiquc01res_face_feedbeef-1-000001_{record.time:%Y%m%d%H%M%S}.xml"
    taken.write_bytes(b"another kiosk's file")
    path = writer.submit(record, clinic)
    assert path.name.startswith("OQSsiquc01res_face_feedbeef-1-000002_")
    assert taken.read_bytes() == b"another kiosk's file"


def full_disk(monkeypatch):
    def no_space(out, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_data", no_space)


def test_a_full_disk_keeps_the_result_and_a_retry_writes_it(tmp_path, monkeypatch, caplog):
    record, clinic = a_record()
    writer = ResultWriter(tmp_path, tag="t-1")
    with monkeypatch.context() as patched:
        full_disk(patched)
        assert writer.submit(record, clinic) is None
        assert writer.submit(record, clinic) is None
        assert writer.retry() == []
    assert len(writer.pending) == 2 and writer.reason == "ディスクの空きがありません"
    assert list(tmp_path.iterdir()) == []  # no empty, partial or temporary file
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "kiosk.results"]
    assert len(warnings) == 1 and "No space left" in warnings[0].getMessage()  # once, not at every retry
    written = writer.retry()  # space again
    assert len(written) == 2 and writer.pending == [] and writer.reason == ""
    assert [p.read_bytes().startswith(b"<?xml") for p in written] == [True, True]


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write into: chmod for a normal user; for root (who ignores modes) a read-only
    tmpfs where the system allows mounting one."""
    folder = tmp_path / "results"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("root, and no read-only file system can be mounted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder modes and mounts")
def test_a_read_only_folder_keeps_the_result_until_another_folder_takes_it(read_only_folder, tmp_path):
    record, clinic = a_record()
    writer = ResultWriter(read_only_folder)
    assert writer.submit(record, clinic) is None and len(writer.pending) == 1
    assert writer.reason in ("読み取り専用の場所です", "書き込む権限がありません")
    elsewhere = tmp_path / "elsewhere"
    saved = writer.save_pending_to(elsewhere)
    assert [p.parent for p in saved] == [elsewhere] and writer.pending == []
    assert ET.parse(saved[0]).getroot().findtext("MessageHeader/SegmentOfResult") == "1"


def test_files_are_readable_by_their_owner_only(tmp_path):
    record, clinic = a_record()
    path = ResultWriter(tmp_path).submit(record, clinic)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it names the patient


def test_a_failed_overwrite_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "roster.toml"
    files.write_atomically(path, b"old")
    full_disk(monkeypatch)
    with pytest.raises(OSError, match="No space"):
        files.write_atomically(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["roster.toml"]


def test_enums_are_written_in_the_result_files_words(tmp_path):
    """Consent topics, prescription, identity method and relation are enums in the code; the file keeps
    the interface's codes and the Japanese method names it always had."""
    from dataclasses import replace

    from mynakiosk.domain.people import Relation
    from mynakiosk.domain.qualification import IdentityMethod
    from mynakiosk.domain.visit import ConsentTopic, Prescription
    from mynakiosk.resultfile import result_xml

    scenario = load_scenario(scenarios_dir() / "01_child_normal_visit.toml")
    record = asyncio.run(run_scenario(scenario)).record
    coverage = replace(record.result.coverage, relation=Relation.SELF)
    consents = {ConsentTopic.MEDICAL: True, ConsentTopic.SURGERY: False, ConsentTopic.HEALTH_CHECKUP: True}
    words = {IdentityMethod.FACE: "顔認証", IdentityMethod.PIN: "暗証番号", IdentityMethod.VISUAL: "目視"}
    for method, word in words.items():
        for prescription, code in ((Prescription.ELECTRONIC, "1"), (Prescription.PAPER, "2")):
            changed = replace(
                record,
                method=method,
                prescription=prescription,
                consents=consents,
                result=replace(record.result, coverage=coverage),
            )
            item = result_xml(changed, scenario.clinic, "1").find(
                "MessageBody/ResultList/ResultOfQualificationConfirmation"
            )
            assert item.findtext("IdentityConfirmationMethod") == word
            assert item.findtext("PrescriptionIssueSelect") == code
            assert item.findtext("PersonalFamilyClassification") == "1"
            tags = ("PharmacistsInfoConsFlg", "OperationInfoConsFlg", "SpecificHealthCheckupsInfoConsFlg")
            assert [item.findtext(tag) for tag in tags] == ["1", "0", "1"]
