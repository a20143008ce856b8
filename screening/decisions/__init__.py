"""Alert review that remembers: analyst decisions, applied while nothing relevant changed.

Modules: ``fingerprints`` (canonical hashes of a customer and of a listing), ``model``
(a decision, an alert as screened), ``schema`` (tables and migrations), ``store`` (SQLite
or PostgreSQL), ``apply`` (pure: which hits a decision suppresses, and why one lapsed),
``review`` (the decisions in force, applied to many customers), ``from_batch`` (decisions
from reviewed batch results, alerts from a batch run), ``book`` (a customer book read for
monitoring), ``keys`` (which customers a list update can concern), ``monitor`` (screening
a customer book again against what changed).
"""

from __future__ import annotations

from screening.decisions.apply import lapse_reason, review_hits, review_result
from screening.decisions.fingerprints import (
    customer_fingerprint,
    listing_fingerprint,
    query_fingerprint,
)
from screening.decisions.model import DISPOSITIONS, LAPSE_REASONS, Alert, Customer, Decision
from screening.decisions.review import DecisionBook
from screening.decisions.store import DecisionStore

__all__ = [
    "DISPOSITIONS",
    "LAPSE_REASONS",
    "Alert",
    "Customer",
    "Decision",
    "DecisionBook",
    "DecisionStore",
    "customer_fingerprint",
    "lapse_reason",
    "listing_fingerprint",
    "query_fingerprint",
    "review_hits",
    "review_result",
]
