"""Peta: the kecamatan coloured by an indicator, its gap to the target or its status, ranked beside the map (a
table of bars in the map's colours), and the chosen kecamatan's figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from sanitasi import charts, fmt, i18n, indicators
from sanitasi.analysis import Analysis
from sanitasi.documents import final_target
from sanitasi.maps import (
    class_labels,
    map_features,
    map_indicators,
    map_labels,
    map_note,
    map_row,
    map_values,
    ranked,
    tiles,
)
from sanitasi.views.display import Bars, Figure, Table, source_line

MODES = ("nilai", "selisih", "status")  # colour by value class, gap to the target, or status
LAYOUTS = ("wilayah", "petak")  # the kecamatan's own shapes, or one equal tile each


@dataclass(frozen=True)
class Settings:
    indikator: str
    kode: str  # the chosen kecamatan (the selectbox, or a click on the map)
    dokumen: str
    warna: str = "nilai"  # one of MODES
    tampilan: str = "wilayah"  # one of LAYOUTS
    lang: str = "id"


@dataclass(frozen=True)
class Detail:
    """The box under the map: the chosen kecamatan's figures (a kecamatan the map does not draw shows its
    parent's)."""

    nama: str
    status: str  # status code, for the badge
    status_teks: str  # the status with the year it speaks of ("Tidak tercapai pada 2024 (14,2%)")
    label: str  # the indicator's name, over its value
    nilai: str
    target_selisih: str  # "Target 90% · selisih −3,2 poin"
    dinilai: str  # both years when the status speaks of a passed target year, else ''
    label_kk: str  # "households without ..." in the indicator's words
    kk: str
    catatan: str  # e.g. "in 2020 this area was still part of ...", or ''
    ke_profil: str  # the label of the link to the Kecamatan page


@dataclass(frozen=True)
class Peta:
    peta: Figure  # the choropleth, or the tile map
    peta_pilih: str  # the name of the map's click selection (the page reads the clicked kecamatan from it)
    catatan_batas: str  # under the area map when the boundary file predates a split ('' otherwise)
    peringkat_judul: str
    peringkat_keterangan: str  # the target the dashed line marks (or that the document sets none), the years it reads
    peringkat: Table  # the kecamatan ranked best first, as bars in the map's colours, the target as a dashed line
    rincian: Detail


def heading(an: Analysis, lang: str = "id") -> str:
    """The page title, with the reference year (drawn before the controls, so before the view is made)."""
    return i18n.t("peta.judul", lang, tahun=an.tahun)


def options() -> list[str]:
    """The indicators the map offers (measured per kecamatan)."""
    return map_indicators()


def view(an: Analysis, s: Settings) -> Peta:
    t, lang = i18n.t, s.lang
    ind = indicators.get(s.indikator)
    values = map_values(an, s.indikator, s.dokumen, lang)
    src = source_line(an.data, ind.tabel, lang=lang)  # ILLUSTRATIVE as long as this indicator's table is
    title = t("peta.judul_grafik", lang, indikator=ind.label(lang), tahun=an.tahun)
    area = area_map(an, values, s.indikator, mode=s.warna, layout=s.tampilan, selected=s.kode, title=title,
                    source=src, lang=lang)
    tgt = final_target(an, s.dokumen, s.indikator)
    if tgt is None:  # say so, rather than draw a ranking with no line and no word
        target_label = t("kartu.tanpa_target_dokumen", lang, dokumen=s.dokumen, indikator=ind.kata(lang))
    else:
        target_label = t("peta.garis_target", lang, nilai=fmt.number(tgt[1], 0, lang), tahun=tgt[0])
        if s.warna == "status" and tgt[0] < an.tahun:
            # the colours speak of the target year, the bars of the latest: the reader is told which is which
            target_label += " · " + t("peta.status_tahun", lang, tahun_target=tgt[0], tahun=an.tahun)
    bars = ranking_table(values, s.indikator, year=an.tahun, mode=s.warna, target=tgt[1] if tgt else None,
                         selected=s.kode, source=src, lang=lang)
    return Peta(
        peta=Figure(area, f"peta_{s.indikator}_{an.tahun}"),
        peta_pilih=charts.SELECT_PARAM,
        catatan_batas=map_note(an, lang) if s.tampilan == "wilayah" else "",
        peringkat_judul=t("peta.peringkat_judul", lang),
        peringkat_keterangan=target_label,
        peringkat=bars,
        rincian=detail(an, values, s.kode, ind, lang),
    )


def detail(an: Analysis, values: pd.DataFrame, kode: str, ind: indicators.Indicator, lang: str) -> Detail:
    t = i18n.t
    row = map_row(an, values, kode)
    return Detail(
        nama=row["nama"], status=row["status"], status_teks=row["status_lengkap"], label=ind.label(lang),
        nilai=row["nilai_teks"],
        target_selisih=t("peta.target_selisih", lang, target=row["target_teks"], selisih=row["selisih_teks"]),
        dinilai=row["dinilai_teks"],
        label_kk=t(f"grafik.kk_tanpa_{ind.kode}", lang), kk=row["kk_teks"], catatan=row["catatan"],
        ke_profil=t("peta.ke_profil", lang, nama=row["nama"]),
    )


def area_map(an: Analysis, values: pd.DataFrame, indikator: str, *, mode: str, layout: str, selected: str | None,
             title: str, source: str, lang: str, height: int = 470) -> Any:
    """The choropleth (layout 'wilayah') or the equal-tile map (layout 'petak') of one indicator's map values."""
    labels = class_labels(indikator, lang)
    if layout == "petak":
        return charts.tile_map(tiles(an, values), mode=mode, indikator=indikator, class_labels=labels,
                               selected=selected, title=title, source=source, lang=lang, title_varies=str(an.tahun))
    return charts.choropleth(map_features(an, values), map_labels(an), mode=mode, indikator=indikator,
                             class_labels=labels, selected=selected, title=title, source=source, lang=lang,
                             height=height, title_varies=str(an.tahun))


def ranking_table(values: pd.DataFrame, indikator: str, *, year: int, mode: str, target: float | None,
                  selected: str | None, source: str, lang: str) -> Table:
    """The map values ranked best first as a table: the kecamatan, a bar in the colour the map gives it (class,
    gap or status) on the scale the deck's ranking chart uses, the target as a dashed line down the bars, the value;
    the chosen kecamatan outlined. A table, not a chart beside the map: a chart costs the browser 45-60 ms a click
    whatever it holds, this a few."""
    t = i18n.t
    order = ranked(values, indikator)
    top = charts.ranking_top(order, indikator, target)
    fills = charts.map_fills(order, mode, indikator, class_labels(indikator, lang), lang)
    frame = pd.DataFrame({t("tabel.kecamatan", lang): order["nama"], "": "",
                          f"{t('grafik.nilai', lang)} {year}": order["nilai_teks"]})
    chosen = [i for i, k in enumerate(order["kode"]) if k == selected]
    return Table(frame, None, source,
                 batang=Bars("", tuple(float(v) / top for v in order["nilai"]), tuple(fills),
                             None if target is None else target / top),
                 pilih=chosen[0] if chosen else None)
