"""Metodologi: the definitions, formulas and thresholds with their sources, the targets of every document, and
where every data file comes from; the tables are written from the registries so text and formulas cannot drift
from the code."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sanitasi import facts, fmt, i18n, indicators, kinds, kinerja, progress
from sanitasi.analysis import Analysis
from sanitasi.documents import catalogue
from sanitasi.progress import Status, status_label
from sanitasi.views import opd
from sanitasi.views.display import Table


@dataclass(frozen=True)
class Settings:
    lang: str = "id"


@dataclass(frozen=True)
class Metodologi:
    indikator: Table  # one row per registered indicator: label, definition, JMP, direction, formula
    status_teks: str  # how a status is decided, with the window of years the pace is measured over
    status: Table  # one row per status: its rule
    ppsp_teks: str  # the agency signals, with their thresholds
    target: Table  # every target row of every document, with its family and period
    kinerja: Table  # how yearly targets are judged: capaian and the Permendagri 86/2017 bands
    berkas: pd.DataFrame  # every bundled file: what it holds, where it comes from, its status
    fakta: pd.DataFrame  # the published figures shown beside the data, with their source and confidence
    buka: dict[str, str]  # "target", "berkas", "fakta": the label of the closed box each long table opens from


def view(an: Analysis, s: Settings) -> Metodologi:
    t, lang = i18n.t, s.lang
    targets, files, facts = target_table(an, lang), file_table(lang), facts_table(an, lang)
    return Metodologi(
        indikator=Table(indicator_table(lang), None, t("metodologi.sumber_indikator", lang)),
        status_teks=t("metodologi.status_teks", lang, window=progress.DEFAULT_WINDOW),
        status=Table(status_table(lang), None, t("metodologi.status_sumber", lang)),
        # the thresholds the OPD page judges agencies by (sanitasi.ppsp for now)
        ppsp_teks=t("metodologi.ppsp_teks", lang, ahead=fmt.number(opd.AHEAD, 0, lang),
                    lag=fmt.number(opd.LAG, 0, lang)),
        target=Table(targets, None, t("metodologi.sumber_target", lang)),
        kinerja=Table(kinerja.method_rows(lang), None, t("metodologi.sumber_kinerja", lang)),
        berkas=files,
        fakta=facts,
        buka={key: t("metodologi.buka_tabel", lang, n=fmt.number(len(frame), 0, lang))
              for key, frame in (("target", targets), ("berkas", files), ("fakta", facts))},
    )


def facts_table(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """Every published figure the dashboard shows as comparison or context (data/sumber/fakta_publik.csv): what,
    where, when, the value as published, its source, and how far to trust it ('periksa' where its note asks)."""
    t = i18n.t
    f = an.data.fakta if an.data.fakta is not None else pd.DataFrame(columns=facts.COLUMNS)
    return pd.DataFrame({
        t("metodologi.k_topik", lang): [t(f"topik.{x}", lang) for x in f["topik"]],
        t("metodologi.k_wilayah", lang): f["wilayah"].to_numpy(),
        t("grafik.tahun", lang): f["tahun"].astype(str).to_numpy(),
        t("grafik.nilai", lang): [_published(r, lang) for _, r in f.iterrows()],
        t("metodologi.k_sumber", lang): f["sumber"].to_numpy(),
        t("metodologi.k_keyakinan", lang): [t(f"metodologi.keyakinan_{r['keyakinan']}", lang)
                                            + (f" — {t('fakta_publik.periksa', lang, catatan=r['catatan'])}"
                                               if facts.check(r) else "")
                                            for _, r in f.iterrows()],
    })


def _published(row: pd.Series, lang: str) -> str:
    """The value as published with its unit: numbers the Indonesian way, ranges ('8-10') as written."""
    value = fmt.number(row["angka"], 2 if row["angka"] != int(row["angka"]) else 0, lang) if pd.notna(
        row["angka"]) else str(row["nilai"])
    return f"{value} {row['satuan']}"


def indicator_table(lang: str = "id") -> pd.DataFrame:
    t = i18n.t
    return pd.DataFrame([{
        t("tabel.indikator", lang): i.label(lang),
        t("metodologi.k_definisi", lang): t(f"definisi.{i.kode}", lang),
        t("metodologi.k_jmp", lang): i.jmp_en if lang == "en" else i.jmp_id,
        t("metodologi.k_arah", lang): t("metodologi.arah_naik" if i.arah > 0 else "metodologi.arah_turun", lang),
        t("metodologi.k_rumus", lang): formula(i),
    } for i in indicators.REGISTRY.values()])


def status_table(lang: str = "id") -> pd.DataFrame:
    """Each status with the rule that gives it; R is the current pace over the pace needed."""
    t = i18n.t
    on, acc = fmt.number(progress.ON_TRACK, 2, lang), fmt.number(progress.NEEDS_ACCELERATION, 2, lang)
    rules = {
        Status.TERCAPAI: t("metodologi.aturan_tercapai", lang),
        Status.SESUAI_JALUR: f"R ≥ {on}",
        Status.PERLU_PERCEPATAN: f"{acc} ≤ R < {on}",
        Status.LAMBAT: f"0 ≤ R < {acc}",
        Status.MEMBURUK: "R < 0",
        Status.TIDAK_TERCAPAI: t("metodologi.aturan_tidak_tercapai", lang),
        Status.DATA_KURANG: t("metodologi.aturan_data_kurang", lang),
    }
    return pd.DataFrame([{t("tabel.status", lang): status_label(s.value, lang),
                          t("metodologi.k_aturan", lang): rule} for s, rule in rules.items()])


def target_table(an: Analysis, lang: str = "id") -> pd.DataFrame:
    """Every target row as the file has it, with the document's family and period (`documents.catalogue`: the
    columns, else the name) and its note (the source line; what to check)."""
    t = i18n.t
    tg = an.data.target
    docs = {d.nama: d for d in catalogue(tg)}
    return pd.DataFrame({
        t("tabel.dokumen", lang): tg["dokumen"],
        t("metodologi.k_periode", lang): [t("dokumen.periode", lang, keluarga=docs[n].label_keluarga,
                                            mulai=docs[n].mulai, akhir=docs[n].akhir) for n in tg["dokumen"]],
        t("tabel.indikator", lang): [indicators.get(k).label(lang) for k in tg["indikator"]],
        t("metodologi.k_wilayah", lang): tg["kode_wilayah"].fillna(t("umum.kabupaten", lang)),
        t("grafik.tahun", lang): tg["tahun"].astype(str),
        t("tabel.target", lang): [indicators.get(k).teks(v, lang) for k, v in zip(tg["indikator"], tg["nilai"],
                                                                                   strict=True)],
        t("metodologi.k_catatan", lang): tg["catatan"].fillna(""),
    })


def file_table(lang: str = "id") -> pd.DataFrame:
    t = i18n.t
    return pd.DataFrame([{
        t("metodologi.k_berkas", lang): name,
        t("metodologi.k_isi", lang): t(f"berkas.{key}.isi", lang),
        t("metodologi.k_sumber", lang): t(f"berkas.{key}.sumber", lang),
        t("metodologi.k_status", lang): t(f"berkas.{key}.status", lang),
    } for key, name in kinds.bundled_files()])


def formula(ind: indicators.Indicator) -> str:
    """100 × (kk_a + kk_b) / jumlah_kk, written from the registry so it cannot drift from the code."""
    top = " + ".join(ind.pembilang)
    if ind.penyebut is None:
        return f"Σ {top} ({ind.satuan_id})"
    return f"100 × ({top}) / {ind.penyebut}" if len(ind.pembilang) > 1 else f"100 × {top} / {ind.penyebut}"
