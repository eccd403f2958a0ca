"""The Metodologi page's view: tables and texts written from the registries, so they cannot drift from the code."""

from __future__ import annotations

import pytest

from sanitasi import i18n, indicators, kinds, progress
from sanitasi.views import metodologi


@pytest.fixture(scope="module", params=["id", "en"])
def r(request, an) -> metodologi.Metodologi:
    return metodologi.view(an, metodologi.Settings(lang=request.param))


def test_tables_cover_the_registries(an, r) -> None:
    assert len(r.indikator.frame) == len(indicators.REGISTRY)
    assert len(r.status.frame) == len(progress.Status)
    assert len(r.target.frame) == len(an.data.target)
    assert len(r.berkas) == len(kinds.bundled_files())
    assert r.berkas.iloc[:, 0].tolist() == [path for _, path in kinds.bundled_files()]


@pytest.mark.parametrize(("lang", "rules"), [
    # progress.ON_TRACK = 0.95, NEEDS_ACCELERATION = 0.60, written the Indonesian or the English way
    ("id", ["R ≥ 0,95", "0,60 ≤ R < 0,95", "0 ≤ R < 0,60", "R < 0"]),
    ("en", ["R ≥ 0.95", "0.60 ≤ R < 0.95", "0 ≤ R < 0.60", "R < 0"]),
])
def test_status_rules_are_written_from_the_thresholds(an, lang, rules) -> None:
    r = metodologi.view(an, metodologi.Settings(lang=lang))
    assert r.status.frame.iloc[1:5, 1].tolist() == rules
    assert r.status.frame.iloc[:, 0].tolist() == [i18n.t(f"status.{s.value}", lang) for s in progress.Status]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_formula_is_written_from_the_registry(an, lang) -> None:
    r = metodologi.view(an, metodologi.Settings(lang=lang))
    formulas = dict(zip(r.indikator.frame.iloc[:, 0], r.indikator.frame.iloc[:, 4], strict=True))
    layak, aman = indicators.get("layak").label(lang), indicators.get("aman").label(lang)
    assert formulas[layak] == "100 × (kk_aman + kk_layak_sendiri + kk_layak_bersama) / jumlah_kk"
    assert formulas[aman] == "100 × kk_aman / jumlah_kk"


def test_texts_carry_the_window_and_the_agency_thresholds(an) -> None:
    r = metodologi.view(an, metodologi.Settings(lang="id"))
    assert r.status_teks == i18n.t("metodologi.status_teks", "id", window=5)  # progress.DEFAULT_WINDOW
    # ppsp.AHEAD = 15 points, ppsp.LAG = 80%, shown as whole numbers
    assert r.ppsp_teks == i18n.t("metodologi.ppsp_teks", "id", ahead="15", lag="80")
    assert "lebih dari 15 poin" in r.ppsp_teks and "di bawah 80%" in r.ppsp_teks


def test_target_table_names_the_district_where_a_target_has_no_kecamatan(an) -> None:
    r = metodologi.view(an, metodologi.Settings(lang="id"))
    district = an.data.target["kode_wilayah"].isna()
    assert district.any()
    assert (r.target.frame.loc[district.to_numpy(), "Wilayah"] == "Kabupaten Tanah Bumbu").all()
    # the table lists the rows as the target file does: the current plan first since it is bundled
    assert r.target.frame.iloc[0].tolist()[:6] == ["RPJMN 2025-2029", "RPJMN 2025–2029", "Akses aman",
                                             "Kabupaten Tanah Bumbu", "2025", "12,5%"]
    # the plan's source line and what to check, in the notes
    assert r.target.frame.iloc[0, -1].endswith("periksa Lampiran Perpres 12/2025")
    assert set(r.target.frame.iloc[:, 1]) >= {"SDG 2016–2030", "Visi 2025–2045", "Jakstranas/Jakstrada 2018–2025",
                                         "SSK 2022–2024", "SSK 2025–2029", "RPJMN 2020–2024"}


def test_the_rules_of_the_yearly_targets(an) -> None:
    r = metodologi.view(an, metodologi.Settings(lang="id"))
    assert r.kinerja.frame.iloc[:, 0].tolist()[2].startswith("Predikat Permendagri 86/2017: sangat tinggi ≥ 91")


def test_bundled_illustrative_files_say_so(an) -> None:
    r = metodologi.view(an, metodologi.Settings(lang="id"))
    status = dict(zip(r.berkas.iloc[:, 0], r.berkas.iloc[:, 3], strict=True))
    assert status["data/akses_sanitasi.csv"] == "ILUSTRATIF"
    assert status["data/wilayah.csv"] == "Nyata"
    assert sum(s == "ILUSTRATIF" for s in status.values()) >= 2


def test_every_published_figure_is_listed_with_its_source_and_confidence(an) -> None:
    r = metodologi.view(an, metodologi.Settings())
    assert len(r.fakta) == len(an.data.fakta) == 37
    rows = r.fakta.set_index(r.fakta.columns[0])
    iplt = rows.loc["IPLT: kapasitas desain"]
    assert iplt["Nilai"] == "8-10 m3/hari" and iplt["Keyakinan"] == "sedang"  # a range stays as published
    aman = r.fakta.loc[r.fakta.iloc[:, 0] == "Target akses aman"]
    # the RPJMN 2025-2029 rows ask to be checked against the Perpres annex, and say so
    assert aman.iloc[:, 5].str.contains("periksa ke lampiran Perpres 12/2025").sum() == 2
    assert (r.fakta.iloc[:, 4] != "").all()  # every row names its source


@pytest.mark.parametrize(("lang", "word"), [("id", "baris"), ("en", "rows")])
def test_the_long_tables_open_from_labels_that_count_their_rows(an, lang, word) -> None:
    r = metodologi.view(an, metodologi.Settings(lang=lang))
    assert r.buka == {"target": f"{'Buka tabel' if lang == 'id' else 'Open the table'} ({len(r.target.frame)} {word})",
                      "berkas": f"{'Buka tabel' if lang == 'id' else 'Open the table'} ({len(r.berkas)} {word})",
                      "fakta": f"{'Buka tabel' if lang == 'id' else 'Open the table'} ({len(r.fakta)} {word})"}
    assert len(r.target.frame) == len(an.data.target) > 50
