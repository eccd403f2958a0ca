"""Every page's first view built in the background once a session has drawn its first page, so the first visit to
each page costs a look-up instead of its build (0,1-1,8 s a page, about 5 s in all on 2 cores; a presenter's first
pass through the pages at a clinic met every one of them).

Each page's settings are those its controls start on: the session's shared choices where they are options of the
page (document, language, series, indicator, kecamatan, the year to reach), else the control's own default, as
`ui.state.select` and `ui.year_slider` choose them. The year to reach is shared by Paparan, Kebutuhan and Program
SSK and set by whichever of them is opened first, the indicator by every page that has one: until the session has
set them, each page is built for its own default and for those the other pages start on (one to four views a page).
`tests/test_warm.py` opens the pages in a new session and checks that the view each asks for is one built here, so
a page whose defaults change cannot drift from this list unnoticed.

The session's choices are read in the page run (`Choices`); the settings are made and the views built in the
background builder's thread (`ui.cache.in_background`), after a pause that leaves the machine to the page just sent.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from sanitasi import indicators
from sanitasi.analysis import KABUPATEN
from sanitasi.views import (
    kebutuhan,
    kecamatan,
    lintasan_target,
    opd,
    paparan,
    peta,
    program_ssk,
    ringkasan,
    sampah_drainase,
    stbm,
)
from ui.cache import analysis_at, current, dataset_at, derived, in_background, prepare
from ui.state import dokumen, lang, seri

ENV_OFF = "SANITASI_TANPA_PEMANASAN"  # "1": no background builds (the test suite, which opens pages by the hundred)
PAUSE = 1.5  # seconds left to the page just sent (its drawing in the browser) before the builds start
KEYS = ("indikator", "kecamatan", "capai", "peta_warna", "peta_tampilan", "basis", "skenario_kk", "ssk_kenaikan",
        "opd_tahun")  # the controls whose start the pages' views depend on


@dataclass(frozen=True)
class Choices:
    """What a session has chosen, read in its page run: the data version and year (`at`), the sidebar's choices,
    the values of `KEYS` it holds, the growth shares and unit costs changed on Kebutuhan."""

    at: tuple[str, int]
    dokumen: str
    lang: str
    seri: str | None
    state: dict[str, Any]
    shares: dict[str, float]
    costs: dict[tuple[str, str], tuple]


def choices() -> Choices:
    held = {k: st.session_state[k] for k in KEYS if k in st.session_state}
    return Choices(current(), dokumen(), lang(), seri(), held, dict(st.session_state.get("_porsi_diubah", {})),
                   dict(st.session_state.get("_biaya_diubah", {})))


def first_views(c: Choices) -> list[tuple[Callable[[Any, Any], Any], Any]]:
    """(view, settings) of each page as the session of `c` would open it, in the navigation's order. Komitmen,
    Metodologi and Data are left out: their views take under 10 ms."""
    an, dok, language, series, at = analysis_at(c.at), c.dokumen, c.lang, c.seri, c.at
    d = dataset_at(at)
    kecs = sorted(d.names, key=d.names.get)

    def start(key: str, options: Sequence[Any], default: Any) -> Any:
        v = c.state.get(key)
        return v if v in options else default

    def areas(with_district: bool = False) -> list[str]:
        """The kecamatan a page starts on: the session's, else its own first (the district where it is one of the
        choices) and the first kecamatan, which Peta and Kecamatan start on and pass on."""
        opts = ([KABUPATEN] if with_district else []) + kecs
        if c.state.get("kecamatan") in opts:
            return [c.state["kecamatan"]]
        return list(dict.fromkeys((opts[0], kecs[0])))

    def share(ind: str) -> float | None:
        v = c.shares.get(ind)
        return None if v is None else float(v)

    # The indicator and the year to reach are shared: set on one page, the next takes them. Until the session has
    # set one, each page is built for its own first choice and for those the other pages start on.
    p_o = derived(paparan.options, dok, at=at)
    k_choices = derived(kebutuhan.indicator_choices, dok, at=at)
    l_choices = derived(lintasan_target.options, dok, at=at)
    s_o = program_ssk.options(an, language)
    lists = [list(p_o.indikator), peta.options(), list(l_choices), list(k_choices)] + (
        [list(s_o.indikator)] if s_o.ada else [])
    firsts = [x[0] for x in lists if x]

    def indicators_(options: Sequence[str]) -> list[str]:
        if c.state.get("indikator") in options:
            return [c.state["indikator"]]
        return list(dict.fromkeys(i for i in (options[0], *firsts) if i in options))

    def k_options(ind: str) -> Any:
        return derived(kebutuhan.options, dok, ind, language, c.costs.get((d.versi, ind), ()), at=at)

    own_year = {  # each page's default year to reach for an indicator
        "paparan": lambda i: derived(paparan.default_year, dok, i, at=at),
        "kebutuhan": lambda i: k_options(i).tahun_awal,
        "program_ssk": lambda i: derived(program_ssk.default_year, dok, i, at=at),
    }
    starts = [own_year["paparan"](i) for i in indicators_(p_o.indikator)]
    starts += [own_year["kebutuhan"](i) for i in indicators_(k_choices)]
    starts += [own_year["program_ssk"](i) for i in indicators_(s_o.indikator)] if s_o.ada else []

    def years(page: str, options: Sequence[int], ind: str) -> list[int]:
        if c.state.get("capai") in options:
            return [c.state["capai"]]
        return list(dict.fromkeys(y for y in (own_year[page](ind), *starts) if y in options))

    views: list[tuple[Callable[[Any, Any], Any], Any]] = [
        (ringkasan.view, ringkasan.Settings(dokumen=dok, lang=language, seri=series))]
    views += [(paparan.view, paparan.Settings(dokumen=dok, indikator=i, tahun_capai=y, today=paparan.today(),
                                              lang=language, seri=series, porsi_baru=share(i)))
              for i in indicators_(p_o.indikator) for y in years("paparan", p_o.tahun, i)]
    views += [(peta.view, peta.Settings(
        indikator=i, kode=k, dokumen=dok, warna=start("peta_warna", peta.MODES, peta.MODES[0]),
        tampilan=start("peta_tampilan", peta.LAYOUTS, peta.LAYOUTS[0]), lang=language))
        for i in indicators_(peta.options()) for k in areas()]
    views += [(lintasan_target.view, lintasan_target.Settings(
        indikator=i, dokumen=dok, kode=k, basis=start("basis", lintasan_target.BASES, lintasan_target.BASES[0]),
        lang=language, seri=series))
        for i in indicators_(l_choices)
        for k in ([None] if lintasan_target.district_only(i) else areas(with_district=True))]
    views += [(kecamatan.view, kecamatan.Settings(kode=k, dokumen=dok, lang=language)) for k in areas()]
    views += [(kebutuhan.view, kebutuhan.Settings(dokumen=dok, indikator=i, tahun_capai=y,
                                                  biaya=c.costs.get((d.versi, i), ()),
                                                  skenario_kk=c.state.get("skenario_kk"), porsi_baru=share(i),
                                                  lang=language))
              for i in indicators_(k_choices) for y in years("kebutuhan", k_options(i).tahun, i)]
    if s_o.ada:
        views += [(program_ssk.view, program_ssk.Settings(
            dokumen=dok, indikator=i, tahun_capai=y, kode=k,
            kenaikan=c.state.get("ssk_kenaikan", 0), porsi_baru=share(i), lang=language))
            for i in indicators_(s_o.indikator) for y in years("program_ssk", s_o.tahun, i)
            for k in areas(with_district=True)]
    views.append((stbm.view, stbm.Settings(dokumen=dok, lang=language)))
    views.append((sampah_drainase.view, sampah_drainase.Settings(dokumen=dok, lang=language)))
    o = opd.options(an)
    if o.tahun:
        shares = tuple((k, v) for k in indicators.HEADLINE if (v := share(k)) is not None)
        views.append((opd.view, opd.Settings(tahun=start("opd_tahun", o.tahun, o.tahun_awal), dokumen=dok,
                                             porsi_baru=shares, lang=language)))
    return views


def _build(c: Choices, pause: float) -> None:
    time.sleep(pause)
    for fn, settings in first_views(c):
        prepare(fn, [settings], at=c.at, later=True)  # on the same thread, after what the pages ask; each view once


def warm_up() -> None:
    """After a page is drawn: the views of `first_views` built in the background, once a session for each data
    version, year, document, language and series."""
    if os.environ.get(ENV_OFF) == "1":
        return
    key = (current(), dokumen(), lang(), seri())  # what decides whether there is anything to do, read first
    if st.session_state.get("_dipanaskan") == key:
        return
    st.session_state["_dipanaskan"] = key
    c = choices()
    in_background(lambda: _build(c, PAUSE))
