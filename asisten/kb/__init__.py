"""Knowledge loaders: files in, citable chunks out."""

from asisten.kb.loaders import LoadReport, load_document, load_paths
from asisten.kb.models import Chunk, Document, DocumentMeta

__all__ = ["Chunk", "Document", "DocumentMeta", "LoadReport", "load_document", "load_paths"]
