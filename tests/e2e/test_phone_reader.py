"""Two readers through one real pcscd: the face reader on vpcd's slot 0, the 汎用カードリーダー on slot 1.

vpcd gives every reader two slots by default; slot N listens on the configured port + N, so the private
pcscd's second slot is "Virtual PCD 00 01" on ``pcscd.port + 1``.
"""

from __future__ import annotations

import threading

import pytest
from cryptography import x509

from mynakiosk_hardware.card import MyNumberCard
from mynakiosk_hardware.jpki import survey
from mynakiosk_hardware.jpki_phone import HeldToken, authenticate_phone
from mynakiosk_hardware.phone import PHONE_ATR, EmulatedPhone, PhoneKind, PhoneProfile
from mynakiosk_hardware.pin import Pin
from mynakiosk_hardware.profile import CardProfile
from mynakiosk_hardware.readers.base import ReaderEvent, ReaderEventKind
from mynakiosk_hardware.readers.pcsc import PcscReader
from mynakiosk_hardware.vpcd import VpcdBridge
from tests.support.pcscd import READER_NAME, wait_for

pytestmark = pytest.mark.e2e
WAIT_S = 5  # pcscd polls vpcd every 0.4 s
CARD = CardProfile("山田 花子", "2468", sign_password="HANAKO88")


class Events:
    """A reader listener that remembers what it heard; the monitor thread calls it."""

    def __init__(self) -> None:
        self.seen: list[ReaderEvent] = []
        self._lock = threading.Lock()

    def __call__(self, event: ReaderEvent) -> None:
        with self._lock:
            self.seen.append(event)

    def inserted(self) -> list[ReaderEvent]:
        with self._lock:
            return [e for e in self.seen if e.kind is ReaderEventKind.CARD_INSERTED]


@pytest.fixture
def two_readers(pcscd):
    face, phone_reader = PcscReader(pcscd.reader), PcscReader(f"{READER_NAME} 00 01")
    face_events, phone_events = Events(), Events()
    face.start(face_events)
    phone_reader.start(phone_events)
    yield face, phone_reader, face_events, phone_events
    face.close()
    phone_reader.close()


def test_a_card_on_the_face_reader_and_a_phone_on_the_phone_reader_at_once(pcscd, two_readers):
    face, phone_reader, face_events, phone_events = two_readers
    card = MyNumberCard(CARD)
    phone = EmulatedPhone(PhoneProfile.issued_from(CARD, PhoneKind.ANDROID, "1357"))
    card_bridge = VpcdBridge(card, port=pcscd.port)
    phone_bridge = VpcdBridge(phone, port=pcscd.port + 1)
    try:
        card_bridge.insert()
        phone_bridge.insert()
        wait_for(lambda: phone_events.inserted() and face_events.inserted(), WAIT_S, "both readers to see")
        assert [e.atr for e in phone_events.inserted()] == [PHONE_ATR]
        assert all(e.reader == pcscd.reader for e in face_events.inserted())  # the phone is not on it

        found = face.submit(survey).result(timeout=WAIT_S)
        assert found.identity.is_mynumber_card and found.tries_left == 3

        challenge = b"\x42" * 32
        wrong = phone_reader.submit(lambda ch: authenticate_phone(ch, challenge, Pin("2468"))).result(WAIT_S)
        assert wrong.verify.tries_left == 2 and phone.profile.auth_pin_tries == 2
        assert card.profile.auth_pin_tries == 3  # the card's PIN is the card's: untouched

        held = phone_reader.submit(lambda ch: authenticate_phone(ch, challenge, Pin("1357"))).result(WAIT_S)
        assert held.token is HeldToken.ANDROID and held.authenticated
        serial = x509.load_der_x509_certificate(held.certificate).serial_number
        assert serial == phone.profile.certificate_serial != CARD.certificate_serial
        assert phone_bridge.apdu_count >= 8
    finally:
        phone_bridge.remove()
        card_bridge.remove()
        pcscd.wait_card(present=False)
        # Slot 1 too: a phone still seen there would answer the next test's first command from the old socket.
        wait_for(lambda: not phone_reader.card_present(), WAIT_S, "the phone to be taken away")


def test_an_iphone_through_pcscd_answers_after_face_id_only(pcscd, two_readers):
    _, phone_reader, _, phone_events = two_readers
    phone = EmulatedPhone(PhoneProfile.issued_from(CARD, PhoneKind.IPHONE))
    bridge = VpcdBridge(phone, port=pcscd.port + 1)
    try:
        assert phone.authenticate_on_phone()
        bridge.insert()
        wait_for(phone_events.inserted, WAIT_S, "the phone reader to see the iPhone")
        held = phone_reader.submit(lambda ch: authenticate_phone(ch, b"\x07" * 32)).result(WAIT_S)
        assert held.token is HeldToken.IPHONE and held.authenticated and held.verify is None
    finally:
        bridge.remove()
        wait_for(lambda: not phone_reader.card_present(), WAIT_S, "the iPhone to be taken away")


def test_a_phone_visit_through_pcscd_with_two_readers(qtbot, aloop, pcscd, tmp_path):
    """The whole スマホ保険証 visit on the kiosk: the face reader and the 汎用カードリーダー are vpcd's two slots."""
    from PySide6.QtCore import Qt

    from mynakiosk.domain.qualification import IdentityMethod
    from mynakiosk.flow.machine import State
    from mynakiosk.scenarios.loader import load_scenario, scenarios_dir
    from mynakiosk.ui.controller import FlowController
    from mynakiosk.ui.main_window import MainWindow

    controller = FlowController(
        PcscReader(pcscd.reader, retry_interval=0.2),
        scenario=load_scenario(scenarios_dir() / "32_phone_android.toml"),
        result_folder=tmp_path,
        phone_reader=PcscReader(f"{READER_NAME} 00 01", retry_interval=0.2),
    )
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.start()
    wait_ms = WAIT_S * 1000
    qtbot.waitUntil(lambda: controller.snapshot.phone_offered, timeout=wait_ms)
    assert window.phone_picker is None  # real readers: phones arrive from the reader, not a picker
    phone = controller.personas[0].phone
    bridge = VpcdBridge(phone, port=pcscd.port + 1)
    try:
        click = lambda button: qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # noqa: E731
        click(window.current_screen.phone)
        click(window.current_screen.android)
        for digit in "1357":
            click(window.current_screen.keys[digit])
        click(window.current_screen.confirm)
        assert controller.snapshot.state is State.PHONE_HOLD
        bridge.insert()
        qtbot.waitUntil(lambda: controller.snapshot.state is State.CONSENT, timeout=wait_ms)
        click(window.current_screen.buttons["all"])
        click(window.current_screen.buttons["no"])
        assert controller.snapshot.state is State.COMPLETE
        record = controller.records[-1]
        assert record.method is IdentityMethod.PHONE_PIN and record.result.person.name == "山田 太郎"
        assert phone.profile.auth_pin_tries == 3 and bridge.apdu_count >= 8
    finally:
        bridge.remove()
        controller.close()
        pcscd.wait_card(present=False)
