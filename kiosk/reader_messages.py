"""What a person reads about the hardware: one marked text per error kind of ``hardware/errors.py``, the
warning for vpcd open to the network, and the names of the cards that are not My Number cards.

``hardware`` raises typed errors with English messages for developers; the screens, the start-up dialog and
the command line word them here, from the type and its fields, in Japanese (translated by the UI like any
marked text; ``kiosk.cli.in_english`` for the command line). Qt-free, so the flow can use it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mynakiosk.i18n import N_
from mynakiosk_hardware.emulated import OtherCardKind
from mynakiosk_hardware.errors import (
    BiometricNeeded,
    CardInUseError,
    CardMuteError,
    CardProtocolError,
    CardRemovedError,
    CardResetError,
    CardUnreadable,
    Device,
    NoCardError,
    NoJpkiApplicationError,
    NoReaderError,
    NotLoopbackError,
    PcscError,
    PcscNotInstalledError,
    PhoneNotPresented,
    Protection,
    ProtocolMismatchError,
    ReaderError,
    ReaderUnavailableError,
    RealCardProtected,
    ServiceLostError,
    ServiceUnavailableError,
    VpcdError,
)
from mynakiosk_hardware.text import shown_message

if TYPE_CHECKING:
    from mynakiosk_hardware.readers.exposure import VpcdExposure

#: Why no PIN went to a real card or phone, as the patient's screen says it.
PROTECTED = {
    (Device.CARD, Protection.NOT_OPTED_IN): N_("実物のマイナンバーカードには暗証番号を送りません"),
    (Device.CARD, Protection.LAST_TRY): N_("残り1回のため、実物のカードでは照合しません"),
    (Device.PHONE, Protection.NOT_OPTED_IN): N_("実物のスマートフォンには暗証番号を送りません"),
    (Device.PHONE, Protection.LAST_TRY): N_("残り1回のため、実物のスマートフォンでは照合しません"),
    (Device.CARD, Protection.NO_TRIES): N_(
        "残り回数が0回（ロック中、または暗証番号を設定していないカード）のため、実物のカードでは照合しません"
    ),
    (Device.PHONE, Protection.NO_TRIES): N_(
        "残り回数が0回（ロック中）のため、実物のスマートフォンでは照合しません"
    ),
    (Device.CARD, Protection.TRIES_UNKNOWN): N_("残り回数を読み取れないため、実物のカードでは照合しません"),
    (Device.PHONE, Protection.TRIES_UNKNOWN): N_(
        "残り回数を読み取れないため、実物のスマートフォンでは照合しません"
    ),
}


def describe(error: BaseException) -> str:
    """The marked text for ``error`` (the most specific kind first); any other exception as raised."""
    if isinstance(error, VpcdError):
        return N_(
            "vpcd に接続できません ({address}): pcscd と vsmartcard-vpcd は動いていますか?（{detail}）",
            address=error.address,
            detail=error.detail,
        )
    if isinstance(error, NotLoopbackError):
        return N_(
            "vpcd ブリッジはループバックアドレス（127.0.0.1、::1、localhost）にしかつなぎません: {host}",
            host=error.host,
        )
    if not isinstance(error, ReaderError):
        return shown_message(error)
    if isinstance(error, RealCardProtected):
        return PROTECTED[error.device, error.reason]
    if isinstance(error, CardRemovedError):
        return N_("カードが取り外されました")
    if isinstance(error, NoCardError):
        return N_("カードが置かれていません")
    return _service(error) if isinstance(error, ServiceUnavailableError) else _card(error)


def _service(error: ServiceUnavailableError) -> str:
    if isinstance(error, PcscNotInstalledError):
        return N_(
            "pyscard が入っていません。PC/SC を使うには {command} を実行してください", command=error.command
        )
    if isinstance(error, ServiceLostError):
        return N_("スマートカードサービスとの接続が切れました。")
    if isinstance(error, ReaderUnavailableError):
        return N_("カードリーダーが見つかりません: {reader}", reader=error.reader)
    if isinstance(error, NoReaderError):
        return _no_reader(error)
    return _no_service()


#: The commands that start and install the smart card service on Debian and Ubuntu (pcscd and the CCID driver
#: most USB readers need), as the message shows them.
START_PCSCD = "sudo systemctl start pcscd"
INSTALL_PCSCD = "sudo apt-get install pcscd libccid"


def _no_service() -> str:
    """pcscd is not running (or not installed): how to start it, where the commands are known (Debian and
    its derivatives: the packages of docs/en/clinic-guide.md). Elsewhere the service has other names."""
    if sys.platform.startswith("linux"):
        return N_(
            "スマートカードサービス (pcscd) に接続できません。Debian・Ubuntu では {start} で起動してください"
            "（入っていなければ、先に {install}）。",
            start=START_PCSCD,
            install=INSTALL_PCSCD,
        )
    return N_(
        "スマートカードサービスに接続できません。スマートカードのサービスが動いているか確認してください。"
    )


def _no_reader(error: NoReaderError) -> str:
    readers = ", ".join(repr(name) for name in error.available)
    if error.only_virtual:
        return N_(
            "仮想カードリーダーしかありません: {readers}。仮想リーダー (vsmartcard の vpcd) には、そのポートに"
            "つながるプログラムなら何でもカードを差し出せるため、名前を指定したときだけ使います: --reader pcsc:名前"
            "（例: --reader 'pcsc:{example}'）",
            readers=readers,
            example=error.available[0] if error.available else "Virtual PCD 00 00",
        )
    if error.wanted is None:
        return N_(
            "PC/SC のカードリーダーが見つかりません。USB のカードリーダーの接続を確認してください。"
            "vsmartcard の仮想リーダー (vpcd) なら、そのポート（既定 35963）を他のプログラムが使っていないか"
            "確認し、pcscd を再起動してください"
        )
    return N_(
        "名前に {name} を含む PC/SC のカードリーダーはありません。カードリーダー: {readers}",
        name=repr(error.wanted),
        readers=readers,
    )


def _in_use(error: CardInUseError) -> str:
    """Another program holds the card: which one is not known to PC/SC, so the usual ones are named."""
    if error.exclusive:
        return N_(
            "ほかのプログラムがカードリーダー {reader} のカードにつながっているため、排他モード"
            "（--share exclusive）では接続できません。公的個人認証の利用者クライアントソフトなど、カードを"
            "使うほかのプログラムを終了してから、カードを置き直してください。",
            reader=error.reader,
        )
    return N_(
        "ほかのプログラムがカードリーダー {reader} のカードを使用中です。公的個人認証の利用者クライアント"
        "ソフトなど、カードを使うほかのプログラムの処理が終わるのを待つか、そのプログラムを終了してから、"
        "カードを置き直してください。",
        reader=error.reader,
    )


def _card(error: ReaderError) -> str:
    if isinstance(error, BiometricNeeded):
        return N_("iPhoneで顔認証（Face ID）または指紋認証（Touch ID）を済ませてください")
    if isinstance(error, PhoneNotPresented):
        return N_("スマートフォンを読み取れませんでした")
    if isinstance(error, CardUnreadable):
        return N_("カードを読み取れませんでした")
    if isinstance(error, NoJpkiApplicationError):
        return N_("公的個人認証APがありません")
    if isinstance(error, CardMuteError):
        return N_("カードから応答がありません")
    if isinstance(error, CardInUseError):
        return _in_use(error)
    if isinstance(error, ProtocolMismatchError):
        return N_(
            "カードリーダー {reader} のカードは、指定した通信プロトコル ({protocols}) では使えません。"
            "--protocol any（既定: T=0 と T=1 のどちらでも）で試すか、ほかのプログラムが別のプロトコルで"
            "カードを使っていないか確認してください。",
            reader=error.reader,
            protocols=error.protocols,
        )
    if isinstance(error, CardResetError):
        return N_(
            "読み取りの途中で、ほかのプログラムがカードリーダー {reader} のカードをリセットしました。"
            "カードを置き直してください。練習中に割り込まれないようにするには --share exclusive で起動して"
            "ください。",
            reader=error.reader,
        )
    if isinstance(error, CardProtocolError):
        return N_("カードの応答がマイナンバーカードのものではありません")
    if isinstance(error, PcscError):
        return N_("カードリーダーでエラーが発生しました")
    return N_("カードの読み取り中にエラーが発生しました。")


def describe_exposure(exposure: VpcdExposure, *, short: bool = False) -> str:
    """The warning for vpcd listening beyond loopback: whole, with what it means and how to fix it (stderr,
    ``kiosk readers``), or ``short`` for the window's status bar."""
    listeners = ", ".join(str(s) for s in exposure.listeners)
    config = ", ".join(exposure.configs)
    if short:
        return N_(
            "警告: 仮想カードリーダー (vpcd) がネットワークに開いています（{listeners}）。誰でもカードを差し出し、"
            "そのカードに入力された暗証番号を受け取れます。{config} を削除して pcscd を再起動してください"
            "（詳しくは kiosk readers）",
            listeners=listeners,
            config=config,
        )
    return N_(
        "vsmartcard の仮想カードリーダー (vpcd) がネットワークに開いています（{listeners}）。"
        "このマシンに届く人は誰でも仮想リーダーにカードを差し出し、そのカードに送られる暗証番号を受け取れます。"
        "{config} を削除して（または vsmartcard-vpcd をアンインストールして）pcscd を再起動してください。"
        "vpcd には待ち受けるアドレスを 127.0.0.1 に限る設定がありません。使い続けるなら、ファイアウォールで"
        "ポート {ports} を閉じてください",
        listeners=listeners,
        config=config,
        ports=", ".join(str(port) for port in exposure.ports),
    )


#: The name of each card that is not a My Number card, as the card picker and the tour show it.
OTHER_CARDS = {
    OtherCardKind.TRANSIT: N_("交通系ICカード"),
    #: A plain NFC card enrolled as さくら's training card.
    OtherCardKind.NFC_TRAINING: N_("練習用NFCカード"),
}
