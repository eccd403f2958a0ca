"""Published figures the dashboard shows beside its own data, each with its source and a confidence.

`data/sumber/fakta_publik.csv` lists what public sources say: the national and Kalimantan Selatan Susenas
access series, the plan targets, Tanah Bumbu's waste from KLHK SIPSN, the IPLT, ODF declarations. A row marked
`sedang` is a secondary report or a table read from a scrambled text copy: it is shown with its source line, and
with "periksa" where its note asks for it. Nothing here is ever blended into the district's own series: these are
comparison lines and context, labelled as such.
"""

from __future__ import annotations

import csv

import pandas as pd

from sanitasi import i18n, paths

COLUMNS = ["topik", "wilayah", "kode", "tahun", "nilai", "satuan", "sumber", "keyakinan", "catatan"]
# the access topics and the indicator each one is
ACCESS_TOPICS = {"akses_layak": "layak", "akses_aman": "aman", "babs_terbuka": "babs_terbuka"}
REFERENCE_AREAS = {"00": "nasional", "63": "provinsi"}  # Indonesia, Kalimantan Selatan


def load(path=paths.FAKTA_CSV) -> pd.DataFrame:
    """The facts as published: `nilai` as a number where it is one (`angka`), as written otherwise.

    The file is kept as it came; one note holds an unquoted decimal comma ("Rp3,85 juta"), so a row with more
    fields than columns has its extra fields joined back into the note.
    """
    with open(path, encoding="utf-8", newline="") as f:
        header, *lines = list(csv.reader(f))
    rows = [line[:len(header) - 1] + [",".join(line[len(header) - 1:])] for line in lines if line]
    raw = pd.DataFrame(rows, columns=header)[COLUMNS].replace("", None)
    number = pd.to_numeric(raw["nilai"], errors="coerce")
    return raw.assign(tahun=raw["tahun"].astype(int), angka=number,
                      catatan=raw["catatan"].fillna(""), keyakinan=raw["keyakinan"].fillna(""))


def check(row: pd.Series) -> bool:
    """Does the row ask to be checked against its source before it is relied on?"""
    return row["keyakinan"] == "sedang" and "periksa" in str(row["catatan"]).lower()


def source_text(row: pd.Series, lang: str = "id") -> str:
    """'BPS Susenas 2023 ...' with '(periksa ...)' when the row asks for it."""
    text = str(row["sumber"])
    if check(row):
        text += " — " + i18n.t("fakta_publik.periksa", lang, catatan=row["catatan"])
    return text


def reference(facts: pd.DataFrame, indikator: str, lang: str = "id") -> pd.DataFrame:
    """The national and provincial series of an access indicator: `wilayah` (nasional/provinsi), `label`,
    `tahun`, `nilai`, `sumber` (per point, with 'periksa' where asked). Empty for other indicators."""
    topics = [t for t, k in ACCESS_TOPICS.items() if k == indikator]
    rows = facts.loc[facts["topik"].isin(topics) & facts["kode"].isin(list(REFERENCE_AREAS)) & facts["angka"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["wilayah", "label", "tahun", "nilai", "sumber"])
    where = rows["kode"].map(REFERENCE_AREAS)
    return pd.DataFrame({
        "wilayah": where.to_numpy(),
        "label": [i18n.t(f"fakta_publik.{w}", lang) for w in where],
        "tahun": rows["tahun"].to_numpy(),
        "nilai": rows["angka"].to_numpy(),
        "sumber": [source_text(r, lang) for _, r in rows.iterrows()],
    }).sort_values(["wilayah", "tahun"], kind="stable").reset_index(drop=True)


# waste shares as KLHK SIPSN publishes them for Tanah Bumbu: the tonnes handled or reduced over the tonnes generated
WASTE_TOPICS = {"sampah_pengurangan": "sampah_pengurangan", "sampah_penanganan": "sampah_penanganan"}
KODE_KABUPATEN = "63.10"


def waste(facts: pd.DataFrame, indikator: str, lang: str = "id") -> pd.DataFrame:
    """Tanah Bumbu's own published waste share of an indicator, year by year where SIPSN gives both the tonnes and
    the generation: `wilayah, label, tahun, nilai, sumber` (a real point beside the illustrative series)."""
    empty = pd.DataFrame(columns=["wilayah", "label", "tahun", "nilai", "sumber"])
    if indikator not in WASTE_TOPICS:
        return empty
    part = topic(facts, WASTE_TOPICS[indikator], KODE_KABUPATEN).set_index("tahun")
    made = topic(facts, "sampah_timbulan", KODE_KABUPATEN).set_index("tahun")
    years = sorted(set(part.index) & set(made.index))
    if not years:
        return empty
    return pd.DataFrame({
        "wilayah": "kabupaten", "label": i18n.t("fakta_publik.sipsn", lang), "tahun": years,
        "nilai": [100.0 * part.loc[y, "angka"] / made.loc[y, "angka"] for y in years],
        "sumber": [source_text(part.loc[y], lang) for y in years],
    })


def topic(facts: pd.DataFrame, name: str, kode: str | None = None) -> pd.DataFrame:
    """The rows of one topic (e.g. 'sampah_timbulan', 'iplt_kapasitas_desain'), for one area code if given."""
    rows = facts.loc[facts["topik"] == name]
    return rows if kode is None else rows.loc[rows["kode"] == kode]
