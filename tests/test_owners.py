"""Who owns a target (sanitasi.owners): a lead, supporters and data owners per indicator, read from the `peran`
table; activities count toward the indicator they serve, supporting ones toward none."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from sanitasi import errors, owners, readers, targets
from sanitasi.load import Dataset
from sanitasi.tables import Source


def read(dataset: Dataset, text: str):
    return readers.read_kind("peran", Source("peran.csv", text.encode()), dataset.wilayah)


def test_every_targeted_indicator_has_a_lead_supporters_and_a_data_owner(dataset: Dataset) -> None:
    targeted = {i for d in targets.documents(dataset.target) for i in targets.indicators_of(dataset.target, d)}
    rows = owners.matrix(dataset.peran, dataset.kegiatan, 2025, sorted(targeted))
    assert targeted <= {o.indikator for o in rows}
    assert owners.incomplete(rows) == []
    for o in rows:
        assert o.pemimpin is not None and o.pendukung and o.pemilik_data, o.indikator
        assert o.pemimpin.opd not in {s.opd for s in o.pendukung}, o.indikator
    by = {o.indikator: o for o in rows}
    # Susenas is BPS's (the kabupaten figure), STBM Dinkes' (kecamatan and desa): both own access data
    assert [x.opd for x in by["layak"].pemilik_data] == ["Badan Pusat Statistik", "Dinas Kesehatan"]
    assert [x.opd for x in by["sampah_penanganan"].pemilik_data] == ["Dinas Lingkungan Hidup"]


def test_an_activity_counts_toward_the_indicator_it_serves(dataset: Dataset) -> None:
    by = {o.indikator: o for o in owners.matrix(dataset.peran, dataset.kegiatan, 2025)}
    k = dataset.kegiatan.loc[dataset.kegiatan["tahun"] == 2025]
    layak = k.loc[k["indikator"].eq("layak").fillna(False)]
    # household access counts latrines and communal sewerage, not school sanitation nor the SSK update
    assert sorted(layak["kegiatan"]) == ["Bantuan jamban sehat dan tangki septik individual",
                                         "Pembangunan IPAL komunal / MCK++"]
    assert by["layak"].kegiatan == 2 and by["layak"].pagu == pytest.approx(layak["pagu"].sum())
    support = owners.supporting(dataset.kegiatan, 2025)
    assert sorted(support["kegiatan"]) == ["Pemutakhiran SSK dan coaching clinic PPSP", "Sanitasi sekolah dan CTPS"]
    # every rupiah of the year is either on an indicator or supporting, once
    assert sum(o.pagu for o in by.values()) + support["pagu"].sum() == pytest.approx(k["pagu"].sum())
    assert all(o.di_luar == () for o in by.values())  # the bundled activities are by named agencies


def test_an_agency_spending_on_a_target_it_is_not_named_for_is_reported(dataset: Dataset) -> None:
    extra = pd.concat([dataset.kegiatan, dataset.kegiatan.iloc[[0]].assign(
        tahun=2025, opd="Dinas Sosial", kegiatan="Bantuan jamban KK miskin", indikator="babs_terbuka")],
        ignore_index=True)
    by = {o.indikator: o for o in owners.matrix(dataset.peran, extra, 2025)}
    assert by["babs_terbuka"].di_luar == ("Dinas Sosial",)
    assert by["babs_terbuka"].kegiatan == 2


def test_an_indicator_without_a_lead_or_data_owner_is_incomplete(dataset: Dataset) -> None:
    peran = dataset.peran.loc[~((dataset.peran["indikator"] == "aman") & (dataset.peran["peran"] == "pemimpin"))]
    rows = owners.matrix(peran, dataset.kegiatan, 2025)
    assert owners.incomplete(rows) == ["aman"]
    assert owners.incomplete(owners.matrix(peran.iloc[0:0], dataset.kegiatan.iloc[0:0], 2025, ["layak"])) == ["layak"]


def test_the_role_words_officials_write_are_read(dataset: Dataset) -> None:
    out = read(dataset, "Indikator,Peran,OPD,Keterangan\n"
                        "Akses layak,Leading sector,Dinas PUPR,SPALD\n"
                        "layak,Pendukung,Dinas Kesehatan,\n"
                        "layak,Wali data,Badan Pusat Statistik,Susenas\n")
    assert out[["indikator", "peran", "opd"]].values.tolist() == [
        ["layak", "pemimpin", "Dinas PUPR"], ["layak", "pendukung", "Dinas Kesehatan"],
        ["layak", "pemilik_data", "Badan Pusat Statistik"]]


def test_an_unknown_role_and_two_leads_are_told_in_indonesian(dataset: Dataset) -> None:
    with pytest.raises(errors.DataError) as caught:
        read(dataset, "indikator,peran,opd\nlayak,ketua,Dinas PUPR\n")
    [p] = caught.value.problems
    assert (p.baris, p.kolom, p.nilai) == (2, "peran", "ketua")
    assert p.pesan == "peran harus salah satu dari: pemimpin, pendukung, pemilik_data"
    with pytest.raises(errors.DataError) as caught:
        read(dataset, "indikator,peran,opd\nlayak,pemimpin,Dinas PUPR\nlayak,pemimpin,Dinas Perkim\n")
    [p] = caught.value.problems
    assert p.baris == 3 and "sudah punya OPD pemimpin (Dinas PUPR)" in p.pesan


def test_a_data_set_without_roles_names_no_owner(dataset: Dataset) -> None:
    data = replace(dataset, peran=dataset.peran.iloc[0:0])
    rows = owners.matrix(data.peran, data.kegiatan, 2025)
    assert {o.indikator for o in rows} == set(data.kegiatan.loc[data.kegiatan["tahun"] == 2025, "indikator"].dropna())
    assert all(o.pemimpin is None and not o.lengkap for o in rows)
