"""Evasion tricks: does a listed name still hit once it is disguised?

Each trick is a way people hide a name from a screener while a human still reads it:
letters spaced out, dotted or hyphenated, digits for letters (leetspeak), words run
together, a capitals word written in look-alike letters of the other script. The part takes
a seeded sample of listed names that the engine hits as written, disguises each with every
trick, and reports the share still hit at the default threshold (issue 13: >= 95% each).
The same tricks applied to the dev negatives must not raise their alert rate by more than
half a point: undoing a trick must not make innocent names look listed.

The tricks are written here, independently of the engine's ``screening/evasion.py``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.data import missing_eval_message, read_jsonl
from benchmarks.report import Section, percent
from benchmarks.workbench import Workbench, run_part

TITLE = "Evasion tricks"
SEED = 13
SAMPLE = {True: 150, False: 600}  # listed names per trick (quick, full)
NEGATIVES = {True: 1500, False: 5000}

# Leetspeak as people write it: the digits and signs that stand for letters.
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "b": "8", "g": "9"}
# Latin capitals and their Cyrillic twins: a word made only of these can be written in
# either script and look the same.
_TWINS = dict(zip("ABCEHKMOPTXY", "АВСЕНКМОРТХУ", strict=True))
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def letter_spacing(name: str) -> str:
    """``B U D N E V  A L E K S E Y``: letters one space apart, words two."""
    return "  ".join(" ".join(word) for word in name.split())


def dotted(name: str) -> str:
    """``B.U.D.N.E.V. A.L.E.K.S.E.Y.``"""
    return " ".join("".join(f"{letter}." for letter in word) for word in name.split())


def hyphenated(name: str) -> str:
    """``B-U-D-N-E-V A-L-E-K-S-E-Y``"""
    return " ".join("-".join(word) for word in name.split())


def leetspeak(name: str) -> str:
    """``BUDN3V 4L3K53Y``: every letter that has a leet digit gets it, while at least two
    letters of the word stay letters (a word of digits alone reads as a number)."""
    words = []
    for word in name.split():
        letters = sum(ch.isalpha() for ch in word)
        out = []
        for ch in word:
            leet = _LEET.get(ch.lower())
            if leet and letters > 2:
                out.append(leet)
                letters -= 1
            else:
                out.append(ch)
        words.append("".join(out))
    return " ".join(words)


def run_together(name: str) -> str:
    """``ALEKSEYBUDNEV``: the whole name as one word."""
    return "".join(name.split())


def look_alike_capitals(name: str) -> str | None:
    """The longest word made only of twin letters, in Cyrillic capitals (``CHAYKA`` ->
    ``СНАУКА``); None when the name has no such word of three letters or more."""
    words = [w for w in _LATIN_WORD.findall(name) if len(w) >= 3 and set(w.upper()) <= set(_TWINS)]
    if not words:
        return None
    word = max(words, key=len)
    twin = "".join(_TWINS[ch] for ch in word.upper())
    return re.sub(rf"\b{re.escape(word)}\b", twin, name, count=1)


Trick = Callable[[str], str | None]
TRICKS: dict[str, Trick] = {
    "letter_spacing": letter_spacing,
    "dots": dotted,
    "hyphens": hyphenated,
    "leetspeak": leetspeak,
    "run_together": run_together,
    "look_alike_capitals": look_alike_capitals,
    "cyrillic_spacing": letter_spacing,  # applied to names written in Cyrillic
}
TARGET = 0.95
MAX_ALERT_RISE = 0.005


def _hits(screener: Any, name: str, schema: str | None) -> set[str]:
    from screening.errors import InputError

    try:
        return {hit.entity_id for hit in screener.screen(name, schema=schema).hits}
    except InputError:
        return set()


def _listed_sample(bench: Workbench, count: int, rng: random.Random) -> list[dict[str, Any]]:
    """Listed names (persons and organisations, Latin script) as queries for their entity."""
    records = [r for r in bench.records if r.get("schema") in ("Person", "Organization")]
    rng.shuffle(records)
    return [
        {"name": r["names"][0], "schema": r["schema"], "expected": [r["id"]]}
        for r in records[: 3 * count]
    ]


def run(bench: Workbench | None, quick: bool, out_dir: Path) -> Section:
    if bench is None:
        return Section.skip(TITLE, missing_eval_message())
    screener = bench.engine.screener
    queries = read_jsonl(bench.eval_dir / "queries_dev.jsonl")
    cyrillic = [q for q in queries if q.get("kind") == "cyrillic" and q["expected"]]
    random.Random(SEED).shuffle(cyrillic)
    negatives = [q for q in queries if not q["expected"]]
    negatives = random.Random(SEED).sample(negatives, min(NEGATIVES[quick], len(negatives)))
    listed = _listed_sample(bench, SAMPLE[quick], random.Random(SEED))

    def found(query: dict[str, Any], name: str) -> bool:
        return bool(_hits(screener, name, query.get("schema")) & set(query["expected"]))

    figures: dict[str, float | None] = {}
    rows = []
    details: dict[str, Any] = {}
    negative_alert = sum(bool(_hits(screener, q["name"], q.get("schema"))) for q in negatives)
    base_rate = negative_alert / len(negatives) if negatives else 0.0
    for trick_name, trick in TRICKS.items():
        pool = cyrillic if trick_name == "cyrillic_spacing" else listed
        tried = hit = 0
        misses: list[str] = []
        for query in pool:
            if tried >= SAMPLE[quick]:
                break
            disguised = trick(query["name"])
            if disguised is None or disguised == query["name"] or not found(query, query["name"]):
                continue  # the trick does not apply, or the plain name does not hit
            tried += 1
            if found(query, disguised):
                hit += 1
            elif len(misses) < 5:
                misses.append(disguised)
        alerts = applied = 0
        for query in negatives:
            disguised = trick(query["name"])
            if disguised is None:
                disguised = query["name"]
            applied += disguised != query["name"]
            alerts += bool(_hits(screener, disguised, query.get("schema")))
        share = hit / tried if tried else None
        rise = (alerts / len(negatives) - base_rate) if negatives else None
        figures[f"evasion.{trick_name}.hit_share"] = share
        figures[f"evasion.{trick_name}.negative_alert_rise"] = rise
        details[trick_name] = {
            "listed_names": tried,
            "still_hit": hit,
            "negatives_disguised": applied,
            "negative_alerts": alerts,
            "misses": misses,
        }
        rows.append(f"| {trick_name} | {hit}/{tried} | {percent(share)} | {percent(rise)} |")
    lines = [
        f"Listed names hit as written, disguised by each trick (seed {SEED}): the share still "
        f"hit at the default threshold (target {percent(TARGET)} each), and the rise of the "
        f"alert rate of {len(negatives)} dev negatives disguised the same way (base "
        f"{percent(base_rate)}; at most {percent(MAX_ALERT_RISE)}).",
        "",
        "| trick | still hit | share | negative alert rise |",
        "|---|---|---|---|",
        *rows,
    ]
    figures["evasion.negative_alert_rate"] = base_rate
    details["negatives"] = len(negatives)
    return Section(title=TITLE, markdown="\n".join(lines) + "\n", figures=figures, details=details)


if __name__ == "__main__":
    raise SystemExit(run_part(run, __doc__))
