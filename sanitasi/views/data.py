"""Data: what the page shows about the stored versions (the list, a comparison with the active one, an import
summary) and the table kinds it offers (to view, to import, as templates).

Pure functions over the frames the store returns; the store itself, the uploads and the editor's buttons are the ui
layer's (`ui.data`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd

from sanitasi import exports, fmt, i18n, indicators, kinds, store
from sanitasi.analysis import Analysis
from sanitasi.load import names_of


@dataclass(frozen=True)
class Settings:
    lang: str = "id"


@dataclass(frozen=True, eq=False)
class Template:
    kind: str
    label: str
    csv: Callable[[], bytes]  # made when the download is clicked
    xlsx: Callable[[], bytes]


@dataclass(frozen=True, eq=False)
class Data:
    lihat: tuple[str, ...]  # the kinds a version holds, for the version viewer
    impor: tuple[str, ...]  # the kinds an editor may load
    geo: frozenset[str]  # boundary kinds: shown without their geometry, loaded from zip/GeoJSON/GeoPackage
    label: dict[str, str]  # kind -> its name
    bantuan: dict[str, str]  # importable kind -> what its file should hold
    templat: tuple[Template, ...]


def view(an: Analysis, s: Settings) -> Data:
    held, importable = tuple(kinds.held()), tuple(kinds.importable())
    wilayah = an.data.wilayah
    return Data(
        lihat=held, impor=importable, geo=frozenset(kinds.geo()),
        label={k: kind_label(k, s.lang) for k in held},
        bantuan={k: i18n.t(f"data.bantuan_{k}", s.lang) for k in importable},
        templat=tuple(Template(k, kind_label(k, s.lang), partial(_template_csv, k, wilayah),
                               partial(exports.template_xlsx, k, wilayah)) for k in exports.TEMPLATE_KINDS),
    )


def _template_csv(kind: str, wilayah: pd.DataFrame) -> bytes:
    return exports.to_csv(exports.template(kind, wilayah))


def kind_label(kind: str, lang: str = "id") -> str:
    """A table kind's name; "semua" (the bundled version, which holds every table) and unknown ones alike."""
    return kinds.REGISTRY[kind].label(lang) if kind in kinds.REGISTRY else i18n.t("data.jenis_semua", lang)


def shown(kind: str, frame: pd.DataFrame, rows: int | None = None) -> pd.DataFrame:
    """A table as the page shows it: boundaries without their geometry, a preview cut to its first rows."""
    if kind in kinds.geo():
        return frame.drop(columns="geometry")
    return frame if rows is None else frame.head(rows)


def names(wilayah: pd.DataFrame) -> dict[str, str]:
    return names_of(wilayah)


def table(versions: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The version list as officials read it (hidden versions left out), newest first."""
    v = versions.loc[~versions["dihapus"].astype(bool)]
    t = i18n.t
    return pd.DataFrame({
        t("data.k_versi", lang): v["id"].astype(int).to_numpy(),
        t("data.k_aktif", lang): ["✔" if a else "" for a in v["aktif"]],
        t("data.k_waktu", lang): [store.local_time(x) for x in v["dibuat"]],
        t("data.k_jenis", lang): [kind_label(k, lang) for k in v["jenis"]],
        t("data.k_berkas", lang): v["berkas"].to_numpy(),
        t("data.k_baris", lang): [fmt.number(n, 0, lang) for n in v["jumlah_baris"]],
        t("data.k_oleh", lang): v["oleh"].to_numpy(),
        t("data.k_catatan", lang): v["catatan"].to_numpy(),
    })


def label(versions: pd.DataFrame, version: int, lang: str = "id") -> str:
    """'Versi 3 · Akses · akses_2025.csv · 29-11-2026 07:48 WITA' for a select box."""
    r = versions.loc[versions["id"] == version].iloc[0]
    when = store.local_time(r["dibuat"])
    return " · ".join(x for x in (i18n.t("data.versi_n", lang, n=int(version)), kind_label(r["jenis"], lang),
                                  str(r["berkas"]), when) if x)


def compare_access(old: pd.DataFrame, new: pd.DataFrame, names: dict[str, str], lang: str = "id") -> pd.DataFrame:
    """Where two access tables differ: one row per kecamatan and year, headline rates before and after.

    Rows present in only one table are listed too (the other side empty). Rates come from counts.
    """
    key = ["kode_wilayah", "tahun"]
    a = indicators.compute_rates(old)[[*key, "jumlah_kk", *(indicators.get(k).kolom for k in indicators.HEADLINE)]]
    b = indicators.compute_rates(new)[[*key, "jumlah_kk", *(indicators.get(k).kolom for k in indicators.HEADLINE)]]
    both = a.merge(b, on=key, how="outer", suffixes=("_lama", "_baru"), indicator=True)
    cols = ["jumlah_kk", *(indicators.get(k).kolom for k in indicators.HEADLINE)]
    changed = both["_merge"] != "both"
    for c in cols:
        changed |= (both[f"{c}_lama"] - both[f"{c}_baru"]).abs().fillna(0) > 1e-9
    d = both.loc[changed].sort_values(key)
    t = i18n.t
    out = pd.DataFrame({t("tabel.kecamatan", lang): d["kode_wilayah"].map(names).fillna(d["kode_wilayah"]),
                        t("grafik.tahun", lang): d["tahun"].astype(int).astype(str)})
    out[t("data.kk_lama", lang)] = [fmt.number(v, 0, lang) for v in d["jumlah_kk_lama"]]
    out[t("data.kk_baru", lang)] = [fmt.number(v, 0, lang) for v in d["jumlah_kk_baru"]]
    for k in indicators.HEADLINE:
        ind = indicators.get(k)
        out[f"{ind.label(lang)} ({t('data.lama', lang)})"] = [fmt.pct(v, lang=lang) for v in d[f"{ind.kolom}_lama"]]
        out[f"{ind.label(lang)} ({t('data.baru', lang)})"] = [fmt.pct(v, lang=lang) for v in d[f"{ind.kolom}_baru"]]
    return out.reset_index(drop=True)


def summary(kind: str, frame: pd.DataFrame, names: dict[str, str], lang: str = "id") -> str:
    """One line about what a file holds before it is saved."""
    t = i18n.t
    if kind == "akses":
        years = sorted(int(y) for y in frame["tahun"].unique())
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        return t("data.ringkas_akses", lang, baris=fmt.number(len(frame), 0, lang),
                 kecamatan=frame["kode_wilayah"].nunique(), tahun=span,
                 kk=fmt.kk(frame.loc[frame["tahun"] == years[-1], "jumlah_kk"].sum(), lang), akhir=years[-1])
    if kind == "target":
        return t("data.ringkas_target", lang, baris=fmt.number(len(frame), 0, lang),
                 dokumen=", ".join(dict.fromkeys(frame["dokumen"].astype(str))))
    if kind == "batas":
        return t("data.ringkas_batas", lang, n=len(frame), nama=", ".join(names.get(k, k) for k in frame["kode"]))
    if kind == "batas_desa":
        return t("data.ringkas_batas_desa", lang, n=fmt.number(len(frame), 0, lang),
                 kecamatan=frame["kode_wilayah"].nunique())
    if kind == "stbm_desa":
        last = int(frame["tahun"].max())
        rows = frame.loc[frame["tahun"] == last]
        return t("data.ringkas_stbm_desa", lang, baris=fmt.number(len(frame), 0, lang), tahun=_span(frame["tahun"]),
                 desa=fmt.number(len(rows), 0, lang), kecamatan=rows["kode_wilayah"].nunique(), akhir=last,
                 odf=fmt.number(int((rows["status_odf"] == "terverifikasi").sum()), 0, lang))
    if kind == "sampah":
        return t("data.ringkas_sampah", lang, tahun=_span(frame["tahun"]))
    if kind == "drainase":
        return t("data.ringkas_drainase", lang, baris=fmt.number(len(frame), 0, lang),
                 kecamatan=frame["kode_wilayah"].nunique(), tahun=_span(frame["tahun"]))
    if kind == "kegiatan":
        return t("data.ringkas_kegiatan", lang, baris=fmt.number(len(frame), 0, lang), opd=frame["opd"].nunique(),
                 tahun=_span(frame["tahun"]))
    if kind == "komitmen":
        return t("data.ringkas_komitmen", lang, baris=fmt.number(len(frame), 0, lang),
                 pihak=frame["pihak"].nunique())
    if kind == "biaya":
        return t("data.ringkas_biaya", lang, baris=fmt.number(len(frame), 0, lang))
    return t("data.ringkas_umum", lang, baris=fmt.number(len(frame), 0, lang), jenis=kind_label(kind, lang))


def _span(years: pd.Series) -> str:
    """'2018–2025', or one year."""
    ys = sorted(int(y) for y in years.unique())
    return f"{ys[0]}–{ys[-1]}" if len(ys) > 1 else str(ys[0])
