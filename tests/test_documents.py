"""Which document and target apply, and the year a plan aims at by default."""

from __future__ import annotations

import pandas as pd
import pytest

from sanitasi import analysis, documents

RPJMN = "RPJMN 2020-2024"
SSK = "SSK 2022-2024 (ilustratif)"
SDG = "SDG 6.2 (2030)"


def kab_row(an: analysis.Analysis, year: int) -> pd.Series:
    return an.kab.loc[an.kab["tahun"] == year].iloc[0]


@pytest.mark.parametrize(("year", "doc", "indikator", "expected"), [
    (2025, RPJMN, "layak", 2030),  # target year passed: five years after the data
    (2021, RPJMN, "layak", 2024),  # still ahead: the document's year
    (2025, SDG, "aman", 2030),
    (2025, "Visi Indonesia 2045", "aman", 2045),
])
def test_default_reach_year(data, year: int, doc: str, indikator: str, expected: int) -> None:
    assert documents.default_reach_year(analysis.analyse(data, year), doc, indikator) == expected


def test_target_documents_picks_the_chosen_document_or_the_one_that_sets_the_target(an) -> None:
    docs = documents.target_documents(an, ("layak", "sampah_pengurangan", "bukan_indikator"), "RPJMN 2020-2024")
    # RPJMN sets household access; waste is judged against the running document that sets it (the SSK 2025-2029
    # lists before Jakstranas, which runs to 2025 too); an unknown code has no document
    assert docs == {"layak": "RPJMN 2020-2024", "sampah_pengurangan": "SSK 2025-2029 (ilustratif)"}
    assert docs == {k: documents.target_document(an, k, "RPJMN 2020-2024") for k in docs}
    # the SSK 2025-2029 sets waste for the running period; the chosen document is not passed over when it sets one
    assert documents.target_document(an, "sampah_pengurangan", "Jakstranas 2025 (Perpres 97/2017)") == \
        "Jakstranas 2025 (Perpres 97/2017)"


def test_final_target_is_the_documents_last_district_target(an) -> None:
    assert documents.final_target(an, "RPJMN 2020-2024", "layak") == (2024, 90.0)
    assert documents.final_target(an, "SDG 6.2 (2030)", "aman") == (2030, 100.0)
    assert documents.final_target(an, "RPJMN 2020-2024", "sampah_pengurangan") is None



def _targets(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["dokumen", "indikator", "kode_wilayah", "tahun", "nilai", "tahun_dasar",
                                       "catatan"])


def test_the_bundled_documents_have_a_family_and_a_period(data) -> None:
    docs = {d.nama: d for d in documents.catalogue(data.target)}
    assert (docs["RPJMN 2020-2024"].keluarga, docs["RPJMN 2020-2024"].mulai, docs["RPJMN 2020-2024"].akhir) == \
        ("rpjmn", 2020, 2024)
    assert (docs["SDG 6.2 (2030)"].keluarga, docs["SDG 6.2 (2030)"].mulai, docs["SDG 6.2 (2030)"].akhir) == \
        ("sdg", 2016, 2030)
    assert (docs["Visi Indonesia 2045"].mulai, docs["Visi Indonesia 2045"].akhir) == (2025, 2045)
    jak = docs["Jakstranas 2025 (Perpres 97/2017)"]
    assert (jak.keluarga, jak.mulai, jak.akhir, jak.label_keluarga) == ("jakstrada", 2018, 2025, "Jakstranas/Jakstrada")
    assert docs["SSK 2022-2024 (ilustratif)"].ilustratif and not docs["RPJMN 2020-2024"].ilustratif
    assert docs["RPJMN 2020-2024"].berakhir(2025) and not docs["SDG 6.2 (2030)"].berakhir(2025)


def test_columns_win_over_the_name_and_the_years_fill_in_the_rest() -> None:
    t = _targets(("Rencana Aksi Daerah", "layak", None, 2027, 95, 2023, None),
                 ("Rencana Aksi Daerah", "layak", None, 2025, 90, 2023, None),
                 ("Dokumen X 2021-2026", "aman", None, 2026, 20, None, None))
    t = t.assign(keluarga=[None, None, "RPJMD"], mulai=[None, None, 2021], akhir=[None, None, 2026])
    got = {d.nama: (d.keluarga, d.mulai, d.akhir) for d in documents.catalogue(t)}
    # no family in name or column, period from the base year + 1 to the last target year
    assert got["Rencana Aksi Daerah"] == ("lain", 2024, 2027)
    assert got["Dokumen X 2021-2026"] == ("rpjmd", 2021, 2026)


def _doc(nama, keluarga, mulai, akhir, kabupaten=False):
    return documents.Document(nama, keluarga, mulai, akhir, kabupaten, False)


OLD, NOW, NEXT = _doc("RPJMN 2020-2024", "rpjmn", 2020, 2024), _doc("RPJMN 2025-2029", "rpjmn", 2025, 2029), \
    _doc("RPJMN 2030-2034", "rpjmn", 2030, 2034)
OWN = _doc("RPJMN 2025-2029 (Tanah Bumbu)", "rpjmn", 2025, 2029, kabupaten=True)
SDG_ = _doc("SDG 6.2 (2030)", "sdg", 2016, 2030)


@pytest.mark.parametrize(("docs", "year", "preferred", "expected"), [
    ([OLD, SDG_, NOW], 2025, None, "RPJMN 2025-2029"),           # the running plan, not the first listed
    ([OLD, SDG_, NOW], 2024, None, "RPJMN 2020-2024"),           # data up to 2024: the plan that held it
    ([OLD, SDG_, NEXT], 2026, None, "RPJMN 2030-2034"),          # none running: the nearest ahead
    ([OLD, SDG_], 2026, None, "RPJMN 2020-2024"),                # only an ended plan: it is still the one first listed
    ([SDG_], 2025, None, "SDG 6.2 (2030)"),                      # no RPJMN at all: the first document
    ([NOW, OWN, OLD], 2025, None, "RPJMN 2025-2029 (Tanah Bumbu)"),  # set for the kabupaten: wins
    ([OLD, NOW], 2025, "RPJMN 2020-2024", "RPJMN 2020-2024"),    # a setting wins
    ([OLD, NOW], 2025, "tidak ada", "RPJMN 2025-2029"),          # a setting naming no document is ignored
    ([], 2025, None, None),
])
def test_the_default_document(docs, year, preferred, expected) -> None:
    assert documents.default_document(docs, year, preferred) == expected


def test_the_chooser_lists_running_plans_first_and_ended_ones_last() -> None:
    visi = _doc("Visi Indonesia 2045", "visi", 2025, 2045)
    ssk_old = _doc("SSK 2022-2024", "ssk", 2022, 2024)
    order = [d.nama for d in documents.in_order([ssk_old, OLD, SDG_, visi, NEXT, NOW, OWN], 2025)]
    assert order == ["RPJMN 2025-2029 (Tanah Bumbu)", "RPJMN 2025-2029", "SDG 6.2 (2030)", "Visi Indonesia 2045",
                     "RPJMN 2030-2034", "RPJMN 2020-2024", "SSK 2022-2024"]


# ------------------------------------------------------------------------------------- the current period
def test_the_bundled_current_period_documents(data) -> None:
    docs = {d.nama: d for d in documents.catalogue(data.target)}
    now = docs["RPJMN 2025-2029"]
    assert (now.keluarga, now.mulai, now.akhir, now.ilustratif, now.kabupaten) == ("rpjmn", 2025, 2029, False, False)
    # the source line asks for a check against the Perpres annex (fakta_publik.csv: confidence "sedang")
    assert "Perpres 12/2025" in now.periksa and "periksa Lampiran Perpres 12/2025" in now.periksa
    ssk = docs["SSK 2025-2029 (ilustratif)"]
    assert (ssk.keluarga, ssk.mulai, ssk.akhir, ssk.ilustratif, ssk.periksa) == ("ssk", 2025, 2029, True, "")
    # the columns fill the periods the names do not spell out
    assert {n: (d.mulai, d.akhir) for n, d in docs.items() if d.keluarga in ("sdg", "visi", "jakstrada")} == {
        "SDG 6.2 (2030)": (2016, 2030), "Visi Indonesia 2045": (2025, 2045),
        "Jakstranas 2025 (Perpres 97/2017)": (2018, 2025)}
    # a fresh start on the bundled data (latest year 2025) opens on the running national plan
    assert documents.default_document(documents.catalogue(data.target), max(data.tahun)) == "RPJMN 2025-2029"


@pytest.mark.parametrize(("env", "secret", "expected"), [
    (None, None, None),
    (None, "SSK 2025-2029 (ilustratif)", "SSK 2025-2029 (ilustratif)"),
    ("RPJMN 2020-2024", "SSK 2025-2029 (ilustratif)", "RPJMN 2020-2024"),  # the environment wins
    ("  ", " SDG 6.2 (2030) ", "SDG 6.2 (2030)"),  # blanks are unset; spaces trimmed
])
def test_the_default_document_setting(monkeypatch, env, secret, expected) -> None:
    if env is None:
        monkeypatch.delenv(documents.ENV_DOCUMENT, raising=False)
    else:
        monkeypatch.setenv(documents.ENV_DOCUMENT, env)
    assert documents.preferred(secret) == expected


@pytest.mark.parametrize(("nama", "lang", "expected"), [
    ("RPJMN 2020-2024", "id", "RPJMN 2020-2024 · berakhir 2024"),
    ("RPJMN 2020-2024", "en", "RPJMN 2020-2024 · ended 2024"),
    ("SSK 2022-2024 (ilustratif)", "id", "SSK 2022-2024 (ilustratif) · berakhir 2024"),
    ("RPJMN 2025-2029", "id", "RPJMN 2025-2029"),
    ("Jakstranas 2025 (Perpres 97/2017)", "id", "Jakstranas 2025 (Perpres 97/2017)"),  # runs to the end of 2025
])
def test_the_chooser_marks_ended_documents(data, nama, lang, expected) -> None:
    doc = documents.find(documents.catalogue(data.target), nama)
    assert documents.chooser_label(doc, 2025, lang) == expected


def test_the_note_beside_a_document(data) -> None:
    rpjmn = documents.note_of(data.target, "RPJMN 2025-2029", 2025)
    assert rpjmn.startswith("RPJMN 2025–2029.") and rpjmn.endswith("periksa Lampiran Perpres 12/2025.")
    ssk = documents.note_of(data.target, "SSK 2025-2029 (ilustratif)", 2025, "en")
    assert ssk == "SSK 2025–2029 · ILLUSTRATIVE: an example, not an official document."
    assert documents.note_of(data.target, "RPJMN 2020-2024", 2025) == "RPJMN 2020–2024 · berakhir 2024."
    assert documents.note_of(data.target, "tidak ada", 2025) == ""


def test_a_document_set_for_the_kabupaten_wins_for_what_it_sets() -> None:
    t = _targets(("RPJMN 2025-2029", "aman", None, 2029, 30.0, 2023, None),
                 ("RPJMN 2025-2029", "layak", None, 2029, 95.0, 2023, None),
                 ("RPJMN 2025-2029 (Tanah Bumbu)", "aman", "63.10", 2029, 25.0, 2023, "dari Bappenas"),
                 ("SSK 2025-2029", "babs_terbuka", None, 2029, 0.0, 2024, None))
    # the district's own aman target; layak only in the national one; BABS in neither plan
    assert documents.applicable(t, "RPJMN 2025-2029", "aman") == "RPJMN 2025-2029 (Tanah Bumbu)"
    assert documents.applicable(t, "RPJMN 2025-2029", "layak") == "RPJMN 2025-2029"
    assert documents.applicable(t, "RPJMN 2025-2029", "babs_terbuka") is None
    assert documents.applicable(t, "RPJMN 2025-2029 (Tanah Bumbu)", "aman") == "RPJMN 2025-2029 (Tanah Bumbu)"
    # a card names where the missing target is
    assert documents.elsewhere(t, "RPJMN 2025-2029", "babs_terbuka", 2025).nama == "SSK 2025-2029"
    assert documents.elsewhere(t, "SSK 2025-2029", "genangan", 2025) is None


def test_the_running_document_that_sets_an_indicator_is_named_first(data) -> None:
    # RPJMN 2025-2029 sets only aman: layak is in the running SSK, not in the ended RPJMN 2020-2024 or SSK 2022-2024
    assert documents.elsewhere(data.target, "RPJMN 2025-2029", "layak", 2025).nama == "SSK 2025-2029 (ilustratif)"
    assert documents.applicable(data.target, "RPJMN 2025-2029", "layak") is None


def test_the_readme_documents_the_setting() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert documents.ENV_DOCUMENT in readme and "[dasbor]" in readme and "dokumen_bawaan" in readme
