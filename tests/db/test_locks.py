"""The shared lock: held by one holder at a time among separate engines (replicas), and freed
when a holding process is killed, on SQLite (file lock) and PostgreSQL (advisory lock)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from asisten.db import create_db_engine
from asisten.db.locks import SharedLock


def test_one_holder_at_a_time(database_url, tmp_path):
    first = SharedLock(create_db_engine(database_url), "uji", tmp_path)
    second = SharedLock(create_db_engine(database_url), "uji", tmp_path)
    other = SharedLock(create_db_engine(database_url), "lain", tmp_path)
    assert first.acquire(timeout=0)
    assert not second.acquire(timeout=0.3)
    assert other.acquire(timeout=0)  # another name is another lock
    first.release()
    assert second.acquire(timeout=1)
    second.release()
    other.release()


def test_a_killed_holder_frees_the_lock(database_url, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from asisten.db import create_db_engine
            from asisten.db.locks import SharedLock
            lock = SharedLock(create_db_engine({database_url!r}), "uji", Path({str(tmp_path)!r}))
            assert lock.acquire(timeout=0)
            print("held", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        waiting = SharedLock(create_db_engine(database_url), "uji", tmp_path)
        assert not waiting.acquire(timeout=0.3)
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert waiting.acquire(timeout=10)
        waiting.release()
    finally:
        holder.kill()
        holder.wait()
