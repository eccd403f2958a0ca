"""The Data page's widgets over the store: the versions (view, compare, download, activate, hide), the import of a
file (anyone may check one, editors save it: what it holds, what it changes, adding rows or replacing the table)
and the templates. What they show is formatted by `sanitasi.views.data`."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from sanitasi import exports, fmt, history, limits, readers, store
from sanitasi.errors import DataError
from sanitasi.views import data, display
from ui.cache import bundled, lost, version_changed
from ui.editor import editor_name, editor_panel
from ui.importer import access_choices, forget_import, show_problems, try_import
from ui.render import on_demand, table_html
from ui.state import lang, t

log = logging.getLogger("sanitasi")


@contextmanager
def while_reachable() -> Iterator[None]:
    """The page's talk with the database: if it stops answering half-way (the pages' banner may not know yet), the
    viewer reads that it is unreachable, never the driver's traceback; the detail goes to the server's log."""
    try:
        yield
    except store.UNREACHABLE:
        log.warning("basis data tidak terjangkau di halaman Data", exc_info=True)
        lost()
        st.error(t("data.store_gagal"), icon=":material/database:")


def flash() -> None:
    """The message a save, an activation or a hiding left for the rerun after it."""
    if st.session_state.get("_data_pesan"):
        st.success(st.session_state.pop("_data_pesan"), icon=":material/check_circle:")


def versions_panel(s: store.Store, r: data.Data) -> bool:
    """The version list, one version to look at (its tables, its difference from the active one, its files),
    and, for an editor, activating or hiding it. Returns whether this session may change data."""
    base = bundled()
    all_versions = s.versions()
    active = s.active_id()
    _versions_table(data.table(all_versions, base, lang()), active)
    visible = [int(v) for v, hidden in zip(all_versions["id"], all_versions["dihapus"], strict=True) if not hidden]
    chosen = st.selectbox(t("data.pilih_versi"), visible, index=visible.index(active) if active in visible else 0,
                          format_func=lambda v: data.label(all_versions, v, lang()), key="data_versi")
    # three closed boxes, each built when opened: the page's first draw carries no table of data
    view = on_demand(t("data.tab_lihat"), key="data_buka_lihat")
    if view is not None:
        with view:
            kind = _kind(r, "data_lihat")
            frame = s.table(kind, chosen, base)
            if frame is None:
                st.caption(t("data.belum_ada", jenis=r.label[kind]))
            else:
                st.dataframe(data.readable(data.shown(kind, frame), lang()), hide_index=True, width="stretch",
                             key="data_lihat_tabel")
    compare = on_demand(t("data.tab_banding"), key="data_buka_banding")
    if compare is not None:
        with compare:
            if chosen == active:
                st.caption(t("data.banding_sama"))
            else:
                kind = _kind(r, "data_banding_jenis")
                current, frame = s.table(kind, active, base), s.table(kind, chosen, base)
                diff = data.compare(kind, current, frame, data.names_with_kabupaten(base.wilayah), chosen, active,
                                    lang())
                texts = display.imported_texts(*(f for f in (current, frame) if f is not None))
                st.caption(fmt.inert(diff.text, texts))
                st.dataframe(diff.table, hide_index=True, width="stretch", key="data_banding_tabel")
                if diff.more:
                    st.caption(fmt.inert(diff.more, texts))
    download = on_demand(t("data.tab_unduh"), key="data_buka_unduh")
    if download is not None:
        with download:
            _downloads(s, r, chosen, base)

    editor = editor_panel(s)
    if editor:
        a, b = st.columns(2)
        if chosen != active and a.button(t("data.aktifkan", versi=chosen), key="data_aktifkan", type="primary"):
            s.activate(chosen)
            version_changed()
            st.session_state["_data_pesan"] = t("data.diaktifkan", versi=chosen)
            st.rerun()
        if chosen not in (active, store.BUNDLED) and b.button(t("data.hapus", versi=chosen), key="data_hapus"):
            s.delete(chosen)
            version_changed()
            st.rerun()
    return editor


VERSIONS_ROWS = 10  # past this many versions the list scrolls in a box this high (px), as the grid it was did
VERSIONS_HEIGHT = 420


def _versions_table(listed: Any, active: int | None) -> None:
    """The version list as a static table, the active version's row outlined: read, not sorted (newest first
    already). A data grid here cost the browser a fifth of the page's click (paired run: 256 and 252 -> 202 ms)."""
    ids = listed[t("data.k_versi")].tolist()
    shown = display.Table(listed, None, pilih=ids.index(active) if active in ids else None)
    block = f"<div class='daftar-versi'>{table_html(shown)}</div>"  # its columns as wide as they need (ui.chrome)
    if len(ids) > VERSIONS_ROWS:
        with st.container(height=VERSIONS_HEIGHT, key="data_versi_gulir"):
            st.html(block)
    else:
        st.html(block)


def _kind(r: data.Data, key: str) -> str:
    """Which table to look at or compare: a select box (13 buttons cost the page's first draw more)."""
    return st.selectbox(t("data.jenis"), list(r.lihat), format_func=lambda k: r.label[k], key=key, width=360)


def _downloads(s: store.Store, r: data.Data, chosen: int, base: Any) -> None:
    """Every table of the chosen version as CSV (one each) and all of them as one XLSX."""
    tables = {k: frame for k in r.lihat if k not in r.geo and (frame := s.table(k, chosen, base)) is not None}
    st.caption(t("data.unduh_bantuan"))
    cols = st.columns(3)
    for i, (k, frame) in enumerate(tables.items()):
        # files are made when clicked, not on every rerun; each loads back as it is (`cli export`)
        cols[i % 3].download_button(t("data.unduh_csv", jenis=r.label[k]),
                                    lambda k=k, f=frame: exports.table_file(k, f, base.wilayah, ".csv"),
                                    file_name=f"{k}_versi_{chosen}.csv", mime="text/csv", key=f"unduh_{k}",
                                    on_click="ignore")
    st.download_button(t("data.unduh_xlsx"), lambda: exports.to_xlsx(tables),
                       file_name=f"data_versi_{chosen}.xlsx", key="unduh_xlsx", on_click="ignore")


def import_panel(s: store.Store, r: data.Data, editor: bool) -> None:
    """Check a file as a new version: choose its kind, upload, answer what the reader asks, see every problem or a
    preview. Anyone may check a file (the dry run, with a smaller upload limit); only an editor saves it."""
    base = bundled()
    if not editor:
        st.caption(t("data.uji_tanpa_masuk"))
    kind = st.selectbox(t("data.jenis"), list(r.impor), format_func=lambda k: r.label[k], key="data_jenis", width=360)
    st.caption(r.bantuan[kind])
    if kind == "akses":
        levels()
    types = "zip, geojson, json, gpkg" if kind in r.geo else "csv, txt, xlsx"
    # a new key after each save empties the uploader, so the same file is not saved twice by accident
    upload_key = f"unggah_{kind}_{st.session_state.get('_unggah_n', 0)}"
    # no `type=`: Streamlit would refuse another extension with an English exception; the readers say in Bahasa
    # Indonesia what the file is and what is read (an old .xls, a table given as boundaries)
    upload = st.file_uploader(t("data.unggah"), key=upload_key, help=t("data.unggah_jenis", jenis=types))
    if upload is None:
        return
    # Streamlit's upload limit (server.maxUploadSize) is one for everyone, the editors' 50 MB: a visitor's larger
    # file has been received by then, but is refused here from its size alone, before it is copied or read
    if not editor and upload.size > limits.VIEWER_BYTES:
        st.error(t("data.terlalu_besar", nama=fmt.inert(upload.name), ukuran=data.megabytes(upload.size),
                   batas=limits.VIEWER_BYTES // limits.MB, batas_editor=limits.EDITOR_BYTES // limits.MB),
                 icon=":material/error:")
        return
    src = readers.source(upload)
    try:
        sheets = readers.sheet_names(src)  # a workbook's sheets, a GeoPackage's polygon layers
    except DataError as err:
        show_problems(err, src.name)
        return
    sheet = st.selectbox(t("data.lembar"), sheets, key="data_lembar") if len(sheets) > 1 else None
    result = try_import(kind, src, base.wilayah, sheet)
    if isinstance(result, DataError):
        show_problems(result, src.name)
        return
    _preview(s, kind, src, result, editor)


def _preview(s: store.Store, kind: str, src: Any, result: Any, editor: bool) -> None:
    """What the file holds, what the editor still picks, and what saving would change, before anything is saved."""
    base = bundled()
    names = data.names_with_kabupaten(base.wilayah)
    # what the file holds is data, never markup: its texts and its name are escaped where they are said
    texts = (*display.imported_texts(result), *((src.name,) if fmt.has_markup(src.name) else ()))
    st.success(fmt.inert(data.summary(kind, result, names, lang()), texts), icon=":material/check_circle:")
    for note in result.attrs.get("catatan", []):
        st.info(fmt.inert(note, texts), icon=":material/info:")
    if kind == "akses":
        access_choices(src, result)
    mode = st.radio(t("data.cara"), history.MODES, format_func=lambda m: t(f"data.cara_{m}"), key="data_cara",
                    horizontal=True)
    change = data.preview(s.preview(kind, result, base, mode), names, lang())
    st.markdown(f"**{t('data.perubahan_judul')}** {fmt.inert(change.text, texts)}")
    if change.warning:
        st.warning(fmt.inert(change.warning, texts), icon=":material/warning:")
    if len(change.table):
        st.dataframe(change.table, hide_index=True, width="stretch", key="data_perubahan")
    if change.more:
        st.caption(fmt.inert(change.more, texts))
    st.markdown(f"**{t('data.isi_berkas')}**")
    st.dataframe(data.readable(data.shown(kind, result, rows=50), lang()), hide_index=True, width="stretch",
                 key="data_pratinjau")
    if not editor:
        st.info(t("data.simpan_hanya_editor"), icon=":material/lock:")
        return
    note = st.text_input(t("data.catatan_versi"), key="data_catatan")
    if st.button(t("data.simpan"), type="primary", key="data_simpan"):
        meta = store.Meta(berkas=src.name, checksum=store.checksum(src.data), oleh=editor_name(), catatan=note)
        try:
            version = s.save(kind, result, meta, bundled=base, mode=mode)
        except DataError:
            raise
        except store.UNREACHABLE:
            st.error(t("data.simpan_gagal"), icon=":material/database:")
            return
        version_changed()
        forget_import()
        st.session_state.pop("data_cara", None)  # the next file starts from adding/updating rows again
        st.session_state["_data_pesan"] = t("data.tersimpan", versi=version)
        st.session_state["_unggah_n"] = st.session_state.get("_unggah_n", 0) + 1
        st.rerun()


def levels() -> None:
    """Which access file comes from whom, at which level, in which unit, and what 'resmi' means."""
    with st.expander(t("data.tingkat_judul"), icon=":material/help:"):
        st.markdown(t("data.tingkat_isi"))


def templates(r: data.Data) -> None:
    """The CSV and XLSX template of the kind chosen (the kinds an official can fill in): one choice and two buttons
    instead of 26 buttons on every visit."""
    levels()
    by_file = {tpl.file: tpl for tpl in r.templat}
    row = st.container(horizontal=True, wrap=True, gap="medium", vertical_alignment="bottom")
    chosen = row.selectbox(t("data.templat_pilih"), list(by_file), format_func=lambda f: by_file[f].label,
                           key="data_templat", width=360)
    tpl = by_file[chosen]
    row.download_button(t("data.templat_csv"), tpl.csv, file_name=f"{tpl.file}.csv", mime="text/csv",
                        key="templat_csv", on_click="ignore", icon=":material/download:")
    row.download_button(t("data.templat_xlsx"), tpl.xlsx, file_name=f"{tpl.file}.xlsx", key="templat_xlsx",
                        on_click="ignore", icon=":material/table_view:")
