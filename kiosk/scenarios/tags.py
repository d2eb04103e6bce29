"""The tags a scenario file may give (``tags = ["子ども", "暗証番号"]``): a fixed vocabulary, each marked for
translation, so ``kiosk --lang en scenario list`` shows them in English (docs/scenarios.md, "Tags").

A tag outside the vocabulary is kept as written: it loads (a tag is a label for finding a scenario, not
something the reader does), ``kiosk scenario check`` flags it, and the English output shows it as written.
Not imported at start-up: only the command line shows tags.
"""

from __future__ import annotations

from mynakiosk.i18n import N_

#: The known tags, in the order docs/scenarios.md lists them: who, what happens, which card or document.
KNOWN_TAGS: tuple[str, ...] = (
    # who
    N_("子ども"),
    N_("新生児"),
    N_("乳児"),
    N_("高齢者"),
    N_("後期高齢者"),
    N_("家族で受付"),
    N_("職員向け"),
    # what happens
    N_("通常"),
    N_("初診"),
    N_("初回登録"),
    N_("転職"),
    N_("扶養変更"),
    N_("マイナンバー未提出"),
    N_("ロック"),
    N_("紛失"),
    N_("機種変更"),
    N_("機器トラブル"),
    N_("誤紐づけ"),
    N_("複数該当"),
    N_("個別照会"),
    N_("暫定措置"),
    N_("非対応"),
    N_("2025年"),
    # the result
    N_("有効"),
    N_("資格無効"),
    N_("該当資格なし"),
    N_("資格情報なし"),
    N_("資格有効性"),
    N_("負担割合"),
    N_("高額療養費"),
    N_("医療扶助"),
    # cards, certificates, phones and documents
    N_("暗証番号"),
    N_("目視確認"),
    N_("顔写真なし"),
    N_("顔認証マイナンバーカード"),
    N_("電子証明書"),
    N_("更新アラート"),
    N_("猶予期間"),
    N_("期限切れ"),
    N_("一時保留"),
    N_("失効"),
    N_("スマホ保険証"),
    N_("Android"),
    N_("iPhone"),
    N_("従来の保険証"),
    N_("資格確認書"),
    N_("資格情報のお知らせ"),
    N_("被保険者資格申立書"),
)


def unknown_tags(tags: tuple[str, ...]) -> list[str]:
    """The tags not in the vocabulary, in the file's order (shown as written in every language)."""
    return [tag for tag in tags if tag not in KNOWN_TAGS]
