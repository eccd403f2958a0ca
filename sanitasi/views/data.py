"""Data: what the page shows about the stored versions (the list, a comparison with the active one, an import
summary and what saving it would change) and the table kinds it offers (to view, to import, as templates).

Pure functions over the frames the store returns; the store itself, the uploads and the editor's buttons are the ui
layer's (`ui.data`, `ui.importer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pandas as pd

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, exports, fmt, history, i18n, indicators, kinds, sources, store
from sanitasi.analysis import Analysis
from sanitasi.contracts import PERCENT_INDICATORS
from sanitasi.load import Dataset, names_of, row_count


@dataclass(frozen=True)
class Settings:
    lang: str = "id"


@dataclass(frozen=True, eq=False)
class Template:
    kind: str
    label: str
    csv: Callable[[], bytes]  # made when the download is clicked
    xlsx: Callable[[], bytes]
    name: str = ""  # one of a kind's templates (access: "kecamatan", "kabupaten")

    @property
    def file(self) -> str:
        """'templat_akses_kabupaten', 'templat_target'."""
        return "_".join(("templat", self.kind, *((self.name,) if self.name else ())))


@dataclass(frozen=True)
class Preview:
    """What saving an upload would do, said before it is saved."""

    text: str  # 'n baris baru, n berubah, n tetap; tabel menjadi n baris.'
    table: pd.DataFrame  # the first changed values, old -> new
    more: str | None  # how many changed values are not in the table
    warning: str | None  # replacing the whole table: what goes


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
        templat=tuple(Template(k, template_label(k, n, s.lang), partial(_template_csv, k, wilayah, n),
                               partial(exports.template_xlsx, k, wilayah, n), n) for k, n in exports.TEMPLATES),
    )


def _template_csv(kind: str, wilayah: pd.DataFrame, name: str = "") -> bytes:
    return exports.to_csv(exports.template(kind, wilayah, name))


def template_label(kind: str, name: str, lang: str = "id") -> str:
    """A template's name: the kind's, or for a kind with one template per level, the level's."""
    several = len(kinds.get(kind).templates) > 1
    return i18n.t(f"templat.{kind}_{name}", lang) if several else kind_label(kind, lang)


def kind_label(kind: str, lang: str = "id") -> str:
    """A table kind's name; "semua" (the bundled version, which holds every table) and unknown ones alike."""
    return kinds.REGISTRY[kind].label(lang) if kind in kinds.REGISTRY else i18n.t("data.jenis_semua", lang)


def readable(frame: pd.DataFrame, lang: str = "id") -> Any:
    """A stored table as officials read numbers: a Styler writing every number the way of `lang` ("13.344", "82,55")
    while the grid still sorts them as numbers; years stay as they are written (2018, not 2.018)."""
    def writer(column: str, values: pd.Series):
        if "tahun" in column.lower() or pd.api.types.is_bool_dtype(values):
            return None
        whole = values.dropna().apply(lambda v: float(v).is_integer()).all()
        return lambda v: fmt.number(v, 0 if whole else 2, lang)

    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    formats = {c: f for c in numeric if (f := writer(str(c), frame[c])) is not None}
    # dates are stored as ISO text (klinik, tenggat, tanggal_odf) and shown as "14 November 2025"; the grid still
    # sorts them by the stored text, which is chronological
    dated = [c for c in frame.columns if c not in numeric and _iso_dates(frame[c])]
    formats |= {c: partial(_date_cell, lang=lang) for c in dated}
    return frame.style.format(formats, na_rep="")


def _iso_dates(values: pd.Series) -> bool:
    """Is every filled cell of a text column an ISO date ('2025-11-14')?"""
    filled = values.dropna()
    return bool(len(filled)) and filled.astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def _date_cell(v: Any, lang: str) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else fmt.date(v, lang)


def shown(kind: str, frame: pd.DataFrame, rows: int | None = None) -> pd.DataFrame:
    """A table as the page shows it: boundaries without their geometry, columns no row fills left out, a preview cut
    to its first rows."""
    if kind in kinds.geo():
        return frame.drop(columns="geometry")
    # columns no row fills (the counts of a kabupaten series of percentages, errors BPS did not publish) hide
    shown = frame.loc[:, frame.notna().any(axis=0) | (frame.columns.isin(kinds.get(kind).key))] if len(frame) else frame
    return shown if rows is None else shown.head(rows)


def megabytes(n: int) -> str:
    """5_500_000 bytes -> '5,2' (MB, as the upload limits are said)."""
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def names(wilayah: pd.DataFrame) -> dict[str, str]:
    return names_of(wilayah)


def table(versions: pd.DataFrame, bundled: Dataset, lang: str = "id") -> pd.DataFrame:
    """The version list as officials read it (hidden versions left out), newest first. Version 0 shows the rows of
    the bundled tables, and who made it and what it is in the page's language."""
    v = versions.loc[~versions["dihapus"].astype(bool)]
    t = i18n.t
    own = (v["id"] == store.BUNDLED).to_numpy()
    rows = [row_count(bundled) if mine else n for mine, n in zip(own, v["jumlah_baris"], strict=True)]
    return pd.DataFrame({
        t("data.k_versi", lang): v["id"].astype(int).to_numpy(),
        t("data.k_aktif", lang): ["✔" if a else "" for a in v["aktif"]],
        t("data.k_waktu", lang): [store.local_time(x, lang) for x in v["dibuat"]],
        t("data.k_jenis", lang): [kind_label(k, lang) for k in v["jenis"]],
        t("data.k_berkas", lang): v["berkas"].to_numpy(),
        t("data.k_baris", lang): [fmt.number(n, 0, lang) for n in rows],
        t("data.k_oleh", lang): [t("data.bawaan_oleh", lang) if mine else who for mine, who in zip(own, v["oleh"],
                                                                                                   strict=True)],
        t("data.k_catatan", lang): [t("data.bawaan_catatan", lang, tabel=sum(f is not None for f in
                                                                               bundled.tables.values()))
                                    if mine else note for mine, note in zip(own, v["catatan"], strict=True)],
    })


def label(versions: pd.DataFrame, version: int, lang: str = "id") -> str:
    """'Versi 3 · Akses · akses_2025.csv · 29 November 2026 07:48 WITA' for a select box."""
    r = versions.loc[versions["id"] == version].iloc[0]
    when = store.local_time(r["dibuat"], lang)
    return " · ".join(x for x in (i18n.t("data.versi_n", lang, n=int(version)), kind_label(r["jenis"], lang),
                                  str(r["berkas"]), when) if x)


def names_with_kabupaten(wilayah: pd.DataFrame) -> dict[str, str]:
    """Kecamatan code -> name, and the kabupaten's own code -> its name (access rows may be either)."""
    return {**names_of(wilayah), KODE_KABUPATEN: NAMA_KABUPATEN}


def preview(ch: history.Changes, names: dict[str, str], lang: str = "id", new: str = "data.k_baru") -> Preview:
    """What saving would do: the counts, the first changed values old -> new, and a warning when the whole
    table is replaced. `new` names the column of the new values (the file's, or a chosen version's)."""
    t = i18n.t
    columns = [t("data.k_baris_kunci", lang), t("data.k_kolom", lang), t("data.k_lama", lang), t(new, lang)]
    rows = [dict(zip(columns, (history.key_text(ch, c.key, names, lang), c.column, history.shown(c.column, c.old, lang),
                              history.shown(c.column, c.new, lang)), strict=True)) for c in ch.details]
    table = pd.DataFrame(rows, columns=columns)
    more = t("riwayat.lainnya", lang, n=fmt.number(ch.more, 0, lang)) if ch.more else None
    return Preview(history.summary(ch, lang), table, more, history.warning(ch, lang))


def compare(kind: str, active: pd.DataFrame | None, chosen: pd.DataFrame | None, names: dict[str, str],
            versi: int, aktif: int, lang: str = "id") -> Preview:
    """How the chosen version's table differs from the active version's, row by row (any kind)."""
    ch = history.changes(kind, active, chosen if chosen is not None else active.iloc[0:0], history.GANTI)
    t = i18n.t
    text = t("data.banding_ringkas", lang, versi=versi, aktif=aktif, baru=fmt.number(ch.new, 0, lang),
             hapus=fmt.number(ch.removed, 0, lang), berubah=fmt.number(ch.changed, 0, lang),
             sama=fmt.number(ch.unchanged, 0, lang))
    shown = preview(ch, names, lang, new="data.k_dipilih")
    return Preview(text, shown.table, shown.more, None)


def summary(kind: str, frame: pd.DataFrame, names: dict[str, str], lang: str = "id") -> str:
    """One line about what a file holds before it is saved."""
    t = i18n.t
    if kind == "akses":
        return _summary_akses(frame, lang)
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
    if kind == "peran":
        return t("data.ringkas_peran", lang, baris=fmt.number(len(frame), 0, lang), opd=frame["opd"].nunique(),
                 indikator=frame["indikator"].nunique())
    if kind == "biaya":
        return t("data.ringkas_biaya", lang, baris=fmt.number(len(frame), 0, lang))
    if kind == "ssk":
        named = frame["sub_kegiatan"].astype(object).where(frame["sub_kegiatan"].notna(), frame["kegiatan"])
        return t("data.ringkas_ssk", lang, baris=fmt.number(len(frame), 0, lang), kegiatan=named.nunique(),
                 opd=frame["opd"].nunique(), tahun=_span(frame["tahun"]))
    return t("data.ringkas_umum", lang, baris=fmt.number(len(frame), 0, lang), jenis=kind_label(kind, lang))


def _span(years: pd.Series) -> str:
    """'2018–2025', or one year."""
    ys = sorted(int(y) for y in years.unique())
    return f"{ys[0]}–{ys[-1]}" if len(ys) > 1 else str(ys[0])


def _summary_akses(frame: pd.DataFrame, lang: str = "id") -> str:
    """The kecamatan counts a file holds, or the kabupaten series it is, with its source and unit."""
    t = i18n.t
    kec = frame.loc[frame["kode_wilayah"] != KODE_KABUPATEN]
    kab = frame.loc[frame["kode_wilayah"] == KODE_KABUPATEN]
    parts = []
    if len(kec):
        last = int(kec["tahun"].max())
        parts.append(t("data.ringkas_akses", lang, baris=fmt.number(len(kec), 0, lang),
                       kecamatan=kec["kode_wilayah"].nunique(), tahun=_span(kec["tahun"]),
                       kk=fmt.kk(kec.loc[kec["tahun"] == last, "jumlah_kk"].sum(), lang), akhir=last))
    if len(kab):
        given = [indicators.get(k).label(lang) for k in PERCENT_INDICATORS if kab[f"pct_{k}"].notna().any()]
        counted = kab["jumlah_kk"].notna().any()
        what = ", ".join([*given, *([t("data.ringkas_jumlah", lang)] if counted else [])])
        series = ", ".join(f"{src} ({sources.unit_label(unit, lang)}, "
                           f"{t('data.resmi_ya' if official == 'ya' else 'data.resmi_tidak', lang)})"
                           for src, unit, official in dict.fromkeys(
                               zip(kab["sumber"], kab["satuan"], kab["resmi"], strict=True)))
        line = t("data.ringkas_kabupaten", lang, baris=fmt.number(len(kab), 0, lang), tahun=_span(kab["tahun"]),
                 isi=what, sumber=series)
        parts.append(line if parts else f"{t('data.siap', lang)} {line}")
    return " ".join(parts)
