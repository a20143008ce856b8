"""What the sub-commands share: exit codes and how ``--list`` finds list files."""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK = 0
EXIT_ROW_ERRORS = 1
EXIT_USAGE = 2
EXIT_LIST_ERROR = 3

DEFAULT_LIST = Path(__file__).resolve().parents[2] / "lists" / "default.jsonl"


def add_list_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list",
        dest="lists",
        action="append",
        metavar="LIST",
        help="list file or directory (repeatable); default: the bundled default list",
    )


def list_paths(specs: list[str] | None) -> list[Path]:
    """The list files to load for the ``--list`` values given (the default list if none)."""
    if not specs:
        return [DEFAULT_LIST]
    return [Path(spec) for spec in specs]
