"""``screening decide``: record an analyst's decision on an alert.

Either one alert, of ``--customer`` on ``--entity`` as last screened with the store
(``screening monitor`` remembers them), or every reviewed row of a batch output CSV
(``--from-batch``, with a ``disposition`` column the analyst filled in).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from screening.cli.common import EXIT_OK, add_list_option, add_store_option, build_screener
from screening.cli.review import STORE_HELP
from screening.decisions import DISPOSITIONS, Decision, DecisionStore, listing_fingerprint
from screening.decisions.from_batch import decisions_from_batch
from screening.errors import InputError
from screening.settings import Settings
from screening.version import ENGINE_VERSION


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "decide",
        help="record an analyst's decision on an alert",
        description=(
            "Record a decision on a customer's alert. A false_positive decision suppresses "
            "the alert in later runs until the listing or the customer's data change, it "
            "expires, or the engine scores the pair clearly higher."
        ),
    )
    parser.add_argument("--decisions", metavar="STORE", required=True, help=STORE_HELP)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--customer", metavar="KEY", help="the customer's key (id column)")
    target.add_argument(
        "--from-batch",
        type=Path,
        metavar="RESULTS.csv",
        help="batch results with a disposition column (and optionally decision_reason)",
    )
    parser.add_argument("--entity", metavar="ENTITY_ID", help="the list entry (with --customer)")
    parser.add_argument("--disposition", choices=DISPOSITIONS, help="with --customer")
    parser.add_argument("--by", required=True, metavar="WHO", help="who decides")
    parser.add_argument("--reason", metavar="TEXT", help="why (required with --customer)")
    parser.add_argument("--expires", type=date.fromisoformat, metavar="YYYY-MM-DD")
    add_list_option(parser)
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.from_batch is not None:
        screener = build_screener(args.lists, Settings(), args.store_dir)
        items = decisions_from_batch(args.from_batch, screener, args.by, args.reason)
        if args.expires is not None:
            items = [item.model_copy(update={"expires_on": args.expires}) for item in items]
        with DecisionStore(args.decisions) as store:
            stored = store.record_many(items)
        print(f"recorded {len(stored)} decision(s) from {args.from_batch}")
        return EXIT_OK
    if not args.entity or not args.disposition or not args.reason:
        raise InputError("--customer needs --entity, --disposition and --reason")
    with DecisionStore(args.decisions) as store:
        alert = store.last_alert(args.customer, args.entity)
        if args.lists:  # warn when the listing moved on since the alert was screened
            screener = build_screener(args.lists, Settings(), args.store_dir)
            entity = screener.entity(args.entity)
            if entity is None or listing_fingerprint(entity) != alert.listing_fingerprint:
                print(
                    f"screening: warning: {args.entity} changed on the list since the alert "
                    "was screened; the decision covers the listing as it was then and lapses "
                    "at the next run",
                    file=sys.stderr,
                )
        decision = Decision.on_alert(
            alert,
            args.disposition,
            args.by,
            args.reason,
            ENGINE_VERSION,
            Settings().settings_hash(),
            expires_on=args.expires,
        )
        recorded = store.record(decision)
    print(f"recorded decision {recorded.id}: {args.customer} / {args.entity} {args.disposition}")
    return EXIT_OK
