"""Small builders shared by several test modules (pytest puts tests/ on the import path)."""

from __future__ import annotations

import dataclasses
import io

import lxml.html
import openpyxl

from sanitasi.load import Dataset


def figures(at) -> list[tuple[str, str]]:
    """(label, value) of every figure an AppTest page shows in HTML (textblock.Cards, ui.area_detail), in page order."""
    out = []
    for h in at.get("html"):
        doc = lxml.html.fragment_fromstring(h.proto.body, create_parent="div")
        for value in doc.xpath("//div[@class='kartu-nilai']"):
            label = value.xpath("preceding-sibling::div[@class='kartu-judul'][1]")
            out.append((label[0].text_content() if label else "", value.text_content()))
    return out


def shown_values(at) -> list[str]:
    """The values of `figures`, as a person reads them off the cards."""
    return [value for _, value in figures(at)]


def card_notes(at) -> list[str]:
    """The small print of each status card (its source, the method), in page order."""
    return [" ".join(n.text_content() for n in card.xpath("./div[@class='kartu-catatan']"))
            for row in card_rows(at) for card in row.xpath("./div[@class='kartu']")]


def card_rows(at) -> list:
    """Each row of status cards on the page (a `Cards` part of ui.prose), parsed, in page order."""
    return [row for h in at.get("html")
            for row in lxml.html.fragment_fromstring(h.proto.body, create_parent="div").xpath(
                "//div[@class='kartu-baris']")]


def cards_html(at) -> str:
    """The HTML of the page's status cards, a row a line."""
    return "\n".join(lxml.html.tostring(row, encoding=str) for row in card_rows(at))


def _markdown(el) -> str:
    """An element's content back in the markdown it was written in (`fmt.markdown_html` writes bold and breaks)."""
    out = [el.text or ""]
    for child in el:
        inner = _markdown(child)
        out.append({"strong": f"**{inner}**", "br": "  \n"}.get(child.tag, inner) + (child.tail or ""))
    return "".join(out)


def prose(at) -> list[str]:
    """Every text the page writes as one block with ui.prose, in page order, back in the markdown it was written in:
    a title, a heading, a paragraph, a box's message (its paragraphs and list as written), a list's item."""
    out = []
    for h in at.get("html"):
        if not h.proto.body.startswith("<div class='teks'>"):
            continue
        for el in lxml.html.fragment_fromstring(h.proto.body).iterchildren():
            if el.tag in ("h1", "h3", "p"):
                out.append(_markdown(el))
            elif el.tag == "ul":
                out += [_markdown(li) for li in el]
            elif "kotak" in el.get("class", "").split():
                out.append("\n\n".join("\n".join(f"- {_markdown(li)}" for li in part) if part.tag == "ul"
                                         else _markdown(part) for part in el[0]))
    return out


def title(at) -> str:
    """The page's title: st.title's, or the h1 of its ui.prose block."""
    if at.title:
        return at.title[0].value
    return next(lxml.html.fragment_fromstring(h.proto.body).findtext("h1") for h in at.get("html")
                if h.proto.body.startswith("<div class='teks'><h1>"))



def loaded(data: Dataset, source: str = "Dinkes 2025", **versions: int) -> Dataset:
    """The data set as if these kinds had been imported (kind=version): their rows name a real source instead of
    the bundled 'ilustratif', and the version supplying them is not the bundled one."""
    tables = {k: getattr(data, k).assign(sumber=source) for k in versions
              if getattr(data, k) is not None and "sumber" in getattr(data, k).columns}
    return dataclasses.replace(data, sumber={**data.sumber, **versions}, **tables)


# An Instrumen-SSK-like sheet as officials keep it (sanitasi.instrumen): title rows, a heading merged over two rows,
# "Target Volume" and "Indikasi Biaya (Rp)" merged over the years, programme and activity cells merged down their
# rows, a programme written as a heading row of its own, a totals line, and figures as Indonesian text.
INSTRUMEN_HEAD = ["No", "Kode Program", "Program", "Kegiatan", "Sub Kegiatan", "OPD Pelaksana", "Indikator",
                  "Kecamatan", "Kode Desa", "Satuan", "KK per Satuan", "Harga Satuan (Rp)", "Target Volume", None,
                  None, "Indikasi Biaya (Rp)", None, None, "Jumlah", "Sumber Dana"]
INSTRUMEN_BODY = [
    # row 6: the first programme, its activity merged over rows 6-7, its programme over rows 6-8
    [1, "1.03.05", "Program Pengelolaan dan Pengembangan Sistem Air Limbah", "Pengelolaan SPALD",
     "Pembangunan IPAL komunal / MCK++", "Dinas PUPR", "Akses layak", "Satui", None, "unit", 45,
     "Rp 520.000.000", 1, 2, None, "520.000.000", "1.040.000.000", None, "1.560.000.000", "DAK"],
    [2, None, None, None, "Layanan lumpur tinja terjadwal (LLTT)", "Dinas PUPR", "aman", "Seluruh kabupaten", None,
     "KK", 1, "1.500.000", "1.200", "1.500", "1.800", "1.800.000.000", "2.250.000.000", "2.700.000.000",
     "6.750.000.000", "APBD Kab."],
    [3, None, None, "Penyediaan IPLT", "Perluasan kapasitas IPLT", "Dinas PUPR", "Akses aman",
     "Kabupaten Tanah Bumbu", None, "m3/hari", 0, "250.000.000", None, None, 20, None, None, "5.000.000.000",
     "5.000.000.000", "APBN"],
    # row 9: a programme heading of its own; rows 10-11 leave the programme (and row 11 the activity) empty
    [None, "1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", None, None,
     None, None, None, None, None, None, None, None, None, None, None, None, None, None, None],
    [4, None, None, "Penyediaan Layanan Kesehatan untuk UKM dan UKP", "Pemicuan STBM dan verifikasi desa ODF",
     "Dinas Kesehatan", "Desa/kelurahan ODF", "Mantewe", "6310082002", "desa", 0, "45.000.000", 1, None, None,
     "45.000.000", None, None, "45.000.000", "Dana Desa"],
    [5, None, None, None, "Pendampingan perubahan perilaku BABS", "Dinas Kesehatan", "BABS", "Sei Loban", None,
     "KK", 1, "350.000", "120", "130,5", "140", "42.000.000", "45.675.000", "49.000.000", "136.675.000",
     "Swadaya Masyarakat"],
    [None, None, "JUMLAH", None, None, None, None, None, None, None, None, None, None, None, None,
     "2.407.000.000", "3.335.675.000", "7.749.000.000", "13.491.675.000", None],
]
# the sheet rows above, one row per place, source and year: (row, sub-activity, tahun, volume, biaya)
INSTRUMEN_ROWS = [
    (6, "Pembangunan IPAL komunal / MCK++", 2026, 1.0, 520e6), (6, "Pembangunan IPAL komunal / MCK++", 2027, 2.0,
                                                                1040e6),
    (7, "Layanan lumpur tinja terjadwal (LLTT)", 2026, 1200.0, 1800e6),
    (7, "Layanan lumpur tinja terjadwal (LLTT)", 2027, 1500.0, 2250e6),
    (7, "Layanan lumpur tinja terjadwal (LLTT)", 2028, 1800.0, 2700e6),
    (8, "Perluasan kapasitas IPLT", 2028, 20.0, 5000e6),
    (10, "Pemicuan STBM dan verifikasi desa ODF", 2026, 1.0, 45e6),
    (11, "Pendampingan perubahan perilaku BABS", 2026, 120.0, 42e6),
    (11, "Pendampingan perubahan perilaku BABS", 2027, 130.5, 45.675e6),
    (11, "Pendampingan perubahan perilaku BABS", 2028, 140.0, 49e6),
]


def instrumen_xlsx(body: list[list] | None = None, years: tuple[int, ...] = (2026, 2027, 2028)) -> bytes:
    """The sheet above as an XLSX, merged as Excel keeps it (openpyxl writes the merges the reader meets)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 5.1"
    ws.append(["TABEL 5.1 INDIKASI PROGRAM, KEGIATAN DAN PENDANAAN SSK"])
    ws.append(["KABUPATEN TANAH BUMBU 2026 - 2028"])
    ws.append([])
    ws.append(INSTRUMEN_HEAD)
    # the volume years as numbers, the money years as text, as two different hands might type them
    ws.append([None] * 12 + list(years) + [str(y) for y in years] + [None, None])
    for row in body or INSTRUMEN_BODY:
        ws.append(row)
    for col in [*range(1, 13), 19, 20]:
        ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
    ws.merge_cells("M4:O4")
    ws.merge_cells("P4:R4")
    ws.merge_cells("B6:B8")
    ws.merge_cells("C6:C8")
    ws.merge_cells("D6:D7")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
