"""Perhitungan dasbor sanitasi PPSP Kabupaten Tanah Bumbu: murni, bertipe, teruji, tanpa streamlit."""

KODE_KABUPATEN = "63.10"
NAMA_KABUPATEN = "Kabupaten Tanah Bumbu"
