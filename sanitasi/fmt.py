"""Numbers as officials write them: decimal comma and thousands dot in Indonesian, the reverse in English.

Streamlit and Vega format numbers the English way, so every number a user reads is formatted here.
A missing value is shown as a dash, never as "nan" or 0. Negative numbers use the minus sign (−),
which reads better on a projector than a hyphen.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal
from numbers import Real

import pandas as pd

MISSING = "–"
MINUS = "−"


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return bool(math.isnan(float(x)))
    except (TypeError, ValueError):
        return True


def _round(x, decimals: int) -> float:
    """Half away from zero on the digits as written, as officials (and Excel) round: 82.55 -> 82.6.

    Python's `round` works on the binary value (82.55 is stored as 82.5499...) and rounds ties to even.
    """
    v = float(x)
    if not math.isfinite(v):
        return v
    exact = Decimal(repr(v)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=Context(prec=400))
    return float(exact)


def number(x, decimals: int = 0, lang: str = "id") -> str:
    """12345.678 -> "12.345,7" (id) or "12,345.7" (en) with `decimals=1`."""
    if _missing(x):
        return MISSING
    v = _round(x, decimals)
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
    """1.2e9 -> "Rp1,2 miliar"; 350000 -> "Rp350.000"; 999.95e6 -> "Rp1 miliar" (never "Rp1.000 juta")."""
    if _missing(x):
        return MISSING
    v = float(x)
    sign = MINUS if v < 0 else ""
    v = abs(v)
    scales = list(reversed(_SCALES_EN if lang == "en" else _SCALES_ID))  # juta, miliar, triliun
    fits = [i for i, (size, _) in enumerate(scales) if v >= size]
    if not fits:
        return f"{sign}Rp{number(v, 0, lang)}"
    i = fits[-1]
    # the scale is judged after rounding: 999,95 juta rounds to 1.000,0 juta, so it is written in miliar
    if i + 1 < len(scales) and _round(v / scales[i][0], decimals) >= 1000:
        i += 1
    size, word = scales[i]
    amount = number(v / size, decimals, lang)
    if decimals and amount.endswith(("," + "0" * decimals, "." + "0" * decimals)):
        amount = amount[: -(decimals + 1)]
    return f"{sign}Rp{amount} {word}"


def delta(x, unit: str | None = None, decimals: int = 1, lang: str = "id") -> str:
    """Signed change: 1.44 -> "+1,4 poin"; -0.5 -> "−0,5 poin"; 0 -> "±0 poin"."""
    if _missing(x):
        return MISSING
    word = unit if unit is not None else ("points" if lang == "en" else "poin")
    v = _round(x, decimals)
    body = "±" + number(0, 0, lang) if v == 0 else ("+" if v > 0 else "") + number(v, decimals, lang)
    return f"{body} {word}".rstrip()


def rate(x, lang: str = "id", decimals: int = 2) -> str:
    """Percentage points per year: 1.234 -> "+1,23 poin/tahun"."""
    unit = "points/year" if lang == "en" else "poin/tahun"
    return delta(x, unit, decimals, lang)


def ratio(x, lang: str = "id") -> str:
    """Current rate as a share of the required rate: 0.853 -> "85%"."""
    return MISSING if _missing(x) else pct(100 * float(x), 0, lang)


def absent(reason: str) -> str:
    """A dash that says why it stands: "– (tidak ada target)". A bare dash on a projector reads as zero or as a
    fault; every missing figure a person sees carries its reason."""
    return f"{MISSING} ({reason})"


def year(x) -> str:
    """2027.0 -> "2027"; missing -> "–"."""
    return MISSING if _missing(x) else str(int(x))


def is_missing(x) -> bool:
    return _missing(x)


def is_number(x) -> bool:
    return isinstance(x, Real) and not _missing(x)


MONTHS = {"id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                 "November", "Desember"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")}


def date(d, lang: str = "id") -> str:
    """One date style on every page, slide and export: 2025-11-14 -> "14 November 2025" ("14 Mei 2025" in Bahasa
    Indonesia); a text that is not a date is returned as it is, missing -> "–"."""
    if d is None or (isinstance(d, Real) and _missing(d)) or (isinstance(d, str) and not d.strip()):
        return MISSING
    try:
        when = pd.Timestamp(d)
    except (ValueError, TypeError):
        return str(d)
    if pd.isna(when):
        return MISSING
    return f"{when.day} {MONTHS[lang][when.month - 1]} {when.year}"


# what can start markup in Streamlit's markdown (HTML tags, links, images, emphasis, code, maths, tables,
# colour and icon directives, entities) and the escape itself; not `-`, `.` or `(`: names keep them as typed
_ACTIVE = re.compile(r"[\\`*_\[\]<>$~|&#]")


def has_markup(text: str) -> bool:
    """Could `text` be read as markup by markdown or HTML (an imported name that needs `inert`)? An underscore
    inside a word never is (CommonMark's intraword rule): codes such as `babs_terbuka` or `dana_desa` are not, and
    escaping them would reach file names, choices and keys as `babs\\_terbuka`."""
    return bool(_ACTIVE.search(_INTRAWORD.sub("", text)))


_INTRAWORD = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")


def uninert(text: str) -> str:
    """`inert` undone, for the places that show a view's text as text, not markdown (an HTML box that escapes it)."""
    return re.sub(r"\\([\\`*_\[\]<>$~|&#])", r"\1", text)


# what `markdown_html` reads: an escape (`inert`'s), bold, a hard line break ("  \n") or a plain one
_OUR_MARKDOWN = re.compile(r"\\([\\`*_\[\]<>$~|&#])|\*\*| {2}\n|\n")


def markdown_html(text: str) -> str:
    """The markdown of our own sentences as HTML, for figures drawn as one HTML block instead of a markdown element
    each: `**bold**`, line breaks, and `inert`'s escapes, so an imported name shows as typed. Everything else is
    text and comes out escaped: no tag but <strong> and <br> can come out of it, whatever the text holds."""
    out, bold, at = [], False, 0
    for m in _OUR_MARKDOWN.finditer(text):
        out.append(html.escape(text[at:m.start()], quote=False))
        if m.group(1) is not None:
            out.append(html.escape(m.group(1), quote=False))
        elif m.group() == "**":
            out.append("</strong>" if bold else "<strong>")
            bold = not bold
        else:
            out.append("<br>")
        at = m.end()
    out.append(html.escape(text[at:], quote=False))
    return "".join(out) + ("</strong>" if bold else "")


def inert(text: str, within: Iterable[str] | None = None) -> str:
    """Imported text as data, never markup: every character that could start markdown or HTML is escaped, so
    `RPJMN <img onerror=...>` and `**tebal**` show as typed and `![](http://...)` is text, not a picture every
    viewer's browser would fetch.

    With `within` (the imported texts of the data in use), only those texts are escaped where they occur in `text`,
    which is the app's own markdown around them: a sentence keeps its own emphasis, the names in it are inert."""
    if within is None:
        return _ACTIVE.sub(lambda m: "\\" + m.group(), text)
    for value in sorted(within, key=len, reverse=True):  # a name inside a longer one is escaped as part of it
        if value and value in text:
            text = text.replace(value, inert(value))
    return text
