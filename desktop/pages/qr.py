"""QR codes for official web addresses on printed sheets, so a person can open the form or
the court's page from their phone. Made with segno (pure Python, imported only when a sheet
with an address is printed), embedded as a PNG data URI that Qt's rich text draws."""

from __future__ import annotations

from functools import lru_cache

BORDER = 2   # quiet zone, in modules (the standard asks for 4; 2 reads well on paper)
SCALE = 4    # pixels per module in the PNG; the page draws it at a fixed size


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m", micro=False).png_data_uri(scale=SCALE, border=BORDER)


def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules (True = dark), without the quiet zone: what a test compares."""
    import segno

    code = segno.make(url, error="m", micro=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix)
