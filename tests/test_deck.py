"""Files to take away, opened again: the clinic deck (python-pptx and LibreOffice), the A3 map, chart pictures."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pptx.util import Emu

from sanitasi import charts, deck, geo, i18n, indicators, maps
from sanitasi.views import paparan

RPJMN = "RPJMN 2020-2024"
SOURCE = "Sumber: uji · v0"


@pytest.fixture(scope="module")
def sequence(an):
    """The Paparan slides, the deck pages made from them, and the title slide."""
    charts.register_theme()
    slides = paparan.view(an, paparan.Settings(RPJMN, "layak", 2030, "2026-12-01", "id")).slides
    pages = [deck.Page(s.judul, s.pesan, s.poin, s.grafik.chart if s.grafik else None, s.tabel, s.sumber, s.catatan)
             for s in slides]
    return slides, pages, deck.Cover(RPJMN, an.tahun, an.data.versi, an.data.ilustratif, "id")


def test_deck_opens_with_editable_text(an, sequence) -> None:
    slides, pages, cover = sequence
    data = deck.build_deck(pages, cover)
    prs = Presentation(io.BytesIO(data))
    # 16:9
    assert round(prs.slide_width / prs.slide_height, 2) == round(16 / 9, 2)
    # title slide + six slides + methods
    assert len(prs.slides) == 1 + len(slides) + 1
    texts = ["\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in prs.slides]
    assert "Kabupaten Tanah Bumbu" in texts[0] and "ILUSTRATIF" in texts[0]
    for text, slide in zip(texts[1:-1], slides, strict=True):
        assert slide.judul in text
        assert deck.plain(slide.pesan) in text  # the message is a real text box, without markdown
    assert "Metode" in texts[-1]
    # the kecamatan-behind-target slide carries a real table with the same cells
    at = next(i for i, sl in enumerate(slides) if sl.kunci == "tertinggal")
    tables = [sh.table for sh in prs.slides[1 + at].shapes if sh.has_table]
    assert tables and tables[0].cell(1, 0).text == slides[at].tabel.iloc[0, 0]
    # charts are pictures, inside the slide
    pictures = [sh for s in prs.slides for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == sum(1 for s in slides if s.grafik is not None)
    assert all(p.left + p.width <= prs.slide_width + Emu(10) for p in pictures)


ODF = {"draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}


def test_deck_opens_in_libreoffice_with_editable_text(an, sequence, tmp_path) -> None:
    """LibreOffice itself opens the deck and saves it as ODP: every slide is there, and titles, messages and
    table cells are text LibreOffice can edit (text paragraphs and table cells, not pictures of text)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: apt-get install libreoffice-impress-nogui)")
    slides, pages, cover = sequence
    (tmp_path / "paparan.pptx").write_bytes(deck.build_deck(pages, cover))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
                    "--convert-to", "odp", "--outdir", str(tmp_path), str(tmp_path / "paparan.pptx")],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "paparan.odp") as odp:
        root = ElementTree.fromstring(odp.read("content.xml"))
    pages = root.findall(".//draw:page", ODF)
    assert len(pages) == 1 + len(slides) + 1  # title, the sequence, methods

    def text(page) -> str:
        return " ".join("".join(p.itertext()) for p in page.iter(f"{{{ODF['text']}}}p"))

    assert "Kabupaten Tanah Bumbu" in text(pages[0]) and "ILUSTRATIF" in text(pages[0])
    for page, slide in zip(pages[1:-1], slides, strict=True):
        assert slide.judul in text(page)
        assert deck.plain(slide.pesan) in text(page)
    at = next(i for i, sl in enumerate(slides) if sl.kunci == "tertinggal")
    behind = pages[1 + at].findall(".//table:table", ODF)
    assert behind and slides[at].tabel.iloc[0, 0] in text(behind[0])
    assert sum(len(p.findall(".//draw:image", ODF)) for p in pages) >= sum(s.grafik is not None for s in slides)


def test_a3_map_pdf(an) -> None:
    pdf = deck.map_a3(an, "layak", RPJMN, "id", SOURCE)
    assert pdf.startswith(b"%PDF")
    width, height = deck._media_box(pdf)
    assert (round(width), round(height)) in {(1190, 842), (1191, 842)}  # A3 landscape in points
    spec = deck.map_a3_spec(an, "layak", RPJMN, "id", SOURCE)
    text = json.dumps(spec, ensure_ascii=False)
    assert "▲" in text  # north arrow
    assert re.search(r"\d+ km \(skala perkiraan\)", text)  # scale bar label
    assert spec["title"]["subtitle"][0] == SOURCE
    assert spec["title"]["subtitle"][-1] == geo.boundary_credit(0, "id")  # real boundaries, author and licence
    # beside the map, every kecamatan's value ranked: the numbers the map only colours
    vals = maps.map_values(an, "layak", RPJMN)
    assert len(spec["hconcat"]) == 2
    assert all(v in text for v in vals["nilai_teks"])
    assert i18n.t("peta.peringkat_judul", "id") in text
    # the sheet is filled: the first rendering, before padding to A3, takes most of it
    import vl_convert as vlc
    w, h = deck._media_box(vlc.vegalite_to_pdf(spec))
    assert w > 0.85 * deck.A3_WIDTH and h > 0.85 * deck.A3_HEIGHT and w <= deck.A3_WIDTH and h <= deck.A3_HEIGHT


@pytest.mark.parametrize(("width", "height"), [(1060, 640), (500, 500)])
def test_scale_bar_is_plausible(an, width: int, height: int) -> None:
    feats = maps.map_features(an, maps.map_values(an, "layak", RPJMN))
    km, px = deck.scale_bar_km(feats, width, height)
    # the district spans about 0.84 degrees of longitude, about 93 km at 3.5 degrees south; fitted to the
    # limiting side, a bar of `km` kilometres is roughly width/5 pixels and never wider than the map
    assert km in (1, 2, 5, 10, 20, 25, 50, 100, 200)
    assert 0 < px < width
    px_per_km = px / km
    assert 0.5 * min(width, height) / 120 < px_per_km < 2.5 * max(width, height) / 90


def test_chart_pictures(an) -> None:
    chart = charts.ladder(indicators.ladder(an.kab), title="Judul", source=SOURCE, lang="id")
    png = deck.png(chart)
    assert png.startswith(b"\x89PNG")
    w = int.from_bytes(png[16:20], "big")
    assert w >= 2 * 700  # 2x for slides
    svg = deck.svg(chart)
    assert svg.lstrip().startswith("<svg") and "Judul" in svg and "Sumber: uji" in svg


def test_presentation_fonts_are_larger_except_map_names(an) -> None:
    vals = maps.map_values(an, "layak", RPJMN)
    spec = charts.choropleth(maps.map_features(an, vals), maps.map_labels(an), mode="nilai", indikator="layak",
                             class_labels=maps.class_labels("layak"), selected=None, title="T", source=SOURCE,
                             lang="id").to_dict()
    big = charts.scale_spec(spec, 1.5)
    assert big["config"]["axis"]["labelFontSize"] == 13 * 1.5
    assert big["config"]["title"]["fontSize"] == 17 * 1.5
    labels = [ly for ly in big["layer"] if str(ly.get("name", "")).startswith(charts.MAP_LABELS)]
    assert labels and all(ly["mark"]["fontSize"] == 12 for ly in labels)
    assert spec["config"].get("axis", {}).get("labelFontSize") != 13 * 1.5  # the original is untouched
