"""Which target document applies: the indicators a document sets targets for, its final target, the document to
judge an indicator against when the chosen one sets none, and the year a plan aims at by default."""

from __future__ import annotations

from sanitasi import indicators, targets
from sanitasi.analysis import Analysis


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

