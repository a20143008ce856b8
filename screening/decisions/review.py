"""The decisions in force, loaded once and applied to many customers' hits.

A batch run loads every decision before its workers start (they inherit the book), so
applying decisions costs a dictionary look-up per hit and no database round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from screening.decisions.apply import review_hits, review_result
from screening.decisions.fingerprints import customer_fingerprint, listing_fingerprint
from screening.decisions.model import Alert, Customer, Decision, utc_now
from screening.decisions.store import DecisionStore
from screening.model import Hit, ScreeningResult

if TYPE_CHECKING:
    from screening.screener import Screener


@dataclass
class DecisionBook:
    """Each customer's decision in force per list entry, and the listings they are checked
    against (the screener's entities)."""

    decisions: dict[str, dict[str, Decision]]
    screener: Screener
    today: date = field(default_factory=lambda: utc_now().date())
    _listings: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls, store: DecisionStore, screener: Screener, customer_key: str | None = None
    ) -> DecisionBook:
        """The decisions in force in ``store`` (of one customer, or of all)."""
        by_customer: dict[str, dict[str, Decision]] = {}
        for (customer, entity_id), decision in store.latest(customer_key).items():
            by_customer.setdefault(customer, {})[entity_id] = decision
        return cls(by_customer, screener)

    @property
    def margin(self) -> float:
        return self.screener.settings.review.score_margin

    def listing(self, entity_id: str) -> str | None:
        """The current listing fingerprint of an entry; ``None`` if the list lacks it."""
        if entity_id not in self._listings:
            entity = self.screener.entity(entity_id)
            self._listings[entity_id] = None if entity is None else listing_fingerprint(entity)
        return self._listings[entity_id]

    def review(
        self,
        customer_key: str | None,
        hits: list[Hit],
        name: str,
        schema: str | None = None,
        birth_date: str | None = None,
        country: str | None = None,
    ) -> list[Hit]:
        """The hits of one screened customer with its decisions applied."""
        decided = self.decisions.get(customer_key) if customer_key else None
        if not decided or not hits:
            return hits
        fingerprint = customer_fingerprint(name, schema, birth_date, country)
        return review_hits(hits, fingerprint, decided, self.listing, self.margin, self.today)

    def review_result(
        self, result: ScreeningResult, customer_key: str, screener: Screener
    ) -> ScreeningResult:
        decided = self.decisions.get(customer_key, {})
        return review_result(result, decided, self.listing, self.margin, self.today)


def lists_label(screener: Screener) -> str:
    """The list snapshots a screener screens against, as a decision records them."""
    return " ".join(f"{snapshot.source}:{snapshot.sha256}" for snapshot in screener.snapshots)


def customer_of(
    key: str,
    name: str,
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
) -> Customer:
    """A customer as screened, with its fingerprint."""
    return Customer(
        key=key,
        name=name,
        schema=schema,
        birth_date=birth_date,
        country=country,
        fingerprint=customer_fingerprint(name, schema, birth_date, country),
    )


def alerts_of(screener: Screener, customer: Customer, hits: list[Hit]) -> list[Alert]:
    """The hits of one screened customer as alerts to remember (what ``decide`` uses)."""
    now = utc_now()
    lists = lists_label(screener)
    alerts = []
    for hit in hits:
        entity = screener.entity(hit.entity_id)
        if entity is None:
            continue
        alerts.append(
            Alert(
                customer=customer,
                entity_id=hit.entity_id,
                listing_fingerprint=listing_fingerprint(entity),
                score=hit.score,
                lists=lists,
                screened_at=now,
            )
        )
    return alerts
