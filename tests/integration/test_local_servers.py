"""The private servers start from any checkout location (issue 22): a base dir under a 0700
parent -- pytest's own tmp_path is one -- works as root (the cluster moves where OS user
``postgres`` can reach it) and as a normal user (the server runs as that user)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from local_servers import pg_dir_for, start_postgres


def test_postgres_starts_from_a_base_dir_under_a_private_parent(tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    base = private / "checkout" / ".demo"
    pg_dir = pg_dir_for(base)
    try:
        server = start_postgres(base)
        try:
            assert server.execute("SELECT 1") == [(1,)]
            assert server.data_dir == pg_dir / "data"
            if os.geteuid() == 0:  # `postgres` cannot enter the 0700 parent: relocated, stably
                assert not pg_dir.is_relative_to(base)
                assert pg_dir_for(base) == pg_dir
            else:
                assert pg_dir == base.resolve() / "pg"
        finally:
            server.stop()
    finally:
        if not pg_dir.is_relative_to(base.resolve()):
            shutil.rmtree(pg_dir.parent, ignore_errors=True)
