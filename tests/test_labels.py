"""Labels follow every table: a figure is ILUSTRATIF when any table it draws on is. With official access data and
the bundled unit costs, every cost figure (page, slides, deck) carries the mark, and the figures that draw on the
access data alone do not."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest
from pptx import Presentation

from sanitasi import i18n
from sanitasi.analysis import analyse
from sanitasi.views import kebutuhan, paparan

MARK = "ILUSTRATIF"
TODAY = "2026-12-01"
SSK = "SSK 2025-2029 (ilustratif)"


def official(data, costs: bool = False, plan: bool | None = None):
    """The bundled counts as if Dinkes had loaded them for every year (no illustrative access row left); the unit
    costs stay the bundled illustrative ones unless `costs`, and so does the SSK programme matrix unless `plan`
    (default: with the costs, as a Pokja would load its SSK with its own prices)."""
    data = dataclasses.replace(data, akses=data.akses.assign(sumber="Dinkes (rekap STBM)"))
    if costs:
        data = dataclasses.replace(data, biaya=data.biaya.assign(sumber="SSH Tanah Bumbu 2026"), sumber={
            **data.sumber, "biaya": 5})
    if costs if plan is None else plan:
        data = dataclasses.replace(data, ssk=data.ssk.assign(sumber="SSK Tanah Bumbu 2025-2029"), sumber={
            **data.sumber, "ssk": 6})
    return analyse(data)


@pytest.fixture(scope="module")
def loaded(data):
    return official(data)


@pytest.fixture(scope="module")
def priced(data):
    return official(data, costs=True)


def money(text: str) -> bool:
    return "Rp" in text


def needs_view(an, indikator: str) -> kebutuhan.Kebutuhan:
    return kebutuhan.view(an, kebutuhan.Settings(dokumen=SSK, indikator=indikator, tahun_capai=2029))


def test_the_data_holds_what_the_test_says(loaded, priced) -> None:
    assert not loaded.data.illustrative("akses") and loaded.data.illustrative("biaya")
    assert not priced.data.illustrative("akses") and not priced.data.illustrative("biaya")


@pytest.mark.parametrize("indikator", ["layak", "aman"])
def test_every_cost_figure_on_kebutuhan_is_marked(loaded, indikator: str) -> None:
    r = needs_view(loaded, indikator)
    costs = [label for label, value in r.metrik if money(value)]
    assert costs and all(MARK in label for label in costs)
    frame = r.tabel.frame
    money_columns = [c for c in frame.columns if frame[c].astype(str).map(money).any()]
    assert money_columns and all(MARK in c for c in money_columns)
    assert money(r.ringkasan) and MARK in r.ringkasan
    assert MARK in r.sumber_biaya and MARK in r.tabel.sumber
    # the table's workbook: the cost heading and the unit costs' source line
    book = openpyxl.load_workbook(io.BytesIO(r.tabel_xlsx()))
    sheets = [[cell for row in sheet.values for cell in row if isinstance(cell, str)] for sheet in book.worksheets]
    assert any(MARK in c and "Rp" in c for c in sheets[0]) and any(MARK in line for line in sheets[1])
    # the household charts draw on the access data alone: official now, so no mark
    for fig in (r.per_kecamatan, r.tahunan, r.skenario):
        assert not any(MARK in line for line in fig.spec["usermeta"]["sumber"])


def test_with_the_districts_own_costs_nothing_is_marked(priced) -> None:
    r = needs_view(priced, "layak")
    assert not any(MARK in label for label, _ in r.metrik)
    assert not any(MARK in c for c in r.tabel.frame.columns)
    assert MARK not in r.ringkasan and MARK not in r.sumber_biaya and MARK not in r.tabel.sumber


def test_every_slide_with_money_names_the_illustrative_costs(loaded, priced) -> None:
    settings = paparan.Settings(SSK, "layak", 2029, TODAY)
    slides = paparan.build(loaded, settings, "Sumber: uji")
    with_money = [s for s in slides if money(" ".join([s.pesan, *s.poin]))]
    assert {s.kunci for s in with_money} >= {"kebutuhan", "langkah"}
    for s in with_money:
        assert MARK in " ".join([s.pesan, *s.poin, s.sumber]), s.kunci
    assert MARK in next(s for s in slides if s.kunci == "kebutuhan").sumber
    # the map slide draws on the access data only
    assert MARK not in next(s for s in slides if s.kunci == "peta").sumber
    for s in paparan.build(priced, settings, "Sumber: uji"):  # (the illustrative SSK's own slide says so: not money)
        if money(" ".join([s.pesan, *s.poin])):
            assert MARK not in " ".join([s.pesan, *s.poin, s.sumber]), s.kunci


def test_the_bundled_programme_matrix_keeps_its_slide_marked_whatever_the_costs(data) -> None:
    """The district's own unit costs, but the bundled illustrative SSK matrix: the plan's slide says so."""
    an = official(data, costs=True, plan=False)
    slides = paparan.build(an, paparan.Settings(SSK, "layak", 2029, TODAY), "Sumber: uji")
    by = {s.kunci: s for s in slides}
    assert by["program"].pesan.startswith(MARK) and MARK in by["program"].sumber
    assert MARK not in " ".join([by["kebutuhan"].pesan, *by["kebutuhan"].poin, by["kebutuhan"].sumber])


def test_the_deck_carries_the_mark_on_its_cost_slides(loaded) -> None:
    r = paparan.view(loaded, paparan.Settings(SSK, "layak", 2029, TODAY))
    prs = Presentation(io.BytesIO(r.pptx()))
    texts = ["\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame) for slide in prs.slides]
    costed = [text for text in texts if money(text)]
    assert costed and all(MARK in text for text in costed)
    assert i18n.t("ekspor.ilustratif_dek", "id") not in texts[0]  # the access data are official: no cover warning
