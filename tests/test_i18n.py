"""The catalogues agree: same keys, same placeholders, and every key the code asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from sanitasi import i18n, indicators, kinds
from sanitasi.progress import Status

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("app_pages/*.py"), ROOT / "app.py", *ROOT.glob("ui/*.py"), *ROOT.glob("sanitasi/**/*.py")]
LITERAL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys() -> None:
    assert set(i18n.ID) - set(i18n.EN) == set()
    assert set(i18n.EN) - set(i18n.ID) == set()


@pytest.mark.parametrize("key", sorted(i18n.ID))
def test_placeholders_match_between_languages(key: str) -> None:
    assert placeholders(i18n.ID[key]) == placeholders(i18n.EN[key]), key


def test_every_literal_key_in_the_code_exists() -> None:
    used = {m.group(1) for path in SOURCES for m in LITERAL.finditer(path.read_text(encoding="utf-8"))}
    assert len(used) > 50  # the pattern really finds the calls
    missing = sorted(k for k in used if k not in i18n.ID)
    assert missing == []


@pytest.mark.parametrize("key", [
    *(f"status.{s.value}" for s in Status), "status.tanpa_target",
    *(f"kalimat.{s.value}" for s in Status), "kalimat.tanpa_target",
    *(f"definisi.{k}" for k in indicators.REGISTRY),
    *(f"grafik.kk_tanpa_{k}" for k in indicators.HEADLINE),
    *(f"peta.warna_{m}" for m in ("nilai", "selisih", "status")),
    *(f"peta.tampilan_{m}" for m in ("wilayah", "petak")),
    *(f"lintasan.basis_{b}" for b in ("kini", "2020")),
    *(f"lintasan.seri_{s}" for s in ("observasi", "tren", "proyeksi", "jalur")),
    *(f"lintasan.jenis_{j}" for j in ("antara", "akhir")),
    *(f"kebutuhan.skenario_input_{d}" for d in ("naik", "babs")),
    *(f"kebutuhan.k_akses_{d}" for d in ("naik", "babs")),
    *(f"berkas.{f}.{part}" for f, _ in kinds.bundled_files() for part in ("isi", "sumber", "status")),
    *(f"data.jenis_{k}" for k in kinds.REGISTRY), *(f"data.bantuan_{k}" for k in kinds.importable()),
])
def test_keys_built_at_run_time_exist(key: str) -> None:
    assert key in i18n.ID and key in i18n.EN


def test_every_indicator_has_labels_in_both_languages() -> None:
    for ind in indicators.REGISTRY.values():
        assert ind.label("id") and ind.label("en") and ind.label("id") != ""
        assert ind.arah in (1, -1)
        assert ind.satuan("id") and ind.satuan("en")


@pytest.mark.parametrize(("key", "lang", "kwargs", "expected"), [
    ("kartu.dari_tahun", "id", {"tahun": 2024}, "dari 2024"),
    ("kartu.dari_tahun", "en", {"tahun": 2024}, "on 2024"),
    ("status.memburuk", "en", {}, "Deteriorating"),
    ("status.memburuk", "xx", {}, "Memburuk"),  # unknown language falls back to Indonesian
    ("tidak.ada", "id", {}, "tidak.ada"),  # unknown key shows itself, never crashes a page
])
def test_lookup(key: str, lang: str, kwargs: dict, expected: str) -> None:
    assert i18n.t(key, lang, **kwargs) == expected
