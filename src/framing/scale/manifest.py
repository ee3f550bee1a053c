"""The chunk manifest (``_manifest.sqlite``): which chunks are in the dataset.

A chunk's files are renamed into place, then the chunk is recorded in one
transaction; files no row refers to are deleted on the next run.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from pathlib import Path

from framing.scale import layout

__all__ = [
    "close_manifest",
    "collect_garbage",
    "commit_chunk",
    "open_manifest",
    "remove_tmp_files",
]


def open_manifest(out_dir: Path) -> sqlite3.Connection:
    """Open (creating if needed) the manifest of `out_dir`: tables ``meta`` and ``chunks``."""
    db = sqlite3.connect(out_dir / layout.MANIFEST)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE IF NOT EXISTS chunks (
            key TEXT PRIMARY KEY, file TEXT, first_line INTEGER, last_line INTEGER,
            n_read INTEGER, n_articles INTEGER, n_mentions INTEGER, n_mentions_ok INTEGER,
            files TEXT, rejections TEXT, stats TEXT, ids BLOB);
        """
    )
    return db


def close_manifest(db: sqlite3.Connection) -> None:
    """Close the manifest after a finished run, leaving one file (no ``-wal``, ``-shm``).

    While chunks are committed the manifest is in write-ahead-log mode; a finished run
    switches it back to a rollback journal, which checkpoints the log into the file.
    Read-only readers (:mod:`framing.scale.read`) then leave no ``-wal``/``-shm`` files
    beside it, as they would for a database in WAL mode. When another connection has the
    manifest open, the switch is not possible; the manifest then stays in WAL mode (still
    complete and valid) and is closed as it is.
    """
    try:
        db.execute("PRAGMA busy_timeout=0")
        db.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.OperationalError:  # "database is locked": another reader has it open
        pass
    db.close()


def commit_chunk(db, out_dir: Path, result: dict, drop_ids: set) -> dict:
    """Rename a chunk's temporary files into place and record it in the manifest."""
    ids, lines = result["article_ids"], result["article_lines"]
    if drop_ids:  # ids already used by an earlier chunk: remove those rows
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        for tmp, _final in result["files"]:
            table = pq.read_table(tmp)
            mask = pc.invert(pc.is_in(table["article_id"], value_set=layout.string_array(drop_ids)))
            layout.write_table(table.filter(mask), Path(tmp))
        keep = [i for i, a in enumerate(ids) if a not in drop_ids]
        ids, lines = [ids[i] for i in keep], [lines[i] for i in keep]
    finals = []
    for tmp, final in result["files"]:
        os.replace(tmp, out_dir / final)
        finals.append(final)
    db.execute(
        "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            result["key"], result["file"], result["first_line"], result["last_line"],
            result["n_read"], len(ids), result["n_mentions"], result["n_mentions_ok"],
            json.dumps(finals), json.dumps(result["rejections"]), json.dumps(result["stats"]),
            pickle.dumps((ids, lines), protocol=5),
        ),
    )
    db.commit()
    return {"ids": ids, "lines": lines}


def remove_tmp_files(out_dir: Path) -> None:
    """Delete the temporary part files an interrupted run left behind."""
    for tmp in out_dir.rglob(".part-*.tmp"):
        tmp.unlink(missing_ok=True)


def collect_garbage(db, out_dir: Path, live: set) -> int:
    """Delete chunks not in `live` and part files no manifest row refers to."""
    stale = [k for (k,) in db.execute("SELECT key FROM chunks") if k not in live]
    for key in stale:
        (files,) = db.execute("SELECT files FROM chunks WHERE key=?", (key,)).fetchone()
        for rel in json.loads(files):
            (out_dir / rel).unlink(missing_ok=True)
        db.execute("DELETE FROM chunks WHERE key=?", (key,))
    db.commit()
    referenced = set()
    for (files,) in db.execute("SELECT files FROM chunks"):
        referenced.update(json.loads(files))
    for part in out_dir.rglob("part-*.parquet"):
        if part.relative_to(out_dir).as_posix() not in referenced:
            part.unlink()
    for folder in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    remove_tmp_files(out_dir)
    return len(stale)

