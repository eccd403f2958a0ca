"""Unit costs on screen: the Kebutuhan page's editor shows one indicator's steps written the Indonesian way, reads
what was typed back, checks every cell, and gives the rows the plan is costed with. The file is never changed."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sanitasi import fmt, i18n
from sanitasi.tables import parse_number

# An edited unit-cost row: (kode, biaya_per_kk, porsi), every cell checked (`read_costs`).
CostRow = tuple[str, float, float]


@dataclass(frozen=True)
class CostEditor:
    frame: pd.DataFrame  # kode, langkah, biaya_per_kk, porsi (the editable rows of one indicator)
    locked: list[str]  # columns that cannot be edited
    berkas: tuple[CostRow, ...] = ()  # the file's own rows, as the grid reads them back: what "not edited" is


@dataclass(frozen=True)
class CostEdit:
    """The unit-cost grid as read: the rows to cost the plan with, or, when a cell is wrong, no rows (the last right
    costs stay, nothing of this edit is applied) and a message naming each wrong cell by row and column."""

    rows: tuple[CostRow, ...]
    pesan: str | None = None  # markdown: what is wrong, one line per cell; None when every cell is right


def cost_editor(biaya: pd.DataFrame, indikator: str, lang: str = "id",
                berkas: pd.DataFrame | None = None) -> CostEditor:
    """The unit costs of one indicator as the editor shows them: written the way of `lang` ("6.500.000" and "0,80" in
    Bahasa Indonesia; a grid's own number format follows the browser's locale, English on most laptops), with as many
    decimals as the value has (a share of 0,333 is not shown, and then read back, as 0,33). `berkas`: the file's
    table when `biaya` holds edits, so the editor knows the file's own rows."""
    shown = _shown(biaya, indikator, lang)
    own = shown if berkas is None else _shown(berkas, indikator, lang)
    return CostEditor(shown, ["kode", "langkah"], read_costs(own, lang).rows)


def _shown(biaya: pd.DataFrame, indikator: str, lang: str) -> pd.DataFrame:
    rows = biaya.loc[biaya["indikator"] == indikator, ["kode", "langkah", "biaya_per_kk", "porsi"]]
    return rows.assign(biaya_per_kk=[cost_text(v, lang) for v in rows["biaya_per_kk"]],
                       porsi=[share_text(v, lang) for v in rows["porsi"]]).reset_index(drop=True)


def cost_text(v: float, lang: str = "id") -> str:
    """A unit cost as the editor and the workbook write it: whole rupiah, or two decimals when it has them."""
    return fmt.number(v, 0 if float(v).is_integer() else 2, lang)


def share_text(v: float, lang: str = "id") -> str:
    """A share as the editor and the workbook write it: two decimals, up to four when the value has them (0,333 is
    not 0,33)."""
    return fmt.number(v, next(d for d in (2, 3, 4) if round(v, d) == round(v, 4)), lang)


def changed(rows: tuple[CostRow, ...], editor: CostEditor) -> tuple[CostRow, ...]:
    """The grid's rows when they differ from the file's, else (): a grid only opened and looked at changes nothing,
    and the plan keeps the file's own figures."""
    return () if rows == editor.berkas else rows


def read_costs(edited: pd.DataFrame, lang: str = "id") -> CostEdit:
    """The edited grid as settings, its cells read as written in `lang` ("6.500.000", "0,8") and checked: a cost is a
    number of at least 0, a share a number from 0 to 1. One wrong cell and no edit is applied: a plan costed with some
    of the new prices and some of the file's would be a figure nobody entered."""
    t = i18n.t
    example = {"biaya_per_kk": fmt.number(6_500_000, 0, lang), "porsi": fmt.number(0.8, 2, lang)}
    header = {"biaya_per_kk": t("kebutuhan.b_biaya", lang), "porsi": t("kebutuhan.b_porsi", lang)}

    def problem(column: str, raw: object, x: float | None) -> str | None:
        typed = fmt.inert(str(raw).strip())  # shown as typed, so it can start no markdown link or tag
        if x is None:
            return t("kebutuhan.sel_bukan_angka", lang, nilai=typed, contoh=example[column])
        if np.isnan(x):
            return t("kebutuhan.sel_kosong", lang, contoh=example[column])
        if column == "biaya_per_kk" and x < 0:
            return t("kebutuhan.sel_negatif", lang, nilai=typed)
        if column == "porsi" and not 0 <= x <= 1:
            return t("kebutuhan.sel_porsi_luar", lang, nilai=typed, contoh=example["porsi"])
        return None

    rows, wrong = [], []
    names = edited["langkah"] if "langkah" in edited else edited["kode"]
    for n, (kode, name, cost, share) in enumerate(zip(edited["kode"], names, edited["biaya_per_kk"], edited["porsi"],
                                                      strict=True), start=1):
        cells = {"biaya_per_kk": cost, "porsi": share}
        read = {c: parse_number(v, decimal_comma=lang == "id") for c, v in cells.items()}
        for column, raw in cells.items():
            why = problem(column, raw, read[column])
            if why:
                wrong.append(t("kebutuhan.sel_salah", lang, baris=n, langkah=fmt.inert(str(name)),
                               kolom=header[column], masalah=why))
        if not wrong:
            rows.append((str(kode), float(read["biaya_per_kk"]), float(read["porsi"])))
    if wrong:
        return CostEdit((), "\n".join([t("kebutuhan.biaya_salah", lang), *(f"- {w}" for w in wrong)]))
    return CostEdit(tuple(rows))


def with_edits(biaya: pd.DataFrame, indikator: str, rows: tuple[CostRow, ...]) -> pd.DataFrame:
    """The unit-cost table with one indicator's edited rows put in; the table itself when nothing was edited."""
    if not rows:
        return biaya
    return costs_from_editor(biaya, indikator, pd.DataFrame(list(rows), columns=["kode", "biaya_per_kk", "porsi"]))


def costs_from_editor(biaya: pd.DataFrame, indikator: str, edited: pd.DataFrame) -> pd.DataFrame:
    """The unit-cost table with the edited rows of one indicator put in (a copy; the file is untouched).

    Empty or negative cells fall back to the bundled value, and shares are kept within 0..1.
    """
    base = biaya.set_index("kode")
    e = edited.set_index("kode")
    cost = pd.to_numeric(e["biaya_per_kk"], errors="coerce")
    share = pd.to_numeric(e["porsi"], errors="coerce")
    cost = cost.where(cost >= 0, base.loc[e.index, "biaya_per_kk"])
    share = share.where(share.between(0, 1), base.loc[e.index, "porsi"])
    out = base.copy()
    out.loc[e.index, "biaya_per_kk"] = cost.astype(float)
    out.loc[e.index, "porsi"] = share.astype(float)
    return out.reset_index()
