"""docs/corpus.md lists every case of the hostile-file corpus with what it does now, in step with the tests."""

from __future__ import annotations

from scripts import corpus_table


def test_the_corpus_page_is_in_step_with_the_corpus() -> None:
    page = corpus_table.PAGE.read_text(encoding="utf-8")
    assert page == corpus_table.render(), "run: python scripts/corpus_table.py"
    assert "| village-hdx-cod-ab | batas_desa |" in page and "refused" in page and "read: " in page
