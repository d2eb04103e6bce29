"""The reception flow: a Qt-free state machine and the session that drives it with the card."""
