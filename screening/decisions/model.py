"""What the decision store holds: an analyst's decision, and an alert as last screened."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from screening.model import Disposition, LapseReason

DISPOSITIONS: tuple[Disposition, ...] = ("false_positive", "true_match", "escalated")
LAPSE_REASONS: dict[LapseReason, str] = {
    "listing_changed": "the listing changed since the decision",
    "customer_changed": "the customer's name or data changed since the decision",
    "expired": "the decision expired",
    "score_rose": "the engine now scores the pair higher than when decided",
}


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Customer(BaseModel):
    """A customer as screened: the key the caller gave, the name and secondary data."""

    key: str = Field(min_length=1)
    name: str
    schema_: str | None = Field(default=None, alias="schema")
    birth_date: str | None = None
    country: str | None = None
    fingerprint: str

    model_config = ConfigDict(frozen=True, populate_by_name=True)


class Alert(BaseModel):
    """A hit as last screened for one customer and list entry: what a decision is made on."""

    model_config = ConfigDict(frozen=True)

    customer: Customer
    entity_id: str
    listing_fingerprint: str
    score: float
    lists: str  # the list snapshots screened against, ``source:sha256`` joined by spaces
    screened_at: datetime


class Decision(BaseModel):
    """One analyst decision. Never changed once stored: a new decision is a new row."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None  # given by the store
    customer: Customer
    entity_id: str = Field(min_length=1)
    listing_fingerprint: str
    lists: str
    score: float  # what the engine scored the pair when the analyst decided
    disposition: Disposition
    decided_by: str = Field(min_length=1)
    decided_at: datetime = Field(default_factory=utc_now)
    reason: str = Field(min_length=1)
    expires_on: date | None = None  # the decision holds up to and including this day
    engine_version: str
    settings_hash: str

    @field_validator("decided_by", "reason")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()

    @classmethod
    def on_alert(
        cls,
        alert: Alert,
        disposition: Disposition,
        decided_by: str,
        reason: str,
        engine_version: str,
        settings_hash: str,
        expires_on: date | None = None,
    ) -> Decision:
        """A decision on an alert as it was screened (customer, listing and score)."""
        return cls(
            customer=alert.customer,
            entity_id=alert.entity_id,
            listing_fingerprint=alert.listing_fingerprint,
            lists=alert.lists,
            score=alert.score,
            disposition=disposition,
            decided_by=decided_by,
            reason=reason,
            expires_on=expires_on,
            engine_version=engine_version,
            settings_hash=settings_hash,
        )
