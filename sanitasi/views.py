"""What each page shows, as finished results: pages read widgets, call one function here, and render.

Every number on screen is computed here (from `indicators`, `progress`, `targets`, `needs`,
`lineage`) and every text is formatted here (`fmt`, `i18n`), so the pages hold no arithmetic and a
test can check what an official will read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, fmt, geo, i18n, indicators, kinds, lineage, needs, progress, targets
from sanitasi.load import Dataset
from sanitasi.progress import Status

KABUPATEN = KODE_KABUPATEN


# --------------------------------------------------------------------------------------------
# The analysis every page starts from
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Analysis:
    """The data up to a reference year, on today's boundaries, with every target judged."""

    data: Dataset
    tahun: int  # reference year: the last year of data used
    kec: pd.DataFrame  # kecamatan rows with rates, `sebanding`, `nama`
    kab: pd.DataFrame  # kabupaten rows with rates
    obs: pd.DataFrame  # long, comparable observations of kecamatan and kabupaten
    nilai: pd.DataFrame  # assess_all over every document x indicator x area
    growth: pd.Series  # household growth per area (and the kabupaten)
    # the other PPSP tables with their rates: {"stbm": (kecamatan, kabupaten), "drainase": ..., "sampah": ...}
    ppsp: dict = field(default_factory=dict)

    def frames(self, indikator: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(kecamatan rows, kabupaten rows) of the table an indicator lives in, with rates."""
        ind = indicators.get(indikator)
        if ind.tabel == "akses":
            return self.kec, self.kab
        empty = self.kab.iloc[0:0]
        return self.ppsp.get(ind.tabel, (empty, empty))

    @property
    def kode_kecamatan(self) -> list[str]:
        return self.data.wilayah["kode"].tolist()

    def nama(self, kode: str, lang: str = "id") -> str:
        if kode == KABUPATEN:
            return i18n.t("umum.kabupaten", lang)
        return self.data.nama(kode)


def _tables(data: Dataset, tahun: int, names: dict[str, str]) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    """Each PPSP table beyond access, cut at `tahun`: (kecamatan rows on today's boundaries, kabupaten rows)."""
    out = {}
    for name in ("stbm", "drainase"):
        frame = getattr(data, name)
        frame = frame.loc[frame["tahun"] <= tahun]
        kec = lineage.on_current_boundaries(frame, data.wilayah)
        out[name] = (kec.assign(nama=kec["kode_wilayah"].map(names)), indicators.aggregate(frame, kode=KABUPATEN))
    waste = data.sampah.loc[data.sampah["tahun"] <= tahun]
    out["sampah"] = (waste.iloc[0:0], indicators.compute_rates(waste.assign(kode_wilayah=KABUPATEN)))
    return out


def analyse(data: Dataset, tahun: int | None = None) -> Analysis:
    """Judge every target on data up to `tahun` (default: the latest year)."""
    tahun = int(tahun if tahun is not None else max(data.tahun))
    akses = data.akses.loc[data.akses["tahun"] <= tahun]
    names = dict(zip(data.wilayah["kode"], data.wilayah["nama"], strict=True))
    kec = lineage.on_current_boundaries(akses, data.wilayah)
    kec = kec.assign(nama=kec["kode_wilayah"].map(names))
    kab = indicators.aggregate(akses, kode=KABUPATEN)
    comparable = lineage.comparable_only(kec)
    ppsp = _tables(data, tahun, names)
    long = [indicators.to_long(comparable), indicators.to_long(kab)]
    for k_rows, kab_rows in ppsp.values():
        if len(k_rows):
            long.append(indicators.to_long(lineage.comparable_only(k_rows)))
        if len(kab_rows):
            long.append(indicators.to_long(kab_rows))
    obs = pd.concat(long, ignore_index=True)
    areas = [*data.wilayah["kode"].tolist(), KABUPATEN]
    goals = pd.concat([targets.goals_for(data.target, d, areas) for d in targets.documents(data.target)],
                      ignore_index=True)
    nilai = progress.assess_all(obs, goals)
    growth = pd.concat([needs.growth_rates(comparable), needs.growth_rates(kab)])
    return Analysis(data, tahun, kec, kab, obs, nilai, growth, ppsp)


def _assessment(an: Analysis, kode: str, indikator: str, dokumen: str) -> pd.Series | None:
    hit = an.nilai.loc[(an.nilai["kode_wilayah"] == kode) & (an.nilai["indikator"] == indikator)
                       & (an.nilai["dokumen"] == dokumen)]
    return None if hit.empty else hit.iloc[0]


def status_label(status: str | None, lang: str = "id") -> str:
    return i18n.t(f"status.{status or 'tanpa_target'}", lang)


def latest_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Each area's row in its latest year."""
    return frame.sort_values("tahun").groupby("kode_wilayah", sort=False).tail(1).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Ringkasan (overview)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Card:
    indikator: str
    judul: str
    nilai: str
    perubahan: str | None
    target: str
    selisih: str
    selisih_kk: str
    status: str
    status_label: str
    metode: str
    warna: str
    delta_panah: str = "off"  # "up" / "down" / "off": the direction of the change on the year before
    delta_warna: str = "normal"  # "normal" when up is good, "inverse" when down is good


def _gap_households(row: pd.Series, indikator: str, target: float) -> int:
    """Households (or villages) short of the target in the row's own year (0 when met)."""
    ind = indicators.get(indikator)
    have = indicators.households_with(row, indikator)
    n = float(row[ind.penyebut])
    if ind.arah > 0:
        return int(max(math.ceil(round(target / 100.0 * n, 6)) - have, 0))
    return int(max(have - math.floor(round(target / 100.0 * n, 6)), 0))


def cards(an: Analysis, dokumen: str, lang: str = "id", kode: str = KABUPATEN,
          codes: tuple[str, ...] = indicators.HEADLINE, docs: dict[str, str] | tuple | None = None) -> list[Card]:
    """Metric cards for some indicators of one area against one target document (or one per indicator:
    `docs` maps indicator -> document, as a dict or as (indicator, document) pairs)."""
    docs = dict(docs) if docs else None
    out = []
    for k in codes:
        ind = indicators.get(k)
        doc = (docs or {}).get(k, dokumen)
        kec_rows, kab_rows = an.frames(k)
        frame = kab_rows if kode == KABUPATEN else lineage.comparable_only(kec_rows.loc[kec_rows["kode_wilayah"]
                                                                                        == kode])
        frame = frame.sort_values("tahun")
        if frame.empty:
            continue
        last = frame.iloc[-1]
        prev = frame.iloc[-2] if len(frame) > 1 else None
        value = float(last[ind.kolom])
        change, arrow = None, "off"
        if prev is not None and int(prev["tahun"]) == int(last["tahun"]) - 1:
            diff = value - float(prev[ind.kolom])
            change = ind.selisih_teks(diff, lang) + " " + i18n.t("kartu.dari_tahun", lang, tahun=int(prev["tahun"]))
            arrow = "up" if round(diff, 1) > 0 else "down" if round(diff, 1) < 0 else "off"
        colour = "normal" if ind.arah > 0 else "inverse"
        a = _assessment(an, kode, k, doc)
        if a is None:
            out.append(Card(k, ind.label(lang), ind.teks(value, lang), change,
                            i18n.t("kartu.tanpa_target", lang), fmt.MISSING, fmt.MISSING, "tanpa_target",
                            status_label(None, lang), "", progress.WARNA[Status.DATA_KURANG], arrow, colour))
            continue
        tgt, tyear = float(a["target"]), int(a["target_year"])
        ahead = ind.arah * (value - tgt)
        if ahead >= 0:
            selisih = i18n.t("kartu.sudah_capai", lang)
        elif ind.persen:
            selisih = i18n.t("kartu.kurang_poin", lang, poin=fmt.number(abs(value - tgt), 1, lang))
        else:
            selisih = i18n.t("kartu.kurang_satuan", lang, nilai=ind.teks(abs(value - tgt), lang))
        short = _gap_households(last, k, tgt) if ind.persen else None
        if short is None:
            short_text = ""
        elif short > 0:
            key = "kartu.ton_kurang" if ind.penyebut == "timbulan_ton" else "kartu.kk_kurang"
            short_text = i18n.t(key, lang, kk=count_text(ind, short, lang))
        else:
            short_text = i18n.t("kartu.kk_cukup", lang)
        target_text = i18n.t("kartu.target", lang, nilai=ind.teks(tgt, lang, 0 if tgt == int(tgt) else 1),
                             tahun=tyear)
        if docs and k in docs:
            target_text += f" ({doc})"
        out.append(Card(
            indikator=k, judul=ind.label(lang), nilai=ind.teks(value, lang), perubahan=change, target=target_text,
            selisih=selisih, selisih_kk=short_text,
            status=str(a["status"]), status_label=status_label(a["status"], lang),
            metode=i18n.t("metode.singkat", lang), warna=progress.WARNA[Status(a["status"])],
            delta_panah=arrow, delta_warna=colour,
        ))
    return out


OTHER_PPSP = ("desa_odf", "sampah_pengurangan", "sampah_penanganan", "genangan")


def target_document(an: Analysis, indikator: str, preferred: str) -> str | None:
    """The document to judge an indicator against: the chosen one if it sets a target for it, else the first
    document that does (waste has Jakstranas, not RPJMN)."""
    docs = [d for d in targets.documents(an.data.target) if indikator in targets.indicators_of(an.data.target, d)]
    if preferred in docs:
        return preferred
    return docs[0] if docs else None


def target_documents(an: Analysis, codes: tuple[str, ...], preferred: str) -> dict[str, str]:
    """`target_document` for several indicators at once: indicator -> document, for those that have one."""
    return {k: d for k in codes if (d := target_document(an, k, preferred)) is not None}


def final_target(an: Analysis, dokumen: str, indikator: str) -> tuple[int, float] | None:
    """(year, value) of the document's final district target for the indicator, or None when it sets none."""
    return targets.final(an.data.target, dokumen, indikator)


def other_cards(an: Analysis, dokumen: str, lang: str = "id") -> list[Card]:
    """Cards for the rest of PPSP (ODF villages, waste, standing water), each against the document that sets
    its target, so the overview shows the whole strategy and not only household access."""
    present = [k for k in OTHER_PPSP if not an.frames(k)[1].empty]
    docs = target_documents(an, tuple(present), dokumen)
    return cards(an, dokumen, lang, codes=tuple(present), docs=docs)


def map_indicators() -> list[str]:
    """Indicators measured per kecamatan, in the order the map offers them."""
    order = [*indicators.HEADLINE, "desa_odf", "stbm_jamban_sehat", "genangan"]
    return [k for k in order if indicators.get(k).tingkat == "kecamatan"]


def trajectory_indicators(an: Analysis, dokumen: str) -> list[str]:
    """Indicators with a target in the document (headline first), or the headline ones when it sets none."""
    has = set(targets.indicators_of(an.data.target, dokumen))
    order = [*indicators.HEADLINE, *(k for k in indicators.REGISTRY if k not in indicators.HEADLINE)]
    chosen = [k for k in order if k in has and not an.frames(k)[1].empty]
    return chosen or list(indicators.HEADLINE)


def headline(an: Analysis, dokumen: str, indikator: str, lang: str = "id", kode: str = KABUPATEN) -> str:
    """One sentence a presenter can read out: where we are, the target, and when we get there."""
    ind = indicators.get(indikator)
    a = _assessment(an, kode, indikator, dokumen)
    place = an.nama(kode, lang)
    if a is None or pd.isna(a["latest_value"]):
        return i18n.t("kalimat.tanpa_target", lang, indikator=ind.label(lang).lower(), wilayah=place,
                      dokumen=dokumen)
    value, tgt = float(a["latest_value"]), float(a["target"])
    args = dict(indikator=ind.label(lang).lower(), wilayah=place, tahun=int(a["latest_year"]),
                nilai=ind.teks(value, lang), target=ind.teks(tgt, lang, 0 if tgt == int(tgt) else 1),
                dokumen=dokumen, tahun_target=int(a["target_year"]),
                laju=rate_text(ind, a["current_rate"], lang), perlu=rate_text(ind, a["required_rate"], lang),
                proyeksi=ind.teks(a["projected_value"], lang), status=status_label(a["status"], lang).lower())
    status = Status(a["status"])
    text = i18n.t(f"kalimat.{status.value}", lang, **args)
    est = a["estimated_year"]
    if status not in (Status.TERCAPAI, Status.DATA_KURANG):
        if pd.notna(est):
            text += " " + i18n.t("kalimat.perkiraan", lang, tahun=_year_text(int(est), lang))
        else:
            text += " " + i18n.t("kalimat.tidak_pernah", lang)
    return text


def rate_text(ind: indicators.Indicator, value, lang: str = "id") -> str:
    """A pace in the indicator's unit: '+1,60 poin/tahun' for a share, '−12,3 ha/tahun' for hectares."""
    if ind.persen:
        return fmt.rate(value, lang)
    per_year = "/year" if lang == "en" else "/tahun"
    return fmt.delta(value, ind.satuan(lang) + per_year, 1, lang)


def _year_text(y: int, lang: str) -> str:
    return i18n.t("umum.setelah_2100", lang) if y > 2100 else str(y)


def ladder(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Long ladder for a stacked chart: `tahun, tangga, label, urutan, persen, kk, persen_teks, kk_teks`."""
    rows = []
    for order, rung in enumerate(indicators.LADDER):
        ind = indicators.get(rung)
        col = f"kk_{rung}"
        part = frame[["tahun", "jumlah_kk", col]].assign(
            tangga=rung, label=ind.label(lang), urutan=order,
            persen=lambda d, c=col: 100.0 * d[c] / d["jumlah_kk"], kk=lambda d, c=col: d[c])
        rows.append(part.drop(columns=[col, "jumlah_kk"]))
    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    return out.assign(persen_teks=[fmt.pct(v, lang=lang) for v in out["persen"]],
                      kk_teks=[fmt.kk(v, lang) for v in out["kk"]])


def indicators_of(an: Analysis, dokumen: str) -> list[str]:
    """Headline indicators the document sets a target for, in the dashboard's order."""
    has = set(targets.indicators_of(an.data.target, dokumen))
    return [k for k in indicators.HEADLINE if k in has]


@dataclass(frozen=True)
class Table:
    """A table to show: `frame` keeps numbers as numbers (so columns sort), `styler` shows them formatted."""

    frame: pd.DataFrame
    styler: object


def status_display(an: Analysis, dokumen: str, lang: str = "id") -> Table:
    """The kecamatan status table with translated headers and Indonesian number formats."""
    s = status_table(an, dokumen, lang)
    t = i18n.t
    cols = {"nama": t("tabel.kecamatan", lang)}
    formats = {}
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        head = f"{ind.label(lang)} (%)"
        cols[k] = head
        cols[f"status_{k}_teks"] = t("tabel.status_dari", lang, indikator=ind.label(lang))
        formats[head] = lambda v: fmt.number(v, 1, lang)
    cols["jumlah_kk"] = t("tabel.jumlah_kk", lang)
    formats[cols["jumlah_kk"]] = lambda v: fmt.number(v, 0, lang)
    frame = s[list(cols)].rename(columns=cols)
    return Table(frame, frame.style.format(formats))


def status_table(an: Analysis, dokumen: str, lang: str = "id") -> pd.DataFrame:
    """One row per kecamatan: latest value and status of each headline indicator for the document.

    Numeric columns stay numeric (so the table sorts), with `_teks` twins for display.
    """
    latest = latest_rows(lineage.comparable_only(an.kec))
    rows = []
    for _, r in latest.iterrows():
        row = {"kode_wilayah": r["kode_wilayah"], "nama": r["nama"], "tahun": int(r["tahun"]),
               "jumlah_kk": int(r["jumlah_kk"])}
        for k in indicators.HEADLINE:
            a = _assessment(an, r["kode_wilayah"], k, dokumen)
            st = None if a is None else str(a["status"])
            row[k] = float(r[indicators.get(k).kolom])
            row[f"status_{k}"] = st
            row[f"status_{k}_teks"] = status_label(st, lang)
            row[f"rank_{k}"] = progress.rank(st) if st else -1
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Peta (map)
# --------------------------------------------------------------------------------------------
def map_basis(an: Analysis) -> int | None:
    """The year whose kecamatan the boundary file draws when it predates a split, else None (today's).

    A BIG or GADM file from before 2021 has Kusan Hilir and Kusan Hulu on their old, larger areas and
    no Kusan Tengah or Teluk Kepayang: its polygons must be coloured with data on those old boundaries.
    """
    drawn = set(an.data.batas["kode"].astype(str))
    kids = an.data.wilayah.dropna(subset=["pemekaran_dari"])
    missing = kids.loc[~kids["kode"].isin(drawn) & kids["pemekaran_dari"].isin(drawn)]
    return int(missing["berlaku_sejak"].min()) - 1 if len(missing) else None


def _map_row(kode: str, nama: str, r: pd.Series | None, a: dict | None, ind: indicators.Indicator, catatan: str,
             lang: str) -> dict:
    """One polygon's map properties from its data row `r` and its assessment `a` (target, status)."""
    value = float(r[ind.kolom]) if r is not None else np.nan
    tgt = float(a["target"]) if a is not None else np.nan
    gap = ind.arah * (value - tgt) if not (np.isnan(value) or np.isnan(tgt)) else np.nan
    households = None
    if r is not None and ind.persen:
        # units short of the indicator: households (or villages) without it, or still practising it
        have = int(indicators.households_with(r, ind.kode))
        households = int(r[ind.penyebut]) - have if ind.arah > 0 else have
    st = str(a["status"]) if a is not None else None
    return {
        "kode": kode, "nama": nama, "nilai": value, "target": tgt, "selisih": gap,
        "status": st or "tanpa_target", "kelas": _class_label(value, ind.kode, lang), "kk": households,
        "nilai_teks": ind.teks(value, lang), "target_teks": ind.teks(tgt, lang, 0),
        "selisih_teks": ind.selisih_teks(gap, lang) if not np.isnan(gap) else fmt.MISSING,
        "status_teks": status_label(st, lang),
        "kk_teks": count_text(ind, households, lang),
        "catatan": catatan,
    }


def count_text(ind: indicators.Indicator, n, lang: str = "id") -> str:
    """'1.234 KK' for household indicators, '5 desa' for villages, '–' for a quantity."""
    if n is None or fmt.is_missing(n):
        return fmt.MISSING
    if ind.penyebut == "jumlah_desa":
        return f"{fmt.number(n, 0, lang)} {'villages' if lang == 'en' else 'desa'}"
    if ind.penyebut == "timbulan_ton":
        return f"{fmt.number(n, 0, lang)} ton"
    return fmt.kk(n, lang)


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
    out = []
    for kode, nama in zip(wil["kode"], wil["nama"], strict=True):
        src = holder[kode]
        r = rows_y.loc[src] if src in rows_y.index else None
        a = _assessment(an, kode, indikator, dokumen)
        if a is None and src != kode:
            a = _assessment(an, src, indikator, dokumen)
        note = i18n.t("peta.data_induk", lang, induk=an.data.nama(src), tahun=year) if src != kode else ""
        out.append(_map_row(kode, nama, r, a, ind, note, lang))
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
    table = getattr(an.data, ind.tabel)
    frame = lineage.on_boundaries_of(table.loc[table["tahun"] <= an.tahun], wil, basis)
    kids = wil.dropna(subset=["pemekaran_dari"]).groupby("pemekaran_dari")["nama"].agg(", ".join).to_dict()
    out = []
    for kode, nama in zip(wil["kode"], wil["nama"], strict=True):
        series = frame.loc[frame["kode_wilayah"] == kode].sort_values("tahun")
        if series.empty:
            continue  # a kecamatan that did not exist yet: inside its parent on this map
        r = series.iloc[-1] if int(series["tahun"].iloc[-1]) == an.tahun else None
        rows = targets.rows_for(an.data.target, dokumen, ind.kode, kode)
        a = None
        if not rows.empty:
            res = progress.assess(series["tahun"], series[ind.kolom], target=float(rows["nilai"].iloc[-1]),
                                  target_year=int(rows["tahun"].iloc[-1]), direction=ind.arah, bounds=ind.batas)
            a = {"target": float(rows["nilai"].iloc[-1]), "status": res.status.value}
        note = i18n.t("peta.batas_lama", lang, anak=kids[kode], tahun=basis) if kode in kids else ""
        out.append(_map_row(kode, nama, r, a, ind, note, lang))
    return pd.DataFrame(out)


MAP_PROPERTIES = ["kode", "nama", "nilai", "kelas", "selisih", "status_teks", "nilai_teks", "target_teks",
                  "selisih_teks", "kk_teks", "catatan"]


def map_features(an: Analysis, values: pd.DataFrame) -> list[dict]:
    """GeoJSON features of the kecamatan carrying the map values (only what the map shows)."""
    return geo.to_features(an.data.batas, values, key="kode", properties=MAP_PROPERTIES)


def map_labels(an: Analysis) -> pd.DataFrame:
    """Where each kecamatan's name sits on the map: `kode, nama, lon, lat`."""
    pts = geo.label_points(an.data.batas)
    names = pts["kode"].map(dict(zip(an.data.wilayah["kode"], an.data.wilayah["nama"], strict=True)))
    # two-word names on two lines: half as wide, so neighbouring labels do not collide
    return pts.assign(nama=names.str.replace(" ", "\n", n=1, regex=False))


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


# --------------------------------------------------------------------------------------------
# Lintasan target (trajectory)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Trajectory:
    kode: str
    nama: str
    indikator: str
    observed: pd.DataFrame  # tahun, nilai, sebanding
    trend: pd.DataFrame  # tahun, nilai (OLS over the window, then projected to the target year)
    path: pd.DataFrame  # tahun, nilai, jenis (target path from the baseline)
    target: tuple[int, float] | None
    assessment: progress.Assessment | None
    status: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, value) a presenter reads out
    kalimat: str = ""
    catatan: str = ""  # e.g. "on 2020 boundaries Kusan Tengah is part of Kusan Hilir"


def series(an: Analysis, kode: str, indikator: str, basis: str = "kini") -> pd.DataFrame:
    """Observed `tahun, nilai, sebanding` for an area (kabupaten or kecamatan) on the chosen basis."""
    ind = indicators.get(indikator)
    if kode == KABUPATEN:
        f = an.frames(indikator)[1].assign(sebanding=True)
    else:
        table = getattr(an.data, ind.tabel)
        f = lineage.on_basis(table.loc[table["tahun"] <= an.tahun], an.data.wilayah, basis)
        f = f.loc[f["kode_wilayah"] == kode]
    return (f[["tahun", ind.kolom, "sebanding"]].rename(columns={ind.kolom: "nilai"})
            .sort_values("tahun").reset_index(drop=True))


def trajectory(an: Analysis, kode: str, indikator: str, dokumen: str, lang: str = "id",
               basis: str = "kini", window: int = progress.DEFAULT_WINDOW) -> Trajectory:
    ind = indicators.get(indikator)
    catatan = ""
    if basis != "kini" and kode != KABUPATEN:
        holder = lineage.ancestor_on(an.data.wilayah, int(basis))[kode]
        if holder != kode:
            catatan = i18n.t("lintasan.anak_lama", lang, nama=an.data.nama(kode), induk=an.data.nama(holder),
                             tahun=basis)
            kode = holder
    obs = series(an, kode, indikator, basis)
    comp = obs.loc[obs["sebanding"]]
    rows = targets.rows_for(an.data.target, dokumen, indikator, kode)
    tgt = None if rows.empty else (int(rows["tahun"].iloc[-1]), float(rows["nilai"].iloc[-1]))
    if tgt is None or comp.empty:
        a = None
        status = "tanpa_target" if tgt is None else Status.DATA_KURANG.value
    else:
        a = progress.assess(comp["tahun"], comp["nilai"], target=tgt[1], target_year=tgt[0],
                            direction=ind.arah, window=window, bounds=ind.batas)
        status = a.status.value
    until = an.tahun
    if tgt is not None and tgt[0] > an.tahun:
        until = tgt[0]
    elif a is not None and a.estimated_year is not None:
        until = min(a.estimated_year, an.tahun + 10)  # a passed target: show when the trend gets there
    trend = progress.trend_line(comp["tahun"], comp["nilai"], window=window, until=until, bounds=ind.batas)
    path = pd.DataFrame(columns=["tahun", "nilai", "jenis"])
    if tgt is not None and not comp.empty:
        b_year = targets.baseline_year(rows, comp["tahun"].tolist())
        b_value = float(comp.loc[comp["tahun"] == b_year, "nilai"].iloc[0])
        path = targets.target_path((b_year, b_value), rows)
    facts = _facts(a, tgt, ind, lang) if a is not None else []
    kalimat = headline(an, dokumen, indikator, lang, kode) if basis == "kini" or kode == KABUPATEN else ""
    return Trajectory(kode, an.nama(kode, lang), indikator, obs, trend, path, tgt, a, status, facts, kalimat, catatan)


def _facts(a: progress.Assessment, tgt: tuple[int, float], ind: indicators.Indicator,
           lang: str) -> list[tuple[str, str]]:
    t = i18n.t
    est = fmt.MISSING if a.estimated_year is None else _year_text(a.estimated_year, lang)
    if a.estimated_year is None and a.status not in (Status.TERCAPAI, Status.DATA_KURANG):
        est = t("fakta.tidak_tercapai_laju", lang)
    return [
        (t("fakta.terakhir", lang), f"{ind.teks(a.latest_value, lang)} ({fmt.year(a.latest_year)})"),
        (t("fakta.target", lang), f"{ind.teks(tgt[1], lang)} ({tgt[0]})"),
        (t("fakta.laju_kini", lang), rate_text(ind, a.current_rate, lang)),
        (t("fakta.laju_perlu", lang), rate_text(ind, a.required_rate, lang)),
        (t("fakta.rasio", lang), fmt.ratio(a.ratio, lang)),
        (t("fakta.proyeksi", lang, tahun=tgt[0]), ind.teks(a.projected_value, lang)),
        (t("fakta.perkiraan", lang), est),
    ]


def small_multiples(an: Analysis, indikator: str, dokumen: str, lang: str = "id", basis: str = "kini"
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Observed series of every kecamatan, ordered by status (worst first) then by gap.

    Returns (series, order): `series` has `kode, nama, judul, tahun, nilai, sebanding`; `order` has
    `kode, judul, status, urutan`. Titles carry the status so the order reads without a legend.
    """
    ind = indicators.get(indikator)
    table = getattr(an.data, ind.tabel)
    f = lineage.on_basis(table.loc[table["tahun"] <= an.tahun], an.data.wilayah, basis)
    names = dict(zip(an.data.wilayah["kode"], an.data.wilayah["nama"], strict=True))
    rows = []
    for kode, g in f.groupby("kode_wilayah", sort=True):
        comp = g.loc[g["sebanding"]]
        r = targets.rows_for(an.data.target, dokumen, indikator, kode)
        a = None
        if not r.empty and not comp.empty:
            a = progress.assess(comp["tahun"], comp[ind.kolom], target=float(r["nilai"].iloc[-1]),
                                target_year=int(r["tahun"].iloc[-1]), direction=ind.arah, bounds=ind.batas)
        st = a.status.value if a else "tanpa_target"
        gap = ind.arah * (float(comp[ind.kolom].iloc[-1]) - float(r["nilai"].iloc[-1])) if (
            a and not comp.empty) else 0.0
        rows.append({"kode": kode, "status": st, "rank": progress.rank(st) if a else -1, "gap": gap,
                     "judul": f"{names[kode]} · {status_label(st, lang)}"})
    order = pd.DataFrame(rows).sort_values(["rank", "gap"], kind="stable").reset_index(drop=True)
    order = order.assign(urutan=np.arange(len(order)))
    s = (f[["kode_wilayah", "tahun", ind.kolom, "sebanding"]]
         .rename(columns={"kode_wilayah": "kode", ind.kolom: "nilai"})
         .merge(order[["kode", "judul", "status"]], on="kode"))
    return s.assign(nama=s["kode"].map(names)), order


# --------------------------------------------------------------------------------------------
# Kecamatan profile
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileInfo:
    kode: str
    nama: str
    keterangan: str  # capital, villages, households
    catatan: str  # the 2021 split, when it concerns this kecamatan
    catatan_tangga: str  # why the ladder starts later than the data
    tahun: int


def kecamatan_rows(an: Analysis, kode: str) -> pd.DataFrame:
    """The kecamatan's comparable rows (same area as today), with rates."""
    return lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode]).sort_values("tahun")


def profile_info(an: Analysis, kode: str, lang: str = "id") -> ProfileInfo:
    w = an.data.wilayah.set_index("kode").loc[kode]
    rows = kecamatan_rows(an, kode)
    last = rows.iloc[-1] if len(rows) else None
    t = i18n.t
    parts = []
    if pd.notna(w["ibukota"]):
        parts.append(t("profil.ibukota", lang, ibukota=w["ibukota"]))
    parts.append(t("profil.desa", lang, desa=int(w["desa"]), kelurahan=int(w["kelurahan"])))
    if last is not None:
        parts.append(t("profil.kk", lang, kk=fmt.kk(last["jumlah_kk"], lang), tahun=int(last["tahun"])))
    catatan = ""
    if pd.notna(w["pemekaran_dari"]):
        catatan = t("profil.pemekaran_anak", lang, nama=w["nama"], induk=an.data.nama(w["pemekaran_dari"]),
                    tahun=int(w["berlaku_sejak"]))
    kids = an.data.wilayah.loc[an.data.wilayah["pemekaran_dari"] == kode]
    if len(kids):
        catatan = t("profil.pemekaran_induk", lang, nama=w["nama"], anak=", ".join(kids["nama"]),
                    tahun=int(kids["berlaku_sejak"].min()))
    all_rows = an.kec.loc[an.kec["kode_wilayah"] == kode]
    catatan_tangga = ""
    if len(all_rows) > len(rows) and len(rows):
        catatan_tangga = t("profil.tangga_sejak", lang, tahun=int(rows["tahun"].min()))
    return ProfileInfo(kode, str(w["nama"]), " · ".join(parts), catatan, catatan_tangga,
                       int(last["tahun"]) if last is not None else an.tahun)


def profile_table(an: Analysis, kode: str, lang: str = "id") -> Table:
    """Every target document x indicator for one kecamatan, formatted."""
    p = profile_status(an, kode, lang)
    t = i18n.t
    frame = pd.DataFrame({
        t("tabel.dokumen", lang): p["dokumen"],
        t("tabel.indikator", lang): p["label"],
        t("tabel.target", lang): p["target_teks"],
        t("tabel.nilai_terakhir", lang): p["nilai_teks"],
        t("tabel.laju", lang): p["laju_teks"],
        t("tabel.status", lang): p["status_teks"],
        t("tabel.perkiraan", lang): p["perkiraan_teks"],
    })
    return Table(frame, frame.style)


def profile_status(an: Analysis, kode: str, lang: str = "id") -> pd.DataFrame:
    """Every document x indicator judged for one kecamatan: `dokumen, indikator, label, target, ...`."""
    a = an.nilai.loc[an.nilai["kode_wilayah"] == kode]
    out = a.assign(
        label=[indicators.get(k).label(lang) for k in a["indikator"]],
        target_teks=[f"{indicators.get(k).teks(v, lang, 0)} ({y})"
                     for k, v, y in zip(a["indikator"], a["target"], a["target_year"], strict=True)],
        nilai_teks=[indicators.get(k).teks(v, lang) for k, v in zip(a["indikator"], a["latest_value"], strict=True)],
        laju_teks=[rate_text(indicators.get(k), v, lang) for k, v in zip(a["indikator"], a["current_rate"],
                                                                          strict=True)],
        status_teks=[status_label(s, lang) for s in a["status"]],
        perkiraan_teks=[fmt.MISSING if pd.isna(y) else _year_text(int(y), lang) for y in a["estimated_year"]],
    )
    return out.reset_index(drop=True)


def without_access(an: Analysis, kode: str, lang: str = "id") -> list[tuple[str, int, str]]:
    """Households still below each headline rung in the latest comparable year: (label, count, text)."""
    f = lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode]).sort_values("tahun")
    if f.empty:
        return []
    r = f.iloc[-1]
    n = int(r["jumlah_kk"])
    items = [
        (i18n.t("profil.tanpa_layak", lang), n - int(indicators.households_with(r, "layak"))),
        (i18n.t("profil.tanpa_aman", lang), n - int(indicators.households_with(r, "aman"))),
        (i18n.t("profil.babs", lang), int(indicators.households_with(r, "babs_terbuka"))),
    ]
    return [(label, count, fmt.kk(count, lang)) for label, count in items]


def ranks(an: Analysis, kode: str, lang: str = "id") -> list[tuple[str, int, int, str]]:
    """Rank of the kecamatan among all (1 = best) per headline indicator in the reference year."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    out = []
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        order = latest.sort_values(ind.kolom, ascending=ind.arah < 0, kind="stable")["kode_wilayah"].tolist()
        if kode in order:
            pos = order.index(kode) + 1
            out.append((ind.label(lang), pos, len(order),
                        i18n.t("profil.peringkat", lang, posisi=pos, dari=len(order))))
    return out


def compare_with_district(an: Analysis, kode: str, lang: str = "id") -> pd.DataFrame:
    """Headline rates of the kecamatan and the kabupaten in the same (latest comparable) year."""
    f = lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode]).sort_values("tahun")
    if f.empty:
        return pd.DataFrame(columns=["wilayah", "indikator", "label", "nilai", "nilai_teks"])
    r = f.iloc[-1]
    d = an.kab.loc[an.kab["tahun"] == int(r["tahun"])].iloc[0]
    rows = []
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        for who, src in ((an.data.nama(kode), r), (an.nama(KABUPATEN, lang), d)):
            rows.append({"wilayah": who, "indikator": k, "label": ind.label(lang), "nilai": float(src[ind.kolom]),
                         "nilai_teks": fmt.pct(src[ind.kolom], lang=lang)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Kebutuhan (needs)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Needs:
    indikator: str
    target: float
    tahun_capai: int
    table: pd.DataFrame  # one row per kecamatan + a total row, numeric and `_teks` columns
    total_kk: int
    total_per_tahun: float
    total_biaya: float
    biaya_per_kk: float
    ringkasan: str
    metrics: list[tuple[str, str]] = field(default_factory=list)
    display: pd.DataFrame | None = None


def default_reach_year(an: Analysis, dokumen: str, indikator: str) -> int:
    """The document's target year when it is still ahead; otherwise five years after the data."""
    f = targets.final(an.data.target, dokumen, indikator)
    if f is not None and f[0] > an.tahun:
        return f[0]
    return an.tahun + 5


def needs_table(an: Analysis, indikator: str, target: float, tahun_capai: int, biaya: pd.DataFrame,
                lang: str = "id") -> Needs:
    latest = latest_rows(lineage.comparable_only(an.kec))
    t = needs.households_needed(latest, indikator, target=target, target_year=tahun_capai,
                                growth=an.growth, biaya=biaya)
    t = t.assign(nama=t["kode_wilayah"].map(dict(zip(latest["kode_wilayah"], latest["nama"], strict=True))))
    t = t.sort_values("kesenjangan_kk", ascending=False, kind="stable").reset_index(drop=True)
    total_kk = int(t["kesenjangan_kk"].sum())
    left = int(t["tahun_tersisa"].max()) if len(t) else 0
    per_year = total_kk / left if left > 0 else float("nan")
    unit = needs.cost_per_household(biaya, indikator)
    total = pd.DataFrame([{
        "kode_wilayah": KABUPATEN, "nama": i18n.t("kebutuhan.total", lang), "tahun": an.tahun,
        "tahun_target": tahun_capai, "tahun_tersisa": left,
        "kk_kini": int(t["kk_kini"].sum()), "kk_proyeksi": int(t["kk_proyeksi"].sum()),
        "kk_akses": int(t["kk_akses"].sum()), "kk_sasaran": int(t["kk_sasaran"].sum()),
        "kesenjangan_kk": total_kk, "per_tahun": per_year, "biaya_total": total_kk * unit,
        "biaya_per_tahun": per_year * unit,
    }])
    full = pd.concat([t, total], ignore_index=True)
    full = full.assign(
        kk_kini_teks=[fmt.number(v, 0, lang) for v in full["kk_kini"]],
        kk_proyeksi_teks=[fmt.number(v, 0, lang) for v in full["kk_proyeksi"]],
        kk_akses_teks=[fmt.number(v, 0, lang) for v in full["kk_akses"]],
        kesenjangan_teks=[fmt.number(v, 0, lang) for v in full["kesenjangan_kk"]],
        per_tahun_teks=[fmt.number(v, 0, lang) for v in full["per_tahun"]],
        biaya_total_teks=[fmt.rupiah(v, lang) for v in full["biaya_total"]],
        biaya_per_tahun_teks=[fmt.rupiah(v, lang) for v in full["biaya_per_tahun"]],
    )
    ind = indicators.get(indikator)
    key = "kebutuhan.ringkasan_naik" if ind.arah > 0 else "kebutuhan.ringkasan_babs"
    if left <= 0:
        key = "kebutuhan.ringkasan_lewat"
    ringkasan = i18n.t(key, lang, kk=fmt.kk(total_kk, lang), per_tahun=fmt.kk(per_year, lang),
                       tahun=tahun_capai, target=fmt.pct(target, 1, lang), indikator=ind.label(lang).lower(),
                       biaya=fmt.rupiah(total_kk * unit, lang), biaya_tahun=fmt.rupiah(per_year * unit, lang))
    t_ = i18n.t
    metrics = [(t_("kebutuhan.m_kk", lang), fmt.kk(total_kk, lang)),
               (t_("kebutuhan.m_per_tahun", lang), fmt.kk(per_year, lang)),
               (t_("kebutuhan.m_biaya", lang), fmt.rupiah(total_kk * unit, lang)),
               (t_("kebutuhan.m_biaya_tahun", lang), fmt.rupiah(per_year * unit, lang))]
    display = pd.DataFrame({
        t_("tabel.kecamatan", lang): full["nama"],
        t_("kebutuhan.k_kk_kini", lang, tahun=an.tahun): full["kk_kini_teks"],
        t_("kebutuhan.k_kk_proyeksi", lang, tahun=tahun_capai): full["kk_proyeksi_teks"],
        t_(f"kebutuhan.k_akses_{'naik' if ind.arah > 0 else 'babs'}", lang): full["kk_akses_teks"],
        t_("kebutuhan.k_kesenjangan", lang): full["kesenjangan_teks"],
        t_("kebutuhan.k_per_tahun", lang): full["per_tahun_teks"],
        t_("kebutuhan.k_biaya", lang): full["biaya_total_teks"],
        t_("kebutuhan.k_biaya_tahun", lang): full["biaya_per_tahun_teks"],
    })
    return Needs(indikator, float(target), int(tahun_capai), full, total_kk, per_year, total_kk * unit, unit,
                 ringkasan, metrics, display)


@dataclass(frozen=True)
class CostEditor:
    frame: pd.DataFrame  # kode, langkah, biaya_per_kk, porsi (the editable rows of one indicator)
    locked: list[str]  # columns that cannot be edited


def cost_editor(biaya: pd.DataFrame, indikator: str, lang: str = "id") -> CostEditor:
    rows = biaya.loc[biaya["indikator"] == indikator, ["kode", "langkah", "biaya_per_kk", "porsi"]]
    return CostEditor(rows.reset_index(drop=True), ["kode", "langkah"])


def costs_from_editor(biaya: pd.DataFrame, indikator: str, edited: pd.DataFrame) -> pd.DataFrame:
    """The unit-cost table with the edited rows of one indicator put in (a copy; the file is untouched).

    Empty or negative cells fall back to the bundled value, and shares are kept within 0..1.
    """
    base = biaya.set_index("kode")
    e = edited.set_index("kode")
    cost = pd.to_numeric(e["biaya_per_kk"], errors="coerce")
    share = pd.to_numeric(e["porsi"], errors="coerce")
    cost = cost.where(cost >= 0, base.loc[e.index, "biaya_per_kk"])
    share = share.where(share.between(0, 1), base.loc[e.index, "porsi"])
    out = base.copy()
    out.loc[e.index, "biaya_per_kk"] = cost.astype(float)
    out.loc[e.index, "porsi"] = share.astype(float)
    return out.reset_index()


def default_scenario(result: Needs) -> int:
    """A starting number for the what-if: this plan's households a year, rounded to 100 (1.000 if none)."""
    v = result.total_per_tahun
    if v is None or not np.isfinite(v) or v <= 0:
        return 1000
    return int(max(100, round(v / 100.0) * 100))


def scenario_text(reached: pd.DataFrame, target: float, indikator: str, lang: str = "id") -> str:
    kab = reached.loc[reached["kode_wilayah"] == KABUPATEN].iloc[0]
    kec = reached.loc[reached["kode_wilayah"] != KABUPATEN]
    n_ok = int(kec["tahun_capai"].notna().sum())
    t = i18n.t
    if pd.isna(kab["tahun_capai"]):
        head = t("kebutuhan.skenario_tidak", lang, target=fmt.pct(target, 1, lang))
    else:
        head = t("kebutuhan.skenario_capai", lang, target=fmt.pct(target, 1, lang), tahun=int(kab["tahun_capai"]))
    return head + " " + t("kebutuhan.skenario_kecamatan", lang, n=n_ok, dari=len(kec))


def scenario_display(reached: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    kec = reached.loc[reached["kode_wilayah"] != KABUPATEN].sort_values(
        "tahun_capai", na_position="last", kind="stable")
    t = i18n.t
    return pd.DataFrame({t("tabel.kecamatan", lang): kec["nama"],
                         t("kebutuhan.k_alokasi", lang): kec["alokasi_teks"],
                         t("kebutuhan.k_tahun_capai", lang): kec["tahun_teks"]})


def yearly(an: Analysis, indikator: str, target: float, tahun_capai: int, kode: str = KABUPATEN,
           lang: str = "id") -> pd.DataFrame:
    """Year-by-year plan for the kabupaten (or one kecamatan) with formatted columns."""
    frame = an.kab if kode == KABUPATEN else lineage.comparable_only(an.kec.loc[an.kec["kode_wilayah"] == kode])
    row = frame.sort_values("tahun").iloc[-1]
    g = float(an.growth.get(kode, 0.0))
    plan = needs.yearly_plan(row, indikator, target=target, target_year=tahun_capai, growth=g)
    return plan.assign(tambah_teks=[fmt.kk(v, lang) for v in plan["tambah"]],
                       persen_teks=[fmt.pct(v, lang=lang) for v in plan["persen"]])


def scenario(an: Analysis, indikator: str, target: float, add_per_year: float, lang: str = "id",
             until: int = 2045) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What-if: yearly share per kecamatan and the year each reaches the target."""
    latest = latest_rows(lineage.comparable_only(an.kec))
    series_, reached = needs.what_if(latest, indikator, add_per_year=add_per_year, target=target,
                                     growth=an.growth, until=until)
    names = dict(zip(latest["kode_wilayah"], latest["nama"], strict=True))
    names[KABUPATEN] = i18n.t("umum.kabupaten", lang)
    series_ = series_.assign(nama=series_["kode_wilayah"].map(names))
    reached = reached.assign(
        nama=reached["kode_wilayah"].map(names),
        tahun_teks=[i18n.t("kebutuhan.belum_capai", lang, tahun=until) if pd.isna(y) else str(int(y))
                    for y in reached["tahun_capai"]],
        alokasi_teks=[fmt.number(v, 0, lang) for v in reached["alokasi"]],
    )
    return series_, reached


# --------------------------------------------------------------------------------------------
# Metodologi
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Methods:
    indicators: pd.DataFrame
    statuses: pd.DataFrame
    targets: pd.DataFrame
    files: pd.DataFrame
    window: int


def methods(an: Analysis, lang: str = "id") -> Methods:
    """The tables of the methods page, built from the registries so text and formulas cannot drift."""
    t = i18n.t
    ind = pd.DataFrame([{
        t("tabel.indikator", lang): i.label(lang),
        t("metodologi.k_definisi", lang): t(f"definisi.{i.kode}", lang),
        t("metodologi.k_jmp", lang): i.jmp_en if lang == "en" else i.jmp_id,
        t("metodologi.k_arah", lang): t("metodologi.arah_naik" if i.arah > 0 else "metodologi.arah_turun", lang),
        t("metodologi.k_rumus", lang): _formula(i),
    } for i in indicators.REGISTRY.values()])
    on, acc = fmt.number(progress.ON_TRACK, 2, lang), fmt.number(progress.NEEDS_ACCELERATION, 2, lang)
    rules = {
        Status.TERCAPAI: t("metodologi.aturan_tercapai", lang),
        Status.SESUAI_JALUR: f"R ≥ {on}",
        Status.PERLU_PERCEPATAN: f"{acc} ≤ R < {on}",
        Status.LAMBAT: f"0 ≤ R < {acc}",
        Status.MEMBURUK: "R < 0",
        Status.TIDAK_TERCAPAI: t("metodologi.aturan_tidak_tercapai", lang),
        Status.DATA_KURANG: t("metodologi.aturan_data_kurang", lang),
    }
    statuses = pd.DataFrame([{t("tabel.status", lang): status_label(s.value, lang),
                              t("metodologi.k_aturan", lang): rule} for s, rule in rules.items()])
    tg = an.data.target
    tgt = pd.DataFrame({
        t("tabel.dokumen", lang): tg["dokumen"],
        t("tabel.indikator", lang): [indicators.get(k).label(lang) for k in tg["indikator"]],
        t("metodologi.k_wilayah", lang): tg["kode_wilayah"].fillna(t("umum.kabupaten", lang)),
        t("grafik.tahun", lang): tg["tahun"].astype(str),
        t("tabel.target", lang): [indicators.get(k).teks(v, lang) for k, v in zip(tg["indikator"], tg["nilai"],
                                                                                   strict=True)],
        t("metodologi.k_catatan", lang): tg["catatan"].fillna(""),
    })
    files = pd.DataFrame([{
        t("metodologi.k_berkas", lang): name,
        t("metodologi.k_isi", lang): t(f"berkas.{key}.isi", lang),
        t("metodologi.k_sumber", lang): t(f"berkas.{key}.sumber", lang),
        t("metodologi.k_status", lang): t(f"berkas.{key}.status", lang),
    } for key, name in kinds.bundled_files()])
    return Methods(ind, statuses, tgt, files, progress.DEFAULT_WINDOW)


def _formula(ind: indicators.Indicator) -> str:
    """100 × (kk_a + kk_b) / jumlah_kk, written from the registry so it cannot drift from the code."""
    top = " + ".join(ind.pembilang)
    if ind.penyebut is None:
        return f"Σ {top} ({ind.satuan_id})"
    return f"100 × ({top}) / {ind.penyebut}" if len(ind.pembilang) > 1 else f"100 × {top} / {ind.penyebut}"
