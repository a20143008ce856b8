"""``screening batch INPUT.csv --output OUT``: screen a whole customer file.

The work is done by ``screening.batch``; this module turns options into a call,
draws the progress bar (tqdm), prints the summary and picks the exit code.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

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
from screening.batch.model import path_text
from screening.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    EXIT_RUN_FAILED,
    add_delta_option,
    add_list_option,
    add_store_option,
    build_screener,
    check_cutoff_options,
    interrupt_once,
)
from screening.cli.review import add_decisions_options, load_decisions, remember_alerts
from screening.delta import read_delta, restrict_to_delta
from screening.errors import InputError
from screening.identifiers import parse_type
from screening.model import SCHEMAS
from screening.settings import Settings

_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "batch",
        help="screen every row of a CSV file",
        description=(
            "Screen every row of a CSV file and write one result row per input row. "
            "In CSV output, a cell that a spreadsheet would run as a formula (starting "
            "with = + - @, tab or CR) gets a leading ' (JSON Lines keeps values as they are)."
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
    add_delta_option(parser)
    add_store_option(parser)
    defaults = Settings()
    parser.add_argument(
        "--threshold", type=float, help=f"minimum score, 0..1 (default {defaults.threshold})"
    )
    parser.add_argument("--limit", type=int, help=f"hits per row (default {defaults.limit})")
    parser.add_argument(
        "--name-column",
        default="name",
        metavar="COL",
        help="the names, at most "
        f"{defaults.max_query_chars:,} characters each (default name)",
    )
    parser.add_argument(
        "--id-column",
        action=IdColumnAction,
        metavar="COL | TYPE=COL",
        help=(
            "COL: your customer id, echoed in JSONL; TYPE=COL (repeatable): a column of "
            "identifiers to screen, such as imo=IMO or tax_id/ru=INN (then the name column "
            "may be absent)"
        ),
    )
    parser.add_argument(
        "--schema-column", metavar="COL", help=f"in any case: {', '.join(SCHEMAS)}"
    )
    parser.add_argument(
        "--birth-date-column",
        metavar="COL",
        help="dates as 1952-10-07, 07.10.1952, 07/10/1952 (day first), 1952-10, 1952, "
        "7 October 1952; one that cannot be read is unknown, with a warning in reason",
    )
    parser.add_argument(
        "--country-column",
        metavar="COL",
        help="ISO 3166 codes (ru, RUS) or country names in English or other languages",
    )
    parser.add_argument("--workers", type=int, metavar="N", help="processes (default: all cores)")
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK_SIZE,
        metavar="ROWS",
        help=f"rows per task sent to a worker, at most (default {DEFAULT_CHUNK_SIZE}; "
        "a short file is cut finer so that every worker has several tasks)",
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue an interrupted run into the same OUT"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing OUT (by default a finished output is never overwritten, "
        "nor re-screened by --resume)",
    )
    parser.add_argument("--delimiter", metavar="D", help="default: detected (, ; tab |)")
    parser.add_argument(
        "--encoding",
        default="utf-8",
        metavar="ENC",
        help="the input's encoding, e.g. cp1251 (default utf-8; a wrong one is detected)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress, no summary")
    add_decisions_options(parser)
    parser.set_defaults(run=run, identifier_columns=[])


class IdColumnAction(argparse.Action):
    """``--id-column COL`` names the customer id column; ``--id-column TYPE=COL`` (any
    number of times) a column of identifiers to screen, kept in ``identifier_columns``."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        text = str(values)
        if "=" not in text:
            namespace.id_column = text
            return
        spec, _, column = text.partition("=")
        try:
            parse_type(spec)
        except ValueError as exc:
            parser.error(f"--id-column {text}: {exc}")
        if not column.strip():
            parser.error(f"--id-column {text}: give TYPE=COLUMN")
        found = list(getattr(namespace, "identifier_columns", None) or [])
        namespace.identifier_columns = [*found, f"{spec.strip()}={column.strip()}"]


def run(args: argparse.Namespace) -> int:
    columns = ColumnMap(
        name=args.name_column,
        id=args.id_column,
        schema=args.schema_column,
        birth_date=args.birth_date_column,
        country=args.country_column,
        identifiers=tuple(
            (spec, column)
            for spec, _, column in (item.partition("=") for item in args.identifier_columns)
        ),
    )
    delimiter = _delimiter(args.delimiter)
    _check_numbers(args)
    # Input problems are reported before the lists, which take a while to load.
    source = inspect_csv(args.input, encoding=args.encoding, delimiter=delimiter)
    resolve_columns(columns, source.keys)
    check_output(args.output, args.input, args.resume, force=args.force)
    delta = read_delta(args.delta) if args.delta is not None else None
    screener = build_screener(
        args.lists, Settings(), args.store_dir, allow_partial=args.allow_partial
    )
    if delta is not None:
        screener = restrict_to_delta(screener, delta)
    decisions = load_decisions(args, screener)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        with interrupt_once():
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
                force=args.force,
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
    """The run's progress as a tqdm bar: share of the input read, rate, ETA, and the rows,
    hits and errors so far; redrawn a few times a second, in a terminal or a notebook."""

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self.stream = stream
        self.interval = interval
        self._bar: tqdm[Any] | None = None

    def __call__(self, progress: Progress) -> None:
        if self._bar is None:
            self._bar = self._start(progress)
        bar = self._bar
        bar.set_postfix_str(counts_text(progress), refresh=False)
        bar.update(max(progress.bytes_done - bar.n, 0))

    def _start(self, progress: Progress) -> tqdm[Any]:
        return tqdm(
            total=progress.bytes_total or None,
            initial=progress.bytes_done,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=self.stream,
            mininterval=self.interval,
            dynamic_ncols=True,
            desc="screening",
            leave=True,
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def counts_text(progress: Progress) -> str:
    """``520,000 rows, 5,210 hits`` (and the errors, if any): what the bar adds to tqdm's."""
    parts = [f"{progress.rows:,} rows", f"{progress.hits:,} hits"]
    if progress.errors:
        parts.append(f"{progress.errors:,} errors")
    return ", ".join(parts)


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
    check_cutoff_options(args)
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers must be at least 1, got {args.workers}")
    if args.chunk_size < 1:
        raise InputError(f"--chunk-size must be at least 1, got {args.chunk_size}")


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The command's options as given, for the run record."""
    options: dict[str, Any] = {"command": "batch"}
    for key, value in sorted(vars(args).items()):
        if key != "run":
            options[key] = _as_text(value)
    return options


def _as_text(value: Any) -> Any:
    """Paths and strings from the command line as text JSON can hold (see ``path_text``)."""
    if isinstance(value, (Path, str)):
        return path_text(value)
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    return value
