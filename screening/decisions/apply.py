"""Applying decisions to hits: pure functions of the hits, the decisions and the listings.

A hit covered by the customer's latest decision on that entry gets a ``HitReview``. A
``false_positive`` decision suppresses the hit while it holds; it lapses, and the hit is a
normal alert again, when the listing or the customer changed, the decision expired, or
the engine now scores the pair more than the margin above what the analyst saw.
``true_match`` and ``escalated`` decisions never suppress: the hit stays an alert, marked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from screening.decisions.fingerprints import query_fingerprint
from screening.decisions.model import Decision
from screening.model import Hit, HitReview, LapseReason, ScreeningResult

#: The current listing fingerprint of an entity id, ``None`` when the list no longer has it.
ListingLookup = Callable[[str], str | None]


def lapse_reason(
    decision: Decision,
    customer_fingerprint: str,
    listing_fingerprint: str | None,
    score: float,
    margin: float,
    today: date,
) -> LapseReason | None:
    """Why ``decision`` no longer covers this pair, or ``None`` while it holds."""
    if listing_fingerprint != decision.listing_fingerprint:
        return "listing_changed"
    if customer_fingerprint != decision.customer.fingerprint:
        return "customer_changed"
    if decision.expires_on is not None and today > decision.expires_on:
        return "expired"
    if score > decision.score + margin + 1e-9:
        return "score_rose"
    return None


def review_hits(
    hits: Sequence[Hit],
    customer_fingerprint: str,
    decisions: Mapping[str, Decision],
    listings: ListingLookup,
    margin: float,
    today: date,
) -> list[Hit]:
    """The hits with each decided one marked; alerts first, suppressed hits after them.

    ``decisions``: the customer's latest decision per entity id.
    """
    alerts: list[Hit] = []
    suppressed: list[Hit] = []
    for hit in hits:
        decision = decisions.get(hit.entity_id)
        if decision is None or decision.id is None:
            alerts.append(hit)
            continue
        lapsed = lapse_reason(
            decision,
            customer_fingerprint,
            listings(hit.entity_id),
            hit.score,
            margin,
            today,
        )
        holds = lapsed is None and decision.disposition == "false_positive"
        review = HitReview(
            decision_id=decision.id,
            disposition=decision.disposition,
            decided_by=decision.decided_by,
            decided_at=decision.decided_at.isoformat(),
            suppressed=holds,
            lapsed=lapsed,
        )
        (suppressed if holds else alerts).append(hit.model_copy(update={"review": review}))
    return alerts + suppressed


def review_result(
    result: ScreeningResult,
    decisions: Mapping[str, Decision],
    listings: ListingLookup,
    margin: float,
    today: date,
) -> ScreeningResult:
    """``review_hits`` for one screening result of one customer."""
    hits = review_hits(
        result.hits, query_fingerprint(result.query), decisions, listings, margin, today
    )
    return result.model_copy(update={"hits": hits})
