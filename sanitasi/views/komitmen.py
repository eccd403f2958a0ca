"""Komitmen: what each agency or kecamatan committed to at a coaching clinic, with its status on the day (a
commitment past its deadline and not done is late), how many are open, late and done, and the table to download.

`commitments`, `counts` and `display` are the pieces the Paparan sequence reuses for its commitments slide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sanitasi import fmt, i18n, indicators
from sanitasi.analysis import Analysis
from sanitasi.views.display import source_line

OPEN = ("belum", "berjalan", "terlambat")  # effective statuses that still need work


@dataclass(frozen=True)
class Settings:
    today: str  # ISO date (YYYY-MM-DD): decides which commitments are late, so a cached result lasts one day
    lang: str = "id"


@dataclass(frozen=True)
class Counts:
    terbuka: int  # not done yet (late ones included)
    terlambat: int  # past the deadline and not done
    selesai: int


@dataclass(frozen=True)
class Komitmen:
    ringkas: str | None  # open, late and done in one sentence; None when there are no commitments
    hitungan: Counts
    tabel: pd.DataFrame  # every commitment with translated headers (what the CSV holds)
    terbuka: pd.DataFrame  # the open ones only, same columns
    untuk_editor: pd.DataFrame  # the commitments as stored, for the editors' grid
    sumber: str = ""  # the source line under the table


def today() -> str:
    """Today's date as the settings carry it (ISO text: hashable, and the cache key changes at midnight)."""
    return date.today().isoformat()


def view(an: Analysis, s: Settings) -> Komitmen:
    frame = commitments(an, s.lang, s.today)
    n = counts(frame)
    ringkas = (i18n.t("komitmen.ringkas", s.lang, terbuka=n.terbuka, terlambat=n.terlambat, selesai=n.selesai)
               if len(frame) else None)
    return Komitmen(ringkas=ringkas, hitungan=n, tabel=display(frame, s.lang),
                    terbuka=display(frame, s.lang, open_only=True), untuk_editor=an.data.komitmen,
                    sumber=source_line(an.data, "komitmen", lang=s.lang))


def commitments(an: Analysis, lang: str = "id", today: str | date | None = None) -> pd.DataFrame:
    """The clinic's commitments with their effective status (past the deadline and not done -> `terlambat`),
    its text, the area's name and the indicator's label; sorted by deadline. `today` is an ISO date or a date
    (default: today)."""
    k = an.data.komitmen
    if k.empty:
        empty = pd.Series(dtype="object")
        return k.assign(status_efektif=empty, status_teks=empty, wilayah=empty, indikator_teks=empty)
    day = date.fromisoformat(today) if isinstance(today, str) else (today or date.today())
    deadline = pd.to_datetime(k["tenggat"], errors="coerce").dt.date
    late = deadline.map(lambda d: d is not None and not pd.isna(d) and d < day) & k["status"].isin(["belum",
                                                                                                   "berjalan"])
    status = np.where(late, "terlambat", k["status"])
    names = an.data.names
    return k.assign(status_efektif=status,
                    status_teks=[i18n.t(f"komitmen.status_{s}", lang) for s in status],
                    wilayah=k["kode_wilayah"].map(names).fillna(i18n.t("umum.kabupaten", lang)),
                    indikator_teks=[indicators.get(i).label(lang) if isinstance(i, str) and i in indicators.REGISTRY
                                    else "" for i in k["indikator"]]
                    ).sort_values(["tenggat"], kind="stable").reset_index(drop=True)


def counts(frame: pd.DataFrame) -> Counts:
    """Open, late and done among the commitments of `commitments(...)`."""
    status = frame["status_efektif"]
    return Counts(terbuka=int(status.isin(OPEN).sum()), terlambat=int((status == "terlambat").sum()),
                  selesai=int((status == "selesai").sum()))


def display(frame: pd.DataFrame, lang: str = "id", open_only: bool = False) -> pd.DataFrame:
    """The commitments as the page shows them, the columns that show one is late first (at 1024 px the last columns
    are off screen): deadline, status, party, commitment, area, indicator, clinic."""
    t = i18n.t
    f = frame.loc[frame["status_efektif"].isin(OPEN)] if open_only else frame
    return pd.DataFrame({t("komitmen.k_tenggat", lang): [fmt.date(d, lang) for d in f["tenggat"]],
                         t("komitmen.k_status", lang): f["status_teks"],
                         t("komitmen.k_pihak", lang): f["pihak"], t("komitmen.k_isi", lang): f["komitmen"],
                         t("komitmen.k_wilayah", lang): f["wilayah"],
                         t("komitmen.k_indikator", lang): f["indikator_teks"],
                         t("komitmen.k_klinik", lang): [fmt.date(d, lang) for d in f["klinik"]]}).reset_index(drop=True)
