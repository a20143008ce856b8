"""What the sub-commands share: exit codes, and how ``--list`` and ``--dir`` find lists."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from screening.bundled import BUNDLED_LIST
from screening.errors import InputError, ListLoadError, ScreeningError
from screening.screener import Screener
from screening.settings import Settings
from screening.sources.registry import SOURCES
from screening.store import (
    ListStore,
    StoredVersion,
    default_store_dir,
    load_checked,
    staleness_warnings,
    utc_now,
)

EXIT_OK = 0
EXIT_ROW_ERRORS = 1  # some names (screen) or rows (batch) could not be screened; others were
EXIT_USAGE = 2
EXIT_LIST_ERROR = 3
EXIT_FETCH_ERROR = 4  # a list could not be fetched or failed verification; the old one stays
EXIT_RUN_FAILED = 5  # a batch run failed midway (disk full, a worker died): --resume continues
EXIT_OUTPUT_ERROR = 6  # the results could not be written (disk full, closed output)
EXIT_INTERNAL = 70  # a bug: an error the program did not expect (BSD sysexits EX_SOFTWARE)
EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by Ctrl-C

#: The exit codes as every command's help states them.
EXIT_CODES_HELP = """exit status:
  0    done
  1    some names or rows could not be screened (each says why); the others were
  2    bad options or unreadable input
  3    a list could not be loaded (screening never runs on a missing, empty or cut list)
  4    a list could not be fetched or failed verification (the stored one stays)
  5    a batch run failed midway (run it again with --resume to continue)
  6    the results could not be written (disk full, output closed)
  70   internal error (a bug: please report it with the message)
  130  interrupted (Ctrl-C)"""

DEFAULT_LIST = BUNDLED_LIST


@dataclass(frozen=True)
class ResolvedList:
    """A ``--list`` value turned into the file or folder to read, with a label for humans."""

    label: str
    path: Path
    stored: StoredVersion | None = None  # when the list is a version of the store


def add_list_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list",
        dest="lists",
        action="append",
        metavar="LIST",
        help=(
            "a fetched list by name (ofac, ofac-cons, uk, eu, un; NAME@VERSION for an older "
            "version) or a list file or folder (repeatable); default: the bundled list"
        ),
    )
    parser.add_argument(
        "--allow-partial",
        action="store_true",
        help="screen against a list file that lacks an integrity signal of its publisher "
        "(an end-of-file byte, a record count): an excerpt, or a file cut short. Every "
        "result records what was missing",
    )


def add_delta_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--delta",
        type=Path,
        metavar="DELTA",
        help="re-screen against a list update: DELTA is the file `lists diff OLD NEW "
        "--write-delta` wrote and --list gives NEW; only DELTA's entities are reported, "
        "each scored as against the whole of NEW",
    )


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        dest="store_dir",
        type=Path,
        metavar="DIR",
        help="list store directory (default: $SCREENING_LIST_DIR or the user cache)",
    )


def store_from_args(args: argparse.Namespace) -> ListStore:
    """The list store named by ``--dir``, else the default one."""
    chosen: Path | None = getattr(args, "store_dir", None)
    return ListStore(chosen if chosen is not None else default_store_dir())


def list_paths(specs: list[str] | None, store_dir: Path | None = None) -> list[Path]:
    """The list files or folders to load for the ``--list`` values (the default list if none)."""
    if not specs:
        return [DEFAULT_LIST]
    return [resolve_list(spec, store_dir).path for spec in specs]


def check_cutoff_options(args: argparse.Namespace) -> None:
    """``--threshold`` and ``--limit`` checked before any list is loaded or row read."""
    if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
        raise InputError(f"--threshold must be within 0..1, got {args.threshold}")
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be at least 1, got {args.limit}")


def build_screener(
    specs: list[str] | None,
    settings: Settings,
    store_dir: Path | None = None,
    use_cache: bool = True,
    *,
    allow_partial: bool = False,
) -> Screener:
    """The screener for the ``--list`` values, started from the index cache when it can be.

    Lists loaded although incomplete (``allow_partial``), and stored lists that may be
    out of date (``staleness_warnings``), are announced on stderr. Fails closed:
    whatever goes wrong while reading a list (a damaged workbook, a file that is not
    what its name says) is a ``ListLoadError``, so screening never runs.
    """
    resolved = [resolve_list(spec, store_dir) for spec in specs or []]
    paths = [item.path for item in resolved] or [DEFAULT_LIST]
    now = utc_now()
    for item in resolved:
        for warning in staleness_warnings(item.stored, now) if item.stored else []:
            print(f"screening: warning: {warning}", file=sys.stderr)
    try:
        screener = _load_screener(paths, settings, use_cache, allow_partial)
    except (ScreeningError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        shown = ", ".join(str(path) for path in paths)
        raise ListLoadError(f"{shown}: cannot be read: {type(exc).__name__}: {exc}") from exc
    for snapshot in screener.snapshots:
        if snapshot.incomplete:
            print(
                f"screening: warning: {snapshot.path} may be incomplete "
                f"({'; '.join(snapshot.incomplete)}); screening against it as "
                "--allow-partial asks",
                file=sys.stderr,
            )
    return screener


def _load_screener(
    paths: list[Path], settings: Settings, use_cache: bool, allow_partial: bool
) -> Screener:
    if use_cache:
        from screening.cache import load_screener_cached

        return load_screener_cached(paths, settings, allow_partial=allow_partial)
    loaded = [part for path in paths for part in load_checked(path, allow_partial=allow_partial)]
    return Screener(loaded, settings=settings)


def resolve_list(spec: str, store_dir: Path | None = None) -> ResolvedList:
    """A list name (``uk``, ``ofac@20250101T120000Z``) or a path, to what should be read.

    A registered name always means the stored list, whatever the working directory
    holds, so the same command screens against the same list everywhere; write
    ``./uk`` for a local folder of that name.
    """
    name, at, version = spec.partition("@")
    if name in SOURCES:
        store = ListStore(store_dir if store_dir is not None else default_store_dir())
        stored = store.get(name, version) if at else store.require_current(name)
        return ResolvedList(label=stored.label, path=stored.data_dir, stored=stored)
    path = Path(spec).expanduser()
    if not path.exists():
        known = ", ".join(SOURCES)
        raise ListLoadError(f"{spec}: no such file or folder, nor a list name ({known})")
    return ResolvedList(label=str(path), path=path)


@contextlib.contextmanager
def interrupt_once() -> Iterator[None]:
    """The first Ctrl-C stops the command (``KeyboardInterrupt``); any further one, while it
    stops and says where its work is, is ignored rather than printing a traceback.

    Nests: once any of these has caught a Ctrl-C, SIGINT stays ignored to the end.
    Where SIGINT was ignored already (a background job), it stays so.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        yield
        return

    def first(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, first)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # no Ctrl-C came
            signal.signal(signal.SIGINT, previous)
