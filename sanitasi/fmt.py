"""Numbers as officials write them: decimal comma and thousands dot in Indonesian, the reverse in English.

Streamlit and Vega format numbers the English way, so every number a user reads is formatted here.
A missing value is shown as a dash, never as "nan" or 0. Negative numbers use the minus sign (−),
which reads better on a projector than a hyphen.
"""

from __future__ import annotations

import math
from numbers import Real

MISSING = "–"
MINUS = "−"


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return bool(math.isnan(float(x)))
    except (TypeError, ValueError):
        return True


def number(x, decimals: int = 0, lang: str = "id") -> str:
    """12345.678 -> "12.345,7" (id) or "12,345.7" (en) with `decimals=1`."""
    if _missing(x):
        return MISSING
    v = round(float(x), decimals)
    if v == 0:
        v = 0.0  # no "-0"
    text = f"{abs(v):,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return (MINUS if v < 0 else "") + text


def pct(x, decimals: int = 1, lang: str = "id") -> str:
    """82.55 -> "82,6%"."""
    return MISSING if _missing(x) else number(x, decimals, lang) + "%"


def kk(x, lang: str = "id") -> str:
    """12345 -> "12.345 KK" (households, rounded to whole ones)."""
    if _missing(x):
        return MISSING
    unit = "households" if lang == "en" else "KK"
    return f"{number(x, 0, lang)} {unit}"


_SCALES_ID = ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"))
_SCALES_EN = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def rupiah(x, lang: str = "id", decimals: int = 1) -> str:
    """1.2e9 -> "Rp1,2 miliar"; 350000 -> "Rp350.000"."""
    if _missing(x):
        return MISSING
    v = float(x)
    sign = MINUS if v < 0 else ""
    v = abs(v)
    for size, word in _SCALES_EN if lang == "en" else _SCALES_ID:
        if v >= size:
            amount = number(v / size, decimals, lang)
            if amount.endswith(("," + "0" * decimals, "." + "0" * decimals)) and decimals:
                amount = amount[: -(decimals + 1)]
            return f"{sign}Rp{amount} {word}"
    return f"{sign}Rp{number(v, 0, lang)}"


def delta(x, unit: str | None = None, decimals: int = 1, lang: str = "id") -> str:
    """Signed change: 1.44 -> "+1,4 poin"; -0.5 -> "−0,5 poin"; 0 -> "±0 poin"."""
    if _missing(x):
        return MISSING
    word = unit if unit is not None else ("points" if lang == "en" else "poin")
    v = round(float(x), decimals)
    body = "±" + number(0, decimals, lang) if v == 0 else ("+" if v > 0 else "") + number(v, decimals, lang)
    return f"{body} {word}".rstrip()


def rate(x, lang: str = "id", decimals: int = 2) -> str:
    """Percentage points per year: 1.234 -> "+1,23 poin/tahun"."""
    unit = "points/year" if lang == "en" else "poin/tahun"
    return delta(x, unit, decimals, lang)


def ratio(x, lang: str = "id") -> str:
    """Current rate as a share of the required rate: 0.853 -> "85%"."""
    return MISSING if _missing(x) else pct(100 * float(x), 0, lang)


def year(x) -> str:
    """2027.0 -> "2027"; missing -> "–"."""
    return MISSING if _missing(x) else str(int(x))


def is_number(x) -> bool:
    return isinstance(x, Real) and not _missing(x)
