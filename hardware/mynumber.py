"""The My Number card's applications, files and PIN retry limits, as public descriptions give them.

Shared by the reader side (``hardware.jpki``, which talks to real cards too) and the emulated card
(``hardware.card``): neither needs the other to know where a file is. Sources: OpenSC
``src/libopensc/jpki.h`` and ``pkcs15-jpki.c``, jpki/myna, soltia48/myna-card ``src/ap/*.rs`` and
AokiApp/jsapdu ``packages/mynacard/src/constants.ts``.
"""

#: 公的個人認証AP (JPKI AP), selected by DF name.
JPKI_AID = bytes.fromhex("D392F000260100000001")
#: 券面事項入力補助AP. Holds the 12-digit My Number: the kiosk never selects it on a real card.
TEXT_AID = bytes.fromhex("D3921000310001010408")
#: 券面事項確認AP (the card face: photo, name and address images).
VISUAL_AID = bytes.fromhex("D3921000310001010402")

#: A contactless My Number ATR listed in pcsc-tools' smartcard_list.txt.
MYNUMBER_ATR = bytes.fromhex("3B888001000005E0B381A1007F")

EF_SIGN_CERT, EF_SIGN_CA_CERT = 0x0001, 0x0002
EF_TOKEN, EF_CERT_AVAILABILITY = 0x0006, 0x0008
EF_AUTH_CERT, EF_AUTH_CA_CERT = 0x000A, 0x000B
EF_AUTH_KEY, EF_AUTH_PIN = 0x0017, 0x0018
EF_SIGN_KEY, EF_SIGN_PASSWORD = 0x001A, 0x001B
EF_TEXT_MYNUMBER, EF_TEXT_ATTRIBUTES, EF_TEXT_PIN = 0x0001, 0x0002, 0x0011
EF_TEXT_INTEGRITY, EF_TEXT_CERTIFICATE, EF_TEXT_AP_INFO = 0x0003, 0x0004, 0x0005
EF_TEXT_SESSION_KEY, EF_TEXT_SIGNED_KEY = 0x0006, 0x0007
EF_TEXT_UNUSED_KEY, EF_TEXT_PIN_A, EF_TEXT_PIN_B = 0x0012, 0x0014, 0x0015
EF_VISUAL_FACE, EF_VISUAL_PIN_B = 0x0002, 0x0012

AUTH_PIN_MAX_TRIES = 3  # 利用者証明用電子証明書 (OpenSC jpki.h; municipal pages, JPKI portal FAQ)
SIGN_PASSWORD_MAX_TRIES = 5  # 署名用電子証明書
TEXT_PIN_MAX_TRIES = 3  # 券面事項入力補助用
