"""What each page shows, one module per page: a frozen settings object in, a frozen result out.

Each module (`ringkasan`, `peta`, `lintasan_target`, ...) has one entry point, `view(an, settings)`, returning the
finished numbers, texts and charts its page renders; the page computes nothing. Shared computations live in the
engine modules they are named after (`sanitasi.cards`, `sanitasi.maps`, `sanitasi.trajectories`, ...).
"""

# --- transition: the old flat `views` API, re-exported until every caller uses the page modules ---------------
from sanitasi.analysis import KABUPATEN, Analysis, analyse, kecamatan_rows, latest_rows, series  # noqa: F401
from sanitasi.analysis import assessment as _assessment  # noqa: F401
from sanitasi.cards import (  # noqa: F401
    OTHER_PPSP,
    Card,
    cards,
    count_text,
    headline,
    other_cards,
    rate_text,
)
from sanitasi.cards import year_text as _year_text  # noqa: F401
from sanitasi.documents import (  # noqa: F401
    default_reach_year,
    final_target,
    indicators_of,
    target_document,
    target_documents,
    trajectory_indicators,
)
from sanitasi.indicators import ladder  # noqa: F401
from sanitasi.maps import (  # noqa: F401
    MAP_PROPERTIES,
    class_breaks,
    class_labels,
    map_basis,
    map_features,
    map_indicators,
    map_labels,
    map_note,
    map_row,
    map_values,
    ranked,
    tiles,
)
from sanitasi.progress import status_label  # noqa: F401
from sanitasi.trajectories import Trajectory, small_multiples, trajectory  # noqa: F401
from sanitasi.views._legacy import *  # noqa: F401,F403
from sanitasi.views._legacy import _formula  # noqa: F401
from sanitasi.views.display import Table  # noqa: F401
from sanitasi.views.ringkasan import status_display, status_table  # noqa: F401
