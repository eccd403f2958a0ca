"""Charts are values: each builder's Vega-Lite spec is checked, not its pixels."""

from __future__ import annotations

import json
import re

import altair as alt
import numpy as np
import pytest
import vl_convert

from sanitasi import analysis, charts, geo, i18n, indicators, maps, trajectories
from sanitasi.load import load_bundled
from sanitasi.progress import WARNA, Status
from sanitasi.views import kebutuhan

RPJMN = "RPJMN 2020-2024"
SOURCE = "Sumber: uji"


@pytest.fixture(scope="module")
def an() -> analysis.Analysis:
    return analysis.analyse(load_bundled())


def values(spec: dict, layer: dict) -> list[dict]:
    """A layer's inline rows, wherever Altair put them (inline or in the top-level `datasets`)."""
    data = layer["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_theme_is_registered_once_and_enabled() -> None:
    charts.register_theme()
    charts.register_theme()
    assert alt.theme.active == charts.THEME
    assert list(alt.theme.names()).count(charts.THEME) == 1


@pytest.mark.parametrize(("lang", "decimal", "thousands"), [("id", ",", "."), ("en", ".", ",")])
def test_every_chart_carries_title_source_and_locale(an: analysis.Analysis, lang: str, decimal: str,
                                                     thousands: str) -> None:
    vals = maps.map_values(an, "layak", RPJMN, lang)
    labels = maps.class_labels("layak", lang)
    tr = trajectories.trajectory(an, analysis.KABUPATEN, "layak", RPJMN, lang)
    frame, order = trajectories.small_multiples(an, "layak", RPJMN, lang)
    needs = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya, lang)
    series, _ = kebutuhan.scenario(an, "layak", 90.0, 1000.0, lang)
    built = [
        charts.ladder(indicators.ladder(an.kab, lang), title="T", source=SOURCE, lang=lang),
        charts.choropleth(maps.map_features(an, vals), maps.map_labels(an), mode="nilai", indikator="layak",
                          class_labels=labels, selected=None, title="T", source=SOURCE, lang=lang),
        charts.tile_map(maps.tiles(an, vals), mode="nilai", indikator="layak", class_labels=labels, selected=None,
                        title="T", source=SOURCE, lang=lang),
        charts.ranked_bars(maps.ranked(vals, "layak"), mode="nilai", indikator="layak", class_labels=labels,
                           target=90.0, target_label="target", selected=None, title="T", source=SOURCE, lang=lang),
        charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, title="T", source=SOURCE, lang=lang),
        charts.small_multiples(frame, order, 90.0, title="T", source=SOURCE, lang=lang),
        charts.needs_bars(needs.table, value="per_tahun", text="per_tahun_teks", axis_title="KK", title="T",
                          source=SOURCE, lang=lang),
        charts.plan_bars(kebutuhan.yearly(needs, lang=lang), title="T", source=SOURCE, lang=lang),
        charts.what_if(series, 90.0, highlight=analysis.KABUPATEN, title="T", source=SOURCE, lang=lang),
    ]
    for chart in built:
        spec = chart.to_dict()
        assert spec["title"]["text"] == "T"
        assert SOURCE in spec["title"]["subtitle"]
        assert spec["config"]["locale"]["number"]["decimal"] == decimal
        assert spec["config"]["locale"]["number"]["thousands"] == thousands
        json.dumps(spec)  # plain JSON: nothing (like a geometry column) that Arrow would choke on


def test_choropleth_sends_features_not_a_geodataframe(an: analysis.Analysis) -> None:
    vals = maps.map_values(an, "babs_terbuka", RPJMN)
    feats = maps.map_features(an, vals)
    spec = charts.choropleth(feats, maps.map_labels(an), mode="nilai", indikator="babs_terbuka",
                             class_labels=maps.class_labels("babs_terbuka"), selected="63.10.08", title="T",
                             source=SOURCE, lang="id").to_dict()
    shapes = spec["layer"][0]
    assert shapes["mark"]["type"] == "geoshape"
    assert len(values(spec, shapes)) == 12
    # the shapes carry their code and source only; what the map shows is a table looked up by the code
    assert set(values(spec, shapes)[0]["properties"]) == {"kode", geo.CREDIT_PROPERTY}
    rows = spec["datasets"][charts.MAP_VALUES]
    assert {r["kode"] for r in rows} == {f["properties"]["kode"] for f in feats}
    assert set(rows[0]) == {*maps.MAP_PROPERTIES, "dipilih"}
    (lookup,) = [t for t in shapes["transform"] if "lookup" in t]
    assert lookup["from"]["data"] == {"name": charts.MAP_VALUES} and lookup["from"]["key"] == "kode"
    assert set(lookup["from"]["fields"]) == {*maps.MAP_PROPERTIES, "dipilih"} - {"kode"}
    assert spec["title"]["subtitle"] == [SOURCE, geo.boundary_credit(0, "id")]  # the boundaries' source line
    assert [p["name"] for p in spec["params"]] == [charts.SELECT_PARAM]
    # the selected kecamatan is outlined by a second geoshape layer: the same shapes, those marked chosen
    outline = spec["layer"][1]
    assert outline["data"] == shapes["data"] and {"filter": "datum.dipilih"} in outline["transform"]
    assert [r["kode"] for r in rows if r["dipilih"]] == ["63.10.08"]
    # darker = more open defecation = worse: the brown scale, in class order
    scale = shapes["encoding"]["color"]["scale"]
    assert scale["range"] == charts.SEQ_BAD
    assert scale["domain"] == maps.class_labels("babs_terbuka")


def test_good_indicators_use_the_good_palette(an: analysis.Analysis) -> None:
    vals = maps.map_values(an, "layak", RPJMN)
    spec = charts.choropleth(maps.map_features(an, vals), maps.map_labels(an), mode="nilai", indikator="layak",
                             class_labels=maps.class_labels("layak"), selected=None, title="T", source=SOURCE,
                             lang="id").to_dict()
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == charts.SEQ_GOOD
    assert len(spec["layer"]) == 4  # shapes, the outline (of none: nothing chosen), label halo, labels
    assert not any(r["dipilih"] for r in spec["datasets"][charts.MAP_VALUES])


@pytest.mark.parametrize(("areas", "text_layers"), [(12, 2), (charts.MAP_LABEL_LIMIT, 2),
                                                      (charts.MAP_LABEL_LIMIT + 1, 0), (7300, 0)])
def test_names_are_written_on_district_maps_only(an: analysis.Analysis, areas: int, text_layers: int) -> None:
    """A province or a country gets no name layer: it would be a heap of text (and Altair caps tables at 5,000)."""
    base = maps.map_labels(an)
    labels = base.iloc[np.arange(areas) % len(base)].reset_index(drop=True)
    vals = maps.map_values(an, "layak", RPJMN)
    spec = charts.choropleth(maps.map_features(an, vals), labels, mode="nilai", indikator="layak",
                             class_labels=maps.class_labels("layak"), selected=None, title="T", source=SOURCE,
                             lang="id").to_dict()
    assert [ly["mark"]["type"] for ly in spec["layer"]].count("text") == text_layers


def test_status_colours_are_the_same_everywhere() -> None:
    scale = charts.status_scale("id").to_dict()
    assert scale["domain"][: len(Status)] == [i18n.t(f"status.{s.value}", "id") for s in Status]
    assert scale["range"][: len(Status)] == [WARNA[s] for s in Status]


def test_ladder_keeps_the_jmp_order(an: analysis.Analysis) -> None:
    spec = charts.ladder(indicators.ladder(an.kab), title="T", source=SOURCE, lang="id").to_dict()
    colour = spec["encoding"]["color"]["scale"]
    assert colour["domain"] == [indicators.get(r).label("id") for r in indicators.LADDER]
    assert colour["range"] == [indicators.get(r).warna for r in indicators.LADDER]
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 100]


def test_ranked_bars_draw_the_target(an: analysis.Analysis) -> None:
    vals = maps.ranked(maps.map_values(an, "layak", RPJMN), "layak")
    spec = charts.ranked_bars(vals, mode="status", indikator="layak", class_labels=maps.class_labels("layak"),
                              target=90.0, target_label="garis = target 90%", selected=None, title="T",
                              source=SOURCE, lang="id").to_dict()
    rule = [ly for ly in spec["layer"] if ly["mark"]["type"] == "rule"]
    assert rule and values(spec, rule[0]) == [{"target": 90.0}]
    assert spec["title"]["subtitle"][0] == "garis = target 90%"
    assert spec["layer"][0]["encoding"]["y"]["sort"] == vals["nama"].tolist()


def test_trajectory_layers(an: analysis.Analysis) -> None:
    tr = trajectories.trajectory(analysis.analyse(an.data, 2022), analysis.KABUPATEN, "layak",
                                 "SSK 2022-2024 (ilustratif)")
    spec = charts.trajectory(tr.observed, tr.trend, tr.path, tr.target, title="T", source=SOURCE,
                             lang="id").to_dict()
    marks = [ly["mark"]["type"] if isinstance(ly["mark"], dict) else ly["mark"] for ly in spec["layer"]]
    assert marks.count("rule") == 1  # the target
    diamonds = [ly for ly in spec["layer"] if isinstance(ly["mark"], dict) and ly["mark"].get("shape") == "diamond"]
    # SSK gives interim targets for 2022 and 2023 and the final one for 2024: three diamonds
    assert sorted(v["tahun"] for v in values(spec, diamonds[0])) == [2022, 2023, 2024]
    # hollow points are the rows that are not comparable (old boundaries), filled points the others
    hollow = [ly for ly in spec["layer"] if isinstance(ly["mark"], dict) and ly["mark"].get("filled") is False]
    filled = [ly for ly in spec["layer"] if isinstance(ly["mark"], dict) and ly["mark"].get("filled") is True
              and ly["mark"]["type"] == "point" and ly["mark"].get("shape") != "diamond"]
    assert hollow[0]["transform"] == [{"filter": "!datum.sebanding"}]
    assert filled[0]["transform"] == [{"filter": "datum.sebanding"}]


LONG_TITLE = "KK per tahun yang perlu dijangkau sampai 2030, per kecamatan"
LONG_SOURCE = "Sumber: data ILUSTRATIF, bukan angka resmi · v0, 28 November 2026"


def _finished(title: str = LONG_TITLE, source: str = LONG_SOURCE) -> dict:
    frame = {"a": [1, 2]}
    return charts.finish(alt.Chart(alt.Data(values=[frame])).mark_bar(), title=title, source=source,
                         lang="id").to_dict()


def test_a_short_title_is_left_as_written() -> None:
    spec = charts.fit_title(_finished("Peringkat", "Sumber: uji"))
    assert spec["title"]["text"] == "Peringkat" and spec["title"]["subtitle"] == "Sumber: uji"


def test_a_long_title_is_broken_by_the_width_it_is_drawn_at() -> None:
    spec = _finished()
    assert charts.plain_title(spec) == ([LONG_TITLE], [LONG_SOURCE])
    fitted = charts.fit_title(spec)
    assert spec["title"]["text"] == LONG_TITLE  # the shared spec is not changed
    expr = fitted["title"]["text"]["expr"]
    assert "containerSize()" in expr and json.dumps(LONG_TITLE) in expr  # one line when the chart is wide
    # every breaking offered keeps all the words, in order
    for variant in charts.base._variants([LONG_TITLE], charts.TITLE_PX, "judul"):
        assert " ".join(variant[1]) == LONG_TITLE
    # a file of known width: the lines fit it (by the same glyph estimate), and larger type breaks sooner
    at_300 = charts.fit_title(spec, width_px=300)["title"]["text"]
    px = charts.TITLE_PX * charts.GLYPH["judul"]
    assert isinstance(at_300, list) and all(len(line) * px + charts.TITLE_MARGIN <= 300 for line in at_300)
    bigger = charts.fit_title(spec, scale=1.5, width_px=300)["title"]["text"]
    assert len(bigger) > len(at_300)
    assert charts.fit_title(spec, width_px=2000)["title"]["text"] == LONG_TITLE


def test_a_titles_changing_part_is_read_from_the_data_on_screen_only() -> None:
    """A title part that changes with the data (a map's year) is read from the chart's named data on screen, so the
    spec stays the same when the data change; the widths choosing a breaking are numbers and stay untouched even
    when one reads like that part; a file keeps the title as written."""
    def finished(title: str, part: str) -> dict:
        chart = alt.Chart(alt.NamedData("isi")).mark_bar().encode(x="a:Q").properties(
            datasets={"isi": [{"a": 1, "tahun": "777"}]})
        return charts.finish(chart, title=title, source="S", lang="id",
                             title_data=charts.TitleData("isi", "tahun", part)).to_dict()

    words = "KK per tahun yang perlu dijangkau sampai {} per kecamatan di kabupaten"
    expr = charts.fit_title(finished(words.format("XYZ"), "XYZ"))["title"]["text"]["expr"]
    width = re.search(r">= (\d{3})\b", expr).group(1)  # a breaking's width, written as the part will be
    spec = finished(words.format(width), width)
    screen = charts.fit_title(spec)
    text = screen["title"]["text"]["expr"]
    assert f">= {width}" in text and f"{width} per" not in text and "usermeta" not in screen
    assert 'data("isi")[0]["tahun"]' in text
    svg = vl_convert.vegalite_to_svg(screen)
    assert f"Title text '{words.format('777')}'" in svg  # drawn from the data, not as written
    assert charts.fit_title(spec, width_px=2000)["title"]["text"] == words.format(width)  # a file: as written
    # no title data, or a part the title does not hold: the title as before
    plain = charts.finish(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar(), title="Peta 2024", source="S",
                          lang="id", title_data=charts.TitleData("isi", "tahun", "2025")).to_dict()
    assert "judul_data" not in plain["usermeta"] and charts.fit_title(plain)["title"]["text"] == "Peta 2024"


def test_a_legend_takes_as_many_columns_as_fit_and_breaks_long_labels_when_narrow() -> None:
    labels = ["Akses aman", "Layak sendiri", "BABS di tempat terbuka"]
    legend = charts.bottom_legend(labels).to_dict()
    entry = len("BABS di tempat terbuka") * charts.LEGEND_GLYPH_PX + charts.LEGEND_ENTRY_PX
    columns = legend["columns"]["expr"]
    assert f">= {3 * entry:.0f} ? 3" in columns and f">= {2 * entry:.0f} ? 2" in columns and columns.endswith("(1))")
    assert "width" in columns and "containerSize" not in columns  # a single view: the plot's width
    assert '{"BABS di tempat terbuka": ["BABS di", "tempat", "terbuka"]}' in legend["labelExpr"]
    assert "containerSize" in charts.bottom_legend(labels, faceted=True).to_dict()["columns"]["expr"]
    assert "labelExpr" not in charts.bottom_legend(["Data", "Tren"]).to_dict()


def test_a_country_scale_map_is_drawn_flat(an: analysis.Analysis) -> None:
    """Thousands of areas: coordinates projected on the server and an identity projection in the browser (the
    spherical projection of 7.300 kecamatan took the browser over 2 s); a district map stays Mercator."""
    vals = maps.map_values(an, "layak", RPJMN)
    district = maps.map_features(an, vals)
    country = [district[i % len(district)] for i in range(charts.LARGE_MAP + 1)]
    spec_district: dict = {}  # the district's spec, made first: the country's tooltip says what its tooltip says
    for feats, flat in ((district, False), (country, True)):
        spec = charts.choropleth(feats, maps.map_labels(an), mode="nilai", indikator="layak",
                                 class_labels=maps.class_labels("layak"), selected="63.10.08", title="T",
                                 source=SOURCE, lang="id", title_varies="T").to_dict()
        shapes = spec["layer"][0]
        first = values(spec, shapes)[0]["geometry"]["coordinates"][0][0]
        point = first if isinstance(first[0], (int, float)) else first[0]
        if flat:
            assert spec["projection"] == {"type": "identity", "reflectY": True}
            assert shapes["mark"]["aria"] is False
            assert all(isinstance(v, int) for v in point) and point[0] > 12000  # kilometres east of Greenwich
            # the values stay in the shapes (a table of 7.300 rows slowed the first draw), at the top level of each,
            # only what the browser reads: no nested field to flatten, no text evaluated per shape but the tooltip's
            # one object, with the district map's lines in its order; the chosen kecamatan's outline is projected the
            # same way, so it sits on its shape
            flat_shape = values(spec, shapes)[0]
            assert set(flat_shape) == {"type", "geometry", "kode", "nilai", "kelas", charts.TOOLTIP_FIELD}
            assert shapes["mark"]["tooltip"] == {"expr": f"datum.{charts.TOOLTIP_FIELD}"}
            assert set(shapes["encoding"]) == {"color"} and "sort" not in shapes["encoding"]["color"]
            # the legend under the map, not on a corner of it: a country has shapes in every corner
            assert shapes["encoding"]["color"]["legend"]["orient"] == "bottom"
            assert "transform" not in shapes and shapes["encoding"]["color"]["field"] == "kelas"
            row = next(r for r in spec_district["datasets"][charts.MAP_VALUES] if r["kode"] == flat_shape["kode"])
            district_lines = spec_district["layer"][0]["encoding"]["tooltip"]
            assert flat_shape[charts.TOOLTIP_FIELD] == {t["title"]: row[t["field"]] for t in district_lines}
            assert list(flat_shape[charts.TOOLTIP_FIELD]) == [t["title"] for t in district_lines]
            # drawn on a canvas (Streamlit reads the renderer from usermeta), the title kept as written
            assert spec["usermeta"]["embedOptions"] == {"renderer": "canvas"}
            assert "judul_data" not in spec["usermeta"]
            outline = values(spec, spec["layer"][1])
            chosen = [f for f in values(spec, shapes) if f["kode"] == "63.10.08"]
            assert [f["geometry"] for f in outline] == [f["geometry"] for f in chosen] and len(chosen) > 0
        else:
            assert spec["projection"] == {"type": "mercator"} and 114 < point[0] < 117
            assert spec["usermeta"]["judul_data"]["teks"] == "T"  # the year read from the data on screen
            assert "aria" not in shapes["mark"] and "embedOptions" not in spec["usermeta"]  # SVG
            spec_district = spec


def test_presentation_scale_grows_the_picture_with_its_type() -> None:
    """Larger type on an unchanged chart makes labels collide: sizes, steps, offsets and marks grow by the same
    factor (point sizes are areas), the legend's columns need proportionally more room, the original is untouched."""
    frame = alt.Chart(alt.Data(values=[{"a": "x", "b": 1}]))
    bars = frame.mark_bar(size=10).encode(x="b:Q", y="a:N")
    text = frame.mark_text(dx=4, fontSize=12).encode(x="b:Q", y="a:N", text="b:Q")
    dots = frame.mark_point(size=100).encode(x="b:Q", y="a:N")
    legend = charts.bottom_legend(["Satu panjang sekali", "Dua panjang sekali"])
    layered = alt.layer(bars, text, dots.encode(color=alt.Color("a:N", legend=legend)))
    spec = charts.finish(layered.properties(height=alt.Step(20), width="container"), title="T", source="S",
                         lang="id").to_dict()
    big = charts.scale_spec(spec, 1.5)
    assert big["height"] == {"step": 30}
    layers = {ly["mark"]["type"]: ly["mark"] for ly in big["layer"]}
    assert layers["bar"]["size"] == 15 and layers["text"]["dx"] == 6 and layers["text"]["fontSize"] == 18
    assert layers["point"]["size"] == 225
    columns = big["layer"][2]["encoding"]["color"]["legend"]["columns"]["expr"]
    before = spec["layer"][2]["encoding"]["color"]["legend"]["columns"]["expr"]
    n = int(before.split(">= ")[1].split(" ")[0])
    assert f">= {round(n * 1.5)} " in columns
    assert spec["height"] == {"step": 20} and spec["layer"][0]["mark"]["size"] == 10


@pytest.mark.parametrize("fill", [*charts.SEQ_GOOD, *charts.SEQ_BAD, *WARNA.values(), charts.NO_DATA])
def test_a_label_on_any_fill_of_the_maps_reads_at_aa(fill: str) -> None:
    assert charts.contrast(charts.ink_on(fill), fill) >= 4.5


def test_contrast_ratio_by_hand() -> None:
    # black on white is 21:1; white on #767676 is the classic 4.54:1
    assert charts.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert charts.contrast("#ffffff", "#767676") == pytest.approx(4.54, abs=0.01)


def test_a_ramp_mixes_its_stops_in_rgb_and_holds_its_ends() -> None:
    stops = ((-25, "#b54e00"), (0, "#f1f1f1"), (25, "#134b85"))
    assert charts.blend(stops, -40) == "#b54e00" and charts.blend(stops, 99) == "#134b85"
    assert charts.blend(stops, 0) == "#f1f1f1" and charts.blend(stops, 25) == "#134b85"
    # halfway between #f1f1f1 and #134b85: each channel the mean, rounded
    assert charts.blend(stops, 12.5) == "#829ebb"
    assert charts.blend(stops, -5) == "#" + "".join(f"{round(a * 0.8 + b * 0.2):02x}" for a, b in
                                                    [(0xf1, 0xb5), (0xf1, 0x4e), (0xf1, 0x00)])
    with pytest.raises(ValueError):
        charts.blend((), 1.0)


@pytest.mark.parametrize("mode", ["nilai", "status", "selisih"])
def test_tile_labels_take_their_colour_from_their_fill(an: analysis.Analysis, mode: str) -> None:
    from sanitasi.views import peta

    r = peta.view(an, peta.Settings(indikator="layak", kode="63.10.01", dokumen="RPJMN 2025-2029", warna=mode,
                                    tampilan="petak", lang="id"))
    spec = r.peta.spec
    text = next(ly for ly in spec["layer"] if ly["mark"]["type"] == "text")
    (rows,) = spec["datasets"].values()  # one table for the tiles and their labels
    tiles = maps.tiles(an, maps.map_values(an, "layak", "RPJMN 2025-2029", "id"))
    fills = charts.map_fills(tiles, mode, "layak", maps.class_labels("layak"), "id")
    # as fill, not colour: a colour without a scale beside the tiles' gap scale did not compile (no tiles drawn)
    assert text["encoding"]["fill"] == {"field": "tinta", "legend": None, "scale": None, "type": "nominal"}
    assert "color" not in text["encoding"]
    assert [r["tinta"] for r in rows] == [charts.ink_on(f) for f in fills]
    assert all(charts.contrast(r["tinta"], f) >= 4.5 for r, f in zip(rows, fills, strict=True))


def test_the_standing_water_map_legend_says_hectares(an: analysis.Analysis) -> None:
    from sanitasi.views import sampah_drainase

    spec = sampah_drainase.view(an, sampah_drainase.Settings(dokumen="RPJMN 2025-2029", lang="id")).peta.spec
    titles = [ly["encoding"]["color"].get("title") for ly in spec["layer"] if "color" in ly.get("encoding", {})]
    assert any(str(t).endswith("(ha)") for t in titles), titles
    assert not any(str(t).endswith("(%)") for t in titles)


@pytest.mark.parametrize(("width", "labels"), [(500, ["5.666 KK"] * 4), (200, ["5.666"] * 4), (90, ["5.666"] * 2)])
def test_yearly_totals_thin_out_by_width(an: analysis.Analysis, width: int, labels: list[str]) -> None:
    """Whole labels where a year's band has room, numbers alone where less, every other year where even they touch."""
    import re

    import vl_convert as vlc

    r = kebutuhan.view(an, kebutuhan.Settings(dokumen="RPJMN 2025-2029", indikator="aman", tahun_capai=2029))
    svg = vlc.vegalite_to_svg({**r.tahunan.spec, "width": width})
    drawn = [t for t in re.findall(r">([^<>]*)</text>", svg) if t.startswith("5.666")]
    assert drawn == labels


def test_presentation_scale_asks_more_room_of_thinned_labels(an: analysis.Analysis) -> None:
    r = kebutuhan.view(an, kebutuhan.Settings(dokumen="RPJMN 2025-2029", indikator="aman", tahun_capai=2029))
    spec = r.tahunan.spec
    calc = next(tr["calculate"] for ly in spec["layer"] for tr in ly.get("transform", []) if "calculate" in tr)
    big = charts.scale_spec(spec, 2.0)
    calc2 = next(tr["calculate"] for ly in big["layer"] for tr in ly.get("transform", []) if "calculate" in tr)
    first = int(calc.split(">= ")[1].split(" ")[0])
    assert f">= {first * 2} " in calc2
