"""Indonesian number formats: decimal comma, thousands dot, Rupiah in words, signed changes with a real minus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi import fmt

MINUS = "\u2212"
DASH = "\u2013"


@pytest.mark.parametrize(("call", "expected"), [
    # percentages
    (lambda: fmt.pct(82.6), "82,6%"),
    (lambda: fmt.pct(82.55), "82,6%"),      # half up on the written digits (stored as 82.5499...)
    (lambda: fmt.pct(82.64), "82,6%"),
    (lambda: fmt.pct(100), "100,0%"),
    (lambda: fmt.pct(7, 0), "7%"),
    (lambda: fmt.pct(82.6, lang="en"), "82.6%"),
    (lambda: fmt.pct(np.float64(5.25)), "5,3%"),
    # households
    (lambda: fmt.kk(12345), "12.345 KK"),
    (lambda: fmt.kk(12345.6), "12.346 KK"),
    (lambda: fmt.kk(1234567), "1.234.567 KK"),
    (lambda: fmt.kk(12345, "en"), "12,345 households"),
    (lambda: fmt.kk(np.int64(999)), "999 KK"),
    # rupiah
    (lambda: fmt.rupiah(1.2e9), "Rp1,2 miliar"),
    (lambda: fmt.rupiah(350_000), "Rp350.000"),
    (lambda: fmt.rupiah(1e9), "Rp1 miliar"),                 # "1,0" loses its ",0"
    (lambda: fmt.rupiah(2.5e12), "Rp2,5 triliun"),
    (lambda: fmt.rupiah(7.25e6), "Rp7,3 juta"),              # 7.25 half up
    (lambda: fmt.rupiah(999_999), "Rp999.999"),
    (lambda: fmt.rupiah(-350_000), MINUS + "Rp350.000"),
    (lambda: fmt.rupiah(1.2e9, "en"), "Rp1.2 billion"),
    (lambda: fmt.rupiah(3e6, "en"), "Rp3 million"),
    (lambda: fmt.rupiah(350_000, "en"), "Rp350,000"),
    # signed changes
    (lambda: fmt.delta(1.44), "+1,4 poin"),
    (lambda: fmt.delta(-0.5), MINUS + "0,5 poin"),
    (lambda: fmt.delta(0), "\u00b10 poin"),
    (lambda: fmt.delta(-0.04), "\u00b10 poin"),                # rounds to zero: no sign, no "-0"
    (lambda: fmt.delta(1.44, lang="en"), "+1.4 points"),
    (lambda: fmt.delta(-1234.5, lang="en"), MINUS + "1,234.5 points"),
    (lambda: fmt.delta(2.5, unit="%"), "+2,5 %"),
    (lambda: fmt.delta(2.5, unit=""), "+2,5"),
    (lambda: fmt.rate(1.234), "+1,23 poin/tahun"),
    (lambda: fmt.rate(-0.5, "en"), MINUS + "0.50 points/year"),
    (lambda: fmt.ratio(0.853), "85%"),
    (lambda: fmt.ratio(-0.2), MINUS + "20%"),
    # plain numbers
    (lambda: fmt.number(12345.678, 1), "12.345,7"),
    (lambda: fmt.number(12345.678, 1, "en"), "12,345.7"),
    (lambda: fmt.number(-1234.5, 1), MINUS + "1.234,5"),
    (lambda: fmt.number(-0.04, 1), "0,0"),
    (lambda: fmt.number(2.5), "3"),
    (lambda: fmt.number(0.125, 2), "0,13"),
    (lambda: fmt.year(2027.0), "2027"),
    (lambda: fmt.year(np.int64(2030)), "2030"),
])
def test_format(call, expected):
    assert call() == expected


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, "abc"])
@pytest.mark.parametrize("function", [fmt.number, fmt.pct, fmt.kk, fmt.rupiah, fmt.delta, fmt.rate, fmt.ratio,
                                      fmt.year])
def test_missing_is_a_dash(function, missing):
    assert function(missing) == DASH


@pytest.mark.parametrize(("x", "expected"), [
    (1, True), (2.5, True), (np.float64(3.0), True), (float("nan"), False), (None, False), ("1", False),
])
def test_is_number(x, expected):
    assert fmt.is_number(x) is expected


def parse(text: str, lang: str) -> float:
    """Read a formatted number back: drop thousands separators, make the decimal mark a dot."""
    text = text.replace(MINUS, "-")
    if lang == "en":
        return float(text.replace(",", ""))
    return float(text.replace(".", "").replace(",", "."))


@settings(max_examples=200, deadline=None)
@given(x=st.floats(-1e12, 1e12, allow_nan=False), decimals=st.integers(0, 3), lang=st.sampled_from(["id", "en"]))
def test_number_round_trips(x, decimals, lang):
    text = fmt.number(x, decimals, lang)
    back = parse(text, lang)
    # within half a unit of the last shown digit (plus float noise for numbers near 1e12)
    assert abs(back - x) <= 0.5 * 10.0**-decimals + abs(x) * 1e-15 + 1e-12
    # a real minus sign, never a hyphen; thousands in groups of three; exactly `decimals` digits
    assert "-" not in text
    mark, sep = (".", ",") if lang == "en" else (",", ".")
    whole, _, frac = text.removeprefix(MINUS).partition(mark)
    groups = whole.split(sep)
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert len(frac) == decimals and (frac.isdigit() or decimals == 0)


@pytest.mark.parametrize(("value", "expected"), [
    (999_950_000, "Rp1 miliar"),  # 0,99995 miliar rounds to 1,0: never "Rp1.000 juta"
    (999_940_000, "Rp999,9 juta"),  # 999,94 juta rounds to 999,9: stays in juta
    (999_900_000, "Rp999,9 juta"),
    (999_999, "Rp999.999"),  # under one million every digit stays
])
def test_rupiah_scale_is_chosen_after_rounding(value: float, expected: str) -> None:
    assert fmt.rupiah(value) == expected


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("2025-11-14", "id", "14 November 2025"),
    ("2025-05-01", "id", "1 Mei 2025"),
    ("2025-08-17", "en", "17 August 2025"),
    (None, "id", "–"),
    ("", "id", "–"),
    ("segera", "id", "segera"),  # a text that is not a date stays as written
])
def test_one_date_style(value, lang: str, expected: str) -> None:
    assert fmt.date(value, lang) == expected


@pytest.mark.parametrize(("text", "markup"), [("babs_terbuka", False), ("dana_desa", False), ("snake__case", False),
                                              ("_miring_", True), ("Dinas <b>PUPR</b>", True), ("**tebal**", True),
                                              ("kode_x [tautan](http://example.com)", True), ("x_", True)])
def test_an_underscore_inside_a_word_is_not_markup(text: str, markup: bool) -> None:
    """Codes are not escaped: an escaped code reached file names and choices as `babs\\_terbuka`."""
    assert fmt.has_markup(text) is markup


def test_markdown_html_reads_our_bold_and_line_breaks() -> None:
    assert fmt.markdown_html("Target **30%** pada 2029  \nKurang **20,9 poin** dari target.") == \
        "Target <strong>30%</strong> pada 2029<br>Kurang <strong>20,9 poin</strong> dari target."
    assert fmt.markdown_html("a\nb & <c>") == "a<br>b &amp; &lt;c&gt;"
    assert fmt.markdown_html("**tak tertutup") == "<strong>tak tertutup</strong>"  # never an open tag left behind


@given(st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=60))
@settings(max_examples=300, deadline=None)
def test_markdown_html_shows_an_inert_text_as_typed(text: str) -> None:
    # whatever an imported name holds, escaped by `inert` it comes out of the HTML as the characters typed
    import html
    assert fmt.markdown_html(fmt.inert(text)) == html.escape(text, quote=False)


@given(st.text(alphabet="*\\<>&ab \n_`[]()!", max_size=60))
@settings(max_examples=300, deadline=None)
def test_markdown_html_makes_no_tag_but_strong_and_br(text: str) -> None:
    import re
    out = fmt.markdown_html(text)
    tags = re.findall(r"<[^>]*>", out)
    assert set(tags) <= {"<strong>", "</strong>", "<br>"}
    assert tags.count("<strong>") == tags.count("</strong>")
