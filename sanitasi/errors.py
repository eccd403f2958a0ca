"""One error type for bad data, carrying every problem found (row, column, value, what was expected)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one cell (or one row, or the whole table when `baris` is None).

    `baris` is the row number as a person sees it in a spreadsheet: the header is row 1,
    the first data row is row 2.
    """

    tabel: str
    baris: int | None
    kolom: str | None
    nilai: str | None
    pesan: str
    jenis: str = ""  # a machine-readable kind, e.g. UNKNOWN_AREA, so the UI can offer a fix
    saran: tuple[tuple[str, str], ...] = ()  # suggested (kode, nama) for an unknown area

    def __str__(self) -> str:
        where = [f"tabel {self.tabel}"]
        if self.baris is not None:
            where.append(f"baris {self.baris}")
        if self.kolom:
            where.append(f"kolom '{self.kolom}'")
        found = f" (ditemukan: '{self.nilai}')" if self.nilai not in (None, "") else ""
        return f"{', '.join(where)}: {self.pesan}{found}"


UNKNOWN_AREA = "wilayah_tak_dikenal"
MAX_PROBLEMS = 200  # listed one by one; the rest are counted (a million bad rows are one message, not a million)


class DataError(ValueError):
    """Raised when a table breaks its contract. `problems` lists them in the order found, the first `MAX_PROBLEMS`
    of them; `more` counts the rest, so a file with a million bad cells costs a list of 200 and a number."""

    def __init__(self, problems: list[Problem], more: int = 0):
        problems = list(problems)
        self.problems = problems[:MAX_PROBLEMS]
        self.more = more + max(0, len(problems) - MAX_PROBLEMS)
        head = f"{self.total} masalah pada data"
        rest = [f"- dan {self.more} masalah lain"] if self.more else []
        super().__init__(head + ":\n" + "\n".join([*(f"- {p}" for p in self.problems), *rest]))

    @property
    def total(self) -> int:
        """Every problem found, listed or counted."""
        return len(self.problems) + self.more


def unknown_areas(error: DataError) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Each distinct unknown kecamatan name in an error, with its suggestions, for the matching step."""
    seen: dict[str, tuple[tuple[str, str], ...]] = {}
    for p in error.problems:
        if p.jenis == UNKNOWN_AREA and p.nilai is not None and p.nilai not in seen:
            seen[p.nilai] = p.saran
    return list(seen.items())
