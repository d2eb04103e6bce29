"""Domain rules of マイナ保険証 reception, each traced to its source in docs/domain.md. No Qt here."""
