"""One row of the benchmark table, and the table printed as Markdown (it goes into docs/performance.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    section: str
    measure: str
    value: str
    goal: str = ""
    met: bool | None = None  # None: a figure without a goal
    note: str = ""


def markdown(rows: list[Row]) -> str:
    mark = {True: "met", False: "**MISSED**", None: ""}
    lines = ["| Section | Measure | Result | Goal | Met | Note |", "|---|---|---|---|---|---|"]
    lines += [f"| {r.section} | {r.measure} | {r.value} | {r.goal} | {mark[r.met]} | {r.note} |" for r in rows]
    return "\n".join(lines)
