"""The knowledge index: ingestion job, versioned storage, dense + keyword search."""
