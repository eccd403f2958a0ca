"""The Paparan page's view: the clinic sequence, one message per slide, built from the pages' own views."""

from __future__ import annotations

import pytest

from sanitasi import cards, charts, fmt, kinds, maps, progress
from sanitasi.analysis import KABUPATEN
from sanitasi.views import kebutuhan, komitmen, paparan, ringkasan
from sanitasi.views.display import source_line

RPJMN = "RPJMN 2020-2024"
TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def r(an) -> paparan.Paparan:
    charts.register_theme()
    return paparan.view(an, paparan.Settings(RPJMN, "layak", 2030, TODAY, "id"))


@pytest.fixture(scope="module")
def slides(r) -> tuple[paparan.Slide, ...]:
    return r.slides


def test_sequence_order_and_messages(an, slides) -> None:
    assert [s.kunci for s in slides] == ["ringkasan", "banding", "peta", "lintasan", "kinerja", "tertinggal",
                                         "kebutuhan", "program", "program_kecamatan", "lainnya", "langkah",
                                         "komitmen"]
    by = {s.kunci: s for s in slides}
    assert slides[0].pesan == cards.headline(an, RPJMN, "layak")
    # the map message counts the kecamatan below the target from the map values
    vals = maps.map_values(an, "layak", RPJMN)
    below = int((vals["selisih"] < 0).sum())
    assert by["peta"].pesan.startswith(f"{below} dari 12 kecamatan")
    needs = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    # the slide says it in one sentence: households a year (the page's paragraph gives the total too)
    assert fmt.kk(needs.total_per_tahun) in by["kebutuhan"].pesan
    source = source_line(an.data, *kinds.page_kinds()["paparan"])
    assert all(s.sumber == source for s in slides)
    # a chart on a slide is the page's own chart, downloaded under the slide's name
    assert [s.grafik.name for s in slides if s.grafik] == ["paparan_ringkasan", "paparan_peta", "paparan_lintasan",
                                                           "paparan_kebutuhan", "paparan_program"]


def test_slides_draw_what_their_pages_draw(an, slides) -> None:
    page = ringkasan.view(an, ringkasan.Settings(dokumen=RPJMN))
    assert slides[0].grafik.spec["datasets"] == page.tangga.spec["datasets"]
    plan = kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030))
    by = {s.kunci: s for s in slides}
    # the same chart, shorter on the slide (it must fit a 768-pixel screen with its message)
    assert {**by["kebutuhan"].grafik.spec, "height": None} == {**plan.tahunan.spec, "height": None}
    assert by["kebutuhan"].grafik.spec["height"] == paparan.CHART_HEIGHT
    assert by["kebutuhan"].poin == tuple(f"{k}: {v}" for k, v in plan.metrik)


def test_the_yearly_targets_slide_judges_what_has_a_realisation(an, slides) -> None:
    """RPJMN 2020-2024: one target year (2024) per indicator. Layak 82,66 / 90 = 91,8% (sangat tinggi); aman
    8,13 / 15 = 54,2% (rendah); BABS from 8,33% in the 2019 base year toward 0: (8,33 - 6,35) / 8,33 = 23,8%."""
    table = next(s for s in slides if s.kunci == "kinerja").tabel
    assert table["Capaian"].tolist() == ["91,8%", "54,2%", "23,8%"]
    assert table["Predikat"].tolist() == ["Sangat tinggi", "Rendah", "Sangat rendah"]
    # the running plan's slide says where its targets come from and what to check
    now = paparan.view(an, paparan.Settings("RPJMN 2025-2029", "aman", 2029, TODAY, "id")).slides
    slide = next(s for s in now if s.kunci == "kinerja")
    assert slide.tabel["Tahun"].tolist() == ["2025 (antara)"] and slide.tabel["Capaian"].tolist() == ["72,7%"]
    assert "periksa Lampiran Perpres 12/2025" in slide.pesan


def test_behind_target_table_is_worst_first(an, slides) -> None:
    table = next(s for s in slides if s.kunci == "tertinggal").tabel
    vals = maps.map_values(an, "layak", RPJMN).set_index("nama")
    statuses = [vals.loc[n, "status"] for n in table.iloc[:, 0]]
    assert all(s in {b.value for b in paparan.BEHIND} for s in statuses)
    ranks = [progress.rank(s) for s in statuses]
    assert ranks == sorted(ranks)
    # Batulicin and Simpang Empat are past 90% layak: not behind
    assert "Batulicin" not in set(table.iloc[:, 0]) and "Simpang Empat" not in set(table.iloc[:, 0])


def test_next_steps_name_priorities_and_the_illustrative_data(an, slides) -> None:
    points = next(s for s in slides if s.kunci == "langkah").poin
    needs = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    vals = maps.map_values(an, "layak", RPJMN)
    done = vals.loc[paparan.met(vals), "nama"].tolist()
    # the priorities are the largest needs among kecamatan short of the target now, never one that meets it
    kec = needs.table.loc[(needs.table["kode_wilayah"] != KABUPATEN) & ~needs.table["nama"].isin(done)]
    top = kec.nlargest(3, "kesenjangan_kk")["nama"]
    priority = next(p for p in points if p.startswith("Prioritas: "))
    assert priority.startswith(f"Prioritas: {', '.join(top)},")
    achieved = next(p for p in points if p.startswith("Sudah mencapai target: "))
    assert done == ["Batulicin", "Simpang Empat"] and achieved.startswith("Sudah mencapai target: Batulicin, Simpang")
    assert not any(name in priority for name in done)
    assert any("ILUSTRATIF" in p for p in points)


def test_english_sequence(an) -> None:
    slides = paparan.view(an, paparan.Settings(RPJMN, "babs_terbuka", 2030, TODAY, "en")).slides
    assert next(s for s in slides if s.kunci == "langkah").judul == "Next steps"
    peta = next(s for s in slides if s.kunci == "peta")
    assert "kecamatan" in peta.pesan and "dari" not in peta.pesan


def test_the_rest_of_the_strategy_and_open_commitments_close_the_sequence(an, slides) -> None:
    other = next(s for s in slides if s.kunci == "lainnya")
    others = cards.other_cards(an, RPJMN)
    assert other.tabel.iloc[:, 0].tolist() == [c.judul for c in others]
    assert other.tabel.iloc[:, 1].tolist() == [c.nilai for c in others]
    last = slides[-1]
    com = komitmen.commitments(an, "id", TODAY)
    open_ = com.loc[com["status_efektif"].isin(komitmen.OPEN)]
    assert last.kunci == "komitmen" and len(last.tabel) == len(open_) > 0
    assert last.pesan.startswith(f"{len(open_)} komitmen")


def test_the_downloads_are_named_for_the_year(an, r) -> None:
    assert r.pptx_nama == f"paparan_sanitasi_{an.tahun}.pptx"
    assert r.a3_nama == f"peta_layak_{an.tahun}_A3.pdf"
