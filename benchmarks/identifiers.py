"""Screening by identifier on the real lists: recall under formatting noise, false hits on
random valid-looking values, and what the identifier path costs name-only queries.

``python -m benchmarks.identifiers [--quick]`` loads OFAC's SDN list (the full run adds the
UK ConList and the UN list) from ``../shared/lists``. Every listed identifier of a type that
alerts on its own (IMO, LEI, BIC, wallets; tax and registration numbers with their country)
whose value passes its type's check is screened alone, written as a person would type it:
spaces, dashes, dots, another case where the type ignores case, a prefix such as ``IMO ``
or ``INN ``. Its entity must be among the hits: 100% expected. Random values that pass the
same checks but are listed nowhere must hit nothing: 0 expected. Name-only queries must not
pay for identifiers: their time through ``Screener.screen`` is compared with the bare
ranking in the same process (a ratio, never seconds). Results go to
``benchmarks/out/identifiers.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.data import write_json

REPO = Path(__file__).resolve().parents[1]
SHARED_LISTS = REPO.parent / "shared" / "lists"
OUT_FILE = REPO / "benchmarks" / "out" / "identifiers.json"
FULL_LISTS = (
    "ofac/sdn_2024-05-03/sdn.csv",
    "uk/ConList_2025-04-14.csv",
    "un/UN_consolidated_2026-02-27.xml",
)
QUICK_LISTS = FULL_LISTS[:1]
SEED = 16
RANDOM_VALUES = 2_000  # per run, spread over the strong types
SPEED_NAMES = 300
SPEED_NAMES_QUICK = 100
REPEATS = 3


def run(quick: bool) -> dict[str, Any]:
    """Measure recall, false hits and the name-only overhead; also written to ``OUT_FILE``."""
    from screening.screener import Screener
    from screening.sources import load_lists

    paths = [SHARED_LISTS / name for name in (QUICK_LISTS if quick else FULL_LISTS)]
    present = [path for path in paths if path.is_file()]
    result: dict[str, Any] = {"benchmark": "identifiers", "quick": quick}
    if not present:
        result["status"] = f"skipped: no list under {SHARED_LISTS}"
        write_json(OUT_FILE, result)
        return result
    screener = Screener([part for path in present for part in load_lists(path)])
    result["lists"] = [str(path.relative_to(SHARED_LISTS)) for path in present]
    rng = random.Random(SEED)
    result["recall"] = _recall(screener, rng)
    result["false_hits"] = _false_hits(screener, rng)
    result["name_only"] = _name_only_overhead(screener, SPEED_NAMES_QUICK if quick else SPEED_NAMES)
    result["status"] = "ok"
    write_json(OUT_FILE, result)
    return result


def _recall(screener: Any, rng: random.Random) -> dict[str, Any]:
    """Every valid strong listed identifier, noised, screened alone: is its entity found?"""
    from screening.identifiers import normalise
    from screening.model import Identifier

    listed = 0
    found = 0
    invalid: Counter[str] = Counter()
    evidence_only: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    missed: list[str] = []
    for entity in screener.index.entities:
        for identifier in entity.identifiers:
            normal = normalise(identifier)
            if not normal.valid:
                invalid[normal.type] += 1
                continue
            strength = normal.rule.strength
            if strength == "weak" or (strength == "country" and not normal.country):
                evidence_only[normal.type] += 1
                continue
            written = _noisy(
                identifier.value, normal.rule.prefixes, normal.rule.form, normal.value, rng
            )
            query = Identifier(type=identifier.type, value=written, country=identifier.country)
            hits = screener.screen("", identifiers=[query]).hits
            listed += 1
            by_type[normal.type] += 1
            if entity.id in {hit.entity_id for hit in hits}:
                found += 1
            elif len(missed) < 20:
                missed.append(f"{entity.id} {identifier.type} {identifier.value!r} as {written!r}")
    return {
        "screened": listed,
        "found": found,
        "share_found": found / listed if listed else None,
        "by_type": dict(by_type.most_common()),
        "invalid_listed_values": dict(invalid.most_common()),
        "evidence_only_listed_values": dict(evidence_only.most_common()),
        "missed": missed,
    }


def _noisy(
    value: str, prefixes: tuple[str, ...], form: str, normal: str, rng: random.Random
) -> str:
    """The value as a person types it: grouped with spaces, dashes or dots, a prefix, and
    another case where the type's normal form ignores case."""
    if form == "crypto":
        if normal.startswith("0x") or normal == normal.lower():  # hex and bech32 ignore case
            value = rng.choice([value.lower(), value.upper().replace("0X", "0x")])
        return rng.choice(["  ", " ", ""]) + value + rng.choice(["", " "])
    number, aside = value, ""
    if "(" in value and value.rstrip().endswith(")"):  # a register's place stays as written
        number, aside = value[: value.index("(")], " " + value[value.index("(") :]
    compact = "".join(ch for ch in number if ch.isalnum())
    separator = rng.choice([" ", "-", ".", ""])
    size = rng.choice([2, 3, 4])
    grouped = separator.join(compact[i : i + size] for i in range(0, len(compact), size))
    grouped = rng.choice([grouped.lower(), grouped.upper(), grouped])
    if prefixes and rng.random() < 0.5 and not value.upper().startswith(prefixes):
        # glued to the value only before a digit: ``IMO9187629``, never ``RFCMEGA460704``
        glue = [" ", ": "] + ([""] if grouped[:1].isdigit() else [])
        grouped = f"{rng.choice(prefixes)}{rng.choice(glue)}{grouped}"
    return grouped + aside


def _false_hits(screener: Any, rng: random.Random) -> dict[str, Any]:
    """Random values that pass their type's check, listed nowhere: every hit is false."""
    from screening.identifiers import normalise
    from screening.model import Identifier

    makers = _value_makers(rng)
    index = screener.identifier_index
    screened = 0
    hits = 0
    per_type = RANDOM_VALUES // len(makers)
    for (kind, country), make in makers.items():
        for _ in range(per_type):
            identifier = Identifier(type=kind, value=make(), country=country)
            normal = normalise(identifier)
            if not normal.valid or (normal.group, normal.value) in index.by_value:
                continue  # only valid values, listed nowhere
            screened += 1
            hits += len(screener.screen("", identifiers=[identifier]).hits)
    return {"screened": screened, "hits": hits}


def _value_makers(rng: random.Random) -> dict[tuple[str, str | None], Any]:
    """Makers of random values that pass each strong type's check."""
    from stdnum import imo
    from stdnum.iso7064 import mod_97_10
    from stdnum.ru import inn, ogrn

    def digits(count: int) -> str:
        return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(count - 1))

    def make_imo() -> str:
        body = digits(6)
        return body + imo.calc_check_digit(body)

    def make_lei() -> str:
        body = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(18))
        return body + mod_97_10.calc_check_digits(body)

    def make_inn() -> str:
        body = digits(9)
        return body + inn.calc_company_check_digit(body)

    def make_ogrn() -> str:
        body = digits(12)
        return body + ogrn.calc_check_digit(body)

    def make_eth() -> str:
        return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))

    return {
        ("imo", None): make_imo,
        ("lei", None): make_lei,
        ("tax_id", "ru"): make_inn,
        ("registration", "ru"): make_ogrn,
        ("crypto_eth", None): make_eth,
    }


def _name_only_overhead(screener: Any, count: int) -> dict[str, Any]:
    """Name-only queries through ``Screener.screen`` against the bare ranking (what
    screening cost before identifiers), interleaved, best of a few repeats per name."""
    from screening.model import Query
    from screening.scoring import rank_hits

    names = [
        entity.names[0]
        for entity in screener.index.entities[:: max(1, len(screener.index.entities) // count)]
    ][:count]
    settings = screener.settings
    cutoff, limit = screener.cutoffs(None, None)
    full = bare = 0.0
    for name in names:
        query = Query(name=name)
        best_full = best_bare = float("inf")
        for _ in range(REPEATS):
            started = time.perf_counter()
            rank_hits(screener.index, query, cutoff, limit, settings)
            best_bare = min(best_bare, time.perf_counter() - started)
            started = time.perf_counter()
            screener.screen(name)
            best_full = min(best_full, time.perf_counter() - started)
        full += best_full
        bare += best_bare
    return {"names": len(names), "ratio_to_bare_ranking": full / bare if bare else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.quick), indent=2))


if __name__ == "__main__":
    main()
