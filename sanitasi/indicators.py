"""Indicator registry and rates: every percentage is recomputed from summed counts, never averaged.

The ladder follows BPS/Susenas as mapped by NAWASIS to the WHO/UNICEF JMP rungs
(`domain.md` 1.2-1.3). *Layak* is BPS's wide definition: aman + layak sendiri + layak bersama,
so *aman* sits inside *layak*. A new indicator (ODF villages, waste handling, standing water ...)
is one more `Indicator` in `REGISTRY`: it names its table, its count columns and its denominator
(or none, for a quantity such as hectares), its bounds and its unit, and the rates, roll-ups, the
progress engine and the formatting pick it up without changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, fmt

JUMLAH_KK = "jumlah_kk"

# The five rungs as stored, top to bottom. They add up to jumlah_kk.
RUNGS: tuple[str, ...] = ("aman", "layak_sendiri", "layak_bersama", "belum_layak", "babs_terbuka")
RUNG_COLUMNS: tuple[str, ...] = tuple(f"kk_{r}" for r in RUNGS)
COUNT_COLUMNS: tuple[str, ...] = (JUMLAH_KK, *RUNG_COLUMNS)


@dataclass(frozen=True)
class Indicator:
    """What an indicator means and how it is computed.

    `arah` is +1 when higher is better and -1 when lower is better. The rate is
    100 * sum(pembilang) / penyebut, in percent of households (KK).
    """

    kode: str
    label_id: str
    label_en: str
    pembilang: tuple[str, ...]
    penyebut: str | None = JUMLAH_KK  # None: the value is the summed quantity itself (e.g. hectares)
    arah: int = 1
    satuan_id: str = "% KK"
    satuan_en: str = "% of households"
    warna: str = "#1f6f8b"
    jmp_id: str = ""
    jmp_en: str = ""
    utama: bool = False  # headline indicator of the dashboard
    # Fixed class breaks for maps: the same colour means the same range in every year and page.
    kelas: tuple[float, ...] = (20.0, 40.0, 60.0, 80.0)
    tabel: str = "akses"  # the Dataset table that holds the columns
    tingkat: str = "kecamatan"  # the finest level the data exist at: "kecamatan" or "kabupaten"
    batas: tuple[float, float | None] = (0.0, 100.0)  # where projections are clipped
    desimal: int = 1
    definisi: str = "susenas"  # which measurement system (never mixed into one series): susenas, stbm, ...

    @property
    def kolom(self) -> str:
        return f"pct_{self.kode}"

    @property
    def persen(self) -> bool:
        return self.penyebut is not None

    def teks(self, value, lang: str = "id", decimals: int | None = None) -> str:
        """The value as people write it: '82,6%' for a share, '123,4 ha' for a quantity."""
        d = self.desimal if decimals is None else decimals
        if self.persen:
            return fmt.pct(value, d, lang)
        return fmt.MISSING if fmt.is_missing(value) else f"{fmt.number(value, d, lang)} {self.satuan(lang)}"

    def selisih_teks(self, value, lang: str = "id") -> str:
        """A signed difference in the indicator's own unit: '+1,4 poin' or '−12,0 ha'."""
        return fmt.delta(value, None if self.persen else self.satuan(lang), self.desimal, lang)

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id

    def kata(self, lang: str = "id") -> str:
        """The label inside a sentence: 'akses layak', but 'BABS di tempat terbuka' keeps its acronym."""
        text = self.label(lang)
        return text if text[:2].isupper() else text[:1].lower() + text[1:]

    def satuan(self, lang: str = "id") -> str:
        return self.satuan_en if lang == "en" else self.satuan_id


# Ladder colours: a sequential blue-to-brown scheme that stays distinct for colour-blind readers
# (ColorBrewer BrBG ends, reversed so the best rung is the darkest blue-green).
REGISTRY: dict[str, Indicator] = {
    i.kode: i
    for i in (
        Indicator("layak", "Akses layak", "Adequate access",
                  ("kk_aman", "kk_layak_sendiri", "kk_layak_bersama"), arah=1, warna="#01665e",
                  jmp_id="Dasar + terbatas (+ aman)", jmp_en="Basic + limited (+ safely managed)", utama=True,
                  kelas=(60.0, 70.0, 80.0, 90.0)),
        Indicator("aman", "Akses aman", "Safely managed", ("kk_aman",), arah=1, warna="#003c30",
                  jmp_id="Dikelola secara aman", jmp_en="Safely managed", utama=True, kelas=(5.0, 10.0, 15.0, 25.0)),
        Indicator("babs_terbuka", "BABS di tempat terbuka", "Open defecation", ("kk_babs_terbuka",),
                  arah=-1, warna="#8c510a", jmp_id="Buang air besar sembarangan",
                  jmp_en="Open defecation", utama=True, kelas=(1.0, 5.0, 10.0, 15.0)),
        Indicator("layak_sendiri", "Layak sendiri", "Adequate, own facility", ("kk_layak_sendiri",),
                  arah=1, warna="#35978f", jmp_id="Dasar", jmp_en="Basic", kelas=(50.0, 60.0, 70.0, 80.0)),
        Indicator("layak_bersama", "Layak bersama", "Adequate, shared", ("kk_layak_bersama",),
                  arah=1, warna="#80cdc1", jmp_id="Terbatas (bersama)", jmp_en="Limited (shared)",
                  kelas=(2.0, 5.0, 10.0, 15.0)),
        Indicator("belum_layak", "Belum layak", "Not yet adequate", ("kk_belum_layak",),
                  arah=-1, warna="#dfc27d", jmp_id="Tidak layak", jmp_en="Unimproved", kelas=(5.0, 10.0, 15.0, 20.0)),
        # STBM (Kemenkes): villages and households as the Health Office counts them
        Indicator("desa_odf", "Desa/kelurahan ODF", "ODF villages", ("desa_odf_terverifikasi",), "jumlah_desa",
                  arah=1, satuan_id="% desa", satuan_en="% of villages", warna="#2b6a8f", tabel="stbm",
                  kelas=(25.0, 50.0, 75.0, 90.0), definisi="stbm"),
        Indicator("stbm_jamban_sehat", "Jamban sehat (STBM)", "Healthy latrine (STBM)", ("kk_jsp", "kk_jssp"),
                  arah=1, warna="#3a7d6b", tabel="stbm", kelas=(60.0, 70.0, 80.0, 90.0), definisi="stbm"),
        Indicator("stbm_od", "Masih BABS (STBM)", "Open defecation (STBM)", ("kk_od",), arah=-1, warna="#9c5a1c",
                  tabel="stbm", kelas=(1.0, 5.0, 10.0, 15.0), definisi="stbm"),
        # Waste (persampahan), district level, shares of the waste generated
        Indicator("sampah_pengurangan", "Pengurangan sampah", "Waste reduction", ("pengurangan_ton",),
                  "timbulan_ton", arah=1, satuan_id="% timbulan", satuan_en="% of waste generated", warna="#5b7f2a",
                  tabel="sampah", tingkat="kabupaten", kelas=(10.0, 20.0, 30.0, 40.0), definisi="persampahan"),
        Indicator("sampah_penanganan", "Penanganan sampah", "Waste handling", ("penanganan_ton",), "timbulan_ton",
                  arah=1, satuan_id="% timbulan", satuan_en="% of waste generated", warna="#7c9a3a", tabel="sampah",
                  tingkat="kabupaten", kelas=(30.0, 50.0, 70.0, 85.0), definisi="persampahan"),
        # Drainage: standing water, a quantity (hectares), lower is better
        Indicator("genangan", "Luas genangan", "Standing water", ("genangan_ha",), None, arah=-1, satuan_id="ha",
                  satuan_en="ha", warna="#4a6fa5", tabel="drainase", kelas=(5.0, 10.0, 25.0, 50.0),
                  batas=(0.0, None), definisi="drainase"),
    )
}

# The ladder as drawn in a stacked chart, best rung first; each maps to one stored count column.
LADDER: tuple[str, ...] = ("aman", "layak_sendiri", "layak_bersama", "belum_layak", "babs_terbuka")
HEADLINE: tuple[str, ...] = tuple(k for k, i in REGISTRY.items() if i.utama)


def get(kode: str) -> Indicator:
    """The registered indicator `kode`, or a KeyError that names the known ones."""
    try:
        return REGISTRY[kode]
    except KeyError:
        raise KeyError(f"indikator '{kode}' tidak dikenal; yang ada: {', '.join(REGISTRY)}") from None


def computable(frame: pd.DataFrame) -> tuple[str, ...]:
    """The registered indicators whose columns a frame holds."""
    cols = set(frame.columns)
    return tuple(k for k, i in REGISTRY.items() if set(i.pembilang) <= cols and (i.penyebut is None
                                                                                 or i.penyebut in cols))


def compute_rates(akses: pd.DataFrame, indicators: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Return a copy with a `pct_<kode>` column for each indicator the frame can give (or those asked for).

    A share is 100 x sum(numerator) / denominator; a quantity (no denominator) is the summed numerator.
    A row with no households gets NaN, not 0: "no data" must not read as "no access".
    """
    codes = indicators or computable(akses)
    new = {}
    for code in codes:
        ind = get(code)
        num = akses[list(ind.pembilang)].sum(axis=1, min_count=1).astype("float64")
        if ind.penyebut is None:
            new[ind.kolom] = num
            continue
        den = akses[ind.penyebut].astype("float64")
        new[ind.kolom] = (100.0 * num / den.where(den > 0)).astype("float64")
    return akses.assign(**new)


def summable(frame: pd.DataFrame) -> list[str]:
    """Columns that add up across areas: counts and quantities, not years, keys or computed rates."""
    return [c for c in frame.columns if c not in ("tahun",) and not c.startswith("pct_")
            and pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]


def aggregate(
    akses: pd.DataFrame,
    *,
    by: str | list[str] | None = None,
    kode: str = KODE_KABUPATEN,
    nama: str | None = None,
) -> pd.DataFrame:
    """Roll counts up per year by summing them, then recompute every rate.

    With `by=None` all rows become one area, `kode` (the kabupaten). With `by="parent"` or any other
    column the rows are grouped on it (it becomes `kode_wilayah`). Rows must describe
    non-overlapping areas in each year: after the 2021 split the bundled data hold the children
    and the reduced parents, before it only the parents, so nothing is counted twice.
    """
    if akses.empty:
        cols = ["kode_wilayah", "tahun", *COUNT_COLUMNS]
        return compute_rates(pd.DataFrame({c: pd.Series(dtype="int64") for c in cols}).astype(
            {"kode_wilayah": "string"}))
    keys = ["tahun"] if by is None else [*([by] if isinstance(by, str) else by), "tahun"]
    counts = [c for c in summable(akses) if c not in keys]
    out = akses.groupby(keys, as_index=False, sort=True)[counts].sum()
    out = out.assign(kode_wilayah=kode) if by is None else out.rename(columns={keys[0]: "kode_wilayah"})
    if nama is not None:
        out = out.assign(nama=nama)
    first = ["kode_wilayah", "tahun"] + (["nama"] if nama is not None else [])
    return compute_rates(out[first + counts])


def to_long(rates: pd.DataFrame, indicators: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Long table `kode_wilayah, tahun, indikator, nilai` from a frame with `pct_*` columns."""
    codes = indicators or tuple(k for k in REGISTRY if get(k).kolom in rates.columns)
    cols = {get(k).kolom: k for k in codes}
    long = rates.melt(id_vars=["kode_wilayah", "tahun"], value_vars=list(cols), var_name="kolom",
                      value_name="nilai")
    return (long.assign(indikator=long["kolom"].map(cols))
            .drop(columns="kolom")[["kode_wilayah", "tahun", "indikator", "nilai"]]
            .dropna(subset=["nilai"])
            .sort_values(["kode_wilayah", "indikator", "tahun"], kind="stable")
            .reset_index(drop=True))


def households_with(akses_row: pd.Series | pd.DataFrame, kode: str) -> np.ndarray | float:
    """Households counted in the numerator of indicator `kode` (a row or a frame)."""
    ind = get(kode)
    if isinstance(akses_row, pd.DataFrame):
        return akses_row[list(ind.pembilang)].sum(axis=1).to_numpy()
    return float(sum(akses_row[c] for c in ind.pembilang))


def apportion(totals: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Whole counts per rung that add up exactly to each total (largest-remainder rounding).

    `totals` has one whole number per row, `shares` one row of non-negative weights per total
    (percentages or fractions; each row is normalised). Used when a table gives percentages and a
    household count, and by the script that makes the illustrative data.
    """
    totals = np.asarray(totals, dtype="int64")
    w = np.asarray(shares, dtype="float64")
    w = w / w.sum(axis=1, keepdims=True)
    exact = w * totals[:, None]
    base = np.floor(exact).astype("int64")
    short = totals - base.sum(axis=1)
    order = np.argsort(-(exact - base), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    return base + (ranks < short[:, None]).astype("int64")


def ladder(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Long ladder for a stacked chart: `tahun, tangga, label, urutan, persen, kk, persen_teks, kk_teks`."""
    rows = []
    for order, rung in enumerate(LADDER):
        ind = get(rung)
        col = f"kk_{rung}"
        part = frame[["tahun", "jumlah_kk", col]].assign(
            tangga=rung, label=ind.label(lang), urutan=order,
            persen=lambda d, c=col: 100.0 * d[c] / d["jumlah_kk"], kk=lambda d, c=col: d[c])
        rows.append(part.drop(columns=[col, "jumlah_kk"]))
    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    return out.assign(persen_teks=[fmt.pct(v, lang=lang) for v in out["persen"]],
                      kk_teks=[fmt.kk(v, lang) for v in out["kk"]])

