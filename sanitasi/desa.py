"""Villages (desa/kelurahan) in the STBM registry: codes, ODF status, the roll-up to kecamatan, the village view.

Dinkes reports STBM per desa; the dashboard's indicators (desa ODF, jamban sehat, masih BABS) are
defined on the kecamatan table. `rollup` sums the village rows into that table, counts first and
rates afterwards, so every page reads a desa import exactly as it reads a kecamatan one. The village
view (table and map by ODF status) is built here too, so the STBM page only renders it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from sanitasi import fmt, geo, i18n
from sanitasi.load import KODE_DESA, ODF_STATUS, STBM, Dataset, whole_numbers
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


# ------------------------------------------------------------------------------------- the village view
def year_for(desa: pd.DataFrame | None, tahun: int) -> int | None:
    """The village table's latest year up to the reference year, else its first year (None without a table).

    The bundled village table starts in 2021 (today's village codes): a reference year before that shows
    its first year, with a note, rather than no village view at all.
    """
    if desa is None or desa.empty:
        return None
    years = sorted(int(y) for y in desa["tahun"].unique())
    before = [y for y in years if y <= tahun]
    return before[-1] if before else years[0]


def status_label(status: str | None, lang: str = "id") -> str:
    return i18n.t(f"stbm.{status}", lang) if status in ODF_STATUS else i18n.t("stbm.desa_tanpa_data", lang)


def values(data: Dataset, tahun: int, lang: str = "id") -> pd.DataFrame:
    """One row per village in `tahun`: status, its date, and households with a healthy latrine (JSP + JSSP)."""
    desa = data.stbm_desa
    if desa is None:
        return pd.DataFrame()
    rows = desa.loc[desa["tahun"] == tahun].sort_values(["kode_wilayah", "kode_desa"]).reset_index(drop=True)
    names = dict(zip(data.wilayah["kode"], data.wilayah["nama"], strict=True))
    sehat = rows["kk_jsp"] + rows["kk_jssp"]
    share = 100.0 * sehat / rows["jumlah_kk"].where(rows["jumlah_kk"] > 0)
    when = pd.to_datetime(rows["tanggal_odf"].astype(object), errors="coerce", format="%Y-%m-%d")
    return pd.DataFrame({
        "kode": rows["kode_desa"].astype(str), "nama": rows["nama_desa"].astype(str),
        "kode_wilayah": rows["kode_wilayah"].astype(str), "kecamatan": rows["kode_wilayah"].map(names).astype(str),
        "tahun": rows["tahun"].astype("int64"), "status": rows["status_odf"].astype(str),
        "status_teks": [status_label(s, lang) for s in rows["status_odf"]],
        "tanggal": when, "tanggal_teks": [d.strftime("%d-%m-%Y") if not pd.isna(d) else "" for d in when],
        "jumlah_kk": rows["jumlah_kk"].astype("int64"), "kk_sehat": sehat.astype("int64"),
        "pct_sehat": share.astype("float64"), "kk_od": rows["kk_od"].astype("int64"),
        "sehat_teks": [f"{fmt.kk(k, lang)} ({fmt.pct(p, lang=lang)})" for k, p in zip(sehat, share, strict=True)],
    })


def table(frame: pd.DataFrame, lang: str = "id"):
    """The village table to show: numbers stay numbers (the columns sort), formatted the Indonesian way.

    With village boundaries, a column says whether each village is on the map (`peta_teks`, from `view`).
    """
    from sanitasi.views import Table

    t = i18n.t
    cols = {"nama": t("stbm.k_desa", lang), "kecamatan": t("tabel.kecamatan", lang),
            "status_teks": t("stbm.k_status", lang), "tanggal": t("stbm.k_tanggal", lang),
            "jumlah_kk": t("tabel.jumlah_kk", lang), "kk_sehat": t("stbm.k_kk_sehat", lang),
            "pct_sehat": t("stbm.k_pct_sehat", lang), "kk_od": t("stbm.k_kk_od", lang)}
    if "peta_teks" in frame.columns:
        cols["peta_teks"] = t("stbm.k_peta", lang)
    shown = frame[list(cols)].rename(columns=cols) if len(frame) else pd.DataFrame(columns=list(cols.values()))
    formats = {cols[c]: (lambda v: fmt.number(v, 0, lang)) for c in ("jumlah_kk", "kk_sehat", "kk_od")}
    formats[cols["pct_sehat"]] = lambda v: fmt.number(v, 1, lang)
    formats[cols["tanggal"]] = lambda d: "" if pd.isna(d) else d.strftime("%d-%m-%Y")
    return Table(shown, shown.style.format(formats))


MAP_PROPERTIES = ["kode", "nama", "kecamatan", "status", "status_teks", "tanggal_teks", "sehat_teks"]
VILLAGE_MAP_PX = 440  # the village map's size at its smallest (STBM page, 1024x768): names are placed for it


@dataclass(frozen=True)
class VillageView:
    """What the STBM page shows per village for one year: a sentence, the table, and the map when it can."""

    tahun: int
    text: str
    values: pd.DataFrame
    table: Any  # views.Table
    features: list[dict] | None  # village polygons with the values; None without desa boundaries
    outlines: list[dict] | None  # kecamatan borders made from the same village polygons
    labels: pd.DataFrame | None  # kecamatan names on the map
    notes: list[str]


def view(data: Dataset, tahun: int, lang: str = "id") -> VillageView | None:
    """The village view for the reference year (the latest village year up to it); None without a desa table."""
    year = year_for(data.stbm_desa, tahun)
    if year is None:
        return None
    v = values(data, year, lang)
    counts = v["status"].value_counts()
    text = i18n.t("stbm.desa_ringkas", lang, tahun=year, desa=fmt.number(len(v), 0, lang),
                  terverifikasi=fmt.number(counts.get("terverifikasi", 0), 0, lang),
                  deklarasi=fmt.number(counts.get("deklarasi", 0), 0, lang),
                  belum=fmt.number(counts.get("belum", 0), 0, lang))
    notes: list[str] = []
    if data.illustrative("stbm_desa"):
        notes.append(i18n.t("stbm.desa_ilustratif", lang))
    if year != tahun:
        notes.append(i18n.t("stbm.desa_tahun_lain", lang, tahun=year, acuan=tahun))
    features = outlines = labels = None
    if data.batas_desa is not None and not data.batas_desa.empty:
        supplier = data.sumber.get("batas_desa", 0)
        features, outlines, labels = map_layers(data.batas_desa, v, data.wilayah, lang)
        features = geo.with_credit(features, supplier)
        drawn = set(data.batas_desa["kode"].astype(str))
        on_map = v["kode"].isin(drawn)
        v = v.assign(peta_teks=[i18n.t("stbm.peta_ya" if d else "stbm.peta_tidak", lang) for d in on_map])
        missing = v.loc[~on_map, "nama"].tolist()
        if missing:
            # the bundled boundaries are the 2022 list: a listed village missing from them is one formed since
            listed = set(data.daftar_desa["kode"]) if data.daftar_desa is not None else set()
            new = str(supplier) == "0" and set(v.loc[~on_map, "kode"]) <= listed
            key = "stbm.desa_baru_tanpa_poligon" if new else "stbm.desa_tanpa_poligon"
            notes.append(i18n.t(key, lang, n=len(missing), nama=", ".join(missing[:10])
                                + (", …" if len(missing) > 10 else "")))
        empty = len(drawn - set(v["kode"]))
        if empty:
            notes.append(i18n.t("stbm.desa_poligon_kosong", lang, n=empty, tahun=year))
    return VillageView(year, text, v, table(v, lang), features, outlines, labels, notes)


def map_layers(batas_desa: gpd.GeoDataFrame, values: pd.DataFrame, wilayah: pd.DataFrame,
               lang: str = "id") -> tuple[list[dict], list[dict], pd.DataFrame]:
    """Village features carrying the values, kecamatan outlines and label points, from one simplification.

    The villages are simplified together first and the kecamatan are dissolved from the simplified
    villages, so the outlines lie exactly on the village borders. Every ring is wound for Vega (geo).
    """
    shapes = geo.simplify(batas_desa.to_crs(geo.GEOGRAPHIC), geo.map_tolerance(batas_desa))
    features = geo.to_features(shapes[["kode", "geometry"]], values, key="kode", properties=MAP_PROPERTIES,
                               tolerance=0)
    # a village without a row this year still has its name (from the boundary file) in the tooltip, and says
    # it has no data
    names = dict(zip(batas_desa["kode"].astype(str), batas_desa["nama"], strict=True))
    kec_names = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))
    kec_of = dict(zip(batas_desa["kode"].astype(str), batas_desa["kode_wilayah"].astype(str), strict=True))
    for f in features:
        p = f["properties"]
        if p.get("status") is None:
            p["nama"] = None if pd.isna(names.get(p["kode"])) else names.get(p["kode"])
            p["kecamatan"] = kec_names.get(kec_of.get(p["kode"]))
            p["status_teks"] = status_label(None, lang)
    kec = shapes.dissolve(by="kode_wilayah", as_index=False)[["kode_wilayah", "geometry"]]
    outlines = geo.to_features(kec, key="kode_wilayah", properties=["kode_wilayah"], tolerance=0)
    labels = geo.placed_labels(kec, kec_names, map_px=VILLAGE_MAP_PX, key="kode_wilayah")
    return features, outlines, labels
