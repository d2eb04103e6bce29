"""What a person is told when something fails: a sentence in the UI's language, never a developer's message.

The rule (docs/translations.md, "Error messages"): a screen says in its own language what failed, naming
the file or reader, and where the detail can be read. An exception's own message (the English of a file check,
an operating system's) is a developer's: it goes to the log and to stderr, never raw to a screen. The kiosk
words each kind of failure: hardware errors in kiosk/reader_messages.py, an operating system's reason a file
cannot be written in kiosk/resultfile.py (``os_error_text``, from an error number), the others here.

Qt-free: the flow, the command line and the UI all word their problems here.
"""

from __future__ import annotations

from mynakiosk.i18n import N_

#: The start-up dialog's second line, pointing at the details (stderr speaks English).
CHECK_FOR_DETAILS = N_("ターミナルで kiosk --check を実行すると、詳しい内容が英語で表示されます。")


def unreadable_scenario(path: object) -> str:
    """What a screen says of a scenario file it cannot use, in the UI's language.

    The file check's own message (a ``ScenarioError``) is a developer's English naming the field: it goes to
    the log and ``kiosk scenario check`` prints it; a screen says which file, and where to look.
    """
    return N_(
        "シナリオファイルを読み込めません: {file}（詳しくは kiosk scenario check {file} で確かめられます）",
        file=str(path),
    )


def unreadable_roster(path: object) -> str:
    """The registered-card list (``--roster``) cannot be used: the screen names the file."""
    return N_("登録カードの一覧を読み込めません: {file}", file=str(path))


STARTUP_FAILED = N_("マイナ受付シミュレータを起動できません。")
BAD_COMMAND_LINE = N_("コマンドラインの指定に問題があるため、起動できません。")
