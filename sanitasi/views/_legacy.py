"""Page-view code not yet moved into its page's view module (emptied and deleted by the end of the structure move)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sanitasi import fmt, i18n, indicators, lineage, needs, progress
from sanitasi.analysis import KABUPATEN, Analysis, kecamatan_rows, latest_rows
from sanitasi.cards import rate_text, year_text
from sanitasi.progress import Status, status_label
from sanitasi.views.display import Table


@dataclass(frozen=True)
class ProfileInfo:
    kode: str
    nama: str
    keterangan: str  # capital, villages, households
    catatan: str  # the 2021 split, when it concerns this kecamatan
    catatan_tangga: str  # why the ladder starts later than the data
    tahun: int


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
        perkiraan_teks=[fmt.MISSING if pd.isna(y) else year_text(int(y), lang) for y in a["estimated_year"]],
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
    } for key, name in FILES])
    return Methods(ind, statuses, tgt, files, progress.DEFAULT_WINDOW)


def _formula(ind: indicators.Indicator) -> str:
    """100 × (kk_a + kk_b) / jumlah_kk, written from the registry so it cannot drift from the code."""
    top = " + ".join(ind.pembilang)
    if ind.penyebut is None:
        return f"Σ {top} ({ind.satuan_id})"
    return f"100 × ({top}) / {ind.penyebut}" if len(ind.pembilang) > 1 else f"100 × {top} / {ind.penyebut}"


FILES = [("wilayah", "data/wilayah.csv"), ("akses", "data/akses_sanitasi.csv"), ("target", "data/target.csv"),
         ("batas", "data/batas_kecamatan.geojson"), ("batas_desa", "data/batas_desa.geojson"),
         ("biaya", "data/biaya_satuan.csv"), ("stbm", "data/stbm_kecamatan.csv"), ("stbm_desa", "data/stbm_desa.csv"),
         ("sampah", "data/sampah.csv"), ("drainase", "data/drainase.csv"), ("kegiatan", "data/kegiatan_opd.csv"),
         ("komitmen", "data/komitmen.csv")]

