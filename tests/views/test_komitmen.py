"""The Komitmen page's view: each commitment's status on the day, the counts, the tables shown and downloaded.

The bundled commitments (data/komitmen.csv, deadline and status):
  TPS3R 2026-09-30 berjalan · SSK 2026-06-30 selesai · DAK Teluk Kepayang 2027-03-31 belum ·
  STBM Mantewe 2027-06-30 berjalan · Perda LLTT 2027-12-31 belum
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from sanitasi import fmt, i18n
from sanitasi.views import komitmen

# deadline and status first: what shows a commitment is late stays on screen at 1024 px
HEADERS = ["Tenggat", "Status", "Pihak", "Komitmen", "Wilayah", "Indikator", "Klinik"]


def view(an, today: str, lang: str = "id") -> komitmen.Komitmen:
    return komitmen.view(an, komitmen.Settings(today=today, lang=lang))


@pytest.mark.parametrize(("today", "late"), [
    ("2026-06-01", 0),  # nothing past its deadline; the SSK one is done before its deadline
    ("2026-09-30", 0),  # the deadline day itself is not late yet
    ("2026-10-01", 1),  # TPS3R (berjalan, 2026-09-30)
    ("2027-04-01", 2),  # + DAK Teluk Kepayang (belum, 2027-03-31)
    ("2027-07-01", 3),  # + STBM Mantewe (berjalan, 2027-06-30)
    ("2028-01-01", 4),  # + Perda LLTT (belum, 2027-12-31): every open one is late
])
def test_open_commitments_past_their_deadline_are_late(an, today, late) -> None:
    r = view(an, today)
    assert r.hitungan == komitmen.Counts(terbuka=4, terlambat=late, selesai=1)
    assert r.ringkas == i18n.t("komitmen.ringkas", "id", terbuka=4, terlambat=late, selesai=1)
    assert (r.tabel["Status"] == "Terlambat").sum() == late
    assert (r.tabel["Status"] == "Selesai").sum() == 1


def test_tables_show_every_commitment_and_the_open_ones_by_deadline(an) -> None:
    r = view(an, "2027-01-01")
    assert list(r.tabel.columns) == HEADERS == list(r.terbuka.columns)
    assert len(r.tabel) == len(an.data.komitmen) == 5
    # in deadline order, written "14 November 2025" like every date (the clinic's day too)
    assert r.tabel["Tenggat"].tolist() == [fmt.date(d) for d in sorted(an.data.komitmen["tenggat"].tolist())]
    assert set(r.tabel["Klinik"]) == {fmt.date(d) for d in an.data.komitmen["klinik"]}
    assert not r.tabel.astype(str).apply(lambda c: c.str.match(r"^\d{4}-\d{2}-\d{2}$")).any().any()
    by = r.tabel.set_index("Komitmen")
    assert by.loc["Dua TPS3R baru beroperasi", "Status"] == "Terlambat"
    assert by.loc["Pemutakhiran SSK dengan target 2025-2029", "Status"] == "Selesai"
    assert by.loc["Usulan DAK 250 unit jamban sehat untuk Teluk Kepayang", "Status"] == "Belum dimulai"
    # a kecamatan by its name, an empty code is the district; the indicator by its label
    assert by.loc["Pemicuan STBM di 5 desa Mantewe yang belum ODF", "Wilayah"] == "Mantewe"
    assert by.loc["Perda retribusi layanan lumpur tinja terjadwal (LLTT)", "Wilayah"] == "Kabupaten Tanah Bumbu"
    assert by.loc["Perda retribusi layanan lumpur tinja terjadwal (LLTT)", "Indikator"] == "Akses aman"
    # the open table is the full one without the done commitment, in the same order
    assert r.terbuka.equals(r.tabel.loc[r.tabel["Status"] != "Selesai"].reset_index(drop=True))
    assert r.untuk_editor is an.data.komitmen  # the editors' grid starts from the stored table


def test_english_headers_and_statuses(an) -> None:
    r = view(an, "2027-01-01", lang="en")
    assert list(r.tabel.columns) == ["Deadline", "Status", "Party", "Commitment", "Area", "Indicator", "Clinic"]
    assert set(r.tabel["Status"]) == {i18n.t(f"komitmen.status_{s}", "en") for s in ("terlambat", "selesai",
                                                                                       "belum", "berjalan")}
    assert r.ringkas == i18n.t("komitmen.ringkas", "en", terbuka=4, terlambat=1, selesai=1)


def test_the_day_as_iso_text_or_as_a_date_agree(an) -> None:
    """The page passes the day as ISO text (hashable, so a cached result lasts one day); the Paparan may pass a
    date."""
    by_text = komitmen.commitments(an, "id", "2027-07-01")
    by_date = komitmen.commitments(an, "id", date(2027, 7, 1))
    assert by_text.equals(by_date)
    assert (by_text["status_efektif"] == "terlambat").sum() == 3


def test_cancelled_commitments_are_neither_open_nor_done(an) -> None:
    extra = pd.DataFrame([{"klinik": "2026-11-20", "pihak": "Camat Mantewe", "kode_wilayah": "63.10.08",
                           "komitmen": "Dibatalkan", "indikator": None, "tenggat": "2026-01-31", "status": "batal",
                           "catatan": ""}])
    k = pd.concat([an.data.komitmen, extra], ignore_index=True)
    other = dataclasses.replace(an, data=dataclasses.replace(an.data, komitmen=k))
    r = view(other, "2027-01-01")
    assert r.hitungan == komitmen.Counts(terbuka=4, terlambat=1, selesai=1)  # past its deadline, still not late
    assert len(r.tabel) == 6 and len(r.terbuka) == 4
    row = r.tabel.loc[r.tabel["Komitmen"] == "Dibatalkan"].iloc[0]
    assert row["Status"] == "Batal" and row["Indikator"] == ""
    assert r.tabel["Tenggat"].iloc[0] == "31 Januari 2026"  # sorted by deadline


def test_no_commitments_give_no_sentence_and_empty_tables_with_headers(an) -> None:
    empty = dataclasses.replace(an, data=dataclasses.replace(an.data, komitmen=an.data.komitmen.iloc[:0]))
    r = view(empty, "2027-01-01")
    assert r.ringkas is None
    assert r.hitungan == komitmen.Counts(0, 0, 0)
    assert list(r.tabel.columns) == HEADERS and r.tabel.empty and r.terbuka.empty


def test_commitments_past_their_deadline_are_late_on_a_hand_checked_day(an) -> None:
    frame = komitmen.commitments(an, "id", date(2027, 1, 1))
    by = dict(zip(frame["komitmen"], frame["status_efektif"], strict=True))
    # deadline 2026-09-30, status berjalan -> late on 1 January 2027; done stays done; 2027 deadlines are open
    assert by["Dua TPS3R baru beroperasi"] == "terlambat"
    assert by["Pemutakhiran SSK dengan target 2025-2029"] == "selesai"
    assert by["Perda retribusi layanan lumpur tinja terjadwal (LLTT)"] == "belum"
    open_table = komitmen.display(frame, "id", open_only=True)
    assert len(open_table) == int(frame["status_efektif"].isin(komitmen.OPEN).sum()) == 4
