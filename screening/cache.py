"""A disk cache of the built name index, so the next start skips parsing and indexing.

An entry is keyed by everything that decides what the index holds: the sha256 of every
list file (and where it lies, since results record the path), the engine stamp (which
covers the data tables too), the settings hash, the Python version and a fingerprint of
the package's code. It is used only when the key stored inside it equals the expected
one; an unreadable, foreign or mismatched entry is ignored and rebuilt, never trusted.

Entries are pickles, and unpickling runs code: the cache directory must be writable by
its owner only. It is created that way, and an entry another user could have written is
ignored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from screening.index import NameIndex
from screening.model import ListSnapshot
from screening.screener import Screener
from screening.settings import Settings
from screening.sources import load_lists
from screening.sources.base import file_sha256
from screening.version import engine_stamp

CACHE_FORMAT = 1
ENV_CACHE_DIR = "SCREENING_CACHE_DIR"
SUFFIX = ".index.pickle"
KEEP_ENTRIES = 4


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$SCREENING_CACHE_DIR``, else ``$XDG_CACHE_HOME/screening/index``."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CACHE_DIR):
        return Path(env[ENV_CACHE_DIR]).expanduser()
    base = env.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    return Path(base) / "screening" / "index"


def load_screener_cached(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    cache_dir: Path | None = None,
) -> Screener:
    """A screener over these list files or folders, from the cache when it is current."""
    settings = settings or Settings()
    lists = [Path(p) for p in paths]
    folder = default_cache_dir() if cache_dir is None else Path(cache_dir)
    key = cache_key(lists, settings)
    cached = read_entry(folder / f"{key}{SUFFIX}", key)
    if cached is not None:
        index, snapshots = cached
        return screener_from_index(index, snapshots, settings)
    loaded = [part for path in lists for part in load_lists(path)]
    screener = Screener(loaded, settings=settings)
    if cache_key(lists, settings) == key:  # a file changed while we read it: do not cache
        write_entry(folder, key, screener.index, screener.snapshots)
    return screener


def screener_from_index(
    index: NameIndex, snapshots: list[ListSnapshot], settings: Settings
) -> Screener:
    """Wrap a ready index in a screener without rebuilding it."""
    from_index = getattr(Screener, "from_index", None)
    if from_index is not None:
        built: Screener = from_index(index, snapshots, settings=settings)
        return built
    screener = Screener.__new__(Screener)  # until Screener.from_index lands (see report)
    screener.settings = settings
    screener.snapshots = list(snapshots)
    screener.index = index
    return screener


def cache_key(paths: Iterable[Path], settings: Settings) -> str:
    """The digest of everything the index depends on."""
    payload = {
        "format": CACHE_FORMAT,
        "engine": engine_stamp(settings.weights),
        "settings": settings.settings_hash(),
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "code": code_fingerprint(),
        "lists": [
            [str(path.resolve()), [[f.name, file_sha256(f)] for f in files_of(path)]]
            for path in paths
        ],
    }
    return hashlib.sha256(json.dumps(payload).encode("utf-8")).hexdigest()


def files_of(path: Path) -> list[Path]:
    """Every file a list path stands for: the file itself, or all files of a folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    return [path]


@functools.cache
def code_fingerprint() -> str:
    """A digest of the package's source, so a code change without a version bump still
    invalidates every cached index."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8"))
        digest.update(source.read_bytes())
    return digest.hexdigest()


def read_entry(path: Path, key: str) -> tuple[NameIndex, list[ListSnapshot]] | None:
    """The cached index and snapshots if the entry is intact and made for ``key``."""
    if not path.is_file() or not _private(path):
        return None
    try:
        with path.open("rb") as handle, _gc_paused():
            entry: Any = pickle.load(handle)
        if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
            return None
        if entry.get("key") != key or not isinstance(entry.get("index"), NameIndex):
            return None
        snapshots = [ListSnapshot.model_validate(s) for s in entry["snapshots"]]
    except Exception:  # a corrupt pickle can raise almost anything; it is only a cache
        return None
    return entry["index"], snapshots


def write_entry(
    folder: Path, key: str, index: NameIndex, snapshots: Sequence[ListSnapshot]
) -> None:
    """Store an entry atomically; a cache that cannot be written is not an error."""
    entry = {
        "format": CACHE_FORMAT,
        "key": key,
        "engine": engine_stamp(index.weights),
        "snapshots": [s.model_dump(mode="json") for s in snapshots],
        "index": index,
    }
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(prefix=".entry-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out, _gc_paused():
                _CompactPickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(entry)
            os.replace(temp, folder / f"{key}{SUFFIX}")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _prune(folder)
    except (OSError, pickle.PicklingError):
        return


class _CompactPickler(pickle.Pickler):
    """Pickles a plain dataclass as a call of its constructor with the field values.

    The default route (a bare object, then ``__setstate__`` setting one field at a time)
    costs about twice as long to load for the index's hundred thousand name tokens.
    Anything that is not a plain dataclass is pickled the default way.
    """

    def reducer_override(self, obj: Any) -> Any:
        cls: type = type(obj)
        names = _constructor_fields(cls)
        if names is None:
            return NotImplemented
        return cls, tuple(getattr(obj, name) for name in names)


@functools.cache
def _constructor_fields(cls: type) -> tuple[str, ...] | None:
    """The fields, in ``__init__`` order, of a dataclass its generated ``__init__`` can
    rebuild exactly; None for any other class."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return None
    params = getattr(cls, "__dataclass_params__", None)
    fields = dataclasses.fields(cls)
    if params is None or not params.init or not all(f.init and not f.kw_only for f in fields):
        return None
    return tuple(f.name for f in fields)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: an index is some 100,000 small objects, and
    collections triggered while they are created would otherwise triple the load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _private(path: Path) -> bool:
    """Written by this user and not writable by anyone else (POSIX; always true elsewhere)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return True
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _prune(folder: Path) -> None:
    """Keep the most recently written entries only: each list update makes a new one."""
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
