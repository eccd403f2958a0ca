"""The STBM page's view: ODF villages, the Health Office's cards, the two access measures side by side, and the
village view (map and table) once a desa table and desa boundaries have been loaded."""

from __future__ import annotations

import io as _io
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from sanitasi import charts, fmt, geo, history, i18n, indicators, readers, store
from sanitasi.analysis import KABUPATEN, Analysis, analyse, assessment
from sanitasi.documents import target_document
from sanitasi.load import ODF_STATUS, Dataset
from sanitasi.tables import Source
from sanitasi.views import stbm

RPJMN = "RPJMN 2020-2024"


@pytest.fixture(scope="module")
def r(an: Analysis) -> stbm.Stbm:
    return stbm.view(an, stbm.Settings(dokumen=RPJMN))


def values(fig) -> list[dict]:
    return max(fig.spec["datasets"].values(), key=len)


# ------------------------------------------------------------------------------------- ODF villages
def test_odf_villages_roll_up_by_summing_villages(data: Dataset, an: Analysis, r: stbm.Stbm) -> None:
    s = stbm.odf_summary(an)
    rows = data.stbm.loc[data.stbm["tahun"] == 2025]
    assert s.verified == rows["desa_odf_terverifikasi"].sum()
    # today's 152 desa + 5 kelurahan (Kepmendagri 2025 code list, wilayah.csv)
    assert s.villages == rows["jumlah_desa"].sum() == 157
    assert s.share == pytest.approx(100 * s.verified / s.villages)
    assert r.ringkasan == s.text == i18n.t("stbm.ringkas", "id", odf=s.verified, desa=157, persen=fmt.pct(s.share),
                                           deklarasi=s.declared, tahun=2025)
    # the published 2017 figure the illustrative data were calibrated to: 39 ODF villages
    y2017 = data.stbm.loc[data.stbm["tahun"] == 2017]
    assert y2017["desa_odf_terverifikasi"].sum() == 39


def test_odf_bars_split_every_kecamatan_s_villages(an: Analysis, r: stbm.Stbm) -> None:
    frame = stbm.odf_by_kecamatan(an)
    per = frame.groupby("nama")["jumlah"].sum()
    kec = an.frames("desa_odf")[0]
    villages_ = kec.loc[kec["tahun"] == an.tahun].set_index("nama")["jumlah_desa"]
    assert per.sort_index().tolist() == villages_.sort_index().tolist()
    # worst first: Teluk Kepayang has the lowest ODF share in the illustrative 2025 data
    assert frame["nama"].iloc[0] == "Teluk Kepayang"
    # the chart draws the same rows: three statuses per kecamatan, adding up to its villages
    assert r.desa_odf.name == "desa_odf_2025"
    assert r.desa_odf.spec["usermeta"]["judul"] == ["Desa/kelurahan ODF per kecamatan, 2025"]
    drawn = pd.DataFrame(values(r.desa_odf))
    assert len(drawn) == 3 * 12 and drawn["jumlah"].sum() == villages_.sum()
    assert drawn["nama"].iloc[0] == "Teluk Kepayang"


def test_cards_judge_each_measure_against_the_document_that_sets_it(an: Analysis, r: stbm.Stbm) -> None:
    assert [c.indikator for c in r.kartu] == list(stbm.CARDS)
    for card in r.kartu:
        doc = target_document(an, card.indikator, RPJMN)
        a = None if doc is None else assessment(an, KABUPATEN, card.indikator, doc)
        assert card.status == ("tanpa_target" if a is None else a["status"])
    odf = r.kartu[0]
    # RPJMN sets no ODF-village target; the running SSK 2025-2029 does (listed before the SDG)
    assert "SSK 2025-2029 (ilustratif)" in odf.target
    kab = an.frames("desa_odf")[1]
    assert odf.nilai == fmt.pct(kab.loc[kab["tahun"] == an.tahun, "pct_desa_odf"].iloc[0])


# ------------------------------------------------------------------------------------- two measures
def test_two_measures_are_shown_side_by_side_never_merged(an: Analysis) -> None:
    m = stbm.two_measures(an)
    kab = m.loc[(m["kode"] == KABUPATEN) & (m["pasangan"] == "layak")].iloc[0]
    row = an.kab.loc[an.kab["tahun"] == an.tahun].iloc[0]
    frame = an.frames("stbm_jamban_sehat")[1]
    srow = frame.loc[frame["tahun"] == an.tahun].iloc[0]
    assert kab["susenas"] == pytest.approx(row["pct_layak"])
    assert kab["stbm"] == pytest.approx(100 * (srow["kk_jsp"] + srow["kk_jssp"]) / srow["jumlah_kk"])
    assert kab["selisih"] == pytest.approx(kab["stbm"] - kab["susenas"])
    # the STBM measure is its own registry entry with its own definition system
    assert indicators.get("stbm_jamban_sehat").definisi == "stbm" != indicators.get("layak").definisi
    assert set(m["pasangan"]) == {"layak", "babs_terbuka"} and len(m) == 2 * 13


@pytest.mark.parametrize(("position", "pair", "title"), [
    (0, "layak", "Akses layak (Susenas) dan jamban sehat (STBM), 2025"),
    (1, "babs_terbuka", "BABS terbuka (Susenas) dan masih BABS (STBM), 2025"),
])
def test_each_pair_comes_ready_to_draw(an: Analysis, r: stbm.Stbm, position: int, pair: str, title: str) -> None:
    p = r.dua[position]
    assert p.pasangan == pair and p.grafik.name == f"dua_ukuran_{pair}"
    spec = p.grafik.spec
    assert spec["usermeta"]["judul"] == [title]
    m = stbm.two_measures(an)
    part = m.loc[m["pasangan"] == pair]
    rule = next(v for v in spec["datasets"].values() if len(v) == 13)  # one line per area, district first
    assert [v["nama"] for v in rule] == part["nama"].tolist()
    assert [v["stbm"] - v["susenas"] for v in rule] == pytest.approx(part["selisih"].tolist())
    assert p.tabel.columns.tolist() == ["Kecamatan", part["ukuran_susenas"].iloc[0], part["ukuran_stbm"].iloc[0],
                                        "Selisih (STBM − Susenas)"]
    assert p.tabel.iloc[:, 3].tolist() == part["selisih_teks"].tolist()


def test_without_stbm_rows_the_page_has_no_summary_no_cards_no_bars_and_no_pairs(data: Dataset) -> None:
    empty = replace(data, stbm=data.stbm.iloc[0:0], stbm_desa=None)
    out = stbm.view(analyse(empty), stbm.Settings(dokumen=RPJMN, lang="en"))
    assert out.ringkasan is None and out.desa_odf is None
    assert out.dua == (None, None)
    assert out.desa is None  # and no desa table either
    assert out.kartu == ()  # a card needs a value


# ------------------------------------------------------------------------------------- the village view
HEADER = "kode_desa;desa;kecamatan;tahun;jumlah_kk;kk_jsp;kk_jssp;kk_sharing;kk_od;status_odf;tanggal_odf"
# Two kecamatan in 2024 and one village in 2023.
GOOD = [
    "63.10.01.2001;Sungai Satu;Batulicin;2024;120;70;30;10;0;terverifikasi;17-05-2023",
    "63.10.01.2002;Sungai Dua;Batulicin;2024;200;100;40;20;10;deklarasi;2024-02-01",
    "63.10.01.2003;Sungai Tiga;Batulicin;2024;80;30;10;5;25;belum;",
    "63.10.02.2001;Pantai Satu;Kusan Hilir;2024;150;90;30;10;5;terverifikasi;01-08-2022",
    "63.10.02.2002;Pantai Dua;Kusan Hilir;2024;60;20;10;0;20;belum;",
    "63.10.01.2001;Sungai Satu;Batulicin;2023;118;60;30;10;8;deklarasi;30-11-2022",
]


def csv(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def read(data: bytes, dataset: Dataset) -> pd.DataFrame:
    return readers.read_stbm_desa(Source("stbm_desa.csv", data), dataset.wilayah)


def villages(dataset: Dataset, kecamatan: tuple[str, ...] = ("63.10.01", "63.10.02"), n: int = 3) -> gpd.GeoDataFrame:
    """Each kecamatan of the bundled boundaries cut into `n` strips, one village each, in BIG's schema."""
    rows = []
    for kec in kecamatan:
        g = dataset.batas.loc[dataset.batas["kode"] == kec].geometry.iloc[0]
        x0, y0, x1, y1 = g.bounds
        w = (x1 - x0) / n
        for j in range(n):
            rows.append({"KDEPUM": f"{kec}.{2001 + j}", "WADMKD": f"Desa {kec[-2:]}-{j + 1}", "KDCPUM": kec,
                         "KDPKAB": "63.10", "WADMKK": "Tanah Bumbu",
                         "geometry": g.intersection(box(x0 + j * w, y0 - 1, x0 + (j + 1) * w, y1 + 1))})
    return gpd.GeoDataFrame(rows, crs="EPSG:4326")


def shapefile_zip(gdf: gpd.GeoDataFrame, tmp: Path) -> bytes:
    folder = tmp / "shp"
    folder.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gdf.to_file(folder / "ADMINISTRASIDESA_AR_25K.shp")
    buf = _io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for p in sorted(folder.iterdir()):
            z.write(p, "BATAS DESA/" + p.name)
    return buf.getvalue()


@pytest.fixture
def fresh_store(tmp_path: Path) -> store.Store:
    s = store.Store(f"sqlite:///{tmp_path / 'desa.db'}")
    yield s
    s.engine.dispose()


@pytest.fixture
def mapped(dataset: Dataset, fresh_store: store.Store, tmp_path: Path) -> Dataset:
    """Six village polygons; the 2024 table lists five of them (statuses: 2 verified, 1 declared, 2 not yet)."""
    rows = [r.replace("Pantai Dua", "Desa 02-2") for r in GOOD]
    # the file is the whole village table (the default would add these villages to the bundled ones)
    fresh_store.save("stbm_desa", read(csv(*rows), dataset), store.Meta("d.csv", "x", "uji"), bundled=dataset,
                     mode=history.GANTI)
    boundaries = readers.read_boundaries_desa(Source("batas_desa.zip", shapefile_zip(villages(dataset), tmp_path)),
                                         dataset.wilayah)
    v = fresh_store.save("batas_desa", boundaries, store.Meta("b.zip", "x", "uji"), bundled=dataset,
                         mode=history.GANTI)
    return fresh_store.dataset(v, dataset)


def village_page(data: Dataset, year: int, lang: str = "id") -> stbm.VillageView | None:
    return stbm.view(analyse(data, year), stbm.Settings(dokumen=RPJMN, lang=lang)).desa


def rings(feature: dict) -> list[list]:
    g = feature["geometry"]
    return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_village_map_colours_each_village_by_its_status(mapped: Dataset, lang: str) -> None:
    view = village_page(mapped, 2025, lang)
    assert view.tahun == 2024  # the latest village year up to the reference year, and it says so
    assert view.notes[0] == i18n.t("stbm.desa_tahun_lain", lang, tahun=2024, acuan=2025)
    assert len(view.features) == 6  # one feature per village polygon
    assert sorted(f["properties"]["kode"] for f in view.features) == sorted(mapped.batas_desa["kode"])
    for f in view.features:
        assert all(geo.is_clockwise(polygon[0]) for polygon in rings(f)), f["properties"]["kode"]
    status = {f["properties"]["kode"]: f["properties"]["status"] for f in view.features}
    assert status == {"63.10.01.2001": "terverifikasi", "63.10.01.2002": "deklarasi", "63.10.01.2003": "belum",
                      "63.10.02.2001": "terverifikasi", "63.10.02.2002": "belum", "63.10.02.2003": None}
    first = next(f["properties"] for f in view.features if f["properties"]["kode"] == "63.10.01.2001")
    # 70 JSP + 30 JSSP of 120 households
    assert first["sehat_teks"] == ("100 KK (83,3%)" if lang == "id" else "100 households (83.3%)")
    assert first["tanggal_teks"] == {"id": "17 Mei 2023", "en": "17 May 2023"}[lang]
    assert first["kecamatan"] == "Batulicin"
    empty = next(f["properties"] for f in view.features if f["properties"]["status"] is None)
    assert (empty["nama"], empty["kecamatan"], empty["status_teks"]) == \
        ("Desa 02-3", "Kusan Hilir", i18n.t("stbm.desa_tanpa_data", lang))  # named from the boundary file
    # the map the page draws
    assert view.peta.name == "desa_odf_peta_2024"
    spec = view.peta.spec
    assert spec["usermeta"]["judul"] == [i18n.t("stbm.grafik_desa", lang, tahun=2024)]
    drawn = spec["layer"][0]["data"]["values"]
    assert [f["properties"] for f in drawn] == [f["properties"] for f in view.features]
    colour = spec["layer"][0]["encoding"]["color"]
    scale = dict(zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True))
    assert list(scale) == [i18n.t(f"stbm.{s}", lang) for s in ODF_STATUS[::-1]]  # the legend, in the language
    fills = {}
    for f in view.features:
        p = f["properties"]
        fills.setdefault(p["status"], set()).add(colour["condition"]["value"] if p["status"] is None
                                                 else scale[p["status_teks"]])
    assert fills == {"terverifikasi": {charts.ODF_COLOURS["terverifikasi"]},
                     "deklarasi": {charts.ODF_COLOURS["deklarasi"]}, "belum": {charts.ODF_COLOURS["belum"]},
                     None: {charts.NO_VILLAGE_DATA}}
    assert len({next(iter(v)) for v in fills.values()}) == 4  # four different fills
    assert len(view.outlines) == 2 and sorted(view.labels["nama"]) == ["Batulicin", "Kusan Hilir"]
    assert any(i18n.t("stbm.desa_poligon_kosong", lang, n=1, tahun=2024) == n for n in view.notes)


def test_the_village_table_sorts_numbers_and_shows_them_the_indonesian_way(mapped: Dataset) -> None:
    table = village_page(mapped, 2024).table
    assert table.frame[i18n.t("stbm.k_desa", "id")].tolist() == ["Sungai Satu", "Sungai Dua", "Sungai Tiga",
                                                                  "Pantai Satu", "Desa 02-2"]
    assert table.frame[i18n.t("stbm.k_pct_sehat", "id")].dtype == "float64"  # numbers stay numbers: sortable
    html = table.styler.to_html()
    assert "83,3" in html and "17 Mei 2023" in html  # 100 of 120 households; the verification date


def test_the_bundled_village_table_shows_out_of_the_box_and_says_it_is_illustrative(r: stbm.Stbm) -> None:
    assert r.desa is not None and r.desa.peta is not None
    assert r.desa.notes[0] == i18n.t("stbm.desa_ilustratif", "id")


def test_without_a_desa_table_there_is_no_village_view(dataset: Dataset) -> None:
    assert stbm.village_view(replace(dataset, stbm_desa=None), 2025) is None


def test_without_desa_boundaries_the_view_has_the_table_and_no_map(dataset: Dataset, fresh_store: store.Store) -> None:
    v = fresh_store.save("stbm_desa", read(csv(*GOOD), dataset), store.Meta("d.csv", "x", "uji"), bundled=dataset,
                         mode=history.GANTI)
    data = replace(fresh_store.dataset(v, dataset), batas_desa=None)
    view = village_page(data, 2024)
    assert view.features is None and view.peta is None and len(view.table.frame) == 5
    assert view.text == ("Tahun 2024: **5** desa/kelurahan di tabel per desa; 2 ODF terverifikasi, 1 deklarasi, "
                         "2 belum ODF.")
    # before the table's first year: its first year, saying so
    early = village_page(data, 2022)
    assert early.tahun == 2023 and i18n.t("stbm.desa_tahun_lain", "id", tahun=2023, acuan=2022) in early.notes
