"""Cards and readers: APDUs, the emulated My Number card, the in-process reader, PC/SC and the vpcd bridge.

This package never imports ``kiosk`` or Qt: it can be reused by any program that wants an emulated
My Number card or a hot-plug-safe PC/SC reader.
"""
