# mypy: ignore-errors
# fmt: off
"""The ``__init__`` templates of ``record`` (hardware/records.py), one per number of fields, with and without
the ``__post_init__`` call: a record's ``__init__`` is one of these, its code renamed to the record's field
names. Written here, not compiled for each class, so that they come with this module's bytecode.

Generated: ``python -m mynakiosk_hardware.record_inits > hardware/record_inits.py`` after changing
:func:`source` (tests/unit/test_records.py checks that the file is what it writes).
"""

MOST_FIELDS = 24


def init_0(self):
    pass


def init_0_post(self):
    self.__post_init__()


def init_1(self, a0):
    self.a0 = a0


def init_1_post(self, a0):
    self.a0 = a0
    self.__post_init__()


def init_2(self, a0, a1):
    self.a0 = a0
    self.a1 = a1


def init_2_post(self, a0, a1):
    self.a0 = a0
    self.a1 = a1
    self.__post_init__()


def init_3(self, a0, a1, a2):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2


def init_3_post(self, a0, a1, a2):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.__post_init__()


def init_4(self, a0, a1, a2, a3):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3


def init_4_post(self, a0, a1, a2, a3):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.__post_init__()


def init_5(self, a0, a1, a2, a3, a4):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4


def init_5_post(self, a0, a1, a2, a3, a4):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.__post_init__()


def init_6(self, a0, a1, a2, a3, a4, a5):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5


def init_6_post(self, a0, a1, a2, a3, a4, a5):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.__post_init__()


def init_7(self, a0, a1, a2, a3, a4, a5, a6):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6


def init_7_post(self, a0, a1, a2, a3, a4, a5, a6):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.__post_init__()


def init_8(self, a0, a1, a2, a3, a4, a5, a6, a7):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7


def init_8_post(self, a0, a1, a2, a3, a4, a5, a6, a7):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.__post_init__()


def init_9(self, a0, a1, a2, a3, a4, a5, a6, a7, a8):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8


def init_9_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.__post_init__()


def init_10(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9


def init_10_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.__post_init__()


def init_11(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10


def init_11_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.__post_init__()


def init_12(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11


def init_12_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.__post_init__()


def init_13(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12


def init_13_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.__post_init__()


def init_14(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13


def init_14_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.__post_init__()


def init_15(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14


def init_15_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.__post_init__()


def init_16(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15


def init_16_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.__post_init__()


def init_17(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16


def init_17_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.__post_init__()


def init_18(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17


def init_18_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.__post_init__()


def init_19(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18


def init_19_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.__post_init__()


def init_20(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19


def init_20_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.__post_init__()


def init_21(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20


def init_21_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.__post_init__()


def init_22(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.a21 = a21


def init_22_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.a21 = a21
    self.__post_init__()


def init_23(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.a21 = a21
    self.a22 = a22


def init_23_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.a21 = a21
    self.a22 = a22
    self.__post_init__()


def init_24(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.a21 = a21
    self.a22 = a22
    self.a23 = a23


def init_24_post(self, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23):
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11
    self.a12 = a12
    self.a13 = a13
    self.a14 = a14
    self.a15 = a15
    self.a16 = a16
    self.a17 = a17
    self.a18 = a18
    self.a19 = a19
    self.a20 = a20
    self.a21 = a21
    self.a22 = a22
    self.a23 = a23
    self.__post_init__()



def source() -> str:
    """This module's text, as generated."""
    with open(__file__, encoding="utf-8") as own:
        text = own.read()
    head = text[: text.index("\n\n\ndef init_0(")]
    tail = text[text.index("\n\n\ndef source(") :]
    functions = []
    for count in range(MOST_FIELDS + 1):
        parameters = "".join(f", a{i}" for i in range(count))
        body = [f"    self.a{i} = a{i}\n" for i in range(count)]
        functions.append(f"def init_{count}(self{parameters}):\n" + ("".join(body) or "    pass\n"))
        post = "    self.__post_init__()\n"
        functions.append(f"def init_{count}_post(self{parameters}):\n" + "".join(body) + post)
    return head + "\n\n\n" + "\n\n".join(functions) + tail


def _compiled_as_expected() -> bool:
    """Whether the interpreter compiled the templates with the names in the order ``record`` renames them."""
    for count in range(MOST_FIELDS + 1):
        generic = tuple(f"a{i}" for i in range(count))
        post = (*generic, "__post_init__")
        for template, names in ((f"init_{count}", generic), (f"init_{count}_post", post)):
            function = globals().get(template)
            if function is None:
                return False
            code = function.__code__
            if code.co_names != names or code.co_varnames != ("self", *generic):
                return False
    return True


#: False on an interpreter that compiles them otherwise: every record then keeps ``dataclass``'s ``__init__``.
TEMPLATES_FIT = _compiled_as_expected()

if __name__ == "__main__":
    print(source(), end="")
