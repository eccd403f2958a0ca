"""The frame: page config, theme, shared sidebar, navigation over the pages. No analysis here."""

from pathlib import Path

import streamlit as st

from sanitasi import i18n

ASSETS = Path(__file__).resolve().parent / "assets"
PAGES = [
    ("app_pages/ringkasan.py", "nav.ringkasan", ":material/dashboard:"),
    ("app_pages/paparan.py", "nav.paparan", ":material/co_present:"),
    ("app_pages/peta.py", "nav.peta", ":material/map:"),
    ("app_pages/lintasan_target.py", "nav.lintasan", ":material/trending_up:"),
    ("app_pages/kecamatan.py", "nav.kecamatan", ":material/location_city:"),
    ("app_pages/kebutuhan.py", "nav.kebutuhan", ":material/calculate:"),
    ("app_pages/program_ssk.py", "nav.program", ":material/account_balance_wallet:"),
    ("app_pages/stbm.py", "nav.stbm", ":material/verified:"),
    ("app_pages/sampah_drainase.py", "nav.sampah", ":material/delete:"),
    ("app_pages/opd.py", "nav.opd", ":material/account_tree:"),
    ("app_pages/komitmen.py", "nav.komitmen", ":material/handshake:"),
    ("app_pages/metodologi.py", "nav.metodologi", ":material/menu_book:"),
    ("app_pages/data.py", "nav.data", ":material/database:"),
]

# ?mode=paparan opens with the sidebar closed: the projector shows only the content
presenting = st.query_params.get("mode") == "paparan" or st.session_state.get("mode") == "paparan"
st.set_page_config(page_title="Sanitasi Tanah Bumbu", page_icon=str(ASSETS / "ikon.png"), layout="wide",
                   initial_sidebar_state="collapsed" if presenting else "expanded")
# st.navigation comes before any widget: widgets created before it lose the first click after a page
# load (seen in Streamlit 1.50-1.67 in Chromium), which a presenter would take for a broken switch. It also comes
# before the heavy imports (`ui` brings pandas, Altair and geopandas: 1-3 s for the first visitor after a server
# start), so the list of pages shows at once instead of after them. Its titles are in the session's language, or the
# link's (?lang=en) on a session's first run, before `ui.restore_from_url` has put it in the session.
# expanded: past twelve pages Streamlit shows ten and hides the rest (Data among them) behind "View more"
asked = st.session_state.get("lang", st.query_params.get("lang"))
nav_lang = asked if asked in i18n.CATALOGUE else "id"
nav = st.navigation([st.Page(path, title=i18n.t(key, nav_lang), icon=icon, default=(i == 0))
                     for i, (path, key, icon) in enumerate(PAGES)], expanded=True)

import ui  # noqa: E402  (after the navigation, see above)

ui.restore_from_url()
ui.sidebar()
st.session_state["_frame_drawn"] = True
try:
    nav.run()
except Exception:  # noqa: BLE001 - st.stop and st.rerun are BaseExceptions and pass through
    ui.page_failed()  # a short Indonesian message for the viewer; the traceback goes to the server log only
ui.publish_to_url()
ui.warm_up()  # the other pages' first views, built in the background once this page is out (ui.warm)
