"""The kecamatan map: each polygon's value, target, gap, status and households, its GeoJSON features and labels,
the equal-tile layout, the fixed colour classes and the ranking beside the map."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sanitasi import fmt, geo, i18n, indicators, judging, lineage, progress, targets
from sanitasi.analysis import Analysis
from sanitasi.cards import count_text
from sanitasi.documents import applicable
from sanitasi.progress import status_label


def map_indicators() -> list[str]:
    """Indicators measured per kecamatan, in the order the map offers them."""
    order = [*indicators.HEADLINE, "desa_odf", "stbm_jamban_sehat", "genangan"]
    return [k for k in order if indicators.get(k).tingkat == "kecamatan"]


def map_basis(an: Analysis) -> int | None:
    """The year whose kecamatan the boundary file draws when it predates a split, else None (today's).

    A BIG or GADM file from before 2021 has Kusan Hilir and Kusan Hulu on their old, larger areas and
    no Kusan Tengah or Teluk Kepayang: its polygons must be coloured with data on those old boundaries.
    """
    drawn = set(an.data.batas["kode"].astype(str))
    kids = an.data.wilayah.dropna(subset=["pemekaran_dari"])
    missing = kids.loc[~kids["kode"].isin(drawn) & kids["pemekaran_dari"].isin(drawn)]
    return int(missing["berlaku_sejak"].min()) - 1 if len(missing) else None


def _map_row(kode: str, nama: str, r: pd.Series | None, j: judging.Judgement | None, ind: indicators.Indicator,
             catatan: str, lang: str) -> dict:
    """One polygon's map properties from its data row `r` (the reference year) and its judgement `j` (target,
    status and the year it speaks of, `sanitasi.judging`)."""
    value = float(r[ind.kolom]) if r is not None else np.nan
    tgt = j.target if j is not None and j.target is not None else np.nan
    gap = ind.arah * (value - tgt) if not (np.isnan(value) or np.isnan(tgt)) else np.nan
    households = None
    if r is not None and ind.persen:
        # units short of the indicator: households (or villages) without it, or still practising it
        have = int(indicators.households_with(r, ind.kode))
        households = int(r[ind.penyebut]) - have if ind.arah > 0 else have
    st = j.status if j is not None and j.status != judging.NO_TARGET else None
    why = i18n.t("kosong.tanpa_data" if np.isnan(value) else "kosong.tanpa_target", lang)  # a gap needs both
    return {
        "kode": kode, "nama": nama, "nilai": value, "target": tgt, "selisih": gap,
        "status": st or "tanpa_target", "kelas": _class_label(value, ind.kode, lang), "kk": households,
        "nilai_teks": ind.teks(value, lang),
        "target_teks": fmt.absent(i18n.t("kosong.tanpa_target", lang)) if np.isnan(tgt) else ind.teks(tgt, lang, 0),
        # in words that follow the indicator's direction: "kurang 3,5 poin", "5,6 poin di atas batas target"
        "selisih_teks": judging.gap_text(j, value, lang) if j is not None and not np.isnan(gap) else fmt.absent(why),
        "status_teks": status_label(st, lang),  # the plain label: the status colours' legend
        # the status with the year it speaks of, and both years when that is not the latest (tooltips, tables)
        "status_lengkap": judging.status_text(j, lang) if j is not None else status_label(None, lang),
        "dinilai_teks": judging.judged_text(j, lang) if j is not None else "",
        "sejak": j.sejak if j is not None else None,
        # a quantity (hectares of standing water) has no units short to count: its tooltip leaves the line out
        "kk_teks": count_text(ind, households, lang) if households is not None
        else fmt.absent(i18n.t("kosong.tanpa_data", lang)) if ind.persen else "",
        "catatan": catatan,
    }


def map_values(an: Analysis, indikator: str, dokumen: str, lang: str = "id") -> pd.DataFrame:
    """Per kecamatan polygon: value in the reference year, target, gap, status, households.

    On today's boundaries a child polygon shows its parent's value for years before the 2021 split
    (the data then covered both); on a boundary file from before the split, the old parents are
    coloured with their children added back (`map_basis`). `catatan` says which.
    """
    ind = indicators.get(indikator)
    wil = an.data.wilayah
    year = an.tahun
    basis = map_basis(an)
    if basis is not None:
        return _map_values_old(an, ind, dokumen, basis, lang)
    holder = lineage.ancestor_on(wil, year)
    kec_rows = an.frames(indikator)[0]
    rows_y = kec_rows.loc[kec_rows["tahun"] == year].set_index("kode_wilayah")
    judged = judging.judge_all(an, indikator, dokumen, wil["kode"].tolist()).set_index("kode_wilayah", drop=False)
    out = []
    for kode, nama in zip(wil["kode"], wil["nama"], strict=True):
        src = holder[kode]
        r = rows_y.loc[src] if src in rows_y.index else None
        j = judging.from_row(judged.loc[kode], dokumen)
        note = i18n.t("peta.data_induk", lang, induk=an.data.nama(src), tahun=year) if src != kode else ""
        out.append(_map_row(kode, nama, r, j, ind, note, lang))
    return pd.DataFrame(out)


def map_note(an: Analysis, lang: str = "id") -> str:
    """A line under the map when the boundary file is from before a split ('' otherwise)."""
    basis = map_basis(an)
    if basis is None:
        return ""
    return i18n.t("peta.catatan_batas_lama", lang, tahun=basis, n=an.data.batas["kode"].nunique())


def map_row(an: Analysis, values: pd.DataFrame, kode: str) -> pd.Series:
    """The map row for a chosen kecamatan; a kecamatan the map does not draw falls back to its parent."""
    hit = values.loc[values["kode"] == kode]
    if hit.empty:
        parent = an.data.wilayah.set_index("kode")["pemekaran_dari"].get(kode)
        hit = values.loc[values["kode"] == parent] if isinstance(parent, str) else hit
    return hit.iloc[0] if len(hit) else values.iloc[0]


def _map_values_old(an: Analysis, ind: indicators.Indicator, dokumen: str, basis: int, lang: str) -> pd.DataFrame:
    wil = an.data.wilayah
    frame = lineage.on_boundaries_of(an.rows(ind.tabel), wil, basis)
    kids = wil.dropna(subset=["pemekaran_dari"]).groupby("pemekaran_dari")["nama"].agg(", ".join).to_dict()
    out = []
    for kode, nama in zip(wil["kode"], wil["nama"], strict=True):
        series = frame.loc[frame["kode_wilayah"] == kode].sort_values("tahun")
        if series.empty:
            continue  # a kecamatan that did not exist yet: inside its parent on this map
        r = series.iloc[-1] if int(series["tahun"].iloc[-1]) == an.tahun else None
        doc = applicable(an.data.target, dokumen, ind.kode)
        rows = targets.rows_for(an.data.target, doc, ind.kode, kode) if doc is not None else pd.DataFrame()
        j = None
        if not rows.empty:
            tgt, tyear = float(rows["nilai"].iloc[-1]), int(rows["tahun"].iloc[-1])
            res = progress.assess(series["tahun"], series[ind.kolom], target=tgt, target_year=tyear,
                                  direction=ind.arah, bounds=ind.batas)
            j = judging.Judgement(kode, ind.kode, dokumen, doc, tgt, tyear, res.status.value, res.judged_year,
                                  res.judged_value, res.latest_year, res.latest_value)
        note = i18n.t("peta.batas_lama", lang, anak=kids[kode], tahun=basis) if kode in kids else ""
        out.append(_map_row(kode, nama, r, j, ind, note, lang))
    return pd.DataFrame(out)


MAP_PROPERTIES = ["kode", "nama", "nilai", "kelas", "selisih", "status_teks", "status_lengkap", "dinilai_teks",
                  "nilai_teks", "target_teks", "selisih_teks", "kk_teks", "catatan"]


def map_features(an: Analysis, values: pd.DataFrame) -> list[dict]:
    """GeoJSON features of the kecamatan carrying the map values (only what the map shows) and the version that
    supplied the boundaries, which the map builders turn into the boundaries' source line."""
    features = geo.to_features(an.data.batas, values, key="kode", properties=MAP_PROPERTIES)
    return geo.with_credit(features, an.data.sumber.get("batas", 0))


# The kecamatan map's size at its smallest: Peta at 1024x768 draws the district about 300 px across.
MAP_PX = 300


def map_labels(an: Analysis) -> pd.DataFrame:
    """Where each kecamatan's name sits on the map: `kode, lon, lat, nama`, moved apart where two would collide."""
    # two-word names on two lines: half as wide, so neighbouring labels do not collide
    names = {k: str(n).replace(" ", "\n", 1) for k, n in an.data.names.items()}
    return geo.placed_labels(an.data.batas, names, map_px=MAP_PX)


def tiles(an: Analysis, values: pd.DataFrame) -> pd.DataFrame:
    """Map values on an equal-tile grid, with a two-line label (name, value)."""
    grid = geo.tile_grid(an.data.wilayah)
    out = values.merge(grid, on="kode", how="left")
    return out.assign(label=out["nama"] + "\n" + out["nilai_teks"])


def class_breaks(indikator: str) -> tuple[float, ...]:
    return indicators.get(indikator).kelas


def class_labels(indikator: str, lang: str = "id") -> list[str]:
    """Legend labels of the fixed classes, e.g. "< 60%", "60–70%", ..., "≥ 90%"."""
    b = class_breaks(indikator)
    ind = indicators.get(indikator)
    unit = "%" if ind.persen else " " + ind.satuan(lang)
    lab = [f"< {fmt.number(b[0], 0, lang)}{unit}"]
    lab += [f"{fmt.number(lo, 0, lang)}–{fmt.number(hi, 0, lang)}{unit}" for lo, hi in zip(b[:-1], b[1:], strict=True)]
    lab.append(f"≥ {fmt.number(b[-1], 0, lang)}{unit}")
    return lab


def _class_label(value: float, indikator: str, lang: str) -> str | None:
    if value is None or np.isnan(value):
        return None
    b = class_breaks(indikator)
    return class_labels(indikator, lang)[int(np.searchsorted(b, value, side="right"))]


def ranked(values: pd.DataFrame, indikator: str) -> pd.DataFrame:
    """The map values ordered best first (by the indicator's direction), with a rank 1..n."""
    ind = indicators.get(indikator)
    v = values.dropna(subset=["nilai"])
    v = v.sort_values("nilai", ascending=ind.arah < 0, kind="stable").reset_index(drop=True)
    return v.assign(peringkat=np.arange(1, len(v) + 1))

