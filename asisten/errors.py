"""The exceptions asisten raises.

    AsistenError
    ├── ConfigError              a setting is missing or malformed
    ├── DocumentError            one input file cannot be used (message says what to do)
    │   ├── EmptyFileError
    │   ├── FileTooLargeError
    │   ├── UnsupportedTypeError
    │   ├── NotAPdfError
    │   ├── EncryptedPdfError
    │   ├── CorruptFileError
    │   ├── NoTextLayerError     a scan that OCR could not read either
    │   │   └── OcrUnavailableError
    │   └── DuplicateDocumentError
    ├── NotAdminError            an admin action asked for by someone else
    ├── DatabaseError            the database cannot be reached or its schema is not usable
    └── IndexError_              the knowledge index is missing, busy or unusable
        ├── IndexNotFoundError
        │   └── IndexFormatError
        ├── IndexBusyError
        └── EmptyIndexError      no file gave any text: nothing is published

Messages are in Bahasa Indonesia because they reach users verbatim at the edges (CLI, Slack).
"""

from __future__ import annotations

from pathlib import Path


class AsistenError(Exception):
    """Base class for every error asisten raises on purpose."""


class ConfigError(AsistenError):
    """A setting is missing or malformed; the message names the variable."""


class DocumentError(AsistenError):
    """A single file cannot be ingested. Other files still load."""

    problem = "berkas tidak dapat dibaca"
    advice = "Periksa berkasnya lalu coba lagi."

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.path.name}: {self.problem}{detail}. {self.advice}"


class EmptyFileError(DocumentError):
    problem = "berkas kosong (0 bita)"
    advice = "Unggah ulang berkas aslinya; kemungkinan unggahan terputus."


class FileTooLargeError(DocumentError):
    problem = "berkas melebihi batas ukuran"
    advice = "Pecah dokumen menjadi beberapa berkas atau naikkan ASISTEN_MAX_FILE_MB."


class UnsupportedTypeError(DocumentError):
    problem = "jenis berkas tidak didukung"
    advice = "Gunakan PDF, DOCX, Markdown (.md), teks (.txt), atau FAQ (.yaml)."


class NotAPdfError(DocumentError):
    problem = "berkas berakhiran .pdf tetapi isinya bukan PDF"
    advice = "Unduh ulang PDF dari sumber resminya; berkas ini mungkin halaman web atau rusak."


class EncryptedPdfError(DocumentError):
    problem = "PDF terkunci kata sandi"
    advice = "Minta versi tanpa kata sandi dari penerbitnya, atau buka kuncinya lalu unggah ulang."


class CorruptFileError(DocumentError):
    problem = "berkas rusak dan tidak dapat diurai"
    advice = "Unduh ulang berkas dari sumber resminya."


class FrontMatterError(CorruptFileError):
    problem = "front matter (bagian YAML di awal berkas) tidak valid"
    advice = "Perbaiki front matter sesuai contoh di corpus/README.md, lalu unggah lagi."


class NoTextLayerError(DocumentError):
    problem = "PDF tidak memiliki lapisan teks (hasil pindai gambar) dan OCR tidak menemukan teks"
    advice = (
        "Halamannya tampak kosong atau berupa foto. Pindai ulang dokumen aslinya dengan jelas "
        "(tegak, minimal 200 dpi), atau unggah PDF yang memiliki teks."
    )


class OcrUnavailableError(NoTextLayerError):
    problem = "PDF tidak memiliki lapisan teks (hasil pindai gambar) dan mesin OCR tidak tersedia"
    advice = (
        "Pasang ulang dependensi asisten (pip install -e .) agar OCR bawaan berjalan, atau "
        "jalankan OCR terlebih dahulu (misalnya ocrmypdf) lalu unggah hasilnya."
    )


class DuplicateDocumentError(DocumentError):
    problem = "isi berkas sama persis dengan dokumen yang sudah ada di indeks"
    advice = (
        "Tidak perlu diunggah lagi; gunakan /asisten indeks daftar untuk melihat dokumen yang ada."
    )


class NotAdminError(AsistenError):
    """An admin action asked for by someone who is not an admin."""

    def __init__(self) -> None:
        super().__init__(
            "Maaf, tindakan ini hanya untuk admin asisten. Hubungi admin tim inovasi daerah "
            "Anda bila ada dokumen yang perlu ditambahkan atau diperbarui."
        )


class DatabaseError(AsistenError):
    """The database is unreachable, its driver missing, or its schema not the one the code needs;
    the message says what to run or check."""


class IndexError_(AsistenError):  # noqa: N801 - avoid shadowing the builtin IndexError
    """The knowledge index cannot be used."""


class IndexNotFoundError(IndexError_):
    def __init__(self, home: Path) -> None:
        super().__init__(
            f"Indeks pengetahuan belum dibuat di {home}. Jalankan `asisten indeks` terlebih dahulu."
        )


class IndexBusyError(IndexError_):
    def __init__(self) -> None:
        super().__init__("Pembaruan indeks lain sedang berjalan; coba lagi setelah selesai.")


class EmptyIndexError(IndexError_):
    """A build whose files gave no chunk at all: an index without text answers nothing, so
    nothing is published and the version already published (if any) stays."""

    def __init__(self, files: int, reasons: list[str]) -> None:
        listed = "".join(f"\n- {reason}" for reason in reasons[:5])
        more = f"\n- … dan {len(reasons) - 5} berkas lain" if len(reasons) > 5 else ""
        super().__init__(
            f"Tidak ada teks yang dapat diindeks dari {files} berkas, jadi indeks tidak "
            f"diterbitkan; versi yang sudah ada (bila ada) tetap dipakai.{listed}{more}\n"
            "Tambahkan dokumen yang berisi teks (PDF dengan lapisan teks atau pindaian yang "
            "terbaca, DOCX, Markdown, FAQ YAML), lalu jalankan `asisten indeks` lagi."
        )


class IndexFormatError(IndexNotFoundError):
    """The published version was written by an older asisten in a format this one does not read;
    `asisten indeks` rebuilds it (reusing its vectors)."""

    def __init__(self, path: Path) -> None:
        IndexError_.__init__(
            self,
            f"Indeks {path.name} dibuat oleh versi asisten yang lebih lama dan formatnya tidak "
            "dibaca lagi. Jalankan `asisten indeks` untuk membangunnya ulang (embedding dipakai "
            "ulang, tidak dihitung dari awal).",
        )
