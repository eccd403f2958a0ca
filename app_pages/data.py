"""Data: the stored versions, loading the district's own files (editors only), templates and downloads."""

import streamlit as st

import ui
from sanitasi import exports, readers, store, versions
from sanitasi.errors import DataError

an = ui.setup("data")
lang = ui.lang()
s = ui.data_store()
base = ui.bundled()
names = dict(zip(base.wilayah["kode"], base.wilayah["nama"], strict=True))

st.title(ui.t("data.judul"))
st.markdown(ui.t("data.pengantar"))
if st.session_state.get("_data_pesan"):
    st.success(st.session_state.pop("_data_pesan"), icon=":material/check_circle:")
if s is None:
    st.error(ui.t("data.store_gagal"), icon=":material/database:")
    st.stop()

# ----------------------------------------------------------------------------- versions
st.subheader(ui.t("data.versi_judul"))
all_versions = s.versions()
st.dataframe(versions.table(all_versions, lang), hide_index=True, width="stretch", key="data_versi_tabel")
visible = [int(v) for v, hidden in zip(all_versions["id"], all_versions["dihapus"], strict=True) if not hidden]
active = s.active_id()
chosen = st.selectbox(ui.t("data.pilih_versi"), visible, index=visible.index(active) if active in visible else 0,
                      format_func=lambda v: versions.label(all_versions, v, lang), key="data_versi")
view, compare, download = st.tabs([ui.t("data.tab_lihat"), ui.t("data.tab_banding"), ui.t("data.tab_unduh")])
with view:
    kind = st.segmented_control(ui.t("data.jenis"), list(store.KINDS), default="akses", required=True,
                                format_func=lambda k: versions.kind_label(k, lang), key="data_lihat")
    frame = s.table(kind, chosen, base)
    if frame is None:
        st.caption(ui.t("data.belum_ada", jenis=versions.kind_label(kind, lang)))
    else:
        st.dataframe(frame.drop(columns="geometry") if kind in readers.GEO_KINDS else frame, hide_index=True,
                     width="stretch", key="data_lihat_tabel")
with compare:
    if chosen == active:
        st.caption(ui.t("data.banding_sama"))
    else:
        diff = versions.compare_access(s.table("akses", active, base), s.table("akses", chosen, base), names, lang)
        st.caption(ui.t("data.banding_info", n=len(diff), versi=chosen, aktif=active))
        st.dataframe(diff, hide_index=True, width="stretch", key="data_banding_tabel")
with download:
    tables = {k: frame for k in store.KINDS if k not in readers.GEO_KINDS
              and (frame := s.table(k, chosen, base)) is not None}
    cols = st.columns(3)
    for i, (k, frame) in enumerate(tables.items()):
        # files are made when clicked, not on every rerun
        cols[i % 3].download_button(ui.t("data.unduh_csv", jenis=versions.kind_label(k, lang)),
                                    lambda f=frame: exports.to_csv(f), file_name=f"{k}_versi_{chosen}.csv",
                                    mime="text/csv", key=f"unduh_{k}", on_click="ignore")
    st.download_button(ui.t("data.unduh_xlsx"), lambda: exports.to_xlsx(tables), file_name=f"data_versi_{chosen}.xlsx",
                       key="unduh_xlsx", on_click="ignore")

editor = ui.editor_panel(s)
if editor:
    a, b = st.columns(2)
    if chosen != active and a.button(ui.t("data.aktifkan", versi=chosen), key="data_aktifkan", type="primary"):
        s.activate(chosen)
        ui.version_changed()
        st.session_state["_data_pesan"] = ui.t("data.diaktifkan", versi=chosen)
        st.rerun()
    if chosen not in (active, store.BUNDLED) and b.button(ui.t("data.hapus", versi=chosen), key="data_hapus"):
        s.delete(chosen)
        ui.version_changed()
        st.rerun()

# ----------------------------------------------------------------------------- import
st.subheader(ui.t("data.muat_judul"))
if not editor:
    st.caption(ui.t("data.muat_hanya_editor"))
else:
    kind = st.segmented_control(ui.t("data.jenis"), list(readers.IMPORT_KINDS), default="akses", required=True,
                                format_func=lambda k: versions.kind_label(k, lang), key="data_jenis")
    st.caption(ui.t(f"data.bantuan_{kind}"))
    types = ["zip", "geojson", "json", "gpkg"] if kind in readers.GEO_KINDS else ["csv", "txt", "xlsx"]
    # a new key after each save empties the uploader, so the same file is not saved twice by accident
    upload_key = f"unggah_{kind}_{st.session_state.get('_unggah_n', 0)}"
    upload = st.file_uploader(ui.t("data.unggah"), type=types, key=upload_key)
    if upload is not None:
        src = readers.source(upload)
        sheets = [] if kind in readers.GEO_KINDS else readers.sheet_names(src)
        sheet = st.selectbox(ui.t("data.lembar"), sheets, key="data_lembar") if len(sheets) > 1 else None
        result = ui.try_import(kind, src, base.wilayah, sheet)
        if isinstance(result, DataError):
            ui.show_problems(result, src.name)
        else:
            st.success(versions.summary(kind, result, names, lang), icon=":material/check_circle:")
            for note in result.attrs.get("catatan", []):
                st.info(note, icon=":material/info:")
            st.dataframe(result.drop(columns="geometry") if kind in readers.GEO_KINDS else result.head(50),
                         hide_index=True, width="stretch", key="data_pratinjau")
            note = st.text_input(ui.t("data.catatan_versi"), key="data_catatan")
            if st.button(ui.t("data.simpan"), type="primary", key="data_simpan"):
                meta = store.Meta(berkas=src.name, checksum=store.checksum(src.data), oleh=ui.editor_name(),
                                  catatan=note)
                version = s.save(kind, result, meta, bundled=base)
                ui.version_changed()
                ui.forget_import()
                st.session_state["_data_pesan"] = ui.t("data.tersimpan", versi=version)
                st.session_state["_unggah_n"] = st.session_state.get("_unggah_n", 0) + 1
                st.rerun()

# ----------------------------------------------------------------------------- templates
st.subheader(ui.t("data.templat_judul"))
st.caption(ui.t("data.templat_bantuan"))
cols = st.columns(4)
for i, k in enumerate(exports.TEMPLATE_KINDS):
    col = cols[i % 4]
    col.markdown(f"**{versions.kind_label(k, lang)}**")
    col.download_button("CSV", lambda k=k: exports.to_csv(exports.template(k, base.wilayah)),
                        file_name=f"templat_{k}.csv", mime="text/csv", key=f"templat_csv_{k}", on_click="ignore")
    col.download_button("XLSX", lambda k=k: exports.template_xlsx(k, base.wilayah), file_name=f"templat_{k}.xlsx",
                        key=f"templat_xlsx_{k}", on_click="ignore")
