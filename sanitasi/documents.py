"""Target documents: what each one is (its family and period), which one a fresh start judges against, which
applies to an indicator when the chosen one sets none, its final target, and the year a plan aims at by default.

A document's family (RPJMN, RPJMD, SSK, Jakstranas/Jakstrada, SDG, Visi) and period come from the target table's
`keluarga`, `mulai` and `akhir` columns where it has them, else from its name ("RPJMN 2025-2029"), else from
the years of its targets. The default is the national medium-term plan (RPJMN family) whose period holds the
latest data year, else the nearest one ahead; a plan assigned to the kabupaten itself (rows coded 63.10) wins
over the national one of the same family and period. Ended documents stay choosable, marked as ended.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import pandas as pd

from sanitasi import KODE_KABUPATEN, i18n, indicators, targets
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
ENV_DOCUMENT = "SANITASI_DOKUMEN"  # the document a fresh start opens on (else secrets `[dasbor] dokumen_bawaan`)
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class Document:
    nama: str
    keluarga: str  # a FAMILIES code, or "lain"
    mulai: int
    akhir: int
    kabupaten: bool  # set for the kabupaten itself (rows coded 63.10), not a national figure shared down
    ilustratif: bool
    # the note to show wherever the document's targets are shown: its rows' notes that ask for a check against the
    # original ("... periksa Lampiran Perpres 12/2025"), '' when none does
    periksa: str = ""

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


# the last few target tables and their catalogues: pages ask for the catalogue of the same (never mutated) table
# many times per view, and reading it costs tens of milliseconds
_SEEN: list[tuple[pd.DataFrame, list[Document]]] = []


def catalogue(target: pd.DataFrame) -> list[Document]:
    """Every document of the target table, in the table's order, with its family and period."""
    for frame, docs in _SEEN:
        if frame is target:
            return list(docs)
    docs = _read_catalogue(target)
    _SEEN.insert(0, (target, docs))
    del _SEEN[8:]
    return list(docs)


def _read_catalogue(target: pd.DataFrame) -> list[Document]:
    out = []
    for name in targets.documents(target):
        rows = target.loc[target["dokumen"] == name]
        given = _column(rows, "keluarga")
        keluarga = str(given).strip().lower() if given is not None else family_of(name)
        # a code ("rpjmn") or a label as people write it ("Jakstranas", "RPJMD Kabupaten")
        keluarga = keluarga if keluarga in FAMILIES else family_of(str(given) if given is not None else name)
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
        notes = list(dict.fromkeys(str(v) for v in rows.get("catatan", pd.Series(dtype="object")).dropna()))
        own = rows["kode_wilayah"].fillna("").eq(KODE_KABUPATEN).any()
        check = " ".join(n.strip().rstrip(".") + "." for n in notes if "periksa" in n.lower())
        out.append(Document(name, keluarga, int(start), int(end), bool(own),
                            "ilustratif" in f"{name} {' '.join(notes)}".lower(), check))
    return out


def preferred(from_secrets: str | None = None) -> str | None:
    """The document a fresh start opens on when an administrator set one: the environment (`SANITASI_DOKUMEN`)
    first, then `[dasbor] dokumen_bawaan` in `.streamlit/secrets.toml` (passed in by the UI); None when unset."""
    value = os.environ.get(ENV_DOCUMENT, "").strip() or str(from_secrets or "").strip()
    return value or None


def chooser_label(doc: Document, latest_year: int, lang: str = "id") -> str:
    """The name as the chooser lists it, marked when the period has ended ('RPJMN 2020-2024 · berakhir 2024') or
    not begun."""
    if doc.berakhir(latest_year):
        return f"{doc.nama} · {i18n.t('dokumen.berakhir', lang, tahun=doc.akhir)}"
    if doc.mulai > latest_year:
        return f"{doc.nama} · {i18n.t('dokumen.belum_mulai', lang, tahun=doc.mulai)}"
    return doc.nama


def note(doc: Document, latest_year: int, lang: str = "id") -> str:
    """What to show beside a chosen document: family and period, ended, set for the kabupaten, illustrative, and
    the source line with its check ('Sumber: ... periksa Lampiran Perpres 12/2025.')."""
    parts = [i18n.t("dokumen.periode", lang, keluarga=doc.label_keluarga, mulai=doc.mulai, akhir=doc.akhir)]
    if doc.berakhir(latest_year):
        parts.append(i18n.t("dokumen.berakhir", lang, tahun=doc.akhir))
    if doc.kabupaten:
        parts.append(i18n.t("dokumen.kabupaten", lang))
    if doc.ilustratif:
        parts.append(i18n.t("dokumen.ilustratif", lang))
    text = " · ".join(parts) + "."
    return text + (" " + i18n.t("dokumen.sumber", lang, catatan=doc.periksa) if doc.periksa else "")


def note_of(target: pd.DataFrame, dokumen: str, latest_year: int, lang: str = "id") -> str:
    """`note` for a document named in the target table ('' for a name it does not have)."""
    d = find(catalogue(target), dokumen)
    return "" if d is None else note(d, latest_year, lang)


def find(docs: list[Document], nama: str) -> Document | None:
    return next((d for d in docs if d.nama == nama), None)


def twin(docs: list[Document], nama: str) -> Document | None:
    """The document of the same family and period set for the kabupaten itself (rows coded 63.10), when `nama` is
    a national one and such a document exists: its targets win for the kabupaten."""
    d = find(docs, nama)
    if d is None or d.kabupaten or d.keluarga == OTHER:
        return None
    return next((o for o in docs if o.kabupaten and o.nama != nama and (o.keluarga, o.mulai, o.akhir)
                 == (d.keluarga, d.mulai, d.akhir)), None)


def applicable(target: pd.DataFrame, dokumen: str, indikator: str) -> str | None:
    """The document whose targets judge `indikator` when `dokumen` is chosen: the kabupaten's own document of the
    same family and period when it sets the indicator (the district's own figure wins over the national one), else
    `dokumen` when it sets it, else None (no target in this document: pages say so, never borrow another's)."""
    own = twin(catalogue(target), dokumen)
    if own is not None and indikator in targets.indicators_of(target, own.nama):
        return own.nama
    return dokumen if indikator in targets.indicators_of(target, dokumen) else None


def elsewhere(target: pd.DataFrame, dokumen: str, indikator: str, latest_year: int) -> Document | None:
    """When `dokumen` sets no target for the indicator, the document that does, as the chooser lists them (running
    ones first): the one a card names ("the target is in SSK 2025-2029"). None when no document sets one."""
    setting = [d for d in in_order(catalogue(target), latest_year)
               if d.nama != dokumen and indikator in targets.indicators_of(target, d.nama)]
    return setting[0] if setting else None


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
    """The document to judge an indicator of the rest of PPSP against (ODF villages, waste, standing water, whose
    cards stand beside the chosen plan's): the chosen one (or its kabupaten twin) if it sets a target for it, else
    the one that does as the chooser lists them, running documents first (waste has Jakstranas, not RPJMN)."""
    own = applicable(an.data.target, preferred, indikator)
    if own is not None:
        return own
    other = elsewhere(an.data.target, preferred, indikator, max(an.data.tahun))
    return other.nama if other is not None else None


def target_documents(an: Analysis, codes: tuple[str, ...], preferred: str) -> dict[str, str]:
    """`target_document` for several indicators at once: indicator -> document, for those that have one."""
    return {k: d for k in codes if (d := target_document(an, k, preferred)) is not None}


def final_target(an: Analysis, dokumen: str, indikator: str) -> tuple[int, float] | None:
    """(year, value) of the document's final district target for the indicator (its kabupaten twin's when that
    sets it), or None when it sets none."""
    own = applicable(an.data.target, dokumen, indikator)
    return None if own is None else targets.final(an.data.target, own, indikator)


def indicators_of(an: Analysis, dokumen: str) -> list[str]:
    """Headline indicators the document (or its kabupaten twin) sets a target for, in the dashboard's order."""
    has = {k for k in indicators.REGISTRY if applicable(an.data.target, dokumen, k)}
    return [k for k in indicators.HEADLINE if k in has]


def trajectory_indicators(an: Analysis, dokumen: str) -> list[str]:
    """Indicators with a target in the document (headline first), or the headline ones when it sets none."""
    has = {k for k in indicators.REGISTRY if applicable(an.data.target, dokumen, k)}
    order = [*indicators.HEADLINE, *(k for k in indicators.REGISTRY if k not in indicators.HEADLINE)]
    chosen = [k for k in order if k in has and not an.frames(k)[1].empty]
    return chosen or list(indicators.HEADLINE)


def default_reach_year(an: Analysis, dokumen: str, indikator: str) -> int:
    """The document's target year when it is still ahead; otherwise five years after the data."""
    dokumen = applicable(an.data.target, dokumen, indikator) or dokumen
    f = targets.final(an.data.target, dokumen, indikator)
    if f is not None and f[0] > an.tahun:
        return f[0]
    return an.tahun + 5

