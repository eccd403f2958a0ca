"""Who owns a target: for each indicator the lead agency, the supporting agencies and the data owners (the `peran`
table), beside the activities of a budget year that count toward it.

An activity counts toward the indicator it names; one that names none (school sanitation, the SSK update) is a
supporting activity: its budget belongs to its agency, never to household access. An agency that spends on an
indicator without being named its lead or a supporter is reported, so the table and the budget can be set
straight at the clinic.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sanitasi import indicators

LEAD, SUPPORT, DATA = "pemimpin", "pendukung", "pemilik_data"


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
