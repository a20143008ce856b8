"""``screening decisions list|show|export``: read the decision store (the audit trail)."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from screening.cli.common import EXIT_OK
from screening.cli.review import STORE_HELP
from screening.decisions import Decision, DecisionStore
from screening.decisions.store import decision_row

EXPORT_COLUMNS = (
    "id",
    "customer_key",
    "customer_name",
    "customer_schema",
    "customer_birth_date",
    "customer_country",
    "customer_fingerprint",
    "entity_id",
    "listing_fingerprint",
    "lists",
    "score",
    "disposition",
    "decided_by",
    "decided_at",
    "reason",
    "expires_on",
    "engine_version",
    "settings_hash",
)


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "decisions", help="list, show or export recorded decisions"
    )
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="one line per decision, oldest first")
    show = actions.add_parser("show", help="every field of one decision")
    export = actions.add_parser("export", help="every decision as CSV or JSON Lines")
    for sub in (listing, show, export):
        sub.add_argument("--decisions", metavar="STORE", required=True, help=STORE_HELP)
    for sub in (listing, export):
        sub.add_argument("--customer", metavar="KEY", help="only this customer's")
        sub.add_argument("--entity", metavar="ENTITY_ID", help="only decisions on this entry")
    listing.add_argument(
        "--in-force", action="store_true", help="only the latest decision of each pair"
    )
    show.add_argument("id", type=int, metavar="ID")
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    listing.set_defaults(run=run_list)
    show.set_defaults(run=run_show)
    export.set_defaults(run=run_export)


def _selected(store: DecisionStore, args: argparse.Namespace) -> list[Decision]:
    return list(store.history(args.customer, args.entity))


def run_list(args: argparse.Namespace) -> int:
    with DecisionStore(args.decisions) as store:
        items = _selected(store, args)
    if args.in_force:
        latest = {(d.customer.key, d.entity_id): d for d in items}
        items = sorted(latest.values(), key=lambda d: d.id or 0)
    for decision in items:
        expires = f"  until {decision.expires_on}" if decision.expires_on else ""
        print(
            f"{decision.id}  {decision.decided_at:%Y-%m-%d %H:%M}  {decision.customer.key}  "
            f"{decision.entity_id}  {decision.disposition}  by {decision.decided_by}{expires}"
            f"  {' '.join(decision.reason.split())}"
        )
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    with DecisionStore(args.decisions) as store:
        decision = store.get(args.id)
    for column, value in flatten(decision).items():
        print(f"{column:<21} {'' if value is None else value}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    with DecisionStore(args.decisions) as store:
        items = _selected(store, args)
    if args.format == "jsonl":
        for decision in items:
            print(decision.model_dump_json(by_alias=True))
        return EXIT_OK
    writer = csv.DictWriter(sys.stdout, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flatten(decision) for decision in items)
    return EXIT_OK


def flatten(decision: Decision) -> dict[str, Any]:
    """A decision as one flat record, in ``EXPORT_COLUMNS`` order."""
    record = {"id": decision.id, **decision_row(decision)}
    return {column: record[column] for column in EXPORT_COLUMNS}
