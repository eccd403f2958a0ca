"""Every "–" a person sees says why it stands, every date is written one way, and no text is an i18n key.

Each view's result is walked (texts, table cells, the data and titles inside each chart's spec, slide tables): a
cell that is only a dash, or a text that ends in one, reads on a projector as zero or as a fault; "2025-11-14" or
"14-11-2025" is not how Bahasa Indonesia writes a date ("14 November 2025", `sanitasi.fmt.date`); a text such as
"grafik.kk_tanpa_genangan" is a label the catalogue lacks. The only exception is listed in EXEMPT with its reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from sanitasi import charts, fmt, i18n
from sanitasi.views import peta, sampah_drainase
from sanitasi.views.display import Figure
from tests.views.test_every_figure_names_its_source import DOCS, loaded_data, views

EXEMPT = {
    ("Komitmen", "untuk_editor"): "the editors' grid holds the table as stored and read back (ISO dates, raw codes)",
}
BARE_DASH = re.compile(r"(^|[\s:|])[-–—]\s*$")
DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[-/]\d{1,2}[-/]\d{4}\b")
PREFIXES = {key.split(".")[0] for key in i18n.ID}
FILES = (".csv", ".xlsx", ".pptx", ".pdf", ".png", ".geojson", ".zip", ".txt", ".json", ".py")


def texts(obj: Any, where: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every text under `obj`: fields, tuples, table headers and cells, chart specs."""
    if isinstance(obj, str):
        yield where, obj
    elif isinstance(obj, Figure):
        yield from texts(obj.spec, f"{where}.spec")
    elif type(obj).__name__ == "Styler":
        yield from texts(obj.data, where)
    elif isinstance(obj, pd.DataFrame):
        for column in obj.columns:
            yield f"{where}[header]", str(column)
            yield from ((f"{where}[{column}]", v) for v in obj[column] if isinstance(v, str))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from texts(value, f"{where}.{key}" if not str(key).startswith("data-") else f"{where}.data")
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            yield from texts(value, where)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if (type(obj).__name__, f.name) not in EXEMPT:
                yield from texts(getattr(obj, f.name), f"{where}.{f.name}")


def failures(result: Any, name: str) -> set[str]:
    found = set()
    for where, text in texts(result, name):
        if BARE_DASH.search(text):
            found.add(f"{where}: a dash that does not say why ({text!r})")
        if hit := DATE.search(text):
            found.add(f"{where}: a date not written as '14 November 2025' ({hit.group()})")
        if re.fullmatch(r"[a-z]+\.[a-z0-9_]+", text) and text.split(".")[0] in PREFIXES and not text.endswith(FILES):
            found.add(f"{where}: an i18n key shown as text ({text})")
    return found


# every document in Bahasa Indonesia; English on the SSK, which leaves most kecamatan targets unset (one code path
# writes both languages, and each case costs seconds on a shared two-core runner)
@pytest.mark.parametrize(("lang", "doc"), [*(("id", d) for d in DOCS), ("en", DOCS[0])])
def test_every_dash_of_every_view_says_why_and_dates_are_one_style(an, lang: str, doc: str) -> None:
    assert sorted(f for name, result in views(an, lang, doc).items() for f in failures(result, name)) == []


def test_with_official_data_loaded_too(data) -> None:
    loaded = loaded_data(data)
    assert sorted(f for name, result in views(loaded, "id", DOCS[1]).items() for f in failures(result, name)) == []


def test_the_walk_finds_a_bare_dash_an_iso_date_and_a_key(an) -> None:
    """The check can fail: what the views showed before the fixes is reported, each kind once."""
    r = peta.view(an, peta.Settings("layak", "63.10.01", DOCS[0]))
    table = pd.DataFrame({"Capaian": [fmt.MISSING], "Tenggat": ["2025-11-14"], "Klinik": ["01-12-2026"]})
    found = failures((r.peringkat, table, "Laju yang diperlukan –", "grafik.kk_tanpa_genangan"), "x")
    kinds = sorted(tuple(f.split(" (")[0].split(": ", 1)) for f in found)
    assert kinds == [("x", "a dash that does not say why"), ("x", "an i18n key shown as text"),
                     ("x[Capaian]", "a dash that does not say why"),
                     ("x[Klinik]", "a date not written as '14 November 2025'"),
                     ("x[Tenggat]", "a date not written as '14 November 2025'")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_map_without_targets_says_so_in_its_tooltip_and_counts_no_households_for_hectares(an, lang: str) -> None:
    """The standing-water map (SSK sets no kecamatan targets for it) read 'Target –', 'Selisih –' and a line titled
    'grafik.kk_tanpa_genangan'; hectares have no households short, so that line is gone."""
    r = sampah_drainase.view(an, sampah_drainase.Settings(DOCS[0], lang=lang))
    tips = [tip for _, tip in texts(r.peta.spec, "") if isinstance(tip, str)]
    assert "grafik.kk_tanpa_genangan" not in tips
    props = r.peta.spec["datasets"][charts.MAP_VALUES][0]  # what each kecamatan shows, looked up by its code
    assert props["target_teks"] == props["selisih_teks"] == "– (" + i18n.t("kosong.tanpa_target", lang) + ")"
