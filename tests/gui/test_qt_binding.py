"""The Qt binding itself: a regression seen in PySide6 6.12.0 would crash a kiosk left running all day."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    payload = Signal(object)


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = _Emitter()
    received = []
    emitter.payload.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(100):  # few enough never to reach a refcount of zero on a broken binding
        emitter.plain.emit()
        emitter.payload.emit(None)
    # A broken binding loses one reference per emit (-100 or -200 here); allow for unrelated noise.
    assert sys.getrefcount(True) - before_true > -10
    assert sys.getrefcount(None) - before_none > -10
    assert len(received) == 100
