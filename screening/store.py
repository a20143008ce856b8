"""The local list store: official lists as downloaded, one verified version per directory.

Layout under the store directory::

    <source>/current                     the name of the current version (one line)
    <source>/<version>/manifest.json     where, when and what was fetched
    <source>/<version>/data/<files>      the files byte for byte as downloaded

A version directory appears by a single rename, complete with its manifest, and
``current`` is then replaced by another rename, so a reader sees the old list or the new
one, never a half-written mix. Fetching fails closed: a download error or overrun, a
list that is not the source's own format, lacks an integrity signal of its publisher,
does not parse, is empty, is implausibly small or older than the stored one never
becomes current, and the previous version stays in use. A stored version is checked
against its manifest each time it is used (``load_checked``, ``check_stored``).
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import re
import shutil
import stat
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import AwareDatetime, BaseModel, ValidationError

from screening.errors import ListLoadError
from screening.sources import LoadedList, detect_format, load_lists
from screening.sources.registry import RETIRED_FORMATS, SOURCES, Source, get_source
from screening.version import ENGINE_VERSION

try:  # advisory locks keep two fetches of one list from interleaving (POSIX only)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

ENV_STORE_DIR = "SCREENING_LIST_DIR"
ENV_BASE_URL = "SCREENING_FETCH_BASE_URL"
MANIFEST = "manifest.json"
DATA = "data"
CURRENT = "current"
USER_AGENT = f"screening/{ENGINE_VERSION} (sanctions list fetch; Python urllib)"
DEFAULT_MIN_RATIO = 0.5
DEFAULT_KEEP = 3

VERSION_PATTERN = re.compile(r"^\d{8}T\d{6}Z(-\d+)?$")


class FetchError(ListLoadError):
    """A list could not be downloaded or failed verification; the previous one stays."""


@dataclass(frozen=True)
class DownloadLimits:
    """Bounds on one download, so a stalled or runaway server cannot hang or fill the disk."""

    timeout: float = 60.0  # seconds without progress on the socket
    deadline: float = 900.0  # seconds for the whole file
    max_bytes: int = 512 * 1024 * 1024


class FileRecord(BaseModel):
    """One downloaded file as it was received."""

    name: str
    url: str
    sha256: str
    size: int


class Manifest(BaseModel):
    """What the store knows about one version: enough to audit which list was used."""

    format: int = 1
    source: str
    version: str
    title: str = ""
    downloaded_at: AwareDatetime
    checked_at: AwareDatetime
    published: str | None = None
    files: list[FileRecord]
    entities: int
    schemas: dict[str, int]
    engine_version: str = ENGINE_VERSION
    list_format: str | None = None  # as ``detect_format`` names it; None in older stores
    checks: list[str] = []  # what the fetch verified before the version became current


@dataclass(frozen=True)
class StoredVersion:
    """A version directory in the store and its manifest."""

    path: Path
    manifest: Manifest

    @property
    def source(self) -> str:
        return self.manifest.source

    @property
    def version(self) -> str:
        return self.manifest.version

    @property
    def data_dir(self) -> Path:
        """The directory to hand to the list readers."""
        return self.path / DATA

    @property
    def label(self) -> str:
        return f"{self.source}@{self.version}"

    def age_days(self, now: datetime) -> float:
        """Days since a fetch last confirmed this version was what the publisher serves."""
        return (now - self.manifest.checked_at).total_seconds() / 86400.0


@dataclass(frozen=True)
class FetchResult:
    """The outcome of a successful fetch: the version now current and what it replaced."""

    current: StoredVersion
    previous: StoredVersion | None
    changed: bool


def utc_now() -> datetime:
    return datetime.now(UTC)


def default_store_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$SCREENING_LIST_DIR``, else the user cache: ``$XDG_CACHE_HOME/screening/lists``."""
    env = os.environ if environ is None else environ
    if env.get(ENV_STORE_DIR):
        return Path(env[ENV_STORE_DIR]).expanduser()
    if env.get("XDG_CACHE_HOME"):
        cache = Path(env["XDG_CACHE_HOME"]).expanduser()
    elif os.name == "nt" and env.get("LOCALAPPDATA"):
        cache = Path(env["LOCALAPPDATA"])
    else:
        cache = Path("~/.cache").expanduser()
    return cache / "screening" / "lists"


class ListStore:
    """Read access to a store directory: which lists and versions it holds."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def sources(self) -> list[str]:
        """Names of the lists that have a current version, sorted."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / CURRENT).is_file())

    def versions(self, source: str) -> list[StoredVersion]:
        """Every complete version of a list, oldest first (incomplete ones are skipped)."""
        folder = self.root / source
        if not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.iterdir()):
            if VERSION_PATTERN.match(path.name) and path.is_dir():
                with contextlib.suppress(ListLoadError):
                    found.append(read_version(path))
        return found

    def current(self, source: str) -> StoredVersion | None:
        """The version in use, or None if the list was never fetched into this store."""
        pointer = self.root / source / CURRENT
        if not pointer.is_file():
            return None
        name = pointer.read_text(encoding="utf-8").strip()
        if not VERSION_PATTERN.match(name):
            raise ListLoadError(f"{pointer}: not a version name: {name!r}")
        return read_version(self.root / source / name)

    def require_current(self, source: str) -> StoredVersion:
        """The current version, or a clear error telling the user how to fetch it."""
        found = self.current(source)
        if found is None:
            raise ListLoadError(
                f"list {source!r} has not been fetched into {self.root}; "
                f"run: screening lists fetch {source}"
            )
        return found

    def get(self, source: str, version: str) -> StoredVersion:
        """One named version (``current`` and ``previous`` are accepted as names)."""
        if version == "current":
            return self.require_current(source)
        if version == "previous":
            return self._previous(source)
        if not VERSION_PATTERN.match(version):
            raise ListLoadError(f"{source}@{version}: not a version name (e.g. 20250101T120000Z)")
        path = self.root / source / version
        if not path.is_dir():
            known = ", ".join(v.version for v in self.versions(source)) or "none"
            raise ListLoadError(f"{source}@{version}: no such version; stored: {known}")
        return read_version(path)

    def _previous(self, source: str) -> StoredVersion:
        current = self.require_current(source)
        older = [v for v in self.versions(source) if v.version < current.version]
        if not older:
            raise ListLoadError(f"{source}: no version older than {current.version} is stored")
        return older[-1]


def read_version(path: Path) -> StoredVersion:
    """A version directory with its manifest; a missing or broken manifest is an error."""
    try:
        text = (path / MANIFEST).read_text(encoding="utf-8")
        manifest = Manifest.model_validate_json(text)
    except (OSError, ValidationError) as exc:
        raise ListLoadError(f"{path}: unreadable store manifest ({exc})") from None
    return StoredVersion(path=path, manifest=manifest)


def staleness_warnings(version: StoredVersion, now: datetime) -> list[str]:
    """Why a stored list may be out of date although it was fetched: its publisher no
    longer issues that format, or its publication date is older than the publisher's
    usual update interval allows (``Source.stale_after_days``)."""
    warnings: list[str] = []
    manifest = version.manifest
    list_format = manifest.list_format
    if list_format is None:
        with contextlib.suppress(ListLoadError):
            list_format = detect_format(version.data_dir)
    if list_format in RETIRED_FORMATS:
        warnings.append(f"{version.label} is a {list_format} list: {RETIRED_FORMATS[list_format]}")
    source = SOURCES.get(version.source)
    published = _date(manifest.published)
    if source is not None and published is not None:
        days = (now.date() - published).days
        if days > source.stale_after_days:
            warnings.append(
                f"{version.label} was published {manifest.published}, {days} days ago; "
                f"{source.publisher} usually publishes a newer one within "
                f"{source.stale_after_days:g} days (run: screening lists fetch {version.source})"
            )
    return warnings


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def stored_digests(path: Path) -> dict[str, str] | None:
    """The sha256 its manifest records for each file of ``path``, when ``path`` is the
    data folder of a stored version (``<source>/<version>/data``) or a file in it; None
    for any other path. A file the manifest does not record maps to "" (no digest)."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    version = folder.parent
    if folder.name != DATA or not VERSION_PATTERN.match(version.name):
        return None
    if not (version / MANIFEST).is_file():
        return None
    recorded = {record.name: record.sha256 for record in read_version(version).manifest.files}
    if path.is_dir():
        return recorded
    return {path.name: recorded.get(path.name, "")}


def check_stored(path: Path, digests: Mapping[str, str]) -> None:
    """Refuse a stored version whose files are not the ones its manifest records.

    ``digests`` are the sha256 of the files as just read. A file cut, changed, added or
    removed inside the store since it was fetched makes the list unusable: screening
    against it could clear a listed name while the result names the recorded version.
    """
    expected = stored_digests(path)
    if expected is None:
        return
    problems = [
        f"{name} differs from its manifest"
        for name, digest in sorted(digests.items())
        if expected.get(name) and expected[name] != digest
    ]
    problems += [
        f"{name} is not in the manifest"
        for name in sorted(digests)
        if not expected.get(name)  # a file read that the manifest does not record
    ]
    problems += [f"{name} is missing" for name in sorted(expected.keys() - digests)]
    if problems:
        version = (path if path.is_dir() else path.parent).parent
        raise ListLoadError(
            f"{version}: stored list changed since it was fetched ({'; '.join(problems)});"
            f" fetch it again: screening lists fetch {version.parent.name}"
        )


def load_checked(path: Path, *, allow_partial: bool = False) -> list[LoadedList]:
    """``load_lists``, and a stored version checked against its manifest (``check_stored``)
    over the very bytes that were parsed."""
    lists = load_lists(path, allow_partial=allow_partial)
    check_stored(path, {name: digest for part in lists for name, digest in part.files.items()})
    return lists


def fetch(
    source: Source | str,
    store_dir: Path,
    base_url_override: str | None = None,
    *,
    limits: DownloadLimits | None = None,
    min_ratio: float = DEFAULT_MIN_RATIO,
    min_entities: int | None = None,
    keep: int = DEFAULT_KEEP,
    now: Callable[[], datetime] = utc_now,
) -> FetchResult:
    """Download a list, verify it, and make it the current version of the store.

    Raises ``FetchError`` (the previous version stays current) when a file cannot be
    downloaded in time, is not in a format the source is published in, lacks an
    integrity signal of its publisher, does not parse or is empty, or is implausible:
    see ``check_plausible``. ``min_entities`` overrides the source's floor for a first
    fetch.
    """
    spec = get_source(source) if isinstance(source, str) else source
    limits = limits or DownloadLimits()
    folder = Path(store_dir) / spec.name
    folder.mkdir(parents=True, exist_ok=True)
    with _lock(folder):
        _remove_leftovers(folder)
        store = ListStore(Path(store_dir))
        previous = store.current(spec.name)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
        try:
            files = _download_all(spec, staging / DATA, base_url_override, limits)
            fetched_at = now()
            if previous is not None and _same_files(files, previous.manifest.files):
                return FetchResult(_mark_checked(previous, fetched_at), previous, changed=False)
            plausibility = Plausibility(
                min_ratio=min_ratio,
                min_entities=spec.min_entities if min_entities is None else min_entities,
                current=previous,
                before=_version_before(store, previous),
            )
            manifest = _verify(spec, staging / DATA, files, plausibility, fetched_at)
            version = _install(staging, folder, manifest)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _prune(store, spec.name, keep)
        return FetchResult(version, previous, changed=True)


def _download_all(
    spec: Source, target: Path, base_url: str | None, limits: DownloadLimits
) -> list[FileRecord]:
    target.mkdir()
    return [download(url, target / item.name, limits) for item, url in spec.urls(base_url)]


def download(url: str, dest: Path, limits: DownloadLimits) -> FileRecord:
    """Stream one URL into ``dest``, hashing as it goes; any shortfall is a ``FetchError``."""
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    started = time.monotonic()
    digest = hashlib.sha256()
    size = 0
    try:
        wait = min(limits.timeout, limits.deadline)
        with urllib.request.urlopen(request, timeout=wait) as response:
            declared = _declared_length(response.headers.get("Content-Length"))
            if declared is not None and declared > limits.max_bytes:
                raise FetchError(f"{url}: {declared} bytes exceeds the {limits.max_bytes} limit")
            with dest.open("wb") as out:
                # read1 returns whatever has arrived, so a server trickling bytes cannot
                # keep one read waiting past the deadline: it is checked after each one.
                while chunk := response.read1(1 << 16):
                    size += len(chunk)
                    if size > limits.max_bytes:
                        raise FetchError(f"{url}: larger than the {limits.max_bytes} byte limit")
                    if time.monotonic() - started > limits.deadline:
                        raise FetchError(f"{url}: not complete after {limits.deadline:g} s")
                    digest.update(chunk)
                    out.write(chunk)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot connect: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"{url}: no data for {limits.timeout:.0f} s") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"{url}: download failed: {exc!r}") from None
    if declared is not None and size != declared:
        raise FetchError(f"{url}: received {size} of {declared} bytes")
    if size == 0:
        raise FetchError(f"{url}: empty response")
    return FileRecord(name=dest.name, url=url, sha256=digest.hexdigest(), size=size)


def _declared_length(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value)


def _same_files(new: list[FileRecord], old: list[FileRecord]) -> bool:
    return {(f.name, f.sha256) for f in new} == {(f.name, f.sha256) for f in old}


@dataclass(frozen=True)
class Plausibility:
    """What a downloaded list is compared with before it may replace the stored one."""

    min_ratio: float
    min_entities: int
    current: StoredVersion | None
    before: StoredVersion | None  # the version that was current before ``current``


def _version_before(store: ListStore, current: StoredVersion | None) -> StoredVersion | None:
    if current is None:
        return None
    older = [v for v in store.versions(current.source) if v.version < current.version]
    return older[-1] if older else None


def check_plausible(
    source: str, entities: int, published: str | None, rule: Plausibility
) -> list[str]:
    """The plausibility checks a new version passes, as lines for its manifest.

    Refused with ``FetchError``: a first fetch with fewer than ``min_entities``; fewer
    than ``min_ratio`` times the entities of the current version *or* of the version
    before it (so a list cannot be walked down in steps, 1,003 -> 551 -> 300); a
    publication date older than the current version's (a rollback to an old file).
    """
    checks: list[str] = []
    if rule.current is None:
        if entities < rule.min_entities:
            raise FetchError(
                f"{source}: the downloaded list has {entities} entities, fewer than the "
                f"{rule.min_entities} a first fetch of it must hold; refusing it "
                "(lower --min-entities for a list known to be that small)"
            )
        checks.append(f"first fetch: {entities} entities, at least {rule.min_entities}")
        return checks
    for reference in (rule.current, rule.before):
        if reference is None:
            continue
        floor = rule.min_ratio * reference.manifest.entities
        if entities < floor:
            raise FetchError(
                f"{source}: the downloaded list has {entities} entities, fewer than "
                f"{rule.min_ratio:.0%} of the {reference.manifest.entities} in "
                f"{reference.label}; refusing it (lower --min-ratio to accept a genuine "
                "mass delisting)"
            )
        checks.append(
            f"size: {entities} entities, at least {rule.min_ratio:.0%} of the "
            f"{reference.manifest.entities} in {reference.label}"
        )
    stored = rule.current.manifest.published
    if stored and published:
        if published < stored:
            raise FetchError(
                f"{source}: the downloaded list was published {published}, before the "
                f"stored {rule.current.label} ({stored}); refusing an older list"
            )
        checks.append(f"published {published}, not before the stored {stored}")
    return checks


def _verify(
    spec: Source,
    data_dir: Path,
    files: list[FileRecord],
    rule: Plausibility,
    fetched_at: datetime,
) -> Manifest:
    """Parse the downloaded list and refuse it if it is not the source's own format, is
    broken, incomplete, empty or implausible (see ``check_plausible``)."""
    try:
        list_format = detect_format(data_dir)
        if list_format not in spec.formats:
            raise FetchError(
                f"{spec.name}: the download is a {list_format} list, not the "
                f"{' or '.join(spec.formats)} {spec.name} is published as; refusing it"
            )
        loaded = load_lists(data_dir)
    except FetchError:
        raise
    except ListLoadError as exc:
        reason = str(exc).replace(f"{data_dir}{os.sep}", "")  # the staging path means nothing
        raise FetchError(f"{spec.name}: the downloaded list does not parse: {reason}") from None
    parsed = {name: digest for part in loaded for name, digest in part.files.items()}
    received = {record.name: record.sha256 for record in files}
    if any(received.get(name) != digest for name, digest in parsed.items()):
        raise FetchError(f"{spec.name}: a file changed on disk while it was checked")
    entities = [entity for part in loaded for entity in part.entities]
    if not entities:
        raise FetchError(f"{spec.name}: the downloaded list holds no entities")
    published = next((p.snapshot.published for p in loaded if p.snapshot.published), None)
    checks = [
        f"format: {list_format}",
        "integrity: every signal the publisher writes is present and holds",
        *check_plausible(spec.name, len(entities), published, rule),
    ]
    return Manifest(
        source=spec.name,
        version=_version_name(fetched_at),
        title=spec.title,
        downloaded_at=fetched_at,
        checked_at=fetched_at,
        published=published,
        files=files,
        entities=len(entities),
        schemas=dict(sorted(Counter(e.schema_ for e in entities).items())),
        list_format=list_format,
        checks=checks,
    )


def _version_name(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _install(staging: Path, folder: Path, manifest: Manifest) -> StoredVersion:
    """Rename the staged directory into place, then point ``current`` at it."""
    name = manifest.version
    suffix = 0
    while (folder / name).exists():  # two fetches within one second
        suffix += 1
        name = f"{manifest.version}-{suffix}"
    manifest = manifest.model_copy(update={"version": name})
    write_atomic(staging / MANIFEST, manifest.model_dump_json(indent=2))
    final = folder / name
    staging.rename(final)
    write_atomic(folder / CURRENT, name + "\n")
    return StoredVersion(path=final, manifest=manifest)


def _mark_checked(version: StoredVersion, moment: datetime) -> StoredVersion:
    """Record that the publisher still serves exactly this version."""
    manifest = version.manifest.model_copy(update={"checked_at": moment})
    write_atomic(version.path / MANIFEST, manifest.model_dump_json(indent=2))
    return StoredVersion(path=version.path, manifest=manifest)


def _prune(store: ListStore, source: str, keep: int) -> None:
    """Delete the oldest versions beyond ``keep``; never the current one."""
    current = store.current(source)
    versions = store.versions(source)
    for old in versions[: max(0, len(versions) - max(keep, 2))]:
        if current is None or old.version != current.version:
            shutil.rmtree(old.path, ignore_errors=True)


def _remove_leftovers(folder: Path) -> None:
    """Staging directories of fetches that were killed half-way (we hold the lock)."""
    for path in folder.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)


def write_atomic(path: Path, text: str) -> None:
    """Write a small text file so readers see the old content or the new, never a part."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    """Hold the list's advisory lock; the lock file is never followed through a link."""
    if fcntl is None:  # pragma: no cover - Windows: no advisory locking
        yield
        return
    path = folder / ".lock"
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except OSError as exc:
        raise FetchError(f"{path}: cannot open the lock file ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise FetchError(f"{path}: the lock file is not a regular file")
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)
