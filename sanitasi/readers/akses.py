"""The access table read from the files officials hold, each row with its level, source, unit and official flag.

- **Kecamatan counts** (Dinkes STBM, EHRA, the Pokja's surveys): one row per kecamatan and year, households
  (`jumlah_kk`) on the five rungs, or the five rungs as percentages with `jumlah_kk` (turned into whole households
  that add up, by largest remainder). A row coded 63.10 or named JUMLAH / TOTAL / Kabupaten is the file's total:
  checked against the sum of the kecamatan rows of its year and source, and not stored.
- **Kabupaten series** (BPS Susenas): rows of the kabupaten only (63.10 or 6310, "Kabupaten Tanah Bumbu", "Kab.
  Tanah Bumbu", "Tanah Bumbu", or no area column at all), several years, as published percentages in any of the
  layouts of `sanitasi.readers.published`, or as counts. BPS's tables list the province's other kabupaten too:
  their rows are left out, with a note.
- **The dashboard's own export**: kecamatan counts and kabupaten percentages in one file, each row with its source;
  a kabupaten row of another source than the kecamatan rows of its year is a series of its own, not their total.

`sumber`, `satuan` and `resmi` come from the file's columns where it has them, else from the editor's choice
(`Pilihan`: the Data page's preview, the command line's options), else from the defaults of the file's kind: a
kabupaten file of percentages is "BPS Susenas <last year>" in rumah tangga, any other file is its own name in KK;
neither is official until the editor says so. `attrs["tanya"]` lists what the file left to the editor,
`attrs["pilihan"]` what was used, `attrs["tingkat"]` the file's level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from sanitasi import KODE_KABUPATEN, NAMA_KABUPATEN, kinds, matching
from sanitasi.contracts import AKSES, check_codes
from sanitasi.errors import DataError, Problem
from sanitasi.headers import (
    AKSES_AREA_CODE,
    AKSES_AREA_NAME,
    AREA_NAME,
    HOUSEHOLDS,
    INDICATOR,
    OFFICIAL,
    PUBLISHED_ERRORS,
    PUBLISHED_SHARES,
    RUNG_COUNTS,
    RUNG_SHARES,
    SOURCE,
    UNIT,
    VALUE,
    VALUE_ERRORS,
    YEAR,
    Field,
)
from sanitasi.indicators import RUNG_COLUMNS
from sanitasi.matching import AreaIndex
from sanitasi.readers import published
from sanitasi.readers.ladder import SHARE_COLUMNS, households, rung_problems
from sanitasi.readers.reading import FIRST_YEAR, ColumnError, Reading, area, blank, num_text
from sanitasi.schema import validate, whole_numbers
from sanitasi.tables import ROW_COLUMN, normalise_header, read_table, source

ASKED = ("sumber", "satuan", "resmi")  # what the editor may set for the rows whose file leaves it empty
META_FIELDS = (AKSES_AREA_CODE, AKSES_AREA_NAME, YEAR, SOURCE, UNIT, OFFICIAL, INDICATOR, HOUSEHOLDS)
PERCENT_FIELDS = (*PUBLISHED_SHARES, *PUBLISHED_ERRORS)
KNOWN = frozenset(s for f in kinds.get("akses").fields for s in f.synonyms)  # every header spelling it reads
MEASURES = ("jumlah_kk", *RUNG_COLUMNS, *(c for c in AKSES.names if c.startswith(("pct_", "rse_", "ci_"))))
_UNITS = {matching.normalise_name(w): unit for unit, words in {
    "rumah_tangga": ("rumah tangga", "rumah_tangga", "rt", "ruta", "household", "households", "persen rumah tangga",
                     "% rumah tangga"),
    "kk": ("kk", "kepala keluarga", "keluarga", "jumlah kk", "% kk", "persen kk"),
    "jiwa": ("jiwa", "penduduk", "orang", "persons", "people", "population", "% penduduk")}.items() for w in words}
_OFFICIAL = {**dict.fromkeys(("ya", "y", "yes", "resmi", "official", "true", "1", "benar"), "ya"),
             **dict.fromkeys(("tidak", "t", "no", "bukan", "tidakresmi", "bukanresmi", "unofficial", "false", "0",
                              "ilustratif", "contoh"), "tidak")}


@dataclass(frozen=True)
class Pilihan:
    """What the editor chose for the rows the file leaves empty (None: the file's own, else the default)."""

    sumber: str | None = None
    satuan: str | None = None  # rumah_tangga, kk or jiwa
    resmi: str | None = None  # ya or tidak
    indikator: str | None = None  # the indicator of a table of one indicator: layak, aman or babs_terbuka

    @classmethod
    def of(cls, given: Pilihan | Mapping[str, Any] | None) -> Pilihan:
        if isinstance(given, Pilihan):
            return given
        given = given or {}
        return cls(**{f.name: str(given[f.name]).strip() or None if given.get(f.name) is not None else None
                      for f in fields(cls)})


@dataclass(frozen=True)
class Shape:
    """How a file gives access: `jumlah` (counts, or the rungs as percentages: `rungs`), or published shares by
    `kolom` (a column per indicator), by `nilai` (one value column) or by `tahun` (years as columns)."""

    layout: str
    rungs: tuple[str, ...] = ()
    years: Mapping[str, int] | None = None
    generic: Mapping[str, str] | None = None  # rse / ci_bawah / ci_atas -> header, for one-indicator tables


def read(file: Any, wilayah: pd.DataFrame, *, name_map: Mapping[str, str] | None = None,
         column_map: Mapping[str, str] | None = None, sheet: str | None = None,
         pilihan: Pilihan | Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The `akses_sanitasi` contract's rows from an official's file, or DataError with every problem at once."""
    choice = Pilihan.of(pilihan)
    src = source(file)
    table = read_table(src, sheet=sheet, score=_header_score, limits=kinds.get("akses").limits)
    r = Reading(src.name, table, {}, table.attrs.get("desimal_koma", True))
    shape = _shape(r, column_map)
    if shape.layout == "jumlah":
        records = _count_records(r, shape)
    elif shape.layout == "kolom":
        records = published.by_columns(r, shape.generic or {})
    elif shape.layout == "nilai":
        records = published.by_value(r, shape.generic or {}, choice.indikator)
    else:
        records = published.by_year_columns(r, shape.years or {}, choice.indikator)
    rec = pd.DataFrame(records, columns=[ROW_COLUMN, "tahun", *published.META, *MEASURES, *SHARE_COLUMNS])
    return _finish(r, rec, shape, wilayah, name_map, choice)


# ------------------------------------------------------------------------------------- which columns, which layout
def _header_score(cells: list[str]) -> int:
    """Known headers, and years written as headers (BPS's tables): used to find the header row."""
    return sum(1 for c in cells if c and (normalise_header(c) in KNOWN or published.year_of(c) is not None))


def _claim(headers: list[str], wanted: tuple[Field, ...], column_map: Mapping[str, str] | None,
           ) -> tuple[dict[str, str], list[str]]:
    """The headers these fields claim (the user's own choices first), and the headers left."""
    names = {f.name for f in wanted}
    found, _ = matching.match_columns(headers, wanted, {h: f for h, f in (column_map or {}).items() if f in names})
    return found, [h for h in headers if h not in found.values()]


def _shape(r: Reading, column_map: Mapping[str, str] | None) -> Shape:
    headers = [h for h in r.table.columns if h != ROW_COLUMN]
    years = {h: y for h in headers if (y := published.year_of(h)) is not None}
    meta, rest = _claim([h for h in headers if h not in years], META_FIELDS, column_map)
    counts, after_counts = _claim(rest, tuple(RUNG_COUNTS), column_map)
    shares, _ = _claim(after_counts, tuple(RUNG_SHARES), column_map)
    for rungs, left in ((counts, after_counts), (shares, [h for h in after_counts if h not in shares.values()])):
        if len(rungs) == 5:  # the ladder, maybe with published kabupaten shares beside it (the dashboard's export)
            extra, unmatched = _claim(left, PERCENT_FIELDS, column_map)
            r.found = {**meta, **rungs, **extra}
            _require(r, meta, unmatched, counts=True)
            return Shape("jumlah", tuple(rungs))
    # published shares: their spellings take back the headers a partial ladder claimed ("aman", "% BABS")
    pub, unmatched = _claim(rest, (*PERCENT_FIELDS, VALUE, *VALUE_ERRORS), column_map)
    partial = {f: h for f, h in {**counts, **shares}.items() if h not in pub.values()}
    wide = bool(years) and "tahun" not in meta and not pub
    if (pub or wide) and not partial:
        r.found = {**meta, **pub}
        if "jumlah_kk" in meta:
            r.notes.append("Kolom jumlah KK tidak disimpan: persentase terbitan disimpan tanpa jumlah rumah tangga.")
        if not wide:
            _require(r, meta, unmatched, counts=False)
        generic = {part: pub[part] for part in published.ERRORS if part in pub}
        if wide:
            return Shape("tahun", years=years)
        return Shape("nilai" if "nilai" in pub else "kolom", generic=generic)
    _require(r, meta, [h for h in rest if h not in {**counts, **shares}.values()], counts=True)
    have, need = (counts, RUNG_COUNTS) if len(counts) >= len(shares) else (shares, RUNG_SHARES)
    missing = [f for f in need if f.name not in have]
    raise ColumnError([Problem(r.name, 1, f.label, None, "kolom anak tangga ini tidak ditemukan; perlu kelima anak "
                               "tangga (jumlah KK atau persen)") for f in missing], missing, unmatched)


def _require(r: Reading, meta: Mapping[str, str], unmatched: list[str], counts: bool) -> None:
    """A file of counts needs its areas, years and households; a file of shares its years (no area: the kabupaten)."""
    missing = [f for f in (YEAR, *([HOUSEHOLDS] if counts else [])) if f.name not in meta]
    if counts and "kode_wilayah" not in meta and "nama_wilayah" not in meta:
        missing.insert(0, AREA_NAME)
    if missing:
        raise ColumnError([Problem(r.name, 1, f.label or f.name, None, "kolom ini tidak ditemukan; judul kolom yang "
                                   "tidak dikenali: " + (", ".join(unmatched) or "(tidak ada)")) for f in missing],
                          missing, unmatched)


def _count_records(r: Reading, shape: Shape) -> list[dict[str, Any]]:
    """One record per row of a file of counts (or rung percentages); a kabupaten row of published shares beside
    them (the dashboard's export) is a record of shares only."""
    kk = r.numbers("jumlah_kk", "jumlah_kk").tolist()
    rungs = {c: r.numbers(c).tolist() for c in shape.rungs}
    shares = {c: h for c, h in r.found.items() if c.startswith(("pct_", "rse_", "ci_"))}
    tahun = r.years().tolist()
    as_shares = shape.rungs[0].startswith("pst_")
    # each column once as a list: a column per cell would cost a pandas Series per cell
    meta = {m: r.table[r.found[m]].tolist() if m in r.found else [None] * len(r.table) for m in published.META}
    share_cells = {c: r.table[h].tolist() for c, h in shares.items()}
    counted_cells = [r.table[r.found[c]].tolist() for c in ("jumlah_kk", *shape.rungs)]
    records = []
    for i, at in enumerate(int(a) for a in r.table[ROW_COLUMN]):
        rec = {ROW_COLUMN: at, "tahun": tahun[i], **{m: meta[m][i] for m in published.META}}
        values = {c: published.value(share_cells[c][i], r, at, h) for c, h in shares.items()}
        if all(blank(cells[i]) for cells in counted_cells) and any(not np.isnan(v) for v in values.values()):
            records.append(rec | values)
            continue
        rung_problems(r, i, kk[i], list(shape.rungs), [rungs[c][i] for c in shape.rungs], as_shares)
        records.append(rec | {"jumlah_kk": kk[i], **{c: rungs[c][i] for c in shape.rungs}} | values)
    return records


# ------------------------------------------------------------------------------------- areas, sources, totals
def _finish(r: Reading, rec: pd.DataFrame, shape: Shape, wilayah: pd.DataFrame,
            name_map: Mapping[str, str] | None, choice: Pilihan) -> pd.DataFrame:
    rec = rec.assign(**{m: rec[m].astype(object).where(rec[m].notna(), None) for m in published.META})
    has_area = "kode_wilayah" in r.found or "nama_wilayah" in r.found
    index = AreaIndex.of(wilayah)
    classes = [_class(c, n, index, name_map) if has_area else ("kabupaten", KODE_KABUPATEN)
               for c, n in zip(rec["kode_wilayah"], rec["nama_wilayah"], strict=True)]
    if has_area:
        _disagreements(r, rec, index, name_map)
    else:
        r.notes.append(f"Tidak ada kolom wilayah: semua baris dianggap baris {NAMA_KABUPATEN}.")
    level = "kecamatan" if any(c == "kecamatan" for c, _ in classes) else "kabupaten"
    counted = rec[["jumlah_kk", *RUNG_COLUMNS, *SHARE_COLUMNS]].notna().any(axis=1)
    keep = _kept(r, rec, classes, level, index, name_map)
    percent_file = level == "kabupaten" and not counted[keep].any()
    last = rec.loc[keep, "tahun"].max() if keep.any() else np.nan
    default = {"sumber": f"BPS Susenas {int(last)}" if percent_file and not np.isnan(last) else r.name,
               "satuan": "rumah_tangga" if percent_file else "kk", "resmi": "tidak"}
    used = {f: getattr(choice, f) or default[f] for f in ASKED}
    meta = _meta(r, rec, used)
    rec = rec.assign(kode_wilayah=[k for _, k in classes], **meta)
    totals = _totals(r, rec, classes, keep, level, counted, shape)
    rec = rec.loc[keep & ~totals].reset_index(drop=True)
    rec = _joined(r, rec, shape)
    problems = r.problems + _key_problems(r, rec, wilayah)
    if problems:
        raise DataError(problems)
    out = _counted(r, rec, shape)
    try:
        result = validate(out[AKSES.names].astype(object).where(out[AKSES.names].notna(), None), AKSES)
    except DataError as err:
        rows = out[ROW_COLUMN].to_numpy()
        raise DataError([Problem(r.name, int(rows[p.baris - 2]) if p.baris else None, p.kolom, p.nilai, p.pesan)
                         for p in err.problems], err.more) from None
    result = whole_numbers(result.astype({"tahun": "int64"})).sort_values(["tahun", "kode_wilayah", "sumber"])
    result = result.reset_index(drop=True)
    asked = [f for f in ASKED if f not in r.found or any(blank(v) for v in out.get(f"_{f}_sel", []))]
    if shape.layout in ("nilai", "tahun") and "indikator" not in r.found:
        asked.append("indikator")
    result.attrs.update(catatan=r.notes, tingkat=level, tanya=tuple(asked),
                        pilihan={**used, "indikator": choice.indikator}, persen=not counted[keep].any())
    return result


def _disagreements(r: Reading, rec: pd.DataFrame, index: AreaIndex, name_map: Mapping[str, str] | None) -> None:
    """A row whose code names one kecamatan and whose name another is a problem with both (once per row)."""
    column = r.found.get("kode_wilayah") or r.found.get("nama_wilayah")
    said: set[int] = set()
    for at, code, name in zip(rec[ROW_COLUMN], rec["kode_wilayah"], rec["nama_wilayah"], strict=True):
        pair = index.disagreement(code, name, name_map)
        if pair is not None and int(at) not in said:
            said.add(int(at))
            r.problems.append(Problem(r.name, int(at), column, f"{str(code).strip()} / {str(name).strip()}",
                                      index.disagreement_text(pair, code, name)))


def _class(code: Any, name: Any, index: AreaIndex, name_map: Mapping[str, str] | None) -> tuple[str, str | None]:
    """What one row's area cells name: a kecamatan (with its code), the kabupaten, a total line, nothing, or
    something else (another kabupaten of a BPS table, or a misspelt kecamatan)."""
    hit = index.code_for(code, name, name_map)
    if hit is not None:
        return "kecamatan", hit
    if matching.is_kabupaten(code, name):
        return "kabupaten", KODE_KABUPATEN
    if matching.is_total(code, name):
        return "total", KODE_KABUPATEN
    if not str(code if code is not None else "").strip() and not str(name if name is not None else "").strip():
        return "kosong", None
    return "lain", None


def _kept(r: Reading, rec: pd.DataFrame, classes: list[tuple[str, str | None]], level: str, index: AreaIndex,
          name_map: Mapping[str, str] | None) -> pd.Series:
    """The records of the file's own area: in a kecamatan file every row must name one (kabupaten and total rows
    are kept for the totals check); in a kabupaten file the kabupaten's rows, other areas left out with a note."""
    column = r.found.get("nama_wilayah") or r.found.get("kode_wilayah")
    explicit = any(c == "kabupaten" for c, _ in classes)
    keep, others, previous, said = [], [], None, set()
    rows = zip(rec[ROW_COLUMN].tolist(), rec["kode_wilayah"].tolist(), rec["nama_wilayah"].tolist(), strict=True)
    for j, ((cls, _), (at, code, name)) in enumerate(zip(classes, rows, strict=True)):
        at = int(at)
        if level == "kecamatan" or (cls == "lain" and not explicit):
            ok = cls in ("kecamatan", "kabupaten", "total")
            if not ok and at not in said:  # a row of a years-as-columns table is several records: said once
                said.add(at)
                if cls == "kosong":
                    r.problems.append(Problem(r.name, at, column, None, "kode atau nama kecamatan wajib diisi"))
                else:
                    area(code, name, index, name_map, False, (r.name, at, column), r.problems)
        elif cls == "kosong":  # a merged cell of a BPS table: the area of the row above
            ok = previous in ("kabupaten", None) or (previous == "total" and not explicit)
            if ok:
                classes[j] = ("kabupaten", KODE_KABUPATEN)
        else:
            ok = cls == "kabupaten" or (cls == "total" and not explicit)
            if not ok:
                others.append((at, str(name if name is not None and str(name).strip() else code)))
        previous = cls if cls != "kosong" else previous
        keep.append(ok)
    if others:
        shown = ", ".join(dict.fromkeys(n for _, n in others))
        rows = ", ".join(str(a) for a in dict.fromkeys(a for a, _ in others))
        r.notes.append(f"Baris wilayah lain diabaikan (baris {rows}): {shown}; "
                       f"hanya baris {NAMA_KABUPATEN} yang dimuat.")
    return pd.Series(keep, index=rec.index, dtype=bool)


def _meta(r: Reading, rec: pd.DataFrame, used: Mapping[str, str]) -> dict[str, list]:
    """Source, unit and official flag of every record: its cell where filled, else the choice or default."""
    out: dict[str, list] = {}
    for f, words in (("sumber", None), ("satuan", _UNITS), ("resmi", _OFFICIAL)):
        cells, values = rec[f].tolist(), []
        for at, cell in zip(rec[ROW_COLUMN], cells, strict=True):
            if blank(cell):
                values.append(used[f])
            elif words is None:
                values.append(str(cell).strip())
            else:
                hit = words.get(matching.normalise_name(cell))
                if hit is None:
                    expected = "rumah_tangga, kk, atau jiwa" if f == "satuan" else "ya atau tidak"
                    r.problems.append(Problem(r.name, int(at), r.found[f], str(cell), f"{f} harus {expected}"))
                values.append(hit)
        out[f] = values
        out[f"_{f}_sel"] = cells
    return out


def _totals(r: Reading, rec: pd.DataFrame, classes: list[tuple[str, str | None]], keep: pd.Series, level: str,
            counted: pd.Series, shape: Shape) -> pd.Series:
    """Kabupaten and total rows of a kecamatan file, of the source of the kecamatan rows of their year: checked
    against those rows' sum (counts) and not stored. Another source's kabupaten row is a series of its own."""
    total = pd.Series(False, index=rec.index)
    if level != "kecamatan":
        return total
    kec = rec.loc[[c == "kecamatan" for c, _ in classes]]
    years = kec["tahun"].dropna().unique()
    checked, unchecked = [], []
    for i, (cls, _) in enumerate(classes):
        if cls not in ("kabupaten", "total") or not keep.iloc[i]:
            continue
        x = rec.iloc[i]
        tahun = x["tahun"] if not np.isnan(x["tahun"]) or len(years) != 1 else years[0]
        part = kec.loc[(kec["tahun"] == tahun) & (kec["sumber"] == x["sumber"])]
        if part.empty:
            if cls == "total":  # a total line of a year without kecamatan rows: the kabupaten's own figure
                continue
            continue
        total.iloc[i] = True
        if not counted.iloc[i]:
            unchecked.append(int(x[ROW_COLUMN]))
            continue
        checked.append(int(x[ROW_COLUMN]))
        columns = ["jumlah_kk"] if shape.rungs[0].startswith("pst_") else ["jumlah_kk", *shape.rungs]
        for c in columns:
            own, whole = x[c], part[c].sum()
            if not np.isnan(own) and own != whole:
                r.problems.append(Problem(r.name, int(x[ROW_COLUMN]), r.found.get(c, c), num_text(own),
                                          f"baris jumlah tidak sama dengan jumlah baris kecamatan tahun {int(tahun)}: "
                                          f"{num_text(own)} di baris ini, {num_text(whole)} dari kecamatan; selisih "
                                          f"{num_text(own - whole)}"))
    if checked:
        r.notes.append(f"Baris jumlah/kabupaten (baris {', '.join(map(str, checked))}) diperiksa terhadap jumlah baris "
                       "kecamatan tahunnya dan tidak disimpan: rekap kecamatan dihitung dasbor sendiri.")
    if unchecked:
        r.notes.append(f"Baris kabupaten (baris {', '.join(map(str, unchecked))}) tanpa jumlah KK tidak disimpan: "
                       "angka kabupaten terbitan dimuat sebagai berkas tingkat kabupaten.")
    return total


# ------------------------------------------------------------------------------------- rows, keys, counts
def _joined(r: Reading, rec: pd.DataFrame, shape: Shape) -> pd.DataFrame:
    """A one-value or years-as-columns table gives one value per record: the records of one area, year and source
    become one row (an indicator given twice for them is a duplicate)."""
    if shape.layout not in ("nilai", "tahun"):
        return rec
    rows: list[dict[str, Any]] = []
    seen: dict[tuple, int] = {}
    for x in rec.to_dict("records"):
        if pd.isna(x["kode_wilayah"]) or np.isnan(x["tahun"]):
            continue
        k = (x["kode_wilayah"], x["tahun"], x["sumber"])
        if k not in seen:
            seen[k] = len(rows)
            rows.append(x)
            continue
        first = rows[seen[k]]
        for m in MEASURES:
            if np.isnan(x[m]):
                continue
            if not np.isnan(first[m]):
                r.problems.append(Problem(r.name, int(x[ROW_COLUMN]), None, f"{m}, {int(x['tahun'])}",
                                          f"baris ganda: nilai ini untuk tahun {int(x['tahun'])} sudah ada di baris "
                                          f"{int(first[ROW_COLUMN])}"))
            else:
                first[m] = x[m]
    return pd.DataFrame(rows, columns=rec.columns)


def _key_problems(r: Reading, rec: pd.DataFrame, wilayah: pd.DataFrame) -> list[Problem]:
    """Rows given twice (area, year and source), and kecamatan used before they existed."""
    last = pd.Timestamp.today().year
    ok = rec["kode_wilayah"].notna() & rec["tahun"].between(FIRST_YEAR, last) & (rec["tahun"] % 1 == 0)
    keys = rec.loc[ok].reset_index(drop=True)
    at, kode, tahun = keys[ROW_COLUMN].tolist(), keys["kode_wilayah"].tolist(), keys["tahun"].tolist()
    problems = [Problem(r.name, int(at[i]), None, f"{kode[i]}, {int(tahun[i])}",
                        "baris ganda: wilayah, tahun dan sumber ini sudah ada di baris sebelumnya")
                for i in np.flatnonzero(keys.duplicated(["kode_wilayah", "tahun", "sumber"]).to_numpy())]
    kec = keys.loc[keys["kode_wilayah"] != KODE_KABUPATEN].reset_index(drop=True)
    found = check_codes(kec.assign(tahun=kec["tahun"].astype("int64")), wilayah, r.name)
    rows = kec[ROW_COLUMN].tolist()
    return problems + [Problem(r.name, int(rows[p.baris - 2]), p.kolom, p.nilai, p.pesan) for p in found]


def _counted(r: Reading, rec: pd.DataFrame, shape: Shape) -> pd.DataFrame:
    """The rows with whole households per rung, where the rungs came as percentages."""
    if shape.rungs and shape.rungs[0].startswith("pst_"):
        return households(rec, r.notes)
    return rec
