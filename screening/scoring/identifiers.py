"""Identifier evidence: the query's identifiers against an entity's listed ones.

A strong type's match (IMO, LEI, BIC, a wallet, a tax number in its country) alerts on
its own; a weak type's (passport, national id) adds a little, like a birth date. A
different value of a type a holder has one of (IMO, LEI, tax number) on both sides is
another holder and lowers the score. A type the entity does not list says nothing. A
number given with the register it belongs to (``22839 (Jalisco)``) alerts only against the
same register's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from screening.identifiers import NormalIdentifier
from screening.model import EvidenceCheck
from screening.weights import IdentifierWeights

Outcome = Literal["match", "different", "unknown"]


class IdentifierOutcome(NamedTuple):
    """What one query identifier found among an entity's listed ones."""

    query: NormalIdentifier
    listed: tuple[NormalIdentifier, ...]  # the entity's values of the same group
    outcome: Outcome
    strong: bool  # a match that alerts on its own
    matched: NormalIdentifier | None


def _same_country(a: NormalIdentifier, b: NormalIdentifier) -> bool:
    return a.country is not None and a.country == b.country


def _compatible(a: NormalIdentifier, b: NormalIdentifier) -> bool:
    """Countries that do not contradict each other (one unknown, or both the same)."""
    return a.country is None or b.country is None or a.country == b.country


def compare(query: NormalIdentifier, listed: Sequence[NormalIdentifier]) -> IdentifierOutcome:
    """The outcome of one query identifier against an entity's listed identifiers."""
    same_group = tuple(item for item in listed if item.group == query.group)
    strength = query.rule.strength
    for item in same_group:
        if item.value == query.value and _compatible(query, item):
            strong = item.register == query.register and (
                strength == "strong" or (strength == "country" and _same_country(query, item))
            )
            return IdentifierOutcome(query, same_group, "match", strong, item)
    if query.rule.unique and strength != "weak":
        comparable = [
            item for item in same_group if strength == "strong" or _same_country(query, item)
        ]
        if comparable:
            return IdentifierOutcome(query, same_group, "different", False, None)
    return IdentifierOutcome(query, same_group, "unknown", False, None)


def identifier_outcomes(
    queried: Sequence[NormalIdentifier], listed: Sequence[NormalIdentifier]
) -> list[IdentifierOutcome]:
    """An outcome per query identifier whose group the entity lists."""
    outcomes = [compare(query, listed) for query in queried]
    return [item for item in outcomes if item.listed]


def score_change(outcome: IdentifierOutcome, weights: IdentifierWeights) -> float:
    """What an outcome adds to the name's score (a strong match sets a floor besides)."""
    if outcome.outcome == "match":
        return weights.strong_match_gain if outcome.strong else weights.weak_match
    if outcome.outcome == "different":
        return weights.strong_different
    return 0.0


def identifier_checks(
    outcomes: Sequence[IdentifierOutcome], weights: IdentifierWeights
) -> list[EvidenceCheck]:
    """The evidence rows of the explanation, one per outcome."""
    return [
        EvidenceCheck(
            kind="identifier",
            query_value=item.query.label,
            list_values=[listed.label for listed in item.listed],
            outcome=item.outcome,
            score_change=score_change(item, weights),
        )
        for item in outcomes
    ]
