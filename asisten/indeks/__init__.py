"""The knowledge index: ingestion job, versioned storage, dense + keyword search."""

# The stages a build reports to its `progress` callback, named for people (CLI bar, Slack
# message). Here rather than in `build` so the CLI can name them without loading the build.
STAGE_LABELS = {
    "baca": "membaca berkas",
    # Scanned PDF pages read by OCR, page by page (seconds each).
    "ocr": "membaca halaman hasil pindai (OCR)",
    "embed": "membuat embedding",
    "simpan": "menyimpan indeks",
    # Another replica's (or `asisten indeks`') build holds the shared lock.
    "tunggu": "menunggu pengindeksan lain selesai",
}
