"""Every chart of the dashboard, built from tidy frames made by the views; each builder returns an `alt.Chart`.

`base` holds the one theme (fonts, sizes, colours), title and legend fitting and the finishing step every builder
ends with; `maps`, `series`, `bars` and `program` (the SSK matrix against the need) hold the builders. Everything
is importable from `sanitasi.charts`.
"""

from sanitasi.charts.bars import *  # noqa: F403
from sanitasi.charts.base import *  # noqa: F403
from sanitasi.charts.base import _title  # noqa: F401
from sanitasi.charts.maps import *  # noqa: F403
from sanitasi.charts.program import *  # noqa: F403
from sanitasi.charts.series import *  # noqa: F403
