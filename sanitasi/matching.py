"""Match what a file says to what the dashboard knows: column headers to fields, names to kecamatan codes.

Codes first (Kemendagri `63.10.01` or `631001`, BPS `6310050`), then names after normalising
case, spaces, the `Kec.`/`Kecamatan` prefix, `Sei` -> `Sungai`, and the spelling aliases in
`wilayah.csv`. What does not match exactly is never matched by guesswork: it is reported with the
closest names as suggestions, and the user's confirmed choices come back as `name_map`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from sanitasi import KODE_KABUPATEN
from sanitasi.headers import Field
from sanitasi.tables import normalise_header


def match_columns(headers: Iterable[str], fields: Iterable[Field],
                  column_map: Mapping[str, str] | None = None) -> tuple[dict[str, str], list[str]]:
    """Field name -> the file's header that holds it, and the headers nothing claimed.

    `column_map` (file header -> field name) carries the user's choices and wins over synonyms.
    A header is used for one field only; exact synonym matches only, no fuzzy guessing.
    """
    headers = [h for h in headers if h != "_baris"]
    found: dict[str, str] = {}
    used: set[str] = set()
    for header, field in (column_map or {}).items():
        if header in headers and field:
            found[field] = header
            used.add(header)
    norm = {h: normalise_header(h) for h in headers}
    for field in fields:
        if field.name in found:
            continue
        for h in headers:
            if h not in used and norm[h] in field.synonyms:
                found[field.name] = h
                used.add(h)
                break
    return found, [h for h in headers if h not in used]


def header_score(fields: Iterable[Field]):
    """How many cells of a row are known header spellings: used to find the header row."""
    known = {s for f in fields for s in f.synonyms}

    def score(cells: list[str]) -> int:
        return sum(1 for c in cells if c and normalise_header(c) in known)

    return score


# ------------------------------------------------------------------------------------- areas
def normalise_name(name: object) -> str:
    """'Kec. Sei Loban' -> 'sungailoban'; 'KECAMATAN  Batu Licin' -> 'batulicin'."""
    text = str(name or "").lower().strip()
    text = re.sub(r"^(kec\.?|kecamatan)\s+", "", text)
    text = re.sub(r"\bsei\b", "sungai", text)
    return re.sub(r"[^a-z0-9]", "", text)


def digits(code: object) -> str:
    return re.sub(r"\D", "", str(code or ""))


@dataclass(frozen=True)
class AreaIndex:
    """Every way a kecamatan of `wilayah` can be written, to its Kemendagri code."""

    by_code: dict[str, str]
    by_name: dict[str, str]
    names: dict[str, str]  # kode -> official name

    @classmethod
    def of(cls, wilayah: pd.DataFrame) -> AreaIndex:
        by_code: dict[str, str] = {}
        by_name: dict[str, str] = {}
        names: dict[str, str] = {}
        for _, w in wilayah.iterrows():
            kode = str(w["kode"])
            names[kode] = str(w["nama"])
            by_code[kode] = kode
            by_code[digits(kode)] = kode
            bps = w.get("kode_bps")
            if bps is not None and pd.notna(bps) and str(bps).strip():
                by_code[digits(bps)] = kode
            by_name[normalise_name(w["nama"])] = kode
            aliases = w.get("alias")
            for alias in ("" if aliases is None or pd.isna(aliases) else str(aliases)).split(";"):
                if alias.strip():
                    by_name[normalise_name(alias)] = kode
        return cls(by_code, by_name, names)

    def code_for(self, code: object = None, name: object = None,
                 name_map: Mapping[str, str] | None = None) -> str | None:
        """The Kemendagri code for a cell pair, or None: code first, then confirmed names, then names."""
        if code is not None and str(code).strip():
            raw = str(code).strip()
            hit = self.by_code.get(raw) or self.by_code.get(digits(raw))
            if hit:
                return hit
        if name is not None and str(name).strip():
            if name_map and str(name).strip() in name_map:
                return name_map[str(name).strip()] or None
            return self.by_name.get(normalise_name(name))
        return None

    def disagreement(self, code: object, name: object,
                     name_map: Mapping[str, str] | None = None) -> tuple[str, str] | None:
        """(the code's kecamatan, the name's kecamatan) when both cells name a kecamatan, and not the same one:
        `63.10.01;Satui` names Batulicin by its code and Satui by its name. None when they agree or one is empty."""
        if code is None or not str(code).strip() or name is None or not str(name).strip():
            return None
        by_code = self.by_code.get(str(code).strip()) or self.by_code.get(digits(code))
        by_name = self.code_for(None, name, name_map)
        if by_code is None or by_name is None or by_code == by_name:
            return None
        return by_code, by_name

    def disagreement_text(self, pair: tuple[str, str], code: object, name: object) -> str:
        """'kode 63.10.01 adalah Batulicin, tetapi nama 'Satui' adalah Satui (63.10.04); ...'."""
        by_code, by_name = pair
        return (f"kode {str(code).strip()} adalah {self.names[by_code]}, tetapi nama '{str(name).strip()}' adalah "
                f"{self.names[by_name]} ({by_name}); perbaiki kode atau namanya")

    def suggestions(self, text: object, n: int = 3) -> list[tuple[str, str]]:
        """The closest official names to an unmatched name: [(kode, nama)]."""
        keys = list(self.by_name)
        close = difflib.get_close_matches(normalise_name(text), keys, n=n * 2, cutoff=0.5)
        out: list[tuple[str, str]] = []
        for key in close:
            kode = self.by_name[key]
            if kode not in [k for k, _ in out]:
                out.append((kode, self.names[kode]))
        return out[:n]


TOTAL_WORDS = ("jumlah", "total", "kabupaten", "tanahbumbu", "kab")


def is_kabupaten(code: object, name: object) -> bool:
    """Kabupaten Tanah Bumbu itself: code 63.10 (BPS 6310), or its name with or without 'Kabupaten'/'Kab.'."""
    if str(code if code is not None else "").strip() in (KODE_KABUPATEN, digits(KODE_KABUPATEN)):
        return True
    n = re.sub(r"(kabupaten|kab)$", "", re.sub(r"^(kabupaten|kab)", "", normalise_name(name)))
    return n == "tanahbumbu"


def _worded(code: object) -> str:
    """A code cell that holds words instead of a code ('JUMLAH' written in the code column), normalised; '' for
    a code (digits and dots)."""
    text = normalise_name(code)
    return text if re.search(r"[a-z]", text) else ""


def is_total(code: object, name: object) -> bool:
    """A totals line named as such ('Jumlah', 'TOTAL', 'Jumlah Kabupaten', a bare 'Kabupaten'), in the name column
    or written in the code column; in a BPS table of every kabupaten the province's total line is one too, so it
    is never taken for Tanah Bumbu's own row."""
    return any(bool(n) and (n.startswith(("jumlah", "total", "rekap")) or n in ("kabupaten", "kab", "kabupatenkota"))
               for n in (normalise_name(name), _worded(code)))


def is_total_row(code: object, name: object) -> bool:
    """A totals line ("Jumlah", "Total", "Kabupaten Tanah Bumbu", code 63.10) below the kecamatan rows; the words
    may stand in the code column ("JUMLAH" under "Kode")."""
    c = str(code or "").strip()
    return c in (KODE_KABUPATEN, digits(KODE_KABUPATEN)) or any(
        n.startswith(w) for n in (normalise_name(name), _worded(code)) if n for w in TOTAL_WORDS)
