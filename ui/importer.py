"""The import wizard's widgets (ask for unmatched columns and names, the access table's source, unit, official flag
and indicator, show every problem) and the commitments editor; reading and checking the file is `sanitasi`'s."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sanitasi import errors, exports, fmt, history, indicators, readers, store
from sanitasi.contracts import PERCENT_INDICATORS, SATUAN, YA_TIDAK
from sanitasi.load import KOMITMEN_STATUS, names_of
from ui.cache import bundled, version_changed
from ui.editor import editor_name
from ui.state import lang, t

PICKED = ("sumber", "satuan", "resmi", "indikator")  # what the access reader takes from the preview


def _import_key(kind: str, data: bytes) -> str:
    return f"_impor_{kind}_{store.checksum(data)[:16]}"


def forget_import() -> None:
    for k in [k for k in st.session_state if str(k).startswith("_impor_")]:
        del st.session_state[k]


def try_import(kind: str, src: Any, wilayah: Any, sheet: str | None) -> Any:
    """Read an upload with the user's confirmed column and name choices (and, for the access table, the source,
    unit, official flag and indicator picked in the preview); ask for what is still missing.

    Returns the validated frame, or the DataError whose problems the page shows.
    """
    key = _import_key(kind, src.data)
    column_map = st.session_state.get(key + "_kolom", {})
    name_map = st.session_state.get(key + "_nama", {})
    chosen = {"pilihan": {f: st.session_state.get(f"{key}_{f}") for f in PICKED}} if kind == "akses" else {}
    try:
        return _read_once(kind, src, wilayah, sheet, name_map, column_map, chosen)
    except readers.ChoiceError as err:
        st.selectbox(t("data.indikator_tanya"), err.options, index=None, key=f"{key}_{err.field}",
                     format_func=lambda k: indicators.get(k).label(lang()), placeholder=t("data.pilih"))
        return err
    except readers.ColumnError as err:
        if err.unmatched:
            with st.form(key + "_form_kolom"):
                st.markdown(f"**{t('data.kolom_tanya')}**")
                picks = {f.name: st.selectbox(f.label, ["—", *err.unmatched], key=f"{key}_k_{f.name}")
                         for f in err.missing}
                if st.form_submit_button(t("data.pakai")):
                    chosen = {h: f for f, h in picks.items() if h != "—"}
                    st.session_state[key + "_kolom"] = {**column_map, **chosen}
                    st.rerun()
        return err
    except readers.DataError as err:
        unknown = errors.unknown_areas(err)
        if unknown:
            names = names_of(wilayah)
            with st.form(key + "_form_nama"):
                st.markdown(f"**{t('data.nama_tanya')}**")
                picks = {}
                for raw, near in unknown:
                    options = ["", *[k for k, _ in near], *[k for k in names if k not in {k for k, _ in near}]]
                    label = t("data.nama_di_berkas", nama=fmt.inert(str(raw)))  # a widget label is markdown
                    picks[raw] = st.selectbox(label, options, key=f"{key}_n_{raw}",
                                              format_func=lambda k: t("data.bukan_kecamatan") if not k
                                              else f"{names[k]} ({k})")
                if st.form_submit_button(t("data.pakai")):
                    st.session_state[key + "_nama"] = {**name_map, **{r: k for r, k in picks.items() if k}}
                    st.rerun()
        return err


def _read_once(kind: str, src: Any, wilayah: Any, sheet: str | None, name_map: dict, column_map: dict,
               chosen: dict) -> Any:
    """The reader's answer for this file and these choices, read once: every widget click reruns the page, and a
    large file would be parsed again each time. Keyed by the file's content hash and the choices; one per session."""
    key = (kind, store.checksum(src.data), src.name, sheet, repr(sorted(column_map.items())),
           repr(sorted(name_map.items())), repr(chosen))
    cached = st.session_state.get("_impor__dibaca")
    if cached is not None and cached[0] == key:
        outcome = cached[1]
    else:
        try:
            outcome = readers.read_kind(kind, src, wilayah, name_map=name_map, column_map=column_map, sheet=sheet,
                                        **chosen)
        except readers.DataError as err:  # ColumnError and ChoiceError too: kept to be asked again
            outcome = err
        st.session_state["_impor__dibaca"] = (key, outcome)
    if isinstance(outcome, readers.DataError):
        raise outcome
    return outcome


def access_choices(src: Any, result: Any) -> None:
    """The source, unit and official flag of the rows the file leaves empty (and a one-indicator table's
    indicator), picked by the editor; each change reads the file again with the new choice."""
    key = _import_key("akses", src.data)
    asked, used = result.attrs.get("tanya", ()), result.attrs.get("pilihan", {})
    st.markdown(f"**{t('data.pilihan_judul')}**")
    st.caption(t("data.pilihan_bantuan") if asked else t("data.pilihan_semua_dari_berkas"))
    cols = st.columns(4 if "indikator" in asked else 3)
    if "sumber" in asked:
        cols[0].text_input(t("data.p_sumber"), value=used["sumber"], key=f"{key}_sumber")
    if "satuan" in asked:
        cols[1].selectbox(t("data.p_satuan"), SATUAN, index=SATUAN.index(used["satuan"]), key=f"{key}_satuan",
                          format_func=lambda u: t(f"data.satuan_{u}"))
    if "resmi" in asked:
        cols[2].radio(t("data.p_resmi"), YA_TIDAK, index=YA_TIDAK.index(used["resmi"]), key=f"{key}_resmi",
                      format_func=lambda v: t(f"data.resmi_pilih_{v}"))
    if "indikator" in asked:
        cols[3].selectbox(t("data.p_indikator"), PERCENT_INDICATORS, key=f"{key}_indikator",
                          format_func=lambda k: indicators.get(k).label(lang()))


def show_problems(err: Any, name: str) -> None:
    """Every problem, in a table, downloadable as CSV; nothing has been saved."""
    table = readers.problems_frame(err)
    st.error(t("data.masalah", n=len(table)), icon=":material/error:")
    st.dataframe(table, hide_index=True, width="stretch", key="data_masalah")
    st.download_button(t("data.unduh_masalah"), exports.to_csv(table), file_name=f"masalah_{name}.csv",
                       mime="text/csv", key="data_unduh_masalah")


def commitments_editor(s: store.Store, komitmen: Any) -> None:
    """Editors change or add commitments in a grid; saving makes a new version (nothing is overwritten)."""
    edited = st.data_editor(
        komitmen, num_rows="dynamic", hide_index=True, width="stretch", key="komitmen_editor",
        column_config={"status": st.column_config.SelectboxColumn(options=list(KOMITMEN_STATUS), required=True),
                       "indikator": st.column_config.SelectboxColumn(options=list(indicators.REGISTRY))})
    if st.button(t("komitmen.simpan"), type="primary", key="komitmen_simpan"):
        try:
            frame = store.validate_kind("komitmen", edited)
        except readers.DataError as err:
            show_problems(err, "komitmen")
            return
        # the grid shows the whole table, so what it holds (rows deleted in it too) is the new table
        version = s.save("komitmen", frame, store.Meta(berkas="(disunting di dasbor)", checksum="", oleh=editor_name()),
                         bundled=bundled(), mode=history.GANTI)
        version_changed()
        st.session_state["_komitmen_pesan"] = t("komitmen.tersimpan", versi=version)
        st.rerun()
