"""Target documents: what each one is (its family and period), which one a fresh start judges against, which
applies to an indicator when the chosen one sets none, its final target, and the year a plan aims at by default.

A document's family (RPJMN, RPJMD, SSK, Jakstranas/Jakstrada, SDG, Visi) and period come from the target table's
`keluarga`, `mulai` and `akhir` columns where it has them, else from its name ("RPJMN 2025-2029"), else from
the years of its targets. The default is the national medium-term plan (RPJMN family) whose period holds the
latest data year, else the nearest one ahead; a plan assigned to the kabupaten itself (rows coded 63.10) wins
over the national one of the same family and period. Ended documents stay choosable, marked as ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from sanitasi import KODE_KABUPATEN, indicators, targets
from sanitasi.analysis import Analysis

# family code -> (how names spell it, the label people use)
FAMILIES: dict[str, tuple[re.Pattern[str], str]] = {
    "rpjmn": (re.compile(r"\bRPJMN\b", re.I), "RPJMN"),
    "rpjmd": (re.compile(r"\bRPJMD\b", re.I), "RPJMD"),
    "ssk": (re.compile(r"\bSSK\b|strategi sanitasi", re.I), "SSK"),
    "jakstrada": (re.compile(r"\bjakstra(nas|da)\b", re.I), "Jakstranas/Jakstrada"),
    "sdg": (re.compile(r"\bSDGs?\b|TPB", re.I), "SDG"),
    "visi": (re.compile(r"\bvisi\b|\bRPJPN\b", re.I), "Visi"),
}
OTHER = "lain"
# periods the names of bundled documents do not spell out (domain.md 2; the current-period issue)
KNOWN_PERIODS: dict[str, tuple[int, int]] = {"sdg": (2016, 2030), "visi": (2025, 2045), "jakstrada": (2018, 2025)}
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class Document:
    nama: str
    keluarga: str  # a FAMILIES code, or "lain"
    mulai: int
    akhir: int
    kabupaten: bool  # set for the kabupaten itself (rows coded 63.10), not a national figure shared down
    ilustratif: bool

    def berakhir(self, tahun: int) -> bool:
        """Has the period ended before `tahun` (the latest data year)?"""
        return self.akhir < tahun

    @property
    def label_keluarga(self) -> str:
        return FAMILIES[self.keluarga][1] if self.keluarga in FAMILIES else "–"


def family_of(name: str) -> str:
    return next((code for code, (pattern, _) in FAMILIES.items() if pattern.search(name)), OTHER)


def _column(rows: pd.DataFrame, column: str):
    if column not in rows:
        return None
    values = rows[column].dropna()
    return values.iloc[0] if len(values) else None


def catalogue(target: pd.DataFrame) -> list[Document]:
    """Every document of the target table, in the table's order, with its family and period."""
    out = []
    for name in targets.documents(target):
        rows = target.loc[target["dokumen"] == name]
        given = _column(rows, "keluarga")
        keluarga = str(given).strip().lower() if given is not None else family_of(name)
        keluarga = keluarga if keluarga in FAMILIES else family_of(name) if given is None else OTHER
        start, end = _column(rows, "mulai"), _column(rows, "akhir")
        if start is None or end is None:
            span = _SPAN.search(name)
            if span:
                start, end = int(span.group(1)), int(span.group(2))
            elif keluarga in KNOWN_PERIODS:
                start, end = KNOWN_PERIODS[keluarga]
            else:
                base = rows["tahun_dasar"].dropna() if "tahun_dasar" in rows else pd.Series(dtype="float64")
                start = int(base.min()) + 1 if len(base) else int(rows["tahun"].min())
                end = int(rows["tahun"].max())
        notes = " ".join(str(v) for v in rows.get("catatan", pd.Series(dtype="object")).dropna())
        own = rows["kode_wilayah"].fillna("").eq(KODE_KABUPATEN).any()
        out.append(Document(name, keluarga, int(start), int(end), bool(own),
                            "ilustratif" in f"{name} {notes}".lower()))
    return out


def default_document(docs: list[Document], latest_year: int, preferred: str | None = None) -> str | None:
    """The document a fresh start judges against (see the module docstring); `preferred` (a setting) when the
    table has it."""
    names = [d.nama for d in docs]
    if preferred in names:
        return preferred
    plans = [d for d in docs if d.keluarga == "rpjmn"]
    current = [d for d in plans if d.mulai <= latest_year <= d.akhir]
    ahead = sorted((d for d in plans if d.mulai > latest_year), key=lambda d: d.mulai)
    if ahead:
        ahead = [d for d in ahead if d.mulai == ahead[0].mulai]
    for group in (current, ahead):
        if group:  # a plan set for the kabupaten itself before the national one
            return sorted(group, key=lambda d: not d.kabupaten)[0].nama
    return names[0] if names else None


def in_order(docs: list[Document], latest_year: int) -> list[Document]:
    """Documents as a chooser lists them: running ones first (national plan, district plans, then the rest),
    then those ahead, then the ended ones, newest first."""
    rank = {"rpjmn": 0, "rpjmd": 1, "ssk": 2, "jakstrada": 3, "sdg": 4, "visi": 5}

    def key(d: Document) -> tuple:
        state = 2 if d.berakhir(latest_year) else 1 if d.mulai > latest_year else 0
        return (state, -d.akhir if state == 2 else 0, rank.get(d.keluarga, 9), not d.kabupaten)

    return sorted(docs, key=key)


def target_document(an: Analysis, indikator: str, preferred: str) -> str | None:
    """The document to judge an indicator against: the chosen one if it sets a target for it, else the first
    document that does (waste has Jakstranas, not RPJMN)."""
    docs = [d for d in targets.documents(an.data.target) if indikator in targets.indicators_of(an.data.target, d)]
    if preferred in docs:
        return preferred
    return docs[0] if docs else None


def target_documents(an: Analysis, codes: tuple[str, ...], preferred: str) -> dict[str, str]:
    """`target_document` for several indicators at once: indicator -> document, for those that have one."""
    return {k: d for k in codes if (d := target_document(an, k, preferred)) is not None}


def final_target(an: Analysis, dokumen: str, indikator: str) -> tuple[int, float] | None:
    """(year, value) of the document's final district target for the indicator, or None when it sets none."""
    return targets.final(an.data.target, dokumen, indikator)


def indicators_of(an: Analysis, dokumen: str) -> list[str]:
    """Headline indicators the document sets a target for, in the dashboard's order."""
    has = set(targets.indicators_of(an.data.target, dokumen))
    return [k for k in indicators.HEADLINE if k in has]


def trajectory_indicators(an: Analysis, dokumen: str) -> list[str]:
    """Indicators with a target in the document (headline first), or the headline ones when it sets none."""
    has = set(targets.indicators_of(an.data.target, dokumen))
    order = [*indicators.HEADLINE, *(k for k in indicators.REGISTRY if k not in indicators.HEADLINE)]
    chosen = [k for k in order if k in has and not an.frames(k)[1].empty]
    return chosen or list(indicators.HEADLINE)


def default_reach_year(an: Analysis, dokumen: str, indikator: str) -> int:
    """The document's target year when it is still ahead; otherwise five years after the data."""
    f = targets.final(an.data.target, dokumen, indikator)
    if f is not None and f[0] > an.tahun:
        return f[0]
    return an.tahun + 5

