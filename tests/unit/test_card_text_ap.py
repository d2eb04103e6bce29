"""The 券面事項入力補助AP in the real cards' layout (myna-card's test-card dumps, jsapdu's schemas)."""

import datetime as dt
import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from mynakiosk_hardware.card import TEXT_AID, MyNumberCard
from mynakiosk_hardware.profile import CardProfile

SELECT_TEXT = "00A4040C0A" + TEXT_AID.hex()


def run(card, *commands):
    return [card.execute(bytes.fromhex(c)).hex().upper() for c in commands]


def read(card, fid: int) -> bytes:
    answer = card.execute(bytes.fromhex(f"00A4020C02{fid:04X}"))
    assert answer == b"\x90\x00", f"SELECT {fid:04X}"
    answer = card.execute(bytes.fromhex("00B00000000000"))
    assert answer[-2:] == b"\x90\x00", f"READ {fid:04X}: {answer[-2:].hex()}"
    return answer[:-2]


def objects(value: bytes) -> list[tuple[bytes, bytes, int]]:
    """(tag, value, offset) of consecutive BER-TLV objects with 1- or 2-byte tags."""
    found, pos = [], 0
    while value[pos:].strip(b"\xff"):  # what follows the last object is FF filler
        start = pos
        tag = value[pos : pos + 1]
        if tag[0] & 0x1F == 0x1F:
            tag = value[pos : pos + 2]
        pos += len(tag)
        length = value[pos]
        pos += 1
        if length & 0x80:
            count = length & 0x7F
            length = int.from_bytes(value[pos : pos + count], "big")
            pos += count
        found.append((tag, value[pos : pos + length], start))
        pos += length
    return found


def public_key(encoded: bytes) -> rsa.RSAPublicKey:
    parts = {tag: value for tag, value, _ in objects(encoded)}
    e, n = (int.from_bytes(parts[t], "big") for t in (b"\x90", b"\x91"))
    return rsa.RSAPublicNumbers(e, n).public_key()


def verify(key: rsa.RSAPublicKey, signature: bytes, data: bytes) -> None:
    key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())


@pytest.fixture(scope="module")
def card():
    return MyNumberCard(CardProfile("山田 太郎", "2468", birth_date=dt.date(1985, 3, 3)))


@pytest.fixture
def unlocked(card):
    card.power_off()
    card.power_on()
    assert run(card, SELECT_TEXT, "00A4020C020011", "0020008004" + b"2468".hex()) == ["9000"] * 3
    return card


def test_my_number_file_starts_ff10_and_has_two_filler_bytes(unlocked):
    raw = read(unlocked, 0x0001)
    assert raw[:3] == bytes.fromhex("FF100C") and raw[3:15] == unlocked.my_number.encode()
    assert raw[15:] == b"\xff\xff" and len(raw) == 17


def test_attributes_file_has_the_offset_table_clients_read_first(unlocked):
    raw = read(unlocked, 0x0002)
    ((outer_tag, value, _),) = objects(raw)
    assert outer_tag == b"\xff\x20"
    (table_tag, table, _), *fields = objects(value)
    assert table_tag == b"\xdf\x21" and len(table) == 8
    header = len(raw) - len(value)
    starts = [header + start for _, _, start in fields]
    assert [int.from_bytes(table[i : i + 2], "big") for i in range(0, 8, 2)] == starts
    by_tag = {tag: field for tag, field, _ in fields}
    assert by_tag[b"\xdf\x22"].decode() == "山田\u3000太郎"  # family and given name, ideographic space
    assert by_tag[b"\xdf\x24"] == b"19850303"
    assert by_tag[b"\xdf\x25"] in (b"0", b"1", b"2", b"9")  # JIS X 0303
    assert "テスト" in by_tag[b"\xdf\x23"].decode()


def test_integrity_record_hashes_both_files_and_verifies_under_the_ap_certificate(unlocked):
    my_number, attributes = read(unlocked, 0x0001), read(unlocked, 0x0002)
    ((_, record, _),) = objects(read(unlocked, 0x0003))
    parts = objects(record)
    assert [tag for tag, _, _ in parts] == [b"\xdf\x31", b"\xdf\x32", b"\xdf\x33"]
    assert parts[0][1] == hashlib.sha256(my_number).digest()  # the file as stored, filler included
    after_table = objects(objects(attributes)[0][1])[1][2]
    assert parts[1][1] == hashlib.sha256(objects(attributes)[0][1][after_table:]).digest()
    ((cert_tag, cert, _),) = objects(read(unlocked, 0x0004))
    body, signature = (value for _, value, _ in objects(cert))
    assert cert_tag == b"\x7f\x21" and len(body) == 297 and len(signature) == 256
    issuer = public_key(body[32:])
    verify(issuer, parts[2][1], record[: parts[2][2]])
    ((_, signed_key, _),) = objects(read(unlocked, 0x0007))
    key_object, key_signature = objects(signed_key)
    verify(issuer, key_signature[1], signed_key[: key_signature[2]])
    assert public_key(key_object[1]).key_size == 2048
    ((session_tag, session, _),) = objects(read(unlocked, 0x0006))
    assert session_tag == b"\xa1" and public_key(session).key_size == 2048


def test_basic_info_and_certificate_need_nothing_the_rest_needs_a_key(card):
    card.power_off()
    card.power_on()
    run(card, SELECT_TEXT)
    assert read(card, 0x0005)[:2] == b"\xff\x40"
    assert read(card, 0x0004)[:2] == b"\x7f\x21"
    for fid in (0x0001, 0x0002, 0x0003, 0x0006, 0x0007):
        assert run(card, f"00A4020C02{fid:04X}", "00B0000004") == ["9000", "6982"], f"EF {fid:04X}"


def test_collation_numbers_open_complementary_files(card):
    card.power_off()
    card.power_on()
    number_a = card.my_number.encode().hex()
    assert run(card, SELECT_TEXT, "00A4020C020014", "002000800C" + number_a) == ["9000"] * 3
    assert run(card, "00A4020C020001", "00B0000003") == ["9000", "FF100C9000"]
    assert run(card, "00A4020C020002", "00B0000003")[-1] == "6982"
    number_b = card.visual_pin_b.encode().hex()
    assert run(card, SELECT_TEXT, "00A4020C020015", "002000800E" + number_b) == ["9000"] * 3
    assert run(card, "00A4020C020002", "00B0000002") == ["9000", "FF209000"]
    assert run(card, "00A4020C020001", "00B0000003")[-1] == "6982"


def test_key_reference_0012_is_blocked_as_on_every_card_examined(card):
    assert run(card, SELECT_TEXT, "00A4020C020012", "00200080", "0020008004" + b"2468".hex()) == [
        "9000",
        "9000",
        "63C0",
        "6984",
    ]
