"""The machine the benchmarks ran on, for the README."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path


def main() -> None:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    import faiss
    import sentence_transformers
    import torch

    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 2**20, 1),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "sentence_transformers": sentence_transformers.__version__,
        "faiss": faiss.__version__,
    }
    out = Path(__file__).parent / "hasil" / "mesin.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(info, indent=1))
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
