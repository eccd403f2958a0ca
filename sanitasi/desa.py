"""Villages (desa/kelurahan) in the STBM registry: codes, ODF status, and the roll-up to kecamatan.

Dinkes reports STBM per desa; the dashboard's indicators (desa ODF, jamban sehat, masih BABS) are
defined on the kecamatan table. `rollup` sums the village rows into that table, counts first and
rates afterwards, so every page reads a desa import exactly as it reads a kecamatan one. The village
view (table and map by ODF status) is the STBM page's (`sanitasi.views.stbm`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from sanitasi.load import KODE_DESA, ODF_STATUS, STBM, whole_numbers
from sanitasi.schema import validate

COUNTS = ("kk_jsp", "kk_jssp", "kk_sharing", "kk_od")


# ------------------------------------------------------------------------------------- codes and statuses
def code_text(value: Any) -> str:
    """A code cell as text: Excel hands over 6310012005 as a number (sometimes 6310012005.0)."""
    if value is None:
        return ""
    if isinstance(value, float | np.floating):
        return "" if np.isnan(value) else (str(int(value)) if float(value).is_integer() else str(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    return str(value).strip()


def parse_code(value: Any) -> str | None:
    """'63.10.01.2005' or '6310012005' -> '63.10.01.2005'; None when it is no Kemendagri desa code ('' if empty)."""
    text = code_text(value).replace(" ", "")
    if not text:
        return ""
    if KODE_DESA.match(text):
        return text
    if re.fullmatch(r"\d{10}", text):
        return f"{text[:2]}.{text[2:4]}.{text[4:6]}.{text[6:]}"
    return None


def kecamatan_of(kode_desa: str) -> str:
    """The kecamatan part of a desa code: '63.10.01.2005' -> '63.10.01'."""
    return kode_desa[:8]


# Words that say nothing about which of the three statuses is meant ("Sudah ODF" alone could be either
# a declaration or a verification, so it is asked about, not guessed).
_FILLER = {"odf", "sbs", "stop", "babs", "sudah", "desa", "status", "open", "defecation", "free", "yet", "telah"}
_STATUS_WORDS = {
    ("belum",): "belum", ("tidak",): "belum", ("bukan",): "belum", ("not",): "belum", ("no",): "belum",
    ("belum", "deklarasi"): "belum", ("none",): "belum",
    ("deklarasi",): "deklarasi", ("dideklarasikan",): "deklarasi", ("declared",): "deklarasi",
    ("deklarasi", "belum", "verifikasi"): "deklarasi", ("deklarasi", "belum", "terverifikasi"): "deklarasi",
    ("deklarasi", "belum", "diverifikasi"): "deklarasi", ("declared", "not", "verified"): "deklarasi",
    ("terverifikasi",): "terverifikasi", ("verifikasi",): "terverifikasi", ("diverifikasi",): "terverifikasi",
    ("verified",): "terverifikasi", ("deklarasi", "terverifikasi"): "terverifikasi",
    ("deklarasi", "dan", "terverifikasi"): "terverifikasi",
}


def parse_status(value: Any) -> str | None:
    """'ODF terverifikasi', 'Terverifikasi', 'Sudah deklarasi', 'Belum ODF' -> one of ODF_STATUS; else None.

    The dashboard's own labels in both languages read back too ('Deklarasi, belum verifikasi', 'Verified ODF').
    """
    words = _status_words(value)
    if len(words) == 1 and words[0] in ODF_STATUS:
        return words[0]
    return _STATUS_WORDS.get(words)


def is_ambiguous_status(value: Any) -> bool:
    """'ODF', 'SBS', 'Sudah ODF': a status that could be a declaration or a verification."""
    return bool(str(value or "").strip()) and not _status_words(value) and bool(re.search(r"[a-z]", str(value).lower()))


def _status_words(value: Any) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^a-z]+", str(value or "").lower()) if w and w not in _FILLER)


# ------------------------------------------------------------------------------------- roll-up
def rollup(desa: pd.DataFrame | None) -> pd.DataFrame:
    """Village rows summed per kecamatan and year into the STBM kecamatan contract.

    jumlah_desa = the villages reported; desa_odf_* = how many of them have each status; the household
    columns are sums, and kk_lainnya = jumlah_kk minus the four reported kinds (neither healthy nor open
    defecation).
    """
    if desa is None or desa.empty:
        return whole_numbers(validate(pd.DataFrame(columns=STBM.names), STBM))
    rows = desa.assign(_ver=desa["status_odf"].eq("terverifikasi").astype("int64"),
                       _dek=desa["status_odf"].eq("deklarasi").astype("int64"))
    g = rows.groupby(["kode_wilayah", "tahun"], as_index=False, sort=True).agg(
        jumlah_desa=("kode_desa", "size"), desa_odf_terverifikasi=("_ver", "sum"), desa_odf_deklarasi=("_dek", "sum"),
        jumlah_kk=("jumlah_kk", "sum"), **{c: (c, "sum") for c in COUNTS},
        sumber=("sumber", lambda s: "; ".join(dict.fromkeys(str(v) for v in s.dropna())) or None))
    g = g.assign(kk_lainnya=g["jumlah_kk"] - g[list(COUNTS)].sum(axis=1))
    return whole_numbers(validate(g[STBM.names], STBM))
