"""Persampahan & drainase: the district's waste reduction and handling against the document that sets them
(Jakstranas 2025), each with its trajectory; standing water per kecamatan on the map and the district's path."""

from __future__ import annotations

from dataclasses import dataclass

from sanitasi import facts, fmt, i18n, indicators
from sanitasi.analysis import KABUPATEN, Analysis
from sanitasi.cards import Card, cards
from sanitasi.documents import target_document, target_documents
from sanitasi.maps import map_values
from sanitasi.trajectories import trajectory
from sanitasi.views.display import Figure, source_line
from sanitasi.views.lintasan_target import trajectory_chart
from sanitasi.views.peta import area_map

WASTE = ("sampah_pengurangan", "sampah_penanganan")  # one column each
STANDING_WATER = "genangan"
# chart heights: a waste trajectory across the page under the cards; the map and the path side by side
WASTE_HEIGHT, MAP_HEIGHT, WATER_HEIGHT = 280, 420, 300


@dataclass(frozen=True)
class Settings:
    dokumen: str
    lang: str = "id"


@dataclass(frozen=True)
class Waste:
    """One waste indicator: its card and sentence in a column, and its trajectory (in a tab of its own, under the
    two columns) when a document sets it a target."""

    judul: str  # the indicator's name: its trajectory's tab
    kartu: tuple[Card, ...]  # none when the data have no value for it
    kalimat: str | None  # None (and no chart) when no document sets a target
    lintasan: Figure | None


@dataclass(frozen=True)
class SampahDrainase:
    sampah: tuple[Waste, ...]  # in the order of WASTE
    jalur: tuple[Waste, ...]  # those with a trajectory: a tab each, drawn when shown (one chart at first, not two)
    nyata: str  # what KLHK SIPSN published for Tanah Bumbu (the real points on the waste charts); '' when none
    peta: Figure  # standing water per kecamatan
    kalimat: str  # the district's standing water against its document ('' when none)
    lintasan: Figure  # the district's standing water over the years


def view(an: Analysis, s: Settings) -> SampahDrainase:
    t, lang = i18n.t, s.lang
    docs = target_documents(an, WASTE, s.dokumen)
    waste_src = source_line(an.data, "sampah", lang=lang)
    sampah = []
    for k in WASTE:
        kartu = tuple(cards(an, s.dokumen, lang, codes=(k,), docs=tuple(docs.items())))
        if k not in docs:
            sampah.append(Waste(indicators.get(k).label(lang), kartu, None, None))
            continue
        tr = trajectory(an, KABUPATEN, k, docs[k], lang)
        lines = [waste_src] + ([t("lintasan.pembanding", lang, sumber=tr.pembanding["label"].iloc[0])]
                               if len(tr.pembanding) else [])
        chart = trajectory_chart(tr, title=indicators.get(k).label(lang), source=lines, lang=lang,
                                 height=WASTE_HEIGHT)
        sampah.append(Waste(indicators.get(k).label(lang), kartu, tr.kalimat, Figure(chart, f"lintasan_{k}")))

    ind = indicators.get(STANDING_WATER)
    doc = target_document(an, STANDING_WATER, s.dokumen) or s.dokumen
    water_src = source_line(an.data, "drainase", lang=lang)
    area = area_map(an, map_values(an, STANDING_WATER, doc, lang), STANDING_WATER, mode="nilai", layout="wilayah",
                    selected=None, title=t("peta.judul_grafik", lang, indikator=ind.label(lang), tahun=an.tahun),
                    source=water_src, lang=lang, height=MAP_HEIGHT)
    tr = trajectory(an, KABUPATEN, STANDING_WATER, doc, lang)
    path = trajectory_chart(tr, title=t("lintasan.judul_grafik", lang, indikator=ind.label(lang), wilayah=tr.nama),
                            source=water_src, lang=lang, height=WATER_HEIGHT)
    return SampahDrainase(
        sampah=tuple(sampah),
        jalur=tuple(w for w in sampah if w.lintasan is not None),
        nyata=published_waste(an, lang),
        peta=Figure(area, f"peta_genangan_{an.tahun}"),
        kalimat=tr.kalimat,
        lintasan=Figure(path, "lintasan_genangan"),
    )


def published_waste(an: Analysis, lang: str = "id") -> str:
    """One paragraph of what KLHK SIPSN published for Tanah Bumbu: the tonnes generated each year it gives, and
    the shares reduced and handled where it gives both (those are the real points on the waste charts)."""
    if an.data.fakta is None:
        return ""
    made = facts.topic(an.data.fakta, "sampah_timbulan", facts.KODE_KABUPATEN).sort_values("tahun")
    made = made.loc[made["tahun"] <= an.tahun]
    if made.empty:
        return ""
    tonnes = ", ".join(f"{int(r.tahun)}: {fmt.number(r.angka, 0, lang)} ton" for r in made.itertuples())
    shares = []
    for k in WASTE:
        real = facts.waste(an.data.fakta, k, lang)
        real = real.loc[real["tahun"] <= an.tahun]
        if len(real):
            last = real.iloc[-1]
            shares.append(i18n.t("sampah.nyata_porsi", lang, indikator=indicators.get(k).label(lang).lower(),
                                 tahun=int(last["tahun"]), nilai=fmt.pct(last["nilai"], 1, lang)))
    text = i18n.t("sampah.nyata", lang, timbulan=tonnes, sumber=made["sumber"].iloc[-1])
    if not shares:
        return text
    first = shares[0][:1].upper() + shares[0][1:]
    return f"{text} {'; '.join([first, *shares[1:]])}. {i18n.t('sampah.nyata_titik', lang)}"
