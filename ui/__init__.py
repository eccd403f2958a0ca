"""The Streamlit layer between the pages and `sanitasi`: caches at the edge (`cache`), session and URL state with the
shared controls (`state`), the page frame (`chrome`), drawing a view's result (`render`; `textblock`, text as one
block), editor sign-in (`editor`), the import widgets (`importer`) and the Data page's store widgets (`data`). Pages
`import ui` and call the names below; calculations stay in `sanitasi`.
"""

from ui import data  # noqa: F401  (ui.data.versions_panel, import_panel, templates, flash)
from ui.cache import (  # noqa: F401
    bundled,
    data_store,
    database_down,
    dataset,
    derived,
    prepare,
    version_changed,
    view,
)
from ui.chrome import banner, data_label, page_failed, setup, sidebar  # noqa: F401
from ui.editor import editor_name, editor_panel  # noqa: F401
from ui.importer import commitments_editor, forget_import, show_problems, try_import  # noqa: F401
from ui.render import (  # noqa: F401
    area_detail,
    badge,
    columns_that_wrap,
    download_csv,
    download_xlsx,
    fact_lines,
    figure,
    message,
    notes,
    number,
    on_demand,
    page_link,
    points,
    small_multiples,
    sorted_table,
    stat,
    table,
    tabs_on_demand,
)
from ui.state import (  # noqa: F401
    LANGS,
    documents,
    dokumen,
    indicator,
    kecamatan,
    keep_costs,
    lang,
    map_pick,
    new_share,
    new_shares,
    presenting,
    publish_to_url,
    restore_from_url,
    saved_costs,
    select,
    seri,
    share_input,
    slide_nav,
    step_slide,
    t,
    year_slider,
)
from ui.textblock import (  # noqa: F401
    Badge,
    Box,
    Cards,
    Figures,
    Heading,
    Para,
    Points,
    Small,
    TablePart,
    Title,
    performance_table,
    prose,
)
from ui.warm import warm_up  # noqa: F401
