"""Persampahan & drainase: the district's waste reduction and handling against the document that sets them
(Jakstranas 2025), each with its trajectory; standing water per kecamatan on the map and the district's path."""

from __future__ import annotations

from dataclasses import dataclass

from sanitasi import i18n, indicators
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
# chart heights: the waste trajectories sit in half the width under a card; the map and the path side by side
WASTE_HEIGHT, MAP_HEIGHT, WATER_HEIGHT = 260, 420, 300


@dataclass(frozen=True)
class Settings:
    dokumen: str
    lang: str = "id"


@dataclass(frozen=True)
class Waste:
    """One waste indicator's column: its card, and its trajectory when a document sets it a target."""

    kartu: tuple[Card, ...]  # none when the data have no value for it
    kalimat: str | None  # None (and no chart) when no document sets a target
    lintasan: Figure | None


@dataclass(frozen=True)
class SampahDrainase:
    sampah: tuple[Waste, ...]  # in the order of WASTE
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
            sampah.append(Waste(kartu, None, None))
            continue
        tr = trajectory(an, KABUPATEN, k, docs[k], lang)
        chart = trajectory_chart(tr, title=indicators.get(k).label(lang), source=waste_src, lang=lang,
                                 height=WASTE_HEIGHT)
        sampah.append(Waste(kartu, tr.kalimat, Figure(chart, f"lintasan_{k}")))

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
        peta=Figure(area, f"peta_genangan_{an.tahun}"),
        kalimat=tr.kalimat,
        lintasan=Figure(path, "lintasan_genangan"),
    )
