"""``screening monitor BOOK.csv --state DB``: screen a customer book again, reporting only
what is new since the last run (see ``screening.decisions.monitor``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from screening.batch import ColumnMap
from screening.cli.common import (
    EXIT_OK,
    EXIT_ROW_ERRORS,
    add_list_option,
    add_store_option,
    build_screener,
)
from screening.cli.review import STORE_HELP
from screening.decisions import DecisionStore
from screening.decisions.book import read_book
from screening.decisions.model import LAPSE_REASONS
from screening.decisions.monitor import MonitorReport, ReportedAlert, monitor
from screening.settings import Settings


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "monitor",
        help="screen a customer book again, reporting only new alerts",
        description=(
            "Screen a customer book and remember what was screened; on the next run screen "
            "only new or changed customers (against the whole list) and the others against "
            "the entries a list update added or changed. Reports new alerts, and alerts that "
            "came back because a decision lapsed. Exit status 1 when rows could not be read."
        ),
    )
    parser.add_argument("book", metavar="BOOK.csv", help="CSV file with a header")
    parser.add_argument(
        "--state", required=True, metavar="DB", help=f"monitoring state; {STORE_HELP}"
    )
    parser.add_argument(
        "--decisions", metavar="STORE", help="decisions to apply (default: the --state database)"
    )
    add_list_option(parser)
    add_store_option(parser)
    parser.add_argument(
        "--id-column", default="id", metavar="COL", help="customer key (default: id)"
    )
    parser.add_argument("--name-column", default="name", metavar="COL", help="default: name")
    parser.add_argument("--schema-column", metavar="COL", help="Person, Organization, ...")
    parser.add_argument("--birth-date-column", metavar="COL", help="YYYY or YYYY-MM-DD")
    parser.add_argument("--country-column", metavar="COL", help="ISO 3166 alpha-2 codes")
    parser.add_argument("--encoding", default="utf-8", metavar="ENC")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="processes (default 1)")
    parser.add_argument("--json", action="store_true", help="one JSON object per reported alert")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    columns = ColumnMap(
        name=args.name_column,
        id=args.id_column,
        schema=args.schema_column,
        birth_date=args.birth_date_column,
        country=args.country_column,
    )
    book = read_book(args.book, columns, encoding=args.encoding)
    screener = build_screener(args.lists, Settings(), args.store_dir)
    with DecisionStore(args.state) as state:
        if args.decisions is None:
            report = monitor(screener, book.customers, state, workers=args.workers)
        else:
            with DecisionStore(args.decisions) as decisions:
                report = monitor(screener, book.customers, state, decisions, args.workers)
    if args.json:
        for alert in report.alerts:
            print(json.dumps(alert_record(alert), ensure_ascii=False))
    else:
        print(report_text(report))
    problems = book.problems + report.errors
    for problem in problems:
        print(f"screening monitor: {problem}", file=sys.stderr)
    return EXIT_ROW_ERRORS if problems else EXIT_OK


def report_text(report: MonitorReport) -> str:
    """The run in a few lines, then one line per new or returning alert."""
    back = sum(alert.came_back for alert in report.alerts)
    if report.first_run:
        screened = f"first run, all {report.screened_full:,} screened"
    else:
        screened = (
            f"screened {report.screened_full:,} in full, {report.screened_delta:,} for the "
            f"list update ({report.entities_changed:,} entries added or changed, "
            f"{report.entities_removed:,} removed)"
        )
    lines = [
        f"monitor: {report.customers:,} customers; {screened}",
        f"  {len(report.alerts) - back} new alert(s), {back} came back, "
        f"{report.suppressed} suppressed by decisions",
    ]
    for alert in report.alerts:
        hit = alert.hit
        if alert.came_back and hit.review is not None and alert.lapsed is not None:
            why = f"decision {hit.review.decision_id} lapsed: {LAPSE_REASONS[alert.lapsed]}"
            tag = "BACK"
        else:
            why, tag = alert.why, "NEW "
        lines.append(
            f"{tag}  {alert.customer.key}  {alert.customer.name} -> {hit.entity_id} "
            f"{hit.listed_name}  {hit.score:.3f}  {why}"
        )
    return "\n".join(lines)


def alert_record(alert: ReportedAlert) -> dict[str, Any]:
    return {
        "customer": alert.customer.model_dump(by_alias=True),
        "why": alert.why,
        "came_back": alert.came_back,
        "lapsed": alert.lapsed,
        "hit": alert.hit.model_dump(mode="json", by_alias=True),
    }
