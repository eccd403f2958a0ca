"""Imported text is data, never markup: every free-text field of every table kind carries HTML and markdown, goes in
through the real import path (a file read by `readers.read_kind`, saved to a store), and every page, in both
languages, shows it as typed: no element's markdown or HTML holds it unescaped, and where it is shown it is whole.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from sanitasi import deck, exports, fmt, readers, store
from sanitasi.load import Dataset
from sanitasi.tables import Source

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ["ringkasan", "paparan", "peta", "lintasan_target", "kecamatan", "kebutuhan", "program_ssk", "stbm",
         "sampah_drainase", "opd", "komitmen", "metodologi", "data"]
PAYLOAD = (" <img src=x onerror=alert(1)> ![](http://example.com/x.png) **bold** [link](http://example.com) "
           "<script>alert(2)</script>")
# the free-text fields of each kind an official loads (codes, dates and words from a fixed list are checked
# against their list at import, so they cannot carry markup)
FIELDS = {
    "target": ["dokumen", "catatan"],
    "biaya": ["langkah", "sumber", "catatan"],
    "akses": ["sumber"],
    "stbm_desa": ["nama_desa", "sumber"],
    "sampah": ["sumber"],
    "drainase": ["sumber"],
    "kegiatan": ["opd", "program", "kegiatan", "sumber"],
    "komitmen": ["pihak", "komitmen", "catatan"],
    "peran": ["opd", "catatan", "sumber"],
    "ssk": ["program", "kegiatan", "sub_kegiatan", "opd", "sumber_dana", "sumber"],
}
FILE = "<img src=x onerror=alert(3)>**berkas**[x](http://example.com).csv"
# markup a renderer would act on: an HTML tag, a link or image target, bold, not preceded by a backslash escape
ACTIVE = re.compile(r"(?<!\\)<(?:img|script)|(?<!\\)\]\(http|(?<![\\*])\*\*bold")
TAG = re.compile(r"<(?:img|script)")
UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
WHOLE = PAYLOAD.strip()


def hostile(frame, fields: list[str]):
    out = frame.copy()
    for c in fields:
        out[c] = [None if v is None or v != v else f"{v}{PAYLOAD}" for v in out[c].astype(object)]
    return out


@pytest.fixture(scope="module")
def marked_store(tmp_path_factory: pytest.TempPathFactory, dataset: Dataset) -> Iterator[str]:
    """A store whose active version holds every kind above, each loaded from a file whose text fields carry markup."""
    url = f"sqlite:///{tmp_path_factory.mktemp('markup') / 'markup.db'}"
    s = store.Store(url)
    for kind, fields in FIELDS.items():
        data = exports.table_file(kind, hostile(getattr(dataset, kind), fields), dataset.wilayah, ".csv")
        frame = readers.read_kind(kind, Source(FILE, data), dataset.wilayah)
        s.save(kind, frame, store.Meta(berkas=FILE, checksum=store.checksum(data), oleh="Ani <b>x</b>",
                                       catatan="**catatan** <img src=x>"), bundled=dataset, mode="ganti")
    s.engine.dispose()
    yield url


def texts_of(at: AppTest) -> Iterator[tuple[str, str]]:
    """(element type, text) of every string a browser would render as markdown or HTML: bodies, labels, help."""
    def walk(node) -> Iterator:
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        for field, value in proto.ListFields():
            if field.name in ("body", "label", "help", "caption", "text", "placeholder") and isinstance(value, str):
                yield node.type, value
            if field.name == "options" and node.type == "button_group":
                yield node.type, str(value)


def check(at: AppTest, where: str) -> int:
    """Nothing active; every place that shows the payload shows it whole. Returns how many places show it."""
    assert not at.exception, (where, [e.value for e in at.exception])
    shown = 0
    for kind, text in texts_of(at):
        if kind == "html":  # drawn as HTML, not markdown: no tag of the payload's, its text as typed
            assert not TAG.search(text), (where, kind, text[:400])
            plain = html.unescape(text)
        else:
            assert not ACTIVE.search(text), (where, kind, text[:400])
            plain = UNESCAPE.sub(r"\1", text)
        if "onerror=alert(1)" in plain:
            assert WHOLE in plain, (where, kind, text[:400])
            shown += 1
    return shown


@pytest.fixture
def on_marked_store(marked_store: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(store.ENV_URL, marked_store)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def opened(page: str, lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(f"app_pages/{page}.py")
    for key, value in {"lang": lang, **params}.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_imported_markup_is_shown_as_text_on_every_page(lang: str, on_marked_store: None) -> None:
    shown = {}
    for page in PAGES:
        at = opened(page, lang)
        shown[page] = check(at, f"{page}/{lang}")
        if page == "paparan":  # every slide (1, 3 and 4 carry the target document's name), each opened by its URL
            count = int(re.search(r"(\d+)</div>$", [m.value for m in at.markdown if "text-align:center" in m.value][0])
                        .group(1))
            for n in range(2, count + 1):
                shown[page] += check(opened(page, lang, slide=str(n)), f"{page}/{lang}/{n}")
    # the payload is really on screen where imported text is (so the checks above looked at it)
    assert all(shown[p] for p in ("ringkasan", "paparan", "lintasan_target", "opd", "komitmen", "program_ssk",
                                  "kebutuhan")), shown


def test_the_data_page_shows_imported_names_and_files_as_text(on_marked_store: None) -> None:
    at = AppTest.from_file(str(ROOT / "app_pages" / "data.py"), default_timeout=120)
    at.session_state["data_buka_lihat"] = True  # the tables and the comparison are built once their box is opened
    at.session_state["data_buka_banding"] = True
    at.run()
    check(at, "data")
    for kind in ("target", "komitmen"):
        at.selectbox(key="data_lihat").set_value(kind).run()
        check(at, f"data/{kind}")
    versions = [b for b in at.selectbox if b.key == "data_versi"][0]
    versions.set_value(versions.options and 1).run()  # an older version: its difference from the active one
    at.selectbox(key="data_banding_jenis").set_value("komitmen").run()
    check(at, "data/banding")


@pytest.mark.parametrize("kind", ["target", "komitmen", "ssk"])
def test_a_visitor_checking_a_file_with_markup_sees_it_as_text(kind: str, on_marked_store: None,
                                                               dataset: Dataset) -> None:
    """The dry run's preview (what the file holds, its notes, what it would change) names the file and its rows."""
    data = exports.table_file(kind, hostile(getattr(dataset, kind), FIELDS[kind]), dataset.wilayah, ".csv")
    at = AppTest.from_file(str(ROOT / "app_pages" / "data.py"), default_timeout=120).run()
    at.selectbox(key="data_jenis").set_value(kind).run()
    at.file_uploader(key=f"unggah_{kind}_0").set_value((FILE, data, "text/csv")).run()
    assert at.success, [e.value for e in at.error]  # read without problems: the preview is shown
    check(at, f"data/unggah/{kind}")


def test_inert_escapes_every_markup_character_and_only_the_imported_texts_within() -> None:
    escaped = fmt.inert(WHOLE)
    assert not ACTIVE.search(escaped)
    assert UNESCAPE.sub(r"\1", escaped) == WHOLE == fmt.uninert(escaped)
    name = f"RPJMN 2025-2029{PAYLOAD}"
    sentence = f"Target **30%** pada 2029 ({name})"
    said = fmt.inert(sentence, within=(name, "tidak ada di kalimat <b>"))
    assert said == f"Target **30%** pada 2029 ({fmt.inert(name)})"  # our own emphasis stays, the name is inert
    assert fmt.inert(sentence, within=()) == sentence
    # a slide's text box drops our emphasis and keeps the name's asterisks
    assert deck.plain(sentence, keep=(name,)) == f"Target 30% pada 2029 ({name})"
    assert deck.plain(sentence) == sentence.replace("*", "")
