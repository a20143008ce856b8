"""The exact index of the lists' identifiers, in normal form.

Retrieval by identifier is a dictionary look-up: an entity whose listed IMO, LEI or
wallet equals the query's is found whatever its name says. Built from the entities, so
the on-disk index cache (which stores them) needs nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from screening.identifiers import NormalIdentifier, normalise
from screening.model import Entity


@dataclass(frozen=True)
class IdentifierIndex:
    """Entities by the normal form of their identifiers."""

    by_value: dict[tuple[str, str], tuple[int, ...]]  # (group, value) -> entity numbers
    by_entity: tuple[tuple[NormalIdentifier, ...], ...]  # the valid ones, by entity number
    invalid: int  # listed values that fail their type's check: never matched

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> IdentifierIndex:
        by_value: dict[tuple[str, str], list[int]] = defaultdict(list)
        by_entity: list[tuple[NormalIdentifier, ...]] = []
        invalid = 0
        for number, entity in enumerate(entities):
            valid: list[NormalIdentifier] = []
            for identifier in entity.identifiers:
                normal = normalise(identifier)
                if not normal.valid:
                    invalid += 1
                    continue
                valid.append(normal)
                holders = by_value[(normal.group, normal.value)]
                if not holders or holders[-1] != number:
                    holders.append(number)
            by_entity.append(tuple(valid))
        return cls(
            {key: tuple(found) for key, found in by_value.items()}, tuple(by_entity), invalid
        )

    def holders(self, identifiers: Iterable[NormalIdentifier]) -> set[int]:
        """The entities holding any of these values (countries are weighed in scoring)."""
        return {
            number
            for identifier in identifiers
            for number in self.by_value.get((identifier.group, identifier.value), ())
        }
