"""Make the ILLUSTRATIVE SSK programme matrix for Tanah Bumbu 2025-2029 (seeded, reproducible).

`data/program_ssk.csv`: what each agency would build in 2025-2029, with which money, where, for which indicator:
the programme and activity matrix (indikasi program dan kegiatan) of a district sanitation strategy, one row per
activity, place, funding source and year. It is built from what the dashboard already knows and labels every row
`ilustratif`:

- the agencies, activities, units and households per unit of `data/kegiatan_opd.csv` (the activities the agencies
  ran in 2023-2025), with the same names so the matrix can be matched to their realisation; their unit costs from
  `data/biaya_satuan.csv` where it has the step, else the activity table's own (pagu / target output);
- the lead agencies of `data/peran_opd.csv` for the activities the activity table lacks (IPLT capacity, desludging
  trucks, septic-tank upgrades, latrine stimulants);
- where access work goes: each kecamatan's 2024 shortfall against the illustrative SSK 2025-2029 targets (layak 92%,
  open defecation 0% by 2029; `data/target.csv`), as a plan written in 2024 would see it; the villages not yet
  verified open-defecation free in 2024 (`data/stbm_desa.csv`) for STBM triggering, by their real codes; standing
  water per kecamatan (`data/drainase.csv`).

The plan is deliberately short of the need, unevenly: remote kecamatan (Teluk Kepayang, Mantewe) get less than they
need, Satui (the largest need) about two thirds, Kusan Hilir a little more than it needs. Three things are planted for
the checks to find, as real matrices have them: a communal IPAL planned in Batulicin, which is already above the layak
target (a question for the clinic, not an error); two budget lines that do not equal volume x unit cost (rounded
"pagu indikatif"); scheduled desludging (LLTT) growing faster than the sludge plant (IPLT) until its extension in 2028.
Money is volume x unit cost at constant prices otherwise. Programme and activity codes are the regional planning
nomenclature's (Permendagri 90/2019) where public sources agree on them; sub-activity codes only for the one found
(1.02.02.2.02.0017, environmental health); the others are left empty rather than guessed.

Run: `python scripts/build_ssk.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanitasi.paths import DATA_DIR, SSK_CSV, STBM_DESA_CSV  # noqa: E402

SEED = 20240917  # the day a 2024 SSK might have been agreed
YEARS = list(range(2025, 2030))
RAMP = {2025: 0.85, 2026: 0.95, 2027: 1.0, 2028: 1.05, 2029: 1.1}  # plans grow over the period
DINKES = "Dinas Kesehatan"
PERKIM = "Dinas Perumahan, Kawasan Permukiman dan Pertanahan"
PUPR = "Dinas Pekerjaan Umum dan Penataan Ruang"
DLH = "Dinas Lingkungan Hidup"
DISDIK = "Dinas Pendidikan dan Kebudayaan"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"

# programme (code, name) and activity (code, name), the nomenclature's where public sources give them
P_KES = ("1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat")
K_KES = ("1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota")
SUB_KESLING = "1.02.02.2.02.0017"  # Pengelolaan Pelayanan Kesehatan Lingkungan
P_LIMBAH = ("1.03.05", "Program Pengelolaan dan Pengembangan Sistem Air Limbah")
K_LIMBAH = ("1.03.05.2.01", "Pengelolaan dan Pengembangan Sistem Air Limbah Domestik dalam Daerah Kabupaten/Kota")
P_DRAINASE = ("1.03.06", "Program Pengelolaan dan Pengembangan Sistem Drainase")
K_DRAINASE = ("1.03.06.2.01", "Pengelolaan dan Pengembangan Sistem Drainase yang Terhubung Langsung dengan Sungai "
                              "dalam Daerah Kabupaten/Kota")
P_PERKIM = ("1.04.03", "Program Kawasan Permukiman")
K_PERKIM = (None, "Peningkatan Sanitasi Rumah Tangga di Kawasan Permukiman")
P_SAMPAH = ("2.11.11", "Program Pengelolaan Persampahan")
K_SAMPAH = (None, "Pengelolaan Sampah")
P_DIDIK = ("1.01.02", "Program Pengelolaan Pendidikan")
K_DIDIK = (None, "Pengelolaan Sarana dan Prasarana Sekolah")
P_RENCANA = ("5.01.02", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah")
K_RENCANA = (None, "Koordinasi Perencanaan Pembangunan Sanitasi (Pokja PPSP)")

# how a kecamatan's access work compares with its shortfall: remote ones get less, Satui about two thirds
COVER = {"63.10.02": 1.1, "63.10.03": 0.85, "63.10.04": 0.65, "63.10.05": 0.8, "63.10.07": 0.9, "63.10.08": 0.6,
         "63.10.09": 0.8, "63.10.10": 0.9, "63.10.11": 0.8, "63.10.12": 0.45, "63.10.06": 1.0, "63.10.01": 1.0}
LATRINE_SOURCES = {"apbd_kab": 0.5, "apbn_dak": 0.3, "dana_desa": 0.1, "swadaya": 0.1}
LLTT = {2025: 900, 2026: 1100, 2027: 1400, 2028: 1700, 2029: 2000}  # households desludged a year, district-wide
IPAL = {"63.10.04": (2026, 2027, 2028, 2029), "63.10.08": (2027, 2029), "63.10.11": (2026, 2028),
        "63.10.09": (2028,), "63.10.03": (2029,), "63.10.01": (2027,)}  # Batulicin: the planted question


def cost_of(biaya: pd.DataFrame, kegiatan: pd.DataFrame, step: str | None, activity: str) -> float:
    """A unit cost: the unit-cost table's step when it has one, else the activity table's 2025 pagu / target."""
    if step is not None:
        return float(biaya.loc[biaya["kode"] == step, "biaya_per_kk"].iloc[0])
    row = kegiatan.loc[(kegiatan["kegiatan"] == activity) & (kegiatan["tahun"] == 2025)].iloc[0]
    return round(float(row["pagu"]) / float(row["target_output"]), -3)


def split(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Whole units per funding source adding up to `total` (largest remainders)."""
    exact = {k: total * v for k, v in shares.items()}
    out = {k: int(np.floor(v)) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - out[k], reverse=True)[:total - sum(out.values())]:
        out[k] += 1
    return {k: v for k, v in out.items() if v > 0}


def row(program, kegiatan, sub, opd, indikator, year, volume, satuan, kk, unit_cost, source, *, kec=None, desa=None,
        sub_code=None, money=None):
    return {"kode_program": program[0], "program": program[1], "kode_kegiatan": kegiatan[0], "kegiatan": kegiatan[1],
            "kode_sub_kegiatan": sub_code, "sub_kegiatan": sub, "opd": opd, "indikator": indikator,
            "kode_wilayah": kec, "kode_desa": desa, "tahun": year, "volume": volume, "satuan": satuan,
            "kk_per_satuan": kk, "biaya_satuan": unit_cost,
            "biaya": round(volume * unit_cost) if money is None else money, "sumber_dana": source,
            "sumber": "ilustratif"}


def shortfalls(akses: pd.DataFrame) -> pd.DataFrame:
    """Each kecamatan in 2024 against the SSK 2029 targets: households a year to reach 92% layak and to end open
    defecation, spread over 2025-2029 (growth left out: a plan's first cut)."""
    a = akses.loc[akses["tahun"] == 2024].set_index("kode_wilayah")
    layak = a["kk_aman"] + a["kk_layak_sendiri"] + a["kk_layak_bersama"]
    return pd.DataFrame({"layak": np.maximum(0.92 * a["jumlah_kk"] - layak, 0) / 5,
                         "babs": a["kk_babs_terbuka"] / 5}).sort_index()


def build(rng: np.random.Generator) -> pd.DataFrame:
    kegiatan = pd.read_csv(DATA_DIR / "kegiatan_opd.csv")
    biaya = pd.read_csv(DATA_DIR / "biaya_satuan.csv")
    akses = pd.read_csv(DATA_DIR / "akses_sanitasi.csv", dtype={"kode_wilayah": str})
    need = shortfalls(akses)
    rows = []
    latrine = cost_of(biaya, kegiatan, "jamban_septik_individu", "")
    ipal = cost_of(biaya, kegiatan, None, "Pembangunan IPAL komunal / MCK++")
    for kec, r in need.iterrows():
        for y in YEARS:
            units = int(round(r["layak"] * COVER[kec] * RAMP[y] * rng.uniform(0.92, 1.08)))
            for source, n in split(units, LATRINE_SOURCES).items():
                rows.append(row(P_PERKIM, K_PERKIM, "Bantuan jamban sehat dan tangki septik individual", PERKIM,
                                "layak", y, n, "unit", 1, latrine, source, kec=kec))
            if y in IPAL.get(kec, ()):
                money = 600_000_000 if (kec, y) == ("63.10.08", 2029) else None  # a rounded pagu: the check sees it
                rows.append(row(P_LIMBAH, K_LIMBAH, "Pembangunan IPAL komunal / MCK++", PUPR, "layak", y, 1, "unit",
                                45, ipal, "apbn_dak", kec=kec, money=money))
            behaviour = int(round(r["babs"] * min(COVER[kec] + 0.2, 1.1) * RAMP[y]))
            if behaviour:
                rows.append(row(P_KES, K_KES, "Pendampingan perubahan perilaku BABS", DINKES, "babs_terbuka", y,
                                behaviour, "KK", 1, cost_of(biaya, kegiatan, "pemicuan_stbm", ""), "apbd_kab",
                                kec=kec, sub_code=SUB_KESLING))
                # half the households that stop open defecation need help to build: counted once, by the row above
                rows.append(row(P_PERKIM, K_PERKIM, "Stimulan jamban sehat bagi KK miskin yang berhenti BABS", PERKIM,
                                "babs_terbuka", y, behaviour // 2, "unit", 0,
                                cost_of(biaya, kegiatan, "stimulan_jamban", ""),
                                "csr_baznas" if y % 2 else "dana_desa", kec=kec))
    # safely managed: scheduled desludging district-wide, tanks made emptiable, trucks, the plant's extension
    lltt = cost_of(biaya, kegiatan, "penyedotan_terjadwal", "")
    for y in YEARS:
        paid = LLTT[y] // 5  # a fifth pay the tariff themselves
        rows.append(row(P_LIMBAH, K_LIMBAH, "Layanan lumpur tinja terjadwal (LLTT) dan IPLT", PUPR, "aman", y,
                        LLTT[y] - paid, "KK", 1, lltt, "apbd_kab"))
        rows.append(row(P_LIMBAH, K_LIMBAH, "Layanan lumpur tinja terjadwal (LLTT) dan IPLT", PUPR, "aman", y, paid,
                        "KK", 1, lltt, "swadaya"))
        rows.append(row(P_PERKIM, K_PERKIM, "Perbaikan tangki septik agar kedap (siap sedot)", PERKIM, "aman", y,
                        int(0.4 * LLTT[y]), "unit", 0, cost_of(biaya, kegiatan, "peningkatan_tangki_septik", ""),
                        "apbd_kab" if y % 2 else "dana_desa"))
    rows.append(row(P_LIMBAH, K_LIMBAH, "Pengadaan truk tinja", PUPR, "aman", 2026, 1, "truk", 0, 650_000_000,
                    "apbd_kab"))
    rows.append(row(P_LIMBAH, K_LIMBAH, "Pengadaan truk tinja", PUPR, "aman", 2028, 1, "truk", 0, 650_000_000,
                    "apbn_dak"))
    rows.append(row(P_LIMBAH, K_LIMBAH, "Perluasan kapasitas IPLT", PUPR, "aman", 2028, 20, "m³/hari", 0, 250_000_000,
                    "apbn_dak"))
    # open-defecation-free villages: each village not yet verified in 2024 triggered once, by its real code
    desa = pd.read_csv(STBM_DESA_CSV, dtype=str)
    todo = desa.loc[(desa["tahun"] == "2024") & (desa["status_odf"] != "terverifikasi")].sort_values("kode_desa")
    order = todo.sample(frac=1.0, random_state=int(rng.integers(1_000_000)))
    trigger = cost_of(biaya, kegiatan, None, "Pemicuan STBM dan verifikasi desa ODF")
    for i, (_, v) in enumerate(order.iterrows()):
        rows.append(row(P_KES, K_KES, "Pemicuan STBM dan verifikasi desa ODF", DINKES, "desa_odf", YEARS[i % 5], 1,
                        "desa", 0, trigger, "apbd_kab" if i % 3 else "apbn_dak", kec=v["kode_wilayah"],
                        desa=v["kode_desa"], sub_code=SUB_KESLING))
    # standing water where there is most of it; waste district-wide; school sanitation; the SSK itself
    drains = pd.read_csv(DATA_DIR / "drainase.csv", dtype={"kode_wilayah": str})
    wet = drains.loc[(drains["tahun"] == 2024) & (drains["genangan_ha"] > 15), "kode_wilayah"].tolist()
    drain_cost = cost_of(biaya, kegiatan, None, "Normalisasi saluran drainase lingkungan")
    for y in YEARS:
        for kec in wet:
            rows.append(row(P_DRAINASE, K_DRAINASE, "Normalisasi saluran drainase lingkungan", PUPR, "genangan", y,
                            int(rng.integers(2, 5)), "ha", 0, drain_cost, "apbd_prov" if kec == "63.10.04" else
                            "apbd_kab", kec=kec))
        tps3r = cost_of(biaya, kegiatan, None, "Pembangunan TPS3R dan bank sampah")
        units = 2 if y >= 2027 else 1
        rows.append(row(P_SAMPAH, K_SAMPAH, "Pembangunan TPS3R dan bank sampah", DLH, "sampah_pengurangan", y, units,
                        "unit", 0, tps3r, "apbn_dak",
                        money=1_500_000_000 if y == 2028 else None))  # a rounded pagu: the check sees it
        rows.append(row(P_SAMPAH, K_SAMPAH, "Pengangkutan sampah ke TPA", DLH, "sampah_penanganan", y,
                        int(round(10_500 * 1.06 ** (y - 2025), -1)), "ton", 0,
                        cost_of(biaya, kegiatan, None, "Pengangkutan sampah ke TPA"), "apbd_kab"))
        rows.append(row(P_DIDIK, K_DIDIK, "Sanitasi sekolah dan CTPS", DISDIK, None, y, 12, "sekolah", 0,
                        cost_of(biaya, kegiatan, None, "Sanitasi sekolah dan CTPS"), "apbd_kab" if y % 2 else
                        "csr_baznas"))
        rows.append(row(P_RENCANA, K_RENCANA, "Pemutakhiran SSK dan coaching clinic PPSP", BAPPEDA, None, y, 1,
                        "dokumen", 0, 250_000_000, "apbd_kab"))
    frame = pd.DataFrame(rows)
    frame = frame.loc[frame["volume"] > 0].reset_index(drop=True)
    order = {code: i for i, code in enumerate([P_KES[0], P_PERKIM[0], P_LIMBAH[0], P_DRAINASE[0], P_SAMPAH[0],
                                                P_DIDIK[0], P_RENCANA[0]])}
    return frame.sort_values(["kode_program", "sub_kegiatan", "kode_wilayah", "kode_desa", "sumber_dana", "tahun"],
                             key=lambda c: c.map(order) if c.name == "kode_program" else c, kind="stable",
                             na_position="first").reset_index(drop=True)


def main() -> None:
    frame = build(np.random.default_rng(SEED))
    frame.to_csv(SSK_CSV, index=False, lineterminator="\n")
    money = frame.groupby(["tahun", "sumber_dana"])["biaya"].sum().unstack(fill_value=0) / 1e9
    print(f"{len(frame)} rows; money per year and source (Rp miliar):\n{money.round(2)}")
    served = frame.loc[frame["kk_per_satuan"] > 0].assign(kk=lambda d: d["volume"] * d["kk_per_satuan"])
    print("households reached a year:\n", served.groupby(["indikator", "tahun"])["kk"].sum().unstack())


if __name__ == "__main__":
    main()
