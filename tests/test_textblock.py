"""ui.prose: a page's texts written as one HTML block, each part as Streamlit's element drew it, nothing from the text
read as markup."""

from __future__ import annotations

import lxml.html
import pandas as pd
import pytest
from helpers import prose, title

from sanitasi import analysis, i18n
from sanitasi.views import ringkasan
from ui import textblock as p


def block(*parts: p.Part | None) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring("<div class='teks'>" + "".join(p.part_html(x) for x in parts if x) + "</div>")


def test_each_part_is_the_element_it_replaces_in_order() -> None:
    doc = block(p.Title("Program SSK"), p.Small(["Pengantar", ""]), p.Heading("Dana"), p.Para("Satu **dua**"),
                p.Points(["a", "b"]), p.Figures([("KK", "1.471 KK")]))
    assert [el.tag for el in doc] == ["h1", "p", "h3", "p", "ul", "div"]
    assert doc[1].get("class") == "kecil" and doc[1].text_content() == "Pengantar"  # the empty line left out
    assert lxml.html.tostring(doc[3], encoding=str) == "<p>Satu <strong>dua</strong></p>"
    assert [li.text_content() for li in doc[4]] == ["a", "b"]
    assert [d.text_content() for d in doc[5].xpath(".//div")] == ["KK1.471 KK", "KK", "1.471 KK"]


def test_a_box_keeps_its_paragraphs_and_its_list_and_its_icon_is_not_text() -> None:
    doc = block(p.Box("Belum dimuat. Pembanding:\n\n- Akses layak: **83,6%**\n- Akses aman: 10,2%", "compare_arrows"))
    (box,) = doc
    assert box.get("class") == "kotak kotak-info" and box.get("data-ikon") == "compare_arrows"
    inner = box[0]
    assert [el.tag for el in inner] == ["p", "ul"]
    assert [li.text_content() for li in inner[1]] == ["Akses layak: 83,6%", "Akses aman: 10,2%"]
    assert "compare_arrows" not in box.text_content()  # drawn from the attribute by CSS, not read or copied


@pytest.mark.parametrize("part", [p.Box(""), p.Title(""), p.Para(["", ""]), p.Points([]), p.Figures([]),
                                  p.Cards([], 3), p.TablePart(None)])
def test_a_part_with_nothing_to_say_writes_nothing(part: p.Part) -> None:
    assert p.part_html(part) == ""


def test_an_unknown_tint_is_the_info_tint_and_an_icon_cannot_leave_its_attribute() -> None:
    (box,) = block(p.Box("x", icon="a' onmouseover='alert(1)", kind="merah"))
    assert box.get("class") == "kotak kotak-info"
    assert box.get("data-ikon") == "a' onmouseover='alert(1)" and box.get("onmouseover") is None


def test_imported_text_shows_as_typed() -> None:
    doc = block(p.Title("Desa <img src=x onerror=alert(1)>"), p.Para("a & b **tebal"), p.Box("<script>x</script>"))
    assert not doc.xpath("//img|//script")
    assert doc[0].text_content() == "Desa <img src=x onerror=alert(1)>"
    assert doc[1].text_content() == "a & b tebal"  # an unclosed bold is closed, not left open over the page


def test_a_table_part_is_the_table_ui_table_draws() -> None:
    from ui.render import table_html

    frame = pd.DataFrame({"Kecamatan": ["Satui"], "KK": ["1.203"]})
    assert p.part_html(p.TablePart(frame, "Judul", "Pengantar", ["Catatan"])) == table_html(
        frame, "Judul", "Pengantar", ["Catatan"])


def test_ringkasan_writes_its_text_down_to_the_chart_as_one_block(an: analysis.Analysis) -> None:
    """Title, lead, the headline's sentence, the cards, the comparison by source and the other parts of the strategy:
    one element for the browser to draw, read back as the view wrote it."""
    from test_app import open_page

    at = open_page("ringkasan")
    assert not at.exception, [e.value for e in at.exception]
    r = ringkasan.view(an, ringkasan.Settings(dokumen="RPJMN 2025-2029"))
    first = next(h.proto.body for h in at.get("html") if h.proto.body.startswith("<div class='teks'>"))
    doc = lxml.html.fragment_fromstring(first)
    assert doc[0].tag == "h1" and title(at) == i18n.t("ringkasan.judul", "id")
    assert len(doc.xpath("./div[@class='kartu-baris']")) == 2  # the headline cards and the other parts' cards
    shown = prose(at)
    assert r.pengantar in shown and r.kalimat in shown and all(line in shown for line in r.banding)
    assert r.banding_kotak in shown if r.banding_catatan else r.banding_kotak not in shown
    assert len(doc.xpath("./div[contains(@class, 'kartu-baris')]/div")) == len(r.kartu) + len(r.lainnya)
