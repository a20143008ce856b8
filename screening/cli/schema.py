"""``screening schema``: the JSON Schema of a screening result, as ``screen --json`` and
``ScreeningResult.model_dump_json()`` write it, for systems that read results."""

from __future__ import annotations

import argparse
import json
from typing import Any

from screening.cli.common import EXIT_OK
from screening.model import ScreeningResult


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema",
        help="print the JSON Schema of a screening result",
        description="Print the JSON Schema (draft 2020-12) of one result of `screen --json`.",
    )
    parser.set_defaults(run=run)


def result_schema() -> dict[str, Any]:
    schema = ScreeningResult.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def run(args: argparse.Namespace) -> int:
    print(json.dumps(result_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
