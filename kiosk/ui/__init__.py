"""The thin Qt layer: one widget per screen, a FlowController mapping flow states to screens."""
