"""The ``screening`` command: one sub-module per sub-command.

Every failure ends in one line on stderr and a documented exit code
(``EXIT_CODES_HELP``): the library's own errors by kind, a closed or full output as an
output error, and anything unexpected as an internal error, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
import textwrap
from collections.abc import Sequence

from screening.cli import batch, decide, decisions, lists, monitor, schema, screen, spark_batch
from screening.cli.common import (
    EXIT_CODES_HELP,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_LIST_ERROR,
    EXIT_OUTPUT_ERROR,
    EXIT_USAGE,
    interrupt_once,
)
from screening.engine_build import engine_build
from screening.errors import InputError, ListLoadError
from screening.version import ENGINE_VERSION

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer cut off by its reader


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening", description="Screen names against sanctions lists."
    )
    parser.add_argument(
        "--version", action="version", version=f"screening {ENGINE_VERSION} ({engine_build()})"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    screen.register(commands)
    batch.register(commands)
    lists.register(commands)
    schema.register(commands)
    decide.register(commands)
    decisions.register(commands)
    monitor.register(commands)
    spark_batch.register(commands)
    _add_exit_codes(parser)
    return parser


def _add_exit_codes(parser: argparse.ArgumentParser) -> None:
    """State the exit codes at the end of this command's help and of every sub-command's."""
    parser.epilog = EXIT_CODES_HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    if parser.description and "\n" not in parser.description:
        parser.description = textwrap.fill(parser.description, 79)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_exit_codes(child)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with interrupt_once():
            code: int = args.run(args)
            sys.stdout.flush()
    except ListLoadError as exc:
        return _fail(f"list error: {exc}", EXIT_LIST_ERROR)
    except InputError as exc:
        return _fail(f"input error: {exc}", EXIT_USAGE)
    except BrokenPipeError:
        # The reader went away (`screening ... | head`): stop quietly, as Unix tools do.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF):
            _silence_stdout()
            return _fail(f"cannot write the output: {exc.strerror or exc}", EXIT_OUTPUT_ERROR)
        return _fail(f"internal error: {type(exc).__name__}: {exc}", EXIT_INTERNAL)
    except Exception as exc:  # a bug: one line, a documented code, no traceback
        return _fail(f"internal error: {type(exc).__name__}: {exc}", EXIT_INTERNAL)
    return code


def _fail(message: str, code: int) -> int:
    text = " ".join(f"screening: {message}".split())
    with contextlib.suppress(OSError):
        print(text.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def code_on_broken_pipe() -> int:
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    raise SystemExit(main())
