"""A generated, obviously synthetic face picture for the 券面事項確認AP of an emulated card.

Real cards hold a JPEG 2000 photo; ours is a small greyscale PNG silhouette drawn here (stdlib only), so
the face and 目視 screens have something to show and no real person's picture is ever involved.
"""

from __future__ import annotations

import hashlib
import struct
import zlib

WIDTH, HEIGHT = 90, 120


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def face_png(seed: str) -> bytes:
    """A head-and-shoulders silhouette whose tones vary with ``seed`` (the holder's name)."""
    digest = hashlib.sha256(seed.encode()).digest()
    background, skin, hair, clothes = 235, 150 + digest[0] % 60, 30 + digest[1] % 50, 70 + digest[2] % 90
    rows = []
    for y in range(HEIGHT):
        row = bytearray([0])  # filter: none
        for x in range(WIDTH):
            dx, dy = (x - WIDTH / 2) / 24, (y - 48) / 31
            shoulder = ((x - WIDTH / 2) / 42) ** 2 + ((y - 128) / 36) ** 2
            if dx * dx + dy * dy <= 1:
                value = hair if y < 34 or (y < 48 and abs(x - WIDTH / 2) > 18) else skin
            elif shoulder <= 1:
                value = clothes
            else:
                value = background
            row.append(value)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )
