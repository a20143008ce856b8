"""The ``screening`` command: one sub-module per sub-command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from screening.cli import batch, lists, screen, spark_batch
from screening.cli.common import EXIT_LIST_ERROR, EXIT_USAGE
from screening.errors import InputError, ListLoadError
from screening.version import ENGINE_VERSION


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening", description="Screen names against sanctions lists."
    )
    parser.add_argument("--version", action="version", version=f"screening {ENGINE_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)
    screen.register(commands)
    batch.register(commands)
    lists.register(commands)
    spark_batch.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except ListLoadError as exc:
        print(f"screening: list error: {exc}", file=sys.stderr)
        return EXIT_LIST_ERROR
    except InputError as exc:
        print(f"screening: input error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`screening ... | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return code_on_broken_pipe()
    return code


def code_on_broken_pipe() -> int:
    return 141  # 128 + SIGPIPE, what a shell reports for a writer cut off by its reader


if __name__ == "__main__":
    raise SystemExit(main())
