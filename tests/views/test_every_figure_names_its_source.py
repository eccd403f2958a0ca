"""Every number on every page names its source: each view's result is walked, and every chart, card, slide, table
and list of figures in it must carry a source line (its own, or the one of the result or part that holds it).

A table or a list of (label, value) pairs with digits, found with no source line above it in the result, is a
failure that names where it is. The only exceptions are listed in EXEMPT, each with its reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from sanitasi import i18n
from sanitasi.analysis import analyse
from sanitasi.cards import Card
from sanitasi.views import (
    kebutuhan,
    kecamatan,
    komitmen,
    lintasan_target,
    metodologi,
    opd,
    paparan,
    peta,
    program_ssk,
    ringkasan,
    sampah_drainase,
    stbm,
)
from sanitasi.views.display import Figure, Table
from tests.test_comparison import susenas

DOCS = ("SSK 2025-2029 (ilustratif)", "RPJMN 2025-2029", "RPJMN 2020-2024")
TODAY = "2026-12-01"

# (result type, field): why it needs no source line of its own
EXEMPT = {
    ("Komitmen", "untuk_editor"): "the editors' grid: what they type, not a figure shown to viewers",
    ("CostEditor", "frame"): "the unit-cost editor: the page's input",
    ("Needs", "table"): "the plan's numbers in full, for other views: shown through `display`",
}


def views(an, lang: str, DOC: str) -> dict[str, Any]:  # noqa: N803 (the document, as the settings name it)
    """Every page's view result, as the page asks for it by default."""
    return {
        "ringkasan": ringkasan.view(an, ringkasan.Settings(dokumen=DOC, lang=lang)),
        "paparan": paparan.view(an, paparan.Settings(DOC, "layak", 2029, TODAY, lang)),
        "peta": peta.view(an, peta.Settings("layak", "63.10.01", DOC, lang=lang)),
        "peta_status": peta.view(an, peta.Settings("aman", "63.10.05", DOC, warna="status", lang=lang)),
        "lintasan": lintasan_target.view(an, lintasan_target.Settings("layak", DOC, lang=lang)),
        "lintasan_kec": lintasan_target.view(an, lintasan_target.Settings("aman", DOC, "63.10.05", lang=lang)),
        "kecamatan": kecamatan.view(an, kecamatan.Settings("63.10.08", DOC, lang=lang)),
        "kebutuhan": kebutuhan.view(an, kebutuhan.Settings(DOC, "layak", 2029, lang=lang)),
        "program_ssk": program_ssk.view(an, program_ssk.Settings(DOC, "layak", 2029, lang=lang)),
        "program_ssk_kec": program_ssk.view(an, program_ssk.Settings(DOC, "aman", 2029, "63.10.04", lang=lang)),
        "stbm": stbm.view(an, stbm.Settings(DOC, lang=lang)),
        "sampah_drainase": sampah_drainase.view(an, sampah_drainase.Settings(DOC, lang=lang)),
        "opd": opd.view(an, opd.Settings(2025, DOC, lang=lang)),
        "komitmen": komitmen.view(an, komitmen.Settings(TODAY, lang=lang)),
        "metodologi": metodologi.view(an, metodologi.Settings(lang=lang)),
    }


def own_source(obj: Any) -> str:
    """The source line a part of a result carries: its non-empty `sumber...` text field."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name.startswith("sumber") and isinstance(value, str) and value.strip():
            return value
    return ""


def has_digits(pairs: Any) -> bool:
    return isinstance(pairs, tuple) and any(
        isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) for x in p) and re.search(r"\d", p[1])
        for p in pairs)


def walk(obj: Any, where: str, source: str) -> Iterator[str]:
    """The failures under `obj` (a result or a part of it) with `source` the line it sits under."""
    if isinstance(obj, Figure):
        lines = (obj.spec.get("usermeta") or {}).get("sumber", [])
        if not any(PREFIX.search(line) for line in lines):
            yield f"{where}: chart without a source line ({lines})"
        return
    if isinstance(obj, Card):
        if not PREFIX.search(obj.sumber):
            yield f"{where}: card {obj.indikator} without a source"
        return
    if isinstance(obj, Table):
        if not (PREFIX.search(obj.sumber) or source or names_sources(obj.frame)):
            yield f"{where}: table without a source"
        return
    if isinstance(obj, pd.DataFrame):
        if not (source or names_sources(obj)) and len(obj):
            yield f"{where}: table without a source"
        return
    if isinstance(obj, (tuple, list)):
        if has_digits(obj) and not source:
            yield f"{where}: figures {obj[:2]}... without a source"
        for i, x in enumerate(obj):
            yield from walk(x, f"{where}[{i}]", source)
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        source = own_source(obj) or source
        for f in dataclasses.fields(obj):
            if (type(obj).__name__, f.name) in EXEMPT:
                continue
            yield from walk(getattr(obj, f.name), f"{where}.{f.name}", source)


PREFIX = re.compile(r"^(Sumber|Sources?): \S")


def names_sources(frame: pd.DataFrame) -> bool:
    """A table whose rows name their own source (the published figures, the bundled files, the district series)."""
    return any(re.match(r"(Sumber|Source|Regency source)\b", str(c)) for c in frame.columns)


def loaded_data(data):
    """Official data loaded: Dinkes counts for every kecamatan and year, and a Susenas series for the kabupaten."""
    akses = pd.concat([data.akses.assign(sumber="Dinkes (rekap STBM)"), susenas()], ignore_index=True)
    return analyse(dataclasses.replace(data, akses=akses))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("which", ["bundled", "loaded"])
@pytest.mark.parametrize("doc", DOCS)
def test_every_figure_of_every_view_names_its_source(data, an, lang: str, which: str, doc: str) -> None:
    analysis = an if which == "bundled" else loaded_data(data)
    failures = [f for name, result in views(analysis, lang, doc).items() for f in walk(result, name, "")]
    assert failures == []


def test_the_walk_finds_what_lacks_a_source(an) -> None:
    """The check can fail: a card, a chart and a table stripped of their sources are each reported."""
    r = ringkasan.view(an, ringkasan.Settings(dokumen=DOCS[0]))
    card = dataclasses.replace(r.kartu[0], sumber="")
    chart = Figure(r.tangga.chart.properties(usermeta={"judul": ["x"], "sumber": []}))
    bare = dataclasses.replace(r, kartu=(card,), tangga=chart, tabel=Table(r.tabel.frame, r.tabel.styler))
    found = list(walk(bare, "ringkasan", ""))
    assert any("card layak" in f for f in found) and any(".tangga: chart" in f for f in found)
    assert any(".tabel: table" in f for f in found)
    assert list(walk((("Akses layak", "84,2%"),), "x", "")) == ["x: figures (('Akses layak', '84,2%'),)... without "
                                                                 "a source"]


def test_a_source_line_says_where_the_figures_come_from() -> None:
    assert PREFIX.search(i18n.t("grafik.sumber_ilustratif", "id", versi="0", tanggal="01-12-2026"))
    assert PREFIX.search(i18n.t("grafik.sumber_nama", "en", nama="BPS", versi="3", tanggal="01-12-2026"))


def test_every_export_names_its_source(an) -> None:
    """What leaves the dashboard as a file carries its source too: each slide of the deck, the performance
    workbooks of Lintasan and OPD, and every row of the programme matrix; with the bundled data, ILUSTRATIF."""
    import io

    import openpyxl
    from pptx import Presentation

    doc = DOCS[0]
    r = views(an, "id", doc)
    prs = Presentation(io.BytesIO(r["paparan"].pptx()))
    content = list(prs.slides)[1:-1]  # between the title slide and the methods
    assert len(content) == len(r["paparan"].slides)
    for slide, shown in zip(content, r["paparan"].slides, strict=True):
        text = "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        assert re.search(r"(^|\n)Sumber: \S", text) and shown.sumber.split(" · ")[0] in text, shown.judul

    for name, book in (("lintasan", r["lintasan"].kinerja_xlsx()), ("opd", r["opd"].target_xlsx())):
        cells = [c.value for ws in openpyxl.load_workbook(io.BytesIO(book)) for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)]
        assert any(re.search(r"(^|\n)Sumber: \S", c) for c in cells), name
        assert any("ILUSTRATIF" in c for c in cells), name

    matrix = openpyxl.load_workbook(io.BytesIO(r["program_ssk"].xlsx()))["matriks_ssk"]
    rows = [[c.value for c in row] for row in matrix.iter_rows()]
    header = next(i for i, row in enumerate(rows) if "Sumber data" in row)
    col = rows[header].index("Sumber data")
    # below the header and its row of years, a row with a volume or a cost names its source
    costed = [row for row in rows[header + 2:] if any(isinstance(v, (int, float)) for v in row[1:col])]
    assert costed and all(row[col] for row in costed)
