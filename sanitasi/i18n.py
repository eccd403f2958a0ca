"""Every text a user reads, in Bahasa Indonesia (default) and English, looked up by key.

One catalogue per language; a test fails when a key exists in one and not the other, or when the
code asks for a key that no catalogue has. Placeholders use `str.format` names: `{tahun}`.
"""

from __future__ import annotations

LANGUAGES = ("id", "en")

ID: dict[str, str] = {
    # general
    "umum.kabupaten": "Kabupaten Tanah Bumbu",
    "umum.setelah_2100": "setelah 2100",
    "umum.ilustratif": "ILUSTRATIF",
    "umum.resmi": "data dimuat editor",
    # navigation
    "nav.ringkasan": "Ringkasan",
    "nav.peta": "Peta",
    "nav.lintasan": "Lintasan target",
    "nav.kecamatan": "Kecamatan",
    "nav.kebutuhan": "Kebutuhan",
    "nav.metodologi": "Metodologi",
    # sidebar
    "sidebar.dokumen": "Target (dokumen)",
    "sidebar.dokumen_bantuan": "Dokumen yang target-nya dipakai di semua halaman.",
    "sidebar.tahun": "Tahun data",
    "sidebar.tahun_bantuan": "Data sampai tahun ini yang dipakai. Pilih tahun lebih awal untuk melihat "
                             "posisi pada saat itu, misalnya saat coaching clinic 2021.",
    "sidebar.data": "Data yang dipakai",
    "sidebar.data_isi": "Bawaan dasbor, versi {versi} ({tanggal}) · {status}",
    "sidebar.data_versi": "Versi {versi}, dimuat {tanggal} · {status}",
    "sidebar.batas_skematis": "Batas kecamatan: skematis, bukan batas resmi.",
    "banner.ilustratif": "**Data ilustratif, bukan angka resmi.** Nama, kode, dan pemekaran kecamatan nyata.",
    "kontrol.indikator": "Indikator",
    "kontrol.kecamatan": "Kecamatan",
    # statuses
    "status.tercapai": "Tercapai",
    "status.sesuai_jalur": "Sesuai jalur",
    "status.perlu_percepatan": "Perlu percepatan",
    "status.lambat": "Kemajuan lambat",
    "status.memburuk": "Memburuk",
    "status.tidak_tercapai": "Tidak tercapai",
    "status.data_kurang": "Data kurang",
    "status.tanpa_target": "Tanpa target",
    # cards
    "kartu.dari_tahun": "dari {tahun}",
    "kartu.tanpa_target": "Dokumen ini tidak menetapkan target untuk indikator ini.",
    "kartu.sudah_capai": "Target sudah tercapai.",
    "kartu.kurang_poin": "Kurang **{poin} poin** dari target.",
    "kartu.target": "Target **{nilai}** pada {tahun}",
    "kartu.kk_kurang": "Setara **{kk}** yang belum terjangkau.",
    "kartu.kk_cukup": "Tidak ada kekurangan rumah tangga.",
    "metode.singkat": "Metode: tren linear JMP (5 tahun terakhir) dengan ambang rasio Statistics Canada/Open SDG.",
    # sentences a presenter reads out
    "kalimat.tercapai": "{wilayah}: {indikator} **{nilai}** pada {tahun}, sudah mencapai target {dokumen} ({target}).",
    "kalimat.tidak_tercapai": "{wilayah}: {indikator} **{nilai}** pada {tahun}. Target {dokumen} ({target} pada "
                              "{tahun_target}) **tidak tercapai**.",
    "kalimat.sesuai_jalur": "{wilayah}: {indikator} **{nilai}** pada {tahun}. Laju {laju} cukup (perlu {perlu}): "
                            "target {target} pada {tahun_target} **sesuai jalur**.",
    "kalimat.perlu_percepatan": "{wilayah}: {indikator} **{nilai}** pada {tahun}. Laju saat ini {laju}, padahal "
                                "perlu {perlu}: **perlu percepatan** untuk mencapai {target} pada {tahun_target} "
                                "(proyeksi {proyeksi}).",
    "kalimat.lambat": "{wilayah}: {indikator} **{nilai}** pada {tahun}. Laju {laju} jauh di bawah yang diperlukan "
                      "({perlu}): pada {tahun_target} diproyeksikan baru {proyeksi}, target {target}.",
    "kalimat.memburuk": "{wilayah}: {indikator} **{nilai}** pada {tahun} dan **bergerak menjauhi target** "
                        "({laju}); perlu {perlu} untuk mencapai {target} pada {tahun_target}.",
    "kalimat.data_kurang": "{wilayah}: data {indikator} belum cukup (kurang dari dua tahun) untuk menilai "
                           "kemajuan terhadap {dokumen}.",
    "kalimat.tanpa_target": "{dokumen} tidak menetapkan target {indikator} untuk {wilayah}.",
    "kalimat.perkiraan": "Pada laju sekarang target tercapai sekitar **{tahun}**.",
    "kalimat.tidak_pernah": "Pada laju sekarang target **tidak akan tercapai**.",
    # chart words
    "grafik.tahun": "Tahun",
    "grafik.tangga": "Tangga akses",
    "grafik.persen": "Persen KK",
    "grafik.kk": "Jumlah KK",
    "grafik.kecamatan": "Kecamatan",
    "grafik.wilayah": "Wilayah",
    "grafik.nilai": "Nilai",
    "grafik.target": "Target",
    "grafik.selisih": "Selisih ke target",
    "grafik.kk_tanpa": "KK belum terjangkau",
    "grafik.kk_tanpa_layak": "KK tanpa akses layak",
    "grafik.kk_tanpa_aman": "KK belum akses aman",
    "grafik.kk_tanpa_babs_terbuka": "KK masih BABS terbuka",
    "grafik.status": "Status",
    "grafik.catatan": "Catatan",
    "grafik.sumber": "Sumber: data dimuat pengguna · v{versi}, {tanggal}",
    "grafik.sumber_ilustratif": "Sumber: data ILUSTRATIF, bukan angka resmi · v{versi}, {tanggal}",
    # overview
    "ringkasan.judul": "Ringkasan akses sanitasi",
    "ringkasan.pengantar": "Posisi Kabupaten Tanah Bumbu pada **{tahun}** terhadap target **{dokumen}**: nilai "
                           "terakhir, perubahan setahun, selisih ke target (poin dan rumah tangga), dan status "
                           "kemajuan.",
    "ringkasan.tangga_judul": "Tangga akses sanitasi kabupaten (% KK)",
    "ringkasan.tabel_judul": "Status per kecamatan",
    "ringkasan.tabel_bantuan": "Status terhadap target {dokumen}. Klik judul kolom untuk mengurutkan.",
    "tabel.kecamatan": "Kecamatan",
    "tabel.status_dari": "Status {indikator}",
    "tabel.jumlah_kk": "Jumlah KK",
    "tabel.dokumen": "Dokumen",
    "tabel.indikator": "Indikator",
    "tabel.target": "Target",
    "tabel.nilai_terakhir": "Nilai terakhir",
    "tabel.laju": "Laju (poin/tahun)",
    "tabel.status": "Status",
    "tabel.perkiraan": "Perkiraan tercapai",
    # map
    "peta.judul": "Peta per kecamatan, {tahun}",
    "peta.warna": "Warnai menurut",
    "peta.warna_nilai": "Nilai",
    "peta.warna_selisih": "Selisih",
    "peta.warna_status": "Status",
    "peta.tampilan": "Tampilan",
    "peta.tampilan_wilayah": "Wilayah",
    "peta.tampilan_petak": "Petak",
    "peta.judul_grafik": "{indikator} per kecamatan, {tahun}",
    "peta.peringkat_judul": "Peringkat kecamatan",
    "peta.garis_target": "Garis putus = target {nilai}% ({tahun})",
    "peta.target_selisih": "Target {target} · selisih {selisih}",
    "peta.ke_profil": "Buka profil Kecamatan {nama}",
    "peta.catatan_skematis": "Batas kecamatan **skematis**: dibuat dari titik pusat kecamatan dan garis batas "
                             "kabupaten yang disederhanakan, bukan batas resmi BIG. Letak dan luas kira-kira.",
    "peta.catatan_petak": "Peta petak: satu kotak sama besar per kecamatan, ditempatkan kira-kira sesuai "
                          "letaknya, agar kecamatan kecil tetap terlihat.",
    "peta.data_induk": "Pada {tahun} wilayah ini masih bagian dari {induk}: nilainya nilai {induk}.",
    "peta.batas_lama": "Peta batas {tahun}: termasuk {anak}, dijumlahkan dari data kecamatan.",
    "peta.catatan_batas_lama": "Berkas batas ini dari sebelum pemekaran 2021 ({n} kecamatan, batas {tahun}): Kusan Tengah dan Teluk Kepayang tergambar di dalam induknya, dengan data yang dijumlahkan kembali.",
    "peta.legenda_selisih": "Selisih ke target (poin; + = melampaui)",
    "peta.legenda_status": "Status kemajuan",
    # trajectory
    "lintasan.judul": "Lintasan menuju target",
    "lintasan.basis": "Batas wilayah",
    "lintasan.basis_kini": "Sekarang (12)",
    "lintasan.basis_2020": "2020 (10)",
    "lintasan.basis_bantuan": "Pada 2021 Kusan Tengah dimekarkan dari Kusan Hilir dan Teluk Kepayang dari Kusan "
                              "Hulu. 'Sekarang' memakai 12 kecamatan (anak mulai 2021); '2020' menggabungkan "
                              "kembali anak ke induknya agar deret panjang sebanding.",
    "lintasan.anak_lama": "Pada batas {tahun}, {nama} masih bagian dari {induk}: yang ditampilkan adalah {induk} "
                          "(termasuk {nama}).",
    "lintasan.judul_grafik": "{indikator}: {wilayah}",
    "lintasan.catatan_lama": "Titik kosong: tahun sebelum pemekaran 2021, ketika kecamatan ini masih mencakup "
                             "wilayah yang kini kecamatan lain. Tidak dipakai untuk menghitung tren.",
    "lintasan.semua_judul": "Semua kecamatan: {indikator}",
    "lintasan.semua_bantuan": "Diurutkan dari status terburuk. Garis putus-putus: target {dokumen}.",
    "lintasan.semua_grafik": "{indikator} per kecamatan, urut menurut status",
    "lintasan.seri_observasi": "Data",
    "lintasan.seri_tren": "Tren",
    "lintasan.seri_proyeksi": "Proyeksi",
    "lintasan.seri_jalur": "Jalur target",
    "lintasan.titik_sebanding": "Wilayah sama dengan sekarang",
    "lintasan.titik_lama": "Wilayah lama, sebelum pemekaran",
    "lintasan.jenis_antara": "Target antara",
    "lintasan.jenis_akhir": "Target akhir",
    "lintasan.label_target": "Target {nilai} ({tahun})",
    "lintasan.label_target_saja": "Target {nilai}",
    "fakta.terakhir": "Nilai terakhir",
    "fakta.target": "Target",
    "fakta.laju_kini": "Laju saat ini",
    "fakta.laju_perlu": "Laju yang diperlukan",
    "fakta.rasio": "Rasio laju (saat ini ÷ perlu)",
    "fakta.proyeksi": "Proyeksi {tahun}",
    "fakta.perkiraan": "Perkiraan tahun tercapai",
    "fakta.tidak_tercapai_laju": "tidak tercapai pada laju ini",
    # kecamatan profile
    "profil.judul": "Kecamatan {nama}",
    "profil.tanpa_layak": "KK tanpa akses layak",
    "profil.tanpa_aman": "KK belum akses aman",
    "profil.babs": "KK masih BABS di tempat terbuka",
    "profil.peringkat": "peringkat {posisi} dari {dari}",
    "profil.ibukota": "Ibu kota {ibukota}",
    "profil.desa": "{desa} desa, {kelurahan} kelurahan",
    "profil.kk": "{kk} ({tahun})",
    "profil.pemekaran_anak": "{nama} dibentuk pada {tahun} dari {induk}. Datanya mulai {tahun}; sebelumnya "
                             "tercatat di {induk}.",
    "profil.pemekaran_induk": "Pada {tahun} sebagian wilayah {nama} menjadi {anak}. Data sebelum {tahun} mencakup "
                              "wilayah lama yang lebih luas dan tidak dipakai untuk tren.",
    "profil.tangga_sejak": "Ditampilkan sejak {tahun}: tahun sebelumnya mencakup wilayah lama yang lebih luas.",
    "profil.tangga_judul": "Tangga akses sanitasi: {nama} (% KK)",
    "profil.banding_judul": "Dibandingkan dengan kabupaten",
    "profil.tanpa_judul": "Rumah tangga yang belum terjangkau ({tahun})",
    "profil.peringkat_judul": "Peringkat di antara kecamatan (1 = terbaik)",
    "profil.status_judul": "Status terhadap setiap target",
    # needs
    "kebutuhan.judul": "Kebutuhan untuk mencapai target",
    "kebutuhan.tahun_capai": "Target dicapai pada tahun",
    "kebutuhan.tahun_capai_bantuan": "Bawaan: tahun target dokumen bila masih di depan, atau lima tahun setelah "
                                     "data terakhir bila sudah lewat.",
    "kebutuhan.target_dipakai": "Target",
    "kebutuhan.target_nilai": "{nilai}% · {dokumen}",
    "kebutuhan.target_lewat": "Tahun target {dokumen} ({tahun}) sudah lewat. Angka di bawah menunjukkan apa yang "
                              "diperlukan untuk mengejar nilai target itu pada tahun yang dipilih.",
    "kebutuhan.biaya_judul": "Biaya satuan (dapat diubah)",
    "kebutuhan.biaya_bantuan": "Perubahan hanya berlaku di layar ini selama sesi; berkas data tidak diubah. "
                               "Porsi = bagian KK sasaran yang memerlukan langkah itu. Angka bawaan ILUSTRATIF.",
    "kebutuhan.b_langkah": "Langkah",
    "kebutuhan.b_biaya": "Biaya per KK (Rp)",
    "kebutuhan.b_porsi": "Porsi KK (0–1)",
    "kebutuhan.total": "Jumlah kabupaten",
    "kebutuhan.ringkasan_naik": "Untuk mencapai {indikator} {target} pada {tahun} perlu menjangkau **{kk}** "
                                "({per_tahun} per tahun), dengan perkiraan biaya **{biaya}** ({biaya_tahun} per "
                                "tahun).",
    "kebutuhan.ringkasan_babs": "Untuk mencapai BABS di tempat terbuka {target} pada {tahun}, **{kk}** perlu "
                                "berhenti BABS ({per_tahun} per tahun), dengan perkiraan biaya **{biaya}** "
                                "({biaya_tahun} per tahun).",
    "kebutuhan.ringkasan_lewat": "Tahun {tahun} sudah lewat: kekurangan saat ini {kk}, perkiraan biaya {biaya}.",
    "kebutuhan.m_kk": "KK perlu dijangkau",
    "kebutuhan.m_per_tahun": "Per tahun",
    "kebutuhan.m_biaya": "Perkiraan biaya",
    "kebutuhan.m_biaya_tahun": "Biaya per tahun",
    "kebutuhan.kk_per_tahun": "KK per tahun",
    "kebutuhan.grafik_kecamatan": "KK per tahun yang perlu dijangkau sampai {tahun}, per kecamatan",
    "kebutuhan.grafik_tahunan": "Tambahan KK per tahun, kabupaten (sampai {tahun})",
    "kebutuhan.catatan_tahunan": "Jalur lurus dari persentase sekarang ke target; jumlah KK tumbuh mengikuti "
                                 "pertumbuhan rumah tangga dalam data.",
    "kebutuhan.k_kk_kini": "KK {tahun}",
    "kebutuhan.k_kk_proyeksi": "KK proyeksi {tahun}",
    "kebutuhan.k_akses_naik": "KK sudah berakses",
    "kebutuhan.k_akses_babs": "KK masih BABS",
    "kebutuhan.k_kesenjangan": "KK perlu dijangkau",
    "kebutuhan.k_per_tahun": "Per tahun",
    "kebutuhan.k_biaya": "Biaya",
    "kebutuhan.k_biaya_tahun": "Biaya per tahun",
    "kebutuhan.k_alokasi": "KK per tahun",
    "kebutuhan.k_tahun_capai": "Tahun tercapai",
    "kebutuhan.asumsi": "Asumsi: jumlah KK tumbuh sesuai laju lima tahun terakhir; kecamatan yang sudah melampaui "
                        "target tidak dihitung (kebutuhan kabupaten = jumlah kebutuhan kecamatan); biaya = KK × "
                        "jumlah (porsi × biaya satuan). Lihat Metodologi.",
    "kebutuhan.skenario_judul": "Bagaimana jika…",
    "kebutuhan.skenario_input_naik": "KK per tahun yang naik ke {indikator}",
    "kebutuhan.skenario_input_babs": "KK per tahun yang berhenti BABS",
    "kebutuhan.skenario_grafik": "Jika {kk} KK per tahun dijangkau: persentase per kecamatan",
    "kebutuhan.skenario_capai": "Kabupaten mencapai {target} pada **{tahun}**.",
    "kebutuhan.skenario_tidak": "Kabupaten **belum** mencapai {target} sampai 2045.",
    "kebutuhan.skenario_kecamatan": "{n} dari {dari} kecamatan mencapainya sebelum 2046. Jumlah per tahun dibagi "
                                    "menurut besar kekurangan tiap kecamatan sekarang.",
    "kebutuhan.belum_capai": "belum sampai {tahun}",
    # methods
    "metodologi.judul": "Metodologi dan sumber data",
    "metodologi.pengantar": "Halaman ini menjelaskan definisi, rumus, ambang status, dan asal setiap angka. "
                            "Semua perhitungan ada di paket `sanitasi` yang diuji otomatis.",
    "metodologi.tangga_judul": "Tangga akses sanitasi",
    "metodologi.tangga_teks": "Lima anak tangga mengikuti definisi BPS/Susenas dan pemetaan NAWASIS ke tangga "
                              "WHO/UNICEF JMP. Kelimanya berjumlah 100% KK. **Layak** = aman + layak sendiri + "
                              "layak bersama, jadi *aman* termasuk di dalam *layak*. Persentase wilayah gabungan "
                              "dihitung dari jumlah KK yang dijumlahkan, **bukan rata-rata persentase**.",
    "metodologi.k_definisi": "Definisi",
    "metodologi.k_jmp": "Padanan JMP",
    "metodologi.k_arah": "Arah baik",
    "metodologi.k_rumus": "Rumus",
    "metodologi.arah_naik": "makin tinggi makin baik",
    "metodologi.arah_turun": "makin rendah makin baik",
    "metodologi.status_judul": "Status kemajuan",
    "metodologi.status_teks": "Laju saat ini = kemiringan garis kuadrat terkecil (poin persen per tahun) atas "
                              "data {window} tahun terakhir (metode tren linear JMP). Laju yang diperlukan = "
                              "(target − nilai terakhir) ÷ (tahun target − tahun terakhir). **R** = laju saat ini "
                              "÷ laju yang diperlukan. Proyeksi = nilai terakhir + laju × sisa tahun, dibatasi "
                              "0–100. Perkiraan tahun tercapai = tahun terakhir + ⌈(target − nilai) ÷ laju⌉.",
    "metodologi.k_aturan": "Aturan",
    "metodologi.aturan_tercapai": "nilai sudah memenuhi target (pada tahun target, bila sudah lewat)",
    "metodologi.aturan_tidak_tercapai": "tahun target sudah lewat dan nilai pada tahun itu belum memenuhi target",
    "metodologi.aturan_data_kurang": "kurang dari 2 titik data dalam jendela tren",
    "metodologi.status_sumber": "Sumber: WHO/UNICEF JMP, metode estimasi (tren linear, percepatan yang "
                                "diperlukan); Statistics Canada dan Open SDG, metodologi kemajuan (ambang 95% dan "
                                "60% untuk rasio laju). Di sini laju dalam poin persen, bukan pertumbuhan majemuk, "
                                "karena dekat 100% pertumbuhan majemuk sebuah persentase sangat kecil.",
    "metodologi.kebutuhan_judul": "Kebutuhan rumah tangga dan biaya",
    "metodologi.kebutuhan_teks": "Jumlah KK tahun target = KK sekarang × (1 + pertumbuhan)^sisa tahun, dengan "
                                 "pertumbuhan majemuk KK lima tahun terakhir tiap kecamatan. KK yang harus "
                                 "berakses = ⌈target % × KK tahun target⌉; kekurangan = itu − KK berakses sekarang "
                                 "(tidak kurang dari 0). Untuk BABS: KK yang perlu berhenti = KK BABS sekarang − "
                                 "⌊target % × KK tahun target⌋. Biaya = kekurangan × Σ(porsi × biaya satuan). "
                                 "Skenario 'bagaimana jika': tanpa program persentase tiap kecamatan tetap; "
                                 "program menambah KK per tahun yang dibagi menurut kekurangan sekarang.",
    "metodologi.pemekaran_judul": "Pemekaran 2021",
    "metodologi.pemekaran_teks": "Pada 2021 Kusan Tengah dibentuk dari Kusan Hilir dan Teluk Kepayang dari Kusan "
                                 "Hulu. Data sebelum 2021 tercatat pada batas lama. **Batas sekarang:** anak mulai "
                                 "2021; baris induk sebelum 2021 mencakup wilayah lebih luas, ditandai dan tidak "
                                 "dipakai untuk tren. **Batas 2020:** anak dijumlahkan kembali ke induknya pada "
                                 "setiap tahun (jumlah KK, lalu persentase dihitung ulang), sehingga deret panjang "
                                 "sebanding. Angka lama tidak pernah dibagi dengan perkiraan. Total kabupaten sama "
                                 "pada kedua cara.",
    "metodologi.target_judul": "Target yang dimuat",
    "metodologi.k_wilayah": "Wilayah",
    "metodologi.k_catatan": "Catatan",
    "metodologi.data_judul": "Asal data",
    "metodologi.k_berkas": "Berkas",
    "metodologi.k_isi": "Isi",
    "metodologi.k_sumber": "Sumber",
    "metodologi.k_status": "Status",
    "metodologi.data_teks": "Rincian kolom, satuan, dan sumber ada di `data/README.md`. Angka resmi per kecamatan "
                            "untuk Tanah Bumbu tidak tersedia untuk umum; sumber yang perlu diminta: BPS Tanah Bumbu "
                            "(Susenas) dan Dinas Kesehatan (STBM).",
    "definisi.layak": "Aman + layak sendiri + layak bersama (definisi BPS, termasuk fasilitas bersama).",
    "definisi.aman": "Milik sendiri, leher angsa, tangki septik disedot minimal sekali dalam 5 tahun terakhir dan "
                     "diolah di IPLT, atau tersambung ke SPALD-T.",
    "definisi.layak_sendiri": "Milik sendiri, leher angsa dengan tangki septik (di perdesaan juga lubang tanah), "
                              "belum memenuhi syarat aman.",
    "definisi.layak_bersama": "Dipakai bersama rumah tangga tertentu, leher angsa dengan tangki septik atau IPALD.",
    "definisi.belum_layak": "Fasilitas yang tidak memenuhi syarat layak, termasuk lubang tanah di perkotaan, "
                            "cubluk/cemplung, dan BABS tertutup.",
    "definisi.babs_terbuka": "Buang air besar di tempat terbuka: kebun, sungai, pantai, atau ruang terbuka.",
    "berkas.wilayah.isi": "12 kecamatan: kode Kemendagri dan BPS, nama, alias ejaan, ibu kota, luas, titik pusat, "
                          "pemekaran",
    "berkas.wilayah.sumber": "Kemendagri (cahyadsn/wilayah), BPS Tanah Bumbu Dalam Angka 2020",
    "berkas.wilayah.status": "Nyata",
    "berkas.akses.isi": "KK per kecamatan per tahun 2018–2025 pada lima anak tangga",
    "berkas.akses.sumber": "Dibuat skrip berbenih scripts/build_akses.py, dikalibrasi ke angka kabupaten",
    "berkas.akses.status": "ILUSTRATIF",
    "berkas.target.isi": "Target per dokumen, indikator, wilayah, tahun",
    "berkas.target.sumber": "Perpres 18/2020 (RPJMN), SDG 6.2, Visi Indonesia 2045; SSK contoh",
    "berkas.target.status": "Nyata, kecuali SSK (ILUSTRATIF)",
    "berkas.batas.isi": "Poligon 12 kecamatan (shapefile)",
    "berkas.batas.sumber": "Dibuat skrip scripts/build_batas.py dari titik pusat dan garis batas kabupaten",
    "berkas.batas.status": "SKEMATIS",
    "berkas.biaya.isi": "Biaya satuan per KK untuk tiap langkah naik tangga",
    "berkas.biaya.sumber": "Asumsi tim, untuk diganti harga satuan daerah",
    "berkas.biaya.status": "ILUSTRATIF",
    "nav.data": "Data",
    "data.judul": "Data dan versi",
    "data.pengantar": "Setiap berkas yang dimuat menjadi **versi baru**; tidak ada yang ditimpa. Satu versi aktif dipakai semua halaman. Versi 0 adalah data bawaan (ilustratif) dan tidak bisa diubah.",
    "data.store_gagal": "Penyimpanan data tidak bisa dibuka. Dasbor memakai data bawaan. Periksa SANITASI_DB_URL.",
    "data.versi_judul": "Versi tersimpan",
    "data.pilih_versi": "Pilih versi",
    "data.tab_lihat": "Lihat isi",
    "data.tab_banding": "Bandingkan dengan versi aktif",
    "data.tab_unduh": "Unduh",
    "data.jenis": "Jenis data",
    "data.jenis_akses": "Akses sanitasi",
    "data.jenis_target": "Target",
    "data.jenis_batas": "Batas kecamatan",
    "data.jenis_biaya": "Biaya satuan",
    "data.jenis_semua": "Semua (bawaan)",
    "data.banding_sama": "Versi yang dipilih adalah versi aktif.",
    "data.banding_info": "{n} baris akses berbeda antara versi {versi} dan versi aktif ({aktif}).",
    "data.unduh_csv": "CSV {jenis}",
    "data.unduh_xlsx": "Semua tabel (XLSX)",
    "data.aktifkan": "Aktifkan versi {versi}",
    "data.diaktifkan": "Versi {versi} sekarang aktif.",
    "data.hapus": "Sembunyikan versi {versi}",
    "data.muat_judul": "Muat data baru",
    "data.muat_hanya_editor": "Hanya editor yang dapat memuat data.",
    "data.bantuan_akses": "CSV (pemisah ; , atau tab, desimal koma) atau XLSX: satu baris per kecamatan dan tahun, jumlah KK pada lima anak tangga, atau persentase bersama jumlah KK. Unduh templat di bawah.",
    "data.bantuan_target": "Target dokumen apa pun (mis. RPJMN 2025-2029, SSK): dokumen, indikator, tahun, nilai; kolom kecamatan kosong = target kabupaten. Dokumen yang sama diganti, dokumen lain tetap.",
    "data.bantuan_batas": "Shapefile dalam satu .zip (dari BIG atau GADM), GeoJSON, atau GeoPackage. Sistem koordinat apa pun dengan .prj diubah ke WGS 84.",
    "data.bantuan_biaya": "Biaya satuan per KK untuk tiap langkah: kode, indikator, langkah, biaya_per_kk, porsi.",
    "data.unggah": "Unggah berkas",
    "data.lembar": "Lembar (sheet)",
    "data.catatan_versi": "Catatan untuk versi ini (mis. sumber dan tanggal data)",
    "data.simpan": "Simpan sebagai versi baru dan aktifkan",
    "data.tersimpan": "Tersimpan sebagai versi {versi} dan sekarang aktif.",
    "data.templat_judul": "Templat dan unduhan",
    "data.templat_bantuan": "Templat berisi judul kolom yang dikenali dan lembar penjelasan. Berkas unduhan aman dibuka di Excel.",
    "data.editor_belum": "Mode hanya-baca. Untuk mengizinkan editor: jalankan `python -m sanitasi.cli hash-password`, lalu simpan hasilnya sebagai `password_hash` di bagian `[editor]` pada `.streamlit/secrets.toml` atau di variabel lingkungan `SANITASI_EDITOR_HASH`, dan jalankan ulang dasbor.",
    "data.editor_masuk": "Masuk sebagai editor: {nama}",
    "data.keluar": "Keluar",
    "data.terkunci": "Terlalu banyak percobaan masuk yang gagal. Pengeditan dikunci sampai {waktu}.",
    "data.masuk_judul": "Masuk sebagai editor",
    "data.nama_editor": "Nama (dicatat pada setiap versi)",
    "data.sandi": "Kata sandi editor",
    "data.masuk": "Masuk",
    "data.sandi_salah": "Kata sandi salah.",
    "data.kolom_tanya": "Beberapa kolom tidak dikenali. Tunjukkan kolom mana yang berisi data berikut:",
    "data.pakai": "Pakai pilihan ini",
    "data.nama_tanya": "Beberapa nama kecamatan tidak dikenali. Pilih kecamatan yang dimaksud (tidak ada yang dicocokkan otomatis dengan tebakan):",
    "data.nama_di_berkas": "Di berkas: {nama}",
    "data.bukan_kecamatan": "— pilih kecamatan —",
    "data.masalah": "Ada {n} masalah; tidak ada yang disimpan. Perbaiki berkas lalu unggah lagi.",
    "data.unduh_masalah": "Unduh daftar masalah (CSV)",
    "data.k_versi": "Versi",
    "data.k_aktif": "Aktif",
    "data.k_waktu": "Waktu",
    "data.k_jenis": "Jenis",
    "data.k_berkas": "Berkas",
    "data.k_baris": "Baris",
    "data.k_oleh": "Oleh",
    "data.k_catatan": "Catatan",
    "data.versi_n": "Versi {n}",
    "data.kk_lama": "KK (aktif)",
    "data.kk_baru": "KK (dipilih)",
    "data.lama": "aktif",
    "data.baru": "dipilih",
    "data.ringkas_akses": "Siap dimuat: {baris} baris, {kecamatan} kecamatan, tahun {tahun}; {kk} pada {akhir}.",
    "data.ringkas_target": "Siap dimuat: {baris} baris target dari: {dokumen}.",
    "data.ringkas_batas": "Siap dimuat: {n} poligon kecamatan ({nama}).",
    "data.ringkas_biaya": "Siap dimuat: {baris} langkah biaya satuan.",
}

EN: dict[str, str] = {
    "umum.kabupaten": "Tanah Bumbu Regency",
    "umum.setelah_2100": "after 2100",
    "umum.ilustratif": "ILLUSTRATIVE",
    "umum.resmi": "data loaded by an editor",
    "nav.ringkasan": "Overview",
    "nav.peta": "Map",
    "nav.lintasan": "Target trajectory",
    "nav.kecamatan": "District profile",
    "nav.kebutuhan": "Needs",
    "nav.metodologi": "Methods",
    "sidebar.dokumen": "Target (document)",
    "sidebar.dokumen_bantuan": "The document whose targets every page uses.",
    "sidebar.tahun": "Data year",
    "sidebar.tahun_bantuan": "Data up to this year are used. Pick an earlier year to see the position at that "
                             "time, for example at the 2021 coaching clinic.",
    "sidebar.data": "Data in use",
    "sidebar.data_isi": "Bundled with the dashboard, version {versi} ({tanggal}) · {status}",
    "sidebar.data_versi": "Version {versi}, loaded {tanggal} · {status}",
    "sidebar.batas_skematis": "Kecamatan boundaries: schematic, not official.",
    "banner.ilustratif": "**Illustrative data, not official figures.** Kecamatan names, codes and the split are real.",
    "kontrol.indikator": "Indicator",
    "kontrol.kecamatan": "Kecamatan",
    "status.tercapai": "Achieved",
    "status.sesuai_jalur": "On track",
    "status.perlu_percepatan": "Needs acceleration",
    "status.lambat": "Limited progress",
    "status.memburuk": "Deteriorating",
    "status.tidak_tercapai": "Not achieved",
    "status.data_kurang": "Insufficient data",
    "status.tanpa_target": "No target",
    "kartu.dari_tahun": "on {tahun}",
    "kartu.tanpa_target": "This document sets no target for this indicator.",
    "kartu.sudah_capai": "Target already met.",
    "kartu.kurang_poin": "**{poin} points** short of the target.",
    "kartu.target": "Target **{nilai}** by {tahun}",
    "kartu.kk_kurang": "Equal to **{kk}** not yet reached.",
    "kartu.kk_cukup": "No households short.",
    "metode.singkat": "Method: JMP linear trend (last 5 years) with Statistics Canada/Open SDG ratio thresholds.",
    "kalimat.tercapai": "{wilayah}: {indikator} **{nilai}** in {tahun}, the {dokumen} target ({target}) is met.",
    "kalimat.tidak_tercapai": "{wilayah}: {indikator} **{nilai}** in {tahun}. The {dokumen} target ({target} by "
                              "{tahun_target}) was **not achieved**.",
    "kalimat.sesuai_jalur": "{wilayah}: {indikator} **{nilai}** in {tahun}. The pace of {laju} is enough (needed "
                            "{perlu}): the {target} target by {tahun_target} is **on track**.",
    "kalimat.perlu_percepatan": "{wilayah}: {indikator} **{nilai}** in {tahun}. The current pace is {laju} but "
                                "{perlu} is needed: **acceleration needed** to reach {target} by {tahun_target} "
                                "(projected {proyeksi}).",
    "kalimat.lambat": "{wilayah}: {indikator} **{nilai}** in {tahun}. The pace of {laju} is far below what is "
                      "needed ({perlu}): by {tahun_target} only {proyeksi} is projected, against a target of "
                      "{target}.",
    "kalimat.memburuk": "{wilayah}: {indikator} **{nilai}** in {tahun} and **moving away from the target** ({laju}); "
                        "{perlu} is needed to reach {target} by {tahun_target}.",
    "kalimat.data_kurang": "{wilayah}: not enough {indikator} data (fewer than two years) to judge progress "
                           "against {dokumen}.",
    "kalimat.tanpa_target": "{dokumen} sets no {indikator} target for {wilayah}.",
    "kalimat.perkiraan": "At the current pace the target is reached around **{tahun}**.",
    "kalimat.tidak_pernah": "At the current pace the target will **never be reached**.",
    "grafik.tahun": "Year",
    "grafik.tangga": "Service level",
    "grafik.persen": "Percent of households",
    "grafik.kk": "Households",
    "grafik.kecamatan": "Kecamatan",
    "grafik.wilayah": "Area",
    "grafik.nilai": "Value",
    "grafik.target": "Target",
    "grafik.selisih": "Gap to target",
    "grafik.kk_tanpa": "Households not yet reached",
    "grafik.kk_tanpa_layak": "Households without adequate access",
    "grafik.kk_tanpa_aman": "Households not safely managed",
    "grafik.kk_tanpa_babs_terbuka": "Households still defecating in the open",
    "grafik.status": "Status",
    "grafik.catatan": "Note",
    "grafik.sumber": "Source: data loaded by users · v{versi}, {tanggal}",
    "grafik.sumber_ilustratif": "Source: ILLUSTRATIVE data, not official · v{versi}, {tanggal}",
    "ringkasan.judul": "Sanitation access overview",
    "ringkasan.pengantar": "Where Tanah Bumbu stands in **{tahun}** against the **{dokumen}** targets: latest "
                           "value, change over one year, gap to the target (points and households), and progress "
                           "status.",
    "ringkasan.tangga_judul": "Sanitation ladder of the regency (% of households)",
    "ringkasan.tabel_judul": "Status by kecamatan",
    "ringkasan.tabel_bantuan": "Status against the {dokumen} targets. Click a column header to sort.",
    "tabel.kecamatan": "Kecamatan",
    "tabel.status_dari": "Status {indikator}",
    "tabel.jumlah_kk": "Households",
    "tabel.dokumen": "Document",
    "tabel.indikator": "Indicator",
    "tabel.target": "Target",
    "tabel.nilai_terakhir": "Latest value",
    "tabel.laju": "Pace (points/year)",
    "tabel.status": "Status",
    "tabel.perkiraan": "Expected year met",
    "peta.judul": "Map by kecamatan, {tahun}",
    "peta.warna": "Colour by",
    "peta.warna_nilai": "Value",
    "peta.warna_selisih": "Gap",
    "peta.warna_status": "Status",
    "peta.tampilan": "View",
    "peta.tampilan_wilayah": "Areas",
    "peta.tampilan_petak": "Tiles",
    "peta.judul_grafik": "{indikator} by kecamatan, {tahun}",
    "peta.peringkat_judul": "Kecamatan ranking",
    "peta.garis_target": "Dashed line = target {nilai}% ({tahun})",
    "peta.target_selisih": "Target {target} · gap {selisih}",
    "peta.ke_profil": "Open the profile of {nama}",
    "peta.catatan_skematis": "**Schematic** kecamatan boundaries: made from kecamatan centre points and a "
                             "simplified district outline, not the official BIG boundaries. Position and size "
                             "are approximate.",
    "peta.catatan_petak": "Tile map: one equal square per kecamatan, placed roughly by location, so small "
                          "kecamatan stay visible.",
    "peta.data_induk": "In {tahun} this area was still part of {induk}: the value shown is {induk}'s.",
    "peta.batas_lama": "Map on {tahun} boundaries: includes {anak}, summed from the kecamatan data.",
    "peta.catatan_batas_lama": "This boundary file predates the 2021 split ({n} kecamatan, {tahun} boundaries): Kusan Tengah and Teluk Kepayang are drawn inside their parents, with their data added back.",
    "peta.legenda_selisih": "Gap to target (points; + = ahead)",
    "peta.legenda_status": "Progress status",
    "lintasan.judul": "Trajectory to the target",
    "lintasan.basis": "Boundaries",
    "lintasan.basis_kini": "Current (12)",
    "lintasan.basis_2020": "2020 (10)",
    "lintasan.basis_bantuan": "In 2021 Kusan Tengah was split from Kusan Hilir and Teluk Kepayang from Kusan Hulu. "
                              "'Current' uses 12 kecamatan (the new ones start in 2021); '2020' adds them back to "
                              "their parents so long series compare like with like.",
    "lintasan.anak_lama": "On the {tahun} boundaries {nama} was still part of {induk}: what is shown is {induk} "
                          "(including {nama}).",
    "lintasan.judul_grafik": "{indikator}: {wilayah}",
    "lintasan.catatan_lama": "Hollow points: years before the 2021 split, when this kecamatan still covered an area "
                             "that is now another kecamatan. They are not used for the trend.",
    "lintasan.semua_judul": "All kecamatan: {indikator}",
    "lintasan.semua_bantuan": "Ordered from the worst status. Dashed line: the {dokumen} target.",
    "lintasan.semua_grafik": "{indikator} by kecamatan, ordered by status",
    "lintasan.seri_observasi": "Data",
    "lintasan.seri_tren": "Trend",
    "lintasan.seri_proyeksi": "Projection",
    "lintasan.seri_jalur": "Target path",
    "lintasan.titik_sebanding": "Same area as today",
    "lintasan.titik_lama": "Old area, before the split",
    "lintasan.jenis_antara": "Interim target",
    "lintasan.jenis_akhir": "Final target",
    "lintasan.label_target": "Target {nilai} ({tahun})",
    "lintasan.label_target_saja": "Target {nilai}",
    "fakta.terakhir": "Latest value",
    "fakta.target": "Target",
    "fakta.laju_kini": "Current pace",
    "fakta.laju_perlu": "Required pace",
    "fakta.rasio": "Pace ratio (current ÷ required)",
    "fakta.proyeksi": "Projection {tahun}",
    "fakta.perkiraan": "Expected year met",
    "fakta.tidak_tercapai_laju": "not reached at this pace",
    "profil.judul": "Kecamatan {nama}",
    "profil.tanpa_layak": "Households without adequate access",
    "profil.tanpa_aman": "Households not safely managed",
    "profil.babs": "Households still defecating in the open",
    "profil.peringkat": "rank {posisi} of {dari}",
    "profil.ibukota": "Capital {ibukota}",
    "profil.desa": "{desa} villages, {kelurahan} urban villages",
    "profil.kk": "{kk} ({tahun})",
    "profil.pemekaran_anak": "{nama} was formed in {tahun} from {induk}. Its data start in {tahun}; before that "
                             "they are counted in {induk}.",
    "profil.pemekaran_induk": "In {tahun} part of {nama} became {anak}. Data before {tahun} cover the old, larger "
                              "area and are not used for the trend.",
    "profil.tangga_sejak": "Shown from {tahun}: earlier years cover the old, larger area.",
    "profil.tangga_judul": "Sanitation ladder: {nama} (% of households)",
    "profil.banding_judul": "Compared with the regency",
    "profil.tanpa_judul": "Households not yet reached ({tahun})",
    "profil.peringkat_judul": "Rank among kecamatan (1 = best)",
    "profil.status_judul": "Status against every target",
    "kebutuhan.judul": "What it takes to reach the target",
    "kebutuhan.tahun_capai": "Reach the target by",
    "kebutuhan.tahun_capai_bantuan": "Default: the document's target year when it is still ahead, otherwise five "
                                     "years after the latest data.",
    "kebutuhan.target_dipakai": "Target",
    "kebutuhan.target_nilai": "{nilai}% · {dokumen}",
    "kebutuhan.target_lewat": "The {dokumen} target year ({tahun}) has passed. The figures below show what it "
                              "takes to reach that target value by the year chosen.",
    "kebutuhan.biaya_judul": "Unit costs (editable)",
    "kebutuhan.biaya_bantuan": "Changes apply to this screen for this session only; the data file is not changed. "
                               "Share = the part of target households that need the step. Defaults are "
                               "ILLUSTRATIVE.",
    "kebutuhan.b_langkah": "Step",
    "kebutuhan.b_biaya": "Cost per household (Rp)",
    "kebutuhan.b_porsi": "Share of households (0–1)",
    "kebutuhan.total": "Regency total",
    "kebutuhan.ringkasan_naik": "To reach {indikator} of {target} by {tahun}, **{kk}** must be reached ({per_tahun} "
                                "a year), at an estimated cost of **{biaya}** ({biaya_tahun} a year).",
    "kebutuhan.ringkasan_babs": "To bring open defecation to {target} by {tahun}, **{kk}** must stop open "
                                "defecation ({per_tahun} a year), at an estimated cost of **{biaya}** ({biaya_tahun} "
                                "a year).",
    "kebutuhan.ringkasan_lewat": "The year {tahun} has passed: the shortfall today is {kk}, estimated cost {biaya}.",
    "kebutuhan.m_kk": "Households to reach",
    "kebutuhan.m_per_tahun": "Per year",
    "kebutuhan.m_biaya": "Estimated cost",
    "kebutuhan.m_biaya_tahun": "Cost per year",
    "kebutuhan.kk_per_tahun": "Households per year",
    "kebutuhan.grafik_kecamatan": "Households to reach per year until {tahun}, by kecamatan",
    "kebutuhan.grafik_tahunan": "Additional households per year, regency (until {tahun})",
    "kebutuhan.catatan_tahunan": "A straight path from today's percentage to the target; households grow at the "
                                 "rate seen in the data.",
    "kebutuhan.k_kk_kini": "Households {tahun}",
    "kebutuhan.k_kk_proyeksi": "Projected households {tahun}",
    "kebutuhan.k_akses_naik": "Households with access",
    "kebutuhan.k_akses_babs": "Households in open defecation",
    "kebutuhan.k_kesenjangan": "Households to reach",
    "kebutuhan.k_per_tahun": "Per year",
    "kebutuhan.k_biaya": "Cost",
    "kebutuhan.k_biaya_tahun": "Cost per year",
    "kebutuhan.k_alokasi": "Households per year",
    "kebutuhan.k_tahun_capai": "Year reached",
    "kebutuhan.asumsi": "Assumptions: households grow at the pace of the last five years; kecamatan already past the "
                        "target count as zero (regency need = sum of kecamatan needs); cost = households × "
                        "sum(share × unit cost). See Methods.",
    "kebutuhan.skenario_judul": "What if…",
    "kebutuhan.skenario_input_naik": "Households a year moving up to {indikator}",
    "kebutuhan.skenario_input_babs": "Households a year that stop open defecation",
    "kebutuhan.skenario_grafik": "If {kk} households a year are reached: percentage by kecamatan",
    "kebutuhan.skenario_capai": "The regency reaches {target} in **{tahun}**.",
    "kebutuhan.skenario_tidak": "The regency does **not** reach {target} by 2045.",
    "kebutuhan.skenario_kecamatan": "{n} of {dari} kecamatan reach it before 2046. The yearly number is shared in "
                                    "proportion to each kecamatan's shortfall today.",
    "kebutuhan.belum_capai": "not by {tahun}",
    "metodologi.judul": "Methods and data sources",
    "metodologi.pengantar": "This page explains the definitions, formulas, status thresholds and where every "
                            "number comes from. All calculations live in the tested `sanitasi` package.",
    "metodologi.tangga_judul": "The sanitation ladder",
    "metodologi.tangga_teks": "The five rungs follow the BPS/Susenas definitions as NAWASIS maps them to the "
                              "WHO/UNICEF JMP ladder. They add up to 100% of households. **Adequate** = safely "
                              "managed + adequate own + adequate shared, so *safely managed* is part of *adequate*. "
                              "Rates of combined areas are computed from summed household counts, **never by "
                              "averaging percentages**.",
    "metodologi.k_definisi": "Definition",
    "metodologi.k_jmp": "JMP equivalent",
    "metodologi.k_arah": "Better when",
    "metodologi.k_rumus": "Formula",
    "metodologi.arah_naik": "higher",
    "metodologi.arah_turun": "lower",
    "metodologi.status_judul": "Progress status",
    "metodologi.status_teks": "Current pace = slope of the least-squares line (percentage points per year) over "
                              "the last {window} years of data (the JMP linear trend). Required pace = (target − "
                              "latest value) ÷ (target year − latest year). **R** = current pace ÷ required pace. "
                              "Projection = latest value + pace × years left, bounded to 0–100. Expected year = "
                              "latest year + ⌈(target − value) ÷ pace⌉.",
    "metodologi.k_aturan": "Rule",
    "metodologi.aturan_tercapai": "the value meets the target (in the target year, if it has passed)",
    "metodologi.aturan_tidak_tercapai": "the target year has passed and the value in that year fell short",
    "metodologi.aturan_data_kurang": "fewer than 2 data points in the trend window",
    "metodologi.status_sumber": "Sources: WHO/UNICEF JMP estimation methods (linear trend, acceleration needed); "
                                "Statistics Canada and Open SDG progress methodology (95% and 60% thresholds on the "
                                "pace ratio). Paces here are in percentage points, not compound growth, because "
                                "near 100% the compound growth of a percentage is tiny.",
    "metodologi.kebutuhan_judul": "Households needed and cost",
    "metodologi.kebutuhan_teks": "Households in the target year = households now × (1 + growth)^years left, with "
                                 "each kecamatan's compound household growth over the last five years. Households "
                                 "that must have access = ⌈target % × households then⌉; shortfall = that − "
                                 "households with access now (never below 0). For open defecation: households to "
                                 "stop = households practising it now − ⌊target % × households then⌋. Cost = "
                                 "shortfall × Σ(share × unit cost). 'What if': without the programme each "
                                 "kecamatan keeps today's percentage; the programme adds households each year, "
                                 "shared in proportion to today's shortfall.",
    "metodologi.pemekaran_judul": "The 2021 split",
    "metodologi.pemekaran_teks": "In 2021 Kusan Tengah was formed from Kusan Hilir and Teluk Kepayang from Kusan "
                                 "Hulu. Data before 2021 were collected on the old boundaries. **Current "
                                 "boundaries:** the new kecamatan start in 2021; parent rows before 2021 cover a "
                                 "larger area, are flagged and left out of trends. **2020 boundaries:** the new "
                                 "kecamatan are added back to their parents in every year (household counts summed, "
                                 "then rates recomputed), so long series compare like with like. Old figures are "
                                 "never split by an estimate. The regency total is the same either way.",
    "metodologi.target_judul": "Targets loaded",
    "metodologi.k_wilayah": "Area",
    "metodologi.k_catatan": "Note",
    "metodologi.data_judul": "Where the data come from",
    "metodologi.k_berkas": "File",
    "metodologi.k_isi": "Content",
    "metodologi.k_sumber": "Source",
    "metodologi.k_status": "Status",
    "metodologi.data_teks": "Columns, units and sources are described in `data/README.md`. Official per-kecamatan "
                            "figures for Tanah Bumbu are not public; ask BPS Tanah Bumbu (Susenas) and the Health "
                            "Office (STBM) for them.",
    "definisi.layak": "Safely managed + adequate own + adequate shared (BPS definition, shared facilities included).",
    "definisi.aman": "Own facility, pour-flush toilet, septic tank emptied at least once in the last 5 years and "
                     "treated at a treatment plant (IPLT), or connected to a sewer system (SPALD-T).",
    "definisi.layak_sendiri": "Own facility, pour-flush toilet with septic tank (in rural areas also a pit), not "
                              "meeting the safely managed criteria.",
    "definisi.layak_bersama": "Shared with specific households, pour-flush toilet with septic tank or IPALD.",
    "definisi.belum_layak": "Facilities that are not adequate, including pits in urban areas, simple pit latrines "
                            "and enclosed open defecation.",
    "definisi.babs_terbuka": "Defecation in the open: fields, rivers, beaches or open spaces.",
    "berkas.wilayah.isi": "12 kecamatan: Kemendagri and BPS codes, names, spelling aliases, capital, area, centre "
                          "point, split lineage",
    "berkas.wilayah.sumber": "Kemendagri (cahyadsn/wilayah), BPS Tanah Bumbu in Figures 2020",
    "berkas.wilayah.status": "Real",
    "berkas.akses.isi": "Households per kecamatan per year 2018–2025 on the five rungs",
    "berkas.akses.sumber": "Made by the seeded script scripts/build_akses.py, calibrated to district figures",
    "berkas.akses.status": "ILLUSTRATIVE",
    "berkas.target.isi": "Targets by document, indicator, area and year",
    "berkas.target.sumber": "Perpres 18/2020 (RPJMN), SDG 6.2, Indonesia Vision 2045; example SSK",
    "berkas.target.status": "Real, except SSK (ILLUSTRATIVE)",
    "berkas.batas.isi": "Polygons of the 12 kecamatan (shapefile)",
    "berkas.batas.sumber": "Made by scripts/build_batas.py from centre points and the district outline",
    "berkas.batas.status": "SCHEMATIC",
    "berkas.biaya.isi": "Unit cost per household for each step up the ladder",
    "berkas.biaya.sumber": "Team assumption, to be replaced by local unit prices",
    "berkas.biaya.status": "ILLUSTRATIVE",
    "nav.data": "Data",
    "data.judul": "Data and versions",
    "data.pengantar": "Every file loaded becomes a **new version**; nothing is overwritten. One active version feeds every page. Version 0 is the bundled (illustrative) data and cannot be changed.",
    "data.store_gagal": "The data store cannot be opened. The dashboard uses the bundled data. Check SANITASI_DB_URL.",
    "data.versi_judul": "Stored versions",
    "data.pilih_versi": "Choose a version",
    "data.tab_lihat": "View",
    "data.tab_banding": "Compare with the active version",
    "data.tab_unduh": "Download",
    "data.jenis": "Kind of data",
    "data.jenis_akses": "Sanitation access",
    "data.jenis_target": "Targets",
    "data.jenis_batas": "Kecamatan boundaries",
    "data.jenis_biaya": "Unit costs",
    "data.jenis_semua": "All (bundled)",
    "data.banding_sama": "The chosen version is the active one.",
    "data.banding_info": "{n} access rows differ between version {versi} and the active version ({aktif}).",
    "data.unduh_csv": "CSV {jenis}",
    "data.unduh_xlsx": "All tables (XLSX)",
    "data.aktifkan": "Activate version {versi}",
    "data.diaktifkan": "Version {versi} is now active.",
    "data.hapus": "Hide version {versi}",
    "data.muat_judul": "Load new data",
    "data.muat_hanya_editor": "Only editors can load data.",
    "data.bantuan_akses": "CSV (; , or tab separated, decimal comma) or XLSX: one row per kecamatan and year, household counts on the five rungs, or percentages with the household count. Download a template below.",
    "data.bantuan_target": "Targets of any document (e.g. RPJMN 2025-2029, SSK): document, indicator, year, value; an empty kecamatan means a regency target. The same document is replaced, others stay.",
    "data.bantuan_batas": "A shapefile in one .zip (from BIG or GADM), GeoJSON, or GeoPackage. Any coordinate system with a .prj is converted to WGS 84.",
    "data.bantuan_biaya": "Unit cost per household for each step: code, indicator, step, biaya_per_kk, share.",
    "data.unggah": "Upload a file",
    "data.lembar": "Sheet",
    "data.catatan_versi": "Note for this version (e.g. source and date of the data)",
    "data.simpan": "Save as a new version and activate it",
    "data.tersimpan": "Saved as version {versi}, now active.",
    "data.templat_judul": "Templates and downloads",
    "data.templat_bantuan": "Templates hold the column headers the dashboard recognises and an explanation sheet. Downloads are safe to open in Excel.",
    "data.editor_belum": "Read-only mode. To allow editors: run `python -m sanitasi.cli hash-password`, store the result as `password_hash` in the `[editor]` section of `.streamlit/secrets.toml` or in the environment variable `SANITASI_EDITOR_HASH`, and restart the dashboard.",
    "data.editor_masuk": "Signed in as editor: {nama}",
    "data.keluar": "Sign out",
    "data.terkunci": "Too many failed sign-ins. Editing is locked until {waktu}.",
    "data.masuk_judul": "Sign in as editor",
    "data.nama_editor": "Name (recorded with every version)",
    "data.sandi": "Editor password",
    "data.masuk": "Sign in",
    "data.sandi_salah": "Wrong password.",
    "data.kolom_tanya": "Some columns were not recognised. Point at the column that holds each of these:",
    "data.pakai": "Use these choices",
    "data.nama_tanya": "Some kecamatan names were not recognised. Choose the kecamatan meant (nothing is matched automatically by guesswork):",
    "data.nama_di_berkas": "In the file: {nama}",
    "data.bukan_kecamatan": "— choose a kecamatan —",
    "data.masalah": "{n} problems; nothing was saved. Fix the file and upload it again.",
    "data.unduh_masalah": "Download the list of problems (CSV)",
    "data.k_versi": "Version",
    "data.k_aktif": "Active",
    "data.k_waktu": "Time",
    "data.k_jenis": "Kind",
    "data.k_berkas": "File",
    "data.k_baris": "Rows",
    "data.k_oleh": "By",
    "data.k_catatan": "Note",
    "data.versi_n": "Version {n}",
    "data.kk_lama": "Households (active)",
    "data.kk_baru": "Households (chosen)",
    "data.lama": "active",
    "data.baru": "chosen",
    "data.ringkas_akses": "Ready to load: {baris} rows, {kecamatan} kecamatan, years {tahun}; {kk} in {akhir}.",
    "data.ringkas_target": "Ready to load: {baris} target rows from: {dokumen}.",
    "data.ringkas_batas": "Ready to load: {n} kecamatan polygons ({nama}).",
    "data.ringkas_biaya": "Ready to load: {baris} unit-cost steps.",
}

CATALOGUE: dict[str, dict[str, str]] = {"id": ID, "en": EN}


def t(key: str, lang: str = "id", **kwargs: object) -> str:
    """The text for `key` in `lang` with placeholders filled; falls back to Indonesian, then to the key."""
    text = CATALOGUE.get(lang, ID).get(key) or ID.get(key) or key
    return text.format(**kwargs) if kwargs else text
