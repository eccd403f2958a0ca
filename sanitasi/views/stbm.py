"""STBM: ODF villages by kecamatan, the Health Office's cards, the two access numbers (Susenas and STBM) side by
side, and the village view (a sentence, the map by ODF status and the table) when a desa table has been loaded."""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd

from sanitasi import charts, fmt, geo, i18n, indicators, lineage
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.cards import Card, cards
from sanitasi.documents import target_documents
from sanitasi.load import ODF_STATUS, Dataset, names_of
from sanitasi.views.display import Figure, Table, source_line

CARDS = ("desa_odf", "stbm_jamban_sehat", "stbm_od")
# Each Susenas-style measure and its STBM counterpart, in the order the page shows them (left, right).
PAIRS = (("layak", "stbm_jamban_sehat"), ("babs_terbuka", "stbm_od"))
_PAIR_TITLES = {"layak": "stbm.grafik_dua_layak", "babs_terbuka": "stbm.grafik_dua_babs"}


@dataclass(frozen=True)
class Settings:
    dokumen: str  # judges the cards (each card falls back to the document that sets its target)
    lang: str = "id"


@dataclass(frozen=True)
class OdfSummary:
    verified: int
    declared: int
    villages: int
    share: float
    text: str


@dataclass(frozen=True)
class Pair:
    """One pair of the two access measures: the dumbbell chart and the table under it."""

    pasangan: str  # the Susenas-style indicator: "layak" or "babs_terbuka"
    grafik: Figure
    tabel: pd.DataFrame
    sumber: str = ""  # under the table (the chart carries the same line)


@dataclass(frozen=True)
class VillageView:
    """What the STBM page shows per village for one year: a sentence, the table, and the map when it can."""

    tahun: int
    text: str
    values: pd.DataFrame
    table: Table
    features: list[dict] | None  # village polygons with the values; None without desa boundaries
    outlines: list[dict] | None  # kecamatan borders made from the same village polygons
    labels: pd.DataFrame | None  # kecamatan names on the map
    notes: list[str]
    peta: Figure | None = None  # the map, drawn from the three layers above (None without desa boundaries)
    sumber: str = ""  # the village table's source line


@dataclass(frozen=True)
class Stbm:
    ringkasan: str | None  # ODF villages in the reference year (None when the STBM table has no such year)
    kartu: tuple[Card, ...]  # ODF villages, healthy latrines, open defecation
    desa_odf: Figure | None  # ODF villages per kecamatan (None with the summary)
    dua: tuple[Pair | None, Pair | None]  # (layak, babs_terbuka); None for a pair without values that year
    desa: VillageView | None  # None without a desa table up to the reference year


def view(an: Analysis, s: Settings) -> Stbm:
    t, lang = i18n.t, s.lang
    summary = odf_summary(an, lang)
    odf = None
    if summary is not None:
        odf = Figure(charts.odf_bars(odf_by_kecamatan(an, lang), title=t("stbm.grafik_odf", lang, tahun=an.tahun),
                                     source=source_line(an.data, "stbm", lang=lang), lang=lang),
                     f"desa_odf_{an.tahun}")
    docs = target_documents(an, CARDS, s.dokumen)
    return Stbm(
        ringkasan=None if summary is None else summary.text,
        kartu=tuple(cards(an, s.dokumen, lang, codes=CARDS, docs=tuple(docs.items()))),
        desa_odf=odf,
        dua=pairs(an, lang),
        desa=villages(an, lang),
    )


# ------------------------------------------------------------------------------------- ODF villages
def odf_by_kecamatan(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """ODF villages per kecamatan in the reference year: verified, declared only, not yet; worst first."""
    kec = an.frames("desa_odf")[0]
    rows = kec.loc[kec["tahun"] == an.tahun]
    if rows.empty:
        return pd.DataFrame()
    t = i18n.t
    out = rows.assign(belum=rows["jumlah_desa"] - rows["desa_odf_terverifikasi"] - rows["desa_odf_deklarasi"])
    out = out.sort_values("pct_desa_odf", kind="stable").reset_index(drop=True)
    long = []
    for key, col in (("terverifikasi", "desa_odf_terverifikasi"), ("deklarasi", "desa_odf_deklarasi"),
                     ("belum", "belum")):
        long.append(pd.DataFrame({"nama": out["nama"], "status": t(f"stbm.{key}", lang), "urutan": key,
                                  "jumlah": out[col].astype(int),
                                  "teks": out[col].map(lambda v: fmt.number(v, 0, lang)),
                                  "persen_odf": out["pct_desa_odf"]}))
    return pd.concat(long, ignore_index=True)


def odf_summary(an: Analysis, lang: str = "id") -> OdfSummary | None:
    kab = an.frames("desa_odf")[1]
    rows = kab.loc[kab["tahun"] == an.tahun]
    if rows.empty:
        return None
    r = rows.iloc[0]
    v, d, n = int(r["desa_odf_terverifikasi"]), int(r["desa_odf_deklarasi"]), int(r["jumlah_desa"])
    text = i18n.t("stbm.ringkas", lang, odf=v, desa=n, persen=fmt.pct(r["pct_desa_odf"], lang=lang), deklarasi=d,
                  tahun=an.tahun)
    return OdfSummary(v, d, n, float(r["pct_desa_odf"]), text)


# ------------------------------------------------------------------------------------- two measures
def pairs(an: Analysis, lang: str = "id") -> tuple[Pair | None, Pair | None]:
    """Each pair of measures ready to draw: its chart and its table (None when the pair has no values)."""
    measures = two_measures(an, lang)
    source = source_line(an.data, "stbm", "akses", lang=lang)
    out = []
    for pair, _ in PAIRS:
        part = measures.loc[measures["pasangan"] == pair] if len(measures) else measures
        if not len(part):
            out.append(None)
            continue
        chart = charts.two_measures(part, title=i18n.t(_PAIR_TITLES[pair], lang, tahun=an.tahun), source=source,
                                    lang=lang)
        out.append(Pair(pair, Figure(chart, f"dua_ukuran_{pair}"), two_measures_table(measures, pair, lang), source))
    return out[0], out[1]


def two_measures(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """Susenas-style ladder share next to the STBM share, per kecamatan and for the kabupaten, same year.

    The two are never merged: different systems (BPS household survey vs the Health Office's registry),
    different definitions (STBM counts semi-permanent latrines as access). The difference is shown.
    """
    t = i18n.t
    rows = []
    for kode, name in [(KABUPATEN, t("umum.kabupaten", lang)), *zip(an.data.wilayah["kode"], an.data.wilayah["nama"],
                                                                    strict=True)]:
        for susenas, stbm in PAIRS:
            a = _value(an, susenas, kode)
            b = _value(an, stbm, kode)
            if a is None or b is None:
                continue
            rows.append({"kode": kode, "nama": name, "pasangan": susenas,
                         "ukuran_susenas": indicators.get(susenas).label(lang),
                         "ukuran_stbm": indicators.get(stbm).label(lang), "susenas": a, "stbm": b, "selisih": b - a})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    return out.assign(susenas_teks=[fmt.pct(v, lang=lang) for v in out["susenas"]],
                      stbm_teks=[fmt.pct(v, lang=lang) for v in out["stbm"]],
                      selisih_teks=[fmt.delta(v, lang=lang) for v in out["selisih"]])


def _value(an: Analysis, indikator: str, kode: str) -> float | None:
    kec, kab = an.frames(indikator)
    frame = kab if kode == KABUPATEN else lineage.comparable_only(kec.loc[kec["kode_wilayah"] == kode])
    hit = frame.loc[frame["tahun"] == an.tahun]
    return None if hit.empty else float(hit.iloc[0][indicators.get(indikator).kolom])


def two_measures_table(frame: pd.DataFrame, pair: str, lang: str = "id") -> pd.DataFrame:
    """One pair as a table to read: kecamatan, Susenas, STBM, difference."""
    t = i18n.t
    f = frame.loc[frame["pasangan"] == pair]
    if f.empty:
        return pd.DataFrame()
    return pd.DataFrame({t("tabel.kecamatan", lang): f["nama"].to_numpy(),
                         f["ukuran_susenas"].iloc[0]: f["susenas_teks"].to_numpy(),
                         f["ukuran_stbm"].iloc[0]: f["stbm_teks"].to_numpy(),
                         t("stbm.selisih", lang): f["selisih_teks"].to_numpy()})


# ------------------------------------------------------------------------------------- the village view
def villages(an: Analysis, lang: str = "id") -> VillageView | None:
    """The village view with its map drawn, for the analysis' reference year."""
    v = village_view(an.data, an.tahun, lang)
    if v is None or v.features is None:
        return v
    chart = charts.odf_village_map(v.features, v.outlines, v.labels,
                                   title=i18n.t("stbm.grafik_desa", lang, tahun=v.tahun),
                                   source=source_line(an.data, "stbm", lang=lang), lang=lang)
    return replace(v, peta=Figure(chart, f"desa_odf_peta_{v.tahun}"))


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


def village_values(data: Dataset, tahun: int, lang: str = "id") -> pd.DataFrame:
    """One row per village in `tahun`: status, its date, and households with a healthy latrine (JSP + JSSP)."""
    desa = data.stbm_desa
    if desa is None:
        return pd.DataFrame()
    rows = desa.loc[desa["tahun"] == tahun].sort_values(["kode_wilayah", "kode_desa"]).reset_index(drop=True)
    names = data.names
    sehat = rows["kk_jsp"] + rows["kk_jssp"]
    share = 100.0 * sehat / rows["jumlah_kk"].where(rows["jumlah_kk"] > 0)
    when = pd.to_datetime(rows["tanggal_odf"].astype(object), errors="coerce", format="%Y-%m-%d")
    return pd.DataFrame({
        "kode": rows["kode_desa"].astype(str), "nama": rows["nama_desa"].astype(str),
        "kode_wilayah": rows["kode_wilayah"].astype(str), "kecamatan": rows["kode_wilayah"].map(names).astype(str),
        "tahun": rows["tahun"].astype("int64"), "status": rows["status_odf"].astype(str),
        "status_teks": [status_label(s, lang) for s in rows["status_odf"]],
        "tanggal": when, "tanggal_teks": [fmt.date(d, lang) if not pd.isna(d) else "" for d in when],
        "jumlah_kk": rows["jumlah_kk"].astype("int64"), "kk_sehat": sehat.astype("int64"),
        "pct_sehat": share.astype("float64"), "kk_od": rows["kk_od"].astype("int64"),
        "sehat_teks": [f"{fmt.kk(k, lang)} ({fmt.pct(p, lang=lang)})" for k, p in zip(sehat, share, strict=True)],
    })


def village_table(frame: pd.DataFrame, lang: str = "id") -> Table:
    """The village table to show: numbers stay numbers (the columns sort), formatted the Indonesian way.

    With village boundaries, a column says whether each village is on the map (`peta_teks`, from `village_view`).
    """
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
    formats[cols["tanggal"]] = lambda d: "" if pd.isna(d) else fmt.date(d, lang)
    return Table(shown, shown.style.format(formats))


MAP_PROPERTIES = ["kode", "nama", "kecamatan", "status", "status_teks", "tanggal_teks", "sehat_teks"]
VILLAGE_MAP_PX = 440  # the village map's size at its smallest (STBM page, 1024x768): names are placed for it


def village_view(data: Dataset, tahun: int, lang: str = "id") -> VillageView | None:
    """The village view for the reference year (the latest village year up to it); None without a desa table."""
    year = year_for(data.stbm_desa, tahun)
    if year is None:
        return None
    v = village_values(data, year, lang)
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
    return VillageView(year, text, v, village_table(v, lang), features, outlines, labels, notes,
                       sumber=source_line(data, "stbm_desa", lang=lang))


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
    kec_names = names_of(wilayah)
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
