"""Text written as one HTML block: a page's title and lead, a section's heading and its help, a message in a tinted
box, a list, a row of figures, status cards, a static table, small print. Each Streamlit text element (title,
markdown, caption, info) costs the browser a render of its own on every click, about 6 ms (five of them on Program
SSK: 30 ms, a quarter of the bare app's whole click); one block of the same text costs about one. The text is our own
markdown (`fmt.markdown_html`: bold and line breaks; every other character escaped, so an imported name shows as
typed)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from sanitasi import fmt
from sanitasi.cards import Card
from sanitasi.views.display import Table
from ui.render import badge, card_html, download_xlsx, figures_html, table_html
from ui.state import t


@dataclass(frozen=True)
class Title:
    """The page's title (what `st.title` drew)."""
    text: str


@dataclass(frozen=True)
class Heading:
    """A section's heading (what `st.subheader` drew)."""
    text: str


@dataclass(frozen=True)
class Para:
    """Paragraphs (what `st.markdown` drew): one a line, and within a line at its blank lines; a paragraph whose lines
    all start with "- " is a list. Empty lines left out."""
    lines: str | Sequence[str]


@dataclass(frozen=True)
class Small:
    """Small print: a help line, a source, a note (what `st.caption` drew), a paragraph a line."""
    lines: str | Sequence[str]


@dataclass(frozen=True)
class Points:
    """A bulleted list (what `ui.points` drew)."""
    lines: Sequence[str]


@dataclass(frozen=True)
class Badge:
    """A status badge in the status colour (`ui.badge`)."""
    status: str


@dataclass(frozen=True)
class Box:
    """A message in a tinted box with its icon (what `st.info`, `st.warning` ... drew), its paragraphs and lists as
    `Para`'s; nothing when `text` is empty. `icon` is a Material Symbols name (Streamlit ships the font: nothing is
    fetched); `kind` the tint."""
    text: str
    icon: str = "info"
    kind: str = "info"


@dataclass(frozen=True)
class Figures:
    """Figures with their labels in a row that wraps to the width."""
    pairs: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Cards:
    """Status cards, at most `per_row` in a row (`ui.render.card_html`)."""
    items: Sequence[Card]
    per_row: int
    brief: bool = False


@dataclass(frozen=True)
class TablePart:
    """A static table with its title, lead and small print (what `ui.table` draws alone); `frame` a view's `Table`
    (its source line under it) or a data frame; None draws nothing."""
    frame: Any
    title: str = ""
    lead: str | Sequence[str] = ""
    foot: Sequence[str] = ()


Part = Title | Heading | Para | Small | Points | Badge | Box | Figures | Cards | TablePart
KINDS = ("info", "warning", "success", "error")


def prose(*parts: Part | None) -> None:
    """Write the parts, in order, as one HTML block; a part with nothing to say (and None) is left out."""
    body = "".join(part_html(p) for p in parts if p is not None)
    if body:
        st.html(f"<div class='teks'>{body}</div>")


def _lines(lines: str | Sequence[str]) -> list[str]:
    return [x for x in ([lines] if isinstance(lines, str) else lines) if x]


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{fmt.markdown_html(x)}</li>" for x in items) + "</ul>"


def _paragraphs(text: str) -> str:
    """A text's paragraphs (split at blank lines) as <p>, a paragraph whose every line starts with "- " a list."""
    out = []
    for block in (b.strip("\n") for b in text.split("\n\n")):
        rows = block.split("\n")
        if block and all(r.startswith("- ") for r in rows):
            out.append(_list([r[2:] for r in rows]))
        elif block:
            out.append(f"<p>{fmt.markdown_html(block)}</p>")
    return "".join(out)


def part_html(p: Part) -> str:
    """One part's HTML; empty where it has nothing to say."""
    md = fmt.markdown_html
    if isinstance(p, Title):
        return f"<h1>{md(p.text)}</h1>" if p.text else ""
    if isinstance(p, Heading):
        return f"<h3>{md(p.text)}</h3>" if p.text else ""
    if isinstance(p, Para):
        return "".join(_paragraphs(x) for x in _lines(p.lines))
    if isinstance(p, Small):
        return "".join(f"<p class='kecil'>{md(x)}</p>" for x in _lines(p.lines))
    if isinstance(p, Points):
        return _list([x for x in p.lines if x]) if any(p.lines) else ""
    if isinstance(p, Badge):
        return f"<div class='kartu-status'>{badge(p.status)}</div>"
    if isinstance(p, TablePart):
        return table_html(p.frame, p.title, p.lead, p.foot) if p.frame is not None else ""
    if isinstance(p, Box):
        if not p.text:
            return ""
        kind = p.kind if p.kind in KINDS else "info"
        # the icon as generated content: not text a reader (or a copy) picks up as the word "fact_check"
        return (f"<div class='kotak kotak-{kind}' data-ikon='{html.escape(p.icon)}'>"
                f"<div>{_paragraphs(p.text)}</div></div>")
    if isinstance(p, Figures):
        return figures_html(p.pairs) if p.pairs else ""
    return card_html(p.items, p.per_row, p.brief) if p.items else ""


def performance_table(title: str, help_text: str, judged: Table | None, note: str, xlsx: Any, file_name: str,
                      key: str) -> None:
    """The yearly targets judged (Lintasan and OPD): heading, help, the table with its source, the note, and the
    workbook download; the heading and the table one block."""
    prose(Heading(title), TablePart(judged, lead=help_text, foot=[note]) if judged is not None
          else Small([help_text, note]))
    download_xlsx(t("kinerja.unduh"), xlsx, file_name, key)
