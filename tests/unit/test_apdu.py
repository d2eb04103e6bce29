import pytest
from hypothesis import given
from hypothesis import strategies as st

from mynakiosk_hardware.apdu import ApduError, CommandApdu, ResponseApdu, is_retry_counter, sw_retries


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("00200080", CommandApdu(0x00, 0x20, 0x00, 0x80)),  # case 1: empty VERIFY
        ("00B0000020", CommandApdu(0x00, 0xB0, 0x00, 0x00, le=32)),  # case 2 short
        ("00B0000000", CommandApdu(0x00, 0xB0, 0x00, 0x00, le=256)),  # Le 00 = 256
        ("00A4020C020018", CommandApdu(0x00, 0xA4, 0x02, 0x0C, bytes.fromhex("0018"))),  # case 3
        ("802A00800301020300", CommandApdu(0x80, 0x2A, 0x00, 0x80, b"\x01\x02\x03", le=256)),  # case 4
        ("00B08A00000000", CommandApdu(0x00, 0xB0, 0x8A, 0x00, le=65536, extended=True)),  # extended Le
        ("00B0000000059A", CommandApdu(0x00, 0xB0, 0x00, 0x00, le=0x59A, extended=True)),
    ],
)
def test_parse_known_encodings(raw, expected):
    assert CommandApdu.parse(bytes.fromhex(raw)) == expected


@pytest.mark.parametrize(
    "raw", ["", "00", "00A404", "00A4040C05D392", "00A4040C0000", "00B0000000"[:-2] + "0001"]
)
def test_malformed_commands_are_rejected(raw):
    with pytest.raises(ApduError):
        CommandApdu.parse(bytes.fromhex(raw))


@given(
    cla=st.integers(0, 255),
    ins=st.integers(0, 255),
    p1=st.integers(0, 255),
    p2=st.integers(0, 255),
    data=st.binary(max_size=300),
    le=st.one_of(st.none(), st.integers(1, 65536)),
)
def test_encode_then_parse_round_trips(cla, ins, p1, p2, data, le):
    command = CommandApdu(cla, ins, p1, p2, data, le)
    parsed = CommandApdu.parse(command.to_bytes())
    assert (parsed.cla, parsed.ins, parsed.p1, parsed.p2, parsed.data, parsed.le) == (
        cla,
        ins,
        p1,
        p2,
        data,
        le,
    )


def test_retry_status_words():
    assert sw_retries(2) == 0x63C2
    assert sw_retries(0) == 0x63C0
    assert is_retry_counter(0x63C1) and not is_retry_counter(0x6984)
    assert ResponseApdu.parse(bytes.fromhex("63C2")).sw == 0x63C2
