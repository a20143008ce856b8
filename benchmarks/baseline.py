"""The brute-force baseline: Jaro-Winkler of the query against every list name.

This is what the OFAC search tool and many in-house screeners do: lowercase, strip accents
and scripts with unidecode, drop punctuation, sort the words (so word order does not matter),
compare with every name, keep the best. It lands near the brute-force reference figures of
``../shared/eval/README.md``. The engine must beat it on quality and must not be slower;
both are measured in the same run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

from benchmarks.metrics import HitList
from benchmarks.systems import LIMIT

NAMES_PER_QUERY = 60
"""Best names fetched before keeping the best name per entity: enough for 10 entities."""


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Lowercase ASCII words in alphabetical order; Cyrillic and accents go through unidecode.

    Sorting the words makes ``BUDNEV, Aleksey`` equal ``Aleksey Budnev``: without it plain
    Jaro-Winkler loses about 15 points of recall on reordered names.
    """
    words = _NOT_ALNUM.sub(" ", unidecode(name).lower()).split()
    return " ".join(sorted(words))


class BaselineSystem:
    """Every list name, normalised once; each query is compared with all of them."""

    name = "baseline"

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        pairs = [(entity_id, normalise(name)) for entity_id, name in names]
        self.entity_ids = [entity_id for entity_id, _ in pairs]
        self.names = [name for _, name in pairs]

    @classmethod
    def build(cls, names: Iterable[tuple[str, str]]) -> tuple[BaselineSystem, float]:
        start = time.perf_counter()
        system = cls(names)
        return system, time.perf_counter() - start

    def search(self, name: str, schema: str | None = None) -> HitList:
        """Top entities by their best-matching name; ``schema`` is ignored, as such tools do."""
        matches = process.extract(
            normalise(name),
            self.names,
            scorer=JaroWinkler.normalized_similarity,
            limit=NAMES_PER_QUERY,
        )
        best: dict[str, float] = {}
        for _, score, position in matches:
            entity_id = self.entity_ids[position]
            if score > best.get(entity_id, -1.0):
                best[entity_id] = score
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return ranked[:LIMIT]

    def screen_default(self, name: str) -> None:
        self.search(name)
