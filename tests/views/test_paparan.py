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
    assert [s.kunci for s in slides] == ["ringkasan", "peta", "lintasan", "tertinggal", "kebutuhan", "lainnya",
                                         "langkah", "komitmen"]
    assert slides[0].pesan == cards.headline(an, RPJMN, "layak")
    # the map message counts the kecamatan below the target from the map values
    vals = maps.map_values(an, "layak", RPJMN)
    below = int((vals["selisih"] < 0).sum())
    assert slides[1].pesan.startswith(f"{below} dari 12 kecamatan")
    needs = kebutuhan.needs_table(an, "layak", 90.0, 2030, an.data.biaya)
    assert fmt.kk(needs.total_kk) in slides[4].pesan
    source = source_line(an.data, *kinds.page_kinds()["paparan"])
    assert all(s.sumber == source for s in slides)
    # a chart on a slide is the page's own chart, downloaded under the slide's name
    assert [s.grafik.name for s in slides if s.grafik] == ["paparan_ringkasan", "paparan_peta", "paparan_lintasan",
                                                           "paparan_kebutuhan"]


def test_slides_draw_what_their_pages_draw(an, slides) -> None:
    page = ringkasan.view(an, ringkasan.Settings(dokumen=RPJMN))
    assert slides[0].grafik.spec["datasets"] == page.tangga.spec["datasets"]
    plan = kebutuhan.view(an, kebutuhan.Settings(dokumen=RPJMN, indikator="layak", tahun_capai=2030))
    assert slides[4].grafik.spec == plan.tahunan.spec
    assert slides[4].poin == tuple(f"{k}: {v}" for k, v in plan.metrik)


def test_behind_target_table_is_worst_first(an, slides) -> None:
    table = slides[3].tabel
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
    assert "kecamatan" in slides[1].pesan and "dari" not in slides[1].pesan


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
