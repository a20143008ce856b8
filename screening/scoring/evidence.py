"""Secondary evidence: a birth date, a country or a schema moves the score by a little.

Each kind of evidence has an outcome (match, partial, different, unknown); what an
outcome adds to the score is a field of ``ScoringWeights``, looked up in one table.
Evidence that the list does not hold is unknown and changes nothing: missing data is
never a reason to clear a hit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal

from screening.model import EvidenceCheck, Query
from screening.weights import ScoringWeights

Kind = Literal["birth_date", "country", "schema"]
Outcome = Literal["match", "partial", "different", "unknown"]

# What each outcome adds to the score (an outcome not listed adds nothing).
SCORE_CHANGE: Final[dict[tuple[Kind, Outcome], Callable[[ScoringWeights], float]]] = {
    ("birth_date", "match"): lambda w: w.birth_date_match,
    ("birth_date", "partial"): lambda w: w.birth_year_match,
    ("birth_date", "different"): lambda w: w.birth_date_different,
    ("country", "match"): lambda w: w.country_match,
    ("country", "different"): lambda w: w.country_different,
    ("schema", "different"): lambda w: w.schema_different,
}


def evidence_checks(
    query: Query,
    entity_schema: str,
    birth_dates: list[str],
    countries: list[str],
    weights: ScoringWeights,
) -> list[EvidenceCheck]:
    """The checks the query's secondary data calls for, with their score changes."""
    found: list[tuple[Kind, str, list[str], Outcome]] = []
    if query.birth_date:
        wanted = query.birth_date.strip()
        found.append(("birth_date", wanted, birth_dates, birth_date_outcome(wanted, birth_dates)))
    if query.country:
        wanted = query.country.strip().lower()
        listed = [country.lower() for country in countries]
        found.append(("country", wanted, listed, country_outcome(wanted, listed)))
    if query.schema_ and not schemas_compatible(query.schema_, entity_schema):
        found.append(("schema", query.schema_, [entity_schema], "different"))
    return [
        EvidenceCheck(
            kind=kind,
            query_value=wanted,
            list_values=listed,
            outcome=outcome,
            score_change=change(weights) if (change := SCORE_CHANGE.get((kind, outcome))) else 0.0,
        )
        for kind, wanted, listed, outcome in found
    ]


def schemas_compatible(a: str, b: str) -> bool:
    """The same schema, or a legal entity against anything but a person."""
    return bool(a == b or ("LegalEntity" in (a, b) and "Person" not in (a, b)))


def country_outcome(wanted: str, listed: list[str]) -> Outcome:
    if not listed:
        return "unknown"
    return "match" if wanted in listed else "different"


def birth_date_outcome(wanted: str, listed: list[str]) -> Outcome:
    """A full date equal to one listed is a match; the same year (and month where both
    give one) is partial."""
    if not listed:
        return "unknown"
    if wanted in listed or any(len(d) >= 10 and d == wanted[:10] for d in listed):
        return "match"
    year = wanted[:4]
    for date in listed:
        if date[:4] == year and (len(date) == 4 or len(wanted) == 4 or date[:7] == wanted[:7]):
            return "partial"
    return "different"
