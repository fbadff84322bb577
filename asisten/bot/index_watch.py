"""Keeps a replica on the published index: every few seconds, load the version that CURRENT
names if it is not the one in memory.

Answers already refresh before each question; the watcher makes a version published elsewhere
(another replica's admin job, `asisten indeks` on the shared volume) show in `/healthz` within
seconds and spares the first question after a publish the cost of loading it.
"""

from __future__ import annotations

import logging
import threading

from asisten.jawab.engine import Engine

log = logging.getLogger("asisten.bot")


def watch_index(engine: Engine, interval_s: float) -> threading.Event:
    """Start the watcher thread; set the returned event to stop it."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(interval_s):
            try:
                if engine.refresh():
                    log.info("index version %s loaded", engine.version.name)
            except Exception as exc:  # a half-pruned or missing version: try again next tick
                log.warning("index refresh failed: %s", exc)

    threading.Thread(target=run, name="asisten-index-watch", daemon=True).start()
    return stop
