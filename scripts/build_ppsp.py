"""Make the ILLUSTRATIVE PPSP tables beyond household access (seeded, reproducible).

- `data/stbm_kecamatan.csv`: villages (desa/kelurahan) verified or declared open-defecation free (ODF/SBS)
  and the STBM household categories (JSP, JSSP, sharing, BABS) per kecamatan and year, 2017-2025. Calibrated
  to the one published figure: 39 of about 144 desa ODF in 2017 (Dinkes, Tribun Banjarmasin 2017-12-20),
  and the December 2022 declaration of 40 villages. The villages are the real ones: the Kepmendagri 2025 code
  list (`data/batas/`, 157 desa/kelurahan); the 149 that have a polygon (the 2022 list) count in every year,
  the 8 formed since count from 2025, the first list that names them (their exact year is not known).
- `data/stbm_desa.csv`: the same STBM figures per village, 2021-2025. The kecamatan table IS the roll-up of the
  village simulation (`sanitasi.desa.rollup`), so the two agree exactly. Village rows start in 2021: before the
  2021 split the villages of Kusan Tengah and Teluk Kepayang had other codes, which are not in our sources.
  Rules that make it read like a registry: a verified ODF village has no household practising open
  defecation, a declared one almost none; villages become ODF in a fixed order (never lose the status).
- `data/sampah.csv`: district waste generation, reduction and handling (ton/year), 2018-2025, against the
  Jakstranas/Jakstrada 2025 targets (30% reduction, 70% handling).
- `data/drainase.csv`: standing-water area (genangan, ha) per kecamatan and year, 2018-2025.
- `data/kegiatan_opd.csv`: agency (OPD) activities 2023-2025 with output targets, realisation, budget
  (pagu) and spending, and how many households one output unit serves.
- `data/komitmen.csv`: example clinic commitments (marked ILUSTRATIF).

As with `build_akses.py`, the two kecamatan created in 2021 are simulated on today's boundaries and folded
into their parents for the years before they existed. Run: `python scripts/build_ppsp.py`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanitasi.desa import rollup  # noqa: E402
from sanitasi.indicators import apportion  # noqa: E402
from sanitasi.paths import BATAS_DESA_SUMBER, DATA_DIR, KODE_DESA_CSV, STBM_DESA_CSV, WILAYAH_CSV  # noqa: E402

SEED = 20221215  # the date of the 2022 ODF declaration event
STBM_YEARS = np.arange(2017, 2026)
YEARS = np.arange(2018, 2026)
DESA_SEED = 20250101
DESA_FROM = 2021  # the first year of today's 12 kecamatan, and so of today's village codes
NEW_FROM = 2025  # villages without a 2022 polygon first appear in the 2025 code list
LATRINES = ["kk_jsp", "kk_jssp", "kk_sharing", "kk_od", "kk_lainnya"]
# kode: (share ODF verified 2017, share 2025, pace curve) - urban and coastal ahead, remote behind
ODF = {
    "63.10.01": (0.55, 1.00, 0.8), "63.10.02": (0.40, 0.95, 0.9), "63.10.03": (0.18, 0.82, 1.0),
    "63.10.04": (0.25, 0.70, 1.1), "63.10.05": (0.10, 0.64, 1.1), "63.10.06": (0.65, 1.00, 0.8),
    "63.10.07": (0.33, 0.92, 0.9), "63.10.08": (0.08, 0.50, 1.3), "63.10.09": (0.12, 0.78, 1.0),
    "63.10.10": (0.28, 0.86, 0.9), "63.10.11": (0.15, 0.77, 1.0), "63.10.12": (0.00, 0.44, 1.4),
}
# Susenas-style layak share used to anchor the STBM healthy-latrine share (STBM counts more as access)
GENANGAN_2018 = {"63.10.01": 38, "63.10.02": 62, "63.10.03": 21, "63.10.04": 44, "63.10.05": 12, "63.10.06": 71,
                 "63.10.07": 18, "63.10.08": 9, "63.10.09": 15, "63.10.10": 11, "63.10.11": 27, "63.10.12": 6}


def fold_into_parents(frame: pd.DataFrame, wilayah: pd.DataFrame, sum_cols: list[str]) -> pd.DataFrame:
    born = wilayah.set_index("kode")["berlaku_sejak"].astype(int)
    parent = wilayah.set_index("kode")["pemekaran_dari"].dropna()
    before = frame["tahun"] < frame["kode_wilayah"].map(born)
    moved = frame.loc[before].assign(kode_wilayah=lambda d: d["kode_wilayah"].map(parent))
    return (pd.concat([frame.loc[~before], moved]).groupby(["kode_wilayah", "tahun"], as_index=False)[sum_cols].sum()
            .sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True))


def villages() -> pd.DataFrame:
    """Today's villages (Kepmendagri 2025), with the first year each counts in the tables (`sejak`)."""
    codes = pd.read_csv(KODE_DESA_CSV, dtype=str)
    drawn = {f["properties"]["kode"] for f in json.loads(BATAS_DESA_SUMBER.read_text(encoding="utf-8"))["features"]}
    out = codes.loc[codes["tingkat"] != "kecamatan"].reset_index(drop=True)
    return out.assign(kode_wilayah=out["kode"].str.slice(0, 8),
                      sejak=np.where(out["kode"].isin(drawn), int(STBM_YEARS[0]), NEW_FROM))


def stbm(rng: np.random.Generator, desa: pd.DataFrame, akses: pd.DataFrame) -> pd.DataFrame:
    rows = []
    kk_of = akses.set_index(["kode_wilayah", "tahun"])["jumlah_kk"]
    for kode, (s0, s1, curve) in ODF.items():
        best = 0  # a verified village keeps its status: the count never falls while the villages stay the same
        for y in STBM_YEARS:
            n = int(((desa["kode_wilayah"] == kode) & (desa["sejak"] <= y)).sum())
            t = (y - STBM_YEARS[0]) / (STBM_YEARS[-1] - STBM_YEARS[0])
            share = s0 + (s1 - s0) * t**curve
            verified = int(np.clip(round(n * share + rng.normal(0, 0.3)), 0, n))
            best = verified = min(n, max(verified, best))
            declared = int(np.clip(round((n - verified) * (0.35 if y >= 2022 else 0.15)), 0, n - verified))
            # households: STBM registry (Dinkes) counts differ from Susenas; derived from the access table's size
            kk = kk_of.get((kode, int(y)), np.nan)
            rows.append({"kode_wilayah": kode, "tahun": int(y), "jumlah_desa": n, "desa_odf_terverifikasi": verified,
                         "desa_odf_deklarasi": declared, "_kk": kk})
    frame = pd.DataFrame(rows)
    # 2017 has no access row: grow back from 2018 at 2.7% a year
    k18 = frame.loc[frame["tahun"] == 2018].set_index("kode_wilayah")["_kk"]
    frame.loc[frame["tahun"] == 2017, "_kk"] = frame.loc[frame["tahun"] == 2017, "kode_wilayah"].map(k18 / 1.027)
    return frame


def stbm_households(rng: np.random.Generator, frame: pd.DataFrame, akses: pd.DataFrame) -> pd.DataFrame:
    """JSP/JSSP/sharing/BABS households: the STBM 'jamban sehat' share runs a few points above Susenas layak."""
    layak = (akses.assign(p=lambda d: (d["kk_aman"] + d["kk_layak_sendiri"] + d["kk_layak_bersama"]) / d["jumlah_kk"])
             .set_index(["kode_wilayah", "tahun"])["p"])
    babs = (akses.assign(p=lambda d: d["kk_babs_terbuka"] / d["jumlah_kk"]).set_index(["kode_wilayah", "tahun"])["p"])
    out = []
    for _, r in frame.iterrows():
        key = (r["kode_wilayah"], int(r["tahun"]))
        base_layak = layak.get(key, layak.get((r["kode_wilayah"], 2018), 0.72) - 0.015)
        base_babs = babs.get(key, babs.get((r["kode_wilayah"], 2018), 0.09) + 0.004)
        kk = int(round(r["_kk"] * (1 + rng.normal(0, 0.01))))  # a registry of its own, not BPS's count
        sehat = min(0.99, base_layak + 0.04 + rng.normal(0, 0.008))
        jsp = int(round(kk * sehat * 0.78))
        jssp = int(round(kk * sehat)) - jsp
        od = int(round(kk * max(0.0, base_babs - 0.01 + rng.normal(0, 0.004))))
        sharing = int(round(kk * 0.05))
        rest = kk - jsp - jssp - od - sharing
        if rest < 0:
            sharing = max(0, sharing + rest)
            rest = kk - jsp - jssp - od - sharing
        out.append({**r.drop(labels="_kk").to_dict(), "jumlah_kk": kk, "kk_jsp": jsp, "kk_jssp": jssp,
                    "kk_sharing": sharing, "kk_od": od, "kk_lainnya": rest})
    return pd.DataFrame(out)


def allocate(total: int, weights: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Whole numbers adding up to `total`, each within its cap, as proportional to `weights` as the caps allow."""
    caps = np.asarray(caps, dtype="int64")
    w = np.asarray(weights, dtype="float64")
    if total > caps.sum():
        raise ValueError(f"{total} does not fit under caps adding up to {caps.sum()}")
    x = np.zeros(len(w))
    active = caps > 0
    while active.any():  # water-filling: shares that pass their cap are fixed at it, the rest shared again
        ww = np.where(active, w, 0.0)
        ww = ww if ww.sum() > 0 else active.astype(float)
        share = (total - x[~active].sum()) * ww / ww.sum()
        over = active & (share > caps)
        if not over.any():
            x = np.where(active, share, x)
            break
        x[over], active = caps[over], active & ~over
    out = np.minimum(np.floor(x + 1e-9).astype("int64"), caps)
    for i in np.argsort(-(x - out), kind="stable").tolist() * 2:  # largest remainders first, where there is room
        if out.sum() == total:
            break
        if out[i] < caps[i]:
            out[i] += 1
    return out


def village_rows(rng: np.random.Generator, frame: pd.DataFrame, desa: pd.DataFrame) -> pd.DataFrame:
    """The kecamatan STBM rows (today's boundaries) shared out over their villages, margins kept exactly.

    Households follow a fixed size per village (kelurahan larger); villages become ODF in a fixed order
    (kelurahan and larger villages earlier, with chance), the first `desa_odf_terverifikasi` of that order
    verified and the next `desa_odf_deklarasi` declared. Households practising open defecation live in
    villages not yet ODF (at most 60% of a village) and a few in declared ones (at most 8%); what does not
    fit moves to 'lainnya', in the kecamatan row too. Each village keeps the date it reached its status.
    """
    desa = desa.assign(berat=rng.lognormal(0.0, 0.45, len(desa)) * np.where(desa["tingkat"] == "kelurahan", 2.5, 1.0))
    desa = desa.assign(urutan=np.log(desa["berat"]) + rng.normal(0, 0.6, len(desa))
                       + (desa["tingkat"] == "kelurahan") - 10 * (desa["sejak"] > STBM_YEARS[0]))
    days = {k: (int(a), int(b)) for k, a, b in zip(desa["kode"], rng.integers(15, 320, len(desa)),
                                                     rng.integers(15, 320, len(desa)), strict=True)}
    first: dict[tuple[str, str], int] = {}
    rows = []
    for r in frame.sort_values(["tahun", "kode_wilayah"]).itertuples(index=False):
        here = desa.loc[(desa["kode_wilayah"] == r.kode_wilayah) & (desa["sejak"] <= r.tahun)]
        here = here.sort_values("urutan", ascending=False, kind="stable").reset_index(drop=True)
        n = len(here)
        status = np.array(["terverifikasi"] * r.desa_odf_terverifikasi + ["deklarasi"] * r.desa_odf_deklarasi
                          + ["belum"] * (n - r.desa_odf_terverifikasi - r.desa_odf_deklarasi))
        kk = apportion(np.array([r.jumlah_kk]), here["berat"].to_numpy()[None, :])[0]
        od_cap = np.select([status == "belum", status == "deklarasi"], [np.floor(0.6 * kk), np.floor(0.08 * kk)], 0)
        od_total = min(int(r.kk_od), int(od_cap.sum()))
        totals = {"kk_od": od_total, "kk_jsp": int(r.kk_jsp), "kk_jssp": int(r.kk_jssp),
                  "kk_sharing": int(r.kk_sharing), "kk_lainnya": int(r.kk_lainnya) + int(r.kk_od) - od_total}
        healthier = np.select([status == "terverifikasi", status == "deklarasi"], [1.15, 1.0], 0.8)
        weights = {"kk_od": kk * np.select([status == "belum", status == "deklarasi"], [1.0, 0.15], 0.0),
                   "kk_jsp": kk * healthier, "kk_jssp": kk.astype(float), "kk_sharing": kk.astype(float)}
        room = kk.copy()
        counts = {}
        for col in ("kk_od", "kk_jsp", "kk_jssp", "kk_sharing"):
            counts[col] = allocate(totals[col], weights[col], od_cap if col == "kk_od" else room)
            room = room - counts[col]
        counts["kk_lainnya"] = room
        for i, v in enumerate(here.itertuples(index=False)):
            st = str(status[i])
            if st != "belum":
                first.setdefault((v.kode, st), int(r.tahun))
            when = ""
            if st != "belum":
                year = first[(v.kode, st)]
                day = days[v.kode][st == "terverifikasi"]
                when = (pd.Timestamp(year, 1, 1) + pd.Timedelta(days=day)).date().isoformat()
            rows.append({"kode_desa": v.kode, "nama_desa": v.nama, "kode_wilayah": r.kode_wilayah,
                         "tahun": int(r.tahun), "jumlah_kk": int(kk[i]), **{c: int(counts[c][i]) for c in LATRINES},
                         "status_odf": st, "tanggal_odf": when, "sumber": "ilustratif"})
    return pd.DataFrame(rows).sort_values(["tahun", "kode_desa"]).reset_index(drop=True)


def sampah(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for y in YEARS:
        t = (y - YEARS[0]) / (YEARS[-1] - YEARS[0])
        generated = 0.52 * 365 * 300_000 * 1.022 ** (y - YEARS[0]) / 1000  # kg/person/day x people -> ton
        reduction = 0.03 + (0.16 - 0.03) * t**1.2 + rng.normal(0, 0.004)
        handling = 0.26 + (0.50 - 0.26) * t + rng.normal(0, 0.01)
        rows.append({"tahun": int(y), "timbulan_ton": round(generated), "pengurangan_ton": round(generated * reduction),
                     "penanganan_ton": round(generated * handling), "sumber": "ilustratif"})
    return pd.DataFrame(rows)


def drainase(rng: np.random.Generator, wilayah: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for kode, ha in GENANGAN_2018.items():
        trend = -0.06 if kode not in ("63.10.04", "63.10.08") else 0.03  # mining areas: more standing water
        for y in YEARS:
            value = ha * (1 + trend) ** (y - YEARS[0]) * (1 + rng.normal(0, 0.06))
            rows.append({"kode_wilayah": kode, "tahun": int(y), "genangan_ha": round(max(0.0, value), 1)})
    frame = fold_into_parents(pd.DataFrame(rows), wilayah, ["genangan_ha"])
    return frame.assign(genangan_ha=frame["genangan_ha"].round(1), sumber="ilustratif")


# agency, programme, activity, indicator, unit, households per unit, unit cost (Rp), plan per year
ACTIVITIES = [
    ("Dinas Kesehatan", "Program Pemenuhan Upaya Kesehatan", "Pemicuan STBM dan verifikasi desa ODF",
     "desa_odf", "desa", 0, 45_000_000, 18),
    ("Dinas Kesehatan", "Program Pemenuhan Upaya Kesehatan", "Pendampingan perubahan perilaku BABS",
     "babs_terbuka", "KK", 1, 350_000, 900),
    ("Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Program Kawasan Permukiman",
     "Bantuan jamban sehat dan tangki septik individual", "layak", "unit", 1, 6_500_000, 650),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Program Pengelolaan dan Pengembangan Sistem Air Limbah",
     "Pembangunan IPAL komunal / MCK++", "layak", "unit", 45, 520_000_000, 4),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Program Pengelolaan dan Pengembangan Sistem Air Limbah",
     "Layanan lumpur tinja terjadwal (LLTT) dan IPLT", "aman", "KK", 1, 1_500_000, 800),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Program Pengelolaan dan Pengembangan Sistem Drainase",
     "Normalisasi saluran drainase lingkungan", "genangan", "ha", 0, 85_000_000, 12),
    ("Dinas Lingkungan Hidup", "Program Pengelolaan Persampahan", "Pembangunan TPS3R dan bank sampah",
     "sampah_pengurangan", "unit", 0, 650_000_000, 3),
    ("Dinas Lingkungan Hidup", "Program Pengelolaan Persampahan", "Pengangkutan sampah ke TPA",
     "sampah_penanganan", "ton", 0, 180_000, 9000),
    ("Dinas Pendidikan dan Kebudayaan", "Program Pengelolaan Pendidikan", "Sanitasi sekolah dan CTPS",
     None, "sekolah", 0, 75_000_000, 10),
    ("Badan Perencanaan Pembangunan Daerah", "Program Perencanaan Pembangunan Daerah",
     "Pemutakhiran SSK dan coaching clinic PPSP", None, "dokumen", 0, 250_000_000, 1),
]
# school sanitation and the SSK update serve no household indicator (None): they are supporting activities, whose
# budget is shown per agency but not counted toward household access
# how each agency performs: (physical realisation, financial realisation) around which years vary
PERFORMANCE = {"Dinas Kesehatan": (0.92, 0.85), "Dinas Perumahan, Kawasan Permukiman dan Pertanahan": (0.60, 0.93),
               "Dinas Pekerjaan Umum dan Penataan Ruang": (0.74, 0.80), "Dinas Lingkungan Hidup": (0.81, 0.79),
               "Dinas Pendidikan dan Kebudayaan": (0.95, 0.93), "Badan Perencanaan Pembangunan Daerah": (1.0, 0.97)}


def kegiatan(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for year in (2023, 2024, 2025):
        for opd, program, activity, indicator, unit, kk_per_unit, unit_cost, plan in ACTIVITIES:
            phys, fin = PERFORMANCE[opd]
            target = int(round(plan * (1 + 0.08 * (year - 2023))))
            done = int(round(target * min(1.1, max(0.2, phys + rng.normal(0, 0.07)))))
            pagu = int(round(target * unit_cost, -5))
            spent = int(round(pagu * min(1.0, max(0.2, fin + rng.normal(0, 0.05))), -5))
            rows.append({"tahun": year, "opd": opd, "program": program, "kegiatan": activity, "indikator": indicator,
                         "target_output": target, "realisasi_output": done, "satuan": unit,
                         "kk_per_satuan": kk_per_unit, "pagu": pagu, "realisasi_anggaran": spent,
                         "sumber": "ilustratif"})
    return pd.DataFrame(rows)


def komitmen() -> pd.DataFrame:
    """Example commitments from a clinic in November 2026 (data up to 2025), one from the year before."""
    note = "ILUSTRATIF: contoh komitmen"
    return pd.DataFrame([
        {"klinik": "2026-11-20", "pihak": "Dinas Kesehatan", "kode_wilayah": "63.10.08",
         "komitmen": "Pemicuan STBM di 5 desa Mantewe yang belum ODF", "indikator": "desa_odf",
         "tenggat": "2027-06-30", "status": "berjalan", "catatan": note},
        {"klinik": "2026-11-20", "pihak": "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
         "kode_wilayah": "63.10.12", "komitmen": "Usulan DAK 250 unit jamban sehat untuk Teluk Kepayang",
         "indikator": "layak", "tenggat": "2027-03-31", "status": "belum", "catatan": note},
        {"klinik": "2026-11-20", "pihak": "Dinas Pekerjaan Umum dan Penataan Ruang", "kode_wilayah": None,
         "komitmen": "Perda retribusi layanan lumpur tinja terjadwal (LLTT)", "indikator": "aman",
         "tenggat": "2027-12-31", "status": "belum", "catatan": note},
        {"klinik": "2025-11-14", "pihak": "Dinas Lingkungan Hidup", "kode_wilayah": None,
         "komitmen": "Dua TPS3R baru beroperasi", "indikator": "sampah_pengurangan", "tenggat": "2026-09-30",
         "status": "berjalan", "catatan": note},
        {"klinik": "2025-11-14", "pihak": "Badan Perencanaan Pembangunan Daerah", "kode_wilayah": None,
         "komitmen": "Pemutakhiran SSK dengan target 2025-2029", "indikator": "layak", "tenggat": "2026-06-30",
         "status": "selesai", "catatan": note},
    ])


def main() -> None:
    rng = np.random.default_rng(SEED)
    wilayah = pd.read_csv(WILAYAH_CSV, dtype=str)
    akses = pd.read_csv(DATA_DIR / "akses_sanitasi.csv", dtype={"kode_wilayah": str})
    # STBM is simulated on today's boundaries, so it needs the access sizes on today's boundaries too:
    # before 2021 the children's households are estimated from their 2021 share of the parent
    akses_now = _today_boundaries(akses, wilayah)
    desa = villages()
    frame = stbm_households(rng, stbm(rng, desa, akses_now), akses_now)
    # the villages have their own generator, so the tables after this one come out as before
    per_desa = village_rows(np.random.default_rng(DESA_SEED), frame, desa)
    cols = ["jumlah_desa", "desa_odf_terverifikasi", "desa_odf_deklarasi", "jumlah_kk", *LATRINES]
    # the kecamatan table is the villages' roll-up, folded into the parents before the 2021 split
    frame = fold_into_parents(rollup(per_desa), wilayah, cols).assign(sumber="ilustratif")
    frame.to_csv(DATA_DIR / "stbm_kecamatan.csv", index=False, lineterminator="\n")
    per_desa.loc[per_desa["tahun"] >= DESA_FROM].to_csv(STBM_DESA_CSV, index=False, lineterminator="\n")
    sampah(rng).to_csv(DATA_DIR / "sampah.csv", index=False, lineterminator="\n")
    drainase(rng, wilayah).to_csv(DATA_DIR / "drainase.csv", index=False, lineterminator="\n")
    kegiatan(rng).to_csv(DATA_DIR / "kegiatan_opd.csv", index=False, lineterminator="\n")
    komitmen().to_csv(DATA_DIR / "komitmen.csv", index=False, lineterminator="\n")
    odf = frame.groupby("tahun")[["desa_odf_terverifikasi", "jumlah_desa"]].sum()
    print("ODF villages:\n", odf.assign(pct=lambda d: (100 * d.iloc[:, 0] / d.iloc[:, 1]).round(1)))


def _today_boundaries(akses: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    parent = wilayah.set_index("kode")["pemekaran_dari"].dropna()
    rows = [akses]
    for child, par in parent.items():
        first = akses.loc[akses["kode_wilayah"] == child, "tahun"].min()
        share = (akses.query("kode_wilayah == @child and tahun == @first")["jumlah_kk"].iloc[0]
                 / (akses.query("kode_wilayah == @child and tahun == @first")["jumlah_kk"].iloc[0]
                    + akses.query("kode_wilayah == @par and tahun == @first")["jumlah_kk"].iloc[0]))
        early = akses.loc[(akses["kode_wilayah"] == par) & (akses["tahun"] < first)].copy()
        counts = [c for c in akses.columns if c == "jumlah_kk" or c.startswith("kk_")]
        child_rows = early.assign(kode_wilayah=child, **{c: (early[c] * share).round().astype(int) for c in counts})
        parent_rows = early.assign(**{c: early[c] - child_rows[c].to_numpy() for c in counts})
        rows = [r.loc[~((r["kode_wilayah"] == par) & (r["tahun"] < first))] for r in rows]
        rows += [child_rows, parent_rows]
    return pd.concat(rows, ignore_index=True)


if __name__ == "__main__":
    main()
