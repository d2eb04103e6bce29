"""マイナ受付シミュレータ: the 顔認証付きカードリーダー reception flow, over PC/SC or an in-process reader."""

__version__ = "0.1.0"
