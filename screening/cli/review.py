"""Options and helpers shared by the commands that use a decision store."""

from __future__ import annotations

import argparse

from screening.decisions import DecisionBook, DecisionStore
from screening.decisions.from_batch import remember_batch_alerts
from screening.errors import InputError
from screening.screener import Screener

STORE_HELP = "decision store: a SQLite file path or a database URL (postgresql://...)"


def add_decisions_options(parser: argparse.ArgumentParser) -> None:
    """``--decisions STORE`` and ``--hide-suppressed`` for a command that screens."""
    parser.add_argument(
        "--decisions", metavar="STORE", help=f"apply analyst decisions; {STORE_HELP}"
    )
    parser.add_argument(
        "--hide-suppressed",
        action="store_true",
        help="leave hits that a valid false-positive decision covers out of the output",
    )


def load_decisions(args: argparse.Namespace, screener: Screener) -> DecisionBook | None:
    """The decisions in force in ``--decisions``, checked against the other options."""
    if args.decisions is None:
        if args.hide_suppressed:
            raise InputError("--hide-suppressed needs --decisions STORE")
        return None
    if getattr(args, "id_column", None) is None:
        raise InputError("--decisions needs --id-column: decisions are kept per customer key")
    with DecisionStore(args.decisions) as store:
        return DecisionBook.load(store, screener)


def remember_alerts(args: argparse.Namespace, screener: Screener) -> None:
    """After a batch run with ``--decisions``: its alerts, for ``screening decide --customer``."""
    if args.decisions is None:
        return
    with DecisionStore(args.decisions) as store:
        remember_batch_alerts(args.output, screener, store)
