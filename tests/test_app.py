"""The app as a user drives it (streamlit.testing.v1.AppTest): every page, both languages, the controls.

Values on screen are compared with what `sanitasi` computes for the same choice, so a page that shows
a stale or wrong number fails here. Each test opens one page straight from a URL (query parameters),
the way a shared link opens it.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import lxml.html
import pandas as pd
import pytest
from helpers import cards_html, figures, prose, shown_values, title
from streamlit.testing.v1 import AppTest

from sanitasi import analysis, documents, fmt, i18n, indicators, kinds, maps, trajectories
from sanitasi.load import load_bundled
from sanitasi.progress import status_label
from sanitasi.views import (
    kebutuhan,
    kecamatan,
    lintasan_target,
    opd,
    paparan,
    peta,
    program_ssk,
    ringkasan,
    sampah_drainase,
)
from ui import render

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ["ringkasan", "paparan", "peta", "lintasan_target", "kecamatan", "kebutuhan", "program_ssk", "stbm",
         "sampah_drainase", "opd", "komitmen", "metodologi", "data"]
TITLE_KEYS = {"ringkasan": "ringkasan.judul", "lintasan_target": "lintasan.judul", "kebutuhan.judul": None,
              "kebutuhan": "kebutuhan.judul", "metodologi": "metodologi.judul", "data": "data.judul",
              "stbm": "stbm.judul", "sampah_drainase": "sampah.judul", "opd": "opd.judul", "komitmen": "komitmen.judul",
              "program_ssk": "program.judul"}
TIMEOUT = 90


@pytest.fixture(scope="module")
def an() -> analysis.Analysis:
    return analysis.analyse(load_bundled())


def overview(an: analysis.Analysis, dokumen: str) -> list:
    """The Ringkasan view's headline cards for a document."""
    return list(ringkasan.view(an, ringkasan.Settings(dokumen=dokumen)).kartu)


def open_page(page: str, **params: str) -> AppTest:
    """The app opened on `page` with URL parameters, as a shared link would open it."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page(f"app_pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def stats(at: AppTest) -> list[str]:
    """The label|value figures drawn by ui.stat and textblock.Figures (HTML: long rupiah amounts wrap), in order."""
    found = [html.unescape(x) for h in at.get("html")
             for x in re.findall(r"<div class='stat-(?:label|value)'>(.*?)</div>", h.proto.body)]
    return [f"{label}|{value}" for label, value in zip(found[::2], found[1::2], strict=True)]


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The static tables drawn by ui.table or as a part of ui.prose, read back as text frames, first column first, in
    page order."""
    out = []
    for h in at.get("html"):
        if "<div class='tabel'>" in h.proto.body:  # alone, under its title and lead, or among a block's texts
            for table in lxml.html.fragment_fromstring(h.proto.body, create_parent="div").xpath(
                    "//div[@class='tabel']"):
                rows = [[c.text_content() for c in tr.xpath("./th|./td")] for tr in table.xpath(".//tbody/tr")]
                out.append(pd.DataFrame(rows, columns=[th.text_content() for th in table.xpath(".//thead//th")]))
    return out


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [m.value for m in at.info] + [m.value for m in at.caption]
                     + prose(at))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(page: str, lang: str) -> None:
    at = open_page(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="lang").value == lang
    # the illustrative-data banner is on every page, in the chosen language
    assert any(i18n.t("banner.ilustratif", lang) == w.value for w in at.warning)
    key = TITLE_KEYS.get(page)
    if key:
        assert title(at) == i18n.t(key, lang)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_its_own(page: str) -> None:
    at = AppTest.from_file(str(ROOT / "app_pages" / f"{page}.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.sidebar.radio) == 1  # the page draws the shared sidebar itself


def test_a_fresh_start_opens_on_the_running_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(documents.ENV_DOCUMENT, raising=False)
    at = open_page("ringkasan")
    box = at.sidebar.selectbox(key="target")
    assert box.value == "RPJMN 2025-2029"
    # the ended plan stays selectable, marked; the running ones come first
    assert box.options[0] == "RPJMN 2025-2029" and "RPJMN 2020-2024 · berakhir 2024" in box.options
    # the plan's source line and its check, beside the chooser
    assert any("periksa Lampiran Perpres 12/2025" in c.value for c in at.sidebar.caption)
    at.radio(key="lang").set_value("en").run()
    assert "RPJMN 2020-2024 · ended 2024" in at.sidebar.selectbox(key="target").options


@pytest.mark.parametrize(("env", "secret", "expected"), [
    (None, "SSK 2025-2029 (ilustratif)", "SSK 2025-2029 (ilustratif)"),
    ("RPJMN 2020-2024", "SSK 2025-2029 (ilustratif)", "RPJMN 2020-2024"),
    (None, "Dokumen yang tidak ada", "RPJMN 2025-2029"),  # a setting naming no document is ignored
])
def test_the_default_document_is_a_setting(monkeypatch: pytest.MonkeyPatch, env: str | None, secret: str,
                                           expected: str) -> None:
    if env is None:
        monkeypatch.delenv(documents.ENV_DOCUMENT, raising=False)
    else:
        monkeypatch.setenv(documents.ENV_DOCUMENT, env)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["dasbor"] = {"dokumen_bawaan": secret}
    at.switch_page("app_pages/ringkasan.py")
    at.run()
    assert at.sidebar.selectbox(key="target").value == expected


def test_status_cards_show_each_card_whole(an: analysis.Analysis) -> None:
    # one HTML block a row of cards: each card's figure, its change with the arrow, its status in words, and its
    # target lines as text (the markdown bold read, no asterisk or escape left)
    at = open_page("ringkasan", target="SSK 2022-2024 (ilustratif)", tahun="2023")
    cards = overview(analysis.analyse(an.data, 2023), "SSK 2022-2024 (ilustratif)")
    blocks = [lxml.html.fragment_fromstring(b) for b in cards_html(at).split("\n")]
    shown = blocks[0].xpath("./div[@class='kartu']")
    assert len(shown) == len(cards) == 3
    for card, box in zip(cards, shown, strict=True):
        def text(cls: str, box=box) -> str:
            return " ".join(e.text_content() for e in box.xpath(f"./div[@class='{cls}']"))
        assert (text("kartu-judul"), text("kartu-nilai")) == (card.judul, card.nilai)
        arrow = {"up": "\u2191 ", "down": "\u2193 "}.get(card.delta_panah, "")
        assert text(f"kartu-delta kartu-delta-{card.delta_warna}") == arrow + card.perubahan
        assert status_label(card.status, "id") in text("kartu-status")
        assert text("kartu-teks").startswith(card.target.replace("**", ""))
        assert "*" not in box.text_content() and "\\" not in box.text_content()
    # the other strategy's four cards: two a row at most
    assert blocks[1].get("style") == "--per-baris:2" and len(blocks[1].xpath("./div[@class='kartu']")) == 4


def test_overview_cards_follow_the_reference_year(an: analysis.Analysis) -> None:
    for year in (2021, 2025):
        at = open_page("ringkasan", tahun=str(year))
        expected = overview(analysis.analyse(an.data, year), "RPJMN 2020-2024")
        assert shown_values(at)[:3] == [c.nilai for c in expected]
    # 2021 and 2025 differ, so the assertion above could not pass with a page stuck on one year
    assert overview(analysis.analyse(an.data, 2021), "RPJMN 2020-2024")[0].nilai != \
        overview(analysis.analyse(an.data, 2025), "RPJMN 2020-2024")[0].nilai


def test_overview_year_slider_changes_the_numbers(an: analysis.Analysis) -> None:
    at = open_page("ringkasan")
    before = shown_values(at)
    at.select_slider(key="tahun").set_value(2022).run()
    after = shown_values(at)
    assert after != before
    assert after[:3] == [c.nilai for c in overview(analysis.analyse(an.data, 2022), "RPJMN 2020-2024")]


def test_target_document_changes_the_cards(an: analysis.Analysis) -> None:
    at = open_page("ringkasan", target="SSK 2022-2024 (ilustratif)", tahun="2023")
    cards = overview(analysis.analyse(an.data, 2023), "SSK 2022-2024 (ilustratif)")
    shown = cards_html(at)
    for card in cards:
        assert fmt.markdown_html(card.target) in shown
    # the SSK's final aman target is 12%, RPJMN's is 15%: the page must show the SSK one
    assert "<strong>12%</strong>" in shown and "<strong>15%</strong>" not in shown


def test_map_indicator_and_kecamatan_from_url(an: analysis.Analysis) -> None:
    at = open_page("peta", indikator="babs_terbuka", kecamatan="63.10.08")
    assert at.selectbox(key="indikator").value == "babs_terbuka"
    assert at.selectbox(key="kecamatan").value == "63.10.08"
    values = maps.map_values(an, "babs_terbuka", "RPJMN 2020-2024")
    mantewe = values.loc[values["kode"] == "63.10.08"].iloc[0]
    assert shown_values(at)[0] == mantewe["nilai_teks"]
    assert shown_values(at)[1] == mantewe["kk_teks"]


def test_map_controls_change_what_is_shown(an: analysis.Analysis) -> None:
    at = open_page("peta")
    first = shown_values(at)[0]
    at.selectbox(key="indikator").set_value("aman").run()
    at.selectbox(key="kecamatan").set_value("63.10.06").run()
    values = maps.map_values(an, "aman", "RPJMN 2020-2024")
    se = values.loc[values["kode"] == "63.10.06"].iloc[0]
    assert shown_values(at)[0] == se["nilai_teks"] != first
    assert figures(at)[0][0] == indicators.get("aman").label("id")


@pytest.mark.parametrize("mode", ["nilai", "selisih", "status"])
@pytest.mark.parametrize("view", ["wilayah", "petak"])
def test_map_colour_modes_and_views_render(mode: str, view: str) -> None:
    at = open_page("peta", peta_warna=mode, peta_tampilan=view)
    assert not at.exception, [e.value for e in at.exception]
    assert at.get("button_group")[0].value == mode


def table_block(at: AppTest, title: str) -> str:
    """The one HTML block that holds the table headed `title` (`ui.table(..., title)`)."""
    (body,) = [h.proto.body for h in at.get("html") if f"<div class='tabel-judul'>{html.escape(title)}</div>"
               in h.proto.body]
    return body


def table_block_of(at: AppTest, frame: pd.DataFrame) -> str:
    """The table showing `frame` with its title and lead above it and its small print under it (alone in its block,
    or among a ui.prose block's texts), as HTML."""
    found = []
    for h in at.get("html"):
        for table in lxml.html.fragment_fromstring(h.proto.body, create_parent="div").xpath("//div[@class='tabel']"):
            if [th.text_content() for th in table.xpath(".//thead//th")] != [str(c) for c in frame.columns]:
                continue
            parts, before, after = [table], table.getprevious(), table.getnext()
            while before is not None and before.get("class") in ("tabel-judul", "tabel-pengantar"):
                parts.insert(0, before)
                before = before.getprevious()
            if after is not None and after.get("class") == "tabel-kaki":
                parts.append(after)
            found.append("".join(lxml.html.tostring(p, encoding=str, with_tail=False) for p in parts))
    (body,) = found
    return body


@pytest.mark.parametrize("mode", ["nilai", "selisih", "status"])
def test_the_ranking_beside_the_map_is_a_table_of_bars_in_the_maps_colours(an: analysis.Analysis, mode: str) -> None:
    """One chart on the page (the map); the ranking a table: the kecamatan best first with their values, each bar
    in its map colour, the target line, the chosen kecamatan outlined, its title and the target named above."""
    at = open_page("peta", indikator="layak", kecamatan="63.10.08", target="RPJMN 2020-2024", peta_warna=mode)
    assert not at.exception, [e.value for e in at.exception]
    r = peta.view(an, peta.Settings(indikator="layak", kode="63.10.08", dokumen="RPJMN 2020-2024", warna=mode))
    assert len(at.get("vega_lite_chart")) == 1
    body = table_block(at, r.peringkat_judul)
    assert f"<div class='tabel-pengantar'>{r.peringkat_keterangan}</div>" in body
    shown = [t for t in tables(at) if t.columns[0] == "Kecamatan" and "Nilai 2025" in t.columns]
    assert len(shown) == 1
    pd.testing.assert_frame_equal(shown[0], r.peringkat.frame.astype(str), check_dtype=False)
    doc = lxml.html.fromstring(body)
    bars = doc.xpath("//tbody/tr/td[1]")
    assert [re.search(r"--warna:(#[0-9a-f]{6})", td.get("style")).group(1) for td in bars] == list(
        r.peringkat.batang.warna)
    assert all("--garis:90.0%" in td.get("style") for td in bars)
    assert [tr.xpath("./th")[0].text_content() for tr in doc.xpath("//tbody/tr[@class='pilih']")] == ["Mantewe"]
    assert f"<div class='tabel-kaki'><div>{html.escape(r.peringkat.sumber)}</div></div>" in body  # its source


def test_the_kecamatan_comparison_and_the_budget_matrix_and_the_money_are_tables(an: analysis.Analysis) -> None:
    """Kecamatan, Peran & kinerja OPD and Program SSK draw one chart at first; the comparison with the district,
    the budget matrix and the money a year stand beside or under it as tables, as their views made them."""
    at = open_page("kecamatan", kecamatan="63.10.12")
    r = kecamatan.view(an, kecamatan.Settings(kode="63.10.12", dokumen="RPJMN 2025-2029"))
    assert len(at.get("vega_lite_chart")) == 1
    assert r.banding_judul in table_block(at, r.banding_judul)
    assert any(t.equals(r.banding.frame) for t in tables(at))

    at = open_page("opd", opd_tahun="2025")
    o = opd.view(an, opd.Settings(tahun=2025, dokumen="RPJMN 2025-2029"))
    assert len(at.get("vega_lite_chart")) == 1
    assert any(t.equals(o.matriks.frame) for t in tables(at))
    below = lxml.html.fragment_fromstring(table_block_of(at, o.matriks.frame), create_parent="div")
    assert [d.text_content() for d in below.xpath("//div[@class='tabel-kaki']/div")] == [o.matriks.sumber]

    at = open_page("program_ssk", indikator="layak", capai="2029", target="RPJMN 2025-2029")
    p = program_ssk.view(an, program_ssk.Settings(dokumen="RPJMN 2025-2029", indikator="layak", tahun_capai=2029))
    assert len(at.get("vega_lite_chart")) == 1
    body = table_block(at, p.dana_judul)
    assert all(html.escape(line) in body for line in p.dana_ringkas)
    assert any(t.equals(p.dana_ringkas_tabel.frame) for t in tables(at))


def test_waste_shows_both_cards_and_sentences_and_one_trajectory_at_a_time(an: analysis.Analysis) -> None:
    at = open_page("sampah_drainase")
    assert not at.exception, [e.value for e in at.exception]
    r = sampah_drainase.view(an, sampah_drainase.Settings(dokumen="RPJMN 2025-2029"))
    shown = texts(at)
    assert all(w.kalimat in shown for w in r.jalur) and len(r.jalur) == 2
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1 and r.jalur[0].judul in charts[0].proto.spec
    at.session_state["sampah_jalur"] = r.jalur[1].judul
    at.run()
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1 and r.jalur[1].judul in charts[0].proto.spec


def test_a_tables_lead_source_and_notes_are_in_its_own_block(an: analysis.Analysis) -> None:
    """The yearly targets judged on Lintasan: the help above the table, its source and the method's note under it,
    in that order and in the table's block (one element, not a caption each)."""
    at = open_page("lintasan_target", indikator="aman", kecamatan="63.10")
    assert not at.exception, [e.value for e in at.exception]
    r = lintasan_target.view(an, lintasan_target.Settings(indikator="aman", dokumen="RPJMN 2025-2029", kode="63.10"))
    body = table_block_of(at, r.kinerja.frame)
    doc = lxml.html.fromstring(body)
    assert doc.xpath("//div[@class='tabel-pengantar']")[0].text_content() == fmt.uninert(r.kinerja_bantuan)
    assert [d.text_content() for d in doc.xpath("//div[@class='tabel-kaki']/div")] == [
        r.kinerja.sumber, r.kinerja_catatan]
    assert r.kinerja_catatan not in [c.value for c in at.caption]  # not drawn twice


def test_trajectory_reads_out_the_progress_numbers(an: analysis.Analysis) -> None:
    at = open_page("lintasan_target", indikator="layak", kecamatan="63.10.04", target="SDG 6.2 (2030)")
    # SDG 6.2 sets no *layak* target, so the page falls back to the document's indicators
    assert at.selectbox(key="indikator").value in documents.indicators_of(an, "SDG 6.2 (2030)")
    at = open_page("lintasan_target", indikator="layak", kecamatan="63.10.04", target="SSK 2022-2024 (ilustratif)",
                   tahun="2022")
    tr = trajectories.trajectory(analysis.analyse(an.data, 2022), "63.10.04", "layak", "SSK 2022-2024 (ilustratif)")
    shown = texts(at)
    for label, value in tr.facts:
        assert f"**{label}**  \n{value}" in shown
    assert tr.kalimat in shown


def test_trajectory_on_2020_boundaries_shows_the_parent(an: analysis.Analysis) -> None:
    at = open_page("lintasan_target", kecamatan="63.10.11", basis="2020")
    assert not at.exception
    assert any("Kusan Hilir" in w.value for w in at.warning)


def test_kecamatan_profile_follows_the_choice(an: analysis.Analysis) -> None:
    at = open_page("kecamatan", kecamatan="63.10.12")
    assert title(at) == "Kecamatan Teluk Kepayang"
    cards = kecamatan.view(an, kecamatan.Settings(kode="63.10.12", dokumen="RPJMN 2020-2024")).kartu
    assert shown_values(at) == [c.nilai for c in cards]
    at.selectbox(key="kecamatan").set_value("63.10.01").run()
    assert title(at) == "Kecamatan Batulicin"
    batulicin = kecamatan.view(an, kecamatan.Settings(kode="63.10.01", dokumen="RPJMN 2020-2024")).kartu
    assert shown_values(at) == [c.nilai for c in batulicin]


def test_kecamatan_status_table_is_read_whole(an: analysis.Analysis) -> None:
    # every target document and indicator, as the view formats them, in a static table whose texts wrap
    at = open_page("kecamatan", kecamatan="63.10.12")
    expected = kecamatan.view(an, kecamatan.Settings(kode="63.10.12", dokumen="RPJMN 2020-2024")).tabel
    shown = [t for t in tables(at) if list(t.columns) == list(expected.columns)]
    assert len(shown) == 1 and len(expected) > 3
    pd.testing.assert_frame_equal(shown[0], expected.fillna("").astype(str).reset_index(drop=True),
                                  check_dtype=False)


def test_needs_page_numbers_match_the_package(an: analysis.Analysis) -> None:
    # RPJMN 2020-2024 (no longer the default) sets layak; the default RPJMN 2025-2029 sets only aman
    at = open_page("kebutuhan", indikator="layak", capai="2030", target="RPJMN 2020-2024")
    result = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya, "id")
    assert result.ringkasan in texts(at)
    at.select_slider(key="capai").set_value(2028).run()
    sooner = kebutuhan.needs_table(an, "layak", 90.0, 2028, an.data.biaya, "id")
    assert sooner.ringkasan in texts(at)
    assert sooner.total_per_tahun > result.total_per_tahun  # fewer years, more households a year


def test_programme_page_numbers_match_the_package_and_follow_the_kecamatan(an: analysis.Analysis) -> None:
    at = open_page("program_ssk", indikator="layak", capai="2029", target="RPJMN 2025-2029")
    assert not at.exception, [e.value for e in at.exception]
    settings = program_ssk.Settings(dokumen="RPJMN 2025-2029", indikator="layak", tahun_capai=2029)
    district = program_ssk.view(an, settings)
    assert district.ringkasan in prose(at) and district.ringkasan.startswith("**ILUSTRATIF**")
    assert stats(at) == [f"{k}|{v}" for k, v in district.metrik]
    assert district.capai_teks not in texts(at)  # its tab is built once shown
    at.session_state["ssk_tab"] = i18n.t("program.capai_judul", "id")
    at.run()
    assert district.capai_teks in texts(at)
    at.session_state["ssk_tab"] = i18n.t("program.tab_kecamatan", "id")
    at.run()
    shown = tables(at)
    assert any(list(tb.columns) == list(district.tabel.columns) and tb.equals(district.tabel.astype(str))
               for tb in shown)
    at.selectbox(key="kecamatan").set_value("63.10.04").run()
    satui = program_ssk.view(an, program_ssk.Settings(dokumen="RPJMN 2025-2029", indikator="layak",
                                                      tahun_capai=2029, kode="63.10.04"))
    assert satui.ringkasan in prose(at) and "di Satui" in satui.ringkasan
    assert stats(at) == [f"{k}|{v}" for k, v in satui.metrik]


def edited_costs(lang: str, edits: dict[int, dict[str, str]], versi: object, at: AppTest | None = None) -> AppTest:
    """Kebutuhan (layak, by 2030, RPJMN 2020-2024) with the assumptions' box open and the unit-cost grid edited as a
    person would: AppTest seeds a keyed data_editor's edit state before the run. The editor's key names the
    indicator, the language and the data version (`versi`). `at`: go on in a session already open, in Indonesian
    (AppTest cannot run an English page twice: it reads a select box's value back in the other language)."""
    if at is None:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.switch_page("app_pages/kebutuhan.py")
        for key, value in {"indikator": "layak", "capai": "2030", "target": "RPJMN 2020-2024", "lang": lang}.items():
            at.query_params[key] = value
    at.session_state["kebutuhan_asumsi"] = True  # the assumptions' box, opened
    at.session_state[f"biaya_layak_{lang}_{versi}"] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("lang", "cost", "share", "ten"), [("id", "6.500.000", "0,80", "10.000.000"),
                                                            ("en", "6,500,000", "0.80", "10,000,000")])
def test_the_cost_editor_shows_numbers_the_way_of_the_language_and_refuses_a_wrong_cell(
        an: analysis.Analysis, lang: str, cost: str, share: str, ten: str) -> None:
    at = edited_costs(lang, {}, an.data.versi)
    [grid] = [d.value for d in at.data_editor]
    assert (grid["biaya_per_kk"].iloc[0], grid["porsi"].iloc[0]) == (cost, share)
    plan = [f"{k}|{v}" for k, v in kebutuhan.view(an, kebutuhan.Settings("RPJMN 2020-2024", "layak", 2030,
                                                                       lang=lang)).metrik]
    # stats(at)[0] is the target used; the four after it are the plan's figures
    assert stats(at)[1:] == plan and not at.error

    # a right edit (10 million in the first row) is applied: 0.8 x 10 million + 0.2 x 4.5 million a household
    at = edited_costs(lang, {0: {"biaya_per_kk": ten}}, an.data.versi)
    dearer = kebutuhan.view(an, kebutuhan.Settings("RPJMN 2020-2024", "layak", 2030, lang=lang, biaya=(
        (grid["kode"].iloc[0], 10_000_000.0, 0.8), (grid["kode"].iloc[1], 4_500_000.0, 0.2))))
    assert dearer.kebutuhan.biaya_per_kk == pytest.approx(8_900_000)
    assert stats(at)[1:] == [f"{k}|{v}" for k, v in dearer.metrik] != plan and not at.error
    assert i18n.t("kebutuhan.biaya_diubah_catatan", lang) in texts(at)  # said under the figures

    # with a share of 80 (meant as 80%) beside it, nothing is applied and the cell is named
    at = edited_costs(lang, {0: {"biaya_per_kk": ten}, 1: {"porsi": "80"}}, an.data.versi)
    assert stats(at)[1:] == plan  # the file's unit costs
    [error] = at.error
    assert error.value.startswith(i18n.t("kebutuhan.biaya_salah", lang))
    where = {"id": "Baris 2 ({}), kolom **Porsi KK (0–1)**: “80” di luar 0–1",
             "en": "Row 2 ({}), column **Share of households (0–1)**: “80” is outside 0–1"}[lang]
    assert "- " + where.format(grid["langkah"].iloc[1]) in error.value


def test_opening_the_costs_without_editing_changes_nothing(an: analysis.Analysis) -> None:
    at = edited_costs("id", {}, an.data.versi)
    plan = kebutuhan.view(an, kebutuhan.Settings("RPJMN 2020-2024", "layak", 2030))
    assert stats(at)[1:] == [f"{k}|{v}" for k, v in plan.metrik]
    assert i18n.t("kebutuhan.biaya_diubah_catatan", "id") not in texts(at)
    assert at.session_state["_biaya_diubah"] == {(an.data.versi, "layak"): ()}  # nothing kept as an edit


def test_a_wrong_cell_after_a_right_edit_keeps_the_right_one_open_or_closed(an: analysis.Analysis) -> None:
    """The message says the last right unit costs stay in use: so the plan, whether the box is open or closed."""
    at = edited_costs("id", {0: {"biaya_per_kk": "10.000.000"}}, an.data.versi)
    dearer = stats(at)[1:]
    at = edited_costs("id", {0: {"biaya_per_kk": "10.000.000"}, 1: {"porsi": "80"}}, an.data.versi, at)
    assert at.error[0].value.startswith(i18n.t("kebutuhan.biaya_salah", "id"))
    assert stats(at)[1:] == dearer  # the last right costs, not the file's
    at.session_state["kebutuhan_asumsi"] = False
    at.run()
    assert stats(at)[1:] == dearer and not at.error


@pytest.mark.parametrize(("page", "charts"), [("lintasan_target", 1), ("sampah_drainase", 1), ("program_ssk", 1),
                                               ("kebutuhan", 0), ("stbm", 1)])
def test_an_on_demand_tabs_content_is_under_its_bar_not_in_its_panel(page: str, charts: int) -> None:
    """react-aria's tab panel walks everything inside it for something to focus at each change in it, so a chart
    drawn in a panel set off a walk at every step of its drawing: the tabs are the switch, their content is drawn
    under the bar (`ui.tabs_on_demand`), and every tab's panel stays empty."""
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.tabs and all(not tab.children for tab in at.tabs)
    assert len(at.get("vega_lite_chart")) == charts  # the first tab's content is drawn all the same
    assert tables(at) or at.get("vega_lite_chart")


def test_the_hidden_panels_are_those_of_the_on_demand_tabs() -> None:
    """Each key `ui.tabs_on_demand` accepts has its (empty) panel hidden, and no other tab's panel is."""
    css = render.layout_css()
    rule = next(line for line in css.splitlines() if "tabpanel" in line)
    assert re.findall(r"\.st-key-([a-z_]+) \[role='tabpanel'\]", rule) == list(render.TABS)
    assert rule.endswith("{display: none;}")
    pages = "".join(f.read_text() for f in (ROOT / "app_pages").glob("*.py"))
    used = set(re.findall(r'tabs_on_demand\(.*?key="([a-z_]+)"', pages, flags=re.DOTALL))
    assert used == set(render.TABS)


def test_moving_between_tabs_inside_tabs_keeps_the_page() -> None:
    """A tab inside a tab (Persampahan's trajectories in its waste tab), then the outer tab changed: its URL parameter
    is still bound for one run (Streamlit), and changing the link around it must not fail the page."""
    handling = indicators.get("sampah_penanganan").label("id")
    at = open_page("sampah_drainase", sampah_jalur=handling)  # a link with the inner tab in it
    assert not at.exception, [e.value for e in at.exception]
    assert handling in at.get("vega_lite_chart")[0].proto.spec
    at.session_state["sampah_tab"] = i18n.t("sampah.drainase_judul", "id")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("app_pages/ringkasan.py").run()
    assert not at.exception, [e.value for e in at.exception]


def test_edited_costs_hold_with_the_box_closed_and_after_another_page(an: analysis.Analysis) -> None:
    """Streamlit forgets a widget's edits once a run does not draw it: the plan must not silently go back to the
    file's unit costs when the assumptions' box is closed or the official looks at another page."""
    at = edited_costs("id", {0: {"biaya_per_kk": "10.000.000"}}, an.data.versi)
    grid = kebutuhan.options(an, "RPJMN 2020-2024", "layak").biaya.frame
    dearer = kebutuhan.view(an, kebutuhan.Settings("RPJMN 2020-2024", "layak", 2030, biaya=(
        (grid["kode"].iloc[0], 10_000_000.0, 0.8), (grid["kode"].iloc[1], 4_500_000.0, 0.2))))
    shown = [f"{k}|{v}" for k, v in dearer.metrik]
    assert stats(at)[1:] == shown
    at.session_state["kebutuhan_asumsi"] = False
    at.run()
    assert not at.data_editor and stats(at)[1:] == shown  # closed: not built, the edit still costs the plan
    at.switch_page("app_pages/ringkasan.py").run()
    at.switch_page("app_pages/kebutuhan.py").run()
    assert not at.exception and stats(at)[1:] == shown
    at.session_state["kebutuhan_asumsi"] = True
    at.run()
    [editor] = at.data_editor
    assert editor.value["biaya_per_kk"].tolist() == ["10.000.000", grid["biaya_per_kk"].iloc[1]]  # starts from it
    assert stats(at)[1:] == shown


def test_the_need_by_kecamatan_is_a_table_with_bars_and_its_chart_is_a_tab_away(an: analysis.Analysis) -> None:
    at = open_page("kebutuhan", indikator="layak", capai="2030", target="RPJMN 2020-2024")
    r = kebutuhan.view(an, kebutuhan.Settings("RPJMN 2020-2024", "layak", 2030))
    [need, what_if] = tables(at)
    assert need.equals(r.tabel.frame) and what_if.equals(r.skenario_tabel.frame.reset_index(drop=True))
    body = next(h.proto.body for h in at.get("html") if h.proto.body.startswith("<div class='tabel'>"))
    assert body.count("class='n batang'") == len(r.tabel.frame) - 2  # a bar for each kecamatan
    assert [b.label for b in at.get("download_button")][:1] == [i18n.t("kebutuhan.unduh_tabel", "id")]
    assert not at.get("vega_lite_chart")  # the need's charts wait in their tabs, the what-if's in its box
    at.session_state["kebutuhan_tab"] = i18n.t("kebutuhan.tab_grafik", "id")
    at.run()
    assert len(at.get("vega_lite_chart")) == 1 and len(tables(at)) == 1


def test_the_what_ifs_chart_is_drawn_when_its_box_is_opened_and_follows_the_number(an: analysis.Analysis) -> None:
    """The what-if's answer and table come with the page; its chart, every kecamatan year by year, is built once the
    box under them is opened, for the number entered, and stays open while the number changes."""
    at = open_page("kebutuhan", indikator="layak", capai="2030", target="RPJMN 2020-2024")
    assert [e.label for e in at.expander].count(i18n.t("kebutuhan.skenario_grafik_buka", "id")) == 1
    assert not at.get("vega_lite_chart")
    at.session_state["kebutuhan_skenario_grafik"] = True
    at.run()
    [chart] = at.get("vega_lite_chart")
    r = kebutuhan.view(an, kebutuhan.Settings("RPJMN 2020-2024", "layak", 2030))
    assert i18n.t("kebutuhan.skenario_grafik", "id", kk=fmt.number(r.skenario_kk, 0, "id")) in chart.proto.spec
    at.number_input(key="skenario_kk").set_value(500).run()
    [chart] = at.get("vega_lite_chart")
    assert i18n.t("kebutuhan.skenario_grafik", "id", kk="500") in chart.proto.spec


@pytest.mark.parametrize(("label", "charts", "tables_", "yearly_note"), [
    ("kebutuhan.tab_grafik", 1, 1, False),
    ("kebutuhan.tab_tahunan", 1, 1, True),
    ("kebutuhan.tab_kecamatan", 0, 2, False),
    ("bukan tab", 0, 2, False),
])
def test_a_link_naming_a_tab_opens_it(label: str, charts: int, tables_: int, yearly_note: bool) -> None:
    """The tabs are bound to the URL by their label: a link opens its tab with that tab's content built (and only
    that tab's); a label no tab has opens the first. The what-if's chart waits in its box whatever the tab."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("app_pages/kebutuhan.py")
    at.query_params["kebutuhan_tab"] = i18n.t(label, "id") if "." in label else label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert (len(at.get("vega_lite_chart")), len(tables(at))) == (charts, tables_)
    assert (i18n.t("kebutuhan.catatan_tahunan", "id") in texts(at)) is yearly_note


def test_needs_what_if_uses_the_number_entered(an: analysis.Analysis) -> None:
    at = open_page("kebutuhan", indikator="layak", capai="2030", target="RPJMN 2020-2024")
    at.number_input(key="skenario_kk").set_value(500).run()
    _, reached = kebutuhan.scenario(an, "layak", 90.0, 500.0, "id", tahun_capai=2030)
    assert kebutuhan.scenario_text(reached, 90.0, "layak", "id", tahun_capai=2030) in texts(at)


def test_the_growth_assumption_is_set_on_the_needs_page_and_followed_by_the_deck(an: analysis.Analysis) -> None:
    at = open_page("kebutuhan", indikator="layak", capai="2030", target="RPJMN 2020-2024")
    at.session_state["kebutuhan_asumsi"] = True  # the assumptions' box, opened
    at.run()
    box = at.number_input(key="porsi_baru_layak")
    assert box.value == 6  # the default: 90% - 84,2% today, in whole percent
    at.number_input(key="porsi_baru_layak").set_value(0).run()
    zero = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya, porsi_baru=0.0)
    assert zero.total_kk == zero.gap.backlog_kecamatan == 6622  # growth 0: the total is the backlog
    assert zero.ringkasan in texts(at)
    # the deck, opened in the same session, plans with the assumption set
    setting = paparan.Settings("RPJMN 2020-2024", "layak", 2030, paparan.today(), "id", porsi_baru=0.0)
    slides = paparan.view(an, setting).slides
    number = next(i for i, s in enumerate(slides, start=1) if s.kunci == "kebutuhan")
    at.switch_page("app_pages/paparan.py").run()
    for _ in range(number - 1):
        at.button(key="slide_next").click().run()
    assert title(at) == slides[number - 1].judul
    # the slide's one sentence plans with the assumption set: growth 0, the households a year of the backlog alone
    assert fmt.kk(zero.total_per_tahun) in slides[number - 1].pesan
    assert fmt.kk(zero.gap.backlog_kecamatan) in slides[number - 1].pesan
    assert slides[number - 1].pesan in texts(at)


def test_english_switch_changes_numbers_format() -> None:
    at = open_page("ringkasan", lang="en")
    assert all("," not in v for v in shown_values(at))  # 84.2%, not 84,2%
    at.radio(key="lang").set_value("id").run()
    assert all("." not in v for v in shown_values(at))
    assert title(at) == i18n.t("ringkasan.judul", "id")


def test_bad_url_parameters_fall_back_to_defaults() -> None:
    at = open_page("peta", indikator="nope", tahun="1999", kecamatan="99.99.99", lang="xx")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="indikator").value == "layak"
    assert at.select_slider(key="tahun").value == max(load_bundled().tahun)
    assert at.radio(key="lang").value == "id"


def test_numbers_use_indonesian_format_by_default(an: analysis.Analysis) -> None:
    at = open_page("ringkasan")
    kab = an.kab.sort_values("tahun").iloc[-1]
    assert shown_values(at)[0] == fmt.pct(kab["pct_layak"])
    assert "," in shown_values(at)[0]


def test_paparan_walks_the_sequence_and_keeps_the_slide_in_the_url(an: analysis.Analysis) -> None:
    # a fresh start: the running plan, its one headline indicator (aman) and its target year
    setting = paparan.Settings("RPJMN 2025-2029", "aman", 2029, paparan.today(), "id")
    expected = [s.judul for s in paparan.view(an, setting).slides]
    at = AppTest.from_file(str(ROOT / "app_pages" / "paparan.py"), default_timeout=TIMEOUT)
    at.query_params["slide"] = "3"
    at.run()
    assert title(at) == expected[2]
    seen = [title(at)]
    for _ in range(3):
        at.button(key="slide_next").click().run()
        seen.append(title(at))
    assert seen == expected[2:6]
    for _ in range(len(expected) - 6):
        at.button(key="slide_next").click().run()
    assert at.button(key="slide_next").disabled  # the last slide
    assert title(at) == expected[-1]
    at.button(key="slide_prev").click().run()
    assert title(at) == expected[-2]


def test_presentation_mode_from_the_url_enlarges_the_page() -> None:
    at = open_page("paparan", mode="paparan")
    assert not at.exception
    assert at.toggle(key="_mode_toggle").value is True
    # 18 px type (charts scaled with it) where the page has 16: larger, and a slide still fits 1024x768
    assert any("html {font-size: 18px;}" in h.value for h in at.get("html"))
    normal = open_page("paparan")
    assert normal.toggle(key="_mode_toggle").value is False
    assert not any("html {font-size: 18px;}" in h.value for h in normal.get("html"))


@pytest.mark.parametrize("indikator", ["desa_odf", "genangan", "stbm_jamban_sehat"])
def test_map_offers_the_rest_of_ppsp(an: analysis.Analysis, indikator: str) -> None:
    at = open_page("peta", indikator=indikator, kecamatan="63.10.08")
    assert not at.exception
    assert at.selectbox(key="indikator").value == indikator
    values = maps.map_values(an, indikator, "RPJMN 2020-2024")
    assert shown_values(at)[0] == values.set_index("kode").loc["63.10.08", "nilai_teks"]


def test_trajectory_of_waste_is_for_the_district_only() -> None:
    at = open_page("lintasan_target", indikator="sampah_penanganan", target="Jakstranas 2025 (Perpres 97/2017)")
    assert not at.exception
    assert at.selectbox(key="indikator").value == "sampah_penanganan"
    assert not [s for s in at.selectbox if s.key == "kecamatan"]  # no kecamatan to choose for a district figure


def test_the_trajectory_page_builds_the_other_indicators_ahead(an: analysis.Analysis,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening Lintasan builds the other indicators' views in the background; choosing one then builds nothing."""
    import ui.cache

    built: list[str] = []
    real = lintasan_target.all_kecamatan
    monkeypatch.setattr(lintasan_target, "all_kecamatan", lambda an, ind, *a, **k: built.append(ind) or real(an, ind,
                                                                                                           *a, **k))
    ui.cache._view.clear()
    ui.cache._ahead.clear()
    dok = "SSK 2025-2029 (ilustratif)"
    at = open_page("lintasan_target", indikator="layak", target=dok)
    assert not at.exception, [e.value for e in at.exception]
    deadline = time.monotonic() + 60
    while ui.cache._ahead_working[0] and time.monotonic() < deadline:
        time.sleep(0.05)
    per_kecamatan = [i for i in lintasan_target.options(an, dok) if not lintasan_target.district_only(i)]
    assert len(per_kecamatan) >= 3
    assert sorted(built) == sorted(per_kecamatan)  # "layak" by the page, every other one ahead of the choice
    at.selectbox(key="indikator").set_value("aman").run()
    assert not at.exception and sorted(built) == sorted(per_kecamatan)  # found ready: nothing built again


def test_the_trajectory_page_judges_the_yearly_targets(an: analysis.Analysis) -> None:
    at = open_page("lintasan_target", indikator="babs_terbuka", target="SSK 2025-2029 (ilustratif)")
    assert not at.exception
    expected = lintasan_target.view(an, lintasan_target.Settings("babs_terbuka", "SSK 2025-2029 (ilustratif)")
                                    ).kinerja.frame
    shown = tables(at)[0]
    # 2025: 5,6% against 5,0%, from 6,3% in the 2024 base year: 56,2%, rendah
    assert shown["Capaian"].tolist() == expected["Capaian"].tolist() and shown["Capaian"].iloc[0] == "56,2%"
    assert shown["Predikat"].iloc[0] == "Rendah"
    assert any(b.label == i18n.t("kinerja.unduh", "id") for b in at.get("download_button"))


def test_metodologi_builds_its_long_tables_only_when_opened(an: analysis.Analysis) -> None:
    """The page's first draw carries the definitions and rules; the 61 targets, the files and the published figures
    wait in closed boxes that build their table when opened (the browser spent over a second drawing them)."""
    at = open_page("metodologi")
    labels = [e.proto.label for e in at.expander]
    assert labels == [i18n.t("metodologi.buka_tabel", "id", n=str(n))
                      for n in (len(an.data.target), len(kinds.bundled_files()), len(an.data.fakta))]
    closed = len(tables(at))
    assert closed == 3  # indicators, status rules, yearly-target rules
    at.session_state["metodologi_target"] = True
    at.run()
    assert len(tables(at)) == closed + 1
    assert len(tables(at)[2]) == len(an.data.target)  # in page order: indicators, rules, the targets, ...


@pytest.mark.parametrize(("first", "then"), [("paparan", "kebutuhan"), ("kebutuhan", "program_ssk"),
                                             ("program_ssk", "paparan")])
def test_the_year_to_reach_carries_from_page_to_page(first: str, then: str) -> None:
    """The year to reach is one choice on Paparan, Kebutuhan and Program SSK. Set on one page, the next page's
    slider and figures take it: Kebutuhan after Paparan's 2029 started at 2026, its first option (and said what
    reaching the target by 2026 takes), while the link kept 2029."""
    at = open_page(first, indikator="aman", target="RPJMN 2025-2029")
    assert not at.exception, [e.value for e in at.exception]
    at.select_slider(key="capai").set_value(2031).run()
    at.switch_page(f"app_pages/{then}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.select_slider(key="capai").value == 2031
    assert at.query_params["capai"] == "2031"  # the link carries it too
