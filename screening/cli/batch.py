"""``screening batch INPUT.csv --output OUT``: screen a whole customer file.

The work is done by ``screening.batch``; this module turns options into a call,
draws the progress line, prints the summary and picks the exit code.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO

from screening.batch import (
    DEFAULT_CHUNK_SIZE,
    ColumnMap,
    Progress,
    RunFiles,
    RunSummary,
    check_output,
    inspect_csv,
    resolve_columns,
    screen_csv,
)
from screening.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    EXIT_RUN_FAILED,
    add_list_option,
    add_store_option,
    build_screener,
)
from screening.cli.review import add_decisions_options, load_decisions, remember_alerts
from screening.errors import InputError
from screening.settings import Settings

_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "batch",
        help="screen every row of a CSV file",
        description=(
            "Screen every row of a CSV file and write one result row per input row. "
            "Exit status: 0 all rows screened, 1 some rows could not be screened "
            "(status=error), 2 bad options or unreadable input, 3 a list failed to load, "
            "5 the run failed midway (--resume continues it), 130 interrupted."
        ),
    )
    parser.add_argument("input", type=Path, metavar="INPUT.csv", help="CSV file with a header")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        metavar="OUT",
        help="results file; written as OUT.partial until done, with OUT.run.json beside it",
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("csv", "jsonl"),
        help="output format (default: jsonl if OUT ends in .jsonl, else csv)",
    )
    add_list_option(parser)
    add_store_option(parser)
    parser.add_argument("--threshold", type=float, help="minimum score (default: engine's)")
    parser.add_argument("--limit", type=int, help="hits per row (default: engine's)")
    parser.add_argument("--name-column", default="name", metavar="COL", help="default: name")
    parser.add_argument("--id-column", metavar="COL", help="your customer id, echoed in JSONL")
    parser.add_argument("--schema-column", metavar="COL", help="Person, Organization, ...")
    parser.add_argument("--birth-date-column", metavar="COL", help="YYYY or YYYY-MM-DD")
    parser.add_argument("--country-column", metavar="COL", help="ISO 3166 alpha-2 codes")
    parser.add_argument("--workers", type=int, metavar="N", help="processes (default: all cores)")
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK_SIZE,
        metavar="ROWS",
        help=f"rows per task sent to a worker (default {DEFAULT_CHUNK_SIZE})",
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue an interrupted run into the same OUT"
    )
    parser.add_argument("--delimiter", metavar="D", help="default: detected (, ; tab |)")
    parser.add_argument("--encoding", default="utf-8", metavar="ENC", help="e.g. cp1251")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress, no summary")
    add_decisions_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    columns = ColumnMap(
        name=args.name_column,
        id=args.id_column,
        schema=args.schema_column,
        birth_date=args.birth_date_column,
        country=args.country_column,
    )
    delimiter = _delimiter(args.delimiter)
    _check_numbers(args)
    # Input problems are reported before the lists, which take a while to load.
    source = inspect_csv(args.input, encoding=args.encoding, delimiter=delimiter)
    resolve_columns(columns, source.keys)
    check_output(args.output, args.input, args.resume)
    screener = build_screener(args.lists, Settings(), args.store_dir)
    decisions = load_decisions(args, screener)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        summary = screen_csv(
            screener,
            args.input,
            args.output,
            columns=columns,
            output_format=args.output_format,
            workers=args.workers,
            threshold=args.threshold,
            limit=args.limit,
            delimiter=delimiter,
            encoding=args.encoding,
            resume=args.resume,
            chunk_size=args.chunk_size,
            progress=bar,
            options=_options(args),
            decisions=decisions,
            hide_suppressed=args.hide_suppressed,
        )
    except KeyboardInterrupt:
        _stopped(bar, "interrupted", args)
        return EXIT_INTERRUPTED
    except (OSError, BrokenProcessPool) as exc:
        _stopped(bar, f"run failed: {exc}", args)
        return EXIT_RUN_FAILED
    if bar is not None:
        bar.close()
    remember_alerts(args, screener)
    if not args.quiet:
        print(summary_text(summary, RunFiles(args.output)), file=sys.stderr)
    return EXIT_ROW_ERRORS if summary.counts.errors else EXIT_OK


def summary_text(summary: RunSummary, files: RunFiles) -> str:
    """The end-of-run report: what was read, what came out, how fast, where it went."""
    counts = summary.counts
    lines = [
        f"screening batch: {counts.rows:,} rows read: {counts.hits:,} hit, "
        + (f"{counts.suppressed:,} suppressed, " if counts.suppressed else "")
        + f"{counts.clear:,} clear, {counts.errors:,} error",
        f"  {summary.seconds:.1f} s, {summary.names_per_second:,.0f} names/s "
        f"on {summary.workers} worker(s)",
        f"  results: {files.output}",
        f"  run record: {files.record}",
    ]
    if summary.resumed_from_row:
        lines.insert(1, f"  resumed after row {summary.resumed_from_row:,}")
    if counts.errors:
        lines.append("  rows with status=error say why in their error column")
    return "\n".join(lines)


class ProgressBar:
    """One self-overwriting status line on a terminal, redrawn at most a few times a second."""

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self.stream = stream
        self.interval = interval
        self._last_draw = 0.0
        self._width = 0

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self._last_draw < self.interval:
            return
        self._last_draw = now
        line = progress_line(progress)
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def close(self) -> None:
        if self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0


def progress_line(progress: Progress) -> str:
    """``[#####-----]  52%  520,000 rows  5,120/s  5,210 hits  ETA 1:34``."""
    rate = progress.session_rows / progress.elapsed if progress.elapsed > 0 else 0.0
    parts = []
    if progress.bytes_total:
        share = min(progress.bytes_done / progress.bytes_total, 1.0)
        filled = int(share * 20)
        parts.append(f"[{'#' * filled}{'-' * (20 - filled)}] {share:4.0%}")
    parts += [f"{progress.rows:,} rows", f"{rate:,.0f}/s", f"{progress.hits:,} hits"]
    if progress.errors:
        parts.append(f"{progress.errors:,} errors")
    if progress.eta_seconds is not None:
        minutes, seconds = divmod(int(progress.eta_seconds), 60)
        parts.append(f"ETA {minutes}:{seconds:02d}")
    return "  ".join(parts)


def _stopped(bar: ProgressBar | None, why: str, args: argparse.Namespace) -> None:
    if bar is not None:
        bar.close()
    partial = RunFiles(args.output).partial
    print(
        f"screening batch: {why}; rows done so far are in {partial}; "
        "run the same command with --resume to continue",
        file=sys.stderr,
    )


def _delimiter(value: str | None) -> str | None:
    if value is None:
        return None
    return _DELIMITER_NAMES.get(value.lower(), value)


def _check_numbers(args: argparse.Namespace) -> None:
    if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
        raise InputError(f"--threshold must be within 0..1, got {args.threshold}")
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit must be at least 1, got {args.limit}")
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers must be at least 1, got {args.workers}")
    if args.chunk_size < 1:
        raise InputError(f"--chunk-size must be at least 1, got {args.chunk_size}")


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The command's options as given, for the run record."""
    options: dict[str, Any] = {"command": "batch"}
    for key, value in sorted(vars(args).items()):
        if key != "run":
            options[key] = str(value) if isinstance(value, Path) else value
    return options
