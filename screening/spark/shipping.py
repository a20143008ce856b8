"""The name index, built once on the driver and loaded once per executor process.

The driver builds the index (or finds it in the index cache), and registers the cache
file with ``SparkContext.addFile`` under a name holding its sha256. Spark copies the file
to each executor once; there, the first task of each Python worker loads it, checks the
sha256, and keeps the screener for every later task of that process (Spark reuses its
Python workers). Neither rows nor batches ever carry the index.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from screening.batch.model import ColumnMap
from screening.batch.rows import ScreenJob
from screening.cache import (
    SUFFIX,
    cache_key,
    default_cache_dir,
    load_screener_cached,
    read_entry,
    screener_from_index,
    write_entry,
)
from screening.delta import read_delta, restrict_to_delta
from screening.errors import ListLoadError
from screening.model import ListSnapshot
from screening.settings import Settings
from screening.sources.base import file_sha256

if TYPE_CHECKING:
    from pyspark import SparkContext

    from screening.screener import Screener

#: The keys under which ``ScreenJob`` finds a row's values: the columns are copied to
#: these names (as strings) before the rows reach the executors.
ROW_KEYS = ColumnMap(name="name", schema="schema", birth_date="birth_date", country="country")


@dataclass(frozen=True)
class ShippedIndex:
    """What a task needs to find and trust the index file Spark copied to its executor."""

    file_name: str
    sha256: str
    cache_key: str
    settings: Settings
    threshold: float
    limit: int
    # A list update's delta (``screening.delta``): hits on these entities only.
    delta_ids: frozenset[str] | None = None
    delta: ListSnapshot | None = None


@dataclass(frozen=True)
class PreparedIndex:
    """The driver's side: the shipped file, and the snapshots the run record names."""

    shipped: ShippedIndex
    snapshots: list[ListSnapshot]
    engine_version: str
    settings_hash: str
    index_bytes: int


_prepared: dict[tuple[str, str, float | None, int | None, str | None], PreparedIndex] = {}
_staging: Path | None = None


def prepare_index(
    context: SparkContext,
    lists: Sequence[str | Path],
    settings: Settings | None = None,
    threshold: float | None = None,
    limit: int | None = None,
    cache_dir: Path | None = None,
    delta: str | Path | None = None,
) -> PreparedIndex:
    """Build (or find in the cache) the index of ``lists`` and register it with Spark;
    with ``delta`` (the file ``lists diff --write-delta`` wrote from ``lists``), hits are
    restricted to its entities, scored as against the whole lists.

    Raises ``ListLoadError`` on the driver, before any task runs, when a list cannot be
    loaded (screening never starts against a missing, empty or truncated list), or when
    the delta is empty or does not belong to ``lists``.
    """
    settings = settings or Settings()
    paths = [Path(path) for path in lists]
    if not paths:
        raise ListLoadError("no list files given")
    for path in paths:
        if not path.exists():
            raise ListLoadError(f"{path}: no such list file or folder")
    folder = default_cache_dir() if cache_dir is None else Path(cache_dir)
    key = cache_key(paths, settings)
    update = read_delta(delta) if delta is not None else None
    memo = (
        context.applicationId,
        key,
        threshold,
        limit,
        update.snapshot.sha256 if update is not None else None,
    )
    if memo in _prepared:
        return _prepared[memo]
    whole = load_screener_cached(paths, settings, folder)
    # the delta is checked here, on the driver, before any task runs
    screener = restrict_to_delta(whole, update) if update is not None else whole
    cutoff, count = screener.cutoffs(threshold, limit)
    found = _stage(folder / f"{key}{SUFFIX}")
    if found is None:  # not cached (a read-only cache), or another run pruned it meanwhile
        write_entry(_staging_dir(), key, whole.index, whole.snapshots)
        found = _stage(_staging_dir() / f"{key}{SUFFIX}")
        if found is None:
            raise ListLoadError(f"cannot write the index file for the executors to {folder}")
    staged, sha256 = found
    context.addFile(str(staged))
    prepared = PreparedIndex(
        shipped=ShippedIndex(
            file_name=staged.name,
            sha256=sha256,
            cache_key=key,
            settings=screener.settings,
            threshold=cutoff,
            limit=count,
            delta_ids=update.entity_ids if update is not None else None,
            delta=update.snapshot if update is not None else None,
        ),
        snapshots=list(screener.snapshots),
        engine_version=screener.engine_version,
        settings_hash=screener.settings_hash,
        index_bytes=staged.stat().st_size,
    )
    _prepared[memo] = prepared
    return prepared


def _staging_dir() -> Path:
    """A private folder of this driver process for the files handed to Spark."""
    global _staging
    if _staging is None or not _staging.is_dir():
        _staging = Path(tempfile.mkdtemp(prefix="screening-spark-"))
        atexit.register(shutil.rmtree, _staging, ignore_errors=True)
    return _staging


def _stage(entry: Path) -> tuple[Path, str] | None:
    """The cache entry under a name that holds its sha256 (one name, one content), and
    that sha256; None if there is no such entry. The entry is linked (or copied) first and
    the copy hashed, so a cache entry replaced meanwhile cannot get another's name."""
    temporary = _staging_dir() / f".{entry.name}.{os.getpid()}.tmp"
    try:
        try:
            os.link(entry, temporary)
        except FileExistsError:
            temporary.unlink()
            os.link(entry, temporary)
    except FileNotFoundError:
        return None
    except OSError:  # another file system, or no hard links: copy
        try:
            shutil.copyfile(entry, temporary)
        except FileNotFoundError:
            return None
    sha256 = file_sha256(temporary)
    staged = _staging_dir() / f"screening-index-{sha256}.pickle"
    os.replace(temporary, staged)
    return staged, sha256


# --- on the executors ------------------------------------------------------------------

_jobs: dict[tuple[ShippedIndex, ColumnMap], ScreenJob] = {}
_screeners: dict[str, Screener] = {}  # the index this process loaded, by sha256
_loads: dict[str, int] = {}  # index files loaded by this process, by sha256


def executor_job(shipped: ShippedIndex, columns: ColumnMap = ROW_KEYS) -> ScreenJob:
    """The row screener of this executor process, loaded from the shipped file once;
    ``columns`` are the row keys (``ROW_KEYS`` and any identifier keys)."""
    job = _jobs.get((shipped, columns))
    if job is None:
        screener = _screeners.get(shipped.sha256)
        if screener is None:
            screener = load_shipped(shipped)
            _loads[shipped.sha256] = _loads.get(shipped.sha256, 0) + 1
            # one index per process: a new list version replaces the old one
            _jobs.clear()
            _screeners.clear()
            _screeners[shipped.sha256] = screener
        if shipped.delta_ids is not None and shipped.delta is not None:
            screener = screener.restricted_to(shipped.delta_ids, shipped.delta)
        job = ScreenJob(screener, columns, shipped.threshold, shipped.limit)
        _jobs[shipped, columns] = job
    return job


def loads_in_this_process(sha256: str) -> int:
    """How often this process has loaded the index file with this sha256 (at most once)."""
    return _loads.get(sha256, 0)


def load_shipped(shipped: ShippedIndex) -> Screener:
    """The screener from the file Spark copied here; ``ListLoadError`` if it is not the
    file the driver built (the task fails, the job reports it; no row is answered)."""
    from pyspark import SparkFiles

    path = Path(SparkFiles.get(shipped.file_name))
    if not path.is_file():
        raise ListLoadError(f"the index file {shipped.file_name} did not reach this executor")
    if file_sha256(path) != shipped.sha256:
        raise ListLoadError(f"the index file {path} does not have the sha256 the driver built")
    entry = read_entry(path, shipped.cache_key)
    if entry is None:
        raise ListLoadError(f"the index file {path} cannot be read on this executor")
    index, snapshots = entry
    return screener_from_index(index, snapshots, shipped.settings)
