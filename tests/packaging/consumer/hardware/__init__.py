"""The front desk's own hardware package (a receipt printer, say): same name as a folder of the kiosk's."""

PRINTER = "front-desk receipt printer"


def receipt(name: str) -> str:
    return f"受付: {name}"
