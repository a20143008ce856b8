"""``screening screen NAME...``: screen names and print the hits with their explanations."""

from __future__ import annotations

import argparse
from typing import Any

from screening.cli.common import EXIT_OK, add_list_option, add_store_option, build_screener
from screening.model import Hit, ScreeningResult
from screening.settings import Settings


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "screen", help="screen one or more names", description="Screen names against lists."
    )
    parser.add_argument("names", nargs="+", metavar="NAME", help="names to screen")
    add_list_option(parser)
    add_store_option(parser)
    parser.add_argument("--schema", help="Person, Organization, Vessel, Aircraft")
    parser.add_argument("--birth-date", help="date of birth, YYYY or YYYY-MM-DD")
    parser.add_argument("--country", help="ISO 3166 alpha-2 country code")
    parser.add_argument("--threshold", type=float, help="minimum score (default: engine's)")
    parser.add_argument("--limit", type=int, default=10, help="hits per name (default 10)")
    parser.add_argument("--json", action="store_true", help="print JSON results, one a line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    screener = build_screener(args.lists, Settings(), args.store_dir)
    for name in args.names:
        result = screener.screen(
            name,
            schema=args.schema,
            birth_date=args.birth_date,
            country=args.country,
            threshold=args.threshold,
            limit=args.limit,
        )
        if args.json:
            print(result.model_dump_json(by_alias=True))
        else:
            print(format_result(result))
    return EXIT_OK


def format_result(result: ScreeningResult) -> str:
    """A human-readable report of one result: a line per hit, then its token alignment."""
    lines = [
        f"{result.query.name!r}: {len(result.hits)} hit(s) at threshold {result.threshold:.2f}"
    ]
    if result.normalisation:  # a sign of evasion: say it before the hits
        cleaned = "; ".join(step.detail for step in result.normalisation)
        lines.append(f"  query cleaned (possible evasion): {cleaned}")
    for rank, hit in enumerate(result.hits, 1):
        lines.append(f"  {rank}. {hit.score:.3f}  {hit.entity_id}  {hit.listed_name}")
        lines.extend(f"       {line}" for line in explain_lines(hit))
    return "\n".join(lines)


def explain_lines(hit: Hit) -> list[str]:
    out = []
    if hit.matched_name != hit.listed_name:
        out.append(f"matched alias: {hit.matched_name}")
    for token in hit.explanation.tokens:
        target = token.list_token if token.list_token is not None else "-"
        detail = f" ({token.detail})" if token.detail else ""
        out.append(f"{token.query_token} -> {target}  {token.similarity:.2f}  {token.rule}{detail}")
    out.extend(f"penalty: {p}" for p in hit.explanation.penalties)
    for check in hit.explanation.evidence:
        out.append(
            f"{check.kind}: {check.query_value} vs {', '.join(check.list_values) or '-'}: "
            f"{check.outcome} ({check.score_change:+.2f})"
        )
    return out
