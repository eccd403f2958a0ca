"""The Streamlit layer shared by app.py and the pages: caches, session and URL state, the page frame, drawing,
editor sign-in and the import widgets. Calculations stay in `sanitasi`; pages call this layer and their view."""

from ui.cache import analysis, bundled, data_store, dataset, memo, version_changed, view  # noqa: F401
from ui.chrome import (  # noqa: F401
    PAGE_KINDS,
    banner,
    data_label,
    setup,
    sidebar,
    slide_spec,
    slides,
    source,
    village_view,
)
from ui.editor import editor_name, editor_panel  # noqa: F401
from ui.importer import commitments_editor, forget_import, show_problems, try_import  # noqa: F401
from ui.render import (  # noqa: F401
    badge,
    card,
    chart,
    download_csv,
    figure,
    message,
    number,
    page_link,
    plot,
    rows_of_columns,
    sorted_table,
    stat,
    table,
)  # noqa: F401
from ui.state import (  # noqa: F401
    LANGS,
    documents,
    dokumen,
    indicator,
    kecamatan,
    lang,
    presenting,
    publish_to_url,
    restore_from_url,
    select,
    slide_number,
    t,
    year_slider,
)
