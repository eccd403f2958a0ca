"""Who owns a target: for each indicator the lead agency, the supporting agencies and the data owners (the `peran`
table), beside the activities of a budget year that count toward it.

An activity counts toward the indicator it names; one that names none (school sanitation, the SSK update) is a
supporting activity: its budget belongs to its agency, never to household access. An agency that spends on an
indicator without being named its lead or a supporter is reported, so the table and the budget can be set
straight at the clinic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from sanitasi import fmt, i18n, indicators, targets

LEAD, SUPPORT, DATA = "pemimpin", "pendukung", "pemilik_data"

# The short names officials use for the agencies of the sanitation working group (as the clinic's news report
# writes them); a name not listed is shown in full.
SHORT = {
    "Dinas Kesehatan": "Dinkes",
    "Dinas Perumahan, Kawasan Permukiman dan Pertanahan": "Perkimtan",
    "Dinas Pekerjaan Umum dan Penataan Ruang": "PUPR",
    "Dinas Pekerjaan Umum dan Perumahan Rakyat": "PUPR",
    "Dinas Lingkungan Hidup": "DLH",
    "Dinas Pendidikan dan Kebudayaan": "Disdikbud",
    "Badan Perencanaan Pembangunan Daerah": "Bappeda",
    "Badan Pusat Statistik": "BPS",
}


def short(opd: str) -> str:
    return SHORT.get(opd, opd)


@dataclass(frozen=True)
class Owner:
    """An agency in a role, with what it does for the indicator (or which data it owns)."""

    opd: str
    catatan: str = ""


@dataclass(frozen=True)
class Owners:
    """One indicator's owners and the year's activities that count toward it."""

    indikator: str
    pemimpin: Owner | None
    pendukung: tuple[Owner, ...]
    pemilik_data: tuple[Owner, ...]
    kegiatan: int  # activities of the year naming this indicator
    pagu: float  # their budget (rupiah)
    opd_kegiatan: tuple[str, ...]  # the agencies carrying them out
    di_luar: tuple[str, ...]  # of those, the ones named neither lead nor supporter

    @property
    def lengkap(self) -> bool:
        """A lead and a data owner named: the least a target needs to be answered for."""
        return self.pemimpin is not None and bool(self.pemilik_data)


def _owners(rows: pd.DataFrame) -> tuple[Owner, ...]:
    return tuple(Owner(str(o), "" if pd.isna(c) else str(c)) for o, c in zip(rows["opd"], rows["catatan"], strict=True))


def year_activities(kegiatan: pd.DataFrame, tahun: int) -> pd.DataFrame:
    return kegiatan.loc[kegiatan["tahun"] == tahun]


def matrix(peran: pd.DataFrame, kegiatan: pd.DataFrame, tahun: int, indikator: list[str] | tuple[str, ...] = ()
           ) -> list[Owners]:
    """The owners of every indicator that the table names, the year's activities serve or `indikator` asks for
    (the document's targets), in the registry's order."""
    year = year_activities(kegiatan, tahun)
    served = year.loc[year["indikator"].notna()]
    asked = set(indikator) | set(peran["indikator"]) | set(served["indikator"])
    out = []
    for code in (c for c in indicators.REGISTRY if c in asked):
        mine = peran.loc[peran["indikator"] == code]
        lead = _owners(mine.loc[mine["peran"] == LEAD])
        support = _owners(mine.loc[mine["peran"] == SUPPORT])
        acts = served.loc[served["indikator"] == code]
        doing = tuple(dict.fromkeys(str(o) for o in acts["opd"]))
        named = {o.opd for o in (*lead, *support)}
        out.append(Owners(
            indikator=code, pemimpin=lead[0] if lead else None, pendukung=support,
            pemilik_data=_owners(mine.loc[mine["peran"] == DATA]), kegiatan=len(acts), pagu=float(acts["pagu"].sum()),
            opd_kegiatan=doing, di_luar=tuple(o for o in doing if o not in named)))
    return out


def supporting(kegiatan: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The year's supporting activities (no indicator): agency, activity, budget."""
    year = year_activities(kegiatan, tahun)
    return year.loc[year["indikator"].isna(), ["opd", "kegiatan", "pagu"]].reset_index(drop=True)


def incomplete(owners: list[Owners]) -> list[str]:
    """The indicators without a lead or without a data owner."""
    return [o.indikator for o in owners if not o.lengkap]


def _value(ind: indicators.Indicator, v: float, lang: str) -> str:
    return fmt.pct(v, 1, lang) if ind.persen else f"{fmt.number(v, 0, lang)} {ind.satuan(lang)}"


def display(rows: list[Owners], target: pd.DataFrame, dokumen: str, tahun: int, lang: str = "id") -> pd.DataFrame:
    """The owners table as officials read it: per indicator the document's final target, the lead, the
    supporters, the data owners with the data they own, and the year's activities that count toward it."""
    t = i18n.t
    out = []
    for o in rows:
        ind = indicators.get(o.indikator)
        final = targets.final(target, dokumen, o.indikator) if dokumen else None
        row = {t("tabel.indikator", lang): ind.label(lang)}
        if dokumen:
            # a dash says why it stands: the document sets no target for it, no agency supports, no activity
            row[t("peran.k_target", lang, dokumen=dokumen)] = (f"{_value(ind, final[1], lang)} ({final[0]})"
                                                              if final else t("status.tanpa_target", lang))
        out.append({
            **row,
            t("peran.k_pemimpin", lang): short(o.pemimpin.opd) if o.pemimpin else t("peran.belum", lang),
            t("peran.k_pendukung", lang): ", ".join(short(s.opd) for s in o.pendukung) or t("peran.tidak_ada", lang),
            t("peran.k_data", lang): "; ".join(f"{short(d.opd)} ({d.catatan})" if d.catatan else short(d.opd)
                                               for d in o.pemilik_data) or t("peran.belum", lang),
            t("peran.k_kegiatan", lang, tahun=tahun): (t("peran.kegiatan", lang, n=o.kegiatan,
                                                         pagu=fmt.rupiah(o.pagu, lang)) if o.kegiatan
                                                       else t("peran.tanpa_kegiatan", lang)),
        })
    return pd.DataFrame(out)


def legend(rows: list[Owners], lang: str = "id") -> str:
    """The short names the table uses, spelled out."""
    return names_legend([o.opd for r in rows for o in (*((r.pemimpin,) if r.pemimpin else ()), *r.pendukung,
                                                         *r.pemilik_data)], lang)


def names_legend(names: Iterable[str], lang: str = "id") -> str:
    """These agencies' short names spelled out ('' when none is shortened)."""
    pairs = sorted({short(n): n for n in names if short(n) != n}.items())
    return i18n.t("peran.singkatan", lang, daftar="; ".join(f"{a} = {n}" for a, n in pairs)) if pairs else ""


def notes(rows: list[Owners], kegiatan: pd.DataFrame, tahun: int, lang: str = "id") -> list[str]:
    """What the clinic should settle: indicators without a lead or data owner, agencies spending on an indicator
    they are not named for, and the supporting activities that count toward no indicator."""
    t = i18n.t
    out = []
    if missing := incomplete(rows):
        out.append(t("peran.tidak_lengkap", lang, indikator=", ".join(indicators.get(i).label(lang) for i in missing)))
    for o in rows:
        if o.di_luar:
            out.append(t("peran.di_luar", lang, opd=", ".join(o.di_luar),
                         indikator=indicators.get(o.indikator).label(lang)))
    support = supporting(kegiatan, tahun)
    if len(support):
        items = "; ".join(f"{k} ({o}, {fmt.rupiah(p, lang)})"
                          for o, k, p in zip(support["opd"], support["kegiatan"], support["pagu"], strict=True))
        out.append(t("peran.penunjang", lang, tahun=tahun, kegiatan=items))
    return out
