"""One index build in its own process: `python -m asisten.admin.worker < spec.json`.

Running builds outside the bot means a crash, a kill or the model's memory never touches the
process that answers questions; the published index only changes by the atomic swap at the end.
Progress and the result are JSON lines on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from asisten.config import load_settings
from asisten.errors import AsistenError


def _emit(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> int:
    from asisten.indeks.build import build_index
    from asisten.indeks.embedder import create_embedder
    from asisten.indeks.store import IndexStore

    spec = json.loads(sys.stdin.read())
    settings = load_settings(**spec["settings"])
    try:
        result = build_index(
            IndexStore(settings.index_dir), [Path(p) for p in spec["paths"]],
            lambda: create_embedder(settings.model), settings.model, settings.max_file_bytes,
            progress=lambda stage, done, total: _emit({"stage": stage, "done": done, "total": total}),
            force=spec.get("force", False), keep_versions=settings.keep_versions,
            built_by=spec.get("built_by", "admin"), overrides=spec.get("overrides") or {},
        )  # fmt: skip
    except AsistenError as exc:
        _emit({"error": str(exc)})
        return 1
    _emit(
        {
            "result": {
                "version": result.version, "changed": result.changed,
                "documents": result.documents, "chunks": result.chunks,
                "embedded": result.embedded, "seconds": round(result.seconds, 1),
                "errors": [str(e) for e in result.errors],
            }
        }
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
