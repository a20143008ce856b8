"""``screening screen NAME...``: screen names and print the hits with their explanations."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from screening.cli.common import (
    EXIT_OK,
    EXIT_ROW_ERRORS,
    add_list_option,
    add_store_option,
    build_screener,
)
from screening.errors import InputError
from screening.identifiers import parse_type
from screening.model import SCHEMAS, Hit, ScreeningResult
from screening.query_input import parse_schema
from screening.settings import Settings


def register(commands: Any) -> None:
    defaults = Settings()
    parser: argparse.ArgumentParser = commands.add_parser(
        "screen",
        help="screen one or more names",
        description=(
            "Screen names against lists. Every name is screened; a name that cannot be "
            f"(empty, over {defaults.max_query_chars:,} characters, not valid text) is "
            "reported with its position and the exit status is 1."
        ),
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"names to screen, at most {defaults.max_query_chars:,} characters each "
        "(none with --id: the identifiers alone are screened)",
    )
    parser.add_argument(
        "--id",
        dest="identifiers",
        action="append",
        default=[],
        type=identifier_option,
        metavar="TYPE:VALUE",
        help="an identifier to screen (imo:9187629, tax_id/ru:7707083893); repeatable",
    )
    add_list_option(parser)
    add_store_option(parser)
    parser.add_argument(
        "--schema",
        type=schema_option,
        help=f"what the names are, in any case: {', '.join(SCHEMAS)}",
    )
    parser.add_argument(
        "--birth-date",
        help="date of birth: 1952-10-07, 07.10.1952, 07/10/1952 (day first), 1952-10, 1952, "
        "7 October 1952, 7 октября 1952; one that cannot be read is ignored with a warning",
    )
    parser.add_argument(
        "--country",
        help="country: an ISO 3166 code (ru, RUS) or a name in English or another language "
        "(Russia, Россия); one that cannot be read is ignored with a warning",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=defaults.threshold,
        help=f"minimum score, 0..1 (default {defaults.threshold})",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=defaults.limit,
        help=f"hits per name (default {defaults.limit})",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON line per name: its result (see `screening schema`), or "
        '{"position", "name", "error"} for a name that could not be screened',
    )
    parser.set_defaults(run=run)


def schema_option(value: str) -> str:
    """``--schema`` in any case; argparse reports the accepted values for anything else."""
    try:
        found = parse_schema(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if found is None:
        raise argparse.ArgumentTypeError(f"empty schema; choose one of {', '.join(SCHEMAS)}")
    return found


def run(args: argparse.Namespace) -> int:
    screener = build_screener(
        args.lists, Settings(), args.store_dir, allow_partial=args.allow_partial
    )
    screener.cutoffs(args.threshold, args.limit)  # bad values stop the run before any name
    if not args.names and not args.identifiers:
        raise InputError("give a name to screen, or an identifier with --id TYPE:VALUE")
    names = args.names or [""]
    failed = 0
    total = len(names)
    for position, name in enumerate(names, 1):
        try:
            result = screener.screen(
                name,
                identifiers=args.identifiers,
                schema=args.schema,
                birth_date=args.birth_date,
                country=args.country,
                threshold=args.threshold,
                limit=args.limit,
            )
        except InputError as exc:
            failed += 1
            shown = printable(name)
            print(
                f"screening: name {position} of {total} (\"{shown}\") not screened: {exc}",
                file=sys.stderr,
            )
            if args.json:
                error = {"position": position, "name": shown, "error": str(exc)}
                print(json.dumps(error, ensure_ascii=False))
            continue
        if args.json:
            print(result.model_dump_json())
        else:
            print(format_result(result))
    return EXIT_ROW_ERRORS if failed else EXIT_OK


def printable(text: str) -> str:
    """Text safe to print whatever it holds: undecodable bytes shown as ``\\xff``."""
    return text.encode(
        "utf-8", "surrogateescape" if _only_escapes(text) else "backslashreplace"
    ).decode("utf-8", "backslashreplace")


def _only_escapes(text: str) -> bool:
    return all(not "\ud800" <= char <= "\udfff" or "\udc80" <= char <= "\udcff" for char in text)


def identifier_option(text: str) -> tuple[str, str, str | None]:
    """``--id TYPE[/COUNTRY]:VALUE`` as (type, value, country)."""
    spec, colon, value = text.partition(":")
    if not colon or not value.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: give TYPE:VALUE, such as imo:9187629")
    try:
        kind, country = parse_type(spec)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return kind, value.strip(), country


def format_result(result: ScreeningResult) -> str:
    """A human-readable report of one result: a line per hit, then its token alignment."""
    what = [repr(result.query.name)] if result.query.name else []
    what += [f"{item.type} {item.value}" for item in result.query.identifiers]
    lines = [f"{', '.join(what)}: {len(result.hits)} hit(s) at threshold {result.threshold:.2f}"]
    lines.extend(f"  warning: {warning}" for warning in result.warnings)
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
