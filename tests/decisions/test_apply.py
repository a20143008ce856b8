"""Applying decisions: a valid false-positive decision suppresses its hit, and each lapse
case (listing, customer, expiry, score) brings the alert back with its reason."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from screening import Screener
from screening.decisions import Decision, lapse_reason, listing_fingerprint, review_result
from screening.decisions.review import customer_of
from screening.model import Disposition, Entity, ScreeningResult
from tests.decisions.conftest import PETROV, screener_of

TODAY = date(2026, 6, 1)
MARGIN = 0.05


def decision_on(
    screener: Screener,
    result: ScreeningResult,
    disposition: Disposition = "false_positive",
    **changes: Any,
) -> Decision:
    hit = result.hits[0]
    entity = screener.entity(hit.entity_id)
    assert entity is not None
    query = result.query
    fields: dict[str, Any] = {
        "id": 7,
        "customer": customer_of("C1", query.name, query.schema_, query.birth_date, query.country),
        "entity_id": hit.entity_id,
        "listing_fingerprint": listing_fingerprint(entity),
        "lists": "test:0",
        "score": hit.score,
        "disposition": disposition,
        "decided_by": "alice",
        "reason": "born 1990, the listed person 1961",
        "engine_version": "0",
        "settings_hash": "0",
    }
    return Decision.model_validate(fields | changes)


def apply(screener: Screener, result: ScreeningResult, decision: Decision) -> ScreeningResult:
    def listing(entity_id: str) -> str | None:
        entity = screener.entity(entity_id)
        return None if entity is None else listing_fingerprint(entity)

    return review_result(result, {decision.entity_id: decision}, listing, MARGIN, TODAY)


def test_a_valid_false_positive_suppresses_the_hit_and_keeps_it(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    reviewed = apply(screener, result, decision_on(screener, result))
    [hit] = reviewed.hits
    assert hit.entity_id == PETROV.id
    assert hit.suppressed
    assert hit.review is not None
    assert (hit.review.decision_id, hit.review.decided_by) == (7, "alice")
    assert hit.review.lapsed is None
    assert reviewed.alerts == []


@pytest.mark.parametrize("disposition", ["true_match", "escalated"])
def test_other_dispositions_never_suppress(screener: Screener, disposition: Disposition) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    reviewed = apply(screener, result, decision_on(screener, result, disposition))
    [hit] = reviewed.alerts
    assert hit.review is not None and hit.review.disposition == disposition


def test_lapses_when_the_listing_changes(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    decision = decision_on(screener, result)
    amended = PETROV.model_copy(update={"birth_dates": [*PETROV.birth_dates, "1990"]})
    updated = screener_of(amended)
    again = updated.screen("Ivan Petrov", birth_date="1990")
    [hit] = apply(updated, again, decision).alerts
    assert hit.review is not None and hit.review.lapsed == "listing_changed"


def test_lapses_when_the_entry_leaves_the_list(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    decision = decision_on(screener, result)
    assert lapse_reason(decision, decision.customer.fingerprint, None, 0.5, MARGIN, TODAY) == (
        "listing_changed"
    )


def test_lapses_when_the_customer_changes(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    decision = decision_on(screener, result)
    moved = screener.screen("Ivan Petrov", birth_date="1990", country="RU")
    [hit] = apply(screener, moved, decision).alerts
    assert hit.review is not None and hit.review.lapsed == "customer_changed"


def test_lapses_after_the_expiry_day(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    on_the_day = decision_on(screener, result, expires_on=TODAY)
    assert apply(screener, result, on_the_day).hits[0].suppressed
    passed = decision_on(screener, result, expires_on=date(2026, 5, 31))
    [hit] = apply(screener, result, passed).alerts
    assert hit.review is not None and hit.review.lapsed == "expired"


def test_lapses_when_the_engine_scores_the_pair_above_the_margin(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    score = result.hits[0].score
    within = decision_on(screener, result, score=score - MARGIN)
    assert apply(screener, result, within).hits[0].suppressed
    beyond = decision_on(screener, result, score=score - MARGIN - 0.01)
    [hit] = apply(screener, result, beyond).alerts
    assert hit.review is not None and hit.review.lapsed == "score_rose"


def test_a_lower_score_does_not_lapse(screener: Screener) -> None:
    result = screener.screen("Ivan Petrov", birth_date="1990")
    decision = decision_on(screener, result, score=result.hits[0].score + 0.1)
    assert apply(screener, result, decision).hits[0].suppressed


def test_alerts_come_before_suppressed_hits() -> None:
    twins = [
        Entity(id="a", schema="Person", names=["Ivan PETROV"]),
        Entity(id="b", schema="Person", names=["Ivan PETROVA"]),
    ]
    screener = screener_of(*twins)
    result = screener.screen("Ivan Petrov")
    assert result.hits[0].entity_id == "a"
    reviewed = apply(screener, result, decision_on(screener, result))
    assert [hit.entity_id for hit in reviewed.hits] == ["b", "a"]
    assert [hit.suppressed for hit in reviewed.hits] == [False, True]
