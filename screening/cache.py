"""A disk cache of the built name index, so the next start skips parsing and indexing.

An entry is keyed by everything that decides what the index holds: the sha256 of every
list file (and where it lies, since results record the path), the engine stamp (which
covers the data tables too), the settings hash, the Python version and a fingerprint of
the package's code. It is used only when the key stored inside it equals the expected
one; an unreadable, foreign or mismatched entry is ignored and rebuilt, never trusted.

An entry is plain JSON data, which cannot run code when it is read (see
``index_data``): one header line (format, key, the list snapshots and the sha256 of
the rest), the index tables on the next line, the entities on the last. An entry whose
content does not match its digest (damaged, or edited by hand) is rebuilt from the
lists. The digest lies beside the content, so it tells damage and careless edits, not
a forger who can write the folder: the cache directory is created writable by its
owner only, and an entry another user could have written is ignored.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from screening.index import NameIndex
from screening.index_data import index_from_data, index_to_data
from screening.model import ListSnapshot
from screening.screener import Screener
from screening.settings import Settings
from screening.sources.base import file_sha256
from screening.store import check_stored, load_checked
from screening.version import engine_stamp

CACHE_FORMAT = 2  # 1 was a pickle; such entries are never read
ENV_CACHE_DIR = "SCREENING_CACHE_DIR"
SUFFIX = ".index.json"
PICKLE_SUFFIX = ".index.pickle"  # format 1
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
    *,
    allow_partial: bool = False,
) -> Screener:
    """A screener over these list files or folders, from the cache when it is current.

    Every list file is hashed once either way: the digests make the key, and a stored
    version's files are checked against its manifest (``check_stored``) before anything
    of it is used, from the cache or not.
    """
    settings = settings or Settings()
    lists = [Path(p) for p in paths]
    folder = default_cache_dir() if cache_dir is None else Path(cache_dir)
    digests = [list_digests(path) for path in lists]
    key = _key(lists, digests, settings, allow_partial)
    cached = read_entry(folder / f"{key}{SUFFIX}", key)
    if cached is not None:
        index, snapshots = cached
        return screener_from_index(index, snapshots, settings)
    loaded = [load_checked(path, allow_partial=allow_partial) for path in lists]
    screener = Screener([part for parts in loaded for part in parts], settings=settings)
    parsed = [{n: d for part in parts for n, d in part.files.items()} for parts in loaded]
    if all(_same(read, hashed) for read, hashed in zip(parsed, digests, strict=True)):
        write_entry(folder, key, screener.index, screener.snapshots)  # else a file changed
    return screener


def _same(parsed: Mapping[str, str], hashed: Mapping[str, str]) -> bool:
    """Every file parsed has the digest it had when the key was made."""
    return all(hashed.get(name) == digest for name, digest in parsed.items())


def list_digests(path: Path) -> dict[str, str]:
    """The sha256 of every file of a list path, by name; a stored version is checked
    against its manifest here, so a cache hit cannot bypass that check."""
    digests = {file.name: file_sha256(file) for file in files_of(path)}
    check_stored(path, digests)
    return digests


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


def cache_key(paths: Iterable[Path], settings: Settings, allow_partial: bool = False) -> str:
    """The digest of everything the index depends on."""
    lists = list(paths)
    return _key(lists, [list_digests(path) for path in lists], settings, allow_partial)


def _key(
    paths: Sequence[Path],
    digests: Sequence[Mapping[str, str]],
    settings: Settings,
    allow_partial: bool,
) -> str:
    payload = {
        "format": CACHE_FORMAT,
        "engine": engine_stamp(settings.weights),
        "settings": settings.settings_hash(),
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "code": code_fingerprint(),
        "allow_partial": allow_partial,  # an entry made with it must not serve a run without
        "lists": [
            [str(path.resolve()), sorted([name, digest] for name, digest in files.items())]
            for path, files in zip(paths, digests, strict=True)
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
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            if not isinstance(header, dict) or header.get("format") != CACHE_FORMAT:
                return None
            if header.get("key") != key:
                return None
            tables = handle.readline()
            entities = handle.read()
        digest = hashlib.sha256(tables)
        digest.update(entities)
        if digest.hexdigest() != header.get("sha256"):
            return None  # damaged or edited: rebuilt from the lists
        snapshots = [ListSnapshot.model_validate(s) for s in header["snapshots"]]
        with _gc_paused():
            data = json.loads(tables)
            del tables  # the parsed tables replace the text: keep the peak memory down
            index = index_from_data(data, entities)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None  # it is only a cache
    return index, snapshots


def write_entry(
    folder: Path, key: str, index: NameIndex, snapshots: Sequence[ListSnapshot]
) -> None:
    """Store an entry atomically; a cache that cannot be written is not an error."""
    tables, entities = index_to_data(index)
    content = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    content += b"\n" + entities
    header = {
        "format": CACHE_FORMAT,
        "key": key,
        "engine": engine_stamp(index.weights),
        "snapshots": [s.model_dump(mode="json") for s in snapshots],
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(prefix=".entry-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(header).encode("utf-8") + b"\n")
                out.write(content)
            os.replace(temp, folder / f"{key}{SUFFIX}")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _prune(folder)
    except OSError:
        return


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
    """Keep the most recently written entries only: each list update makes a new one.
    Pickled entries of the first cache format are never read, and are deleted."""
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [*entries[KEEP_ENTRIES:], *folder.glob(f"*{PICKLE_SUFFIX}")]:
        with contextlib.suppress(OSError):
            old.unlink()
